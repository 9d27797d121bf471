/**
 * Parses a composed mail (src/template/composition/compose.ts) as HTML and
 * places every node back where the linted file can show it: a node of the
 * linted file at its own offsets, a node of a layout or partial at the tag
 * that brought it in (`{% extends %}`, `{{> footer}}`), its own file and
 * offsets kept in `origin`, as for `mj-include` (see src/ast/types.ts).
 */
import path from "node:path";
import type {
	AttributeNode,
	ChildNode,
	MergeTagNode,
	Origin,
	Range,
	SourceLocation,
	TemplateProblem,
	TextNode,
} from "../../ast/types.js";
import { LineIndex } from "../../ast/line-index.js";
import { parseMarkup, type MarkupParseResult } from "../parse-markup.js";
import type { Composition, Piece } from "./compose.js";
import type { LoadedTemplate } from "./loader.js";

interface Placed {
	range: Range;
	loc: SourceLocation;
	origin?: Origin;
}

export function parseComposed(own: LoadedTemplate, composition: Composition, root: string): MarkupParseResult {
	const parsed = parseMarkup(composition.text, "html", new LineIndex(composition.text), {
		tags: composition.tags,
		hidden: [],
	});
	const placement = new Placement(own, composition.pieces);
	const pending: ChildNode[] = [...parsed.children];
	while (pending.length > 0) {
		const node = pending.pop()!;
		placement.placeNode(node);
		if (node.type === "Element") for (const child of node.children) pending.push(child);
	}
	const problems: TemplateProblem[] = parsed.problems.map((problem) => {
		const placed = placement.place(problem.range);
		if (!placed.origin) return { ...problem, range: placed.range, loc: placed.loc };
		const from = composition.pieces.find((piece) => piece.file.realPath === placed.origin!.file)!.file;
		const line = from.lines.loc(placed.origin.range).start.line;
		return {
			...problem,
			message: `in ${path.relative(root, placed.origin.file) || path.basename(placed.origin.file)} line ${line}: ${problem.message}`,
			range: placed.range,
			loc: placed.loc,
		};
	});
	return { children: parsed.children, problems, nodes: parsed.nodes };
}

class Placement {
	readonly #own: LoadedTemplate;
	readonly #pieces: readonly Piece[];
	readonly #anchorLocs = new Map<Range, SourceLocation>();

	constructor(own: LoadedTemplate, pieces: readonly Piece[]) {
		this.#own = own;
		this.#pieces = pieces;
	}

	/** The index of the piece holding composed offset `offset` (the last one for the end of the text). */
	#indexAt(offset: number): number {
		const pieces = this.#pieces;
		let low = 0;
		let high = pieces.length - 1;
		while (low < high) {
			const mid = (low + high + 1) >> 1;
			if (pieces[mid]!.at <= offset) low = mid;
			else high = mid - 1;
		}
		return low;
	}

	#pieceAt(offset: number): Piece {
		return this.#pieces[this.#indexAt(offset)]!;
	}

	/** `contiguous`: the node is one run of written text (a text, a tag, a comment), never more than what stands together in its file. */
	place(range: Range, contiguous = false): Placed {
		if (this.#pieces.length === 0) return { range: [0, 0], loc: this.#own.lines.loc([0, 0]) };
		const [start, end] = range;
		const first = this.#pieceAt(start);
		let last = end > start ? this.#pieceAt(end - 1) : first;
		if (contiguous && last !== first) last = this.#lastAdjacent(first, last);
		const fileStart = first.fileStart + (start - first.at);
		// The end within the last piece that continues the node's file (a node may run past it into another file's text).
		let fileEnd =
			last.file === first.file
				? last.fileStart + (Math.min(end, last.at + last.length) - last.at)
				: first.fileStart + first.length;
		if (fileEnd < fileStart) fileEnd = first.fileStart + first.length;
		if (first.file === this.#own) {
			const placed: Range = [fileStart, fileEnd];
			return { range: placed, loc: this.#own.lines.loc(placed) };
		}
		const anchor = first.anchor ?? [0, 0];
		let loc = this.#anchorLocs.get(anchor);
		if (!loc) {
			loc = this.#own.lines.loc(anchor);
			this.#anchorLocs.set(anchor, loc);
		}
		return { range: anchor, loc, origin: { file: first.file.realPath, range: [fileStart, fileEnd] } };
	}

	/**
	 * The last piece from `first` up to `last` that continues the file text
	 * without a gap: white space on both sides of a `{% block %}` tag is two
	 * runs of the file, though one text node of the mail.
	 */
	#lastAdjacent(first: Piece, last: Piece): Piece {
		let index = this.#indexAt(first.at);
		let current = first;
		while (current !== last) {
			const next = this.#pieces[++index]!;
			if (next.file !== current.file || next.fileStart !== current.fileStart + current.length) return current;
			current = next;
		}
		return current;
	}

	placeNode(node: ChildNode): void {
		this.#placeLeaf(node);
		if (node.type !== "Element") return;
		const startTag = this.place(node.startTag.range);
		node.startTag = { range: startTag.range, loc: startTag.loc };
		for (const attribute of node.attributes) this.#placeAttribute(attribute);
		for (const tag of node.tagMergeTags) this.#placeLeaf(tag);
	}

	#placeAttribute(attribute: AttributeNode): void {
		this.#placeLeaf(attribute);
		for (const part of attribute.parts) this.#placeLeaf(part);
	}

	#placeLeaf(node: ChildNode | AttributeNode | TextNode | MergeTagNode): void {
		const placed = this.place(node.range, node.type === "Text" || node.type === "MergeTag" || node.type === "Comment");
		node.range = placed.range;
		node.loc = placed.loc;
		if (placed.origin) node.origin = placed.origin;
	}
}
