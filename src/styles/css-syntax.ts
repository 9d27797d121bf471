/**
 * A small CSS reader after CSS Syntax Level 3 (https://www.w3.org/TR/css-syntax-3/):
 * the tokenizer of §4, and the rule and declaration consumption of §5 over
 * token ranges. It is forgiving the way browsers are: it never throws, and a
 * broken declaration or rule is dropped on its own, the rest kept.
 *
 * Everything runs in linear time, whatever the input: blocks are matched once
 * up front with an explicit stack, so skipping a block is a jump, never a
 * recursive descent (1 MB of `{{{{` must not overflow the stack).
 *
 * Comments produce no token, as in the spec: text sliced between two tokens
 * keeps an interior comment as written, but none at either end.
 */

export type TokenType =
	| "whitespace"
	| "ident"
	| "function"
	| "at-keyword"
	| "hash"
	| "string"
	| "bad-string"
	| "url"
	| "bad-url"
	| "delim"
	| "number"
	| "percentage"
	| "dimension"
	| "cdo"
	| "cdc"
	| "colon"
	| "semicolon"
	| "comma"
	| "["
	| "]"
	| "("
	| ")"
	| "{"
	| "}";

export interface Token {
	type: TokenType;
	/** Offsets into the source text; `end` is exclusive. */
	start: number;
	end: number;
	/**
	 * Escapes decoded: the name of an ident, function, at-keyword or hash; the
	 * contents of a string or url; the character of a delim. Empty otherwise.
	 */
	value: string;
	/** A hash that would start an identifier, so it can be an id selector (`#1a` cannot). */
	id: boolean;
}

export interface TokenList {
	text: string;
	tokens: Token[];
	/** For a token opening a block (`(`, `[`, `{`, function): the index of its closing token, or `tokens.length` when it is never closed. -1 otherwise. */
	close: number[];
}

/** Token indices, `end` exclusive. */
export interface TokenRange {
	start: number;
	end: number;
}

export type BlockItem =
	| { type: "declaration"; name: string; value: TokenRange; important: boolean }
	| { type: "qualified-rule"; prelude: TokenRange; block: TokenRange }
	| { type: "at-rule"; name: string; prelude: TokenRange; block: TokenRange | undefined };

/** §4.3.1: the characters that are a token of their own, by code point. */
const SINGLE_CHARACTER_TOKENS: ReadonlyMap<number, TokenType> = new Map([
	[0x28, "("],
	[0x29, ")"],
	[0x2c, "comma"],
	[0x3a, "colon"],
	[0x3b, "semicolon"],
	[0x5b, "["],
	[0x5d, "]"],
	[0x7b, "{"],
	[0x7d, "}"],
]);

export function readTokens(text: string): TokenList {
	const tokens = tokenize(text);
	return { text, tokens, close: matchBlocks(tokens) };
}

// ---- Tokenizer (§4.3) ----

const REPLACEMENT_CHARACTER = "\uFFFD";

function isDigit(code: number): boolean {
	return code >= 48 && code <= 57;
}

function isHexDigit(code: number): boolean {
	return isDigit(code) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
}

function isNameStart(code: number): boolean {
	return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95 || code >= 0x80;
}

function isNameCode(code: number): boolean {
	return isNameStart(code) || isDigit(code) || code === 45;
}

function isNewline(code: number): boolean {
	return code === 10 || code === 13 || code === 12;
}

function isWhitespace(code: number): boolean {
	return code === 32 || code === 9 || isNewline(code);
}

/** Non-printable code points end a url token as a bad url. */
function isNonPrintable(code: number): boolean {
	return (code >= 0 && code <= 8) || code === 11 || (code >= 14 && code <= 31) || code === 127;
}

function tokenize(text: string): Token[] {
	const tokens: Token[] = [];
	const length = text.length;
	let position = 0;

	const code = (at: number) => text.charCodeAt(at);
	/** §4.3.8: a backslash not followed by a newline. A backslash at the end of input is valid (it decodes to U+FFFD). */
	const validEscape = (at: number) => code(at) === 92 && !isNewline(code(at + 1));
	/** §4.3.9 */
	const startsIdentifier = (at: number) => {
		const first = code(at);
		if (first === 45) {
			const second = code(at + 1);
			return isNameStart(second) || second === 45 || validEscape(at + 1);
		}
		return isNameStart(first) || validEscape(at);
	};
	/** §4.3.10 */
	const startsNumber = (at: number) => {
		const first = code(at);
		if (first === 43 || first === 45) {
			const second = code(at + 1);
			return isDigit(second) || (second === 46 && isDigit(code(at + 2)));
		}
		if (first === 46) return isDigit(code(at + 1));
		return isDigit(first);
	};
	/** §4.3.7, with `position` just past the backslash. */
	const consumeEscape = (): string => {
		if (position >= length) return REPLACEMENT_CHARACTER;
		if (isHexDigit(code(position))) {
			const start = position;
			while (position < length && position - start < 6 && isHexDigit(code(position))) position++;
			const value = Number.parseInt(text.slice(start, position), 16);
			if (code(position) === 13 && code(position + 1) === 10) position += 2;
			else if (isWhitespace(code(position))) position++;
			if (value === 0 || (value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff) return REPLACEMENT_CHARACTER;
			return String.fromCodePoint(value);
		}
		const character = String.fromCodePoint(text.codePointAt(position)!);
		position += character.length;
		return character;
	};
	/** §4.3.11: decodes escapes, copying unescaped runs in one slice. */
	const consumeName = (): string => {
		let name = "";
		let runStart = position;
		while (position < length) {
			const current = code(position);
			if (isNameCode(current)) position++;
			else if (validEscape(position)) {
				name += text.slice(runStart, position);
				position++;
				name += consumeEscape();
				runStart = position;
			} else break;
		}
		return name + text.slice(runStart, position);
	};
	/** §4.3.12, the value is not needed. */
	const consumeNumber = () => {
		if (code(position) === 43 || code(position) === 45) position++;
		while (isDigit(code(position))) position++;
		if (code(position) === 46 && isDigit(code(position + 1))) {
			position += 2;
			while (isDigit(code(position))) position++;
		}
		const exponent = code(position);
		if (exponent === 69 || exponent === 101) {
			const next = code(position + 1);
			if (isDigit(next)) position += 2;
			else if ((next === 43 || next === 45) && isDigit(code(position + 2))) position += 3;
			else return;
			while (isDigit(code(position))) position++;
		}
	};
	const push = (type: TokenType, start: number, value = "", id = false) => {
		tokens.push({ type, start, end: position, value, id });
	};
	/** §4.3.5, with `position` just past the opening quote. */
	const consumeString = (start: number, quote: number) => {
		let value = "";
		let runStart = position;
		while (position < length) {
			const current = code(position);
			if (current === quote) {
				value += text.slice(runStart, position);
				position++;
				push("string", start, value);
				return;
			}
			if (isNewline(current)) {
				// The newline is not part of the bad string.
				push("bad-string", start);
				return;
			}
			if (current === 92) {
				value += text.slice(runStart, position);
				position++;
				if (position >= length) {
					runStart = position;
					break;
				}
				const next = code(position);
				if (next === 13 && code(position + 1) === 10) position += 2;
				else if (isNewline(next)) position++;
				else value += consumeEscape();
				runStart = position;
			} else position++;
		}
		// Unterminated at the end of input: still a string.
		push("string", start, value + text.slice(runStart, position));
	};
	/** §4.3.14 */
	const consumeBadUrlRemnants = () => {
		while (position < length) {
			const current = code(position);
			if (current === 41) {
				position++;
				return;
			}
			if (validEscape(position)) {
				position++;
				consumeEscape();
			} else position++;
		}
	};
	/** §4.3.6, with `position` just past `url(` and its leading whitespace. */
	const consumeUrl = (start: number) => {
		let value = "";
		while (isWhitespace(code(position))) position++;
		while (position < length) {
			const current = code(position);
			if (current === 41) {
				position++;
				push("url", start, value);
				return;
			}
			if (isWhitespace(current)) {
				while (isWhitespace(code(position))) position++;
				if (position >= length) break;
				if (code(position) === 41) {
					position++;
					push("url", start, value);
					return;
				}
				consumeBadUrlRemnants();
				push("bad-url", start);
				return;
			}
			if (current === 34 || current === 39 || current === 40 || isNonPrintable(current)) {
				consumeBadUrlRemnants();
				push("bad-url", start);
				return;
			}
			if (current === 92) {
				if (!validEscape(position)) {
					consumeBadUrlRemnants();
					push("bad-url", start);
					return;
				}
				position++;
				value += consumeEscape();
			} else {
				value += text[position];
				position++;
			}
		}
		push("url", start, value);
	};
	/** §4.3.4 */
	const consumeIdentLike = (start: number) => {
		const name = consumeName();
		if (code(position) !== 40) {
			push("ident", start, name);
			return;
		}
		position++;
		if (name.length === 3 && name.toLowerCase() === "url") {
			while (isWhitespace(code(position)) && isWhitespace(code(position + 1))) position++;
			const next = isWhitespace(code(position)) ? code(position + 1) : code(position);
			if (next !== 34 && next !== 39) {
				consumeUrl(start);
				return;
			}
		}
		push("function", start, name);
	};
	/** §4.3.3 */
	const consumeNumeric = (start: number) => {
		consumeNumber();
		if (startsIdentifier(position)) {
			consumeName();
			push("dimension", start);
		} else if (code(position) === 37) {
			position++;
			push("percentage", start);
		} else push("number", start);
	};

	while (position < length) {
		const start = position;
		const current = code(position);
		if (current === 47 && code(position + 1) === 42) {
			// §4.3.2: a comment; unterminated, it runs to the end.
			const close = text.indexOf("*/", position + 2);
			position = close === -1 ? length : close + 2;
			continue;
		}
		if (isWhitespace(current)) {
			while (isWhitespace(code(position))) position++;
			push("whitespace", start);
			continue;
		}
		if (isDigit(current)) {
			consumeNumeric(start);
			continue;
		}
		if (isNameStart(current)) {
			consumeIdentLike(start);
			continue;
		}
		const single = SINGLE_CHARACTER_TOKENS.get(current);
		if (single !== undefined) {
			position++;
			push(single, start);
			continue;
		}
		switch (current) {
			case 34:
			case 39:
				position++;
				consumeString(start, current);
				continue;
			case 35:
				if (isNameCode(code(position + 1)) || validEscape(position + 1)) {
					position++;
					const id = startsIdentifier(position);
					push("hash", start, consumeName(), id);
					continue;
				}
				break;
			case 43:
			case 46:
				if (startsNumber(position)) {
					consumeNumeric(start);
					continue;
				}
				break;
			case 45:
				if (startsNumber(position)) {
					consumeNumeric(start);
					continue;
				}
				if (code(position + 1) === 45 && code(position + 2) === 62) {
					position += 3;
					push("cdc", start);
					continue;
				}
				if (startsIdentifier(position)) {
					consumeIdentLike(start);
					continue;
				}
				break;
			case 60:
				if (text.startsWith("!--", position + 1)) {
					position += 4;
					push("cdo", start);
					continue;
				}
				break;
			case 64:
				if (startsIdentifier(position + 1)) {
					position++;
					push("at-keyword", start, consumeName());
					continue;
				}
				break;
			case 92:
				if (validEscape(position)) {
					consumeIdentLike(start);
					continue;
				}
				break;
		}
		const character = String.fromCodePoint(text.codePointAt(position)!);
		position += character.length;
		push("delim", start, character);
	}
	return tokens;
}

// ---- Blocks ----

function closerOf(type: TokenType): TokenType | undefined {
	switch (type) {
		case "(":
		case "function":
			return ")";
		case "[":
			return "]";
		case "{":
			return "}";
		default:
			return undefined;
	}
}

/**
 * Pairs each opening token with its closing token, as §5.4.8 (consume a simple
 * block) would: a closing token that does not match the innermost open block
 * is an ordinary token (`)` inside `{…}`), and a block left open at the end
 * of input runs to the end.
 */
function matchBlocks(tokens: readonly Token[]): number[] {
	// Plain arrays: most inputs are a short `style` attribute, where typed arrays cost more to allocate than they save.
	const close: number[] = [];
	const open: number[] = [];
	for (let index = 0; index < tokens.length; index++) {
		const type = tokens[index]!.type;
		close.push(-1);
		if (closerOf(type)) {
			close[index] = tokens.length;
			open.push(index);
		} else if (
			(type === ")" || type === "]" || type === "}") &&
			open.length > 0 &&
			closerOf(tokens[open[open.length - 1]!]!.type) === type
		) {
			close[open.pop()!] = index;
		}
	}
	return close;
}

/** The index after the component value starting at `index`: past its block when it opens one. */
function skipComponentValue(list: TokenList, index: number, end: number): number {
	const close = list.close[index]!;
	if (close === -1) return index + 1;
	return close < end ? close + 1 : end;
}

/** The contents of the block opened at `index`, within `end`. */
function blockContents(list: TokenList, index: number, end: number): TokenRange {
	return { start: index + 1, end: Math.min(list.close[index]!, end) };
}

/** The source text of a token range, without whitespace (or comments) at either end. */
export function textOf(list: TokenList, range: TokenRange): string {
	let { start, end } = range;
	while (start < end && list.tokens[start]!.type === "whitespace") start++;
	while (end > start && list.tokens[end - 1]!.type === "whitespace") end--;
	return start < end ? list.text.slice(list.tokens[start]!.start, list.tokens[end - 1]!.end) : "";
}

/** Splits a range at its top-level commas (a selector list, say); empty parts are kept. */
export function splitAtCommas(list: TokenList, range: TokenRange): TokenRange[] {
	const parts: TokenRange[] = [];
	let start = range.start;
	for (let index = range.start; index < range.end;) {
		if (list.tokens[index]!.type === "comma") {
			parts.push({ start, end: index });
			start = index + 1;
			index++;
		} else index = skipComponentValue(list, index, range.end);
	}
	parts.push({ start, end: range.end });
	return parts;
}

/**
 * Splits a range at its top-level whitespace into its component values as
 * written (`rgb(0, 0, 0) no-repeat` → `rgb(0, 0, 0)`, `no-repeat`): the parts
 * of a shorthand value. Blocks and functions stay whole; no part is empty.
 */
export function splitAtWhitespace(list: TokenList, range: TokenRange): TokenRange[] {
	const parts: TokenRange[] = [];
	let start = -1;
	for (let index = range.start; index < range.end;) {
		if (list.tokens[index]!.type === "whitespace") {
			if (start !== -1) parts.push({ start, end: index });
			start = -1;
			index++;
		} else {
			if (start === -1) start = index;
			index = skipComponentValue(list, index, range.end);
		}
	}
	if (start !== -1) parts.push({ start, end: range.end });
	return parts;
}

// ---- Rules and declarations (§5.4) ----

/**
 * The rules of a style sheet (`topLevel`) or of a group rule's block such as
 * `@media`: §5.4.1 consume a list of rules. At the top level, `<!--` and
 * `-->` are skipped, and a stray `}` becomes part of the next rule's prelude,
 * which makes that one rule's selector invalid.
 */
export function readRuleList(list: TokenList, range: TokenRange, topLevel: boolean): BlockItem[] {
	const items: BlockItem[] = [];
	for (let index = range.start; index < range.end;) {
		const type = list.tokens[index]!.type;
		if (type === "whitespace" || (topLevel && (type === "cdo" || type === "cdc"))) index++;
		else if (type === "at-keyword") index = readAtRule(list, index, range.end, items);
		else index = readQualifiedRule(list, index, range.end, false, items);
	}
	return items;
}

/**
 * The contents of a style block or `style` attribute: declarations, and the
 * nested rules and at-rules CSS Nesting allows. What is neither a declaration
 * nor a rule is skipped up to the next `;`.
 */
export function readBlockContents(list: TokenList, range: TokenRange): BlockItem[] {
	const items: BlockItem[] = [];
	for (let index = range.start; index < range.end;) {
		const type = list.tokens[index]!.type;
		if (type === "whitespace" || type === "semicolon") {
			index++;
			continue;
		}
		if (type === "at-keyword") {
			index = readAtRule(list, index, range.end, items);
			continue;
		}
		const next = readDeclaration(list, index, range.end, items);
		index = next === undefined ? readQualifiedRule(list, index, range.end, true, items) : next;
	}
	return items;
}

/** §5.4.2: an at-rule ends at `;` or after its `{}` block. Returns the index after it. */
function readAtRule(list: TokenList, at: number, end: number, items: BlockItem[]): number {
	const name = list.tokens[at]!.value;
	for (let index = at + 1; index < end;) {
		const type = list.tokens[index]!.type;
		if (type === "semicolon") {
			items.push({ type: "at-rule", name, prelude: { start: at + 1, end: index }, block: undefined });
			return index + 1;
		}
		if (type === "{") {
			items.push({
				type: "at-rule",
				name,
				prelude: { start: at + 1, end: index },
				block: blockContents(list, index, end),
			});
			return skipComponentValue(list, index, end);
		}
		index = skipComponentValue(list, index, end);
	}
	items.push({ type: "at-rule", name, prelude: { start: at + 1, end }, block: undefined });
	return end;
}

/**
 * §5.4.3: a prelude up to a `{}` block. Without a block by the end the rule is
 * dropped. Nested in a style block, a `;` ends the attempt (and is left for
 * the caller to skip). Returns the index after what was consumed.
 */
function readQualifiedRule(list: TokenList, at: number, end: number, nested: boolean, items: BlockItem[]): number {
	for (let index = at; index < end;) {
		const type = list.tokens[index]!.type;
		if (type === "{") {
			items.push({
				type: "qualified-rule",
				prelude: { start: at, end: index },
				block: blockContents(list, index, end),
			});
			return skipComponentValue(list, index, end);
		}
		if (nested && type === "semicolon") return index;
		index = skipComponentValue(list, index, end);
	}
	return end;
}

/**
 * §5.4.6 consume a declaration, up to the next top-level `;`. Returns
 * undefined when this is no declaration (then it may be a nested rule), else
 * the index after it; a declaration with an invalid value is consumed but not
 * added. `!important` is recognised when it ends the value, with anything
 * between `!` and `important`. Any other top-level `!` (the old `!ie` hack,
 * `!important x`) makes the value invalid for every standard property.
 */
function readDeclaration(list: TokenList, at: number, end: number, items: BlockItem[]): number | undefined {
	const { tokens } = list;
	const first = tokens[at]!;
	if (first.type !== "ident") return undefined;
	let index = at + 1;
	while (index < end && tokens[index]!.type === "whitespace") index++;
	if (index >= end || tokens[index]!.type !== "colon") return undefined;
	index++;
	while (index < end && tokens[index]!.type === "whitespace") index++;
	const valueStart = index;
	const custom = first.value.startsWith("--");
	let braceBlocks = 0;
	let others = 0;
	let bangs = 0;
	let lastSignificant = -1;
	let beforeLastSignificant = -1;
	let valueEnd = valueStart;
	for (; index < end;) {
		const token = tokens[index]!;
		if (token.type === "semicolon") break;
		const following = skipComponentValue(list, index, end);
		if (token.type !== "whitespace") {
			beforeLastSignificant = lastSignificant;
			lastSignificant = index;
			valueEnd = following;
			if (token.type === "{") braceBlocks++;
			else others++;
			if (token.type === "delim" && token.value === "!") bangs++;
		}
		index = following;
	}
	const next = index < end ? index + 1 : end;
	let important = false;
	if (
		beforeLastSignificant !== -1 &&
		tokens[beforeLastSignificant]!.type === "delim" &&
		tokens[beforeLastSignificant]!.value === "!" &&
		tokens[lastSignificant]!.type === "ident" &&
		tokens[lastSignificant]!.value.toLowerCase() === "important"
	) {
		important = true;
		bangs--;
		others -= 2;
		valueEnd = beforeLastSignificant;
	}
	// A `{}` block is a whole value or part of a nested rule (`a:hover { … }`), never part of a longer value.
	if (braceBlocks > 0 && (braceBlocks > 1 || others > 0) && !custom) return undefined;
	if (bangs > 0 && !custom) return next;
	items.push({ type: "declaration", name: first.value, value: { start: valueStart, end: valueEnd }, important });
	return next;
}
