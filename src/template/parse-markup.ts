import { QuoteType, Tokenizer, type TokenizerCallbacks } from "htmlparser2";
import type {
	AttributeNode,
	ChildNode,
	ElementNode,
	MergeTagNode,
	Range,
	SourceLocation,
	TemplateFormat,
	TemplateProblem,
	TemplateProblemKind,
	TextNode,
} from "../ast/types.js";
import type { LineIndex } from "../ast/line-index.js";
import type { MergeTagMatch } from "./merge-tags.js";
import type { TemplateScan } from "./engine-tags.js";
import { clientsAt } from "./conditional-comments.js";
import { impliedClosers, RAW_TEXT_ELEMENTS, VOID_ELEMENTS } from "./html-rules.js";
import { MAX_NESTING_DEPTH, MAX_TEMPLATE_NODES, NodeLimitExceeded } from "./limits.js";
import { firstAtOrAfter, maskNonMarkup, type MaskedMarkup } from "./markup-mask.js";

/**
 * Parses MJML or HTML markup into the shared template AST.
 *
 * Merge tags and Outlook conditional-comment markers are masked first with
 * characters of the same length (./markup-mask.ts), so the tokenizer sees
 * ordinary markup while every offset still points into the original text;
 * node values are then read from the original text.
 */
export interface MarkupParseResult {
	children: ChildNode[];
	problems: TemplateProblem[];
	/** How many nodes the tree holds, attributes and their parts included. */
	nodes: number;
}

/**
 * The steps: mask what is not markup, let htmlparser2's tokenizer read the
 * masked text while a tree builder places each token, and take the tree.
 * `scan` gives the tags (and the engine comments to hide) when the file is
 * written for a template engine (src/template/engine-tags.ts); without it,
 * the ESP merge tags are looked for.
 */
export function parseMarkup(
	text: string,
	format: TemplateFormat,
	lines: LineIndex,
	scan?: TemplateScan,
): MarkupParseResult {
	const markup = maskNonMarkup(text, scan);
	const builder = new MarkupTreeBuilder(text, format, lines, markup);
	const tokenizer = new Tokenizer({ xmlMode: false, decodeEntities: true, recognizeSelfClosing: true }, builder);
	tokenizer.write(markup.masked);
	tokenizer.end();
	return builder.result();
}

/** A run of text or attribute value: a range of the original text, or one decoded character reference. */
type Piece = { start: number; end: number; decoded?: string };

/**
 * The position of an element whose start tag is still being read: its
 * range is known only at the `>`, where `endStartTag` computes the real one.
 * A tag cut off by the end of the file never reaches the tree.
 */
const UNPLACED: SourceLocation = Object.freeze({
	start: Object.freeze({ line: 0, column: 0 }),
	end: Object.freeze({ line: 0, column: 0 }),
});

/**
 * Builds the tree from the tokenizer's callbacks. Offsets come from the
 * tokenizer, which reads the masked text; values are read from `text`.
 * `cursor` is where the last token ended: the tokenizer reports a tag's name,
 * not its `<`, so a tag starts at the cursor.
 */
class MarkupTreeBuilder implements TokenizerCallbacks {
	private readonly masked: string;
	private readonly tags: readonly MergeTagMatch[];
	private readonly regions: MaskedMarkup["regions"];
	private readonly holes: MaskedMarkup["holes"];
	private readonly problems: TemplateProblem[] = [];
	private readonly root: { children: ChildNode[] } = { children: [] };
	/** The open elements, innermost last. */
	private readonly stack: ElementNode[] = [];
	private cursor = 0;
	/** Text read since the last node, placed by `flushText`. */
	private textPieces: Piece[] = [];
	/** The element whose start tag is being read. */
	private openTag: ElementNode | undefined;
	/** The attribute being read. */
	private attribute: { name: Range; pieces: Piece[] } | undefined;
	/** The first conditional comment not yet placed in the tree. */
	private nextRegion = 0;
	private tooDeep = false;
	private nodes = 0;

	constructor(
		private readonly text: string,
		private readonly format: TemplateFormat,
		private readonly lines: LineIndex,
		markup: MaskedMarkup,
	) {
		this.masked = markup.masked;
		this.tags = markup.tags;
		this.regions = markup.regions;
		this.holes = markup.holes;
	}

	result(): MarkupParseResult {
		return { children: this.root.children, problems: this.problems, nodes: this.nodes };
	}

	// ---- Tokenizer callbacks ----

	ontext(start: number, end: number): void {
		// The rest of a tag cut off by the end of the file (`</a x`, `<br/`) comes as text from offset -1; a browser drops it with the tag.
		if (start < 0) return;
		this.textPieces.push({ start, end });
		this.cursor = end;
	}

	ontextentity(codepoint: number, end: number): void {
		this.textPieces.push({ start: this.cursor, end, decoded: String.fromCodePoint(codepoint) });
		this.cursor = end;
	}

	onopentagname(start: number, end: number): void {
		this.flushText();
		this.beginStartTag(this.cursor, this.masked.slice(start, end).toLowerCase(), end);
	}

	onattribname(start: number, end: number): void {
		this.attribute = { name: [start, end], pieces: [] };
	}

	onattribdata(start: number, end: number): void {
		this.attribute?.pieces.push({ start, end });
	}

	onattribentity(codepoint: number): void {
		// The tokenizer does not report where an entity in an attribute starts;
		// its text is recovered from the surrounding data pieces (recoverEntityRanges).
		this.attribute?.pieces.push({ start: -1, end: -1, decoded: String.fromCodePoint(codepoint) });
	}

	onattribend(quote: QuoteType, end: number): void {
		if (this.openTag && this.attribute) this.addAttribute(this.openTag, this.attribute, quote, end);
		this.attribute = undefined;
	}

	onopentagend(end: number): void {
		const node = this.endStartTag(end);
		if (node && !VOID_ELEMENTS.has(node.name)) this.openElement(node);
	}

	onselfclosingtag(end: number): void {
		this.endStartTag(end);
	}

	onclosetag(start: number, end: number): void {
		this.flushText();
		const tagStart = this.cursor;
		// `end` is where the name ends; the tag ends at its `>`, after anything between (`</td >`, `</mj-\r\nbody>`), or at the end of the file.
		const close = this.masked.charCodeAt(end) === 62 /* > */ ? end : this.masked.indexOf(">", end);
		const tagEnd = close === -1 ? this.text.length : close + 1;
		this.cursor = tagEnd;
		this.endTag(this.masked.slice(start, end).toLowerCase(), [tagStart, tagEnd]);
	}

	oncomment(start: number, end: number, offset: number): void {
		this.flushText();
		const commentStart = this.cursor;
		this.cursor = end + 1;
		this.emitRegionsBefore(commentStart + 1);
		const range: Range = [commentStart, end + 1];
		this.container().children.push(
			this.counted({ type: "Comment", value: this.text.slice(start, end - offset), range, loc: this.loc(range) }),
		);
	}

	oncdata(_start: number, end: number): void {
		this.flushText();
		this.cursor = end + 1;
	}

	ondeclaration(start: number, end: number): void {
		this.flushText();
		const declarationStart = this.cursor;
		this.cursor = end + 1;
		const range: Range = [declarationStart, end + 1];
		// The tokenizer reports the declaration without its "<!".
		const value = this.text.slice(start, end);
		if (/^doctype/iu.test(value)) {
			this.container().children.push(this.counted({ type: "Doctype", value, range, loc: this.loc(range) }));
		}
	}

	onprocessinginstruction(_start: number, end: number): void {
		this.flushText();
		this.cursor = end + 1;
	}

	onend(): void {
		this.flushText();
		this.emitRegionsBefore(Number.POSITIVE_INFINITY);
		while (this.stack.length > 0) {
			const open = this.stack.pop()!;
			if (this.format === "mjml" && open.name.startsWith("mj")) {
				this.problem("mjml", `<${open.name}> is never closed.`, open.startTag.range);
			}
			this.closeElement(open, this.text.length);
		}
	}

	// ---- Elements ----

	/** A start tag from its `<` to the end of its name: implied end tags close, the element waits for its `>`. */
	private beginStartTag(tagStart: number, name: string, nameEnd: number): void {
		this.emitRegionsBefore(tagStart + 1);
		const closers = impliedClosers(name);
		if (closers) {
			while (this.stack.length > 0 && closers.has(this.stack[this.stack.length - 1]!.name)) {
				this.popTo(this.stack.length - 1, tagStart);
			}
		}
		const range: Range = [tagStart, nameEnd];
		this.openTag = this.counted({
			type: "Element",
			name,
			attributes: [],
			tagMergeTags: [],
			children: [],
			startTag: { range, loc: UNPLACED },
			clients: clientsAt(this.regions, tagStart),
			range,
			loc: UNPLACED,
		});
	}

	/** Completes the element whose start tag ends at `end` (the `>`) and places it in the tree. */
	private endStartTag(end: number): ElementNode | undefined {
		this.cursor = end + 1;
		if (!this.openTag) return undefined;
		const node = this.openTag;
		this.openTag = undefined;
		node.range = [node.startTag.range[0], end + 1];
		node.loc = this.loc(node.range);
		node.startTag = { range: node.range, loc: node.loc };
		this.container().children.push(node);
		return node;
	}

	/** Makes the element the container of what follows, unless the tree is already too deep. */
	private openElement(node: ElementNode): void {
		if (this.stack.length < MAX_NESTING_DEPTH) {
			this.stack.push(node);
		} else if (!this.tooDeep) {
			this.tooDeep = true;
			this.problem(
				"nesting",
				`Elements nest more than ${MAX_NESTING_DEPTH} levels deep here; like Chromium, mailcomply places deeper elements beside each other, so checks of what they contain may be incomplete. Close the tags that were left open.`,
				node.startTag.range,
			);
		}
	}

	/** An end tag: closes the open element of that name and those inside it, or is reported as stray. */
	private endTag(name: string, range: Range): void {
		if (VOID_ELEMENTS.has(name)) return;
		let index = this.stack.length - 1;
		while (index >= 0 && this.stack[index]!.name !== name) index--;
		if (index >= 0) {
			this.popTo(index, range[0], range[1]);
			return;
		}
		if (this.format === "mjml" && name.startsWith("mj")) {
			this.problem("mjml", `</${name}> closes an element that is not open.`, range);
		} else {
			this.problem("html", `Stray </${name}>: no <${name}> is open here.`, range);
		}
	}

	/** Closes every element above `index` in the stack as implicitly ended at `offset`. */
	private popTo(index: number, offset: number, explicitEnd?: number): void {
		while (this.stack.length > index + 1) {
			const open = this.stack.pop()!;
			if (this.format === "mjml" && open.name.startsWith("mj-")) {
				this.problem(
					"mjml",
					`<${open.name}> is not closed before </${this.stack[this.stack.length - 1]!.name}>.`,
					open.startTag.range,
				);
			}
			this.closeElement(open, offset);
		}
		const open = this.stack.pop()!;
		this.closeElement(open, explicitEnd ?? offset);
	}

	private closeElement(node: ElementNode, end: number): void {
		const last = node.children[node.children.length - 1];
		const finalEnd = Math.max(end, node.startTag.range[1], last ? last.range[1] : 0);
		node.range = [node.range[0], finalEnd];
		node.loc = this.loc(node.range);
	}

	private container(): { children: ChildNode[] } {
		return this.stack.length > 0 ? this.stack[this.stack.length - 1]! : this.root;
	}

	// ---- Attributes ----

	private addAttribute(
		element: ElementNode,
		pending: { name: Range; pieces: Piece[] },
		quote: QuoteType,
		end: number,
	): void {
		const { text, tags } = this;
		const [nameStart, nameEnd] = pending.name;
		// Merge tags written where an attribute name would be: `<a {% if x %}href="…">`.
		let realStart = nameStart;
		let realEnd = nameEnd;
		for (let i = firstAtOrAfter(tags, nameStart); i < tags.length && tags[i]!.start < nameEnd; i++) {
			const tag = tags[i]!;
			element.tagMergeTags.push(this.mergeTagNode(tag));
			if (tag.start <= realStart) realStart = Math.max(realStart, tag.end);
			else realEnd = Math.min(realEnd, tag.start);
		}
		if (realStart >= realEnd) return;
		const hasValue = quote !== QuoteType.NoValue;
		const attributeEnd = hasValue ? end : realEnd;
		const range: Range = [realStart, Math.max(attributeEnd, realEnd)];
		const node: AttributeNode = this.counted({
			type: "Attribute",
			name: text.slice(realStart, realEnd).toLowerCase(),
			value: null,
			parts: [],
			range,
			loc: this.loc(range),
		});
		if (hasValue) {
			const plain = this.plainValue(pending.pieces);
			if (plain) {
				// Most values are one run of literal text: the general path below would build the same node with five more arrays.
				node.value = text.slice(plain.start, plain.end);
				if (plain.end > plain.start) node.parts.push(this.textNode(pending.pieces, [plain.start, plain.end]));
			} else {
				const pieces = recoverEntityRanges(pending.pieces, text, end);
				node.value = pieces.map((piece) => piece.decoded ?? text.slice(piece.start, piece.end)).join("");
				node.parts = this.splitPieces(pieces.filter((piece) => piece.end > piece.start || piece.decoded));
			}
		}
		element.attributes.push(node);
	}

	// ---- Text and merge tags ----

	/** Places the text read since the last node: one text node, or text and merge-tag nodes around the tags. */
	private flushText(): void {
		if (this.textPieces.length === 0) return;
		const pieces = this.textPieces;
		this.textPieces = [];
		this.emitRegionsBefore(pieces[0]!.start);
		const target = this.container().children;
		if (this.inRawText()) {
			const range: Range = [pieces[0]!.start, pieces[pieces.length - 1]!.end];
			target.push(this.textNode(pieces, range));
			return;
		}
		// Most text is one run without entities or merge tags: one node, without splitting.
		const plain = this.plainValue(pieces);
		if (plain) {
			target.push(this.textNode(pieces, [plain.start, plain.end]));
			return;
		}
		// A loop, not push(...nodes): a run of merge tags can yield more nodes than a call may take arguments.
		for (const node of this.splitPieces(pieces)) target.push(node);
	}

	private inRawText(): boolean {
		return this.stack.length > 0 && RAW_TEXT_ELEMENTS.has(this.stack[this.stack.length - 1]!.name);
	}

	/** The one piece of a text or attribute value, when it is literal text without entities, merge tags or conditional markers. */
	private plainValue(pieces: readonly Piece[]): Piece | undefined {
		if (pieces.length !== 1) return undefined;
		const piece = pieces[0]!;
		if (piece.start === -1 || piece.decoded !== undefined) return undefined;
		const { holes } = this;
		const next = firstAtOrAfter(holes, piece.start);
		return next < holes.length && holes[next]!.start < piece.end ? undefined : piece;
	}

	/** Splits decoded text pieces into text and merge-tag nodes around the masked tags. */
	private splitPieces(pieces: Piece[]): Array<TextNode | MergeTagNode> {
		const { holes } = this;
		const out: Array<TextNode | MergeTagNode> = [];
		let run: Piece[] = [];
		const flushRun = () => {
			if (run.length === 0) return;
			out.push(this.textNode(run, [run[0]!.start, run[run.length - 1]!.end]));
			run = [];
		};
		for (const piece of pieces) {
			if (piece.decoded !== undefined) {
				run.push(piece);
				continue;
			}
			let position = piece.start;
			for (let i = firstAtOrAfter(holes, piece.start); i < holes.length && holes[i]!.start < piece.end; i++) {
				const hole = holes[i]!;
				if (hole.start > position) run.push({ start: position, end: hole.start });
				flushRun();
				if (hole.tag) out.push(this.mergeTagNode(hole.tag));
				position = hole.end;
			}
			if (position < piece.end) run.push({ start: position, end: piece.end });
		}
		flushRun();
		return out;
	}

	private textNode(pieces: Piece[], range: Range): TextNode {
		const { text } = this;
		return this.counted({
			type: "Text",
			value:
				pieces.length === 1
					? (pieces[0]!.decoded ?? text.slice(range[0], range[1]))
					: pieces.map((piece) => piece.decoded ?? text.slice(piece.start, piece.end)).join(""),
			clients: clientsAt(this.regions, range[0]),
			range,
			loc: this.loc(range),
		});
	}

	private mergeTagNode(tag: MergeTagMatch): MergeTagNode {
		const range: Range = [tag.start, tag.end];
		return this.counted({
			type: "MergeTag",
			syntax: tag.syntax,
			raw: this.text.slice(tag.start, tag.end),
			expression: tag.expression,
			clients: clientsAt(this.regions, tag.start),
			range,
			loc: this.loc(range),
		});
	}

	// ---- Conditional comments, problems, limits ----

	/** Places a marker node for each conditional comment that starts before `offset`. */
	private emitRegionsBefore(offset: number): void {
		const { regions } = this;
		while (this.nextRegion < regions.length && regions[this.nextRegion]!.start < offset) {
			const region = regions[this.nextRegion++]!;
			const range: Range = [region.start, region.end];
			this.container().children.push(
				this.counted({
					type: "Conditional",
					condition: region.condition,
					clients: region.clients,
					range,
					loc: this.loc(range),
				}),
			);
		}
	}

	private problem(kind: TemplateProblemKind, message: string, range: Range): void {
		// A problem is reported, so its location is always read: computed now, as a plain object.
		this.problems.push({ kind, message, range, loc: this.lines.loc(range) });
	}

	/** A node's location: found when first read, as most never are. */
	private loc(range: Range): SourceLocation {
		return this.lines.lazyLoc(range);
	}

	/** Counts a node the tree will hold; throws NodeLimitExceeded past MAX_TEMPLATE_NODES, before memory grows with the rest. */
	private counted<T>(node: T): T {
		if (++this.nodes > MAX_TEMPLATE_NODES) throw new NodeLimitExceeded();
		return node;
	}
}

/**
 * The tokenizer does not say where an entity inside an attribute value
 * starts; it lies between the neighbouring data pieces, from its `&` to its
 * `;` (or to the next piece, for a legacy entity without one).
 */
function recoverEntityRanges(pieces: readonly Piece[], text: string, valueEnd: number): Piece[] {
	const out: Piece[] = [];
	// Where the next data piece starts, for each position: filled from the end so that a value with many entities stays linear.
	const nextDataStart: number[] = new Array<number>(pieces.length);
	for (let i = pieces.length - 1, next = valueEnd; i >= 0; i--) {
		nextDataStart[i] = next;
		if (pieces[i]!.start !== -1) next = pieces[i]!.start;
	}
	for (let i = 0; i < pieces.length; i++) {
		const piece = pieces[i]!;
		if (piece.start !== -1) {
			out.push(piece);
			continue;
		}
		const limit = nextDataStart[i]!;
		const previousEnd = out.length > 0 ? out[out.length - 1]!.end : -1;
		const start = previousEnd >= 0 ? previousEnd : Math.max(0, text.lastIndexOf("&", limit - 1));
		const semicolon = text.indexOf(";", start);
		const nextAmpersand = text.indexOf("&", start + 1);
		let end = semicolon !== -1 && semicolon < limit ? semicolon + 1 : limit;
		if (nextAmpersand !== -1 && nextAmpersand < end) end = nextAmpersand;
		out.push({ start, end, decoded: piece.decoded });
	}
	return out;
}
