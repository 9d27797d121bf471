/**
 * The lexicon machinery every wording list shares: folding text for
 * matching, and compiling a list of phrases into one linear-time search.
 * The phrase lists themselves live beside the rules' wording
 * (`unsubscribe-wording.ts`, `privacy-wording.ts`, `offers.ts`…).
 */
import type { WordingKind, WordingLanguage } from "./unsubscribe-wording.js";

/* ------------------------------------------------------------------------ */
/* Text folding                                                             */
/* ------------------------------------------------------------------------ */

/**
 * Letters that carry no Unicode decomposition but that people routinely type
 * without (ø → o, æ → ae, ß → ss, ł → l). Folding both sides with the same map
 * keeps "ønsker" and "onsker", "prywatność" and "prywatnosc" equivalent.
 */
const TRANSLITERATIONS: Readonly<Record<string, string>> = {
	"ø": "o",
	"æ": "ae",
	"œ": "oe",
	"ß": "ss",
	"ł": "l",
	"đ": "d",
	"ð": "d",
	"þ": "th",
	"ı": "i",
};
const TRANSLITERATION_PATTERN = new RegExp(`[${Object.keys(TRANSLITERATIONS).join("")}]`, "gu");

const NON_ASCII = /[^\0-\x7f]/u;

/**
 * Folds text for matching: lower case, NFKD with combining marks removed,
 * typographic apostrophes and dashes made ASCII, soft hyphens and zero-width
 * characters removed (e-mail builders insert them mid-word), every run of
 * whitespace (including the U+00A0 a decoded `&nbsp;` leaves) made one space.
 */
export function foldText(text: string): string {
	// Most text is ASCII, where only the backtick and case and spacing change: skip the Unicode passes.
	if (!NON_ASCII.test(text)) return text.replace(/`/gu, "'").toLowerCase().replace(/\s+/gu, " ").trim();
	return text
		.replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/gu, "")
		.replace(/[\u2018\u2019\u02bc\u0060\u00b4]/gu, "'")
		.replace(/[\u2010-\u2015\u2212]/gu, "-")
		.toLowerCase()
		.normalize("NFKD")
		.replace(/\p{M}/gu, "")
		.replace(TRANSLITERATION_PATTERN, (letter) => TRANSLITERATIONS[letter] ?? letter)
		.replace(/\s+/gu, " ")
		.trim();
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** Removes leading and trailing characters that are neither letters nor digits, without a regex (a `[^…]+$` regex is quadratic). */
export function trimToWords(text: string): string {
	let start = 0;
	let end = text.length;
	while (start < end && !WORD_CHARACTER.test(text.charAt(start))) start++;
	while (end > start && !WORD_CHARACTER.test(text.charAt(end - 1))) end--;
	return text.slice(start, end);
}

/* ------------------------------------------------------------------------ */
/* Phrase compilation                                                       */
/* ------------------------------------------------------------------------ */

/**
 * A lexicon phrase, written in its natural spelling (it is folded at load):
 * - a trailing `*` is a word stem: `afmeld*` matches afmelden, afmelding, afmeldlink;
 * - a `-` matches a hyphen, a space or nothing: `opt-out` matches opt-out, opt out, optout;
 * - a `'` matches an apostrophe, a space or nothing: `l'iscrizione`;
 * - a leading `=` makes the phrase match only the whole text (for words too
 *   ambiguous inside a sentence, like Spanish "baja").
 */
export interface LexiconEntry<Lang extends string = WordingLanguage, Kind extends string = WordingKind> {
	lang: Lang;
	kind: Kind;
	phrase: string;
}

/** Every combination of the parts, joined by spaces; empty parts drop out. */
export function combine(...parts: ReadonlyArray<readonly string[]>): string[] {
	let results: string[] = [""];
	for (const options of parts) {
		const next: string[] = [];
		for (const prefix of results) {
			for (const option of options) next.push(option === "" ? prefix : prefix === "" ? option : `${prefix} ${option}`);
		}
		results = next;
	}
	return results;
}

export function entries<Lang extends string, Kind extends string>(lang: Lang, kind: Kind, phrases: readonly string[]): Array<LexiconEntry<Lang, Kind>> {
	return phrases.map((phrase) => ({ lang, kind, phrase }));
}

function escapeLiteral(character: string): string {
	return /[\\^$.*+?()[\]{}|/]/u.test(character) ? `\\${character}` : character;
}

/** `-` in a phrase: a hyphen, a space or nothing. */
const HYPHEN = "[- ]?";
/** `'` in a phrase: an apostrophe, a space or nothing. */
const APOSTROPHE = "(?:' | |')?";
/** A trailing `*`: the rest of the word. */
const STEM = "\\p{L}*";
const LETTERS = /\p{L}*/uy;

/** The regex pieces of one folded phrase (without the `=` marker), one per character, plus a stem tail. */
function phraseTokens(folded: string): string[] {
	const isStem = folded.endsWith("*");
	const body = isStem ? folded.slice(0, -1) : folded;
	const tokens: string[] = [];
	for (const character of body) {
		if (character === "-") tokens.push(HYPHEN);
		else if (character === "'") tokens.push(APOSTROPHE);
		else tokens.push(escapeLiteral(character));
	}
	if (isStem) tokens.push(STEM);
	return tokens;
}

/** Where a token that starts at `at` can end, in the order the regex tries them (greedy first). */
function tokenEnds(token: string, text: string, at: number): number[] {
	switch (token) {
		case HYPHEN:
			return text[at] === "-" || text[at] === " " ? [at + 1, at] : [at];
		case APOSTROPHE: {
			const ends = [];
			if (text.startsWith("' ", at)) ends.push(at + 2);
			if (text[at] === " " || text[at] === "'") ends.push(at + 1);
			ends.push(at);
			return ends;
		}
		case STEM: {
			LETTERS.lastIndex = at;
			LETTERS.exec(text);
			const ends = [];
			for (let end = LETTERS.lastIndex; end >= at; end--) ends.push(end);
			return ends;
		}
		default: {
			const literal = token.length === 2 && token[0] === "\\" ? token[1] : token;
			return text.startsWith(literal!, at) ? [at + literal!.length] : [];
		}
	}
}

interface TrieNode {
	children: Map<string, TrieNode>;
	/** Index of the entry that ends here. */
	terminal?: number;
}

/**
 * The alternation written as a trie (`a(?:fmeld\p{L}*|f te melden)`), so a
 * start position costs the depth of the longest phrase rather than the
 * number of phrases. Longer continuations come before a phrase that ends at
 * the node, as in {@link entryAt}.
 */
function trieSource(node: TrieNode): string {
	const branches = [...node.children].map(([token, child]) => token + trieSource(child));
	if (node.terminal !== undefined) branches.push("");
	return branches.length === 1 ? (branches[0] ?? "") : `(?:${branches.join("|")})`;
}

/**
 * Which entry a match from `start` to `end` is: the first path through the
 * trie, in the regex's own order, that ends exactly there. Any path the regex
 * tried before it either failed or ended elsewhere, so this is the entry the
 * regex matched. Walking a few characters here is far cheaper than a capture
 * group per entry, which the regex would pay for at every position it tries.
 */
function entryAt(node: TrieNode, text: string, at: number, end: number): number | undefined {
	for (const [token, child] of node.children) {
		for (const next of tokenEnds(token, text, at)) {
			if (next > end) continue;
			const found = entryAt(child, text, next, end);
			if (found !== undefined) return found;
		}
	}
	return at === end ? node.terminal : undefined;
}

export interface CompiledLexicon<Lang extends string, Kind extends string> {
	/** Finds the leftmost phrase in already-folded text. */
	search(folded: string): LexiconEntry<Lang, Kind> | undefined;
	/** Finds a whole-text-only phrase equal to the already-folded, trimmed text. */
	whole(folded: string): LexiconEntry<Lang, Kind> | undefined;
}

/**
 * Compiles entries into one regex: `(?<![\p{L}\p{N}])<trie>(?![\p{L}\p{N}])`.
 * `notPrecededBy` (folded literals) rejects a match right after those words, e.g. "cookie-".
 */
export function compileLexicon<Lang extends string, Kind extends string>(
	list: ReadonlyArray<LexiconEntry<Lang, Kind>>,
	notPrecededBy: readonly string[] = [],
): CompiledLexicon<Lang, Kind> {
	// Compiled on first use: a pre-commit run on one template should not pay for every lexicon at start-up.
	let compiled: CompiledLexicon<Lang, Kind> | undefined;
	const get = () => (compiled ??= compileNow(list, notPrecededBy));
	return {
		search: folded => get().search(folded),
		whole: folded => get().whole(folded),
	};
}

function compileNow<Lang extends string, Kind extends string>(
	list: ReadonlyArray<LexiconEntry<Lang, Kind>>,
	notPrecededBy: readonly string[],
): CompiledLexicon<Lang, Kind> {
	const searchable: Array<LexiconEntry<Lang, Kind>> = [];
	const wholeOnly = new Map<string, LexiconEntry<Lang, Kind>>();
	const root: TrieNode = { children: new Map() };
	for (const entry of list) {
		const folded = foldText(entry.phrase);
		if (folded.startsWith("=")) {
			const key = folded.slice(1);
			if (!wholeOnly.has(key)) wholeOnly.set(key, entry);
			continue;
		}
		let node = root;
		for (const token of phraseTokens(folded)) {
			let child = node.children.get(token);
			if (child === undefined) {
				child = { children: new Map() };
				node.children.set(token, child);
			}
			node = child;
		}
		// The first entry for a phrase keeps it (Dutch "afmeld*" before Danish).
		if (node.terminal === undefined) {
			node.terminal = searchable.length;
			searchable.push(entry);
		}
	}
	const guards = notPrecededBy.map((literal) => `(?<!${[...literal].map(escapeLiteral).join("")})`).join("");
	const pattern =
		searchable.length === 0 ? undefined : new RegExp(`${guards}(?<![\\p{L}\\p{N}])${trieSource(root)}(?![\\p{L}\\p{N}])`, "u");
	return {
		search(folded) {
			const found = pattern?.exec(folded);
			if (!found) return undefined;
			const index = entryAt(root, folded, found.index, found.index + found[0].length);
			return index === undefined ? undefined : searchable[index];
		},
		whole(folded) {
			return wholeOnly.get(folded);
		},
	};
}
