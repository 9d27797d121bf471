import type { AttributeNode, ElementNode } from "../ast/types.js";
import type { TemplateSourceCode } from "../languages/template-source-code.js";
import { ownValue } from "../own-value.js";
import { classifyTarget, type LinkTarget } from "./link-target.js";
import { getLinks } from "./links.js";
import { getUnsubscribeLinks } from "./unsubscribe-links.js";
import { getAttribute } from "../ast/attributes.js";

/** What the mail does with a URL. */
export type ResourceKind =
	/** The reader follows it. */
	| "link"
	/** The client loads it when the mail opens: an image, a tracking pixel, a background. */
	| "image"
	/** A form posts the reader's input to it. */
	| "form";

export interface ResourceUrl {
	element: ElementNode;
	attribute: AttributeNode;
	kind: ResourceKind;
	target: LinkTarget;
	/** The link is one of the mail's opt-outs (see unsubscribe-links.ts). */
	optOut: boolean;
}

/** Attributes that make the client load an image, by element. */
const IMAGE_SOURCES: Readonly<Record<string, readonly string[]>> = {
	img: ["src"],
	input: ["src"],
	"mj-image": ["src"],
	"mj-carousel-image": ["src"],
	"mj-social-element": ["src"],
	"mj-section": ["background-url"],
	"mj-wrapper": ["background-url"],
	"mj-hero": ["background-url"],
	"v:image": ["src"],
	"v:fill": ["src"],
	body: ["background"],
	table: ["background"],
	td: ["background"],
	th: ["background"],
};

/** Every URL the mail links to, loads or posts to, once per file. */
export function getResourceUrls(sourceCode: TemplateSourceCode): ResourceUrl[] {
	return sourceCode.memo(collectResourceUrls);
}

function collectResourceUrls(sourceCode: TemplateSourceCode): ResourceUrl[] {
	const optOutElements = new Set(getUnsubscribeLinks(sourceCode).optOuts.map((optOut) => optOut.element));
	const urls: ResourceUrl[] = [];
	for (const link of getLinks(sourceCode).links) {
		const href = getAttribute(link.element, "href");
		if (!href) continue;
		urls.push({
			element: link.element,
			attribute: href,
			kind: "link",
			target: link.target,
			optOut: optOutElements.has(link.element),
		});
	}
	for (const node of sourceCode.getElements()) {
		// Own keys only: an element may be called `<constructor>`.
		const names = node.name === "form" ? ["action"] : (ownValue(IMAGE_SOURCES, node.name) ?? []);
		for (const attribute of node.attributes) {
			if (!names.includes(attribute.name) || attribute.value === null) continue;
			urls.push({
				element: node,
				attribute,
				kind: node.name === "form" ? "form" : "image",
				target: classifyTarget(attribute),
				optOut: false,
			});
		}
	}
	return urls;
}
