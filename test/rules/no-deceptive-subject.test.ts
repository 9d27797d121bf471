import { describe, expect, it } from "vitest";
import { RuleTester } from "eslint";
import plugin from "../../plugin/index.js";
import rule from "../../rules/no-deceptive-subject.js";
import { guessLanguage, matchReplyPrefix } from "../../src/lexicons/subject-wording.js";

/** The fake-reply finding cites the law of the recipients; without declared countries, each regime's source as an example. */
const UNDECLARED_LAW = "e.g. CAN-SPAM 15 U.S.C. 7704(a)(2)";

const campaign = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/campaign" });
const mjml = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/mjml" });
const html = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/html" });

const mjHead = (head: string) => `<mjml>\n  <mj-head>\n${head}\n  </mj-head>\n  <mj-body></mj-body>\n</mjml>`;
const page = (title: string) =>
	`<!DOCTYPE html>\n<html><head><title>${title}</title></head>\n<body><p>Sale</p></body></html>`;

campaign.run("no-deceptive-subject (campaign)", rule as never, {
	valid: [
		'subject: "Voorjaarsactie: 15% korting op taarten"\npreheader: "Vers brood, nu met 15% korting op al onze taarten"\n',
		// traps: a conference, words that start with the letters of a prefix
		'subject: "re:Invent 2026: registration is open"\n',
		'subject: "Trends: what to wear this spring"\n',
		'subject: "Aware: new safety range"\n',
		'subject: "Return policy: free for 60 days"\n',
		// a reply prefix later in the subject is not a fake reply
		'subject: "Your question: RE: pricing answered"\n',
		// a real reply in transactional mail
		'kind: transactional\nsubject: "Re: your support ticket #4821"\n',
		// short subjects are not confidently recognised
		'subject: "Nieuwe collectie"\npreheader: "Discover the new collection with free shipping on your order"\n',
		// merge tags are not words
		'subject: "{{ first_name }}, the sale is on for you"\npreheader: "Shop the sale with free delivery on your order"\n',
		"",
	],
	invalid: [
		{
			code: 'subject: "RE: your question about our offer"\n',
			errors: [
				{
					message:
						'The subject "RE: your question about our offer" fakes a reply with "RE:": remove it (e.g. CAN-SPAM 15 U.S.C. 7704(a)(2)).',
					line: 1,
					column: 10,
				},
			],
		},
		{
			code: 'subject: "Re : votre devis"\n',
			errors: [
				{
					messageId: "fakeReply",
					data: { label: "subject", subject: "Re : votre devis", prefix: "Re :", law: UNDECLARED_LAW },
				},
			],
		},
		{
			code: 'subject: "Fwd: 40% korting alleen vandaag"\n',
			errors: [
				{
					messageId: "fakeReply",
					data: { label: "subject", subject: "Fwd: 40% korting alleen vandaag", prefix: "Fwd:", law: UNDECLARED_LAW },
				},
			],
		},
		{
			code: 'subject: "[Fw: Angebot]"\n',
			errors: [
				{
					messageId: "fakeReply",
					data: { label: "subject", subject: "[Fw: Angebot]", prefix: "Fw:", law: UNDECLARED_LAW },
				},
			],
		},
		{ code: 'subject: "Antw: uw offerte"\n', errors: [{ messageId: "fakeReply" }] },
		{ code: 'subject: "AW: Ihre Anfrage"\n', errors: [{ messageId: "fakeReply" }] },
		{ code: 'subject: "WG: Sonderangebot"\n', errors: [{ messageId: "fakeReply" }] },
		{ code: 'subject: "TR: Offre spéciale"\n', errors: [{ messageId: "fakeReply" }] },
		{ code: 'subject: "RV: Oferta"\n', errors: [{ messageId: "fakeReply" }] },
		{ code: 'subject: "Re[2]: follow-up"\n', errors: [{ messageId: "fakeReply" }] },
		{ code: 'subject: ""\n', errors: [{ messageId: "emptySubject", line: 1, column: 10 }] },
		{ code: 'subject: "   "\n', errors: [{ messageId: "emptySubject" }] },
		{
			code: 'subject: "Onze nieuwe collectie is er: nu met gratis verzending"\npreheader: "Discover the new collection and get free shipping on your order"\n',
			errors: [
				{
					messageId: "languageMismatch",
					data: {
						label: "preheader",
						subject: "Onze nieuwe collectie is er: nu met gratis verzending",
						subjectLanguage: "Dutch",
						preheaderLanguage: "English",
					},
					line: 2,
					column: 12,
				},
			],
		},
		// settings say marketing by default: a fake reply in a sidecar that declares nothing else
		{
			code: 'subject: "Fw: deal"\n',
			settings: { mailcomply: { campaign: { kind: "marketing" } } },
			errors: [{ messageId: "fakeReply" }],
		},
		{
			code: 'subject: "RE: votre commande"\naudience:\n  countries: [FR]\n',
			errors: [
				{
					messageId: "fakeReply",
					data: {
						label: "subject",
						subject: "RE: votre commande",
						prefix: "RE:",
						law: "e-Commerce Directive art. 6(a)",
					},
				},
			],
		},
		{
			code: 'subject: "RE: your order"\naudience:\n  countries: [US]\n',
			errors: [
				{
					messageId: "fakeReply",
					data: { label: "subject", subject: "RE: your order", prefix: "RE:", law: "CAN-SPAM 15 U.S.C. 7704(a)(2)" },
				},
			],
		},
	],
});

mjml.run("no-deceptive-subject (mjml)", rule as never, {
	valid: [
		mjHead(
			"    <mj-title>Voorjaarsactie bij Bakkerij de Vries</mj-title>\n    <mj-preview>Vers brood, nu met 15% korting op al onze taarten</mj-preview>",
		),
		// empty titles are builder boilerplate, not a declared subject
		mjHead("    <mj-title></mj-title>"),
		// a partial has no head to judge
		"<mj-section><mj-column><mj-text>RE: hi</mj-text></mj-column></mj-section>",
		{
			code: mjHead("    <mj-title>Re: your ticket</mj-title>"),
			settings: { mailcomply: { campaign: { kind: "transactional" } } },
		},
	],
	invalid: [
		{
			code: mjHead("    <mj-title>AW: Ihre Anfrage</mj-title>"),
			errors: [
				{
					messageId: "fakeReply",
					data: { label: "<mj-title>", subject: "AW: Ihre Anfrage", prefix: "AW:", law: UNDECLARED_LAW },
					line: 3,
					column: 5,
				},
			],
		},
		{
			code: mjHead(
				"    <mj-title>Die neue Kollektion ist da und jetzt für Sie online</mj-title>\n    <mj-preview>Découvrez la nouvelle collection pour vous avec la livraison offerte</mj-preview>",
			),
			errors: [
				{
					messageId: "languageMismatch",
					data: {
						label: "<mj-preview>",
						subject: "Die neue Kollektion ist da und jetzt für Sie online",
						subjectLanguage: "German",
						preheaderLanguage: "French",
					},
					line: 4,
					column: 5,
				},
			],
		},
	],
});

html.run("no-deceptive-subject (html)", rule as never, {
	valid: [page("Trends for spring"), page(""), page("re:Invent 2026"), "<table><tr><td>Fwd: partial</td></tr></table>"],
	invalid: [
		{
			code: page("TR: Votre devis"),
			errors: [
				{
					messageId: "fakeReply",
					data: { label: "<title>", subject: "TR: Votre devis", prefix: "TR:", law: UNDECLARED_LAW },
					line: 2,
					column: 13,
				},
			],
		},
	],
});

describe("subject wording", () => {
	it("finds reply prefixes only at the start, followed by a space", () => {
		expect(matchReplyPrefix("Re: hello")).toBe("Re:");
		expect(matchReplyPrefix("re:Invent")).toBeUndefined();
		expect(matchReplyPrefix("Tr: x")).toBe("Tr:");
		expect(matchReplyPrefix("Trade: x")).toBeUndefined();
	});
	it("guesses a language only when function words agree", () => {
		expect(guessLanguage("Vers brood, nu met 15% korting op al onze taarten")).toBe("nl");
		expect(guessLanguage("Get 20% off your order with our spring sale")).toBe("en");
		expect(guessLanguage("Jetzt neu: unsere Frühjahrstees für Sie")).toBe("de");
		expect(guessLanguage("Découvrez nos nouveautés pour vous")).toBe("fr");
		expect(guessLanguage("Black Friday")).toBeUndefined();
		expect(guessLanguage("Voorjaarsactie: 15% korting op taarten")).toBeUndefined();
	});
});
