import { describe, expect, it } from "vitest";
import { GSM_BASIC_CHARACTERS, GSM_EXTENSION_CHARACTERS, gsmSeptets } from "../../src/text-message/gsm-alphabet.js";

/**
 * The GSM 03.38 (3GPP TS 23.038) tables as the Unicode Consortium maps them
 * (GSM0338.TXT, table version 1.1): GSM code, then the Unicode code point.
 * Written here as numbers, apart from the characters in the module under
 * test, so a slip in either shows. 0x1B (the escape code) is not a
 * character; the file's NBSP for it is a display fallback only.
 */
const BASIC: ReadonlyArray<[number, number]> = [
	[0x00, 0x40],
	[0x01, 0xa3],
	[0x02, 0x24],
	[0x03, 0xa5],
	[0x04, 0xe8],
	[0x05, 0xe9],
	[0x06, 0xf9],
	[0x07, 0xec],
	[0x08, 0xf2],
	[0x09, 0xc7],
	[0x0a, 0x0a],
	[0x0b, 0xd8],
	[0x0c, 0xf8],
	[0x0d, 0x0d],
	[0x0e, 0xc5],
	[0x0f, 0xe5],
	[0x10, 0x394],
	[0x11, 0x5f],
	[0x12, 0x3a6],
	[0x13, 0x393],
	[0x14, 0x39b],
	[0x15, 0x3a9],
	[0x16, 0x3a0],
	[0x17, 0x3a8],
	[0x18, 0x3a3],
	[0x19, 0x398],
	[0x1a, 0x39e],
	[0x1c, 0xc6],
	[0x1d, 0xe6],
	[0x1e, 0xdf],
	[0x1f, 0xc9],
	[0x20, 0x20],
	[0x21, 0x21],
	[0x22, 0x22],
	[0x23, 0x23],
	[0x24, 0xa4],
	[0x25, 0x25],
	[0x26, 0x26],
	[0x27, 0x27],
	[0x28, 0x28],
	[0x29, 0x29],
	[0x2a, 0x2a],
	[0x2b, 0x2b],
	[0x2c, 0x2c],
	[0x2d, 0x2d],
	[0x2e, 0x2e],
	[0x2f, 0x2f],
	...Array.from({ length: 10 }, (_, i): [number, number] => [0x30 + i, 0x30 + i]),
	[0x3a, 0x3a],
	[0x3b, 0x3b],
	[0x3c, 0x3c],
	[0x3d, 0x3d],
	[0x3e, 0x3e],
	[0x3f, 0x3f],
	[0x40, 0xa1],
	...Array.from({ length: 26 }, (_, i): [number, number] => [0x41 + i, 0x41 + i]),
	[0x5b, 0xc4],
	[0x5c, 0xd6],
	[0x5d, 0xd1],
	[0x5e, 0xdc],
	[0x5f, 0xa7],
	[0x60, 0xbf],
	...Array.from({ length: 26 }, (_, i): [number, number] => [0x61 + i, 0x61 + i]),
	[0x7b, 0xe4],
	[0x7c, 0xf6],
	[0x7d, 0xf1],
	[0x7e, 0xfc],
	[0x7f, 0xe0],
];
/** The extension table: escape 0x1B, then this code. */
const EXTENSION: ReadonlyArray<[number, number]> = [
	[0x0a, 0x0c],
	[0x14, 0x5e],
	[0x28, 0x7b],
	[0x29, 0x7d],
	[0x2f, 0x5c],
	[0x3c, 0x5b],
	[0x3d, 0x7e],
	[0x3e, 0x5d],
	[0x40, 0x7c],
	[0x65, 0x20ac],
];

describe("GSM 03.38 tables", () => {
	it("holds the 127 characters of the basic table, in code order", () => {
		expect(BASIC).toHaveLength(127);
		expect(GSM_BASIC_CHARACTERS.map((char) => char.codePointAt(0))).toEqual(BASIC.map(([, unicode]) => unicode));
	});

	it("holds the 10 characters of the extension table, in code order", () => {
		expect(GSM_EXTENSION_CHARACTERS.map((char) => char.codePointAt(0))).toEqual(
			EXTENSION.map(([, unicode]) => unicode),
		);
	});

	it("counts a basic character as one septet and an extension character as two", () => {
		for (const [, unicode] of BASIC) expect(gsmSeptets(unicode)).toBe(1);
		for (const [, unicode] of EXTENSION) expect(gsmSeptets(unicode)).toBe(2);
	});

	it("carries nothing else below U+10000 (so ç, ë, ’, NBSP, tab and the escape's NBSP force UCS-2)", () => {
		const known = new Set([...BASIC, ...EXTENSION].map(([, unicode]) => unicode));
		const others: number[] = [];
		for (let codePoint = 0; codePoint < 0x10000; codePoint++) {
			if (!known.has(codePoint) && gsmSeptets(codePoint) !== 0) others.push(codePoint);
		}
		expect(others).toEqual([]);
		for (const char of ["ç", "ë", "’", "\u00a0", "\t", "`"]) expect(gsmSeptets(char.codePointAt(0)!)).toBe(0);
	});
});
