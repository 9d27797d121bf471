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

export function messageDocument(text: string, lines: LineIndex, html: MessagePart | undefined): DocumentNode {
	const whole: Range = [0, text.length];
	const document: DocumentNode = {
		type: "Document",
		format: "html",
		children: [],
		problems: [],
		range: whole,
		loc: lines.loc(whole),
	};
	if (!html) return document;
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
		return document;
	}
	const parsed = parseMarkup(html.content, "html", new LineIndex(html.content));
	document.children = parsed.children.map((child) => placeAt(child, html.anchor.range, html.anchor.loc) as ChildNode);
	document.problems = parsed.problems.map((problem) => ({
		...problem,
		range: [...html.anchor.range] as Range,
		loc: html.anchor.loc,
	}));
	return document;
}

/** A copy of a decoded part's node and everything in it, every range and location set to the anchor's. */
function placeAt(value: unknown, range: Range, loc: SourceLocation): unknown {
	if (Array.isArray(value)) return value.map((item) => placeAt(item, range, loc));
	if (value === null || typeof value !== "object") return value;
	const copy: Record<string, unknown> = {};
	for (const [key, item] of Object.entries(value))
		copy[key] = key === "range" || key === "loc" ? item : placeAt(item, range, loc);
	if ("range" in copy && "loc" in copy) {
		copy["range"] = [range[0], range[1]];
		copy["loc"] = loc;
	}
	return copy;
}
