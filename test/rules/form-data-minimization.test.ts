import { RuleTester } from "eslint";
import plugin from "../../plugin/index.js";
import rule from "../../rules/form-data-minimization.js";
import { at, page } from "./form-helpers.js";

const html = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/html" });

const newsletter = (fields: string, heading = "Nieuwsbrief") =>
	page(
		`<h2>${heading}</h2>\n<form action="https://x.nl/s">\n<input type="email" name="email" required>\n${fields}\n<button>OK</button></form>`,
	);

function excessive(code: string, what: string, label: string, needle: string) {
	return { code, errors: [{ messageId: "excessive", data: { what, label }, ...at(code, needle) }] };
}

html.run("form-data-minimization", rule as never, {
	valid: [
		// e-mail required, the rest optional
		newsletter(
			`<label>Voornaam <input name="voornaam" required></label><label>Geboortedatum <input type="date" name="geboortedatum"></label>`,
		),
		newsletter(`<input type="tel" name="phone" placeholder="Phone (optional)">`, "Newsletter"),
		newsletter(`<input name="gender" aria-required="false" placeholder="Gender">`, "Newsletter"),
		// an SMS newsletter needs the phone number
		page(`<h2>SMS-nieuwsbrief</h2><form><input type="tel" name="mobiel" required></form>`),
		// traps: a contact form may require a phone number; so may an order form
		page(
			`<h2>Contact</h2><form><input type="email" name="email" required><input type="tel" name="telefoon" required><textarea name="bericht" required></textarea></form>`,
		),
		page(
			`<h2>Bestellen</h2><form><input type="email" name="email" required><input name="straat" required placeholder="Straat"><input name="postcode" required placeholder="Postcode"><label><input type="checkbox" name="nb"> Ook de nieuwsbrief</label></form>`,
		),
		// a required consent checkbox is not a personal-data field
		newsletter(`<label><input type="checkbox" name="ok" required> Ik ben 16 jaar of ouder</label>`),
		// the e-mail field called "E-mail adres" is not a postal address
		newsletter(`<label>E-mail adres <input name="mail2" required></label>`),
		// no sign-up form at all
		page(`<form><input name="geboortedatum" required></form>`),
	],
	invalid: [
		excessive(
			newsletter(`<label>Geboortedatum <input type="date" name="gd" required></label>`),
			"a birth date",
			"Geboortedatum",
			`<input type="date"`,
		),
		excessive(
			newsletter(`<input type="tel" name="phone" required placeholder="Phone">`, "Newsletter"),
			"a phone number",
			"Phone",
			`<input type="tel"`,
		),
		excessive(
			newsletter(`<input name="dateOfBirth" required>`, "Newsletter"),
			"a birth date",
			"name=dateOfBirth",
			`<input name="dateOfBirth"`,
		),
		excessive(
			newsletter(
				`<label for="s">Straße und Hausnummer</label><input id="s" name="f3" aria-required="true">`,
				"Newsletter abonnieren",
			),
			"a postal address",
			"Straße und Hausnummer",
			`<input id="s"`,
		),
		excessive(
			newsletter(`<select name="sexe" required><option>Femme</option></select>`, "Lettre d'information"),
			"a gender",
			"name=sexe",
			`<select`,
		),
		// a radio group is reported once
		excessive(
			newsletter(
				`<label><input type="radio" name="geslacht" value="m" required> Man</label><label><input type="radio" name="geslacht" value="v" required> Vrouw</label>`,
			),
			"a gender",
			"Man",
			`<input type="radio"`,
		),
		// extra wording from the options
		{
			code: newsletter(`<input name="klantnummer" placeholder="Klantnummer" required>`),
			options: [{ fields: ["klantnummer", "loyalty card*"] }],
			errors: [{ messageId: "custom", data: { label: "Klantnummer" } }],
		},
		// a BSN is reported in any form, required or not
		{
			code: page(
				`<h2>Contact</h2><form><input type="email" name="email"><label>BSN <input name="bsn"></label><textarea name="m"></textarea></form>`,
			),
			errors: [{ messageId: "bsn", data: { label: "BSN" } }],
		},
		{
			code: newsletter(`<input name="burgerservicenummer" placeholder="Burgerservicenummer" required>`),
			errors: [{ messageId: "bsn", data: { label: "Burgerservicenummer" } }],
		},
	],
});
