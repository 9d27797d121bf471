import { describe, expect, it } from "vitest";
import { findUnbalancedTags, strayDelimiter } from "../../src/analyses/unbalanced-merge-tags.js";

const texts = (text: string) => findUnbalancedTags(text).map((tag) => [tag.text, tag.syntax, tag.balanced]);

describe("findUnbalancedTags", () => {
	it.each([
		["{{ unsubscribe }", "{{ unsubscribe }", "double-curly", "{{ unsubscribe }}"],
		["x {{{unsubscribe} y", "{{{unsubscribe}", "double-curly", "{{{unsubscribe}}}"],
		["*|UNSUB|", "*|UNSUB|", "mailchimp", "*|UNSUB|*"],
		["*|UNSUB*", "*|UNSUB*", "mailchimp", "*|UNSUB|*"],
		["UNSUB|* end", "UNSUB|*", "mailchimp", "*|UNSUB|*"],
		["{% unsubscribe }", "{% unsubscribe }", "curly-percent", "{% unsubscribe %}"],
		["{% unsubscribe %", "{% unsubscribe %", "curly-percent", "{% unsubscribe %}"],
		["{ unsubscribe }}", "{ unsubscribe }}", "double-curly", "{{ unsubscribe }}"],
		["manage_preferences %}", "manage_preferences %}", "curly-percent", "{% manage_preferences %}"],
		[
			"<%asm_group_unsubscribe_raw_url>",
			"<%asm_group_unsubscribe_raw_url>",
			"erb",
			"<%asm_group_unsubscribe_raw_url%>",
		],
		["asm_preferences_url%>", "asm_preferences_url%>", "erb", "<%asm_preferences_url%>"],
		["%%unsub_center_url", "%%unsub_center_url", "double-percent", "%%unsub_center_url%%"],
		["unsub_center_url%%", "unsub_center_url%%", "double-percent", "%%unsub_center_url%%"],
		["%unsubscribe_url", "%unsubscribe_url", "percent", "%unsubscribe_url%"],
		["tag_unsubscribe_url%", "tag_unsubscribe_url%", "percent", "%tag_unsubscribe_url%"],
		["[[UNSUB_LINK_FR]", "[[UNSUB_LINK_FR]", "double-bracket", "[[UNSUB_LINK_FR]]"],
		["UNSUB_LINK_DE]]", "UNSUB_LINK_DE]]", "double-bracket", "[[UNSUB_LINK_DE]]"],
	])("%s", (text, written, syntax, balanced) => {
		expect(texts(text)).toEqual([[written, syntax, balanced]]);
	});

	it("reports an opener without any closer, without guessing where it ends", () => {
		expect(texts("Hallo {{ first_name en welkom")).toEqual([["{{ first_name", "double-curly", undefined]]);
		expect(texts("<%= name")).toEqual([["<%= name", "erb", undefined]]);
	});

	it.each([
		"50% korting op alles",
		"100%% zeker",
		"https://x.nl/?q=caf%C3%A9%20au%20lait",
		"%notatag and 20%off",
		"[1] see [[wiki]] and [unsubscribe here]",
		"{x} {} {{}} a|*b",
		"\\&#123;&#123; something }} will turn into",
		"&lbrace;&lbrace; name }}",
		"Rated *|* five stars",
		"",
	])("stays quiet on %j", (text) => {
		expect(findUnbalancedTags(text)).toEqual([]);
	});

	it("returns exact offsets, without overlaps", () => {
		const found = findUnbalancedTags("a {{ x } b *|Y| c");
		expect(found.map((tag) => [tag.start, tag.end])).toEqual([
			[2, 8],
			[11, 15],
		]);
	});

	it("is linear on hostile input", () => {
		const inputs = [
			"{{".repeat(50_000),
			"{{ a".repeat(30_000),
			"*|a".repeat(40_000),
			"a }}".repeat(30_000),
			"%a_b".repeat(30_000),
			"<%a".repeat(40_000),
		];
		const started = performance.now();
		for (const input of inputs) findUnbalancedTags(input);
		expect(performance.now() - started).toBeLessThan(2_000);
	});
});

describe("strayDelimiter", () => {
	it("finds a delimiter that belongs to the tag beside it", () => {
		expect(strayDelimiter({ syntax: "single-curly" }, "Afmelden: {", undefined)).toEqual({
			side: "before",
			character: "{",
		});
		expect(strayDelimiter({ syntax: "double-curly" }, undefined, "} meer")).toEqual({ side: "after", character: "}" });
		expect(strayDelimiter({ syntax: "percent" }, "x %", undefined)).toEqual({ side: "before", character: "%" });
		expect(strayDelimiter({ syntax: "percent" }, "<", undefined)).toEqual({ side: "before", character: "<" });
	});

	it("ignores text separated by a space and syntaxes without a one-character edge", () => {
		expect(strayDelimiter({ syntax: "double-curly" }, "{ ", " }")).toBeUndefined();
		expect(strayDelimiter({ syntax: "mailchimp" }, "*", "*")).toBeUndefined();
		expect(strayDelimiter({ syntax: "erb" }, "<", ">")).toBeUndefined();
	});
});
