/**
 * Merge tags with missing or mismatched delimiters: `{{ unsubscribe }`,
 * `*|UNSUB|`, `{% unsubscribe }`, `<%asm_group_unsubscribe_raw_url%`. The
 * ESP does not recognise them, so the recipient sees the text as written and
 * a link built on one goes nowhere.
 *
 * The template parser only makes `MergeTag` nodes of balanced tags, so what
 * is left is found here in two places:
 * - `findUnbalancedTags(text)` reads the value of a Text node or of an
 *   attribute's text part: any opener or closer still there lost its partner;
 * - `strayDelimiter(tag, before, after)` looks beside a balanced tag for a
 *   delimiter character that makes it part of a longer, broken one
 *   (`{{unsubscribe}` is a stray `{` plus Copernica's balanced `{unsubscribe}`).
 *
 * Delimiters that also occur in prose (`%`, `%%`, `[[`) are only reported
 * around a name some ESP in the catalogue uses (`%unsubscribe_url`), so that
 * "50%" and percent-encoded URLs stay quiet. Every pattern is a bounded
 * quantifier over a class that excludes its own delimiter, so matching is
 * linear in the text.
 */
import type { MergeTagNode, MergeTagSyntax } from "../ast/types.js";
import { isGenericUnsubscribeVariable } from "../lexicons/esp-merge-tags/generic-variables.js";
import { classifyMergeTag } from "../lexicons/esp-merge-tags/matcher.js";

export interface UnbalancedTag {
	/** Offsets into the text that was searched. */
	start: number;
	end: number;
	/** The broken tag as written. */
	text: string;
	/** The tag family its delimiters belong to. */
	syntax: MergeTagSyntax;
	/** The expression between the delimiters, trimmed (`unsubscribe`). */
	expression: string;
	/** The same tag with balanced delimiters, when where it ends is clear. */
	balanced?: string;
}

interface Family {
	syntax: MergeTagSyntax;
	/** Text the pattern cannot match without: most texts lack it, and `includes` is far cheaper than a pattern with no literal start. */
	needle: string;
	pattern: RegExp;
	/** Only report names an ESP in the catalogue uses (delimiters that also occur in prose). */
	knownNamesOnly?: boolean;
	/** Builds the balanced tag from the match; absent when the end of the tag is unclear. */
	balance?: (groups: Record<string, string | undefined>) => string;
}

/** Not inside a word or tag, and not right after a brace written as a character reference or escaped with `\\`. */
const NOT_ESCAPED = String.raw`(?<![\w.{}%;\\])(?<!(?:&#0{0,4}123;|&#[xX]0{0,4}7[bB];|&lbrace;|&lcub;)[ \t]{0,5})`;

const inner = (groups: Record<string, string | undefined>): string => groups.inner ?? "";

/** Ordered so that, at one position, the family that explains the most text comes first. */
const FAMILIES: readonly Family[] = [
	// *|UNSUB|  *|UNSUB*  *|UNSUB
	{
		syntax: "mailchimp",
		needle: "*|",
		pattern: /\*\|(?<inner>[A-Za-z_][^|*<\s]{0,100})[|*]?/gu,
		balance: (groups) => `*|${inner(groups)}|*`,
	},
	// UNSUB|*  *UNSUB|*
	{
		syntax: "mailchimp",
		needle: "|*",
		pattern: /(?<![\w|*])\*?(?<inner>[A-Za-z_][\w:]{1,60})\|\*/gu,
		balance: (groups) => `*|${inner(groups)}|*`,
	},
	// {{{ unsubscribe }  {{ unsubscribe }
	{
		syntax: "double-curly",
		needle: "{{",
		pattern: /\{\{(?<triple>\{?)(?<inner>[^{}<\n]{1,100})\}(?!\})/gu,
		balance: (groups) => (groups.triple ? `{{{${inner(groups)}}}}` : `{{${inner(groups)}}}`),
	},
	// {% unsubscribe %  {% unsubscribe }
	{
		syntax: "curly-percent",
		needle: "{%",
		pattern: /\{%(?<inner>[^%{}<\n]{1,100})(?:%(?!\})|\})/gu,
		balance: (groups) => `{%${inner(groups)}%}`,
	},
	// { unsubscribe }}  unsubscribe }}  unsubscribe %}; not after an escaped opener (`\{{`, `&#123;&#123; x }}`), which shows braces on purpose
	{
		syntax: "double-curly",
		needle: "}}",
		pattern: new RegExp(
			String.raw`${NOT_ESCAPED}(?<open>\{[ \t]{0,5})?(?<inner>[A-Za-z_][\w.:]{0,60}[ \t]{0,5})(?<close>\}\}\}?)`,
			"gu",
		),
		balance: (groups) => `{{ ${inner(groups).trim()} }}`,
	},
	{
		syntax: "curly-percent",
		needle: "%}",
		pattern: new RegExp(
			String.raw`${NOT_ESCAPED}(?<open>\{[ \t]{0,5})?(?<inner>[A-Za-z_][\w.:]{0,60}[ \t]{0,5})%\}`,
			"gu",
		),
		balance: (groups) => `{% ${inner(groups).trim()} %}`,
	},
	// {{ unsubscribe  {% unsubscribe  (no closer at all: where the tag ends is a guess)
	{ syntax: "double-curly", needle: "{{", pattern: /\{\{\{?-?[ \t]{0,5}(?<inner>[A-Za-z_$#/>^!@][\w.:$-]{0,60})/gu },
	{ syntax: "curly-percent", needle: "{%", pattern: /\{%-?[ \t]{0,5}(?<inner>[A-Za-z_][\w.:$-]{0,60})/gu },
	// <%asm_group_unsubscribe_raw_url%  <%asm_group_unsubscribe_raw_url>
	{
		syntax: "erb",
		needle: "<%",
		pattern: /<%(?<inner>[=-]?[ \t]{0,5}[A-Za-z_][^%<>\n]{0,100})(?:%(?!>)|>)/gu,
		balance: (groups) => `<%${inner(groups)}%>`,
	},
	// asm_group_unsubscribe_raw_url%>
	{
		syntax: "erb",
		needle: "%>",
		pattern: /(?<![\w<%])(?<inner>[A-Za-z_][\w.]{0,60})%>/gu,
		balance: (groups) => `<%${inner(groups)}%>`,
	},
	{ syntax: "erb", needle: "<%", pattern: /<%[=-]?[ \t]{0,5}(?<inner>[A-Za-z_][\w.]{0,60})/gu },
	// %%unsub_center_url  unsub_center_url%%
	{
		syntax: "double-percent",
		needle: "%%",
		knownNamesOnly: true,
		pattern: /%%(?<inner>[A-Za-z_]\w{0,60})%?(?![\w%])/gu,
		balance: (groups) => `%%${inner(groups)}%%`,
	},
	{
		syntax: "double-percent",
		needle: "%%",
		knownNamesOnly: true,
		pattern: /(?<![\w%])(?<inner>[A-Za-z_]\w{0,60})%%/gu,
		balance: (groups) => `%%${inner(groups)}%%`,
	},
	// %unsubscribe_url  unsubscribe_url%
	{
		syntax: "percent",
		needle: "%",
		knownNamesOnly: true,
		pattern: /(?<![\w%])%(?<inner>[A-Za-z_][\w-]{2,60})(?![\w%-])/gu,
		balance: (groups) => `%${inner(groups)}%`,
	},
	{
		syntax: "percent",
		needle: "%",
		knownNamesOnly: true,
		pattern: /(?<![\w%-])(?<inner>[A-Za-z_][\w-]{2,60})%(?![\w%])/gu,
		balance: (groups) => `%${inner(groups)}%`,
	},
	// [[UNSUB_LINK_EN]  UNSUB_LINK_EN]]
	{
		syntax: "double-bracket",
		needle: "[[",
		knownNamesOnly: true,
		pattern: /\[\[(?<inner>[A-Za-z_]\w{0,60})\]?(?![\w\]])/gu,
		balance: (groups) => `[[${inner(groups)}]]`,
	},
	{
		syntax: "double-bracket",
		needle: "]]",
		knownNamesOnly: true,
		pattern: /(?<![\w[])(?<inner>[A-Za-z_]\w{0,60})\]\]/gu,
		balance: (groups) => `[[${inner(groups)}]]`,
	},
];

/** Characters without which no family can match: a cheap exit for ordinary text. */
const ANY_DELIMITER = /[*{}%<>[\]]/u;

/** Whether the text has a character some merge-tag delimiter is made of; without one, {@link findUnbalancedTags} finds nothing. */
export function hasTagDelimiter(text: string): boolean {
	return ANY_DELIMITER.test(text);
}

/**
 * Broken merge tags in the value of a Text node or an attribute text part.
 * Matches never overlap: at a position, the family listed first wins.
 */
export function findUnbalancedTags(text: string): UnbalancedTag[] {
	if (!hasTagDelimiter(text)) return [];
	const found: UnbalancedTag[] = [];
	for (const family of FAMILIES) {
		if (!text.includes(family.needle)) continue;
		for (const match of text.matchAll(family.pattern)) {
			const groups = match.groups ?? {};
			const expression = inner(groups).trim();
			if (family.knownNamesOnly && classifyMergeTag({ syntax: family.syntax, expression }).length === 0) continue;
			const tag: UnbalancedTag = {
				start: match.index,
				end: match.index + match[0].length,
				text: match[0],
				syntax: family.syntax,
				expression,
			};
			if (family.balance) tag.balanced = family.balance(groups);
			found.push(tag);
		}
	}
	found.sort((a, b) => a.start - b.start);
	const kept: UnbalancedTag[] = [];
	for (const tag of found) {
		const previous = kept.at(-1);
		if (previous && tag.start < previous.end) continue;
		kept.push(tag);
	}
	return kept;
}

/** The first character of each family's opener and the last of its closer. */
const EDGES: Partial<Record<MergeTagSyntax, { open: string; close: string }>> = {
	"single-curly": { open: "{", close: "}" },
	"double-curly": { open: "{", close: "}" },
	"triple-curly": { open: "{", close: "}" },
	"curly-percent": { open: "{", close: "}" },
	percent: { open: "%", close: "%" },
	"double-percent": { open: "%", close: "%" },
	bracket: { open: "[", close: "]" },
	"double-bracket": { open: "[", close: "]" },
};

/**
 * A delimiter character right before or after a balanced tag that belongs
 * to it (`{` + `{unsubscribe}`, `%` + `%unsub_center_url%`, `<` + `%asm_group_unsubscribe_raw_url%`):
 * the tag the author wrote is longer and broken. `before`/`after` are the
 * texts of the neighbouring Text nodes, if any.
 */
export function strayDelimiter(
	tag: Pick<MergeTagNode, "syntax">,
	before: string | undefined,
	after: string | undefined,
): { side: "before" | "after"; character: string } | undefined {
	// `<%asm_group_unsubscribe_raw_url%` (the `>` lost) reads as `<` plus a balanced `%…%` tag.
	if (tag.syntax === "percent" && before?.endsWith("<")) return { side: "before", character: "<" };
	const edges = EDGES[tag.syntax];
	if (!edges) return undefined;
	if (before?.endsWith(edges.open)) return { side: "before", character: edges.open };
	if (after?.startsWith(edges.close)) return { side: "after", character: edges.close };
	return undefined;
}

/** Whether a (possibly broken) tag's name says it is an unsubscribe or preference link, for messages. */
export function namesUnsubscribe(tag: { syntax: MergeTagSyntax; expression: string }): boolean {
	return (
		classifyMergeTag(tag).some((match) => match.role === "unsubscribe" || match.role === "preferences") ||
		isGenericUnsubscribeVariable(tag)
	);
}
