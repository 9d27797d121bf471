import type { ChildNode, ElementNode, TemplateNode } from "../ast/types.js";
import { getAttribute } from "../ast/attributes.js";

/** Elements whose text the reader never sees in the body of the mail. */
const NOT_RENDERED: ReadonlySet<string> = new Set([
	"head",
	"style",
	"script",
	"title",
	"template",
	"mj-head",
	"mj-style",
	"mj-attributes",
	"mj-title",
	"mj-preview",
	"mj-breakpoint",
	"mj-font",
	"mj-html-attributes",
]);

/** Elements that start a new line of text; the words either side of them do not run together. */
const BLOCKS: ReadonlySet<string> = new Set([
	"p",
	"div",
	"td",
	"th",
	"tr",
	"table",
	"li",
	"ul",
	"ol",
	"h1",
	"h2",
	"h3",
	"h4",
	"h5",
	"h6",
	"br",
	"hr",
	"center",
	"section",
	"footer",
	"header",
	"article",
	"blockquote",
	"body",
	"mj-text",
	"mj-button",
	"mj-column",
	"mj-section",
	"mj-wrapper",
	"mj-hero",
	"mj-table",
	"mj-navbar",
	"mj-navbar-link",
	"mj-social-element",
	"mj-raw",
	"mj-accordion-title",
	"mj-accordion-text",
]);

export function isRendered(element: ElementNode): boolean {
	return !NOT_RENDERED.has(element.name);
}

export function isBlock(element: ElementNode): boolean {
	return BLOCKS.has(element.name);
}

const textCache = new WeakMap<TemplateNode, string>();

/**
 * The text a reader sees inside a node, with merge tags kept as written and
 * block boundaries as spaces; whitespace is collapsed.
 */
export function textContent(node: ElementNode | { children: ChildNode[] }): string {
	const cached = textCache.get(node as TemplateNode);
	if (cached !== undefined) return cached;
	const parts: string[] = [];
	collect(node.children, parts);
	const text = parts.join("").replace(/\s+/gu, " ").trim();
	textCache.set(node as TemplateNode, text);
	return text;
}

function collect(children: readonly ChildNode[], parts: string[]): void {
	for (const child of children) {
		switch (child.type) {
			case "Text":
				parts.push(child.value);
				break;
			case "MergeTag":
				parts.push(child.raw);
				break;
			case "Element":
				if (!isRendered(child)) break;
				if (isBlock(child)) parts.push(" ");
				if (child.name === "img") parts.push(getAttribute(child, "alt")?.value ?? "");
				collect(child.children, parts);
				if (isBlock(child)) parts.push(" ");
				break;
			default:
				break;
		}
	}
}

/** Cuts text quoted in a message (a link text, a URL, a subject, a field label) to `max` characters. */
export function shortenText(text: string, max = 60): string {
	return text.length > max ? `${text.slice(0, max - 3)}…` : text;
}
