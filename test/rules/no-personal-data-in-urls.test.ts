import { RuleTester } from "eslint";
import { describe, expect, test } from "vitest";
import plugin from "../../plugin/index.js";
import rule from "../../rules/no-personal-data-in-urls.js";
import { personalDataOf } from "../../src/lexicons/personal-data-fields.js";

const html = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/html" });
const mjml = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/mjml" });
const page = (body: string) =>
	`<!DOCTYPE html>\n<html><body>\n${body}\n<p><a href="https://www.bakkerij.nl/afmelden?u={{ id }}">Afmelden</a></p>\n</body></html>`;
const campaign = (facts: Record<string, unknown>) => ({ mailcomply: { campaign: facts } });

describe("personalDataOf", () => {
	test.each([
		["EMAIL", "email"],
		["subscriber.email", "email"],
		["recipient.email", "email"],
		["emailaddr", "email"],
		["EMAIL_TO", "email"],
		["contact.EMAIL | url_encode", "email"],
		["= @user.email", "email"],
		["$email", "email"],
		["FNAME", "name"],
		["subscriber.first_name", "name"],
		["contact.VOORNAAM", "name"],
		["Nachname", "name"],
		["name", "name"],
		["customer.name", "name"],
		["contact.TELEFOON", "phone"],
		["mobile_number", "phone"],
		["contact.postcode", "address"],
		["street_address", "address"],
	])("%s → %s", (expression, kind) => expect(personalDataOf(expression)).toBe(kind));

	test.each([
		"email | md5",
		"email | sha256",
		"EMAIL_HASH",
		"UNIQID",
		"subscriber.id",
		"LIST:NAME",
		"LIST:ADDRESS",
		"organization.name",
		"product.name",
		"event.name",
		"campaign.name",
		"sender_email",
		"from_email",
		"utm_source",
		"email_id",
		"category.name",
		"md5 email",
	])("%s is not personal data in clear text", (expression) => expect(personalDataOf(expression)).toBeUndefined());
});

html.run("no-personal-data-in-urls (html)", rule as never, {
	valid: [
		// the sender's own site (the opt-out link's host), subdomains included
		page(`<a href="https://shop.bakkerij.nl/welkom?email={{ subscriber.email }}">Welkom</a>`),
		// opaque ids and ESP tracking tags
		page(
			`<a href="https://partner.com/deal?uid={{ subscriber.id }}&amp;e=*|UNIQID|*">Deal</a><img src="https://t.tracker.io/o.gif?h={{ email | md5 }}" alt="">`,
		),
		// a fragment is never sent to the server
		page(`<a href="https://partner.com/deal#email={{ email }}">Deal</a>`),
		// the host is a merge tag: where it goes is unknown
		page(`<a href="https://{{ partner_host }}/x?email={{ email }}">Deal</a>`),
		// the sender's postal address tag, and a variable in the host-less ESP link
		page(`<a href="https://maps.google.com/?q=*|LIST:ADDRESS|*">Route</a><a href="{{ link_with_email }}">x</a>`),
		// declared sender domains
		{
			code: page(`<a href="https://www.bakkerwinkel.be/?email={{ email }}">Winkel</a>`),
			options: [{ senderDomains: ["bakkerwinkel.be"] }],
		},
		{
			code: page(`<a href="https://mail.bakker.co.uk/x?email={{ email }}">x</a>`),
			settings: campaign({ sender: { email: "news@bakker.co.uk" } }),
		},
		// a retina image name is not an e-mail address
		page(`<img src="https://cdn.partner.com/img/logo@2x.png" alt="">`),
		// mailto: carries an address by nature
		page(`<a href="mailto:{{ email }}">x</a>`),
	],
	invalid: [
		{
			code: page(
				`<a href="https://partner-shop.com/deal?email={{ subscriber.email }}&amp;name={{ subscriber.first_name }}">Bekijk deal</a>`,
			),
			errors: [
				{
					messageId: "leak",
					data: {
						what: "e-mail address and name",
						evidence: "{{ subscriber.email }}, {{ subscriber.first_name }}",
						host: "partner-shop.com",
					},
					line: 3,
					column: 4,
				},
			],
		},
		// a tracking pixel with the address in the path
		{
			code: page(`<img src="https://pixel.adnetwork.io/open/*|EMAIL|*.gif" width="1" height="1" alt="">`),
			errors: [
				{ messageId: "leak", data: { what: "e-mail address", evidence: "*|EMAIL|*", host: "pixel.adnetwork.io" } },
			],
		},
		// literal e-mail address (also percent-encoded) and phone number
		{
			code: page(`<a href="https://survey.example-tool.com/s?r=jan%40bakkerij.nl">Enquête</a>`),
			errors: [
				{
					messageId: "leak",
					data: { what: "e-mail address", evidence: "jan%40bakkerij.nl", host: "survey.example-tool.com" },
				},
			],
		},
		{
			code: page(`<a href="https://wa.partner.com/chat?phone=+31 6 12345678">WhatsApp</a>`),
			errors: [
				{ messageId: "leak", data: { what: "phone number", evidence: "phone=+31 6 12345678", host: "wa.partner.com" } },
			],
		},
		// Dutch, German, French field names; ESP syntaxes
		{
			code: page(
				`<a href="https://partner.com/?n=%%First Name%%&amp;t={{ contact.TELEFOON }}&amp;v={$vorname}&amp;m=%EMAIL%&amp;x=[[EMAIL_TO]]">x</a>`,
			),
			errors: [
				{
					messageId: "leak",
					data: {
						what: "name, phone number and e-mail address",
						evidence: "%%First Name%%, {{ contact.TELEFOON }}, {$vorname}, %EMAI…",
						host: "partner.com",
					},
				},
			],
		},
		{
			code: page(`<a href="https://bezorging.partner.nl/check?pc={{ contact.postcode }}">Bezorgtijden</a>`),
			errors: [
				{
					messageId: "leak",
					data: { what: "postal address", evidence: "{{ contact.postcode }}", host: "bezorging.partner.nl" },
				},
			],
		},
		// sender domain from the sidecar does not cover a third party
		{
			code: page(`<a href="https://facebook.com/share?u={{ email }}">Deel</a>`),
			settings: campaign({ sender: { email: "nieuws@bakkerij.nl" } }),
			errors: [{ messageId: "leak", data: { what: "e-mail address", evidence: "{{ email }}", host: "facebook.com" } }],
		},
	],
});

mjml.run("no-personal-data-in-urls (mjml)", rule as never, {
	valid: [
		`<mjml><mj-body><mj-section><mj-column><mj-button href="https://shop.nl/deal?id={{ id }}">Deal</mj-button><mj-text><a href="https://shop.nl/afmelden">Afmelden</a></mj-text></mj-column></mj-section></mj-body></mjml>`,
	],
	invalid: [
		{
			code: `<mjml><mj-body><mj-section><mj-column><mj-image src="https://img.partner.io/banner.png?e={{ email }}"></mj-image><mj-text><a href="https://shop.nl/afmelden">Afmelden</a></mj-text></mj-column></mj-section></mj-body></mjml>`,
			errors: [
				{ messageId: "leak", data: { what: "e-mail address", evidence: "{{ email }}", host: "img.partner.io" } },
			],
		},
	],
});
