import { RuleTester } from "eslint";
import { withAudience } from "../helpers/audience.js";
import plugin from "../../plugin/index.js";
import rule from "../../rules/require-privacy-link.js";

const html = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/html" });
const mjml = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/mjml" });

const page = (body: string) => `<!DOCTYPE html>\n<html><body>\n${body}\n</body></html>`;
const mail = (text: string) =>
	`<mjml>\n<mj-body>\n<mj-section><mj-column>\n<mj-text>${text}</mj-text>\n</mj-column></mj-section>\n</mj-body>\n</mjml>`;
const campaign = (facts: Record<string, unknown>) => ({ mailcomply: { campaign: facts } });
const missing = { messageId: "missing", line: 2, column: 7 } as const;

html.run(
	"require-privacy-link (html)",
	rule as never,
	withAudience(["NL"], {
		valid: [
			// link text in nl, en, de, fr
			page(`<p>Lees onze <a href="https://www.bakkerij.nl/privacy">privacyverklaring</a>.</p>`),
			page(`<p><a href="https://shop.co.uk/legal">Privacy policy</a></p>`),
			page(`<p><a href="https://shop.de/rechtliches">Datenschutzerklärung</a></p>`),
			page(`<p><a href="https://boutique.fr/legal">Politique de confidentialité</a></p>`),
			// the URL alone says so
			page(`<p><a href="https://www.bakkerij.nl/privacyverklaring">Meer informatie</a></p>`),
			page(`<p><a href="https://shop.de/datenschutz">Rechtliches</a></p>`),
			// a "here" link whose sentence names the statement
			page(
				`<p>Hoe wij met je gegevens omgaan, lees je in onze privacyverklaring: <a href="https://x.nl/p/12">klik hier</a>.</p>`,
			),
			// a template variable that names the statement, and an ESP variable link with privacy text
			page(`<p><a href="{{ links.privacy_url }}">Read more</a></p>`),
			page(`<p><a href="{{ footer_link_2 }}">Privacy</a></p>`),
			// transactional mail, SMS and non-EU audiences are out of scope
			{ code: page(`<p>Your order has shipped.</p>`), settings: campaign({ kind: "transactional" }) },
			{ code: page(`<p>Sale</p>`), settings: campaign({ channel: "sms" }) },
			{ code: page(`<p>Sale</p>`), settings: campaign({ audience: { countries: ["US"] } }) },
			{ code: page(`<p>Sale</p>`), options: [{ countries: ["CA"] }] },
			// the sidecar's countries win over the option
			{
				code: page(`<p>Sale</p>`),
				options: [{ countries: ["NL"] }],
				settings: campaign({ audience: { countries: ["US"] } }),
			},
			// a partial is checked where it is included
			`<table><tr><td>Footer without privacy link</td></tr></table>`,
		],
		invalid: [
			{ code: page(`<p>Nieuwe e-bikes binnen!</p>`), errors: [missing] },
			// UK GDPR, and a campaign to NL and US recipients: the EU rule applies
			// the message cites the UK GDPR for UK recipients and the GDPR for EU ones
			{
				code: page(`<p>Sale</p>`),
				settings: campaign({ audience: { countries: ["GB"] } }),
				errors: [{ ...missing, data: { law: "UK GDPR" } }],
			},
			{
				code: page(`<p>Sale</p>`),
				settings: campaign({ audience: { countries: ["US", "NL"] } }),
				errors: [{ ...missing, data: { law: "GDPR art. 13(1)–(2)" } }],
			},
			{ code: page(`<p>Sale</p>`), options: [{ countries: ["DE"] }], errors: [missing] },
			// a preference centre is not a privacy statement, whatever its label says
			{
				code: page(`<p><a href="*|UPDATE_PROFILE|*">Privacy-instellingen</a></p>`),
				errors: [
					{
						messageId: "broken",
						data: {
							text: "Privacy-instellingen",
							reason: "it opens the ESP's unsubscribe or preference page, which is not a privacy statement",
						},
						line: 3,
						column: 4,
					},
				],
			},
			// nor is an ESP unsubscribe tag, or an ESP tag without privacy text
			{
				code: page(
					`<p><a href="*|UNSUB|*">Afmelden</a> · <a href="<%asm_preferences_raw_url%>">Manage preferences</a></p>`,
				),
				errors: [missing],
			},
			// a mailto: address for privacy questions is not the statement
			{
				code: page(`<p>Questions? <a href="mailto:privacy@shop.co.uk">Privacy team</a></p>`),
				errors: [
					{
						messageId: "broken",
						data: { text: "Privacy team", reason: "a mailto: link opens a new e-mail; it does not show the statement" },
					},
				],
			},
			{
				code: page(`<p><a href="#">Datenschutz</a></p>`),
				errors: [{ messageId: "broken", data: { text: "Datenschutz", reason: 'href="#"' } }],
			},
			{
				code: page(`<p><a href="/privacy">Privacy</a></p>`),
				errors: [
					{
						messageId: "broken",
						data: {
							text: "Privacy",
							reason: '"/privacy" is a relative path, and an e-mail has no base address to resolve it against',
						},
					},
				],
			},
			{
				code: page(`<p><a href="https://www.example.com/privacy">Privacybeleid</a></p>`),
				errors: [
					{ messageId: "broken", data: { text: "Privacybeleid", reason: "www.example.com is a placeholder address" } },
				],
			},
			// near misses: "private sale", a privacy e-mail address in text, "confidential"
			{
				code: page(`<p><a href="https://x.nl/sale">Private sale</a> Vragen? privacy@x.nl. Confidential.</p>`),
				errors: [missing],
			},
			// a privacy link hidden from every client does not count
			{
				code: page(`<!--[if !mso]><p><a href="https://x.nl/privacy">Privacy</a></p><![endif]--><p>Sale</p>`),
				errors: [missing],
			},
		],
	}),
);

mjml.run(
	"require-privacy-link (mjml)",
	rule as never,
	withAudience(["NL"], {
		valid: [
			mail(`<a href="https://www.bakkerijdevries.nl/privacyverklaring">Privacyverklaring</a>`),
			`<mjml><mj-body><mj-section><mj-column><mj-button href="https://shop.fr/confidentialite">Vos données</mj-button></mj-column></mj-section></mj-body></mjml>`,
			// an Outlook-only link is still a link (visibility is another rule's job)
			`<mjml><mj-body><mj-raw><!--[if mso]><a href="https://x.nl/privacy">Privacy</a><![endif]--></mj-raw></mj-body></mjml>`,
			`<mjml><mj-body><mj-navbar><mj-navbar-link href="https://x.de/ds">Datenschutz</mj-navbar-link></mj-navbar></mj-body></mjml>`,
		],
		invalid: [
			{
				code: mail(`Nieuwe e-bikes!`),
				errors: [{ messageId: "missing", line: 2, column: 1, endLine: 2, endColumn: 10 }],
			},
		],
	}),
);

// Without declared countries no EU or UK law is assumed: the privacy link is an EU/UK duty, so nothing is reported until the audience is declared.
html.run("require-privacy-link (no audience declared)", rule as never, {
	valid: [
		page(`<p>Nieuwe e-bikes binnen! 20% korting.</p>`),
		{ code: page(`<p>Sale</p>`), settings: campaign({ kind: "marketing" }) },
	],
	invalid: [
		{ code: page(`<p>Sale</p>`), settings: campaign({ audience: { countries: ["EU"] } }), errors: [missing] },
		{ code: page(`<p>Sale</p>`), options: [{ countries: ["GB"] }], errors: [missing] },
	],
});
