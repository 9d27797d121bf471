import { RuleTester } from "eslint";
import plugin from "../../plugin/index.js";
import rule from "../../rules/esp-merge-tags.js";

/** esp-merge-tags on text: a template's plain-text part, an .eml's text part, an SMS, a WhatsApp template. */
const text = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/text" });
const sms = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/sms" });
const whatsapp = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/whatsapp" });
const eml = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/eml" });

const esp = (name: string) => ({ mailcomply: { campaign: { esp: name } } });

text.run("esp-merge-tags (text part)", rule as never, {
	valid: [
		// The campaign's ESP's own tags, nl/en/de/fr
		{ code: "Hoi *|FNAME|*,\n20% korting.\nAfmelden: *|UNSUB|*\n*|LIST:ADDRESS|*\n", settings: esp("mailchimp") },
		{ code: "Hi {{ first_name }},\nUnsubscribe: <%asm_group_unsubscribe_raw_url%>\n", settings: esp("sendgrid") },
		{ code: "Hallo %recipient.first_name%,\nAbmelden: %unsubscribe_url%\n", settings: esp("mailgun") },
		{ code: "Bonjour,\nSe désabonner : [unsubscribe]\n", settings: esp("campaign-monitor") },
		// False-positive traps: percentages, prices, brackets in prose, no ESP declared
		{ code: "20% korting, en 10% extra op 50% van de thee.\n[Advertentie] {x}\n", settings: esp("mailchimp") },
		"Afmelden: *|UNSUB|*\n",
	],
	invalid: [
		{
			code: "20% off!\nUnsubscribe: *|UNSUB|*\n",
			settings: esp("sendgrid"),
			errors: [
				{
					messageId: "foreignTag",
					line: 2,
					column: 14,
					endColumn: 23,
					suggestions: [
						{
							messageId: "useTag",
							output: "20% off!\nUnsubscribe: <%asm_group_unsubscribe_raw_url%>\n",
						},
					],
				},
			],
		},
		{
			code: "Afmelden: *|UNSUB|\n",
			settings: esp("mailchimp"),
			errors: [
				{
					messageId: "unbalanced",
					line: 1,
					column: 11,
					suggestions: [{ messageId: "useTag", output: "Afmelden: *|UNSUB|*\n" }],
				},
			],
		},
		{
			code: "Abmelden: {{{unsubscribe}}\n",
			errors: [{ messageId: "strayDelimiter", line: 1, column: 12 }],
		},
		{
			code: "Se désabonner : {{{unsubscribe}}}}\n",
			errors: [{ messageId: "strayDelimiter", line: 1, column: 17 }],
		},
	],
});

sms.run("esp-merge-tags (sms)", rule as never, {
	valid: [
		"Hoi {{ first_name }}, 20% korting bij Jansen! Sms STOP naar 4411",
		"Hi {first_name}, 25% off. Reply STOP to opt out",
		"Hallo %FIRSTNAME%, 15% Rabatt. STOP an 4411",
		{ code: "Bonjour *|FNAME|*, -30 %. STOP au 36111", settings: esp("mailchimp") },
	],
	invalid: [
		{
			code: "Hoi {{ first_name }, 20% korting! Sms STOP naar 4411",
			errors: [
				{
					messageId: "unbalanced",
					line: 1,
					column: 5,
					suggestions: [{ messageId: "useTag", output: "Hoi {{ first_name }}, 20% korting! Sms STOP naar 4411" }],
				},
			],
		},
		{
			code: "Hi, 25% off at Acme. Opt out: *|UNSUB|*",
			settings: esp("klaviyo"),
			errors: [{ messageId: "foreignTag", line: 1, column: 31, suggestions: 1 }],
		},
	],
});

const template = (body: string, footer?: string) =>
	JSON.stringify(
		{
			name: "spring_sale",
			language: "nl",
			category: "MARKETING",
			components: [
				{ type: "BODY", text: body, example: { body_text: [["Sanne"]] } },
				...(footer ? [{ type: "FOOTER", text: footer }] : []),
			],
		},
		null,
		2,
	);

whatsapp.run("esp-merge-tags (whatsapp)", rule as never, {
	valid: [
		template("Hoi {{1}}, 20% korting op thee!", "Geen berichten meer? Stuur STOP"),
		template("Hi {{first_name}}, 25% off this week.", "Reply STOP to opt out"),
		// Percent signs and brackets in prose are not variables
		template("Hallo {{1}}, 15% Rabatt und 10% extra [nur heute].", "Antworte STOPP"),
		// An ESP declared for the campaign's e-mail does not fill WhatsApp templates: no foreign-ESP finding
		{ code: template("Bonjour {{1}}, -30 % !", "STOP pour arrêter"), settings: esp("mailchimp") },
	],
	invalid: [
		{
			code: template("Hoi *|FNAME|*, 20% korting op thee!"),
			errors: [{ messageId: "notWhatsAppVariable", line: 8, column: 20, endColumn: 29 }],
		},
		{
			code: template("Hi {{1}}, your code: %CODE%"),
			errors: [{ messageId: "notWhatsAppVariable", line: 8, column: 37 }],
		},
		{
			code: template("Hallo {{1}, 15% Rabatt"),
			errors: [{ messageId: "unbalanced", line: 8, column: 22 }],
		},
	],
});

const message = (textPart: string) =>
	`From: Theehuis <nieuws@theehuis.nl>\nSubject: Lenteactie\nMIME-Version: 1.0\nContent-Type: multipart/alternative; boundary="b"\n\n--b\nContent-Type: text/plain; charset=utf-8\n\n${textPart}\n--b\nContent-Type: text/html; charset=utf-8\n\n<html><body><p>20% korting</p><a href="*|UNSUB|*">Afmelden</a></body></html>\n--b--\n`;

eml.run("esp-merge-tags (.eml text part)", plugin.rules["esp-merge-tags"] as never, {
	valid: [{ code: message("20% korting.\nAfmelden: *|UNSUB|*"), settings: esp("mailchimp") }],
	invalid: [
		{
			code: message("20% korting.\nAfmelden: *|UNSUB|"),
			settings: esp("mailchimp"),
			// On a captured message no suggestion: the fix belongs in the template.
			errors: [{ messageId: "unbalanced", line: 10, column: 11, suggestions: [] }],
		},
	],
});
