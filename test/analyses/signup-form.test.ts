import { describe, expect, test } from "vitest";
import { templateSource } from "../helpers/template.js";
import { analyseSignupForms, findSignupForms, isSignupPage } from "../../src/analyses/signup-form.js";
import { findPageRoot } from "../../src/analyses/document.js";
import { fieldNameWords, saysFrequency } from "../../src/lexicons/form-wording.js";

const page = (body: string) => `<!DOCTYPE html>\n<html><body>\n${body}\n</body></html>`;
const forms = (code: string, format: "html" | "mjml" = "html") =>
	analyseSignupForms(templateSource(code, format)).forms;

describe("sign-up form detection", () => {
	test.each([
		["type=email", `<input type="email" name="x">`, "email"],
		["type=tel", `<input type="tel" name="x">`, "phone"],
		["name", `<input name="EMAIL">`, "email"],
		["label for (nl)", `<label for="a">E-mailadres</label><input id="a" name="veld1">`, "email"],
		["wrapping label (de)", `<label>Ihre E-Mail-Adresse <input name="f1"></label>`, "email"],
		["placeholder (fr)", `<input name="f1" placeholder="Votre courriel">`, "email"],
		["aria-label (en)", `<input name="f1" aria-label="Phone number">`, "phone"],
		["aria-labelledby (nl)", `<span id="l">Telefoonnummer</span><input name="f1" aria-labelledby="l">`, "phone"],
		["placeholder (de phone)", `<input type="text" name="f1" placeholder="Handynummer">`, "phone"],
		["label (fr phone)", `<label for="t">Numéro de téléphone</label><input id="t" name="f2">`, "phone"],
	])("%s", (_name, field, kind) => {
		const found = forms(page(`<form action="https://x.nl/s">${field}<button>OK</button></form>`));
		expect(found).toHaveLength(1);
		expect(found[0]!.collects).toEqual([kind]);
	});

	test.each([
		["a search box", `<form role="search"><input type="search" name="q" placeholder="Zoeken"></form>`],
		[
			"a search box named q with e-mail in its placeholder",
			`<form action="/search"><input type="text" name="q" placeholder="Search e-mail templates"></form>`,
		],
		["a checkbox labelled e-mail", `<form><label><input type="checkbox" name="c"> E-mail me</label></form>`],
		["a hidden field named email", `<form><input type="hidden" name="email" value="x"></form>`],
		["no form at all", `<p>Mail ons: <a href="mailto:info@x.nl">info@x.nl</a>, telefoon 020-1234567</p>`],
	])("ignores %s", (_name, body) => {
		const source = templateSource(page(body));
		expect(findSignupForms(source)).toEqual([]);
		expect(isSignupPage(source)).toBe(false);
		// Not a sign-up page; in a mail (a mail marker) it is judged as one. (A bare page with a form is a web page: web-page.ts.)
		const mail = `<!DOCTYPE html>\n<html><head><meta name="x-apple-disable-message-reformatting"></head><body>\n${body}\n</body></html>`;
		expect(findPageRoot(templateSource(mail))).toBeDefined();
	});

	test("finds a form in mj-raw in MJML, and the document is then not a mail", () => {
		const source = templateSource(
			`<mjml><mj-body><mj-section><mj-column><mj-raw><form><input type="email" name="e"></form></mj-raw></mj-column></mj-section></mj-body></mjml>`,
			"mjml",
		);
		expect(findSignupForms(source)).toHaveLength(1);
		expect(findPageRoot(source)).toBeUndefined();
	});

	test("a comment overrides the classification, in either direction", () => {
		const withForm = page(`<form><input type="email" name="e"></form>`);
		expect(isSignupPage(templateSource(withForm))).toBe(true);
		const declaredMail = templateSource(`<!-- mailcomply: mail -->\n${withForm}`);
		expect(isSignupPage(declaredMail)).toBe(false);
		expect(findPageRoot(declaredMail)).toBeDefined();
		// the form is still a form: the form rules keep checking it
		expect(findSignupForms(declaredMail)).toHaveLength(1);
		const declaredPage = templateSource(`<!--  mailcomply:  SIGNUP-PAGE  -->\n${page("<p>Widget loads here</p>")}`);
		expect(isSignupPage(declaredPage)).toBe(true);
		expect(findPageRoot(declaredPage)).toBeUndefined();
		// other comments do not count
		expect(isSignupPage(templateSource(`<!-- mailcomply signup page -->\n${page("<p>x</p>")}`))).toBe(false);
	});
});

describe("form purpose", () => {
	test("a log-in form with remember-me is a login form", () => {
		const [form] = forms(
			page(
				`<form><input type="email" name="email"><input type="password" name="pw"><label><input type="checkbox" name="remember" checked> Onthoud mij</label><button>Inloggen</button></form>`,
			),
		);
		expect(form!.purpose).toBe("login");
	});
	test("a registration with a password is not a login form", () => {
		const [form] = forms(
			page(
				`<form><input type="email" name="email"><input type="password" name="pw" autocomplete="new-password"><button>Create account</button></form>`,
			),
		);
		expect(form!.purpose).toBe("other");
	});
	test("a newsletter form is told by its heading near the form", () => {
		const [form] = forms(
			page(
				`<section><h2>Schrijf je in voor onze nieuwsbrief</h2><form><input type="email" name="e"><button>Aanmelden</button></form></section>`,
			),
		);
		expect(form!.purpose).toBe("newsletter");
		expect(form!.nearbyText).toContain("nieuwsbrief");
	});
	test("a contact form with a newsletter opt-in box is not a newsletter form", () => {
		const [form] = forms(
			page(
				`<form><input type="text" name="naam"><input type="tel" name="telefoon" required><label><input type="checkbox" name="nb"> Stuur mij ook de nieuwsbrief</label><button>Verstuur</button></form>`,
			),
		);
		expect(form!.purpose).toBe("other");
	});
	test("a form with a message field is a contact form", () => {
		const [form] = forms(
			page(`<h2>Newsletter</h2><form><input type="email" name="e"><textarea name="msg"></textarea></form>`),
		);
		expect(form!.purpose).toBe("other");
	});
	test("text beside another form is not near this one", () => {
		const found = forms(
			page(
				`<div><h2>Contact</h2><form><input type="email" name="a"><textarea name="m"></textarea></form></div><div><h2>Newsletter, weekly</h2><form><input type="email" name="b"></form></div>`,
			),
		);
		expect(found[0]!.nearbyText).not.toContain("weekly");
		expect(found[1]!.nearbyText).toContain("weekly");
	});
	test("checked states: default, conditional, template, none", () => {
		const [form] = forms(
			page(
				`<form><input type="email" name="e"><input type="checkbox" name="a" checked><input type="checkbox" name="b" {% if x %}checked{% endif %}><input type="checkbox" name="c" {{ checked }}><input type="checkbox" name="d" checked="{{ c }}"><input type="checkbox" name="u" {% unless x %}checked{% endunless %}><input type="checkbox" name="e2"></form>`,
			),
		);
		expect(form!.fields.filter((field) => field.type === "checkbox").map((field) => field.checked)).toEqual([
			"default",
			"conditional",
			"template",
			"template",
			"template",
			false,
		]);
	});
	test("required fields", () => {
		const [form] = forms(
			page(
				`<form><input type="email" name="e" required><input name="a" aria-required="true"><input name="b" aria-required="false"></form>`,
			),
		);
		expect(form!.fields.map((field) => field.required)).toEqual([true, true, false]);
	});
});

describe("wording helpers", () => {
	test.each([
		"wekelijks",
		"1× per maand",
		"2x per week",
		"maximaal 4 e-mails per maand",
		"monthly",
		"once a week",
		"monatlich",
		"einmal im Monat",
		"hebdomadaire",
		"chaque mois",
		"2 fois par mois",
	])("frequency: %s", (text) => {
		expect(saysFrequency(`Onze nieuwsbrief: ${text}.`)).toBe(true);
	});
	test.each(["Schrijf je in", "Subscribe now", "Jetzt anmelden", "Inscrivez-vous", "€ 5 korting"])(
		"no frequency: %s",
		(text) => {
			expect(saysFrequency(text)).toBe(false);
		},
	);
	test("field names as words", () => {
		expect(fieldNameWords("dateOfBirth")).toBe("date Of Birth");
		expect(fieldNameWords("address_line1")).toBe("address line 1");
		expect(fieldNameWords("fields[geboortedatum]")).toBe("fields geboortedatum");
	});
});
