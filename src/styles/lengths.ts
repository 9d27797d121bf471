/**
 * Font sizes and line heights in CSS pixels. Only absolute units and units
 * relative to the parent's font size are resolved; viewport units, `calc()`
 * and `var()` come back undefined (unknown).
 */
import { ownValue } from "../own-value.js";

/** Browsers' default font size, and the size `rem` is relative to. */
export const DEFAULT_FONT_SIZE = 16;

/** CSS absolute-size keywords as browsers compute them at the 16px default. */
const KEYWORD_SIZES: Readonly<Record<string, number>> = {
	"xx-small": 9,
	"x-small": 10,
	small: 13,
	medium: 16,
	large: 18,
	"x-large": 24,
	"xx-large": 32,
	"xxx-large": 48,
};

/** `<font size="1…7">`, as browsers map it. */
const FONT_SIZE_ATTRIBUTE = [10, 13, 16, 18, 24, 32, 48] as const;

/** The ratio browsers use for `smaller` / `larger`. */
const RELATIVE_STEP = 1.2;

/** Resolves a `font-size` value against the parent's computed size (undefined: unknown). */
export function resolveFontSize(value: string, parent: number | undefined): number | undefined {
	const text = value.trim().toLowerCase();
	const keyword = ownValue(KEYWORD_SIZES, text);
	if (keyword !== undefined) return keyword;
	if (text === "smaller") return parent === undefined ? undefined : parent / RELATIVE_STEP;
	if (text === "larger") return parent === undefined ? undefined : parent * RELATIVE_STEP;
	return resolveLength(text, parent, parent);
}

/** Resolves a `line-height` against the element's own font size: numbers multiply it, `normal` is about 1.2. */
export function resolveLineHeight(value: string, fontSize: number | undefined): number | undefined {
	const text = value.trim().toLowerCase();
	if (text === "normal") return fontSize === undefined ? undefined : fontSize * 1.2;
	const factor = plainNumber(text);
	if (factor !== undefined) return fontSize === undefined ? undefined : factor * fontSize;
	return resolveLength(text, fontSize, fontSize);
}

/** A unitless, non-negative number such as a line-height factor (`1.5`). */
export function plainNumber(text: string): number | undefined {
	return /^\+?(?:\d+(?:\.\d*)?|\.\d+)$/u.test(text.trim()) ? Number(text) : undefined;
}

/** A length in px; `em` and `%` relative to `emBase`, `%` to `percentBase`. */
export function resolveLength(
	value: string,
	emBase: number | undefined,
	percentBase: number | undefined,
): number | undefined {
	const match = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(px|pt|pc|em|rem|%|in|cm|mm|q)?$/u.exec(value.trim().toLowerCase());
	if (!match) return undefined;
	const number = Number(match[1]);
	switch (match[2]) {
		case undefined:
			// A bare number is only valid CSS for 0; mail clients treat other unitless numbers as px.
			return number;
		case "px":
			return number;
		case "pt":
			return (number * 96) / 72;
		case "pc":
			return number * 16;
		case "in":
			return number * 96;
		case "cm":
			return (number * 96) / 2.54;
		case "mm":
			return (number * 96) / 25.4;
		case "q":
			return (number * 96) / 101.6;
		case "rem":
			return number * DEFAULT_FONT_SIZE;
		case "em":
			return emBase === undefined ? undefined : number * emBase;
		case "%":
			return percentBase === undefined ? undefined : (number / 100) * percentBase;
		default:
			return undefined;
	}
}

/** `<font size="2">`, `size="+1"`, relative to the 16px default (size 3). */
export function fontSizeAttribute(value: string): number | undefined {
	const match = /^([+-]?)(\d)$/u.exec(value.trim());
	if (!match) return undefined;
	const digit = Number(match[2]);
	const index = (match[1] === "+" ? 3 + digit : match[1] === "-" ? 3 - digit : digit) - 1;
	return FONT_SIZE_ATTRIBUTE[Math.min(Math.max(index, 0), FONT_SIZE_ATTRIBUTE.length - 1)];
}
