/**
 * A strict JSON reader that keeps where each value is written, for the
 * WhatsApp template language: findings point into a component's `text`
 * string, escapes included, so every string keeps the file offset of each
 * of its characters. `JSON.parse` keeps no positions, and a WhatsApp
 * template is small, so a reader of its own costs little.
 *
 * Bad input never throws out of {@link readLocatedJson}: it answers with the
 * offset and a sentence saying what was expected there. Nesting and the
 * number of values are bounded, so a hostile file costs linear time and
 * bounded stack.
 */
import type { Range } from "../ast/types.js";

export type LocatedJson =
	| { kind: "object"; range: Range; entries: Array<{ key: string; keyRange: Range; value: LocatedJson }> }
	| { kind: "array"; range: Range; items: LocatedJson[] }
	| { kind: "string"; range: Range; value: string; offsets: number[] }
	| { kind: "number" | "boolean" | "null"; range: Range; value: unknown };

export type JsonReadResult = { ok: true; value: LocatedJson } | { ok: false; offset: number; message: string };

/** Deeper than any template needs (Meta's deepest is five levels); bounds the reader's recursion. */
export const MAX_JSON_DEPTH = 64;
/** Values in one file; a template has a few dozen. */
export const MAX_JSON_VALUES = 200_000;

class JsonError extends Error {
	constructor(
		readonly offset: number,
		message: string,
	) {
		super(message);
	}
}

const ESCAPES: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

export function readLocatedJson(text: string): JsonReadResult {
	let at = 0;
	let values = 0;

	const describe = (offset: number): string => (offset >= text.length ? "the end of the file" : `"${text[offset]}"`);
	const skipSpace = () => {
		while (at < text.length) {
			const c = text.charCodeAt(at);
			if (c === 32 || c === 9 || c === 10 || c === 13) at++;
			else break;
		}
	};
	const expect = (char: string, what: string) => {
		if (text[at] !== char) throw new JsonError(at, `Expected ${what} here, found ${describe(at)}.`);
		at++;
	};

	const readString = (): LocatedJson & { kind: "string" } => {
		const start = at;
		at++; // the opening quote
		let value = "";
		const offsets: number[] = [];
		for (;;) {
			if (at >= text.length) throw new JsonError(start, 'This string is never closed: a " is missing.');
			const c = text[at]!;
			if (c === '"') break;
			if (c === "\\") {
				const escape = text[at + 1];
				if (escape === "u") {
					const hex = text.slice(at + 2, at + 6);
					if (!/^[0-9a-f]{4}$/iu.test(hex))
						throw new JsonError(at, "Invalid \\u escape: four hexadecimal digits must follow \\u.");
					offsets.push(at);
					value += String.fromCharCode(parseInt(hex, 16));
					at += 6;
					continue;
				}
				const decoded = escape === undefined ? undefined : ESCAPES[escape];
				if (decoded === undefined) throw new JsonError(at, `Invalid escape "\\${escape ?? ""}" in a JSON string.`);
				offsets.push(at);
				value += decoded;
				at += 2;
				continue;
			}
			if (c.charCodeAt(0) < 0x20)
				throw new JsonError(at, "A JSON string cannot hold a raw line break or control character; write it as \\n.");
			offsets.push(at);
			value += c;
			at++;
		}
		offsets.push(at);
		at++; // the closing quote
		return { kind: "string", range: [start, at], value, offsets };
	};

	const readValue = (depth: number): LocatedJson => {
		if (++values > MAX_JSON_VALUES)
			throw new JsonError(
				at,
				`This file has more than ${MAX_JSON_VALUES.toLocaleString("en")} JSON values; a WhatsApp template has a few dozen, so it was not read further.`,
			);
		if (depth > MAX_JSON_DEPTH)
			throw new JsonError(
				at,
				`JSON nested deeper than ${MAX_JSON_DEPTH} levels; a WhatsApp template is at most a few levels deep.`,
			);
		skipSpace();
		const start = at;
		const c = text[at];
		if (c === "{") {
			at++;
			const entries: Array<{ key: string; keyRange: Range; value: LocatedJson }> = [];
			skipSpace();
			if (text[at] === "}") {
				at++;
				return { kind: "object", range: [start, at], entries };
			}
			for (;;) {
				skipSpace();
				if (text[at] !== '"')
					throw new JsonError(at, `Expected a property name in double quotes here, found ${describe(at)}.`);
				const key = readString();
				skipSpace();
				expect(":", "a colon after the property name");
				const value = readValue(depth + 1);
				entries.push({ key: key.value, keyRange: key.range, value });
				skipSpace();
				if (text[at] === ",") {
					at++;
					continue;
				}
				expect("}", 'a comma or "}"');
				return { kind: "object", range: [start, at], entries };
			}
		}
		if (c === "[") {
			at++;
			const items: LocatedJson[] = [];
			skipSpace();
			if (text[at] === "]") {
				at++;
				return { kind: "array", range: [start, at], items };
			}
			for (;;) {
				items.push(readValue(depth + 1));
				skipSpace();
				if (text[at] === ",") {
					at++;
					continue;
				}
				expect("]", 'a comma or "]"');
				return { kind: "array", range: [start, at], items };
			}
		}
		if (c === '"') return readString();
		const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/u.exec(text.slice(at, at + 400));
		if (literal) {
			at += literal[0].length;
			const word = literal[0];
			if (word === "true" || word === "false") return { kind: "boolean", range: [start, at], value: word === "true" };
			if (word === "null") return { kind: "null", range: [start, at], value: null };
			return { kind: "number", range: [start, at], value: Number(word) };
		}
		throw new JsonError(
			at,
			`Expected a JSON value (an object, array, string, number, true, false or null) here, found ${describe(at)}.`,
		);
	};

	try {
		// A UTF-8 byte-order mark is not JSON, but editors write it: it is not the user's mistake to report.
		if (text.charCodeAt(0) === 0xfeff) at = 1;
		const value = readValue(0);
		skipSpace();
		if (at < text.length) throw new JsonError(at, `Unexpected ${describe(at)} after the end of the JSON value.`);
		return { ok: true, value };
	} catch (error) {
		if (error instanceof JsonError) return { ok: false, offset: error.offset, message: error.message };
		throw error;
	}
}

/** The value of `key` in a JSON object, or undefined. */
export function member(value: LocatedJson | undefined, key: string): LocatedJson | undefined {
	if (value?.kind !== "object") return undefined;
	for (const entry of value.entries) if (entry.key === key) return entry.value;
	return undefined;
}
