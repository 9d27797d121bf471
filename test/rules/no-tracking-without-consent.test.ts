import { RuleTester } from "eslint";
import { withAudience } from "../helpers/audience.js";
import { describe, expect, test } from "vitest";
import plugin from "../../plugin/index.js";
import rule from "../../rules/no-tracking-without-consent.js";
import {
	isOpenPixelTag,
	isOpenTrackingVariable,
	isRecipientIdentifier,
	trackerOf,
} from "../../src/lexicons/tracking.js";

const html = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/html" });
const mjml = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/mjml" });
const page = (body: string, lang = "nl") =>
	`<!DOCTYPE html>\n<html lang="${lang}"><body>\n<p>Nieuws</p>\n${body}\n<p><a href="https://www.bakkerij.nl/afmelden?u={{ id }}">Afmelden</a></p>\n</body></html>`;
const mail = (body: string) =>
	`<mjml><mj-body><mj-section><mj-column>\n${body}\n</mj-column></mj-section></mj-body></mjml>`;
const campaign = (facts: Record<string, unknown>) => ({ mailcomply: { campaign: facts } });

/** Every case is a declared marketing mail unless it says otherwise: a mail that is marketing only by default is not checked (its own cases below). */
type Case =
	string | { code: string; settings?: { mailcomply?: { campaign?: Record<string, unknown> } }; [key: string]: unknown };
function asMarketing<T extends Case>(cases: { valid: Case[]; invalid: T[] }): { valid: Case[]; invalid: T[] } {
	const declare = (item: Case): Case => {
		const testCase = typeof item === "string" ? { code: item } : item;
		const facts = testCase.settings?.mailcomply?.campaign ?? {};
		return "kind" in facts
			? testCase
			: {
					...testCase,
					settings: {
						...testCase.settings,
						mailcomply: { ...testCase.settings?.mailcomply, campaign: { kind: "marketing", ...facts } },
					},
				};
	};
	return { valid: cases.valid.map(declare), invalid: cases.invalid.map((item) => declare(item) as T) };
}
const MAILCHIMP_PIXEL = `<img src="https://bakkerij.us1.list-manage.com/track/open.php?u=4f2&amp;id=9c1&amp;e=*|UNIQID|*" width="1" height="1" alt="">`;

describe("tracking lexicon", () => {
	test.each([
		"subscriber.id",
		"UNIQID",
		"%%_subscriberkey%%".slice(2, -2),
		"recipient.id",
		"contact.hs_object_id",
		"user_id",
		"customer_id",
		"email | md5",
		"EMAIL_HASH",
		"${user_id}",
		"person.id",
		"klant_id",
		"var:kontakt_id",
		"Empfänger-ID",
		"destinataire.id",
		".Subscriber.UUID",
	])("%s identifies the recipient", (expression) => expect(isRecipientIdentifier(expression)).toBe(true));
	test.each([
		"campaign.id",
		"CAMPAIGN_UID",
		"list_id",
		"id",
		"product.id",
		"template_id",
		"image",
		"this.image01",
		"send_id",
		"utm_source",
	])("%s does not identify the recipient", (expression) => expect(isRecipientIdentifier(expression)).toBe(false));
	test.each(["open_tracking_pixel", "open-track", "tracking_pixel_url", "openTrackingUrl", "beacon"])(
		"%s names an open pixel",
		(expression) => expect(isOpenTrackingVariable(expression)).toBe(true),
	);
	test.each(["tracking_number", "track_order_url", "click_tracking_link", "shipment.tracking_url", "image_url"])(
		"%s does not name an open pixel",
		(expression) => expect(isOpenTrackingVariable(expression)).toBe(false),
	);
	test.each([
		"TrackView",
		"TrackView .",
		"open_tracking_pixel",
		"open-track",
		"tracking_beacon",
		"- open_pixel -",
		"open_pixel | raw",
	])("%s in the text is replaced by a pixel", (expression) => expect(isOpenPixelTag(expression)).toBe(true));
	test.each([
		"tracking_url",
		"tracking_number",
		"track_order",
		"view_online_url",
		"-- pixel invisible pour le tracking --",
		"!-- open tracking pixel --",
	])("%s in the text is not a pixel", (expression) => expect(isOpenPixelTag(expression)).toBe(false));
	test("endpoints match by domain and path", () => {
		expect(trackerOf("bakkerij.us1.list-manage.com", "/track/open.php?u=1")?.service).toBe("Mailchimp");
		expect(trackerOf("bakkerij.us1.list-manage.com", "/subscribe?u=1")).toBeUndefined();
		expect(trackerOf("u123.ct.sendgrid.net", "/wf/open?upn=x")?.service).toBe("SendGrid");
		expect(trackerOf("www.facebook.com", "/tr?id=1&ev=Open")?.thirdParty).toBe(true);
		expect(trackerOf("www.facebook.com", "/bakkerij")).toBeUndefined();
		expect(trackerOf("links.bakkerij.nl", "/track/open?x=1")?.service).toBe("an open-tracking endpoint");
		expect(trackerOf("notfacebook.com", "/tr")).toBeUndefined();
	});
});

html.run(
	"no-tracking-without-consent (html)",
	rule as never,
	withAudience(
		["NL"],
		asMarketing({
			valid: [
				// a spacer GIF: the same request for every recipient, nobody's open is recorded
				page(
					`<img src="https://cdn.bakkerij.nl/img/spacer.gif" width="1" height="1" style="display:block;" border="0" alt="">`,
				),
				// a 1px-wide spacer in an Outlook ghost table
				page(
					`<!--[if mso]><table><tr><td width="1"><img src="https://cdn.bakkerij.nl/spacer.gif" width="1" height="20" alt=""></td></tr></table><![endif]-->`,
				),
				// tiny social icons
				page(
					`<a href="https://facebook.com/bakkerij"><img src="https://cdn.bakkerij.nl/fb.png" width="16" height="16" alt="Facebook"></a>`,
				),
				// a campaign-level id counts opens in aggregate, not per recipient
				page(
					`<img src="https://stats.bakkerij.nl/o.gif?c={{ campaign.id }}&amp;l=*|LIST:UID|*" width="1" height="1" alt="">`,
				),
				// a literal id in a template is the same for every recipient: aggregate counting
				page(`<img src="https://t.bakkerij.nl/open.gif?u=8812" width="1" height="1" alt="">`),
				// per-recipient click tracking is not reported (see the doc)
				page(`<a href="https://www.bakkerij.nl/taart?uid={{ subscriber.id }}">Taart</a>`),
				// an identifier in the #fragment is never sent
				page(`<img src="https://cdn.bakkerij.nl/hero.png#{{ subscriber.id }}" width="600" alt="Taart">`),
				// retina image names are not e-mail addresses (seen in SendGrid's public templates)
				page(
					`<img src="./img/paste-logo-light@2x.png" alt="Logo" width="48"><img src="https://cdn.bakkerij.nl/img/logo@2x.png" width="1" height="1" alt="">`,
				),
				// a visible image whose whole URL is a variable is content
				page(`<img src="{{ this.image01 }}" width="600" alt="">`),
				// template comments that mention the pixel (Blade, Handlebars) are not tags
				page(`{{-- pixel invisible pour le tracking --}}<p>Hallo</p>{{!-- open tracking pixel below --}}`),
				// a parcel-tracking variable in the text
				page(`<p>Volg je pakket: {{ tracking_number }} {{ track_order_url }}</p>`),
				// consent to tracking recorded
				{ code: page(MAILCHIMP_PIXEL), settings: campaign({ consent: { tracking: true } }) },
				// recipients outside the EU/EEA and the UK
				{ code: page(MAILCHIMP_PIXEL, "en"), settings: campaign({ audience: { countries: ["US"] } }) },
				{ code: page(MAILCHIMP_PIXEL, "en"), settings: campaign({ audience: { countries: ["CA"] } }) },
				{ code: page(MAILCHIMP_PIXEL, "en"), options: [{ countries: ["US"] }] },
				// transactional mail: the exemptions are purpose-bound (see the doc)
				{ code: page(MAILCHIMP_PIXEL), settings: campaign({ kind: "transactional" }) },
				// SMS and WhatsApp carry no pixel
				{ code: page(MAILCHIMP_PIXEL), settings: campaign({ channel: "sms" }) },
				// aggregate counting: the ESP's pixel without a recipient identifier
				{
					code: page(`<img src="https://u1.ct.sendgrid.net/wf/open?c=spring" width="1" height="1" alt="">`),
					settings: campaign({ espTracking: "aggregate" }),
				},
				// the ESP adds no open pixel
				{ code: page(`<p>Hallo</p>`), settings: campaign({ esp: "sendgrid", espTracking: "clicks" }) },
				{ code: page(`<p>Hallo</p>`), settings: campaign({ esp: "mailchimp", espTracking: "none" }) },
				// a partial with a declared ESP pixel is checked where it is assembled
				{ code: `<table><tr><td>Footer</td></tr></table>`, settings: campaign({ espTracking: "opens" }) },
				// an image no client renders
				page(`<!--[if !mso]><!--><!--<![endif]--><p>x</p>`),
			],
			invalid: [
				// Mailchimp's rendered open pixel, recipients in NL by default
				{
					code: page(MAILCHIMP_PIXEL),
					errors: [
						{
							line: 4,
							message:
								"This open-tracking pixel (1×1 px, recipient id *|UNIQID|*, from Mailchimp) needs consent to tracking (Telecommunicatiewet art. 11.7a): remove it or its recipient id, or get that consent and set `consent.tracking: true`.",
						},
					],
				},
				// newsletter consent alone is not consent to tracking
				{
					code: page(MAILCHIMP_PIXEL),
					settings: campaign({ lawfulBasis: "consent", consent: { explicit: true, record: "crm" } }),
					errors: [{ messageId: "pixel" }],
				},
				// aggregate declared, but this pixel carries the recipient's id
				{
					code: page(MAILCHIMP_PIXEL),
					settings: campaign({ espTracking: "aggregate" }),
					errors: [{ messageId: "pixel" }],
				},
				// SendGrid's rendered pixel (opaque token, 1×1)
				{
					code: page(
						`<img src="https://u123.ct.sendgrid.net/wf/open?upn=aBc123" width="1" height="1" border="0" alt="">`,
					),
					errors: [{ message: /1×1 px, from SendGrid/u }],
				},
				// an own-host pixel hidden by CSS, with a Mailgun recipient variable
				{
					code: page(`<img src="https://stats.bakkerij.nl/open.gif?r=%recipient.id%" style="display:none" alt="">`),
					errors: [{ message: /display:none, recipient id %recipient\.id%/u }],
				},
				// hidden by a class in a <style> block
				{
					code: page(
						`<style>.px { visibility: hidden; }</style><img class="px" src="https://stats.bakkerij.nl/o.gif?s=%%_subscriberkey%%" alt="">`,
					),
					errors: [{ message: /visibility/u }],
				},
				// a visible image that identifies the recipient still tells who opened
				{
					code: page(
						`<img src="https://recs.bakkerij.nl/banner.png?user={{ customer_id }}" width="600" height="200" alt="Aanbevolen">`,
					),
					errors: [
						{
							message: /^This image tracks opens \(recipient id \{\{ customer_id \}\}\)/u,
						},
					],
				},
				// an avatar from a third party, by the recipient's hashed address
				{
					code: page(
						`<img src="https://www.gravatar.com/avatar/{{ user.email | md5 }}?s=48" width="48" height="48" alt="">`,
					),
					errors: [{ messageId: "identifyingImage" }],
				},
				// a hashed address is still an identifier; a literal address too
				{
					code: page(`<img src="https://t.bakkerij.nl/p.gif?h={{ email | md5 }}" width="0" height="0" alt="">`),
					errors: [{ message: /0×0 px/u }],
				},
				{
					code: page(`<img src="https://t.bakkerij.nl/p.gif/jan%40example.nl" width="1" height="1" alt="">`),
					errors: [{ message: /jan%40example\.nl/u }],
				},
				// an ESP's endpoint is a pixel whatever its size (SendGrid does not always size it)
				{
					code: page(`<img src="https://u4043402.ct.sendgrid.net/wf/open?upn=N8is9bv2sN3o">`),
					errors: [{ message: /\(from SendGrid\)/u }],
				},
				// the Meta pixel: a third party
				{
					code: page(
						`<img src="https://www.facebook.com/tr?id=123&amp;ev=EmailOpen" height="1" width="1" style="display:none" alt="">`,
					),
					errors: [{ message: /from Meta \(Facebook\) pixel, a third party\)/u }],
				},
				// the whole URL is a tracking variable
				{
					code: page(`<img src="{{ open_tracking_pixel_url }}" width="1" height="1" alt="">`),
					errors: [{ message: /URL \{\{ open_tracking_pixel_url \}\}/u }],
				},
				// inline CSS size
				{
					code: page(
						`<img src="https://t.bakkerij.nl/o.gif?u={{ subscriber.id }}" style="width:1px;height:1px" alt="">`,
					),
					errors: [{ message: /1×1 px/u }],
				},
				// a pixel only Outlook loads is still a pixel
				{ code: page(`<!--[if mso]>${MAILCHIMP_PIXEL}<![endif]-->`), errors: [{ messageId: "pixel" }] },
				// SendGrid's open-tracking substitution tag in the text
				{
					code: page(`<p>[%open_tracking_pixel%]</p>`.replace("[%", "{{").replace("%]", "}}")),
					errors: [{ messageId: "tag" }],
				},
				// listmonk's view-tracking tag
				{ code: page(`<p>Tot ziens!</p>{{ TrackView }}`), errors: [{ messageId: "tag" }] },
				// a Laravel view with the pixel URL in a variable
				{
					code: page(`<img src="{{ $trackingPixelUrl }}" alt="" width="1" height="1">`),
					errors: [{ message: /URL \{\{ \$trackingPixelUrl \}\}/u }],
				},
				// the ESP adds the pixel at send time
				{
					code: page(`<p>Hallo</p>`),
					settings: campaign({ esp: "mailchimp", espTracking: "opens" }),
					errors: [{ line: 2, message: /`espTracking: opens`/u }],
				},
				{
					code: page(MAILCHIMP_PIXEL),
					settings: campaign({ espTracking: "opens-and-clicks" }),
					errors: [{ messageId: "espTracking" }, { messageId: "pixel" }],
				},
				// the law of the audience: German, French, British recipients
				{
					code: page(`<p>Neuigkeiten</p>${MAILCHIMP_PIXEL}`, "de"),
					settings: campaign({ audience: { countries: ["DE", "AT"] } }),
					errors: [{ message: /\(TDDDG § 25\(1\)\)/u }],
				},
				{
					code: page(`<p>Nouveautés</p>${MAILCHIMP_PIXEL}`, "fr"),
					settings: campaign({ audience: { countries: ["FR", "BE"] } }),
					errors: [{ message: /\(art\. 82 Loi Informatique et Libertés\)/u }],
				},
				{
					code: page(`<p>News</p>${MAILCHIMP_PIXEL}`, "en"),
					settings: campaign({ audience: { countries: ["GB"] } }),
					errors: [{ message: /\(PECR reg\. 6\)/u }],
				},
				// two countries with their own acts: both, not the Directive they implement, nor French law
				{
					code: page(`<p>Nieuws</p>${MAILCHIMP_PIXEL}`),
					settings: campaign({ audience: { countries: ["NL", "DE"] } }),
					errors: [{ message: /\(Telecommunicatiewet art\. 11\.7a, TDDDG § 25\(1\)\)/u }],
				},
				// one EU country among others is enough
				{
					code: page(MAILCHIMP_PIXEL, "en"),
					settings: campaign({ audience: { countries: ["US", "IE"] } }),
					errors: [{ message: /\(ePrivacy Directive art\. 5\(3\)\)/u }],
				},
			],
		}),
	),
);

mjml.run(
	"no-tracking-without-consent (mjml)",
	rule as never,
	withAudience(
		["NL"],
		asMarketing({
			valid: [
				// mj-spacer, a normal image, social icons
				mail(
					`<mj-spacer height="1px" /><mj-image src="https://cdn.bakkerij.nl/taart.png" alt="Taart" /><mj-social><mj-social-element name="facebook" href="https://facebook.com/b" src="https://cdn.bakkerij.nl/fb.png" icon-size="20px" /></mj-social>`,
				),
				// a spacer image in mj-raw
				mail(`<mj-raw><img src="https://cdn.bakkerij.nl/spacer.gif" width="1" height="1" alt=""></mj-raw>`),
				{
					code: mail(`<mj-image src="https://t.bakkerij.nl/o.gif?u={{ subscriber.id }}" width="1px" height="1px" />`),
					settings: campaign({ consent: { tracking: true } }),
				},
			],
			invalid: [
				{
					code: mail(
						`<mj-image src="https://t.bakkerij.nl/o.gif?u={{ subscriber.id }}" width="1px" height="1px" alt="" />`,
					),
					errors: [{ message: /1×1 px, recipient id \{\{ subscriber\.id \}\}/u }],
				},
				{ code: mail(`<mj-raw>${MAILCHIMP_PIXEL}</mj-raw>`), errors: [{ messageId: "pixel" }] },
				{
					code: `<mjml><mj-body><mj-text>Hallo</mj-text></mj-body></mjml>`,
					settings: campaign({ espTracking: "opens" }),
					errors: [{ messageId: "espTracking", line: 1 }],
				},
			],
		}),
	),
);

html.run(
	"no-tracking-without-consent (kind not declared)",
	rule as never,
	withAudience(["NL"], {
		valid: [
			// marketing only by default: nothing in it promotes, so what the pixel serves is unknown
			page(MAILCHIMP_PIXEL),
			// the content says it is a password reset: transactional
			page(`<p>Reset your password: <a href="{{ reset_url }}">choose a new one</a>.</p>${MAILCHIMP_PIXEL}`, "en"),
		],
		invalid: [
			// the content promotes: marketing, and the finding says it was assumed
			{
				code: page(`<p>Deze week 20% korting op alle taarten!</p>${MAILCHIMP_PIXEL}`),
				errors: [{ messageId: "pixel" }],
			},
		],
	}),
);
