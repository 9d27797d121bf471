import { RuleTester } from "eslint";
import plugin from "../../plugin/index.js";
import rule from "../../rules/sms-segments.js";

const sms = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/sms" });
const LAW = "GSM 03.38, SMS segment lengths";

/** `count` characters of plain words, GSM-7 only. */
const ucs2 = (character: string, fix: string, segments = "3", gsmSegments = "1", times = "") => ({
	character,
	times,
	segments,
	gsmSegments,
	fix,
	law: LAW,
});
const words = (count: number) => "Hoi, 20% korting op alle taarten bij Bakkerij Jansen. ".repeat(20).slice(0, count);

sms.run("sms-segments", rule as never, {
	valid: [
		// One segment; extension characters count twice but fit.
		"Bakkerij Jansen: 20% korting met code LENTE [t/m zondag] €5 korting! Afmelden? Sms STOP naar 4411",
		// A curly quote in a short SMS: UCS-2 costs nothing, one segment either way.
		"Bakkerij Jansen: ’t is lente! 20% korting. Sms STOP naar 4411",
		// A message that needs UCS-2 (ë, ç): not second-guessed, even when long.
		"Financiële actie – " + words(120),
		"La rentrée, ça commence : –30 % chez Boutique Claire " + words(40),
		// Three GSM-7 segments are allowed by default.
		words(459),
		// Four with maxSegments 4.
		{ code: words(600), options: [{ maxSegments: 4 }] },
		// A merge tag counted short keeps the message in one segment.
		{ code: words(150) + " {{ first_name }}", options: [{ mergeTagLength: 5 }] },
		// Emoji in a message that needs UCS-2 anyway.
		"Ελληνικά 🎉 " + words(100),
	],
	invalid: [
		// nl: one curly apostrophe turns 140 characters into 2 UCS-2 segments.
		{
			code: "Bakkerij Jansen: ’t is lente! " + words(110),
			errors: [
				{
					messageId: "ucs2Character",
					line: 1,
					column: 18,
					endColumn: 19,
					data: {
						character: "’ (U+2019)",
						times: "",
						segments: "3",
						gsmSegments: "1",
						fix: "write ' instead",
						law: LAW,
					},
					suggestions: [
						{
							messageId: "replace",
							data: { character: "’ (U+2019)", replacement: "'" },
							output: "Bakkerij Jansen: 't is lente! " + words(110),
						},
					],
				},
			],
		},
		// en: curly quotes, an en dash, an ellipsis and a no-break space; every occurrence is replaced by one suggestion.
		{
			code: "Acme’s “Spring Sale” – 25% off… today\u00a0only. Don’t miss it! " + words(80),
			errors: [
				{ messageId: "ucs2Character", column: 5, data: ucs2("’ (U+2019)", "write ' instead", "3", "1", ", 2 times,") },
				{ messageId: "ucs2Character", column: 8, data: ucs2("“ (U+201C)", 'write " instead', "3") },
				{ messageId: "ucs2Character", column: 20, data: ucs2("” (U+201D)", 'write " instead', "3") },
				{ messageId: "ucs2Character", column: 22, data: ucs2("– (U+2013)", "write - instead", "3") },
				{ messageId: "ucs2Character", column: 31, data: ucs2("… (U+2026)", "write ... instead", "3") },
				{ messageId: "ucs2Character", column: 38, data: ucs2("a no-break space (U+00A0)", "write   instead", "3") },
			].map((error, index) =>
				index === 0
					? {
							...error,
							suggestions: [
								{
									messageId: "replace" as const,
									output: "Acme's “Spring Sale” – 25% off… today\u00a0only. Don't miss it! " + words(80),
								},
							],
						}
					: { ...error, suggestions: 1 },
			) as never,
		},
		// de: an emoji in a GSM-7 text: remove it.
		{
			code: "Teehaus Berger: 15% Rabatt auf Grüntee 🍵 " + words(100),
			errors: [
				{
					messageId: "ucs2Character",
					column: 40,
					endColumn: 42,
					data: ucs2("🍵 (U+1F375)", "remove it"),
					suggestions: [
						{
							messageId: "remove",
							output: "Teehaus Berger: 15% Rabatt auf Grüntee  " + words(100),
						},
					],
				},
			],
		},
		// nl: emoji before the findings count as two UTF-16 code units each, as ESLint's columns do.
		{
			code: "🎉🎉 Bakkerij Jansen: ’t is lente! " + words(300),
			errors: [
				{
					messageId: "ucs2Character",
					column: 1,
					endColumn: 3,
					data: ucs2("🎉 (U+1F389)", "remove it", "5", "3", ", 2 times,"),
					suggestions: [{ messageId: "remove", output: " Bakkerij Jansen: ’t is lente! " + words(300) }],
				},
				{
					messageId: "ucs2Character",
					column: 23,
					endColumn: 24,
					data: ucs2("’ (U+2019)", "write ' instead", "5", "3"),
					suggestions: [{ messageId: "replace", output: "🎉🎉 Bakkerij Jansen: 't is lente! " + words(300) }],
				},
				// 335 UCS-2 code units; the fourth segment starts at code unit 201 (3 × 67).
				{
					messageId: "tooManySegments",
					column: 202,
					data: {
						segments: "5",
						length: "335",
						encoding: "UCS-2",
						tags: "",
						max: "3",
						next: "4",
						law: "SMS segment lengths",
					},
				},
			],
		},
		// fr (GSM-7 only, no accents GSM-7 lacks): an invisible zero-width space from a copy.
		{
			code: "Boutique Claire : -30 % sur les robes\u200b ! " + words(120),
			errors: [
				{
					messageId: "ucs2Character",
					column: 38,
					data: ucs2("a zero-width space (U+200B)", "remove it"),
					suggestions: 1,
				},
			],
		},
		// Four GSM-7 segments: reported where the fourth starts.
		{
			code: words(470),
			errors: [
				{
					messageId: "tooManySegments",
					line: 1,
					column: 460,
					data: {
						segments: "4",
						length: "470",
						encoding: "GSM-7",
						tags: "",
						max: "3",
						next: "4",
						law: "SMS segment lengths",
					},
				},
			],
		},
		// Merge tags counted at the configured length, per name.
		{
			code: "Hoi {{ first_name }}, je code is {code}. " + words(100),
			options: [{ maxSegments: 1, mergeTagLength: 40, mergeTagLengths: { code: 8 } }],
			// 4 + 40 + 13 + 8 + 2 + 100 = 167 septets; the second segment starts at septet 154: 67 septets come before the
			// words, so it is their 87th character, after the 41 characters written before them.
			errors: [
				{
					messageId: "tooManySegments",
					column: 41 + 87,
					data: {
						segments: "2",
						length: "167",
						encoding: "GSM-7",
						tags: ", merge tags counted as 40",
						max: "1",
						next: "2",
						law: "SMS segment lengths",
					},
				},
			],
		},
		// A message that needs UCS-2 and is long: only the length is reported.
		{
			code: "Financiële actie: " + words(300),
			errors: [
				{
					messageId: "tooManySegments",
					data: {
						segments: "5",
						length: "318",
						encoding: "UCS-2",
						tags: "",
						max: "3",
						next: "4",
						law: "SMS segment lengths",
					},
				},
			],
		},
	],
});
