import { RuleTester } from "eslint";
import plugin from "../../plugin/index.js";
import rule from "../../rules/require-sender-identity.js";
import transactionalRule from "../../rules/require-sender-identity-transactional.js";

const html = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/html" });
const mjml = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/mjml" });

const page = (body: string) => `<!DOCTYPE html>\n<html><body>\n${body}\n</body></html>`;
const mail = (text: string) =>
	`<mjml>\n<mj-body>\n<mj-section><mj-column>\n<mj-text>${text}</mj-text>\n</mj-column></mj-section>\n</mj-body>\n</mjml>`;
const settings = (facts: Record<string, unknown>) => ({ mailcomply: { campaign: { kind: "marketing", ...facts } } });

const BAKKERIJ = { sender: { name: "Bakkerij de Vries B.V." }, audience: { countries: ["NL"] } };
const CONTOSO = {
	sender: { name: "Contoso Outlet Inc.", address: "500 Market Street, San Francisco, CA 94105" },
	audience: { countries: ["US"] },
};
const TEEHAUS = { sender: { name: "Teehaus Berger GmbH" }, audience: { countries: ["DE"] } };
const OFFER = "<p>Voorjaarsactie: 15% korting op taarten.</p>";
/** Dutch recipients: the Dutch act that implements ePrivacy art. 13(4), not the directive. */
const NAME_LAW_NL = "Telecommunicatiewet art. 11.7";

html.run("require-sender-identity (html)", rule as never, {
	valid: [
		// no kind declared and nothing that promotes: marketing by default, but not shown to be a commercial message that owes a postal address
		{
			code: page(`<p>Almost there! Just one more step to go.</p>\n<p>© 2026 Awesome Co</p>`),
			settings: { mailcomply: { campaign: { audience: { countries: ["US", "DE"] } } } },
		},
		// the name, with another case and without the legal form
		{ code: page(`${OFFER}\n<p>Bakkerij De Vries · Kerkstraat 12</p>`), settings: settings(BAKKERIJ) },
		{ code: page(`${OFFER}\n<p>© 2026 BAKKERIJ DE VRIES B.V.</p>`), settings: settings(BAKKERIJ) },
		{
			code: page(`${OFFER}\n<p>Een nieuwsbrief van <strong>Bakkerij de&nbsp;Vries</strong>.</p>`),
			settings: settings(BAKKERIJ),
		},
		// ESP tags that print the organisation's name
		...[
			"*|LIST:COMPANY|*",
			"{{ organization.name }}",
			"{{ site_settings.company_name }}",
			"%%Member_Busname%%",
			"{{ company_name }}",
		].map((tag) => ({
			code: page(`${OFFER}\n<p>${tag}</p>`),
			settings: settings(BAKKERIJ),
		})),
		// No name declared: any name the mail shows is not second-guessed, and NL recipients need no postal address
		...[
			"<p>© 2026 Bakkerij de Vries</p>",
			"<p>(c) 2026 Example</p>",
			"<p>Alle rechten voorbehouden.</p>",
			"<p>Teehaus Berger GmbH</p>",
			"<p>Contoso Outlet Inc.</p>",
			"<p>KvK 12345678</p>",
			"<p>Thanks, the Acme team</p>",
			"<p>Groeten, het team van Bakkerij Jansen</p>",
			"<p>Dein Teehaus-Team</p>",
			"<p>Toute l'équipe Érable</p>",
			"<p>Kerkstraat 12, 1234 AB Amsterdam</p>",
			"<p>[Company Name]</p>",
			"<p>Questions? hello@bakkerij.nl</p>",
			"<p>*|LIST:COMPANY|*</p>",
			'<img src="https://cdn.example.nl/logo.png" alt="Bakkerij de Vries">',
			"<p>Cheers, Merriweather</p>",
			"<p>Thank you for signing up with Merriweather.</p>",
			"<p>Welkom bij Bakkerij Jansen!</p>",
			"<p>Contact: 203 Main St., Mountain View</p>",
			"<p>203 NORTH MAIN STREET, SPRINGFIELD</p>",
			"<p>Kerkstraat 12</p>",
			"<p>Hauptstraße 5</p>",
			"<p>12 rue de la Paix</p>",
		].map((footer) => page(`${OFFER}\n${footer}`)),
		{
			code: page(`${OFFER}\n<p>© Bakkerij de Vries</p>`),
			settings: settings({ audience: { countries: ["NL", "BE", "FR", "GB"] } }),
		},
		// a text logo: a first paragraph of one to three capitalised words
		page(`<p>Elise</p>\n${OFFER}`),
		// US: name and a street address, or an ESP address tag, or a registered P.O. box
		{
			code: page(`<p>Spring sale!</p>\n<p>Contoso Outlet, 500 Market Street, San Francisco, CA 94105</p>`),
			settings: settings(CONTOSO),
		},
		{
			code: page(`<p>Spring sale!</p>\n<p>Contoso Outlet</p><p>P.O. Box 1234</p><p>Austin, TX 78701</p>`),
			settings: settings(CONTOSO),
		},
		...[
			"*|LIST:ADDRESSLINE|*",
			"*|HTML:LIST_ADDRESS_HTML|*",
			"{{ organization.full_address }}",
			"{{ site_settings.company_street_address_1 }}",
			"{{Sender_Address}}",
			"%%Member_Addr%%",
			"%SENDER-INFO-SINGLELINE%",
			"{{ company.address }}",
		].map((tag) => ({
			code: page(`<p>Spring sale!</p>\n<p>Contoso Outlet · ${tag}</p>`),
			settings: settings(CONTOSO),
		})),
		// Canada
		{
			code: page(`<p>Soldes!</p><p>Érable & Cie Ltée, 111 Wellington Street, Ottawa ON K1A 0A9</p>`),
			settings: settings({ sender: { name: "Érable & Cie" }, audience: { countries: ["CA"] } }),
		},
		// Germany: an address, or a link to the web Impressum
		{
			code: page(`<p>Neu: Frühjahrstees</p><p>Teehaus Berger GmbH · Lindenstraße 5 · 10969 Berlin</p>`),
			settings: settings(TEEHAUS),
		},
		{
			code: page(
				`<p>Neu: Frühjahrstees</p><p>Teehaus Berger · <a href="https://www.teehaus-berger.de/impressum">Impressum</a></p>`,
			),
			settings: settings(TEEHAUS),
		},
		// Germany: a P.O. box beside the street address, or with an Impressum link; US and NL mail may show a box only
		{
			code: page(
				`<p>Neu: Frühjahrstees</p><p>Teehaus Berger GmbH · Postfach 10 11 12, 10115 Berlin · Lindenstraße 5, 10969 Berlin</p>`,
			),
			settings: settings(TEEHAUS),
		},
		{
			code: page(
				`<p>Neu</p><p>Teehaus Berger GmbH · Postfach 10 11 12, 10115 Berlin · <a href="https://www.teehaus-berger.de/impressum">Impressum</a></p>`,
			),
			settings: settings(TEEHAUS),
		},
		{
			code: page(`<p>Soldes de printemps.</p><p>Contoso Outlet, P.O. Box 1234, Austin, TX 78701</p>`),
			settings: settings({ ...CONTOSO, audience: { countries: ["US", "FR"] } }),
		},
		// the option turns the address off, or the countries option narrows it
		{ code: page(`<p>Contoso Outlet</p>`), settings: settings(CONTOSO), options: [{ address: "never" }] },
		{
			code: page(`<p>Contoso Outlet</p>`),
			settings: settings({ sender: CONTOSO.sender }),
			options: [{ countries: ["NL"] }],
		},
		// transactional mail, SMS, partials and sign-up pages are not this rule's
		{
			code: page(`<p>Your order shipped.</p>`),
			settings: { mailcomply: { campaign: { kind: "transactional", ...CONTOSO } } },
		},
		{ code: page(`<p>Sale!</p>`), settings: settings({ ...CONTOSO, channel: "sms" }) },
		{ code: `<table><tr><td>Footer without a name</td></tr></table>`, settings: settings(CONTOSO) },
	],
	invalid: [
		// Germany: a P.O. box is no address where the sender is established (§ 5(1) no. 1 DDG); also a Dutch Postbus mailed to DE
		{
			code: page(
				`<p>Neue Stauden. <a href="*|UNSUB|*">Abmelden</a></p><p>Teehaus Berger GmbH · Postfach 10 11 12 · 10115 Berlin</p>`,
			),
			settings: settings({ ...TEEHAUS, esp: "mailchimp" }),
			errors: [
				{
					messageId: "poBoxOnly",
					data: { kind: "marketing", law: "DDG § 5", addressHint: ", e.g. *|LIST:ADDRESSLINE|* (Mailchimp)" },
				},
			],
		},
		{
			code: page(`<p>Neue Tulpen aus Holland.</p><p>Bloemenhuis De Linde B.V., Postbus 123, 3500 AC Utrecht</p>`),
			settings: settings({ sender: { name: "Bloemenhuis De Linde B.V." }, audience: { countries: ["NL", "DE"] } }),
			errors: [{ messageId: "poBoxOnly" }],
		},
		// No name declared and none shown: nobody is named, in nl, en, de, fr; a bare "Logo" alt or a logo without alt names nobody
		...[
			OFFER,
			"<p>Spring sale! Shop now.</p><p>You get this because you signed up.</p>",
			"<p>Neu: Frühjahrstees, jetzt 20% Rabatt.</p>",
			"<p>Soldes : -30 % sur tout.</p>",
			`${OFFER}<img src="https://cdn.example.nl/logo.png" alt="Logo">`,
			`${OFFER}<img src="https://cdn.example.nl/logo.png">`,
			// a greeting to the reader or a capitalised word after "thanks" mid-sentence names nobody
			`${OFFER}<p>Welcome, Jason! Thanks for reading.</p>`,
			// a stock first paragraph is no text logo
			`<p>Logo</p>${OFFER}`,
			`<p>View online</p>${OFFER}`,
			// a number before lower-case words and a street type is no street line
			`${OFFER}<p>Only 1 more place left, on the way in 2 small steps.</p>`,
		].map((body) => ({ code: page(body), errors: [{ messageId: "unnamed", line: 2, column: 7 }] })),
		{ code: page(OFFER), settings: settings({ audience: { countries: ["NL"] } }), errors: [{ messageId: "unnamed" }] },
		// the name is missing (NL: no address required)
		{
			code: page(`${OFFER}\n<p>Kerkstraat 12, 3511 AB Utrecht</p>`),
			settings: settings(BAKKERIJ),
			errors: [
				{
					messageId: "missingName",
					data: { kind: "marketing", name: "Bakkerij de Vries B.V.", law: NAME_LAW_NL, nameHint: "" },
					line: 2,
					column: 7,
				},
			],
		},
		// a part of the name is not the name
		{
			code: page(`${OFFER}\n<p>Groeten van de Vries</p>`),
			settings: settings(BAKKERIJ),
			errors: [{ messageId: "missingName" }],
		},
		// the name only in <head> or in an Outlook-hidden block is not visible
		{
			code: `<!DOCTYPE html>\n<html><head><title>Bakkerij de Vries</title></head><body>${OFFER}<!--[if !mso]><p>Bakkerij de Vries</p><![endif]--></body></html>`,
			settings: settings(BAKKERIJ),
			errors: [{ messageId: "missingName" }],
		},
		// the hint uses the campaign's ESP
		{
			code: page(OFFER),
			settings: settings({ ...BAKKERIJ, esp: "mailchimp" }),
			errors: [
				{
					message: `This marketing e-mail does not name its sender "Bakkerij de Vries B.V." (${NAME_LAW_NL}): name it in the footer or use *|LIST:COMPANY|* (Mailchimp).`,
				},
			],
		},
		// US: the address is missing
		{
			code: page(`<p>Spring sale!</p>\n<p>Contoso Outlet Inc. · Call 1-800-555-0199, 9 AM – 5 PM · Order 12345</p>`),
			settings: settings({ ...CONTOSO, esp: "mailchimp" }),
			errors: [
				{
					message:
						"No postal address: add one to the footer, e.g. *|LIST:ADDRESSLINE|* (Mailchimp) (CAN-SPAM 15 U.S.C. 7704(a)(5)(A)(iii)).",
					line: 2,
					column: 7,
				},
			],
		},
		// US + CA: both laws named; neither name nor address
		{
			code: page(`<p>Spring sale!</p>`),
			settings: settings({ sender: { name: "Contoso Outlet Inc." }, audience: { countries: ["US", "CA"] } }),
			errors: [
				{
					messageId: "missingBoth",
					data: {
						kind: "marketing",
						name: "Contoso Outlet Inc.",
						// one source per regime: the address provisions, which the name duty's do not add to
						law: "CAN-SPAM 15 U.S.C. 7704(a)(5)(A)(iii), CASL s. 6(2)",
						nameHint: "",
						// CAN-SPAM (16 CFR 316.2(p)) and CASL accept a registered P.O. box
						addressKind: "one",
						addressHint: "",
					},
				},
			],
		},
		// a name merge tag of the recipient's company is not the sender's
		{
			code: page(`<p>Deals for {{ contact.company_name }}</p>`),
			settings: settings({ sender: { name: "Contoso Outlet Inc." } }),
			errors: [{ messageId: "missingName" }],
		},
		// Germany without address or Impressum link: no P.O. box is offered (§ 5(1) no. 1 DDG, the address where the sender is established)
		{
			code: page(`<p>Neu: Frühjahrstees von Teehaus Berger</p>`),
			settings: settings(TEEHAUS),
			errors: [
				{
					messageId: "missingAddress",
					data: { kind: "marketing", law: "DDG § 5", addressKind: "a street address", addressHint: "" },
				},
			],
		},
		// address: always
		{
			code: page(`${OFFER}<p>Bakkerij de Vries</p>`),
			settings: settings(BAKKERIJ),
			options: [{ address: "always" }],
			errors: [{ messageId: "missingAddress" }],
		},
		// the countries option applies when the campaign names none
		{
			code: page(`<p>Contoso Outlet</p>`),
			settings: settings({ sender: CONTOSO.sender }),
			options: [{ countries: ["US"] }],
			errors: [{ messageId: "missingAddress" }],
		},
		// no kind declared: an offer or a new-arrivals line shows a commercial message
		{
			code: page(`<p>Spring sale: 20% off.</p>\n<p>© 2026 Awesome Co</p>`),
			settings: { mailcomply: { campaign: { audience: { countries: ["US"] } } } },
			errors: [{ messageId: "missingAddress" }],
		},
		{
			code: page(`<p>New bikes are in.</p>\n<p>© 2026 Awesome Co</p>`),
			settings: { mailcomply: { campaign: { audience: { countries: ["US"] } } } },
			errors: [{ messageId: "missingAddress" }],
		},
		// saying nothing either way still needs a sender who is named at all
		{
			code: page(`<p>Almost there! Just one more step to go.</p>`),
			settings: { mailcomply: { campaign: { audience: { countries: ["US"] } } } },
			errors: [{ messageId: "unnamed" }],
		},
	],
});

mjml.run("require-sender-identity (mjml)", rule as never, {
	valid: [
		{
			code: mail("Nieuwe e-bikes! Fietsenmakerij Jansen, Dorpsstraat 3, 1234 AB Ergens"),
			settings: settings({ sender: { name: "Fietsenmakerij Jansen" } }),
		},
		{
			code: mail("Spring sale · Contoso Outlet · 500 Market Street<br>San Francisco, CA 94105"),
			settings: settings(CONTOSO),
		},
		// a partial (an mj-include target) is skipped
		{ code: `<mj-section><mj-column><mj-text>Footer</mj-text></mj-column></mj-section>`, settings: settings(CONTOSO) },
		// No name declared, none in sight, but part of the mail is out of sight: a custom component's footer
		{ code: mail("Nieuwe e-bikes, 20% korting!").replace("</mj-body>", "<mj-bw-footer />\n</mj-body>") },
	],
	invalid: [
		// An include that cannot be read may hold the name: the rule says once, on the include, that it could not see the whole mail
		{
			code: mail("Neue E-Bikes, 20 % Rabatt!").replace(
				"</mj-body>",
				`<mj-include path="./partials/no-such-footer.mjml" />\n</mj-body>`,
			),
			errors: [{ messageId: "unseen", line: 6 }],
		},
		// the same mail without the unseen part names nobody
		{ code: mail("Nieuwe e-bikes, 20% korting!"), errors: [{ messageId: "unnamed" }] },
		{
			code: mail("Neue E-Bikes, 20 % Rabatt!").replace("</mj-body>", "<mj-spacer />\n</mj-body>"),
			errors: [{ messageId: "unnamed" }],
		},
		{
			code: mail("Nieuwe e-bikes binnen!"),
			settings: settings({ sender: { name: "Fietsenmakerij Jansen" } }),
			errors: [{ messageId: "missingName", line: 2, column: 1 }],
		},
		{
			code: mail("Vous recevez cette offre de Fromagerie Duval. Lyon, France"),
			settings: settings({ sender: { name: "Fromagerie Duval SARL" } }),
			options: [{ address: "always" }],
			errors: [{ messageId: "missingAddress" }],
		},
	],
});

html.run("require-sender-identity-transactional (html)", transactionalRule as never, {
	valid: [
		{
			code: page(`<p>Je bestelling is verzonden.</p><p>Bakkerij de Vries B.V.</p>`),
			settings: { mailcomply: { campaign: { kind: "transactional", ...BAKKERIJ } } },
		},
		// no address by default, even to US recipients: no law asks a transactional mail for one
		{
			code: page(`<p>Your order shipped.</p><p>Contoso Outlet</p>`),
			settings: { mailcomply: { campaign: { kind: "transactional", ...CONTOSO } } },
		},
		// marketing mail is the other rule's
		{ code: page(`<p>Sale</p>`), settings: settings(CONTOSO) },
	],
	invalid: [
		// CASL s. 6(6) exempts an order confirmation from consent only: to Canadian recipients it still identifies its sender, address included
		{
			code: page(`<p>Your order shipped.</p><p>Maple Tea Ltd.</p>`),
			settings: {
				mailcomply: {
					campaign: { kind: "transactional", sender: { name: "Maple Tea Ltd." }, audience: { countries: ["CA"] } },
				},
			},
			errors: [
				{
					message: "No postal address: add one to the footer (CASL s. 6(6)).",
				},
			],
		},
		{
			code: page(`<p>Je bestelling is verzonden.</p>`),
			settings: { mailcomply: { campaign: { kind: "transactional", ...BAKKERIJ } } },
			errors: [
				{
					messageId: "missingName",
					data: {
						kind: "transactional",
						name: "Bakkerij de Vries B.V.",
						law: "BW 2:186 / 2:75",
						nameHint: "",
					},
					line: 2,
					column: 7,
				},
			],
		},
		{
			code: page(`<p>Your order shipped.</p><p>Contoso Outlet</p>`),
			settings: { mailcomply: { campaign: { kind: "transactional", ...CONTOSO } } },
			options: [{ address: "always" }],
			errors: [{ messageId: "missingAddress" }],
		},
	],
});
