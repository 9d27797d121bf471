/**
 * The message as the MIME library needs to see it: without the bodies of
 * the parts no rule reads. emailjs-mime-parser decodes every part it is
 * given (a 1 MB PDF in base64 is a million-element array), while mailcomply
 * reads only the `text/html` and `text/plain` parts (src/eml/read-message.ts).
 * So the body of each image, audio, video, font or application part is left
 * out of the text handed to the library; its header lines and every
 * boundary stay, so the library's tree of parts is the same, and the
 * offsets of headers and parts are still found in the file itself.
 *
 * Only what is plainly such a part is left out: where the structure is
 * unclear (a boundary line with trailing text, a lone carriage return, an
 * unclosed multipart, an encoded boundary parameter), the whole text goes
 * to the library as before.
 */
import type { Range } from "../ast/types.js";
import { locateHeaderBlock, type LocatedField } from "./header-fields.js";

/** Content types of parts that are never a mail's text. */
const UNREAD_TYPE = /^(?:image|audio|video|application|font|model)\/[\w.+-]+$/u;
/** The `boundary` parameter of a `multipart/*` Content-Type, quoted or not. */
const BOUNDARY = /;\s*boundary\s*=\s*(?:"([^"\\]+)"|([^\s";]+))\s*(?:;|$)/iu;
const LINE_BREAK = /\r\n|\n/gu;
/** Deeper nesting than any real message: left to the library as it is. */
const MAX_DEPTH = 20;

/** `text` with the bodies of unread parts removed, or `text` itself when there is none or the structure is unclear. */
export function withoutUnreadBodies(text: string): string {
	// The library splits lines at CRLF and LF only; a file with lone CRs is left to it whole.
	if (hasLoneCarriageReturn(text)) return text;
	const cuts: Range[] = [];
	if (!collectCuts(text, 0, text.length, cuts, 0) || cuts.length === 0) return text;
	const pieces: string[] = [];
	let at = 0;
	for (const [start, end] of cuts) {
		pieces.push(text.slice(at, start));
		at = end;
	}
	pieces.push(text.slice(at));
	return pieces.join("");
}

/** Adds the body ranges of the unread parts under the part at `from`; false when the structure is unclear. */
function collectCuts(text: string, from: number, to: number, cuts: Range[], depth: number): boolean {
	if (depth > MAX_DEPTH) return false;
	const block = locateHeaderBlock(text, from);
	// A part without a blank line after its headers has no body; the lines after it are not its fields.
	const fields = block.fields.filter((field) => field.range[0] < to);
	const contentType = fieldValue(text, fields, "content-type");
	const type = (contentType?.split(";")[0] ?? "text/plain").trim().toLowerCase();
	const bodyStart = Math.min(block.bodyStart, to);
	if (type.startsWith("multipart/")) {
		const match = BOUNDARY.exec(contentType ?? "");
		const boundary = match?.[1] ?? match?.[2];
		if (boundary === undefined) return false;
		const parts = partsOf(text, bodyStart, to, boundary);
		if (parts === undefined) return false;
		return parts.every(([start, end]) => collectCuts(text, start, end, cuts, depth + 1));
	}
	if (UNREAD_TYPE.test(type) && bodyStart < to) cuts.push([bodyStart, to]);
	return true;
}

/** The unfolded value of the first field called `name`. */
function fieldValue(text: string, fields: readonly LocatedField[], name: string): string | undefined {
	const field = fields.find((candidate) => candidate.name.toLowerCase() === name);
	return field ? text.slice(field.valueStart, field.range[1]).replace(/\r?\n[ \t]/gu, " ") : undefined;
}

/**
 * The parts between the delimiter lines of a multipart body, each from the
 * line after its delimiter to the line break before the next; undefined
 * unless every line that starts with the delimiter is exactly it (as the
 * library reads them) and the closing delimiter is there.
 */
function partsOf(text: string, from: number, to: number, boundary: string): Range[] | undefined {
	const delimiter = `--${boundary}`;
	const parts: Range[] = [];
	let open: number | undefined;
	for (let found = text.indexOf(delimiter, from); found !== -1 && found < to;) {
		const atLineStart = found === from || text[found - 1] === "\n";
		LINE_BREAK.lastIndex = found;
		const lineBreak = LINE_BREAK.exec(text);
		const lineEnd = lineBreak && lineBreak.index < to ? lineBreak.index : to;
		if (atLineStart) {
			const line = text.slice(found, lineEnd);
			if (line !== delimiter && line !== `${delimiter}--`) return undefined;
			const before = found - (text[found - 2] === "\r" ? 2 : 1);
			if (open !== undefined) parts.push([open, Math.max(open, before)]);
			if (line !== delimiter) return parts;
			open = lineBreak && lineBreak.index < to ? lineBreak.index + lineBreak[0].length : to;
		}
		found = text.indexOf(delimiter, found + delimiter.length);
	}
	return undefined;
}

/** A CR not followed by LF; found by `indexOf`, which a regex over a megabyte of base64 is several times slower than. */
function hasLoneCarriageReturn(text: string): boolean {
	for (let at = text.indexOf("\r"); at !== -1; at = text.indexOf("\r", at + 1)) if (text[at + 1] !== "\n") return true;
	return false;
}
