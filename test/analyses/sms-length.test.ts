import { describe, expect, it } from "vitest";
import { LineIndex } from "../../src/ast/line-index.js";
import { smsLength } from "../../src/analyses/sms-length.js";
import { smsMessage } from "../../src/text-message/sms.js";

const measure = (text: string, mergeTagLength = 10, mergeTagLengths?: Record<string, number>) =>
	smsLength(smsMessage(text, new LineIndex(text)).children[0]!, {
		mergeTagLength,
		...(mergeTagLengths ? { mergeTagLengths } : {}),
	});

describe("smsLength: GSM-7", () => {
	it.each([
		[1, 1],
		[160, 1],
		[161, 2],
		[306, 2],
		[307, 3],
		[459, 3],
		[460, 4],
	])("%i plain characters take %i segments", (count, segments) => {
		const result = measure("a".repeat(count));
		expect(result).toMatchObject({ encoding: "GSM-7", length: count, segments });
	});

	it("counts an extension character as two septets", () => {
		expect(measure("€".repeat(80))).toMatchObject({ encoding: "GSM-7", length: 160, segments: 1 });
		expect(measure("a" + "€".repeat(80))).toMatchObject({ length: 161, segments: 2 });
	});

	it("never splits an escape sequence across segments", () => {
		// 152 septets, then € (2 septets) does not fit the first 153: it opens segment 2.
		const result = measure("a".repeat(152) + "€" + "a".repeat(10));
		expect(result.segments).toBe(2);
		expect(result.segmentStarts).toEqual([0, 152]);
	});

	it("counts a merge tag as the configured length, per name where given", () => {
		expect(measure("Hoi {{ first_name }}!", 10)).toMatchObject({ length: 15 });
		expect(measure("Hoi %FIRSTNAME%!", 0)).toMatchObject({ length: 5 });
		expect(measure("Code {code}, hoi {name}", 10, { code: 6 })).toMatchObject({ length: 5 + 6 + 6 + 10 });
		// The tag's braces are not sent, so they are not extension characters here.
		expect(measure("{{ a }}", 1)).toMatchObject({ encoding: "GSM-7", length: 1 });
	});
});

describe("smsLength: UCS-2", () => {
	it.each([
		[70, 1],
		[71, 2],
		[134, 2],
		[135, 3],
	])("%i characters with one curly quote take %i segments", (count, segments) => {
		const result = measure("’" + "a".repeat(count - 1));
		expect(result).toMatchObject({ encoding: "UCS-2", length: count, segments, segmentsIfReplaced: 1 });
	});

	it("counts an emoji as two code units and never splits it", () => {
		const result = measure("a".repeat(66) + "🎉" + "a".repeat(10));
		expect(result).toMatchObject({ encoding: "UCS-2", length: 78, segments: 2, segmentStarts: [0, 66] });
	});

	it("names each character that forces UCS-2 once, with every position and its replacement", () => {
		const result = measure("It’s “here”… don’t\u00a0miss it 🎉");
		expect(
			result.ucs2Characters.map(({ char, positions, replacement, name }) => ({ char, positions, replacement, name })),
		).toEqual([
			{ char: "’", positions: [2, 16], replacement: "'", name: undefined },
			{ char: "“", positions: [5], replacement: '"', name: undefined },
			{ char: "”", positions: [10], replacement: '"', name: undefined },
			{ char: "…", positions: [11], replacement: "...", name: undefined },
			{ char: "\u00a0", positions: [18], replacement: " ", name: "no-break space" },
			{ char: "🎉", positions: [27], replacement: "", name: undefined },
		]);
		expect(result.segmentsIfReplaced).toBe(1);
	});

	it("leaves segmentsIfReplaced out when the message needs UCS-2 (a letter GSM-7 lacks)", () => {
		const result = measure("Financiële zaken: ’t is zo ver");
		expect(result.encoding).toBe("UCS-2");
		expect(result.segmentsIfReplaced).toBeUndefined();
		expect(result.ucs2Characters.map((character) => character.char)).toEqual(["ë", "’"]);
	});

	it("takes a lone surrogate (a broken emoji) as a character GSM-7 cannot carry", () => {
		const result = measure("a\uD83Cb");
		expect(result).toMatchObject({ encoding: "UCS-2", length: 3, segments: 1 });
		expect(result.segmentsIfReplaced).toBeUndefined();
	});

	it("measures a 5 MB SMS in one pass", () => {
		const text = "Hoi {{ first_name }}, 20% korting – alleen vandaag! ".repeat(100_000);
		const part = smsMessage(text, new LineIndex(text)).children[0]!;
		const started = performance.now();
		const result = smsLength(part, { mergeTagLength: 10 });
		const elapsed = performance.now() - started;
		expect(result.encoding).toBe("UCS-2");
		expect(result.ucs2Characters[0]).toMatchObject({ char: "–", count: 100_000 });
		expect(elapsed).toBeLessThan(2_000);
	});
});
