/**
 * The lexicon machinery every wording list shares: folding text for
 * matching, and compiling a list of phrases into one linear-time search.
 * The phrase lists themselves live beside the rules' wording
 * (`unsubscribe-wording.ts`, `privacy-wording.ts`, `offers.ts`…).
 */

/* ------------------------------------------------------------------------ */
/* Text folding                                                             */
/* ------------------------------------------------------------------------ */

/**
 * Letters that carry no Unicode decomposition but that people routinely type
 * without (ø → o, æ → ae, ß → ss, ł → l). Folding both sides with the same map
 * keeps "ønsker" and "onsker", "prywatność" and "prywatnosc" equivalent.
 */
const TRANSLITERATIONS: Readonly<Record<string, string>> = {
	ø: "o",
	æ: "ae",
	œ: "oe",
	ß: "ss",
	ł: "l",
	đ: "d",
	ð: "d",
	þ: "th",
	ı: "i",
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
	if (text.length > FOLD_CACHE_TEXT_LENGTH) return fold(text);
	let folded = recentlyFolded.get(text);
	if (folded === undefined) {
		if (recentlyFolded.size >= FOLD_CACHE_ENTRIES) recentlyFolded.clear();
		folded = fold(text);
		recentlyFolded.set(text, folded);
	}
	return folded;
}

/**
 * The paragraphs of a mail are folded by every wording list that reads them
 * (offer, promotion, transactional, opt-out, sender, ad label…): a dozen
 * times each, by as many rules. Folding is a pure function of the text, so
 * the last few thousand short texts keep their folded form; the bound keeps
 * the memory small whatever a run lints.
 */
const recentlyFolded = new Map<string, string>();
const FOLD_CACHE_ENTRIES = 4096;
const FOLD_CACHE_TEXT_LENGTH = 2000;

function fold(text: string): string {
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

/**
 * The original spelling of a phrase found in `foldText(text)`: "Réduction",
 * not "reduction", so a message quotes the mail as written. Each character
 * is folded on its own to map folded offsets back to the original, one entry
 * per UTF-16 code unit of the folded text (the unit `indexOf` counts in); the
 * folded phrase itself when it cannot be found.
 */
export function originalSpelling(text: string, foldedPhrase: string): string {
	if (foldedPhrase === "") return foldedPhrase;
	// The folded text is built as a list of pieces: asking a string grown by `+=` for its last character flattens it each time, which made this quadratic on long text.
	const pieces: string[] = [];
	let last = "";
	const origin: number[] = [];
	const originEnd: number[] = [];
	const spelling = (at: number): string => text.slice(origin[at], originEnd[at + foldedPhrase.length - 1]);
	// Folding stops at the phrase's first occurrence, which the folded prefix already holds once it is there: in a
	// 1 MB SMS the phrase is found in its first line, not after a million characters. Looking at doubling lengths keeps it linear.
	let nextLook = Math.max(256, 2 * foldedPhrase.length);
	let offset = 0;
	for (const character of text) {
		const start = offset;
		offset += character.length;
		if (/\s/u.test(character)) {
			if (pieces.length > 0 && last !== " ") {
				pieces.push(" ");
				last = " ";
				origin.push(start);
				originEnd.push(offset);
			}
			continue;
		}
		const folded = foldCharacter(character);
		if (folded === "") continue;
		pieces.push(folded);
		last = folded.at(-1)!;
		// One entry per UTF-16 code unit of the folded text, as `indexOf` counts: an emoji is two.
		for (let unit = 0; unit < folded.length; unit++) {
			origin.push(start);
			originEnd.push(offset);
		}
		if (origin.length >= nextLook) {
			const at = pieces.join("").indexOf(foldedPhrase);
			if (at !== -1) return spelling(at);
			nextLook *= 2;
		}
	}
	const at = pieces.join("").indexOf(foldedPhrase);
	return at === -1 ? foldedPhrase : spelling(at);
}

const ASCII_NOT_SPACE = /^[\x21-\x7e]$/u;

/** `foldText` of one character that is not whitespace; without its passes for the ASCII most text is. */
function foldCharacter(character: string): string {
	if (!ASCII_NOT_SPACE.test(character)) return foldText(character);
	return character === "`" ? "'" : character.toLowerCase();
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
export interface LexiconEntry<Lang extends string, Kind extends string> {
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

export function entries<Lang extends string, Kind extends string>(
	lang: Lang,
	kind: Kind,
	phrases: readonly string[],
): Array<LexiconEntry<Lang, Kind>> {
	return phrases.map((phrase) => ({ lang, kind, phrase }));
}

/** `-` in a phrase: a hyphen, a space or nothing. */
const HYPHEN = "<hyphen>";
/** `'` in a phrase: an apostrophe, a space or nothing. */
const APOSTROPHE = "<apostrophe>";
/** A trailing `*`: the rest of the word. */
const STEM = "<stem>";

const LETTER = /\p{L}/u;
const ASCII_WORD_CHARACTER = Uint8Array.from({ length: 0x80 }, (_, code) =>
	/[\da-z]/iu.test(String.fromCharCode(code)) ? 1 : 0,
);

/** The code point that starts at `at`, as a string ("" at the end). */
function characterAt(text: string, at: number): string {
	const code = text.codePointAt(at);
	if (code === undefined) return "";
	return code > 0xffff ? text.slice(at, at + 2) : text[at]!;
}

/** The code point that ends at `at` ("" at the start). */
function characterBefore(text: string, at: number): string {
	if (at === 0) return "";
	const low = text.charCodeAt(at - 1);
	return low >= 0xdc00 && low <= 0xdfff && at >= 2 ? text.slice(at - 2, at) : text[at - 1]!;
}

function isWordCharacter(character: string): boolean {
	if (character === "") return false;
	const code = character.charCodeAt(0);
	if (code < 0x80) return ASCII_WORD_CHARACTER[code] === 1;
	return WORD_CHARACTER.test(character);
}

/** Whether the character before `at` is a letter or digit; read as a code, not a string, for ASCII (this runs at every position searched). */
function followsWordCharacter(text: string, at: number): boolean {
	if (at === 0) return false;
	const code = text.charCodeAt(at - 1);
	if (code < 0x80) return ASCII_WORD_CHARACTER[code] === 1;
	return isWordCharacter(characterBefore(text, at));
}

function endsWithAny(text: string, at: number, literals: readonly string[]): boolean {
	for (const literal of literals) if (text.endsWith(literal, at)) return true;
	return false;
}

interface TrieNode {
	/**
	 * The children by token, once there are two or more, in the order their
	 * phrases were listed. Until then the one child sits in `onlyToken` and
	 * `onlyChild`: most nodes of a phrase trie have one, and a Map for each of
	 * them was most of what compiling a lexicon cost at start-up.
	 */
	children: Map<string, TrieNode> | undefined;
	onlyToken: string | undefined;
	onlyChild: TrieNode | undefined;
	/** The children in the order their phrases were listed, when one of them is a pattern; otherwise at most one child can match. */
	patterned: Array<{ token: string; child: TrieNode }> | undefined;
	/** Index of the entry that ends here. */
	terminal?: number;
}

/**
 * The entry a phrase match starting at `at` belongs to, or undefined. The
 * children are tried in the order their phrases were listed, each token's
 * longest reading first, and a phrase ending here comes after every longer
 * continuation; a phrase only ends before a character that is neither a
 * letter nor a digit. That is the order a regex alternation over the same
 * phrases would take, without compiling one: a lexicon regex of thousands of
 * phrases cost more to compile, in a short run, than all its searches.
 * It runs at every word start of every text each lexicon reads, so it
 * allocates nothing: the readings of a pattern are tried in place.
 */
function matchFrom(node: TrieNode, text: string, at: number): number | undefined {
	if (node.patterned !== undefined) {
		for (const { token, child } of node.patterned) {
			const found = matchToken(token, child, text, at);
			if (found !== undefined) return found;
		}
	} else if (node.onlyChild !== undefined || node.children !== undefined) {
		const character = characterAt(text, at);
		const child = character === "" ? undefined : childOf(node, character);
		if (child !== undefined) {
			const found = matchFrom(child, text, at + character.length);
			if (found !== undefined) return found;
		}
	}
	return node.terminal !== undefined && !isWordCharacter(characterAt(text, at)) ? node.terminal : undefined;
}

function newTrieNode(): TrieNode {
	return { children: undefined, onlyToken: undefined, onlyChild: undefined, patterned: undefined };
}

function childOf(node: TrieNode, token: string): TrieNode | undefined {
	if (node.children !== undefined) return node.children.get(token);
	return node.onlyToken === token ? node.onlyChild : undefined;
}

/** The node's child for a token, added when it has none yet (listed after the children it has). */
function childFor(node: TrieNode, token: string): TrieNode {
	const known = childOf(node, token);
	if (known !== undefined) return known;
	const child = newTrieNode();
	if (node.children !== undefined) node.children.set(token, child);
	else if (node.onlyChild === undefined) {
		node.onlyToken = token;
		node.onlyChild = child;
	} else {
		node.children = new Map([
			[node.onlyToken!, node.onlyChild],
			[token, child],
		]);
		node.onlyToken = undefined;
		node.onlyChild = undefined;
	}
	if (node.patterned !== undefined) node.patterned.push({ token, child });
	else if (token === HYPHEN || token === APOSTROPHE || token === STEM) node.patterned = childrenOf(node);
	return child;
}

/**
 * The trie node a folded phrase (without the `=` marker) ends at, its path
 * added: a token per character, `-` and `'` as their pattern markers, a
 * trailing `*` as the stem marker. Read by index rather than through a list
 * of tokens: this runs once per phrase at start-up, in code not yet
 * optimised, where every step counts.
 */
function addPhrase(root: TrieNode, folded: string): TrieNode {
	const isStem = folded.endsWith("*");
	const end = isStem ? folded.length - 1 : folded.length;
	let node = root;
	for (let at = 0; at < end; at++) {
		const code = folded.charCodeAt(at);
		let token: string;
		if (code === 0x2d) token = HYPHEN;
		else if (code === 0x27) token = APOSTROPHE;
		else if (code >= 0xd800 && code <= 0xdbff && at + 1 < end && isLowSurrogate(folded.charCodeAt(at + 1))) {
			token = folded.slice(at, at + 2);
			at++;
		} else token = folded[at]!;
		node = childFor(node, token);
	}
	return isStem ? childFor(node, STEM) : node;
}

function isLowSurrogate(code: number): boolean {
	return code >= 0xdc00 && code <= 0xdfff;
}

/** The children in the order their phrases were listed. */
function childrenOf(node: TrieNode): Array<{ token: string; child: TrieNode }> {
	if (node.children !== undefined) return [...node.children].map(([token, child]) => ({ token, child }));
	return node.onlyChild === undefined ? [] : [{ token: node.onlyToken!, child: node.onlyChild }];
}

/** Tries `child` after each reading of `token` at `at`, most text first: the order in which a regex would try them. */
function matchToken(token: string, child: TrieNode, text: string, at: number): number | undefined {
	switch (token) {
		case HYPHEN: {
			if (text[at] === "-" || text[at] === " ") {
				const found = matchFrom(child, text, at + 1);
				if (found !== undefined) return found;
			}
			return matchFrom(child, text, at);
		}
		case APOSTROPHE: {
			if (text.startsWith("' ", at)) {
				const found = matchFrom(child, text, at + 2);
				if (found !== undefined) return found;
			}
			if (text[at] === " " || text[at] === "'") {
				const found = matchFrom(child, text, at + 1);
				if (found !== undefined) return found;
			}
			return matchFrom(child, text, at);
		}
		case STEM: {
			// The rest of the word: every end from the longest run of letters back to none.
			let end = at;
			for (let next = characterAt(text, end); next !== "" && LETTER.test(next); next = characterAt(text, end))
				end += next.length;
			for (;;) {
				const found = matchFrom(child, text, end);
				if (found !== undefined || end === at) return found;
				end -= characterBefore(text, end).length;
			}
		}
		default:
			return text.startsWith(token, at) ? matchFrom(child, text, at + token.length) : undefined;
	}
}

export interface CompiledLexicon<Lang extends string, Kind extends string> {
	/** Finds the leftmost phrase in already-folded text. */
	search(folded: string): LexiconEntry<Lang, Kind> | undefined;
	/** Finds a whole-text-only phrase equal to the already-folded, trimmed text. */
	whole(folded: string): LexiconEntry<Lang, Kind> | undefined;
}

/**
 * Compiles entries into a trie of their tokens, searched at every word start.
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
		search: (folded) => get().search(folded),
		whole: (folded) => get().whole(folded),
	};
}

function compileNow<Lang extends string, Kind extends string>(
	list: ReadonlyArray<LexiconEntry<Lang, Kind>>,
	notPrecededBy: readonly string[],
): CompiledLexicon<Lang, Kind> {
	const searchable: Array<LexiconEntry<Lang, Kind>> = [];
	const wholeOnly = new Map<string, LexiconEntry<Lang, Kind>>();
	const root = newTrieNode();
	for (const entry of list) {
		const folded = foldText(entry.phrase);
		if (folded.startsWith("=")) {
			const key = folded.slice(1);
			if (!wholeOnly.has(key)) wholeOnly.set(key, entry);
			continue;
		}
		const node = addPhrase(root, folded);
		// The first entry for a phrase keeps it (Dutch "afmeld*" before Danish).
		if (node.terminal === undefined) {
			node.terminal = searchable.length;
			searchable.push(entry);
		}
	}
	return {
		search(folded) {
			if (searchable.length === 0) return undefined;
			for (let at = 0; at < folded.length; at++) {
				if (followsWordCharacter(folded, at) || endsWithAny(folded, at, notPrecededBy)) continue;
				const found = matchFrom(root, folded, at);
				if (found !== undefined) return searchable[found];
			}
			return undefined;
		},
		whole(folded) {
			return wholeOnly.get(folded);
		},
	};
}
