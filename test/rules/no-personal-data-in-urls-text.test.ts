import { Linter, RuleTester } from "eslint";
import { describe, expect, test } from "vitest";
import plugin from "../../plugin/index.js";
import rule from "../../rules/no-personal-data-in-urls.js";
import { expectNearLinear } from "../helpers/near-linear.js";

/** no-personal-data-in-urls on text: a plain-text part, an .eml's text part, an SMS, a WhatsApp template. */
const text = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/text" });
const sms = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/sms" });
const whatsapp = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/whatsapp" });
const eml = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/eml" });
const sender = { mailcomply: { campaign: { sender: { email: "nieuws@bakkerij.nl" } } } };

text.run("no-personal-data-in-urls (text part)", rule as never, {
	valid: [
		// The sender's own site, by sender.email or by the opt-out link's host
		{ code: "Bekijk: https://www.bakkerij.nl/actie?e={{ email }}\n", settings: sender },
		"Your order: https://shop.example/o?email={{ email }}\nUnsubscribe: https://shop.example/unsubscribe\n",
		// Opaque ids, hashes and the sender's own address tag are no recipient data
		"Lees meer: https://partner.example/a?id={{ subscriber.id }}\nAfmelden: https://www.bakkerij.nl/af\n",
		"Mehr: https://partner.example/a?h={{ email | sha256 }}\nAbmelden: https://teehaus.example/abmelden\n",
		// A tag outside the URL, after a space, is not in the URL
		"Bonjour {{ first_name }}, https://partner.example/offre {{ email }}\nSe désabonner : https://boutique.example/desinscription\n",
	],
	invalid: [
		{
			code: "Lees meer: https://partner.example/a?email={{ email }}&naam={{ first_name }}\nAfmelden: https://www.bakkerij.nl/af\n",
			errors: [
				{
					messageId: "leak",
					line: 1,
					column: 12,
					data: { what: "e-mail address and name", evidence: "{{ email }}, {{ first_name }}", host: "partner.example" },
				},
			],
		},
		{
			code: "Read more: www.partner.example/a/jan@example.com\nUnsubscribe: https://shop.example/unsubscribe\n",
			errors: [{ messageId: "leak", line: 1, column: 12 }],
		},
	],
});

sms.run("no-personal-data-in-urls (sms)", rule as never, {
	valid: [
		"Jansen: 20% korting! Bekijk jansen.nl/actie?t={{ token }} Sms STOP naar 4411",
		{
			code: "Acme: 25% off at acme.example/s?m={{ phone }}",
			settings: { mailcomply: { campaign: { sender: { email: "sms@acme.example" } } } },
		},
	],
	invalid: [
		{
			code: "Jansen: 20% korting! partner.example/k?tel={{ mobile_number }} Sms STOP naar 4411",
			settings: sender,
			errors: [
				{
					messageId: "leak",
					line: 1,
					column: 22,
					data: { what: "phone number", evidence: "{{ mobile_number }}", host: "partner.example" },
				},
			],
		},
	],
});

const template = (body: string, footer = "Stuur STOP om af te melden") =>
	JSON.stringify({
		name: "lente",
		language: "nl",
		category: "MARKETING",
		components: [
			{ type: "BODY", text: body, example: { body_text: [["Sanne"]] } },
			{ type: "FOOTER", text: footer },
		],
	});

whatsapp.run("no-personal-data-in-urls (whatsapp)", rule as never, {
	valid: [template("Hoi {{1}}, bekijk https://partner.example/actie", "STOP")],
	invalid: [
		{
			code: template("Hoi {{1}}, bekijk https://partner.example/a?email=sanne@example.nl"),
			settings: sender,
			errors: [
				{ messageId: "leak", data: { what: "e-mail address", evidence: "sanne@example.nl", host: "partner.example" } },
			],
		},
	],
});

const message = (textPart: string) =>
	`From: Bakkerij <nieuws@bakkerij.nl>\nSubject: Lente\nMIME-Version: 1.0\nContent-Type: multipart/alternative; boundary="b"\n\n--b\nContent-Type: text/plain; charset=utf-8\n\n${textPart}\n--b\nContent-Type: text/html; charset=utf-8\n\n<html><body><p>Bakkerij</p><a href="https://www.bakkerij.nl/af">Afmelden</a></body></html>\n--b--\n`;

eml.run("no-personal-data-in-urls (.eml text part)", plugin.rules["no-personal-data-in-urls"] as never, {
	valid: [{ code: message("Lees: https://www.bakkerij.nl/a?e=jan@example.nl") }],
	invalid: [
		{
			code: message("Lees: https://partner.example/a?e=jan@example.nl"),
			errors: [{ messageId: "leak", line: 9, column: 7 }],
		},
	],
});

describe("no-personal-data-in-urls on a long SMS", () => {
	const linter = new Linter({ configType: "flat" });
	const config: Linter.Config[] = [
		{
			files: ["**/*.sms.txt"],
			plugins: { mailcomply: plugin },
			language: "mailcomply/sms",
			rules: { "mailcomply/no-personal-data-in-urls": "warn" },
			settings: sender,
		},
	];
	/** Lines with a tracked link each, `leaking` to a partner or to the sender's own site (nothing to report: the search alone is timed). */
	const smsOf = (size: number, host = "www.bakkerij.nl") => {
		const lines: string[] = [];
		for (let length = 0, index = 0; length < size; index++)
			length += (lines[lines.length] =
				`Bakkerij ${index}: hoi {{ first_name }}, 15% korting: ${host}/c?e={{ email }}&n={{ first_name }} Sms STOP naar 4411\n`)
				.length;
		return lines.join("");
	};

	test("finds every link's data", () => {
		const sms = smsOf(20_000, "partner.example");
		const messages = linter.verify(sms, config, "long.sms.txt");
		expect(messages.map((message) => message.ruleId)).toEqual(
			Array.from({ length: sms.split("\n").length - 1 }, () => "mailcomply/no-personal-data-in-urls"),
		);
		expect(linter.verify(smsOf(20_000), config, "long.sms.txt")).toEqual([]);
	});

	test("grows near-linearly: each URL reads only its own merge tags", { timeout: 120_000 }, () => {
		// Parse and rule together. Every URL looked through all the message's tags, twice: 1 MB took about 10 s
		// here against 0.1-0.35 s for 62.5 KB; now about 1-1.6 s.
		expectNearLinear(
			"an SMS with a link on each line",
			(size) => void linter.verify(smsOf(size), config, "long.sms.txt"),
			62_500,
			1_000_000,
			3,
		);
	});
});
