import { RuleTester } from "eslint";
import plugin from "../../plugin/index.js";
const rule = plugin.rules["require-sender-identity"];

/** require-sender-identity on a captured message: the From display name against the declared sender. */
const tester = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/eml" });

const message = (from: string, footer: string) =>
	`From: ${from}\nSubject: Lenteactie\nMIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n\n<html><body><p>20% korting op thee.</p><p>${footer} <a href="https://example.test/afmelden">Afmelden</a></p></body></html>\n`;
const settings = (facts: Record<string, unknown>) => ({
	mailcomply: { campaign: { kind: "marketing", audience: { countries: ["NL"] }, ...facts } },
});
const THEEHUIS = settings({ sender: { name: "Theehuis Jansen B.V." } });
const FOOTER = "Theehuis Jansen B.V., Oudegracht 10, 3511 AP Utrecht.";

tester.run("require-sender-identity (eml From)", rule as never, {
	valid: [
		// the declared name, without its legal form; written together; in another case
		{ code: message("Theehuis Jansen <nieuws@theehuisjansen.nl>", FOOTER), settings: THEEHUIS },
		{ code: message("TheehuisJansen <nieuws@theehuisjansen.nl>", FOOTER), settings: THEEHUIS },
		{ code: message('"THEEHUIS" <nieuws@theehuisjansen.nl>', FOOTER), settings: THEEHUIS },
		// a person at the sender's domain
		{ code: message("Anna de Vries <anna@mail.theehuisjansen.nl>", FOOTER), settings: THEEHUIS },
		// a brand the mail shows (nl, en, de, fr)
		{
			code: message("Kruidvat <nieuws@e.kruidvat.nl>", "Kruidvat is een handelsnaam van A.S. Watson B.V."),
			settings: settings({ sender: { name: "A.S. Watson B.V." } }),
		},
		{
			code: message(
				"Contoso Deals <deals@contoso-mail.com>",
				"Contoso Deals, a brand of Fabrikam Inc., 500 Market Street, San Francisco, CA 94105.",
			),
			settings: settings({ sender: { name: "Fabrikam Inc." }, audience: { countries: ["US"] } }),
		},
		{
			code: message("Teehaus Berger <news@teehaus-berger.de>", "Teehaus Berger GmbH, Hauptstraße 1, 10115 Berlin."),
			settings: settings({ sender: { name: "Teehaus Berger GmbH" }, audience: { countries: ["DE"] } }),
		},
		{
			code: message("Maison Dupont <infos@maison-dupont.fr>", "Maison Dupont SARL, 1 rue de Rivoli, 75001 Paris."),
			settings: settings({ sender: { name: "Maison Dupont SARL" }, audience: { countries: ["FR"] } }),
		},
		// initials
		{
			code: message("AH <nieuws@ah.nl>", "Albert Heijn B.V., Provincialeweg 11, 1506 MA Zaandam."),
			settings: settings({ sender: { name: "Albert Heijn B.V." } }),
		},
		// the agency that sends for the sender
		{
			code: message("Bureau Vos <campagnes@bureauvos.nl>", FOOTER),
			settings: settings({ sender: { name: "Theehuis Jansen B.V." }, sentBy: { name: "Bureau Vos" } }),
		},
		// an ESP export that still holds the ESP's tag: what it prints is not known
		{ code: message('"*|LIST:COMPANY|*" <nieuws@theehuisjansen.nl>', FOOTER), settings: THEEHUIS },
		// no display name: the address alone is not judged
		{ code: message("info@elders.example", FOOTER), settings: THEEHUIS },
		// no declared sender: nothing to compare (the From fills the sender's name)
		{ code: message("Theehuis Jansen <nieuws@theehuisjansen.nl>", FOOTER), settings: settings({}) },
		// a transactional message is not this rule's
		{
			code: message("PayPal Service <service@paypal-secure.example>", FOOTER),
			settings: settings({ kind: "transactional", sender: { name: "Theehuis Jansen B.V." } }),
		},
	],
	invalid: [
		// a display name that names somebody else, at somebody else's domain, that the mail never shows
		{
			code: message("PayPal Service <service@paypal-secure.example>", FOOTER),
			settings: THEEHUIS,
			errors: [{ messageId: "fromMismatch", line: 1, column: 1 }],
		},
		// a generic word shared ("Nieuwsbrief") is no identification
		{
			code: message("Nieuwsbrief Gratis Prijzen <nieuwsbrief@prijzen-actie.example>", FOOTER),
			settings: THEEHUIS,
			errors: [{ messageId: "fromMismatch", line: 1 }],
		},
	],
});
