/**
 * The template AST of a message's HTML part, so that every template rule
 * runs on an `.eml` unchanged. A part whose text is in the file as sent
 * (7bit/8bit) is parsed in place, with every other character of the file
 * blanked (line breaks kept): offsets and lines are the file's own. A
 * quoted-printable or base64 part is parsed from its decoded text, and
 * each node is then placed on the part's `Content-Transfer-Encoding`
 * header, as nodes from an `mj-include`d file are placed on the include.
 */
import type { DocumentNode, Range, SourceLocation } from "../ast/types.js";
import { LineIndex } from "../ast/line-index.js";
import { parseMarkup } from "../template/parse-markup.js";
import type { MessagePart } from "./read-message.js";
import { DecodedLines } from "./decoded-lines.js";

/** Elements a finding about the whole mail points at: their decoded line says nothing. */
const WHOLE_MAIL = new Set(["html", "head", "body"]);

/** How a finding names a part whose text is not the file's: "base64 HTML part", "8bit HTML part". */
export function partLabel(part: MessagePart, kind: "HTML" | "text"): string {
	return `${part.encoding === "identity" ? "8bit" : part.encoding} ${kind} part`;
}

export function messageDocument(
	text: string,
	lines: LineIndex,
	html: MessagePart | undefined,
): { document: DocumentNode; decoded?: DecodedLines } {
	const whole: Range = [0, text.length];
	const document: DocumentNode = {
		type: "Document",
		format: "html",
		children: [],
		problems: [],
		range: whole,
		loc: lines.loc(whole),
	};
	if (!html) return { document };
	if (html.bodyRange) {
		const [from, to] = html.bodyRange;
		const blank = (value: string) => value.replace(/[^\r\n]/gu, " ");
		const parsed = parseMarkup(
			blank(text.slice(0, from)) + text.slice(from, to) + blank(text.slice(to)),
			"html",
			lines,
		);
		document.children = parsed.children;
		document.problems = parsed.problems;
		return { document };
	}
	const decoded = new DecodedLines(html.content, partLabel(html, "HTML"));
	const parsed = parseMarkup(html.content, "html", new LineIndex(html.content));
	const place = placer(html.anchor, decoded);
	for (const child of parsed.children) place(child, true);
	for (const problem of parsed.problems) place(problem, true);
	document.children = parsed.children;
	document.problems = parsed.problems;
	return { document, decoded };
}

/**
 * Places a decoded part's freshly parsed nodes on the anchor, in place:
 * every range and location becomes the anchor's. Nodes from one decoded
 * line share one location object, which remembers that line, so the
 * finding on a node (or on any of its locations) can quote it.
 */
function placer(
	anchor: { range: Range; loc: SourceLocation },
	decoded: DecodedLines,
): (value: unknown, quoted: boolean) => void {
	const range: Range = [anchor.range[0], anchor.range[1]];
	const byLine = new Map<number, SourceLocation>();
	const locOf = (line: number): SourceLocation => {
		let loc = byLine.get(line);
		if (!loc) {
			loc = { start: { ...anchor.loc.start }, end: { ...anchor.loc.end } };
			byLine.set(line, loc);
			decoded.remember(loc, line);
		}
		return loc;
	};
	const place = (value: unknown, quoted: boolean): void => {
		if (Array.isArray(value)) {
			for (const item of value) place(item, quoted);
			return;
		}
		if (value === null || typeof value !== "object") return;
		const node = value as { type?: unknown; name?: unknown; range?: Range; loc?: SourceLocation };
		// A finding on <body> is about the whole mail: its line is not quoted, nor its tags' (the elements in it are).
		const wholeMail = node.type === "Element" && WHOLE_MAIL.has(String(node.name));
		for (const [key, item] of Object.entries(value)) {
			if (key === "range" || key === "loc" || item === null || typeof item !== "object") continue;
			place(item, quoted && !(wholeMail && (key === "startTag" || key === "endTag")));
		}
		if (node.range && node.loc) {
			const line = node.loc.start.line;
			node.range = range;
			node.loc = quoted && !wholeMail ? locOf(line) : anchor.loc;
		}
	};
	return place;
}
