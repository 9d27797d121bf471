import { RuleTester } from "eslint";
import { withAudience } from "../helpers/audience.js";
import plugin from "../../plugin/index.js";
import rule from "../../rules/promo-conditions-link.js";

const html = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/html" });
const mjml = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/mjml" });

const page = (body: string) => `<!DOCTYPE html>\n<html><body>\n${body}\n</body></html>`;
const mail = (text: string) =>
	`<mjml>\n<mj-body>\n<mj-section><mj-column>\n<mj-text>${text}</mj-text>\n</mj-column></mj-section>\n</mj-body>\n</mjml>`;
const campaign = (facts: Record<string, unknown>) => ({ mailcomply: { campaign: facts } });
/** The finding cites the law of the recipients and suggests wording in the mail's language (declared, else the offer's own words). */
const NL = {
	link: "Actievoorwaarden",
	label: "Voorwaarden:",
	law: "BW 3:15e(1)(c)",
};
const EN_TO_NL = { link: "Terms & conditions", label: "Terms:", law: NL.law };
const missing = (offer: string, line = 3, column = 1, wording: { link: string; label: string; law: string } = NL) =>
	({ messageId: "missing", data: { offer, ...wording }, line, column }) as const;

html.run(
	"promo-conditions-link (html)",
	rule as never,
	withAudience(["NL"], {
		valid: [
			// an offer with a conditions link, nl/en/de/fr
			page(
				`<p>Deze week 20% korting op alle taarten.</p>\n<p><a href="https://www.bakkerij.nl/actie">Actievoorwaarden</a></p>`,
			),
			page(`<p>Win a weekend in Paris!</p>\n<p><a href="https://shop.co.uk/win">Terms &amp; conditions</a></p>`),
			page(`<p>Mach mit beim Gewinnspiel.</p>\n<p><a href="https://shop.de/gewinnspiel">Teilnahmebedingungen</a></p>`),
			page(`<p>Grand jeu-concours d'été !</p>\n<p><a href="https://boutique.fr/jeu">Règlement du jeu</a></p>`),
			// the URL names the conditions; a "here" link in a sentence that does
			page(`<p>40% off everything.</p>\n<p><a href="https://shop.com/legal/terms-and-conditions">Details</a></p>`),
			page(
				`<p>Gratis taartschep bij elke taart.</p>\n<p>De voorwaarden van deze actie lees je <a href="https://x.nl/a/1">hier</a>.</p>`,
			),
			// conditions held by an ESP or template variable, trusted by their link text
			page(`<p>Use promo code SPRING.</p>\n<p><a href="{{ promo.terms_url }}">T&amp;Cs apply</a></p>`),
			// conditions written out under a label
			page(
				`<p>Deze week 20% korting op alle taarten.</p>\n<p>*Actievoorwaarden: geldig t/m 31 mei, niet in combinatie met andere acties.</p>`,
			),
			// conditions written out as an asterisk footnote or a validity line, nl/fr/de/en, with merge tags around
			page(
				`<p>20% korting op alle tulpenbollen*, *|FNAME|*!</p>\n<p>*Actie geldig t/m 31 mei 2026, zolang de voorraad strekt.</p>`,
			),
			page(`<p>-15 % sur tout le site*</p>\n<p>*Offre valable du 1er au 15 juin 2026, hors articles soldés.</p>`),
			page(
				`<p>10 % Rabatt auf alle Stauden, {{ first_name }}*</p>\n<p>*Angebot gültig bis 30.06.2026, nicht mit anderen Gutscheinen kombinierbar.</p>`,
			),
			page(`<p>Get 25% off all roses†</p>\n<p>† Valid until 31 May 2026 while stocks last. Excludes sale items.</p>`),
			page(
				`<p>Deze week 20% korting op alle taarten.</p>\n<p>Actie geldig van 1 t/m 7 juni, niet in combinatie met andere acties.</p>`,
			),
			// no offer: traps
			page(`<p>Bekijk onze nieuwe winkel en de wintercollectie in de etalage (window).</p>`),
			page(`<p>Gratis verzending vanaf €50. Free shipping on all orders. Livraison gratuite.</p>`),
			page(`<p>Feel free to reply. Call our toll-free number. Afmelden is gratis.</p>`),
			page(
				`<table><tr><td>Prijs</td><td>€ 25,00</td><td>21% btw</td></tr><tr><td>Tevredenheid</td><td>98%</td></tr></table>`,
			),
			page(`<p>Cadeaus tot €50 voor Moederdag</p>`),
			page(`<p>How to win more deals: our sales playbook.</p>`),
			// a footer that describes the list is no offer
			page(
				`<p>Je ontvangt deze e-mail omdat je je hebt aangemeld voor nieuws en korting. Geen nieuwsbrief meer? <a href="*|UNSUB|*">Afmelden</a></p>`,
			),
			// US-only audience: the EU/UK rule does not apply
			{ code: page(`<p>40% off everything</p>`), settings: campaign({ audience: { countries: ["US"] } }) },
			{ code: page(`<p>40% off everything</p>`), options: [{ countries: ["US", "CA"] }] },
			// a partial (the conditions may be in the mail that includes it)
			`<table><tr><td>20% korting!</td></tr></table>`,
			// text hidden from every client
			page(`<!--[if !mso]><p>Win een fiets</p><![endif]--><p>Nieuws</p>`),
		],
		invalid: [
			// traps: a footnote mark without a condition, a condition mentioned in passing that does not open the paragraph
			{
				code: page(`<p>20% korting op alle tulpenbollen*</p>\n<p>*Bekijk ons hele assortiment op de website.</p>`),
				errors: [missing("20% korting")],
			},
			{
				code: page(`<p>Get 25% off all roses this week.</p>\n<p>Our shop hours are not valid on bank holidays.</p>`),
				errors: [missing("25% off", 3, 1, EN_TO_NL)],
			},
			{ code: page(`<p>Deze week 20% korting op alle taarten.</p>`), errors: [missing("20% korting")] },
			{ code: page(`<h1>Doe mee met onze winactie!</h1>`), errors: [missing("winactie")] },
			{ code: page(`<p>Black Friday: 40% off everything</p>`), errors: [missing("40% off", 3, 1, EN_TO_NL)] },
			{
				code: page(`<p>Enter our giveaway</p>`),
				settings: campaign({ audience: { countries: ["GB"] } }),
				errors: [
					missing("giveaway", 3, 1, {
						link: "Terms & conditions",
						label: "Terms:",
						law: "Electronic Commerce Regulations 2002 reg. 7",
					}),
				],
			},
			{
				code: page(`<p>Jetzt 20 % Rabatt sichern</p>`),
				options: [{ countries: ["DE"] }],
				errors: [
					missing("20 % Rabatt", 3, 1, {
						link: "Teilnahmebedingungen",
						label: "Bedingungen:",
						law: "e-Commerce Directive art. 6(c)–(d)",
					}),
				],
			},
			{
				code: page(`<p>-20% sur toute la boutique</p>`),
				options: [{ countries: ["FR"] }],
				errors: [
					missing("-20%", 3, 1, {
						link: "Terms & conditions",
						label: "Terms:",
						law: "e-Commerce Directive art. 6(c)–(d)",
					}),
				],
			},
			// a French mail: French wording, the accents of the quoted offer kept, and no Dutch law or label
			{
				code: `<!DOCTYPE html>\n<html lang="fr"><body>\n<p>Profitez de 20 % de réduction sur tout</p>\n</body></html>`,
				options: [{ countries: ["FR"] }],
				errors: [
					missing("20 % de réduction", 3, 1, {
						link: "Conditions de l'offre",
						label: "Conditions :",
						law: "e-Commerce Directive art. 6(c)–(d)",
					}),
				],
			},
			// a German mail declared in the sidecar: German wording even where the offer word is English
			{
				code: page(`<p>Black Friday: 40% off</p>`),
				settings: campaign({ language: "de", audience: { countries: ["DE"] } }),
				errors: [
					missing("40% off", 3, 1, {
						link: "Teilnahmebedingungen",
						label: "Bedingungen:",
						law: "e-Commerce Directive art. 6(c)–(d)",
					}),
				],
			},
			// campaign to NL and US: the stricter (EU) rule applies
			{
				code: page(`<p>Win een e-bike!</p>`),
				settings: campaign({ audience: { countries: ["US", "NL"] } }),
				errors: [missing("Win")],
			},
			// the offer is only in the subject: reported on the body
			{
				code: page(`<p>Nieuwe collectie</p>`),
				settings: campaign({ subject: "Vandaag 15% korting" }),
				errors: [{ messageId: "missing", data: { offer: "15% korting", ...NL }, line: 2, column: 7 }],
			},
			// the offer is reported at its own paragraph, not the first paragraph of the mail
			{ code: page(`<p>Nieuws</p>\n<p>Maak kans op een weekendje weg</p>`), errors: [missing("Maak kans", 4)] },
			// a conditions link that goes nowhere
			{
				code: page(`<p>20% korting</p>\n<p><a href="#">Actievoorwaarden</a></p>`),
				errors: [
					{
						messageId: "broken",
						data: { text: "Actievoorwaarden", reason: 'href="#"' },
						line: 4,
						column: 4,
					},
				],
			},
			{
				code: page(`<p>Win!</p>\n<p><a href="mailto:actie@x.nl">Voorwaarden</a></p>`),
				errors: [
					{
						messageId: "broken",
						data: { text: "Voorwaarden", reason: "a mailto: link opens a new e-mail, it does not show the conditions" },
					},
				],
			},
			// a label without a colon is only a mention
			{ code: page(`<p>20% korting</p>\n<p>Lees de voorwaarden op onze site</p>`), errors: [missing("20% korting")] },
		],
	}),
);

mjml.run(
	"promo-conditions-link (mjml)",
	rule as never,
	withAudience(["NL"], {
		valid: [
			mail(`15% korting op taarten. <a href="https://www.bakkerijdevries.nl/actievoorwaarden">Actievoorwaarden</a>`),
			`<mjml><mj-body><mj-section><mj-column><mj-text>Win!</mj-text><mj-button href="https://x.nl/spelregels">Spelregels</mj-button></mj-column></mj-section></mj-body></mjml>`,
		],
		invalid: [
			{
				code: mail(`Win een fiets!`),
				errors: [{ messageId: "missing", data: { offer: "Win", ...NL }, line: 4, column: 1 }],
			},
			// an image banner whose alt text makes the offer
			{
				code: `<mjml><mj-body><mj-section><mj-column><mj-image src="https://x.nl/b.png" alt="30% korting op alles" /></mj-column></mj-section></mj-body></mjml>`,
				errors: [{ messageId: "missing", data: { offer: "30% korting", ...NL } }],
			},
		],
	}),
);
