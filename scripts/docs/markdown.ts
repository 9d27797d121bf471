/**
 * Markdown for the docs generator and the doc-example tests, read and written
 * with unified/remark: a document is read as a syntax
 * tree, so a heading, a fenced example or a marker comment is found as what it
 * is, and a generated block is written from a tree, so its escaping is
 * remark's. The author's own text is never re-serialised: a generated block
 * goes in at the source offsets of the nodes it replaces, and the rest of the
 * file keeps its bytes.
 */
import { unified, type Processor } from "unified";
import remarkParse from "remark-parse";
import remarkStringify, { type Options as StringifyOptions } from "remark-stringify";
import { gfmTableToMarkdown } from "mdast-util-gfm-table";
import type { Code, Html, List, Nodes, Paragraph, PhrasingContent, Root, RootContent, Table } from "mdast";

// CommonMark, without GFM: what is read here (headings, fences, marker
// comments, a paragraph) needs none of it, and GFM's autolink literals would
// turn each "www.…" and URL in a citation's text into a link, written back
// as `<https://…>`.
const reader = unified().use(remarkParse);

/** How generated blocks are written: the house style of the hand-written docs. */
const STYLE: StringifyOptions = {
	bullet: "-",
	emphasis: "_",
	strong: "*",
	fence: "`",
	listItemIndent: "one",
	rule: "-",
};

/** GFM tables only, in `| a | b |` rows without padding each column to its widest cell: a new rule changes one row, not the whole table. */
function gfmTables(this: Processor) {
	const data = this.data();
	data.toMarkdownExtensions = [...(data.toMarkdownExtensions ?? []), gfmTableToMarkdown({ tablePipeAlign: false })];
}
const writer = unified().use(remarkStringify, STYLE).use(gfmTables);

export function parseMarkdown(text: string): Root {
	return reader.parse(text);
}

/** Top-level blocks as Markdown text, without a trailing line break. */
export function writeMarkdown(blocks: RootContent[]): string {
	return writer.stringify({ type: "root", children: blocks }).trimEnd();
}

/**
 * Text written as Markdown in the rules' meta or the citation catalogue
 * (descriptions, a schema's `description`, a source's summary), as the inline
 * nodes it stands for; its line breaks become spaces, as in a table cell.
 */
export function inlineMarkdown(text: string): PhrasingContent[] {
	const oneLine = text
		.split("\n")
		.map((line) => line.trim())
		.filter(Boolean)
		.join(" ");
	const [first] = parseMarkdown(oneLine).children;
	if (oneLine === "") return [];
	if (first?.type !== "paragraph") return [{ type: "text", value: oneLine }];
	return first.children;
}

export const text = (value: string): PhrasingContent => ({ type: "text", value });
export const inlineCode = (value: string): PhrasingContent => ({ type: "inlineCode", value });
export const paragraph = (children: PhrasingContent[]): Paragraph => ({ type: "paragraph", children });
export const codeBlock = (lang: string, value: string): Code => ({ type: "code", lang, value });

/** A tight bullet list, one paragraph per item. */
export function bulletList(items: PhrasingContent[][]): List {
	return {
		type: "list",
		ordered: false,
		spread: false,
		children: items.map((children) => ({ type: "listItem", spread: false, children: [paragraph(children)] })),
	};
}

/** A GFM table: a header row and body rows of inline content. */
export function table(header: PhrasingContent[][], rows: PhrasingContent[][][]): Table {
	return {
		type: "table",
		children: [header, ...rows].map((cells) => ({
			type: "tableRow",
			children: cells.map((children) => ({ type: "tableCell", children })),
		})),
	};
}

/** The plain text of a node, without its Markdown. */
export function textOf(node: Nodes): string {
	if ("value" in node) return node.value;
	if ("children" in node) return (node.children as Nodes[]).map(textOf).join("");
	return "";
}

/** Where a node is in the source it was parsed from. */
export function offsetsOf(node: Nodes): { start: number; end: number } {
	const start = node.position?.start.offset;
	const end = node.position?.end.offset;
	if (start === undefined || end === undefined) throw new Error(`a parsed ${node.type} node has no position`);
	return { start, end };
}

/** The top-level block that is the HTML comment `marker` (e.g. `<!-- begin rule table -->`). */
export function markerNode(tree: Root, marker: string, after = 0): Html | undefined {
	return tree.children.find(
		(node): node is Html => node.type === "html" && node.value.trim() === marker && offsetsOf(node).start >= after,
	);
}

/** The heading of the given depth whose text is `title` (`## Options` is depth 2, "Options"). */
export function headingNode(tree: Root, depth: number, title: string): RootContent | undefined {
	return tree.children.find((node) => node.type === "heading" && node.depth === depth && textOf(node).trim() === title);
}
