import { Tokenizer, QuoteType } from "htmlparser2";
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
import { blankMergeTags, findMergeTags, type MergeTagMatch } from "./merge-tags.js";
import type { Span, TemplateScan } from "./engine-tags.js";
import { clientsAt, findConditionalRegions, type ConditionalRegion } from "./conditional-comments.js";
import { impliedClosers, RAW_TEXT_ELEMENTS, VOID_ELEMENTS } from "./html-rules.js";
import { MAX_NESTING_DEPTH, MAX_TEMPLATE_NODES, NodeLimitExceeded } from "./limits.js";

/**
 * Parses MJML or HTML markup into the shared template AST.
 *
 * Merge tags and Outlook conditional-comment markers are masked first with
 * characters of the same length, so the tokenizer sees ordinary markup while
 * every offset still points into the original text; node values are then
 * read from the original text.
 */
export interface MarkupParseResult {
	children: ChildNode[];
	problems: TemplateProblem[];
	/** How many nodes the tree holds, attributes and their parts included. */
	nodes: number;
}

/** A private-use character the tokenizer treats as an ordinary name or text character. */
const MASK = "\uE000";

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

interface OpenElement {
	node: ElementNode;
}

/**
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
	const hidden = scan?.hidden ?? [];
	// Markup commented out in an engine comment opens no conditional block.
	const regions = findConditionalRegions(hidden.length > 0 ? blankMergeTags(text, hidden) : text);
	const tags = withoutOverlaps(scan?.tags ?? findMergeTags(text), regions);
	const masked = mask(text, tags, regions, hidden);
	const holes = holesIn(tags, regions, hidden);
	const problems: TemplateProblem[] = [];
	const root: { children: ChildNode[] } = { children: [] };
	const stack: OpenElement[] = [];
	let cursor = 0;
	let textPieces: Piece[] = [];
	let openTag: ElementNode | undefined;
	let attribute: { name: Range; pieces: Piece[] } | undefined;
	let nextRegion = 0;
	let tooDeep = false;
	let nodes = 0;
	/** Counts a node the tree will hold; throws NodeLimitExceeded past MAX_TEMPLATE_NODES, before memory grows with the rest. */
	const counted = <T>(node: T): T => {
		if (++nodes > MAX_TEMPLATE_NODES) throw new NodeLimitExceeded();
		return node;
	};

	const loc = (range: Range) => lines.loc(range);
	const problem = (kind: TemplateProblemKind, message: string, range: Range) =>
		problems.push({ kind, message, range, loc: loc(range) });
	const container = () => (stack.length > 0 ? stack[stack.length - 1]!.node : root);
	const inRawText = () => stack.length > 0 && RAW_TEXT_ELEMENTS.has(stack[stack.length - 1]!.node.name);

	/** Places a marker node for each conditional comment that starts before `offset`. */
	const emitRegionsBefore = (offset: number) => {
		while (nextRegion < regions.length && regions[nextRegion]!.start < offset) {
			const region = regions[nextRegion++]!;
			const range: Range = [region.start, region.end];
			container().children.push(
				counted({
					type: "Conditional",
					condition: region.condition,
					clients: region.clients,
					range,
					loc: loc(range),
				}),
			);
		}
	};

	const flushText = () => {
		if (textPieces.length === 0) return;
		const pieces = textPieces;
		textPieces = [];
		emitRegionsBefore(pieces[0]!.start);
		const target = container().children;
		if (inRawText()) {
			const range: Range = [pieces[0]!.start, pieces[pieces.length - 1]!.end];
			target.push(textNode(pieces, range));
			return;
		}
		// Most text is one run without entities or merge tags: one node, without splitting.
		const plain = plainValue(pieces);
		if (plain) {
			target.push(textNode(pieces, [plain.start, plain.end]));
			return;
		}
		// A loop, not push(...nodes): a run of merge tags can yield more nodes than a call may take arguments.
		for (const node of splitPieces(pieces)) target.push(node);
	};

	const textNode = (pieces: Piece[], range: Range): TextNode =>
		counted({
			type: "Text",
			value:
				pieces.length === 1
					? (pieces[0]!.decoded ?? text.slice(range[0], range[1]))
					: pieces.map((piece) => piece.decoded ?? text.slice(piece.start, piece.end)).join(""),
			clients: clientsAt(regions, range[0]),
			range,
			loc: loc(range),
		});

	const mergeTagNode = (tag: MergeTagMatch): MergeTagNode => {
		const range: Range = [tag.start, tag.end];
		return counted({
			type: "MergeTag",
			syntax: tag.syntax,
			raw: text.slice(tag.start, tag.end),
			expression: tag.expression,
			clients: clientsAt(regions, tag.start),
			range,
			loc: loc(range),
		});
	};

	/** Splits decoded text pieces into text and merge-tag nodes around the masked tags. */
	const splitPieces = (pieces: Piece[]): Array<TextNode | MergeTagNode> => {
		const out: Array<TextNode | MergeTagNode> = [];
		let run: Piece[] = [];
		const flushRun = () => {
			if (run.length === 0) return;
			out.push(textNode(run, [run[0]!.start, run[run.length - 1]!.end]));
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
				if (hole.tag) out.push(mergeTagNode(hole.tag));
				position = hole.end;
			}
			if (position < piece.end) run.push({ start: position, end: piece.end });
		}
		flushRun();
		return out;
	};

	const closeElement = (open: OpenElement, end: number) => {
		const node = open.node;
		const last = node.children[node.children.length - 1];
		const finalEnd = Math.max(end, node.startTag.range[1], last ? last.range[1] : 0);
		node.range = [node.range[0], finalEnd];
		node.loc = loc(node.range);
	};

	/** Closes every element above `index` in the stack as implicitly ended at `offset`. */
	const popTo = (index: number, offset: number, explicitEnd?: number) => {
		while (stack.length > index + 1) {
			const open = stack.pop()!;
			if (format === "mjml" && open.node.name.startsWith("mj-")) {
				problem(
					"mjml",
					`<${open.node.name}> is not closed before </${stack[stack.length - 1]!.node.name}>.`,
					open.node.startTag.range,
				);
			}
			closeElement(open, offset);
		}
		const open = stack.pop()!;
		closeElement(open, explicitEnd ?? offset);
	};

	/** Completes the element whose start tag ends at `end` (the `>`) and places it in the tree. */
	const endStartTag = (end: number): ElementNode | undefined => {
		cursor = end + 1;
		if (!openTag) return undefined;
		const node = openTag;
		openTag = undefined;
		node.range = [node.startTag.range[0], end + 1];
		node.loc = loc(node.range);
		node.startTag = { range: node.range, loc: node.loc };
		container().children.push(node);
		return node;
	};

	const tokenizer = new Tokenizer(
		{ xmlMode: false, decodeEntities: true, recognizeSelfClosing: true },
		{
			ontext(start, end) {
				// The rest of a tag cut off by the end of the file (`</a x`, `<br/`) comes as text from offset -1; a browser drops it with the tag.
				if (start < 0) return;
				textPieces.push({ start, end });
				cursor = end;
			},
			ontextentity(codepoint, end) {
				textPieces.push({ start: cursor, end, decoded: String.fromCodePoint(codepoint) });
				cursor = end;
			},
			onopentagname(start, end) {
				flushText();
				const tagStart = cursor;
				emitRegionsBefore(tagStart + 1);
				const name = masked.slice(start, end).toLowerCase();
				const closers = impliedClosers(name);
				if (closers) {
					while (stack.length > 0 && closers.has(stack[stack.length - 1]!.node.name)) {
						popTo(stack.length - 1, tagStart);
					}
				}
				const range: Range = [tagStart, end];
				openTag = counted({
					type: "Element",
					name,
					attributes: [],
					tagMergeTags: [],
					children: [],
					startTag: { range, loc: UNPLACED },
					clients: clientsAt(regions, tagStart),
					range,
					loc: UNPLACED,
				});
			},
			onattribname(start, end) {
				attribute = { name: [start, end], pieces: [] };
			},
			onattribdata(start, end) {
				attribute?.pieces.push({ start, end });
			},
			onattribentity(codepoint) {
				// The tokenizer does not report where an entity in an attribute starts;
				// its text is recovered from the surrounding data pieces below.
				attribute?.pieces.push({ start: -1, end: -1, decoded: String.fromCodePoint(codepoint) });
			},
			onattribend(quote, end) {
				if (openTag && attribute) addAttribute(openTag, attribute, quote, end);
				attribute = undefined;
			},
			onopentagend(end) {
				const node = endStartTag(end);
				if (!node || VOID_ELEMENTS.has(node.name)) return;
				if (stack.length < MAX_NESTING_DEPTH) {
					stack.push({ node });
				} else if (!tooDeep) {
					tooDeep = true;
					problem(
						"nesting",
						`Elements nest more than ${MAX_NESTING_DEPTH} levels deep here; like Chromium, mailcomply places deeper elements beside each other, so checks of what they contain may be incomplete. Close the tags that were left open.`,
						node.startTag.range,
					);
				}
			},
			onselfclosingtag(end) {
				endStartTag(end);
			},
			onclosetag(start, end) {
				flushText();
				const tagStart = cursor;
				// `end` is where the name ends; the tag ends at its `>`, after anything between (`</td >`, `</mj-\r\nbody>`), or at the end of the file.
				const close = masked.charCodeAt(end) === 62 /* > */ ? end : masked.indexOf(">", end);
				const tagEnd = close === -1 ? text.length : close + 1;
				cursor = tagEnd;
				const name = masked.slice(start, end).toLowerCase();
				if (VOID_ELEMENTS.has(name)) return;
				let index = stack.length - 1;
				while (index >= 0 && stack[index]!.node.name !== name) index--;
				if (index >= 0) {
					popTo(index, tagStart, tagEnd);
					return;
				}
				const range: Range = [tagStart, tagEnd];
				if (format === "mjml" && name.startsWith("mj")) {
					problem("mjml", `</${name}> closes an element that is not open.`, range);
				} else {
					problem("html", `Stray </${name}>: no <${name}> is open here.`, range);
				}
			},
			oncomment(start, end, offset) {
				flushText();
				const commentStart = cursor;
				cursor = end + 1;
				emitRegionsBefore(commentStart + 1);
				const range: Range = [commentStart, end + 1];
				container().children.push(
					counted({
						type: "Comment",
						value: text.slice(start, end - offset),
						range,
						loc: loc(range),
					}),
				);
			},
			oncdata(_start, end) {
				flushText();
				cursor = end + 1;
			},
			ondeclaration(start, end) {
				flushText();
				const declarationStart = cursor;
				cursor = end + 1;
				const range: Range = [declarationStart, end + 1];
				// The tokenizer reports the declaration without its "<!".
				const value = text.slice(start, end);
				if (/^doctype/iu.test(value)) {
					container().children.push(counted({ type: "Doctype", value, range, loc: loc(range) }));
				}
			},
			onprocessinginstruction(_start, end) {
				flushText();
				cursor = end + 1;
			},
			onend() {
				flushText();
				emitRegionsBefore(Number.POSITIVE_INFINITY);
				while (stack.length > 0) {
					const open = stack.pop()!;
					if (format === "mjml" && open.node.name.startsWith("mj")) {
						problem("mjml", `<${open.node.name}> is never closed.`, open.node.startTag.range);
					}
					closeElement(open, text.length);
				}
			},
		},
	);

	const addAttribute = (
		element: ElementNode,
		pending: { name: Range; pieces: Piece[] },
		quote: QuoteType,
		end: number,
	) => {
		const [nameStart, nameEnd] = pending.name;
		// Merge tags written where an attribute name would be: `<a {% if x %}href="…">`.
		let realStart = nameStart;
		let realEnd = nameEnd;
		for (let i = firstAtOrAfter(tags, nameStart); i < tags.length && tags[i]!.start < nameEnd; i++) {
			const tag = tags[i]!;
			element.tagMergeTags.push(mergeTagNode(tag));
			if (tag.start <= realStart) realStart = Math.max(realStart, tag.end);
			else realEnd = Math.min(realEnd, tag.start);
		}
		if (realStart >= realEnd) return;
		const hasValue = quote !== QuoteType.NoValue;
		const attributeEnd = hasValue ? end : realEnd;
		const range: Range = [realStart, Math.max(attributeEnd, realEnd)];
		const node: AttributeNode = counted({
			type: "Attribute",
			name: text.slice(realStart, realEnd).toLowerCase(),
			value: null,
			parts: [],
			range,
			loc: loc(range),
		});
		if (hasValue) {
			const plain = plainValue(pending.pieces);
			if (plain) {
				// Most values are one run of literal text: the general path below would build the same node with five more arrays.
				node.value = text.slice(plain.start, plain.end);
				if (plain.end > plain.start) node.parts.push(textNode(pending.pieces, [plain.start, plain.end]));
			} else {
				const pieces = recoverEntityRanges(pending.pieces, text, end);
				node.value = pieces.map((piece) => piece.decoded ?? text.slice(piece.start, piece.end)).join("");
				node.parts = splitPieces(pieces.filter((piece) => piece.end > piece.start || piece.decoded));
			}
		}
		element.attributes.push(node);
	};

	/** The one piece of a text or attribute value, when it is literal text without entities, merge tags or conditional markers. */
	const plainValue = (pieces: readonly Piece[]): Piece | undefined => {
		if (pieces.length !== 1) return undefined;
		const piece = pieces[0]!;
		if (piece.start === -1 || piece.decoded !== undefined) return undefined;
		const next = firstAtOrAfter(holes, piece.start);
		return next < holes.length && holes[next]!.start < piece.end ? undefined : piece;
	};

	tokenizer.write(masked);
	tokenizer.end();
	return { children: root.children, problems, nodes };
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

/** Index of the first span (sorted, disjoint) that ends after `offset`. */
function firstAtOrAfter(spans: ReadonlyArray<{ end: number }>, offset: number): number {
	let low = 0;
	let high = spans.length;
	while (low < high) {
		const mid = (low + high) >> 1;
		if (spans[mid]!.end <= offset) low = mid + 1;
		else high = mid;
	}
	return low;
}

interface Hole {
	start: number;
	end: number;
	/** The merge tag that fills the hole; conditional-comment markers leave it empty. */
	tag?: MergeTagMatch;
}

/** The spans of text that are not literal text: merge tags, conditional-comment markers and engine comments. */
function holesIn(
	tags: readonly MergeTagMatch[],
	regions: readonly ConditionalRegion[],
	hidden: readonly Span[],
): Hole[] {
	const holes: Hole[] = tags.map((tag) => ({ start: tag.start, end: tag.end, tag }));
	if (regions.length === 0 && hidden.length === 0) return holes;
	for (const region of regions) for (const [start, end] of region.markers) holes.push({ start, end });
	for (const span of hidden) holes.push({ start: span.start, end: span.end });
	return holes.sort((a, b) => a.start - b.start);
}

/** Drops merge tags that overlap a conditional-comment marker. Both lists are sorted, so each tag is one binary search. */
function withoutOverlaps(tags: MergeTagMatch[], regions: readonly ConditionalRegion[]): MergeTagMatch[] {
	if (regions.length === 0) return tags;
	const markers = regions.flatMap((region) => region.markers.map(([start, end]) => ({ start, end })));
	return tags.filter((tag) => {
		const next = firstAtOrAfter(markers, tag.start);
		return !(next < markers.length && markers[next]!.start < tag.end);
	});
}

function mask(
	text: string,
	tags: readonly MergeTagMatch[],
	regions: readonly ConditionalRegion[],
	hidden: readonly Span[],
): string {
	if (tags.length === 0 && regions.length === 0 && hidden.length === 0) return text;
	const edits: Array<{ start: number; end: number; fill: string }> = [
		...tags.map((tag) => ({ start: tag.start, end: tag.end, fill: MASK })),
		...regions.flatMap((region) => region.markers.map(([start, end]) => ({ start, end, fill: " " }))),
		...hidden.map((span) => ({ start: span.start, end: span.end, fill: " " })),
	].sort((a, b) => a.start - b.start);
	const out: string[] = [];
	let position = 0;
	for (const edit of edits) {
		out.push(text.slice(position, edit.start), edit.fill.repeat(edit.end - edit.start));
		position = edit.end;
	}
	out.push(text.slice(position));
	return out.join("");
}
