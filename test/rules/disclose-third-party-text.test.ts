import { RuleTester } from "eslint";
import plugin from "../../plugin/index.js";
import rule from "../../rules/disclose-third-party.js";

/**
 * disclose-third-party on text messages: an SMS, a WhatsApp template, an
 * e-mail's plain-text part (NAME.txt, an .eml's text/plain part). The same
 * campaign facts call for the same statements, read in the text (issue 18).
 */
const sms = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/sms" });
const whatsapp = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/whatsapp" });
const text = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/text" });
const eml = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/eml" });

const facts = (campaign: Record<string, unknown>) => ({ mailcomply: { campaign: { kind: "marketing", ...campaign } } });
/** A third party's list, to recipients in `country`. */
const list = (language: string, country: string, extra: Record<string, unknown> = {}) =>
	facts({
		language,
		sender: { name: "Drukkerij Smit B.V." },
		audience: { countries: [country], source: "third-party", owner: "Leadpartner B.V." },
		...extra,
	});
/** An agency sending for a bakery to Canadian recipients: the CRTC Regulations ask for an on-behalf statement. */
const agency = (language = "fr", extra: Record<string, unknown> = {}) =>
	facts({
		language,
		sender: { name: "Boulangerie Tremblay inc." },
		sentBy: { name: "Courriel Montréal inc.", role: "processor" },
		audience: { countries: ["CA"] },
		...extra,
	});
const CA_LAW = "CRTC Electronic Commerce Protection Regulations s. 2(1)(b)–(c)";
const EU_LAW = "GDPR art. 14(2)(f)";
const ALL_MISSING = "their source, why they get it and a privacy link";

sms.run("disclose-third-party (sms)", rule as never, {
	valid: [
		// The owner, the reason and the privacy statement, in nl, en, de and fr.
		{
			code: "Drukkerij Smit: pennen vanaf € 0,45. U ontvangt deze sms omdat u bij Leadpartner toestemming gaf. Privacy: drukkerij-smit.nl/privacy Stop? Sms STOP naar 4411",
			settings: list("nl", "NL"),
		},
		{
			code: "Smit Print: pens from £0.45. You're receiving this text because you agreed with LEADPARTNER to hear from partners. Privacy policy: https://smit.co.uk/privacy Reply STOP to opt out",
			settings: list("en", "GB"),
		},
		{
			code: "Druckerei Smit: Kugelschreiber ab 0,45 €. Ihre Handynummer haben wir von Leadpartner B.V. Datenschutz: https://druckerei-smit.de/datenschutz Abmelden: STOPP an 4411",
			settings: list("de", "DE"),
		},
		{
			code: "Imprimerie Smit : stylos dès 0,45 €. Votre numéro nous a été transmis par Leadpartner. Confidentialité : https://smit.fr/confidentialite STOP au 36111",
			settings: list("fr", "FR"),
		},
		// Merge tags: the privacy statement's address as a variable.
		{
			code: "Hoi {{ first_name }}, pennen vanaf € 0,45. U ontvangt dit bericht omdat u bij Leadpartner toestemming gaf. Privacy: {{ privacy_url }} STOP naar 4411",
			settings: list("nl", "NL"),
		},
		// A bought list: the missing privacy statement is no-harvested-addresses's finding.
		{
			code: "Wij hebben uw nummer ontvangen van Leadpartner. Pennen vanaf € 0,45. STOP naar 4411",
			settings: list("nl", "NL", {
				audience: { countries: ["NL"], source: "purchased", owner: "Leadpartner B.V." },
			}),
		},
		// Not marketing, own lists, recipients outside the EU and the UK.
		{ code: "Uw bestelling 1234 is verzonden.", settings: list("nl", "NL", { kind: "transactional" }) },
		{
			code: "Pennen vanaf € 0,45. STOP naar 4411",
			settings: facts({ audience: { countries: ["NL"], source: "signup-form" } }),
		},
		{ code: "Pens from $0.45. Reply STOP to opt out", settings: list("en", "US") },
		// The agency says on whose behalf it sends, in fr, en, nl and de.
		{
			code: "Soldes -30 % ! Envoyé par Courriel Montréal au nom de Boulangerie Tremblay. STOP au 12345",
			settings: agency(),
		},
		{ code: "Sale: 30% off. Sent on behalf of Boulangerie Tremblay. Reply STOP to opt out", settings: agency("en") },
		{ code: "30% korting. Verstuurd namens Boulangerie Tremblay. STOP naar 4411", settings: agency("nl") },
		{ code: "30% Rabatt. Im Auftrag von Boulangerie Tremblay. STOPP an 4411", settings: agency("de") },
		// A text too short for the statement links a page that gives it (CRTC Regulations s. 3(2)).
		{ code: "Soldes -30 % ! Info : boulangerie-tremblay.ca/info STOP au 12345", settings: agency() },
		// The brand sends itself: the "agency" is the sender under another legal form.
		{
			code: "Boulangerie Tremblay : soldes -30 % ! STOP au 12345",
			settings: agency("fr", { sentBy: { name: "Boulangerie Tremblay" } }),
		},
		// An agency to Dutch recipients: the advertiser's name is require-sender-identity's, the agency the privacy notice's.
		{ code: "30% korting! STOP naar 4411", settings: agency("nl", { audience: { countries: ["NL"] } }) },
	],
	invalid: [
		{
			code: "Drukkerij Smit: pennen vanaf € 0,45. Stop? Sms STOP naar 4411",
			settings: list("nl", "NL"),
			errors: [
				{
					messageId: "sourceUndisclosed",
					data: {
						message: "SMS",
						owner: "Leadpartner B.V.",
						missing: ALL_MISSING,
						example: "U ontvangt dit bericht omdat u bij Leadpartner B.V. toestemming gaf",
						law: EU_LAW,
					},
					line: 1,
					column: 1,
				},
			],
		},
		// Naming the owner as a brand in an offer does not say where the number came from.
		{
			code: "Now at Leadpartner too: pens from £0.45. Reply STOP to opt out",
			settings: list("en", "GB"),
			errors: [
				{
					messageId: "sourceUndisclosed",
					data: {
						message: "SMS",
						owner: "Leadpartner B.V.",
						missing: "why they get it and a privacy link",
						example: "You are receiving this message because you agreed with Leadpartner B.V.",
						law: "UK GDPR",
					},
				},
			],
		},
		// The reason without the privacy statement; a privacy URL on a stand-in host is none.
		{
			code: "Sie erhalten diese SMS, weil Sie bei Leadpartner eingewilligt haben. Datenschutz: https://example.com/datenschutz",
			settings: list("de", "DE"),
			errors: [
				{
					messageId: "sourceUndisclosed",
					data: {
						message: "SMS",
						owner: "Leadpartner B.V.",
						missing: "a privacy link",
						example: "Sie erhalten diese Nachricht, weil Sie bei Leadpartner B.V. eingewilligt haben",
						law: EU_LAW,
					},
				},
			],
		},
		// The sender named (the brand itself) is not the list's owner.
		{
			code: "Drukkerij Smit vous offre -20 %. Vous recevez ce SMS car vous êtes inscrit. Confidentialité : https://smit.fr/confidentialite",
			settings: list("fr", "FR"),
			errors: [
				{
					messageId: "sourceUndisclosed",
					data: {
						message: "SMS",
						owner: "Leadpartner B.V.",
						missing: "their source",
						example: "Vous recevez ce message car vous l'avez accepté auprès de Leadpartner B.V.",
						law: EU_LAW,
					},
				},
			],
		},
		// No owner declared.
		{
			code: "Pennen vanaf € 0,45. STOP naar 4411",
			settings: list("nl", "NL", { audience: { countries: ["NL"], source: "third-party" } }),
			errors: [{ messageId: "ownerMissing" }, { messageId: "sourceUndisclosed" }],
		},
		{
			code: "Soldes -30 % sur les croissants ! STOP au 12345",
			settings: agency(),
			errors: [
				{
					message:
						'This SMS is sent by Courriel Montréal inc. for Boulangerie Tremblay inc. without saying so: add e.g. "Envoyé par Courriel Montréal inc. au nom de Boulangerie Tremblay inc." or link a page that says it (CRTC Electronic Commerce Protection Regulations s. 2(1)(b)–(c)).',
					line: 1,
					column: 1,
				},
			],
		},
		// On-behalf wording without the advertiser's name; the agency's name alone; a stand-in link.
		{
			code: "Au nom de toute l'équipe : joyeuses fêtes ! STOP au 12345",
			settings: agency(),
			errors: [{ messageId: "agencyUndisclosed" }],
		},
		{
			code: "Sale! Sent by Courriel Montréal. Reply STOP to opt out",
			settings: agency("en"),
			errors: [
				{
					messageId: "agencyUndisclosed",
					data: {
						message: "SMS",
						where: "or link a page that says it",
						agency: "Courriel Montréal inc.",
						sender: "Boulangerie Tremblay inc.",
						statement: "Sent by Courriel Montréal inc. on behalf of Boulangerie Tremblay inc.",
						law: CA_LAW,
					},
				},
			],
		},
		{
			code: "Sale! Details: https://example.com/info Reply STOP to opt out",
			settings: agency("en"),
			errors: [{ messageId: "agencyUndisclosed" }],
		},
	],
});

/** A WhatsApp template as Meta's API takes it, written over several lines as a file would be. */
const template = (category: string, components: unknown[], language = "nl") =>
	JSON.stringify({ name: "najaar", language, category, components }, null, 2);
const body = (value: string) => ({ type: "BODY", text: value });
const footer = (value: string) => ({ type: "FOOTER", text: value });
const stopButton = { type: "BUTTONS", buttons: [{ type: "QUICK_REPLY", text: "Stop promoties" }] };
const OFFER = "Relatiegeschenken voor het najaar: bedrukte pennen vanaf € 0,45.";

/** The line and column of `value`'s first character inside the JSON string that holds it. */
function at(code: string, value: string): { line: number; column: number } {
	const before = code.slice(0, code.indexOf(value));
	const lines = before.split("\n");
	return { line: lines.length, column: lines.at(-1)!.length + 1 };
}

/** No `kind` declared: the template's category says it. */
const THIRD_PARTY_UNDECLARED_KIND = {
	mailcomply: {
		campaign: { language: "nl", audience: { countries: ["NL"], source: "third-party", owner: "Leadpartner B.V." } },
	},
};

const marketing = template("MARKETING", [body(OFFER), footer("Drukkerij Smit"), stopButton]);

whatsapp.run("disclose-third-party (whatsapp)", rule as never, {
	valid: [
		// The statements in the footer component, the privacy statement behind a URL button.
		{
			code: template("MARKETING", [
				body(OFFER),
				footer("U ontvangt dit bericht omdat u bij Leadpartner toestemming gaf."),
				{
					type: "BUTTONS",
					buttons: [
						{ type: "URL", text: "Privacyverklaring", url: "https://www.drukkerij-smit.nl/privacy" },
						{ type: "QUICK_REPLY", text: "Stop promoties" },
					],
				},
			]),
			settings: list("nl", "NL"),
		},
		{
			code: template(
				"MARKETING",
				[
					body("Hi {{1}}, pens from £0.45 this autumn."),
					footer("We received your number from Leadpartner. Privacy: smit.co.uk/privacy"),
					stopButton,
				],
				"en_GB",
			),
			settings: list("en", "GB"),
		},
		// A UTILITY template is transactional: the marketing duty does not reach it.
		{
			code: template("UTILITY", [body("Uw bestelling {{1}} is verzonden."), footer("Drukkerij Smit")]),
			settings: THIRD_PARTY_UNDECLARED_KIND,
		},
		// The display name names the advertiser; the footer says the agency sends on its behalf.
		{
			code: template(
				"MARKETING",
				[
					body("Soldes -30 % sur les croissants !"),
					footer("Envoyé par Courriel Montréal pour le compte de la boulangerie"),
					stopButton,
				],
				"fr",
			),
			settings: agency(),
		},
		{
			code: template(
				"MARKETING",
				[body("Sale: 30% off croissants!"), footer("Sent on behalf of Boulangerie Tremblay"), stopButton],
				"en",
			),
			settings: agency("en"),
		},
		// A URL button opens a page that can give it.
		{
			code: template(
				"MARKETING",
				[
					body("Soldes -30 % !"),
					{ type: "BUTTONS", buttons: [{ type: "URL", text: "Infos", url: "https://boulangerie-tremblay.ca/infos" }] },
				],
				"fr",
			),
			settings: agency(),
		},
	],
	invalid: [
		{
			code: marketing,
			settings: list("nl", "NL"),
			errors: [
				{
					messageId: "sourceUndisclosed",
					data: {
						message: "WhatsApp template",
						owner: "Leadpartner B.V.",
						missing: ALL_MISSING,
						example: "U ontvangt dit bericht omdat u bij Leadpartner B.V. toestemming gaf",
						law: EU_LAW,
					},
					// Inside the BODY component's JSON `text`.
					...at(marketing, OFFER),
				},
			],
		},
		// A UTILITY template that promotes is marketing in law.
		{
			code: template("UTILITY", [body("20% korting op alle pennen, alleen vandaag!")]),
			settings: THIRD_PARTY_UNDECLARED_KIND,
			errors: [{ messageId: "sourceUndisclosed" }],
		},
		// The Privacy button points at a stand-in address.
		{
			code: template("MARKETING", [
				body(OFFER),
				footer("Je ontvangt dit bericht omdat je je bij Leadpartner hebt aangemeld."),
				{ type: "BUTTONS", buttons: [{ type: "URL", text: "Privacy", url: "https://example.com/privacy" }] },
			]),
			settings: list("nl", "NL"),
			errors: [
				{
					messageId: "sourceUndisclosed",
					data: {
						message: "WhatsApp template",
						owner: "Leadpartner B.V.",
						missing: "a privacy link",
						example: "U ontvangt dit bericht omdat u bij Leadpartner B.V. toestemming gaf",
						law: EU_LAW,
					},
				},
			],
		},
		{
			code: template(
				"MARKETING",
				[body("Soldes -30 % sur les croissants !"), footer("Au nom de toute l'équipe"), stopButton],
				"fr",
			),
			settings: agency(),
			errors: [
				{
					messageId: "agencyUndisclosed",
					data: {
						message: "WhatsApp template",
						where: "or link a page that says it",
						agency: "Courriel Montréal inc.",
						sender: "Boulangerie Tremblay inc.",
						statement: "Envoyé par Courriel Montréal inc. au nom de Boulangerie Tremblay inc.",
						law: CA_LAW,
					},
				},
			],
		},
	],
});

text.run("disclose-third-party (text part)", rule as never, {
	valid: [
		// A sentence wrapped over two lines, as plain-text parts are.
		{
			code: `${OFFER}\n\nU ontvangt deze e-mail omdat u bij\nLeadpartner B.V. toestemming gaf.\nPrivacyverklaring: https://www.drukkerij-smit.nl/privacy\n`,
			settings: list("nl", "NL"),
		},
		{
			code: "Relatiegeschenke ab 0,45 €.\nSie erhalten diese E-Mail, weil Sie bei Leadpartner eingewilligt haben.\nDatenschutz: https://smit.de/datenschutz\n",
			settings: list("de", "DE"),
		},
		{
			code: "Spring sale: 30% off.\nSent by Courriel Montréal on behalf of Boulangerie Tremblay.\n",
			settings: agency("en"),
		},
		// No owner declared: said once on the mail's template, not again on its text part.
		{
			code: "Vous recevez cet e-mail car vous êtes inscrit.\nConfidentialité : https://smit.fr/confidentialite\n",
			settings: list("fr", "FR", { audience: { countries: ["FR"], source: "third-party" } }),
		},
	],
	invalid: [
		{
			code: `${OFFER}\nAfmelden: https://www.drukkerij-smit.nl/afmelden\n`,
			settings: list("nl", "NL"),
			errors: [
				{
					messageId: "sourceUndisclosed",
					data: {
						message: "e-mail's plain-text part",
						owner: "Leadpartner B.V.",
						missing: ALL_MISSING,
						example: "U ontvangt deze e-mail omdat u bij Leadpartner B.V. toestemming gaf",
						law: EU_LAW,
					},
					line: 1,
					column: 1,
				},
			],
		},
		// An e-mail has room for the statement: a link does not stand in for it.
		{
			code: "Spring sale: 30% off.\nShop now: https://boulangerie-tremblay.ca/sale\n",
			settings: agency("en"),
			errors: [
				{
					messageId: "agencyUndisclosed",
					data: {
						message: "e-mail's plain-text part",
						where: "to it",
						agency: "Courriel Montréal inc.",
						sender: "Boulangerie Tremblay inc.",
						statement: "Sent by Courriel Montréal inc. on behalf of Boulangerie Tremblay inc.",
						law: CA_LAW,
					},
				},
			],
		},
	],
});

const captured = (textPart: string, html: string) =>
	`From: Drukkerij Smit <nieuws@drukkerij-smit.nl>\nSubject: Najaar\nMIME-Version: 1.0\nContent-Type: multipart/alternative; boundary="b"\n\n--b\nContent-Type: text/plain; charset=utf-8\n\n${textPart}\n--b\nContent-Type: text/html; charset=utf-8\n\n<html><body>${html}</body></html>\n--b--\n`;
const DISCLOSED_HTML = `<p>${OFFER}</p><p>U ontvangt deze e-mail omdat u bij Leadpartner toestemming gaf.</p><a href="https://www.drukkerij-smit.nl/privacy">Privacyverklaring</a>`;

eml.run("disclose-third-party (.eml text part)", plugin.rules["disclose-third-party"] as never, {
	valid: [
		{
			code: captured(
				`${OFFER}\nU ontvangt deze e-mail omdat u bij Leadpartner toestemming gaf.\nPrivacy: https://www.drukkerij-smit.nl/privacy`,
				DISCLOSED_HTML,
			),
			settings: list("nl", "NL"),
		},
	],
	invalid: [
		// The HTML part discloses, the text part text-only readers see does not.
		{
			code: captured(OFFER, DISCLOSED_HTML),
			settings: list("nl", "NL"),
			errors: [{ messageId: "sourceUndisclosed", line: 9, column: 1 }],
		},
	],
});
