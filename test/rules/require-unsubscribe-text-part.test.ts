import { RuleTester } from "eslint";
import plugin from "../../plugin/index.js";
import rule from "../../rules/require-unsubscribe.js";

/** require-unsubscribe on an e-mail's plain-text part: a template's NAME.txt, and the text/plain part of an .eml. */
const text = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/text" });
const eml = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/eml" });

const marketing = (extra: Record<string, unknown> = {}) => ({
	mailcomply: { campaign: { kind: "marketing", ...extra } },
});

text.run("require-unsubscribe (text part)", rule as never, {
	valid: [
		// nl, en, de, fr: an opt-out link by its words or its path
		{ code: "Lenteactie: 20% korting op thee.\n\nAfmelden: https://theehuis.nl/a/8f3a\n", settings: marketing() },
		{ code: "Spring sale: 20% off.\n\nhttps://shop.example/unsubscribe?u=1\n", settings: marketing() },
		{ code: "Frühlingsaktion: 20% Rabatt.\nAbmelden: https://teehaus.example/x/1\n", settings: marketing() },
		{ code: "Soldes : -30 %.\nSe désabonner : https://boutique.example/d/1\n", settings: marketing() },
		// ESP merge tags
		{ code: "20% korting!\n\n*|UNSUB|*\n", settings: marketing() },
		{ code: "20% off!\nOpt out: {{ unsubscribe_url }}\n", settings: marketing() },
		{ code: "20% off!\n<%asm_group_unsubscribe_raw_url%>\n", settings: marketing() },
		// not marketing, or the ESP appends its footer to every part
		{ code: "Your order 1234 has shipped.\n", settings: { mailcomply: { campaign: { kind: "transactional" } } } },
		{ code: "20% korting!\n", settings: marketing({ espAppendsFooter: true }) },
	],
	invalid: [
		{
			code: "Lenteactie: 20% korting op thee.\nBekijk: https://theehuis.nl/thee\n",
			settings: marketing({ language: "nl", esp: "mailchimp" }),
			errors: [
				{
					messageId: "missingText",
					data: {
						contrast: "",
						line: "Afmelden: *|UNSUB|*",
						law: "e.g. ePrivacy Directive art. 13(4)",
					},
					line: 1,
					column: 1,
				},
			],
		},
		// "stop" as a word, and an unrelated link, are no opt-out (false-positive traps the other way)
		{
			code: "Don't stop shopping: 20% off at https://shop.example/sale\n",
			settings: marketing(),
			errors: [{ messageId: "missingText" }],
		},
	],
});

const message = (textPart: string, htmlPart: string) =>
	`From: Theehuis B.V. <nieuws@theehuis.nl>\nSubject: Lenteactie\nMIME-Version: 1.0\nContent-Type: multipart/alternative; boundary="b"\n\n--b\nContent-Type: text/plain; charset=utf-8\n\n${textPart}\n--b\nContent-Type: text/html; charset=utf-8\n\n${htmlPart}\n--b--\n`;
const HTML_WITH_OPT_OUT =
	'<html><body><p>20% korting. Theehuis B.V.</p><a href="https://theehuis.nl/afmelden/8f3a">Afmelden</a></body></html>';

// The plugin's rule: every HTML rule also runs on .eml (plugin/message-rules.ts).
eml.run("require-unsubscribe (.eml text part)", plugin.rules["require-unsubscribe"] as never, {
	valid: [
		{
			code: message("20% korting.\nAfmelden: https://theehuis.nl/afmelden/8f3a", HTML_WITH_OPT_OUT),
			settings: marketing(),
		},
	],
	invalid: [
		{
			code: message("20% korting op thee.", HTML_WITH_OPT_OUT),
			settings: marketing({ language: "nl" }),
			errors: [
				{
					message:
						/^The plain-text part has no unsubscribe line, unlike the HTML part: add e.g. "Afmelden: https:\/\/theehuis\.nl\/afmelden\/8f3a"/u as never,
					line: 9,
					column: 1,
				},
			],
		},
	],
});
