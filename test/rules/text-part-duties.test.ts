import { RuleTester } from "eslint";
import { expect, test } from "vitest";
import plugin from "../../plugin/index.js";
import privacy from "../../rules/require-privacy-link.js";
import adLabel from "../../rules/require-ad-label.js";
import conditions from "../../rules/promo-conditions-link.js";

/**
 * require-privacy-link, require-ad-label and promo-conditions-link on an
 * e-mail's plain-text part (NAME.txt, an .eml's text/plain part): text-only
 * readers see only it. None runs on SMS or WhatsApp (see each rule's doc).
 */
const text = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/text" });
const eml = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/eml" });
const facts = (extra: Record<string, unknown>) => ({ mailcomply: { campaign: { kind: "marketing", ...extra } } });
const eu = (extra: Record<string, unknown> = {}) => facts({ audience: { countries: ["NL"] }, ...extra });
const us = (extra: Record<string, unknown> = {}) => facts({ audience: { countries: ["US"] }, ...extra });

text.run("require-privacy-link (text part)", privacy as never, {
	valid: [
		{ code: "Nieuws.\nPrivacyverklaring: https://theehuis.nl/p\nAfmelden: https://theehuis.nl/af\n", settings: eu() },
		{ code: "News.\nRead our privacy policy: www.shop.co.uk/legal\n", settings: eu() },
		{ code: "Neuigkeiten.\nhttps://teehaus.de/datenschutz\n", settings: eu() },
		{ code: "Nouvelles.\nConfidentialité : {{ privacy_url }}\n", settings: eu() },
		// Not marketing, or no EU/UK recipients
		{ code: "Uw bestelling is verzonden.\n", settings: eu({ kind: "transactional" }) },
		{ code: "News.\n", settings: us() },
	],
	invalid: [
		{
			code: "Lenteactie: 20% korting.\nAfmelden: https://theehuis.nl/af\n",
			settings: eu({ language: "nl" }),
			errors: [
				{
					messageId: "missingText",
					line: 1,
					column: 1,
					data: { line: "Privacyverklaring: https://…", law: "GDPR art. 12(1)" },
				},
			],
		},
		// "privacy" in prose without a URL is no link; an unrelated URL neither
		{
			code: "Wir schützen Ihre Privatsphäre.\nhttps://teehaus.example/angebote\n",
			settings: eu({ language: "de" }),
			errors: [{ messageId: "missingText" }],
		},
		{
			code: "News.\nPrivacy policy: https://example.com/privacy\n",
			settings: eu(),
			errors: [{ messageId: "brokenText", line: 2, column: 17 }],
		},
	],
});

text.run("require-ad-label (text part)", adLabel as never, {
	valid: [
		{ code: "Advertisement\nSpring sale: 40% off all tins.\n", settings: us() },
		{ code: "Spring sale: 40% off all tins.\n", settings: us({ subject: "[Ad] Spring sale" }) },
		{ code: "Spring sale: 40% off all tins.\n", settings: us({ lawfulBasis: "consent" }) },
		// Not for EU-only recipients; a receipt is no ad
		{ code: "Lenteactie: 20% korting.\n", settings: eu() },
		{ code: "Your order 1234 has shipped.\n", settings: us({ kind: "transactional" }) },
	],
	invalid: [
		{
			code: "Spring sale: 40% off all tins.\nUnsubscribe: https://shop.example/u\n",
			settings: us(),
			errors: [{ messageId: "missingText", line: 1, column: 1, data: { basis: "no lawfulBasis declared" } }],
		},
		{
			code: "This is not a marketing email.\nSave 20% with code SPRING.\n",
			settings: us({ lawfulBasis: "consent" }),
			errors: [{ messageId: "falseClaim", line: 1, column: 1 }],
		},
	],
});

text.run("promo-conditions-link (text part)", conditions as never, {
	valid: [
		{ code: "20% korting op thee!\nActievoorwaarden: https://theehuis.nl/v\n", settings: eu() },
		{
			code: "40% off all tins.\nTerms: valid until 31 May, one code per customer.\n",
			settings: eu({ language: "en" }),
		},
		{ code: "20 % Rabatt.\nhttps://teehaus.de/teilnahmebedingungen\n", settings: eu() },
		{
			code: "Jeu-concours : 10 paniers à gagner !\n*Offre valable du 1er au 15 juin, hors articles soldés.\n",
			settings: eu(),
		},
		// No offer: "gratis verzending" in a footer that invites unsubscribing is no offer; no EU/UK recipients
		{ code: "Ons nieuws.\nU ontvangt onze aanbiedingen. Afmelden: https://theehuis.nl/af\n", settings: eu() },
		{ code: "40% off all tins.\n", settings: us() },
	],
	invalid: [
		{
			code: "Nieuws.\n20% korting op alle thee!\nBekijk: https://theehuis.nl/thee\n",
			settings: eu({ language: "nl" }),
			errors: [{ messageId: "missing", line: 2, column: 1, endColumn: 26 }],
		},
		{
			code: "Win a hamper!\nOfficial rules: https://example.com/rules\n",
			settings: eu(),
			errors: [{ messageId: "brokenText", line: 2, column: 17 }],
		},
	],
});

const message = (textPart: string) =>
	`From: Theehuis <nieuws@theehuis.nl>\nSubject: Lente\nMIME-Version: 1.0\nContent-Type: multipart/alternative; boundary="b"\n\n--b\nContent-Type: text/plain; charset=utf-8\n\n${textPart}\n--b\nContent-Type: text/html; charset=utf-8\n\n<html><body><p>20% korting. <a href="https://theehuis.nl/voorwaarden">Actievoorwaarden</a></p><a href="https://theehuis.nl/privacy">Privacyverklaring</a> <a href="https://theehuis.nl/af">Afmelden</a></body></html>\n--b--\n`;

eml.run("promo-conditions-link (.eml text part)", plugin.rules["promo-conditions-link"] as never, {
	valid: [{ code: message("20% korting.\nActievoorwaarden: https://theehuis.nl/voorwaarden"), settings: eu() }],
	invalid: [
		{ code: message("20% korting op thee."), settings: eu(), errors: [{ messageId: "missing", line: 9, column: 1 }] },
	],
});

eml.run("require-privacy-link (.eml text part)", plugin.rules["require-privacy-link"] as never, {
	valid: [{ code: message("Privacy: https://theehuis.nl/privacy"), settings: eu() }],
	invalid: [{ code: message("Nieuws."), settings: eu(), errors: [{ messageId: "missingText", line: 9, column: 1 }] }],
});

test("the e-mail duties that do not reach SMS or WhatsApp say so in their languages", () => {
	for (const id of ["require-privacy-link", "require-ad-label", "promo-conditions-link"]) {
		const languages = plugin.rules[id]!.meta!.languages!;
		expect(languages, id).toContain("mailcomply/text");
		expect(languages, id).toContain("mailcomply/eml");
		expect(languages, id).not.toContain("mailcomply/sms");
		expect(languages, id).not.toContain("mailcomply/whatsapp");
	}
});
