import { RuleTester } from "eslint";
import plugin from "../../plugin/index.js";
import rule from "../../rules/no-prechecked-consent.js";
import { at, page } from "./form-helpers.js";

const html = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/html" });
const mjml = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/mjml" });

const form = (box: string) =>
	page(`<form action="https://x.nl/s">\n<input type="email" name="email">\n${box}\n<button>OK</button>\n</form>`);

function invalid(
	code: string,
	messageId: "prechecked" | "templateChecked",
	label: string,
	needle = '<input type="checkbox"',
) {
	return { code, errors: [{ messageId, data: { label }, ...at(code, needle) }] };
}

html.run("no-prechecked-consent", rule as never, {
	valid: [
		// unticked consent, in four languages
		form(`<label><input type="checkbox" name="nb"> Ja, stuur mij de nieuwsbrief</label>`),
		form(`<label><input type="checkbox" name="nb"> Send me special offers</label>`),
		form(`<label><input type="checkbox" name="nb"> Ich möchte den Newsletter erhalten</label>`),
		form(`<label><input type="checkbox" name="nb"> J'accepte de recevoir les offres de nos partenaires</label>`),
		// traps: a ticked box that is not consent
		page(
			`<form><input type="email" name="email"><input type="password" name="pw"><label><input type="checkbox" name="remember" checked> Onthoud mij</label><button>Inloggen</button></form>`,
		),
		page(
			`<form><input type="email" name="email"><input type="password" name="pw"><label><input type="checkbox" name="rememberMe" checked> Remember me</label><button>Sign in</button></form>`,
		),
		form(`<label><input type="checkbox" name="same_as_billing" checked> Same as billing address</label>`),
		form(`<label><input type="checkbox" name="zelfde" checked> Bezorgadres is hetzelfde als factuuradres</label>`),
		// a ticked box that declines
		form(`<label><input type="checkbox" name="no_newsletter" checked> Ik wil geen nieuwsbrief ontvangen</label>`),
		form(`<label><input type="checkbox" name="optout" checked> Je ne souhaite pas recevoir d'offres</label>`),
		// a yes/no group with "no" preselected
		form(
			`<input type="radio" name="newsletter" value="yes" id="y"><label for="y">Ja</label><input type="radio" name="newsletter" value="no" id="n" checked><label for="n">Nee</label>`,
		),
		// a search box with a ticked filter: not a sign-up form at all
		page(
			`<form role="search"><input type="search" name="q"><label><input type="checkbox" name="offers" checked> Only offers</label></form>`,
		),
		// no form collecting contact details: the rule does nothing
		page(`<form><label><input type="checkbox" name="newsletter" checked> Newsletter</label></form>`),
		// a preference page restores the subscriber's own choice under a template condition: Liquid, Handlebars, Mailchimp, Jinja, nl/en/de/fr
		form(
			`<label><input type="checkbox" name="nb" {% if customer.accepts_marketing %}checked{% endif %}> Nieuwsbrief</label>`,
		),
		form(
			`<label><input type="checkbox" name="offers" {{#if prefs.offers}}checked{{/if}}> Send me special offers</label>`,
		),
		form(
			`<label><input type="checkbox" name="angebote" *|IF:ANGEBOTE|*checked*|END:IF|*> Ich möchte Angebote per E-Mail erhalten</label>`,
		),
		form(
			`<label><input type="checkbox" name="offres" {% if contact.offres == "oui" %}checked{% endif %}> Je souhaite recevoir les offres de nos partenaires</label>`,
		),
		// Vue/Angular bindings are not HTML `checked`
		form(`<label><input type="checkbox" name="nb" :checked="false"> Nieuwsbrief</label>`),
	],
	invalid: [
		invalid(
			form(`<label><input type="checkbox" name="nb" checked> Ja, stuur mij de nieuwsbrief</label>`),
			"prechecked",
			"Ja, stuur mij de nieuwsbrief",
		),
		invalid(
			form(
				`<label><input type="checkbox" name="x" checked="checked"> Keep me posted on news and special offers</label>`,
			),
			"prechecked",
			"Keep me posted on news and special offers",
		),
		invalid(
			form(
				`<input type="checkbox" id="w" name="x" checked><label for="w">Ich möchte Angebote per E-Mail erhalten</label>`,
			),
			"prechecked",
			"Ich möchte Angebote per E-Mail erhalten",
		),
		invalid(
			form(
				`<label><input type="checkbox" name="x" checked> J'accepte que mes données soient transmises à des tiers</label>`,
			),
			"prechecked",
			"J'accepte que mes données soient transmises à des tiers",
		),
		// "checked=false" is still checked in HTML
		invalid(
			form(`<label><input type="checkbox" name="nb" checked="false"> Nieuwsbrief</label>`),
			"prechecked",
			"Nieuwsbrief",
		),
		// the name says consent, the label does not
		invalid(
			form(`<p><input type="checkbox" name="EMAIL_OPTIN" checked> <span>Ja graag!</span></p>`),
			"prechecked",
			"Ja graag!",
		),
		invalid(form(`<input type="checkbox" name="acceptsMarketing" checked>`), "prechecked", "name=acceptsMarketing"),
		// template logic
		invalid(
			form(`<label><input type="checkbox" name="nb" {{ checked }}> Newsletter</label>`),
			"templateChecked",
			"Newsletter",
		),
		// a negative condition ticks the box for everyone without a stored value: every new visitor
		invalid(
			form(`<label><input type="checkbox" name="nb" {{#unless prefs.optedOut}}checked{{/unless}}> Newsletter</label>`),
			"templateChecked",
			"Newsletter",
		),
		invalid(
			form(`<label><input type="checkbox" name="nb" *|IFNOT:OPTOUT|*checked*|END:IF|*> Nieuwsbrief</label>`),
			"templateChecked",
			"Nieuwsbrief",
		),
		invalid(
			form(`<label><input type="checkbox" name="nb" checked="{{ optin }}"> Newsletter</label>`),
			"templateChecked",
			"Newsletter",
		),
		// a yes/no group with "yes" preselected
		invalid(
			form(
				`<input type="radio" name="newsletter" value="ja" id="y" checked><label for="y">Ja</label><input type="radio" name="newsletter" value="nee" id="n"><label for="n">Nee</label>`,
			),
			"prechecked",
			"Ja",
			`<input type="radio"`,
		),
		// a login form does not hide a ticked marketing box
		invalid(
			page(
				`<form><input type="email" name="email"><input type="password" name="pw">\n<label><input type="checkbox" name="nb" checked> Stuur mij aanbiedingen</label><button>Inloggen</button></form>`,
			),
			"prechecked",
			"Stuur mij aanbiedingen",
		),
	],
});

mjml.run("no-prechecked-consent (mjml mj-raw)", rule as never, {
	valid: [
		`<mjml><mj-body><mj-raw><form><input type="email" name="e"><label><input type="checkbox" name="nb"> Nieuwsbrief</label></form></mj-raw></mj-body></mjml>`,
	],
	invalid: [
		(() => {
			const code = `<mjml><mj-body><mj-raw>\n<form><input type="email" name="e">\n<label><input type="checkbox" name="nb" checked> Newsletter</label></form></mj-raw></mj-body></mjml>`;
			return {
				code,
				errors: [{ messageId: "prechecked", data: { label: "Newsletter" }, ...at(code, `<input type="checkbox"`) }],
			};
		})(),
	],
});
