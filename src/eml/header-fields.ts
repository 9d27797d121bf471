/**
 * Where each header field of a MIME header block is in the file. The MIME
 * library (src/eml/read-message.ts) decides what the fields are; this only
 * finds the lines it read, so that a finding about `List-Unsubscribe` points
 * at that line. A field runs from its name to the end of its last folded
 * line (RFC 5322 §2.2.3: a continuation line starts with a space or tab).
 */
import type { Range } from "../ast/types.js";

export interface LocatedField {
	/** The field name as written (`List-Unsubscribe`). */
	name: string;
	/** The whole field, name to the end of its last line (no line break). */
	range: Range;
	/** Where the value starts (after the colon and its spaces). */
	valueStart: number;
}

export interface HeaderBlock {
	fields: LocatedField[];
	/** Offset of the first character after the blank line that ends the block (the body), or the end of the text. */
	bodyStart: number;
}

const LINE_BREAK = /\r\n|\r|\n/gu;

/** The header block starting at `from`: its fields, and where the body begins. */
export function locateHeaderBlock(text: string, from: number): HeaderBlock {
	const fields: LocatedField[] = [];
	let index = from;
	while (index < text.length) {
		LINE_BREAK.lastIndex = index;
		const breakMatch = LINE_BREAK.exec(text);
		const lineEnd = breakMatch ? breakMatch.index : text.length;
		const next = breakMatch ? breakMatch.index + breakMatch[0].length : text.length;
		if (lineEnd === index) return { fields, bodyStart: next };
		const first = text[index];
		if ((first === " " || first === "\t") && fields.length > 0) {
			fields.at(-1)!.range[1] = lineEnd;
		} else {
			const colon = text.indexOf(":", index);
			if (colon !== -1 && colon < lineEnd) {
				let valueStart = colon + 1;
				while (valueStart < lineEnd && (text[valueStart] === " " || text[valueStart] === "\t")) valueStart++;
				fields.push({ name: text.slice(index, colon).trim(), range: [index, lineEnd], valueStart });
			}
		}
		index = next;
	}
	return { fields, bodyStart: text.length };
}
