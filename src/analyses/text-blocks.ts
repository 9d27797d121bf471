import type { ChildNode, DocumentNode, ElementNode } from "../ast/types.js";
import type { TemplateSourceCode } from "../languages/template-source-code.js";
import { isBlock, isRendered } from "./text.js";
import { getAttribute } from "../ast/attributes.js";

/**
 * The visible text of a mail, paragraph by paragraph: each block element
 * (`p`, `td`, `mj-text`, `h1`…) with the text it holds itself, inline
 * elements included and nested blocks left to their own entry. Rules that
 * look for wording in the body (an offer, a KvK number, an advertisement
 * label) read this, so that a finding points at the paragraph that says it
 * and two paragraphs never run together into one phrase.
 */
export interface TextBlock {
	/** The block element, or the document for text outside any block. */
	node: ElementNode | DocumentNode;
	/** Its own text, whitespace collapsed, merge tags as written, image alt text included. */
	text: string;
}

export function getTextBlocks(sourceCode: TemplateSourceCode): TextBlock[] {
	return sourceCode.memo(collectTextBlocks);
}

interface Collecting {
	node: ElementNode | DocumentNode;
	parts: string[];
}

function collectTextBlocks(sourceCode: TemplateSourceCode): TextBlock[] {
	const document = sourceCode.ast;
	const collecting: Collecting[] = [];
	const root: Collecting = { node: document, parts: [] };
	collecting.push(root);
	visit(document.children, root, collecting);
	return collecting
		.map(({ node, parts }) => ({ node, text: parts.join("").replace(/\s+/gu, " ").trim() }))
		.filter((block) => block.text !== "");
}

function visit(children: readonly ChildNode[], current: Collecting, collecting: Collecting[]): void {
	for (const child of children) {
		switch (child.type) {
			case "Text":
				// `<!--[if !mso]>…<![endif]-->` content is shown by no client.
				if (child.clients !== "none") current.parts.push(child.value);
				break;
			case "MergeTag":
				if (child.clients !== "none") current.parts.push(child.raw);
				break;
			case "Element": {
				if (!isRendered(child) || child.clients === "none") break;
				if (child.name === "img" || child.name === "mj-image") {
					const alt = getAttribute(child, "alt")?.value;
					if (alt) current.parts.push(` ${alt} `);
				}
				if (isBlock(child)) {
					current.parts.push(" ");
					const block: Collecting = { node: child, parts: [] };
					collecting.push(block);
					visit(child.children, block, collecting);
				} else {
					visit(child.children, current, collecting);
				}
				break;
			}
			default:
				break;
		}
	}
}
