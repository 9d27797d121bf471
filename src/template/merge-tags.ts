import type { MergeTagSyntax } from "../ast/types.js";

/**
 * Finds ESP merge tags in template text before it is parsed as markup.
 * Tags such as `<%asm_group_unsubscribe_raw_url%>` or `{% if x %}` are not
 * markup, and would otherwise break the tag or attribute they sit in.
 *
 * Every pattern is a single bounded quantifier over a character class that
 * excludes its own closing delimiter, so matching stays linear on any input.
 */
export interface MergeTagMatch {
	start: number;
	end: number;
	syntax: MergeTagSyntax;
	expression: string;
}

/**
 * Bracket names that Campaign Monitor and Brevo document. Other bracketed
 * words are tags only when shaped like variables (`[Sender_Address]`,
 * `[POSTCODE]`); `[Advertisement]` or `[1]` are prose.
 */
const BRACKET_NAMES = new Set([
	"unsubscribe",
	"webversion",
	"preferences",
	"firstname",
	"lastname",
	"fullname",
	"email",
	"currentday",
	"currentdayname",
	"currentmonth",
	"currentmonthname",
	"currentyear",
	"forwardtoafriend",
	"mirror",
	"default_header",
	"default_footer",
]);

/**
 * Each syntax's opening and closing delimiter: the one table this tokenizer
 * and the ESP catalogue (src/lexicons/esp-merge-tags/matcher.ts, to split the tags it
 * lists) read.
 */
export const MERGE_TAG_DELIMITERS: Readonly<Record<MergeTagSyntax, readonly [open: string, close: string]>> = {
	mailchimp: ["*|", "|*"],
	"triple-curly": ["{{{", "}}}"],
	"double-curly": ["{{", "}}"],
	"curly-percent": ["{%", "%}"],
	erb: ["<%", "%>"],
	"double-percent": ["%%", "%%"],
	percent: ["%", "%"],
	"double-bracket": ["[[", "]]"],
	bracket: ["[", "]"],
	hash: ["##", "##"],
	"single-curly": ["{", "}"],
};

export const escapeRegExp = (text: string): string => text.replace(/[$()*+.?[\\\]^{|}]/gu, "\\$&");

/**
 * The body of a Liquid/Jinja/Handlebars tag, whose string literals may hold
 * its delimiter characters (`{% assign label = "Save 20% now" %}`,
 * `{{ "50%}" }}`): characters other than `excluded` and quotes, quoted
 * strings on one line that do not hold the tag's closer (so a stray
 * apostrophe never joins two tags: `{{ l'ami }} et {{ l'autre }}`), and
 * quotes that no such string follows, which count as characters. At a quote
 * exactly one of these applies, so there is one way to read the text; and
 * the closer must come before the next opener, so no two starts read the
 * same text: matching stays linear.
 */
const tagBody = (excluded: string, [opener, closer]: readonly [string, string]): string => {
	const [first, second] = [...closer].map(escapeRegExp);
	const [open, next] = [...opener].map(escapeRegExp);
	const rest = (quote: string) => String.raw`(?:[^${quote}<\n${first}]|${first}(?!${second})){0,200}${quote}`;
	const quoted = (quote: string) => String.raw`${quote}${rest(quote)}|${quote}(?!${rest(quote)})`;
	// Nothing in the body reads past the first closer, and that closer must come before the next opener: the text
	// between two openers is read from one of them only.
	const closerNear = String.raw`(?=(?:[^<${first}${open}]|${first}(?!${second})|${open}(?!${next})){0,520}${first}${second})`;
	return String.raw`${closerNear}(?:[^${excluded}<"']|${quoted('"')}|${quoted("'")}){0,500}`;
};

/**
 * What may stand between each syntax's delimiters (the first group is the
 * expression), in the order the families are tried at one position.
 */
const INSIDE: Array<[MergeTagSyntax, string]> = [
	["mailchimp", String.raw`([^|<\r\n]{1,300})`],
	["triple-curly", String.raw`([^{}<]{0,300})`],
	["double-curly", String.raw`-?(\$\{[^{}<]{0,200}\}|${tagBody("{}", MERGE_TAG_DELIMITERS["double-curly"])})-?`],
	["curly-percent", String.raw`-?(${tagBody("%", MERGE_TAG_DELIMITERS["curly-percent"])})-?`],
	["erb", String.raw`([^%<>]{0,300})`],
	["double-percent", String.raw`([^%<\r\n]{1,300})`],
	["double-bracket", String.raw`([^[\]<\r\n]{1,200})`],
	["single-curly", String.raw`(\$?[A-Za-z_][\w.:]{0,60})`],
	["hash", String.raw`([A-Za-z_]\w{0,60})`],
	["percent", String.raw`([A-Za-z_][\w:.-]{2,60})`],
	["bracket", String.raw`([A-Za-z_]\w{0,40}(?:,[^[\]<\r\n]{0,80})?)`],
];

const families: Array<[MergeTagSyntax, string]> = INSIDE.map(([syntax, inside]) => {
	const [open, close] = MERGE_TAG_DELIMITERS[syntax];
	return [syntax, `${escapeRegExp(open)}${inside}${escapeRegExp(close)}`];
});

const combined = new RegExp(families.map(([, source]) => `(${source})`).join("|"), "gu");

/** Capture group index of each family's whole match and its inner expression. */
const groupIndex: number[] = [];
{
	let index = 1;
	for (const [, source] of families) {
		groupIndex.push(index);
		index += 1 + countGroups(source);
	}
}

function countGroups(source: string): number {
	let count = 0;
	for (let i = 0; i < source.length; i++) {
		if (source[i] === "\\") {
			i++;
			continue;
		}
		if (source[i] === "(" && source[i + 1] !== "?") count++;
	}
	return count;
}

const HEX = /^[0-9a-f]$/iu;

/** `%C3%A9tude%` in a URL is percent-encoding, not a `%tude%` tag. */
function followsPercentEncoding(text: string, start: number): boolean {
	return start >= 3 && text[start - 3] === "%" && HEX.test(text[start - 2] ?? "") && HEX.test(text[start - 1] ?? "");
}

export function findMergeTags(text: string): MergeTagMatch[] {
	const found: MergeTagMatch[] = [];
	// Cheap exit for the common case of a chunk with no delimiter at all.
	if (!/[{*%[<#]/u.test(text)) return found;
	combined.lastIndex = 0;
	let match: RegExpExecArray | null;
	while ((match = combined.exec(text)) !== null) {
		const familyIndex = groupIndex.findIndex((index) => match![index] !== undefined);
		const [syntax] = families[familyIndex]!;
		const whole = match[0];
		const expression = (match[groupIndex[familyIndex]! + 1] ?? "").trim();
		const start = match.index;
		if (!acceptable(syntax, expression, text, start)) {
			// Let a shorter family try from the next character.
			combined.lastIndex = start + 1;
			continue;
		}
		found.push({ start, end: start + whole.length, syntax, expression });
	}
	return found;
}

function acceptable(syntax: MergeTagSyntax, expression: string, text: string, start: number): boolean {
	switch (syntax) {
		case "bracket": {
			// `[[UNSUB_LINK_EN]` is a broken Mailjet tag, not a bracket tag after a stray "[".
			if (text[start - 1] === "[") return false;
			const name = expression.split(",")[0]!;
			return (
				BRACKET_NAMES.has(name.toLowerCase()) ||
				/,\s*fallback=/iu.test(expression) ||
				name.includes("_") ||
				/^[A-Z][A-Z0-9]{2,}$/u.test(name)
			);
		}
		case "percent":
			return !followsPercentEncoding(text, start);
		case "curly-percent":
		case "double-curly":
			return !expression.includes("-->");
		default:
			return true;
	}
}

/**
 * The text with each merge tag replaced (by spaces of the same length, by
 * default, so positions keep their meaning). One pass: rebuilding the string
 * once per tag would be quadratic in a value full of tags.
 */
export function blankMergeTags(
	text: string,
	tags: readonly Pick<MergeTagMatch, "start" | "end">[] = findMergeTags(text),
	replacement: (tag: Pick<MergeTagMatch, "start" | "end">) => string = (tag) => " ".repeat(tag.end - tag.start),
): string {
	if (tags.length === 0) return text;
	const parts: string[] = [];
	let position = 0;
	for (const tag of tags) {
		parts.push(text.slice(position, tag.start), replacement(tag));
		position = tag.end;
	}
	parts.push(text.slice(position));
	return parts.join("");
}
