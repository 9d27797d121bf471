import { RuleTester } from "eslint";
import plugin from "../../plugin/index.js";
import rule from "../../rules/form-privacy-notice.js";
import { at, page } from "./form-helpers.js";

const html = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/html" });
const mjml = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/mjml" });

const signup = (intro: string, footer = "") =>
	page(
		`<section>\n<p>${intro}</p>\n<form action="https://x.nl/s"><input type="email" name="email"><button>OK</button></form>\n</section>\n${footer}`,
	);

function invalid(code: string, messageId: "noPrivacyLink" | "noPurpose" | "noPrivacyLinkOrPurpose") {
	return { code, errors: [{ messageId, ...at(code, "<form") }] };
}

html.run("form-privacy-notice", rule as never, {
	valid: [
		// the suggested sentences, in each language, satisfy the rule themselves
		signup(
			`We use your e-mail address only to send you our monthly newsletter. <a href="/privacy">Read our privacy statement.</a>`,
		),
		signup(
			`We gebruiken je e-mailadres alleen om je onze maandelijkse nieuwsbrief te sturen. <a href="/privacy">Lees onze privacyverklaring.</a>`,
		),
		signup(
			`Wir verwenden Ihre E-Mail-Adresse nur, um Ihnen unseren monatlichen Newsletter zu senden. <a href="/datenschutz">Lesen Sie unsere Datenschutzerklärung.</a>`,
		),
		signup(
			`Nous utilisons votre adresse e-mail uniquement pour vous envoyer notre newsletter mensuelle. <a href="/confidentialite">Lisez notre politique de confidentialité.</a>`,
		),
		signup(`We sturen je elke maand onze nieuwsbrief. Lees onze <a href="/privacy">privacyverklaring</a>.`),
		signup(
			`We use your e-mail address only to send you our newsletter. <a href="https://x.com/legal">Privacy policy</a>`,
		),
		signup(
			`Wir verwenden Ihre E-Mail-Adresse, um Ihnen unseren Newsletter zu senden.`,
			`<footer><a href="https://x.de/datenschutz">Datenschutz</a></footer>`,
		),
		signup(
			`Nous utilisons votre adresse uniquement pour vous envoyer notre newsletter. <a href="/politique-de-confidentialite">En savoir plus</a>`,
		),
		// purpose statements in normal word order, nl/de/fr
		signup(
			`We gebruiken je e-mailadres om je op de hoogte te houden van nieuwe collecties. <a href="/privacy">Privacyverklaring</a>`,
		),
		signup(
			`Wir verwenden Ihre Angaben, um Sie über neue Produkte zu informieren. <a href="https://x.de/datenschutz">Datenschutzerklärung</a>`,
		),
		signup(
			`Nous utilisons votre adresse e-mail afin de vous tenir informé de nos nouveautés. <a href="/confidentialite">Politique de confidentialité</a>`,
		),
		// a newsletter sign-up that says how often it mails states its purpose
		signup(`Sign up for our newsletter: one e-mail every Friday. <a href="/privacy">Privacy policy</a>`),
		signup(`Schrijf je in voor onze nieuwsbrief. Maandelijks, met tuintips. <a href="/privacy">Privacyverklaring</a>`),
		signup(`Newsletter abonnieren: einmal im Monat. <a href="https://x.de/datenschutz">Datenschutz</a>`),
		signup(
			`Inscrivez-vous à notre lettre d'information, une fois par mois. <a href="/confidentialite">Confidentialité</a>`,
		),
		// "here" made meaningful by its sentence
		signup(
			`We sturen je onze nieuwsbrief. Hoe we met je gegevens omgaan lees je in onze privacyverklaring, <a href="https://x.nl/p">hier</a>.`,
		),
		// a privacy URL behind a template variable
		signup(`To send you our newsletter. <a href="{{ privacy_url }}">More</a>`),
		// traps: a log-in form collects nothing new; a search box is no sign-up form
		page(
			`<form><input type="email" name="email"><input type="password" name="pw"><label><input type="checkbox" checked name="r"> Remember me</label><button>Log in</button></form>`,
		),
		page(`<form action="/zoeken" role="search"><input type="search" name="q"><button>Zoek</button></form>`),
		// no form: the rule does nothing (mails are other rules' business)
		page(`<p>Nieuwsbrief</p>`),
	],
	invalid: [
		// the example is written in the page's language: German text, French lang attribute
		{
			code: signup(`Jetzt zum Newsletter anmelden und keine Aktion mehr verpassen!`),
			errors: [
				{
					messageId: "noPrivacyLinkOrPurpose",
					data: {
						purpose: "Wir verwenden Ihre E-Mail-Adresse nur, um Ihnen unseren monatlichen Newsletter zu senden.",
						privacy: "Lesen Sie unsere Datenschutzerklärung.",
					},
				},
			],
		},
		{
			code: signup(`Abonnez-vous !`).replace("<html>", '<html lang="fr">'),
			errors: [
				{
					messageId: "noPrivacyLinkOrPurpose",
					data: {
						purpose: "Nous utilisons votre adresse e-mail uniquement pour vous envoyer notre newsletter mensuelle.",
						privacy: "Lisez notre politique de confidentialité.",
					},
				},
			],
		},
		invalid(signup(`Meld je aan voor de nieuwsbrief.`), "noPrivacyLinkOrPurpose"),
		invalid(signup(`We sturen je één keer per maand onze nieuwsbrief.`), "noPrivacyLink"),
		invalid(signup(`Sign up for our newsletter. <a href="/privacy">Privacy policy</a>`), "noPurpose"),
		invalid(
			signup(`Jetzt zum Newsletter anmelden.`, `<a href="https://x.de/datenschutz">Datenschutz</a>`),
			"noPurpose",
		),
		invalid(signup(`Pour vous envoyer notre lettre d'information.`), "noPrivacyLink"),
		// traps: "we use cookies" is not a purpose; a frequency without a newsletter says nothing about the address
		invalid(signup(`Join us! We use cookies to improve this site. <a href="/privacy">Privacy policy</a>`), "noPurpose"),
		invalid(signup(`Elke vrijdag open tot 21 uur. <a href="/privacy">Privacyverklaring</a>`), "noPurpose"),
		// a contact form also needs the notice
		invalid(
			page(
				`<h2>Contact</h2>\n<form><input name="naam"><input type="tel" name="telefoon"><textarea name="vraag"></textarea><button>Verstuur</button></form>`,
			),
			"noPrivacyLinkOrPurpose",
		),
		// an unsubscribe link is not a privacy link
		invalid(signup(`We send you our weekly newsletter.`, `<a href="/unsubscribe">Unsubscribe</a>`), "noPrivacyLink"),
	],
});

mjml.run("form-privacy-notice (mjml mj-raw)", rule as never, {
	valid: [
		`<mjml><mj-body><mj-text>We sturen je onze nieuwsbrief. <a href="https://x.nl/privacy">Privacy</a></mj-text><mj-raw><form><input type="email" name="e"></form></mj-raw></mj-body></mjml>`,
	],
	invalid: [
		(() => {
			const code = `<mjml><mj-body><mj-raw>\n<form><input type="email" name="e"></form></mj-raw></mj-body></mjml>`;
			return invalid(code, "noPrivacyLinkOrPurpose");
		})(),
	],
});
