import type { ClientScope } from "../ast/types.js";

/**
 * Outlook conditional comments. Their markers are blanked out before
 * tokenising, so the markup between them is parsed like any other markup;
 * each region remembers which clients render what is inside it.
 */
export interface ConditionalRegion {
	/** Start of the opening marker. */
	start: number;
	/** End of the closing marker. */
	end: number;
	condition: string;
	clients: ClientScope;
	/** Where the markers are, so they can be blanked. */
	markers: Array<[number, number]>;
}

const OPEN = /<!--\[if\s([^\]]{1,200})\]>(<!-->)?/gu;
/**
 * A downlevel-hidden block usually closes with `<![endif]-->`; some templates
 * (Mailgun's among them) close it with the revealed form `<!--<![endif]-->`.
 * Browsers end the comment at that marker's `-->` either way, so its `<!--`
 * belongs to the marker and must not open a comment of its own.
 */
const CLOSE_HIDDEN = /(?:<!--\s*)?<!\[endif\]-->/gu;
const CLOSE_REVEALED = /<!--\s*<!\[endif\]-->/gu;

export function findConditionalRegions(text: string): ConditionalRegion[] {
	const regions: ConditionalRegion[] = [];
	if (!text.includes("<!--[if")) return regions;
	OPEN.lastIndex = 0;
	let open: RegExpExecArray | null;
	while ((open = OPEN.exec(text)) !== null) {
		const condition = open[1]!.trim();
		const revealed = open[2] !== undefined;
		const contentStart = open.index + open[0].length;
		let closeStart: number;
		let closeEnd: number;
		if (revealed) {
			CLOSE_REVEALED.lastIndex = contentStart;
			const close = CLOSE_REVEALED.exec(text);
			if (!close) break;
			closeStart = close.index;
			closeEnd = close.index + close[0].length;
		} else {
			CLOSE_HIDDEN.lastIndex = contentStart;
			const close = CLOSE_HIDDEN.exec(text);
			if (!close) break;
			closeStart = close.index;
			closeEnd = close.index + close[0].length;
		}
		regions.push({
			start: open.index,
			end: closeEnd,
			condition,
			clients: scopeOf(condition, revealed),
			markers: [
				[open.index, contentStart],
				[closeStart, closeEnd],
			],
		});
		OPEN.lastIndex = closeEnd;
	}
	return regions;
}

/**
 * Outlook for Windows (mso) and old IE evaluate the condition; every other
 * client sees a plain comment, so it renders the content only when the
 * comment is downlevel-revealed (`<!--[if …]><!-->`).
 */
function scopeOf(condition: string, revealed: boolean): ClientScope {
	const negated = condition.startsWith("!");
	const targetsOutlook = /\b(?:mso|IE)\b/iu.test(condition);
	const outlookRenders = targetsOutlook ? !negated : negated;
	if (revealed) return outlookRenders ? "all" : "non-mso";
	return outlookRenders ? "mso-only" : "none";
}

/** Which clients render the content at `offset`. Regions are sorted and disjoint. */
export function clientsAt(regions: readonly ConditionalRegion[], offset: number): ClientScope {
	let low = 0;
	let high = regions.length - 1;
	while (low <= high) {
		const mid = (low + high) >> 1;
		const region = regions[mid]!;
		if (offset < region.start) high = mid - 1;
		else if (offset >= region.end) low = mid + 1;
		else return region.clients;
	}
	return "all";
}
