import { RuleTester } from "eslint";
import { describe, expect, test } from "vitest";
import plugin from "../../plugin/index.js";
import { contentLanguages } from "../../src/eml/content-language.js";

/**
 * bulk-sender-headers: a captured message's `Content-Language` that
 * contradicts the language its campaign facts declare is reported on that
 * header; without a declared language the header is the campaign's language.
 */
const tester = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/eml" });
const rule = plugin.rules["bulk-sender-headers"];

const HEADERS =
	"From: Theehuis Jansen <nieuwsbrief@theehuisjansen.nl>\nDate: Tue, 1 Dec 2026 09:00:00 +0100\nMessage-ID: <20261201090000.1@theehuisjansen.nl>\nSubject: Lenteactie\n";
const message = (contentLanguage: string | undefined) =>
	`${HEADERS}${contentLanguage === undefined ? "" : `Content-Language: ${contentLanguage}\n`}Content-Type: text/plain; charset=utf-8\n\n20% korting op groene thee.\n`;
const declares = (language: string) => ({ mailcomply: { campaign: { language } } });

tester.run("bulk-sender-headers (Content-Language)", rule as never, {
	valid: [
		{ code: message("nl"), settings: declares("nl") },
		// a region, or the case, is no contradiction: both read the same language
		{ code: message("nl"), settings: declares("nl-BE") },
		{ code: message("EN-gb"), settings: declares("en-US") },
		{ code: message("de-AT"), settings: declares("de") },
		// a message for several audiences lists the declared one among them
		{ code: message("fr, nl"), settings: declares("nl") },
		{ code: message("fr (français), de"), settings: declares("de") },
		// nothing to compare: no declared language, no header, an empty header, or a tag that names no language
		message("en"),
		{ code: message(undefined), settings: declares("fr") },
		{ code: message(""), settings: declares("fr") },
		{ code: message("und"), settings: declares("fr") },
		{ code: message("mul"), settings: declares("fr") },
	],
	invalid: [
		{
			code: message("en"),
			settings: declares("nl"),
			errors: [
				{
					message:
						'Content-Language says "en", but the campaign declares language "nl" (RFC 3282 § 2): have your mailer send `Content-Language: nl`, or correct the declared language.',
					line: 5,
					column: 1,
				},
			],
		},
		{ code: message("fr-FR"), settings: declares("de"), errors: [{ messageId: "languageDiffers", line: 5 }] },
		// a list that holds neither
		{ code: message("nl, en"), settings: declares("fr"), errors: [{ messageId: "languageDiffers", line: 5 }] },
		// the comment is no language: "(nl)" does not make it Dutch
		{ code: message("en (nl)"), settings: declares("nl"), errors: [{ messageId: "languageDiffers", line: 5 }] },
	],
});

describe("contentLanguages", () => {
	test("reads RFC 3282's comma-separated list, comments and white space aside", () => {
		expect(contentLanguages("nl")).toEqual(["nl"]);
		expect(contentLanguages(" fr (français) ,\r\n de-AT ")).toEqual(["fr", "de-AT"]);
		expect(contentLanguages("(nothing)")).toEqual([]);
		expect(contentLanguages("")).toEqual([]);
		expect(contentLanguages("en ((nl), x) , de (unclosed")).toEqual(["en", "de"]);
	});

	test("a megabyte of nested parentheses is read in one pass", () => {
		const nested = `${"(".repeat(500_000)}${")".repeat(500_000)} nl`;
		const started = performance.now();
		expect(contentLanguages(nested)).toEqual(["nl"]);
		expect(performance.now() - started).toBeLessThan(1_000);
	});
});
