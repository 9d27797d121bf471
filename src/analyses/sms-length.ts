/**
 * How an SMS travels: its encoding and its number of segments.
 *
 * An SMS carries 140 octets: 160 GSM-7 characters (7 bits each) or 70 UCS-2
 * characters (16 bits). A longer message is sent as a concatenated SMS whose
 * parts each give 6 octets to a header that numbers them, leaving 153 GSM-7
 * or 67 UCS-2 characters per segment; each segment is billed as one SMS.
 * A character of the GSM-7 extension table takes two septets (escape and
 * code) and is never split across segments; neither is a UTF-16 surrogate
 * pair (an emoji) in UCS-2. One character outside GSM-7 makes the whole
 * message UCS-2.
 *
 * A merge tag is filled in at send time, so it counts as the number of
 * characters the caller says its value will have, taken as GSM-7 letters.
 * One linear pass; memory does not grow with the text except for the
 * positions of characters that force UCS-2 (capped).
 */
import type { MessageVariableNode, TextPartNode } from "../text-message/ast.js";
import { gsmSeptets } from "../text-message/gsm-alphabet.js";
import { gsmReplacement } from "../text-message/gsm-replacements.js";

export type SmsEncoding = "GSM-7" | "UCS-2";

export interface SmsLengthOptions {
	/** Characters a merge tag's value is taken to have. */
	mergeTagLength: number;
	/** Per merge-tag name (`first_name`, `FIRSTNAME`), overriding {@link mergeTagLength}. */
	mergeTagLengths?: Readonly<Record<string, number>>;
}

/** A character that makes the message UCS-2, with every place it occurs. */
export interface Ucs2Character {
	char: string;
	codePoint: number;
	/** Offsets in the part's text, in order; at most {@link MAX_POSITIONS}. */
	positions: number[];
	count: number;
	/** What to write instead (`""`: leave it out); absent when the message needs the character. */
	replacement?: string;
	/** For an invisible or look-alike character: what it is called. */
	name?: string;
}

export interface SmsLength {
	encoding: SmsEncoding;
	/** The length in the encoding's characters: septets for GSM-7, UTF-16 code units for UCS-2. */
	length: number;
	segments: number;
	/** Offset in the text where each segment starts (the first at 0). */
	segmentStarts: number[];
	/** The characters that force UCS-2, each once, in order of first occurrence. */
	ucs2Characters: Ucs2Character[];
	/**
	 * When every character that forces UCS-2 can be replaced or left out:
	 * the segments the message would take in GSM-7 then.
	 */
	segmentsIfReplaced?: number;
}

/** Positions kept per character: enough to fix every one in any real message. */
export const MAX_POSITIONS = 10_000;
/** Distinct characters kept: a message past this is not in a script GSM-7 could carry anyway. */
const MAX_DISTINCT = 1_000;

const SINGLE = { "GSM-7": 160, "UCS-2": 70 } as const;
const MULTI = { "GSM-7": 153, "UCS-2": 67 } as const;

/** Packs characters into segments of one encoding, never splitting one. */
class SegmentPacker {
	total = 0;
	#fill = 0;
	readonly starts: number[] = [0];
	constructor(readonly encoding: SmsEncoding) {}

	add(size: number, at: number): void {
		this.total += size;
		if (this.#fill + size > MULTI[this.encoding]) {
			this.starts.push(at);
			this.#fill = size;
		} else this.#fill += size;
	}

	get segments(): number {
		return this.total <= SINGLE[this.encoding] ? 1 : this.starts.length;
	}

	get segmentStarts(): number[] {
		return this.total <= SINGLE[this.encoding] ? [0] : this.starts;
	}
}

export function smsLength(part: TextPartNode, options: SmsLengthOptions): SmsLength {
	const text = part.text;
	const gsm = new SegmentPacker("GSM-7");
	const ucs2 = new SegmentPacker("UCS-2");
	// The message in GSM-7 once the replaceable characters are replaced.
	const replaced = new SegmentPacker("GSM-7");
	const forcing = new Map<string, Ucs2Character>();
	let needsUcs2 = false;
	const variables = part.children.filter((child): child is MessageVariableNode => child.type === "MessageVariable");
	let next = 0;

	for (let i = 0; i < text.length;) {
		const variable = variables[next];
		if (variable && i >= variable.start) {
			const length = options.mergeTagLengths?.[variable.name] ?? options.mergeTagLength;
			for (let k = 0; k < length; k++) {
				gsm.add(1, i);
				ucs2.add(1, i);
				replaced.add(1, i);
			}
			i = Math.max(i + 1, variable.start + variable.raw.length);
			next++;
			continue;
		}
		const codePoint = text.codePointAt(i)!;
		const width = codePoint > 0xffff ? 2 : 1;
		const septets = gsmSeptets(codePoint);
		ucs2.add(width, i);
		if (septets > 0) {
			gsm.add(septets, i);
			replaced.add(septets, i);
		} else {
			const char = String.fromCodePoint(codePoint);
			const replacement = gsmReplacement(char);
			if (replacement === undefined) needsUcs2 = true;
			else for (const replacementChar of replacement.with) replaced.add(gsmSeptets(replacementChar.codePointAt(0)!), i);
			let entry = forcing.get(char);
			if (!entry && forcing.size < MAX_DISTINCT) {
				entry = { char, codePoint, positions: [], count: 0 };
				if (replacement) {
					entry.replacement = replacement.with;
					if (replacement.name) entry.name = replacement.name;
				}
				forcing.set(char, entry);
			}
			if (entry) {
				entry.count++;
				if (entry.positions.length < MAX_POSITIONS) entry.positions.push(i);
			}
		}
		i += width;
	}

	const packer = forcing.size > 0 ? ucs2 : gsm;
	const result: SmsLength = {
		encoding: packer.encoding,
		length: packer.total,
		segments: packer.segments,
		segmentStarts: packer.segmentStarts,
		ucs2Characters: [...forcing.values()],
	};
	if (forcing.size > 0 && !needsUcs2) result.segmentsIfReplaced = replaced.segments;
	return result;
}
