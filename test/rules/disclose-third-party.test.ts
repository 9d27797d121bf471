import { RuleTester } from "eslint";
import plugin from "../../plugin/index.js";
import rule from "../../rules/disclose-third-party.js";

const html = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/html" });
const mjml = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/mjml" });

const page = (body: string) => `<!DOCTYPE html>\n<html><body>\n${body}\n</body></html>`;
const mail = (text: string) => `<mjml>\n<mj-body>\n<mj-section><mj-column>\n<mj-text>${text}</mj-text>\n</mj-column></mj-section>\n</mj-body>\n</mjml>`;
const settings = (facts: Record<string, unknown>) => ({ mailcomply: { campaign: { kind: "marketing", ...facts } } });

const AGENCY = { language: "nl", sender: { name: "Bakkerij de Vries B.V." }, sentBy: { name: "Mailhuis Utrecht B.V.", role: "processor" } };
const LIST = { language: "nl", sender: { name: "Drukkerij Smit B.V." }, audience: { source: "third-party", owner: "Leadpartner B.V." } };
const OFFER = "<p>Relatiegeschenken voor het najaar.</p>";

html.run("disclose-third-party (html)", rule as never, {
	valid: [
		// the agency is named, or the mail says on whose behalf it is sent
		{ code: page(`${OFFER}<p>Verzonden door Mailhuis Utrecht</p>`), settings: settings(AGENCY) },
		{ code: page(`${OFFER}<p>Deze nieuwsbrief wordt namens Bakkerij de Vries verstuurd.</p>`), settings: settings(AGENCY) },
		{ code: page(`<p>Sent on behalf of Bakkerij De Vries</p>`), settings: settings(AGENCY) },
		{ code: page(`<p>Versand im Auftrag von Bakkerij de Vries</p>`), settings: settings(AGENCY) },
		{ code: page(`<p>Envoyé au nom de Bakkerij de Vries</p>`), settings: settings(AGENCY) },
		// the sender sends itself (same name, other legal form)
		{ code: page(OFFER), settings: settings({ ...AGENCY, sentBy: { name: "Bakkerij De Vries BV" } }) },
		// the list's owner is named and the reason given, in nl, en, de and fr
		{ code: page(`${OFFER}<p>U ontvangt deze e-mail omdat u zich bij Leadpartner heeft aangemeld voor aanbiedingen van partners.</p>`), settings: settings(LIST) },
		{ code: page(`<p>You are receiving this email because you agreed with LEADPARTNER to hear from partners.</p>`), settings: settings(LIST) },
		{ code: page(`<p>Sie erhalten diese E-Mail, weil Sie bei Leadpartner B.V. eingewilligt haben.</p>`), settings: settings(LIST) },
		{ code: page(`<p>Vous recevez cet e-mail car vous avez accepté les offres de Leadpartner.</p>`), settings: settings(LIST) },
		// reason and owner may be in different paragraphs
		{ code: page(`<p>U ontvangt deze e-mail omdat u toestemming gaf.</p><p>Uw adres is afkomstig van Leadpartner B.V.</p>`), settings: settings(LIST) },
		// own lists, transactional mail, partials
		{ code: page(OFFER), settings: settings({ audience: { source: "signup-form" } }) },
		{ code: page(OFFER), settings: { mailcomply: { campaign: { kind: "transactional", ...LIST } } } },
		{ code: `<table><tr><td>Footer</td></tr></table>`, settings: settings(LIST) },
		page(OFFER),
	],
	invalid: [
		{
			code: page(OFFER),
			settings: settings(AGENCY),
			errors: [
				{
					message:
						'This e-mail is sent by Mailhuis Utrecht B.V. for Bakkerij de Vries B.V., but names neither Mailhuis Utrecht B.V. nor on whose behalf it is sent. Name Mailhuis Utrecht B.V., or write "namens Bakkerij de Vries B.V." in the footer (CRTC Regulations s.2(1)(b)-(c); ePrivacy Directive art. 13(4) and Telecommunicatiewet art. 11.7: the party on whose behalf a mail is sent may not be concealed).',
					line: 2,
					column: 7,
				},
			],
		},
		// on-behalf wording without the advertiser's name does not say for whom
		{ code: page(`<p>Namens ons team: fijne feestdagen!</p>`), settings: settings(AGENCY), errors: [{ messageId: "agencyUndisclosed" }] },
		// the owner is not named
		{
			code: page(`${OFFER}<p>U ontvangt deze e-mail omdat u toestemming gaf voor aanbiedingen.</p>`),
			settings: settings(LIST),
			errors: [
				{
					messageId: "sourceUndisclosed",
					data: {
						owner: "Leadpartner B.V.",
						source: "third-party",
						missing: "where the address came from (name Leadpartner B.V.)",
						example: "U ontvangt deze e-mail omdat u bij Leadpartner B.V. toestemming gaf voor aanbiedingen van partners",
					},
					line: 2,
					column: 7,
				},
			],
		},
		// the reason is missing: naming the owner as a brand in an offer is not a disclosure of the source
		{
			code: page(`<p>Nu ook bij Leadpartner verkrijgbaar!</p>`),
			settings: settings({ ...LIST, language: "en" }),
			errors: [
				{
					messageId: "sourceUndisclosed",
					data: {
						owner: "Leadpartner B.V.",
						source: "third-party",
						missing: "why the reader receives it",
						example: "You are receiving this e-mail because you agreed with Leadpartner B.V. to receive offers from partners",
					},
				},
			],
		},
		// both missing, on a purchased list
		{
			code: page(OFFER),
			settings: settings({ ...LIST, audience: { source: "purchased", owner: "Leadpartner B.V." } }),
			errors: [{ messageId: "sourceUndisclosed", data: { owner: "Leadpartner B.V.", source: "purchased", missing: "where the address came from (name Leadpartner B.V.), nor why the reader receives it", example: "U ontvangt deze e-mail omdat u bij Leadpartner B.V. toestemming gaf voor aanbiedingen van partners" } }],
		},
		// no owner declared: its own finding; the reason is checked still
		{
			code: page(`<p>U ontvangt deze e-mail omdat u toestemming gaf.</p>`),
			settings: settings({ audience: { source: "third-party" } }),
			errors: [{ messageId: "ownerMissing", data: { source: "third-party" } }],
		},
		{
			code: page(OFFER),
			settings: settings({ audience: { source: "third-party" } }),
			errors: [{ messageId: "ownerMissing" }, { messageId: "sourceUndisclosed", data: { owner: "a third party", source: "third-party", missing: "why the reader receives it", example: "You are receiving this e-mail because you agreed with … to receive offers from partners" } }],
		},
		// agency and list together: two findings
		{ code: page(OFFER), settings: settings({ ...LIST, sentBy: { name: "Mailhuis Utrecht" } }), errors: [{ messageId: "agencyUndisclosed" }, { messageId: "sourceUndisclosed" }] },
	],
});

mjml.run("disclose-third-party (mjml)", rule as never, {
	valid: [
		{ code: mail("Je ontvangt deze mail omdat je je bij Leadpartner hebt aangemeld."), settings: settings(LIST) },
		{ code: mail("Teehaus Berger · Versand durch Mailhaus Berlin"), settings: settings({ sender: { name: "Teehaus Berger GmbH" }, sentBy: { name: "Mailhaus Berlin GmbH" } }) },
	],
	invalid: [
		{ code: mail("Neu im Sortiment"), settings: settings({ sender: { name: "Teehaus Berger GmbH" }, sentBy: { name: "Mailhaus Berlin GmbH" }, language: "de" }), errors: [{ messageId: "agencyUndisclosed", line: 2, column: 1 }] },
	],
});
