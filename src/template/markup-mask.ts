/**
 * What the markup tokenizer must not read as markup, masked with characters
 * of the same length so that every offset it reports still points into the
 * original text: merge tags (a private-use character, so a tag inside a tag
 * or attribute stays part of it), Outlook conditional-comment markers and
 * engine comments (spaces).
 */
import { blankMergeTags, findMergeTags, type MergeTagMatch } from "./merge-tags.js";
import type { Span, TemplateScan } from "./engine-tags.js";
import { findConditionalRegions, type ConditionalRegion } from "./conditional-comments.js";

/** A private-use character the tokenizer treats as an ordinary name or text character. */
const MASK = "\uE000";

/** A span of the text that is not literal text: a merge tag, a conditional-comment marker or an engine comment. */
export interface Hole {
	start: number;
	end: number;
	/** The merge tag that fills the hole; conditional-comment markers and engine comments leave it empty. */
	tag?: MergeTagMatch;
}

export interface MaskedMarkup {
	/** The text the tokenizer reads: as long as the original, the non-markup masked. */
	masked: string;
	/** The merge tags, sorted, none overlapping a conditional-comment marker. */
	tags: MergeTagMatch[];
	/** The Outlook conditional comments, sorted. */
	regions: ConditionalRegion[];
	/** Every masked span, sorted. */
	holes: Hole[];
}

/**
 * `scan` gives the tags (and the engine comments to hide) when the file is
 * written for a template engine (src/template/engine-tags.ts); without it,
 * the ESP merge tags are looked for.
 */
export function maskNonMarkup(text: string, scan?: TemplateScan): MaskedMarkup {
	const hidden = scan?.hidden ?? [];
	// Markup commented out in an engine comment opens no conditional block.
	const regions = findConditionalRegions(hidden.length > 0 ? blankMergeTags(text, hidden) : text);
	const tags = withoutOverlaps(scan?.tags ?? findMergeTags(text), regions);
	return { masked: mask(text, tags, regions, hidden), tags, regions, holes: holesIn(tags, regions, hidden) };
}

/** Index of the first span (sorted, disjoint) that ends after `offset`. */
export function firstAtOrAfter(spans: ReadonlyArray<{ end: number }>, offset: number): number {
	let low = 0;
	let high = spans.length;
	while (low < high) {
		const mid = (low + high) >> 1;
		if (spans[mid]!.end <= offset) low = mid + 1;
		else high = mid;
	}
	return low;
}

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
