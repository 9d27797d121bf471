import { RuleTester } from "eslint";
import plugin from "../../plugin/index.js";
import rule from "../../rules/no-bundled-consent.js";
import { at, page, shown } from "./form-helpers.js";

const html = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/html" });

const form = (label: string) =>
	page(
		`<form action="https://x.nl/s">\n<input type="email" name="email">\n<label><input type="checkbox" name="c"> ${label}</label>\n</form>`,
	);

function invalid(label: string, messageId: "withThirdParty" | "withAcceptance") {
	const code = form(label);
	return { code, errors: [{ messageId, data: { label: shown(label) }, ...at(code, `<input type="checkbox"`) }] };
}

html.run("no-bundled-consent", rule as never, {
	valid: [
		// one purpose per box
		form("Ja, ik wil de nieuwsbrief ontvangen"),
		form("I want to receive offers from our partners"),
		form("Ik wil aanbiedingen van onze partners ontvangen"),
		form("Je souhaite recevoir les offres de nos partenaires"),
		form("Ich akzeptiere die AGB"),
		form("J'accepte les conditions générales"),
		// a privacy link in the consent label informs; it is not acceptance
		form(`Ja, stuur mij de nieuwsbrief. Lees onze <a href="/privacy">privacyverklaring</a>.`),
		form(`Send me the newsletter. See our <a href="/privacy">privacy policy</a>.`),
		// separate boxes for separate purposes
		page(
			`<form><input type="email" name="e"><label><input type="checkbox" name="a"> Newsletter</label><label><input type="checkbox" name="b"> I agree to the terms and conditions</label></form>`,
		),
		// a declining box
		form("Ik wil geen nieuwsbrief en geen aanbiedingen van partners"),
		// not a sign-up form
		page(`<form><label><input type="checkbox" name="c"> I agree to the terms and want the newsletter</label></form>`),
	],
	invalid: [
		invalid(
			"Ja, ik wil de nieuwsbrief en aanbiedingen van zorgvuldig geselecteerde partners ontvangen",
			"withThirdParty",
		),
		invalid("Ik ga akkoord met de algemene voorwaarden en wil de nieuwsbrief ontvangen", "withAcceptance"),
		invalid("I agree to the Terms and Privacy Policy and to receive marketing emails", "withAcceptance"),
		invalid("Send me the newsletter and share my details with selected third parties", "withThirdParty"),
		invalid("I am over 16 and would like to receive special offers", "withAcceptance"),
		invalid("Send me offers and share my details with carefully selected partners", "withThirdParty"),
		invalid("Stuur mij aanbiedingen en geef mijn gegevens door aan partners", "withThirdParty"),
		invalid(
			"Ich willige ein, den Newsletter zu erhalten und dass meine Daten an Partner weitergegeben werden",
			"withThirdParty",
		),
		invalid("Ich akzeptiere die Datenschutzerklärung und möchte Angebote per E-Mail erhalten", "withAcceptance"),
		invalid("J'accepte les CGV et de recevoir la newsletter", "withAcceptance"),
		invalid("Je souhaite recevoir la lettre d'information et les offres de vos partenaires", "withThirdParty"),
	],
});
