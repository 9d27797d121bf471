/**
 * What the text-capable rules read in a text message (an SMS, a WhatsApp
 * template, an e-mail's plain-text part beside its template or inside an
 * `.eml`): its lines, the line around a URL, and the file location of a
 * stretch of a part's text. A plain-text part has no paragraphs or link
 * elements; its line is the unit a reader sees, as a paragraph is in HTML.
 */
import { LineIndex } from "../ast/line-index.js";
import type { AttributeNode, MergeTagNode, SourceLocation, TextNode } from "../ast/types.js";
import type { EmlSourceCode } from "../languages/eml-source-code.js";
import type { TextMessageSourceCode } from "../languages/text-message-source-code.js";
import type { MessageUrlNode, TextMessageNode, TextPartNode } from "../text-message/ast.js";
import { classifyTarget, type LinkTarget } from "./link-target.js";
import { partRange } from "../text-message/text-part.js";

/**
 * The source code a `TextMessage` visitor runs on: a text message's own, or
 * a captured message's, whose `text/plain` part is visited after its HTML
 * part (plugin/message-rules.ts).
 */
export type TextMessageCode = TextMessageSourceCode | EmlSourceCode;

export interface PartLine {
	part: TextPartNode;
	/** The line as the recipient reads it, without its line break. */
	text: string;
	/** Offset of the line in its part's `text`. */
	start: number;
}

const LINE_BREAK = /\r\n|\r|\n/gu;

/** A part's lines, empty ones included. */
export function partLines(part: TextPartNode): PartLine[] {
	const lines: PartLine[] = [];
	let start = 0;
	for (const match of part.text.matchAll(LINE_BREAK)) {
		lines.push({ part, text: part.text.slice(start, match.index), start });
		start = match.index + match[0].length;
	}
	lines.push({ part, text: part.text.slice(start), start });
	return lines;
}

/**
 * Every line a recipient reads in the message, in order: the SMS, the
 * WhatsApp header, body and footer, and button labels (a button's label is
 * one line), or the plain-text part.
 */
export function messageLines(message: TextMessageNode): PartLine[] {
	return message.children.flatMap(partLines);
}

/**
 * A text's paragraphs as a reader sees them: its lines run together up to a
 * blank line, whitespace collapsed, so a name or an address that wraps onto
 * the next line reads as one, as the lines of an HTML paragraph split by
 * `<br>` do (src/analyses/text-blocks.ts).
 */
export function messageParagraphs(message: TextMessageNode): string[] {
	return message.children.flatMap((part) =>
		part.text
			.split(/(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)/u)
			.map((paragraph) => paragraph.replace(/\s+/gu, " ").trim())
			.filter((paragraph) => paragraph !== ""),
	);
}

/** The line of `part` that holds character `offset` (a URL's `start`), for the words written beside it. */
export function lineAround(part: TextPartNode, offset: number): string {
	const from = part.text.lastIndexOf("\n", offset - 1) + 1;
	const to = part.text.indexOf("\n", offset);
	return part.text.slice(from, to === -1 ? undefined : to).replace(/\r$/u, "");
}

const lineIndexOf = (sourceCode: { text: string }): LineIndex => new LineIndex(sourceCode.text);

/** The file location of characters `from` to `to` of a part's text (an encoded `.eml` part: its anchor header). */
export function textLoc(sourceCode: TextMessageCode, part: TextPartNode, from: number, to: number): SourceLocation {
	// Both source codes memoise per file; the analysis reads only the text they share (a type import: this module sits under template analyses, which the .eml source code imports).
	const lines = (sourceCode as { memo<T>(analysis: (code: { text: string }) => T): T }).memo(lineIndexOf);
	return lines.loc(partRange(part, from, to));
}

/** The file location of a line. */
export function lineLoc(sourceCode: TextMessageCode, line: PartLine): SourceLocation {
	return textLoc(sourceCode, line.part, line.start, line.start + line.text.length);
}

/** Text messages write `example.nl/stop`; the URL hints read paths of URLs with a scheme. */
export function urlWithScheme(url: string): string {
	return /^[a-z][a-z0-9+.-]*:/iu.test(url) ? url : `https://${url}`;
}

/** A piece of a URL written in a text: literal text, or a merge tag filled in at send time (as in an `href`'s parts). */
export type UrlPiece = Pick<TextNode, "type" | "value"> | Pick<MergeTagNode, "type" | "raw" | "expression" | "syntax">;

/** A text URL split at the merge tags in it, with `https://` in front where the text left the scheme out. */
export function urlPieces(part: TextPartNode, url: MessageUrlNode): UrlPiece[] {
	const pieces: UrlPiece[] = [];
	const scheme = urlWithScheme(url.value).slice(0, -url.value.length);
	let at = url.start;
	const end = url.start + url.value.length;
	const text = (value: string) => {
		if (value !== "") pieces.push({ type: "Text", value });
	};
	text(scheme);
	// Only the children from the URL's start on: looking through all of them for each URL made a 1 MB SMS quadratic.
	for (let index = firstChildFrom(part, url.start); index < part.children.length; index++) {
		const child = part.children[index]!;
		if (child.start >= end) break;
		if (child.type !== "MessageVariable") continue;
		text(part.text.slice(at, child.start));
		pieces.push({ type: "MergeTag", raw: child.raw, expression: child.name, syntax: child.syntax });
		at = child.start + child.raw.length;
	}
	text(part.text.slice(at, end));
	return pieces;
}

/** The index of a part's first URL or variable that starts at or after `offset` (they are in text order). */
function firstChildFrom(part: TextPartNode, offset: number): number {
	let low = 0;
	let high = part.children.length;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (part.children[middle]!.start < offset) low = middle + 1;
		else high = middle;
	}
	return low;
}

/** Where a text URL leads, judged as a link's `href` is (src/analyses/link-target.ts). */
export function textUrlTarget(part: TextPartNode, url: MessageUrlNode): LinkTarget {
	const parts = urlPieces(part, url);
	const value = parts.map((piece) => (piece.type === "Text" ? piece.value : piece.raw)).join("");
	return classifyTarget({ value, parts } as unknown as AttributeNode);
}

/** A WhatsApp URL button's `url` as a link target: the button opens it when tapped. */
export function buttonUrlTarget(url: string): LinkTarget {
	const parts: UrlPiece[] = [];
	let at = 0;
	// WhatsApp fills `{{1}}` at send time, as an ESP fills a merge tag in an `href`.
	for (const variable of url.matchAll(/\{\{([^{}]*)\}\}/gu)) {
		if (variable.index > at) parts.push({ type: "Text", value: url.slice(at, variable.index) });
		parts.push({ type: "MergeTag", raw: variable[0], expression: (variable[1] ?? "").trim(), syntax: "double-curly" });
		at = variable.index + variable[0].length;
	}
	if (at < url.length) parts.push({ type: "Text", value: url.slice(at) });
	return classifyTarget({ value: url, parts } as unknown as AttributeNode);
}

/**
 * Whether a text message links a web page: a URL in its text (literal or
 * with merge tags in it, not a stand-in host such as example.com) or a
 * WhatsApp URL button. A text too short for the information the law asks
 * may give it on such a page (CASL: the CRTC Regulations' linked page).
 */
export function textLinksWebPage(message: TextMessageNode): boolean {
	return message.children.some((part) => {
		if (part.role === "button" && part.url !== undefined) {
			const target = buttonUrlTarget(part.url);
			return target.kind === "url" && !target.placeholderHost;
		}
		return part.children.some((child) => {
			if (child.type !== "MessageUrl") return false;
			const target = textUrlTarget(part, child);
			return target.kind === "url" && !target.placeholderHost;
		});
	});
}
