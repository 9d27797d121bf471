import type { ClientScope, ElementNode, MergeTagNode, TemplateNode } from "../ast/types.js";
import type { TemplateSourceCode } from "../languages/template-source-code.js";
import { classifyTarget, type LinkTarget } from "./link-target.js";
import { isBlock, textContent } from "./text.js";
import { getAttribute } from "../ast/attributes.js";

/** Elements that render a clickable link from their `href`. */
const LINK_ELEMENTS: ReadonlySet<string> = new Set([
	"a",
	"area",
	"mj-button",
	"mj-navbar-link",
	"mj-social-element",
	"mj-image",
	"mj-carousel-image",
]);

export interface Link {
	element: ElementNode;
	target: LinkTarget;
	/** The link's visible text (an image link: its alt text). */
	text: string;
	/** The text of the nearest block around the link, e.g. the footer paragraph. */
	context: string;
	clients: ClientScope;
}

/** A merge tag written in the text of the mail (not in an attribute), where ESPs render some tags as a link. */
export interface TextMergeTag {
	tag: MergeTagNode;
	context: string;
}

export interface LinkAnalysis {
	links: Link[];
	textMergeTags: TextMergeTag[];
	/** Campaign Monitor's `<unsubscribe>…</unsubscribe>` elements, which the ESP turns into an unsubscribe link. */
	unsubscribeElements: ElementNode[];
}

export function getLinks(sourceCode: TemplateSourceCode): LinkAnalysis {
	return sourceCode.memo(analyseLinks);
}

function analyseLinks(sourceCode: TemplateSourceCode): LinkAnalysis {
	const analysis: LinkAnalysis = { links: [], textMergeTags: [], unsubscribeElements: [] };
	const blockOf = (node: TemplateNode): string => {
		for (let current = sourceCode.getParent(node); current; current = sourceCode.getParent(current)) {
			if (current.type === "Element" && isBlock(current)) return textContent(current);
			if (current.type === "Document") return textContent(current);
		}
		return "";
	};
	for (const node of sourceCode.getElements()) {
		if (node.name === "unsubscribe") analysis.unsubscribeElements.push(node);
		if (!LINK_ELEMENTS.has(node.name)) continue;
		const href = getAttribute(node, "href");
		if (!href && node.name !== "a") continue;
		analysis.links.push({
			element: node,
			target: classifyTarget(href),
			text: linkText(node),
			context: blockOf(node),
			clients: node.clients,
		});
	}
	for (const node of sourceCode.getMergeTags()) {
		if (sourceCode.getParent(node)?.type !== "Attribute" && !isInTagBody(sourceCode, node))
			analysis.textMergeTags.push({ tag: node, context: blockOf(node) });
	}
	return analysis;
}

function linkText(element: ElementNode): string {
	const text = textContent(element);
	if (text !== "") return text;
	const alt = element.attributes.find((attribute) => attribute.name === "alt" || attribute.name === "title");
	return alt?.value?.trim() ?? "";
}

/** A merge tag between attributes, e.g. `<a {% if x %}…>`, is template logic, not text. */
function isInTagBody(sourceCode: TemplateSourceCode, node: MergeTagNode): boolean {
	const parent = sourceCode.getParent(node);
	return parent?.type === "Element" && parent.tagMergeTags.includes(node);
}
