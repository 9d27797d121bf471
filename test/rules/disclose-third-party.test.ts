import { RuleTester } from "eslint";
import { withAudience } from "../helpers/audience.js";
import plugin from "../../plugin/index.js";
import rule from "../../rules/disclose-third-party.js";

const html = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/html" });
const mjml = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/mjml" });

const page = (body: string) => `<!DOCTYPE html>\n<html><body>\n${body}\n</body></html>`;
const mail = (text: string) =>
	`<mjml>\n<mj-body>\n<mj-section><mj-column>\n<mj-text>${text}</mj-text>\n</mj-column></mj-section>\n</mj-body>\n</mjml>`;
const settings = (facts: Record<string, unknown>) => ({ mailcomply: { campaign: { kind: "marketing", ...facts } } });

/** An agency mailing Canadian recipients: only the CRTC Regulations ask the message to say on whose behalf it is sent. */
const AGENCY = {
	language: "fr",
	sender: { name: "Boulangerie Tremblay inc." },
	sentBy: { name: "Courriel Montréal inc.", role: "processor" },
	audience: { countries: ["CA"] },
};
const CA_LAW = "CRTC Electronic Commerce Protection Regulations s. 2(1)(b)–(c)";
const LIST = {
	language: "nl",
	sender: { name: "Drukkerij Smit B.V." },
	audience: { source: "third-party", owner: "Leadpartner B.V." },
};
const OFFER = "<p>Relatiegeschenken voor het najaar.</p>";
/** The art. 14 information beyond the source, given as the privacy statement: due in the first mail to a third party's list too. */
const PRIVACY = `<p><a href="https://www.drukkerij-smit.nl/privacy">Privacyverklaring</a></p>`;
const NO_PRIVACY = "a privacy link";

html.run(
	"disclose-third-party (html)",
	rule as never,
	withAudience(["NL"], {
		valid: [
			// the mail says on whose behalf it is sent, in fr, en, nl, de
			{
				code: page(`${OFFER}<p>Envoyé par Courriel Montréal au nom de Boulangerie Tremblay</p>`),
				settings: settings(AGENCY),
			},
			{ code: page(`<p>Sent on behalf of Boulangerie Tremblay</p>`), settings: settings(AGENCY) },
			{
				code: page(`${OFFER}<p>Deze nieuwsbrief wordt namens Boulangerie Tremblay verstuurd.</p>`),
				settings: settings(AGENCY),
			},
			{ code: page(`<p>Versand im Auftrag von Boulangerie Tremblay</p>`), settings: settings(AGENCY) },
			// the sender sends itself (same name, other legal form)
			{ code: page(OFFER), settings: settings({ ...AGENCY, sentBy: { name: "Boulangerie Tremblay" } }) },
			// outside Canada the law asks for the advertiser's identity (require-sender-identity), not an on-behalf statement
			{ code: page(OFFER), settings: settings({ ...AGENCY, language: "nl", audience: { countries: ["NL"] } }) },
			{ code: page(OFFER), settings: settings({ ...AGENCY, language: "en", audience: { countries: ["US", "GB"] } }) },
			// a third-party list to US-only recipients: GDPR art. 14 does not reach them
			{ code: page(OFFER), settings: settings({ ...LIST, audience: { ...LIST.audience, countries: ["US"] } }) },
			// the list's owner is named and the reason given, in nl, en, de and fr
			{
				code: page(
					`${OFFER}<p>U ontvangt deze e-mail omdat u zich bij Leadpartner heeft aangemeld voor aanbiedingen van partners.</p>${PRIVACY}`,
				),
				settings: settings(LIST),
			},
			{
				code: page(
					`<p>You are receiving this email because you agreed with LEADPARTNER to hear from partners.</p>${PRIVACY}`,
				),
				settings: settings(LIST),
			},
			{
				code: page(`<p>Sie erhalten diese E-Mail, weil Sie bei Leadpartner B.V. eingewilligt haben.</p>${PRIVACY}`),
				settings: settings(LIST),
			},
			{
				code: page(`<p>Vous recevez cet e-mail car vous avez accepté les offres de Leadpartner.</p>${PRIVACY}`),
				settings: settings(LIST),
			},
			// reason and owner may be in different paragraphs
			{
				code: page(
					`<p>U ontvangt deze e-mail omdat u toestemming gaf.</p><p>Uw adres is afkomstig van Leadpartner B.V.</p>${PRIVACY}`,
				),
				settings: settings(LIST),
			},
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
							'This e-mail is sent by Courriel Montréal inc. for Boulangerie Tremblay inc. without saying so: add e.g. "Envoyé par Courriel Montréal inc. au nom de Boulangerie Tremblay inc." to the footer (CRTC Electronic Commerce Protection Regulations s. 2(1)(b)–(c)).',
						line: 2,
						column: 7,
					},
				],
			},
			// on-behalf wording without the advertiser's name does not say for whom; the agency's name alone does not say on whose behalf
			{
				code: page(`<p>Au nom de toute l'équipe : joyeuses fêtes !</p>`),
				settings: settings(AGENCY),
				errors: [{ messageId: "agencyUndisclosed" }],
			},
			{
				code: page(`${OFFER}<p>Envoyé par Courriel Montréal</p>`),
				settings: settings(AGENCY),
				errors: [{ messageId: "agencyUndisclosed" }],
			},
			// the owner is not named
			{
				code: page(`${OFFER}<p>U ontvangt deze e-mail omdat u toestemming gaf voor aanbiedingen.</p>`),
				settings: settings(LIST),
				errors: [
					{
						messageId: "sourceUndisclosed",
						data: {
							message: "e-mail",
							owner: "Leadpartner B.V.",
							source: "third-party",
							missing: `their source and ${NO_PRIVACY}`,
							example: "U ontvangt deze e-mail omdat u bij Leadpartner B.V. toestemming gaf",
							law: "GDPR art. 14(2)(f)",
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
							message: "e-mail",
							owner: "Leadpartner B.V.",
							source: "third-party",
							missing: `why they get it and ${NO_PRIVACY}`,
							example: "You are receiving this e-mail because you agreed with Leadpartner B.V.",
							law: "GDPR art. 14(2)(f)",
						},
					},
				],
			},
			// both missing, on a purchased list; its missing privacy statement is no-harvested-addresses's (one list, one art. 14(3)(b) finding)
			{
				code: page(OFFER),
				settings: settings({ ...LIST, audience: { source: "purchased", owner: "Leadpartner B.V." } }),
				errors: [
					{
						messageId: "sourceUndisclosed",
						data: {
							message: "e-mail",
							owner: "Leadpartner B.V.",
							source: "purchased",
							missing: "their source and why they get it",
							example: "U ontvangt deze e-mail omdat u bij Leadpartner B.V. toestemming gaf",
							law: "GDPR art. 14(2)(f)",
						},
					},
				],
			},
			// no owner declared: its own finding; the reason is checked still
			{
				code: page(`<p>U ontvangt deze e-mail omdat u toestemming gaf.</p>${PRIVACY}`),
				settings: settings({ audience: { source: "third-party" } }),
				errors: [{ messageId: "ownerMissing", data: { source: "third-party", law: "GDPR art. 14(2)(f)" } }],
			},
			// the first mail to a third party's list without the privacy statement: the rest of the art. 14 information is missing
			{
				code: page(
					`<p>U ontvangt deze e-mail omdat u bij Leadpartner B.V. toestemming gaf voor aanbiedingen van partners.</p>`,
				),
				settings: settings(LIST),
				errors: [
					{
						messageId: "sourceUndisclosed",
						data: {
							message: "e-mail",
							owner: "Leadpartner B.V.",
							source: "third-party",
							missing: NO_PRIVACY,
							example: "U ontvangt deze e-mail omdat u bij Leadpartner B.V. toestemming gaf",
							law: "GDPR art. 14(2)(f)",
						},
					},
				],
			},
			{
				code: page(OFFER),
				settings: settings({ audience: { source: "third-party" } }),
				errors: [
					{ messageId: "ownerMissing" },
					{
						messageId: "sourceUndisclosed",
						data: {
							message: "e-mail",
							owner: "a third party",
							source: "third-party",
							missing: `why they get it and ${NO_PRIVACY}`,
							example: "You are receiving this e-mail because you agreed with …",
							law: "GDPR art. 14(2)(f)",
						},
					},
				],
			},
			// agency and list together, to Canada and the Netherlands: two findings
			{
				code: page(OFFER),
				settings: settings({
					...LIST,
					sentBy: { name: "Mailhuis Utrecht" },
					audience: { ...LIST.audience, countries: ["NL", "CA"] },
				}),
				errors: [{ messageId: "agencyUndisclosed" }, { messageId: "sourceUndisclosed" }],
			},
		],
	}),
);

mjml.run(
	"disclose-third-party (mjml)",
	rule as never,
	withAudience(["NL"], {
		valid: [
			{
				code: mail(
					`Je ontvangt deze mail omdat je je bij Leadpartner hebt aangemeld. <a href="https://x.nl/privacy">Privacyverklaring</a>`,
				),
				settings: settings(LIST),
			},
			{
				code: mail("Maple Tea · Sent by Mailhouse Toronto on behalf of Maple Tea"),
				settings: settings({
					sender: { name: "Maple Tea Ltd." },
					sentBy: { name: "Mailhouse Toronto Inc." },
					audience: { countries: ["CA"] },
				}),
			},
			// a German agency mail: the advertiser's identity is require-sender-identity's concern
			{
				code: mail("Neu im Sortiment"),
				settings: settings({
					sender: { name: "Teehaus Berger GmbH" },
					sentBy: { name: "Mailhaus Berlin GmbH" },
					language: "de",
					audience: { countries: ["DE"] },
				}),
			},
		],
		invalid: [
			{
				code: mail("New teas in store"),
				settings: settings({
					sender: { name: "Maple Tea Ltd." },
					sentBy: { name: "Mailhouse Toronto Inc." },
					language: "en",
					audience: { countries: ["CA"] },
				}),
				errors: [
					{
						messageId: "agencyUndisclosed",
						data: {
							message: "e-mail",
							where: "to the footer",
							agency: "Mailhouse Toronto Inc.",
							sender: "Maple Tea Ltd.",
							statement: "Sent by Mailhouse Toronto Inc. on behalf of Maple Tea Ltd.",
							law: CA_LAW,
						},
						line: 2,
						column: 1,
					},
				],
			},
		],
	}),
);
