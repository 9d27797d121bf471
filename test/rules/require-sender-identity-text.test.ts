import { RuleTester } from "eslint";
import { expect, test } from "vitest";
import plugin from "../../plugin/index.js";
import rule from "../../rules/require-sender-identity.js";
import transactionalRule from "../../rules/require-sender-identity-transactional.js";

/**
 * require-sender-identity(-transactional) on an e-mail's plain-text part: a
 * template's NAME.txt, and the text/plain part of an .eml. A text-only reader
 * sees nothing of the HTML part, so the text part must show what it must.
 */
const text = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/text" });
const eml = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/eml" });

const facts = (extra: Record<string, unknown>) => ({ mailcomply: { campaign: { kind: "marketing", ...extra } } });
const BAKKERIJ = { sender: { name: "Bakkerij de Vries B.V." }, audience: { countries: ["NL"] } };
const CONTOSO = {
	sender: { name: "Contoso Outlet Inc.", address: "500 Market Street, San Francisco, CA 94105" },
	audience: { countries: ["US"] },
};
const TEEHAUS = { sender: { name: "Teehaus Berger GmbH" }, audience: { countries: ["DE"] } };
const ERABLE = { sender: { name: "Maison Érable SAS" }, audience: { countries: ["FR"] } };
const MAPLE = { sender: { name: "Maple Tea Ltd." }, audience: { countries: ["CA"] } };

text.run("require-sender-identity (text part)", rule as never, {
	valid: [
		// nl: the name, another case, without the legal form; NL asks no postal address
		{
			code: "Voorjaarsactie: 15% korting op taarten.\n\nJe ontvangt dit van BAKKERIJ DE VRIES.\nAfmelden: *|UNSUB|*\n",
			settings: facts(BAKKERIJ),
		},
		// a name that wraps onto the next line, as a text part wrapped at 72 columns does
		{
			code: "Voorjaarsactie: 15% korting op taarten.\n\nJe ontvangt deze e-mail omdat je klant bent bij Bakkerij de\nVries, Utrecht.\n",
			settings: facts(BAKKERIJ),
		},
		// en, US: name and street address on separate lines of one paragraph
		{
			code: "Spring sale: 40% off.\n\nContoso Outlet\n500 Market Street\nSan Francisco, CA 94105\n",
			settings: facts(CONTOSO),
		},
		// Mailchimp's tags for the organisation's name and address
		{ code: "Spring sale: 40% off.\n\n*|LIST:COMPANY|*\n*|LIST:ADDRESSLINE|*\n", settings: facts(CONTOSO) },
		// template variables whose names say they print the sender's name and address
		{
			code: "Spring sale: 40% off.\n\n{{ company_name }} · {{ company.address }}\n",
			settings: facts(CONTOSO),
		},
		// de: name and street address; or a P.O. box with an Impressum link (German commentary accepts it)
		{
			code: "Neu: Frühjahrstees, 20% Rabatt.\n\nTeehaus Berger GmbH, Lindenstraße 5, 10969 Berlin\n",
			settings: facts(TEEHAUS),
		},
		{
			code: "Neu: Frühjahrstees, 20% Rabatt.\n\nTeehaus Berger GmbH · Postfach 10 11 12, 10115 Berlin\nImpressum: https://www.teehaus-berger.de/impressum\n",
			settings: facts(TEEHAUS),
		},
		// fr: the name without its accent and legal form; France asks no postal address in the mail
		{ code: "Soldes d'été : -30 % sur tout le site.\n\n© 2026 MAISON ERABLE\n", settings: facts(ERABLE) },
		// no name declared: any name the text part shows is not second-guessed
		...[
			"Spring sale: 40% off.\n\nCheers,\nThe Acme team\n",
			"Lenteactie: 20% korting.\n\nGroeten, het team van Theehuis Jansen\n",
			"Frühlingsaktion: 20% Rabatt.\nhttps://www.teehaus-berger.de/angebote\n",
			"Soldes : -30 %.\n\nToute l'équipe Érable\n",
		].map((code) => ({ code, settings: facts({ audience: { countries: ["NL", "FR", "GB"] } }) })),
		// not this rule's: a transactional mail
		{
			code: "Your order 1234 has shipped.\n",
			settings: { mailcomply: { campaign: { kind: "transactional", ...CONTOSO } } },
		},
	],
	invalid: [
		{
			code: "Voorjaarsactie: 15% korting op taarten.\nAfmelden: *|UNSUB|*\n",
			settings: facts({ ...BAKKERIJ, esp: "mailchimp" }),
			errors: [
				{
					messageId: "missingNameText",
					data: {
						kind: "marketing",
						name: "Bakkerij de Vries B.V.",
						law: "Telecommunicatiewet art. 11.7",
						nameHint: " or use *|LIST:COMPANY|* (Mailchimp)",
						contrast: "",
					},
					line: 1,
					column: 1,
				},
			],
		},
		// "de Vries" alone does not name "Bakkerij de Vries"; the recipient's company is not the sender
		{
			code: "Beste {{ contact.company_name }},\n\nGroeten van de Vries.\n",
			settings: facts(BAKKERIJ),
			errors: [{ messageId: "missingNameText" }],
		},
		// US: the name, but no postal address; the hint is the ESP's address tag
		{
			code: "Spring sale: 40% off at Contoso Outlet.\nUnsubscribe: *|UNSUB|*\n",
			settings: facts({ ...CONTOSO, esp: "mailchimp" }),
			errors: [
				{
					message:
						"The plain-text part of this marketing e-mail shows no postal address of its sender (CAN-SPAM 15 U.S.C. 7704(a)(5)(A)(iii)): add one to it, e.g. *|LIST:ADDRESSLINE|* (Mailchimp).",
				},
			],
		},
		// neither; without an ESP the hint is the declared address
		{
			code: "Spring sale: 40% off.\n",
			settings: facts(CONTOSO),
			errors: [
				{
					message:
						'The plain-text part of this marketing e-mail shows neither its sender "Contoso Outlet Inc." nor a postal address (CAN-SPAM 15 U.S.C. 7704(a)(5)(A)(iii)): add both to it, e.g. "500 Market Street, San Francisco, CA 94105".',
				},
			],
		},
		// de: a P.O. box only
		{
			code: "Neu: Frühjahrstees, 20% Rabatt.\n\nTeehaus Berger GmbH · Postfach 10 11 12 · 10115 Berlin\n",
			settings: facts(TEEHAUS),
			errors: [
				{
					message:
						"The plain-text part of this marketing e-mail shows only a P.O. box as its sender's address; German law asks for the street address (DDG § 5): add it.",
				},
			],
		},
		// fr: the name is missing
		{
			code: "Soldes d'été : -30 % sur tout le site.\nSe désabonner : https://maison-erable.fr/d\n",
			settings: facts(ERABLE),
			errors: [{ messageId: "missingNameText" }],
		},
		// no name declared and the text part names nobody
		{
			code: "Spring sale: 40% off all tins, today only.\n",
			settings: facts({}),
			errors: [{ messageId: "unnamedText", line: 1, column: 1 }],
		},
	],
});

text.run("require-sender-identity-transactional (text part)", transactionalRule as never, {
	valid: [
		{
			code: "Je bestelling 1234 is verzonden.\n\nBakkerij de Vries\n",
			settings: { mailcomply: { campaign: { kind: "transactional", ...BAKKERIJ } } },
		},
		// no address asked of a transactional mail to US recipients
		{
			code: "Your order 1234 has shipped.\n\nContoso Outlet\n",
			settings: { mailcomply: { campaign: { kind: "transactional", ...CONTOSO } } },
		},
		// a marketing text part is the other rule's
		{ code: "Spring sale: 40% off.\n", settings: facts(CONTOSO) },
	],
	invalid: [
		// Canada: CASL s. 6(6) keeps the identification duty for transactional mail
		{
			code: "Your order 1234 has shipped.\n\nMaple Tea Ltd.\n",
			settings: { mailcomply: { campaign: { kind: "transactional", ...MAPLE } } },
			errors: [
				{
					message:
						"The plain-text part of this transactional e-mail shows no postal address of its sender (CASL s. 6(6)): add one to it.",
				},
			],
		},
		{
			code: "Uw bestelling 1234 is verzonden.\n",
			settings: { mailcomply: { campaign: { kind: "transactional", ...BAKKERIJ } } },
			errors: [
				{
					message:
						'The plain-text part of this transactional e-mail does not name its sender "Bakkerij de Vries B.V." (BW 2:186 / 2:75): name it there too.',
				},
			],
		},
	],
});

const message = (textPart: string, htmlPart: string, from = "Contoso Outlet <news@contoso.example>") =>
	`From: ${from}\nSubject: Spring sale\nMIME-Version: 1.0\nContent-Type: multipart/alternative; boundary="b"\n\n--b\nContent-Type: text/plain; charset=utf-8\n\n${textPart}\n--b\nContent-Type: text/html; charset=utf-8\n\n${htmlPart}\n--b--\n`;
const HTML_NAME_AND_ADDRESS =
	'<html><body><p>Spring sale: 40% off.</p><p>Contoso Outlet Inc., 500 Market Street, San Francisco, CA 94105</p><a href="https://contoso.example/unsubscribe">Unsubscribe</a></body></html>';
const HTML_NAME_ONLY =
	'<html><body><p>Spring sale: 40% off.</p><p>Contoso Outlet Inc.</p><a href="https://contoso.example/unsubscribe">Unsubscribe</a></body></html>';

// The plugin's rule: every HTML rule also runs on .eml, and one that reads text parts on its text part (plugin/message-rules.ts).
eml.run("require-sender-identity (.eml text part)", plugin.rules["require-sender-identity"] as never, {
	valid: [
		{
			code: message(
				"Spring sale: 40% off.\n\nContoso Outlet Inc.\n500 Market Street, San Francisco, CA 94105",
				HTML_NAME_AND_ADDRESS,
			),
			settings: facts(CONTOSO),
		},
		// the sender named in From (no sidecar name), and named in both parts
		{
			code: message(
				"Lenteactie: 20% korting.\n\nTheehuis Jansen B.V.\nAfmelden: https://theehuis.nl/af",
				'<html><body><p>20% korting. Theehuis Jansen B.V.</p><a href="https://theehuis.nl/af">Afmelden</a></body></html>',
				"Theehuis Jansen <nieuws@theehuis.nl>",
			),
			settings: facts({ audience: { countries: ["NL"] } }),
		},
	],
	invalid: [
		// the HTML part shows the address, the text part does not: the text part is reported, saying so
		{
			code: message("Spring sale: 40% off at Contoso Outlet.", HTML_NAME_AND_ADDRESS),
			settings: facts(CONTOSO),
			errors: [
				{
					message:
						'The plain-text part of this marketing e-mail shows no postal address of its sender, unlike the HTML part (CAN-SPAM 15 U.S.C. 7704(a)(5)(A)(iii)): add one to it, e.g. "500 Market Street, San Francisco, CA 94105".',
					line: 9,
					column: 1,
				},
			],
		},
		// both parts lack it: each is reported, the text part without a contrast
		{
			code: message("Spring sale: 40% off at Contoso Outlet.", HTML_NAME_ONLY),
			settings: facts(CONTOSO),
			errors: [
				{
					message: /^The plain-text part of this marketing e-mail shows no postal address of its sender \(/u as never,
					line: 9,
				},
				{ messageId: "missingAddress", line: 13 },
			],
		},
		// the From name, which the HTML part shows, is missing from the text part
		{
			code: message(
				"Lenteactie: 20% korting.\nAfmelden: https://theehuis.nl/af",
				'<html><body><p>20% korting. Theehuis Jansen B.V.</p><a href="https://theehuis.nl/af">Afmelden</a></body></html>',
				"Theehuis Jansen <nieuws@theehuis.nl>",
			),
			settings: facts({ audience: { countries: ["NL"] } }),
			errors: [
				{
					message:
						'The plain-text part of this marketing e-mail does not name its sender "Theehuis Jansen", unlike the HTML part (Telecommunicatiewet art. 11.7): name it there too.',
					line: 9,
					column: 1,
				},
			],
		},
	],
});

test("both sender rules read plain-text parts and .eml files", () => {
	for (const id of ["require-sender-identity", "require-sender-identity-transactional"]) {
		const languages = plugin.rules[id]!.meta!.languages!;
		expect(languages, id).toContain("mailcomply/text");
		expect(languages, id).toContain("mailcomply/eml");
	}
});
