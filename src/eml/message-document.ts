/**
 * The template AST of a message's HTML part, so that every template rule
 * runs on an `.eml` unchanged. A part whose text is in the file as sent
 * (7bit/8bit) is parsed in place, with every other character of the file
 * blanked (line breaks kept): offsets and lines are the file's own. A
 * quoted-printable or base64 part is parsed from its decoded text, and
 * each node is then placed on the part's `Content-Transfer-Encoding`
 * header, as nodes from an `mj-include`d file are placed on the include.
 */
import type { ChildNode, DocumentNode, Range, SourceLocation } from "../ast/types.js";
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
	const place = (value: unknown, quoted: boolean): unknown => placeAt(value, html.anchor, decoded, quoted);
	document.children = parsed.children.map((child) => place(child, true) as ChildNode);
	document.problems = parsed.problems.map((problem) => place(problem, true) as (typeof parsed.problems)[number]);
	return { document, decoded };
}

/**
 * A copy of a decoded part's node and everything in it, every range and
 * location set to the anchor's, each location its own object so that the
 * decoded line it came from can be looked up by the node or by the location
 * a rule reports.
 */
function placeAt(
	value: unknown,
	anchor: { range: Range; loc: SourceLocation },
	decoded: DecodedLines,
	quoted: boolean,
): unknown {
	if (Array.isArray(value)) return value.map((item) => placeAt(item, anchor, decoded, quoted));
	if (value === null || typeof value !== "object") return value;
	const original = value as { type?: unknown; name?: unknown; loc?: SourceLocation };
	// A finding on <body> is about the whole mail: its line is not quoted, nor its tags' (the elements in it are).
	const wholeMail = original.type === "Element" && WHOLE_MAIL.has(String(original.name));
	const quotesHere = quoted && !wholeMail;
	const copy: Record<string, unknown> = {};
	for (const [key, item] of Object.entries(value))
		copy[key] =
			key === "range" || key === "loc"
				? item
				: placeAt(item, anchor, decoded, quoted && !(wholeMail && (key === "startTag" || key === "endTag")));
	if ("range" in copy && "loc" in copy) {
		const loc: SourceLocation = { start: { ...anchor.loc.start }, end: { ...anchor.loc.end } };
		copy["range"] = [anchor.range[0], anchor.range[1]];
		copy["loc"] = loc;
		const line = original.loc?.start.line;
		if (quotesHere && line !== undefined) {
			decoded.remember(copy, line);
			decoded.remember(loc, line);
		}
	}
	return copy;
}
