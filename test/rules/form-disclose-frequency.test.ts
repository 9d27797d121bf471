import { RuleTester } from "eslint";
import plugin from "../../plugin/index.js";
import rule from "../../rules/form-disclose-frequency.js";
import { at, page } from "./form-helpers.js";

const html = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/html" });

const signup = (text: string) =>
	page(
		`<div class="signup">\n<h2>${text}</h2>\n<form action="https://x.nl/s"><input type="email" name="email"><button>OK</button></form>\n</div>`,
	);

function invalid(code: string, messageId: "noFrequency" | "noUnsubscribe" | "noFrequencyOrUnsubscribe") {
	return { code, errors: [{ messageId, ...at(code, "<form") }] };
}

html.run("form-disclose-frequency", rule as never, {
	valid: [
		// the suggested wording, in each language, satisfies the rule itself
		signup(`Newsletter: Once a month. You can unsubscribe at any time.`),
		signup(`Nieuwsbrief: Eén keer per maand. Je kunt je altijd afmelden.`),
		signup(`Newsletter: Einmal im Monat. Sie können sich jederzeit abmelden.`),
		signup(`Newsletter : Une fois par mois. Vous pouvez vous désabonner à tout moment.`),
		signup("Onze nieuwsbrief komt 1× per maand. Je kunt je altijd afmelden."),
		signup("Our weekly newsletter. Unsubscribe at any time."),
		signup("Unser Newsletter erscheint monatlich. Abmeldung jederzeit möglich."),
		signup("Notre lettre d'information hebdomadaire. Vous pouvez vous désabonner à tout moment."),
		// the frequency may sit in the consent label
		page(
			`<form><input type="email" name="e"><label><input type="checkbox" name="nb"> Stuur mij de wekelijkse nieuwsbrief; afmelden kan altijd</label></form>`,
		),
		// traps: a contact form is not a newsletter form; nor is a login form or an order form with an opt-in box
		page(
			`<h2>Contact</h2><form><input type="email" name="email"><input type="tel" name="tel"><textarea name="m"></textarea></form>`,
		),
		page(
			`<form><input type="email" name="email"><input type="password" name="pw"><label><input type="checkbox" name="r" checked> Remember me</label><button>Sign in</button></form>`,
		),
		page(
			`<h2>Afrekenen</h2><form><input type="email" name="email"><label><input type="checkbox" name="nb"> Ook de nieuwsbrief ontvangen</label></form>`,
		),
	],
	invalid: [
		// the example is written in the page's language, not in English or Dutch
		{
			code: signup(`Melden Sie sich für unseren Newsletter an und verpassen Sie keine Aktion mehr`),
			errors: [
				{
					messageId: "noFrequencyOrUnsubscribe",
					data: { frequency: "Einmal im Monat.", unsubscribe: "Sie können sich jederzeit abmelden." },
				},
			],
		},
		invalid(signup("Schrijf je in voor onze nieuwsbrief"), "noFrequencyOrUnsubscribe"),
		invalid(signup("Onze nieuwsbrief, maandelijks in je mailbox"), "noUnsubscribe"),
		invalid(signup("Join our newsletter. You can unsubscribe at any time."), "noFrequency"),
		invalid(signup("Jetzt für den Newsletter anmelden"), "noFrequencyOrUnsubscribe"),
		invalid(signup("Abonnez-vous à notre newsletter, chaque mois"), "noUnsubscribe"),
		invalid(signup("Get marketing e-mails from us"), "noFrequencyOrUnsubscribe"),
	],
});
