/**
 * One text of a text message (the SMS, or a WhatsApp component's `text`) as
 * a `TextPart` node with the URLs and variables found in it, located in the
 * file through the part's offset map.
 */
import type { Range } from "../ast/types.js";
import type { LineIndex } from "../ast/line-index.js";
import { blankMergeTags, findMergeTags } from "../template/merge-tags.js";
import type { MessageUrlNode, MessageVariableNode, TextPartNode, TextPartRole } from "./ast.js";

/**
 * A URL as text messages write them: with a scheme, from `www.`, or a bare
 * host with a path (`example.nl/stop`); SMS rarely spells `https://`. A bare
 * host without a path (`example.nl`) is left out: "bel 0800.nl" or a file
 * name is not a link most phones make, and no rule needs it. Bounded
 * quantifiers over classes that exclude spaces keep the match linear.
 */
const URL_PATTERN =
	/\b(?:https?:\/\/[^\s<>"{}|\\^`]{1,2000}|www\.[^\s<>"{}|\\^`]{1,2000}|(?:[a-z0-9-]{1,63}\.){1,8}[a-z]{2,24}\/[^\s<>"{}|\\^`]{0,2000})/giu;

/** Punctuation that ends a sentence, not the URL: "Kijk op example.nl/actie." */
const TRAILING_PUNCTUATION = ".,;:!?)]'’”";

function withoutTrailingPunctuation(url: string): string {
	let end = url.length;
	while (end > 0 && TRAILING_PUNCTUATION.includes(url[end - 1]!)) end--;
	return url.slice(0, end);
}

export function textPart(
	role: TextPartRole,
	text: string,
	start: number,
	lines: LineIndex,
	offsets?: number[],
): TextPartNode {
	const rangeOf = (from: number, to: number): Range =>
		offsets ? [offsets[from]!, offsets[to]!] : [start + from, start + to];
	const children: Array<MessageUrlNode | MessageVariableNode> = [];
	const tags = findMergeTags(text);
	for (const tag of tags) {
		const range = rangeOf(tag.start, tag.end);
		children.push({
			type: "MessageVariable",
			start: tag.start,
			syntax: tag.syntax,
			raw: text.slice(tag.start, tag.end),
			name: tag.expression.trim(),
			range,
			loc: lines.loc(range),
		});
	}
	// A tag inside a URL (`https://example.nl/a?e={{ email }}`) is part of it: each tag counts as letters while URLs are found.
	const searched = blankMergeTags(text, tags, (tag) => "x".repeat(tag.end - tag.start));
	// URLs and tags are both found in text order: one pointer walks the tags as the URLs go (asking every tag for every URL was quadratic).
	let nextTag = 0;
	for (const match of searched.matchAll(URL_PATTERN)) {
		const from = match.index;
		while (nextTag < tags.length && tags[nextTag]!.end <= from) nextTag++;
		// A URL inside a merge tag's delimiters is the tag's business.
		const tag = tags[nextTag];
		if (tag !== undefined && from >= tag.start) continue;
		const value = withoutTrailingPunctuation(text.slice(from, from + match[0].length));
		const range = rangeOf(from, from + value.length);
		children.push({ type: "MessageUrl", start: from, value, range, loc: lines.loc(range) });
	}
	children.sort((a, b) => a.range[0] - b.range[0]);
	const range = rangeOf(0, text.length);
	const part: TextPartNode = { type: "TextPart", role, text, children, range, loc: lines.loc(range) };
	if (offsets) part.offsets = offsets;
	return part;
}

/** The file range of characters `from` to `to` of a part's text. */
export function partRange(part: TextPartNode, from: number, to: number): Range {
	if (!part.offsets) return [part.range[0] + from, part.range[0] + to];
	return [part.offsets[from]!, part.offsets[to]!];
}
