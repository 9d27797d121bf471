import { RuleTester } from "eslint";
import { withAudience } from "../helpers/audience.js";
import plugin from "../../plugin/index.js";
import rule from "../../rules/require-company-number.js";

const html = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/html" });
const mjml = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/mjml" });

const page = (body: string) => `<!DOCTYPE html>\n<html><body>\n${body}\n</body></html>`;
const mail = (text: string) =>
	`<mjml>\n<mj-body>\n<mj-section><mj-column>\n<mj-text>${text}</mj-text>\n</mj-column></mj-section>\n</mj-body>\n</mjml>`;
const campaign = (facts: Record<string, unknown>) => ({
	mailcomply: { campaign: { kind: "transactional", ...facts } },
});
const transactional = campaign({});
const ORDER = `<p>Je bestelling 1042 is verzonden.</p>`;

html.run(
	"require-company-number (html)",
	rule as never,
	withAudience(["NL"], {
		valid: [
			// the ways Dutch footers write it
			...[
				"KvK 12345678",
				"KvK: 12345678",
				"KvK-nummer: 12345678",
				"KvK nr. 12345678",
				"K.v.K. 12345678",
				"Kamer van Koophandel 12345678",
				"KvK 1234 5678",
				"Chamber of Commerce 12345678",
				"CoC no. 12345678",
				"KvK: {{ company.kvk }}",
				"KvK *|KVK|*",
				"Registered under {{ sender.companyNumber }}",
			].map((footer) => ({
				code: page(`${ORDER}\n<p>Bakkerij de Vries B.V. · ${footer}</p>`),
				settings: transactional,
			})),
			// marketing mail is exempt (advertisements), unless reportMarketing is on
			page(`<p>20% korting op taarten</p>`),
			{ code: page(`<p>20% korting</p>`), settings: { mailcomply: { campaign: { kind: "marketing" } } } },
			// not a Dutch audience
			{ code: page(ORDER), settings: campaign({ audience: { countries: ["GB"] } }) },
			// the duty binds enterprises in the Dutch register, not senders abroad mailing Dutch recipients: a US sender's own address says so
			{
				code: page(
					`<p>Your order 1042 has shipped.</p><p>Northbound Goods · 548 Market St · San Francisco, CA 94104</p>`,
				),
				settings: campaign({ audience: { countries: ["NL"] } }),
			},
			{ code: page(ORDER), settings: transactional, options: [{ countries: ["DE", "US"] }] },
			// Dutch recipients among others say nothing about the sender: an English receipt to NL, DE, US and GB with no Dutch sign
			{
				code: page(`<p>Your receipt, order #12345.</p><p>Questions? Reply to this email.</p>`),
				settings: campaign({ audience: { countries: ["NL", "DE", "US", "GB"] } }),
			},
			{
				code: page(`<p>Ihre Bestellung 1042 wurde versandt.</p>`),
				settings: campaign({ audience: { countries: ["NL", "DE"] } }),
			},
			// the sidecar's number counts when the user says the ESP appends it
			{
				code: page(ORDER),
				settings: campaign({ sender: { companyNumber: "12345678" } }),
				options: [{ acceptSidecarNumber: true }],
			},
			// the shown number matches the sidecar
			{ code: page(`${ORDER}\n<p>KvK 1234 5678</p>`), settings: campaign({ sender: { companyNumber: "12345678" } }) },
			// a partial, and SMS
			{ code: `<table><tr><td>Footer</td></tr></table>`, settings: transactional },
			{ code: page(ORDER), settings: campaign({ channel: "sms" }) },
			// the register's own wording, nl/en
			{
				code: page(
					`${ORDER}\n<p>Bloemenhuis De Linde B.V. is ingeschreven in het Handelsregister van de Kamer van Koophandel onder nummer 87654321.</p>`,
				),
				settings: transactional,
			},
			{ code: page(`${ORDER}\n<p>Ingeschreven bij de KvK onder nr. 8765 4321</p>`), settings: transactional },
			{
				code: page(`${ORDER}\n<p>Registered with the Dutch Chamber of Commerce under number 87654321.</p>`),
				settings: transactional,
			},
			// a company registered in another country has no KvK number to show: Belgian (nl/fr/de), German, French
			{
				code: page(`${ORDER}\n<p>Tuincentrum De Linde BV · Ondernemingsnummer BE0123.456.789 · RPR Gent</p>`),
				settings: transactional,
			},
			{
				code: page(`${ORDER}\n<p>Jardinerie Dupont SRL – numéro d'entreprise 0123.456.789 – RPM Bruxelles</p>`),
				settings: transactional,
			},
			{ code: page(`${ORDER}\n<p>BTW BE 0123 456 789</p>`), settings: transactional },
			{ code: page(`${ORDER}\n<p>Handelsregister: Amtsgericht München HRB 12345</p>`), settings: transactional },
			{ code: page(`${ORDER}\n<p>Jardinerie Dupont SAS, RCS Lyon 123 456 789</p>`), settings: transactional },
			{ code: page(ORDER), settings: campaign({ sender: { companyNumber: "BE0123.456.789" } }) },
		],
		invalid: [
			{
				code: page(ORDER),
				settings: transactional,
				errors: [{ messageId: "missing", data: { example: "<your 8-digit number>", hint: "" }, line: 2, column: 7 }],
			},
			// a sidecar number is not in the mail: reported, with the number as the fix
			{
				code: page(ORDER),
				settings: campaign({ sender: { companyNumber: "87654321" } }),
				errors: [
					{
						messageId: "missing",
						data: { example: "87654321", hint: " (the sidecar's number is not part of the mail)" },
					},
				],
			},
			// a Dutch address, or a declared KvK number despite a foreign address, keeps the duty
			{
				code: page(`${ORDER}<p>Bakkerij de Vries B.V. · Dorpsstraat 1 · 3511 AB Utrecht</p>`),
				settings: campaign({ audience: { countries: ["NL"] } }),
				errors: [{ messageId: "missing" }],
			},
			{
				code: page(
					`<p>Your order 1042 has shipped.</p><p>Northbound Goods · 548 Market St · San Francisco, CA 94104</p>`,
				),
				settings: campaign({ audience: { countries: ["NL"] }, sender: { companyNumber: "87654321" } }),
				errors: [{ messageId: "missing" }],
			},
			// NL + US campaign: the Dutch duty applies to a sender the mail shows to be Dutch (a Dutch mail, a Dutch address, a B.V.)
			{
				code: page(ORDER).replace("<html>", '<html lang="nl">'),
				settings: campaign({ audience: { countries: ["US", "NL"] } }),
				errors: [{ messageId: "missing" }],
			},
			{
				code: page(
					`<p>Je bestelling 1042 is verzonden. Je vindt de code van de pakketdienst in deze mail, bij je bestelling.</p>`,
				),
				settings: campaign({ audience: { countries: ["US", "NL"] } }),
				errors: [{ messageId: "missing" }],
			},
			{
				code: page(`<p>Your order 1042 has shipped.</p><p>Dorpsstraat 1, 3511 AB Utrecht</p>`),
				settings: campaign({ audience: { countries: ["NL", "DE", "US"] } }),
				errors: [{ messageId: "missing" }],
			},
			{
				code: page(`<p>Your order 1042 has shipped.</p><p>Northwind B.V.</p>`),
				settings: campaign({ audience: { countries: ["NL", "GB"] } }),
				errors: [{ messageId: "missing" }],
			},
			{
				code: page(`<p>Your receipt, order #12345.</p>`),
				settings: campaign({ audience: { countries: ["NL", "GB"] }, language: "nl" }),
				errors: [{ messageId: "missing" }],
			},
			// marketing mail, reported only when the user opts in
			{
				code: page(`<p>20% korting</p>`),
				options: [{ reportMarketing: true }],
				errors: [{ messageId: "missingMarketing", data: { example: "<your 8-digit number>", hint: "" } }],
			},
			// a wrong digit count
			{
				code: page(`${ORDER}\n<p>KvK 1234567</p>`),
				settings: transactional,
				errors: [
					{
						messageId: "malformed",
						data: { written: "KvK 1234567", count: "7", example: "<your 8-digit number>" },
						line: 4,
						column: 1,
					},
				],
			},
			// the mail and the sidecar disagree
			{
				code: page(`${ORDER}\n<p>KvK 11112222</p>`),
				settings: campaign({ sender: { companyNumber: "12345678" } }),
				errors: [{ messageId: "mismatch", data: { shown: "11112222", declared: "12345678" }, line: 4, column: 1 }],
			},
			// traps: a number without a label, a VAT number, a postcode, a phone number
			{
				code: page(`${ORDER}\n<p>Order 12345678 · BTW NL123456789B01 · 3511 AB Utrecht · 030 1234567</p>`),
				settings: transactional,
				errors: [{ messageId: "missing" }],
			},
			// "kvk" inside a word does not count
			{
				code: page(`${ORDER}\n<p>Bestel via kvkportal of bel 030 1234567</p>`),
				settings: transactional,
				errors: [{ messageId: "missing" }],
			},
			// "ingeschreven in het Handelsregister" without a number is no number
			{
				code: page(`${ORDER}\n<p>Wij zijn ingeschreven in het Handelsregister van de Kamer van Koophandel.</p>`),
				settings: transactional,
				errors: [{ messageId: "missing" }],
			},
			// hidden from every client
			{
				code: page(`${ORDER}\n<!--[if !mso]><p>KvK 12345678</p><![endif]-->`),
				settings: transactional,
				errors: [{ messageId: "missing" }],
			},
		],
	}),
);

mjml.run(
	"require-company-number (mjml)",
	rule as never,
	withAudience(["NL"], {
		valid: [{ code: mail(`Bakkerij de Vries B.V., KvK 12345678`), settings: transactional }],
		invalid: [
			{
				code: mail(`Je bestelling is onderweg.`),
				settings: transactional,
				errors: [{ messageId: "missing", line: 2, column: 1 }],
			},
		],
	}),
);

// The KvK number is a Dutch duty: without declared countries it is not checked, even in a receipt.
html.run("require-company-number (no audience declared)", rule as never, {
	valid: [
		{
			code: `<!DOCTYPE html>\n<html><body>\n<p>Your receipt, order #12345.</p>\n</body></html>`,
			settings: { mailcomply: { campaign: { kind: "transactional" } } },
		},
	],
	invalid: [
		{
			code: `<!DOCTYPE html>\n<html><body>\n<p>Your receipt, order #12345.</p>\n</body></html>`,
			settings: { mailcomply: { campaign: { kind: "transactional", audience: { countries: ["NL"] } } } },
			errors: [{ messageId: "missing" }],
		},
	],
});
