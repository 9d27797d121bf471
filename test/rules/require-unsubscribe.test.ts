import { RuleTester } from "eslint";
import { withAudience } from "../helpers/audience.js";
import plugin from "../../plugin/index.js";
import rule from "../../rules/require-unsubscribe.js";

const html = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/html" });
const mjml = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/mjml" });

const page = (body: string) => `<!DOCTYPE html>\n<html><body>\n${body}\n</body></html>`;
const mail = (text: string) =>
	`<mjml>\n<mj-body>\n<mj-section><mj-column>\n<mj-text>${text}</mj-text>\n</mj-column></mj-section>\n</mj-body>\n</mjml>`;
const campaign = (facts: Record<string, unknown>) => ({ mailcomply: { campaign: facts } });

/** What the finding cites for Dutch recipients (the default), and for US-only ones: the law of the audience, nothing else. */
const NL_LAW = "Telecommunicatiewet art. 11.7";
const US_LAW = "CAN-SPAM 15 U.S.C. 7704(a)(3)";

// The footer the "missing" report suggests (see test/rules/require-unsubscribe-suggestion.test.ts for every language and ESP).
const ENGLISH_PLACEHOLDER_HTML =
	'<!-- Replace {{unsubscribe_url}} with your ESP\'s unsubscribe link tag. -->\n<div style="background-color:#ffffff;color:#555555;font-size:12px;line-height:18px;text-align:center;padding:16px;">Don\'t want to receive these e-mails any more? <a href="{{unsubscribe_url}}" style="color:#555555;text-decoration:underline;">Unsubscribe</a></div>\n';
const englishHtmlWith = (href: string) =>
	`<div style="background-color:#ffffff;color:#555555;font-size:12px;line-height:18px;text-align:center;padding:16px;">Don't want to receive these e-mails any more? <a href="${href}" style="color:#555555;text-decoration:underline;">Unsubscribe</a></div>\n`;
const placeholderSuggestion = {
	messageId: "addFooter",
	data: { target: "a {{unsubscribe_url}} placeholder to replace with your ESP's tag" },
};
const espSuggestion = { messageId: "addFooter", data: { target: "your ESP's unsubscribe tag" } };
const beforeBody = (code: string, footer: string) => code.replace("</body>", `${footer}</body>`);

html.run(
	"require-unsubscribe (html)",
	rule as never,
	withAudience(["NL"], {
		valid: [
			// ESP tags in href, one per ESP family
			...[
				"*|UNSUB|*",
				"<%asm_group_unsubscribe_raw_url%>",
				"<%asm_global_unsubscribe_raw_url%>",
				"{{{unsubscribe}}}",
				"%unsubscribe_url%",
				"%tag_unsubscribe_url%",
				"{% unsubscribe_url %}",
				"{{ unsubscribe_link_all }}",
				"%%unsub_center_url%%",
				"%UNSUBSCRIBELINK%",
				"{$unsubscribe}",
				"[[UNSUB_LINK_EN]]",
				"{{unsubscribeUrl}}",
				"{{amazonSESUnsubscribeUrl}}",
				"{{${unsubscribe_url}}}",
				"{{ UnsubscribeURL }}",
				"{{unsubscribe_url}}",
			].map((tag) => page(`<p><a href="${tag.replaceAll('"', "&quot;")}">Click</a></p>`)),
			// bare tags that the ESP renders as a link, and Campaign Monitor's element
			page(`<p>{% unsubscribe %}</p>`),
			page(`<p>[unsubscribe]</p>`),
			page(`<p><unsubscribe>Unsubscribe</unsubscribe></p>`),
			// wording in link text, in 10 languages
			...[
				"Afmelden",
				"Uitschrijven",
				"Unsubscribe",
				"Opt out",
				"Abmelden",
				"Newsletter abbestellen",
				"Se désabonner",
				"Se desinscrire",
				"Darse de baja",
				"Annulla iscrizione",
				"Cancelar inscrição",
				"Wypisz się",
				"Avregistrera",
				"Afmeld",
			].map((text) => page(`<p><a href="https://news.bakkerij.nl/u?id=123">${text}</a></p>`)),
			// a "here" link made meaningful by its sentence
			page(`<p>Geen nieuwsbrief meer? Meld je <a href="https://x.nl/p?id=9">hier</a> af.</p>`),
			page(`<p>Don't want these e-mails? <a href="https://x.com/p?id=9">Click here</a>.</p>`),
			page(`<p>Wenn Sie keine E-Mails mehr erhalten möchten, klicken Sie <a href="https://x.de/p?id=9">hier</a>.</p>`),
			page(`<p>Pour ne plus recevoir nos e-mails, <a href="https://x.fr/p?id=9">cliquez ici</a>.</p>`),
			// the URL says so
			page(`<p><a href="https://x.com/newsletter/unsubscribe?u=1">Click</a></p>`),
			// mailto opt-out
			page(`<p><a href="mailto:unsubscribe@x.com?subject=unsubscribe">Unsubscribe by e-mail</a></p>`),
			// a preference centre counts as an opt-out mechanism
			page(`<p><a href="*|UPDATE_PROFILE|*">Manage preferences</a></p>`),
			// Outlook-only link still counts here (visibility is no-hidden-unsubscribe's job)
			page(`<!--[if mso]><a href="*|UNSUB|*">Afmelden</a><![endif]-->`),
			// transactional, SMS and ESP footer are exempt
			{ code: page(`<p>Your password was changed.</p>`), settings: campaign({ kind: "transactional" }) },
			{ code: page(`<p>Sale</p>`), settings: campaign({ channel: "sms" }) },
			{ code: page(`<p>Sale</p>`), settings: campaign({ esp: "laposta", espAppendsFooter: true }) },
			// a partial (no <html>, <body> or doctype) is checked where it is included
			`<table><tr><td>Footer partial</td></tr></table>`,
			// a sign-up page is not a mail: no unsubscribe needed, and its relative /afmelden link is a web link
			page(
				`<form action="/subscribe"><input type="email" name="email"><button>Aanmelden</button></form><p><a href="/afmelden">Afmelden</a></p>`,
			),
			// a link that does not claim to unsubscribe is not judged
			page(
				`<p><a href="#">Back to top</a> <a href="https://x.nl/">Home</a></p><p><a href="*|UNSUB|*">Afmelden</a></p>`,
			),
			// an opt-out by e-mail, which the law accepts (CAN-SPAM 7704(a)(3)(A)(i), ePrivacy art. 13(4)): a reply instruction or an address, nl/en/de/fr
			page(`<p>To unsubscribe, reply to this email with "unsubscribe" in the subject line.</p>`),
			page(`<p>Don't want these emails? Just reply STOP.</p>`),
			page(`<p>Geen mails meer ontvangen? Stuur een e-mail naar afmelden@bloemenhuis.nl.</p>`),
			page(`<p>Afmelden kan door deze e-mail te beantwoorden.</p>`),
			page(`<p>Sie möchten keine E-Mails mehr erhalten? Eine kurze Nachricht an newsletter@gartenhaus.de genügt.</p>`),
			page(`<p>Pour vous désabonner, répondez simplement à cet e-mail avec le mot STOP.</p>`),
			// one typo in a merge tag is one finding, esp-merge-tags's; not also "a relative path" or "missing" here
			{ code: page(`<p><a href="*|UNSUB|">Unsubscribe</a></p>`), settings: campaign({ esp: "mailchimp" }) },
			{ code: page(`<p><a href="{{ unsubscribe }">Abmelden</a></p>`), settings: campaign({ esp: "brevo" }) },
			page(`<p><a href="<%asm_group_unsubscribe_raw_url%">Click</a></p>`),
			{ code: page(`<p>{% unsubscribe 'Afmelden' }</p>`), settings: campaign({ esp: "klaviyo" }) },
			page(`<p>If you'd rather not hear from us, reply with REMOVE and we'll take you off the list.</p>`),
			page(`<p>Abmeldung jederzeit per E-Mail an info@gartenhaus-linde.de möglich.</p>`),
			page(
				`<p>Vous pouvez vous opposer à tout moment à la réception de nos e-mails en écrivant à desinscription@atelier-rose.fr.</p>`,
			),
			// another ESP's tag is esp-merge-tags's finding (a dead opt-out), not repeated here
			{ code: page(`<p><a href="{{unsubscribe_link}}">Unsubscribe</a></p>`), settings: campaign({ esp: "mailchimp" }) },
		],
		invalid: [
			// traps: a contact address, "just reply" without unsubscribe wording, an unsubscribe label apart from an address
			...[
				`<p>Vragen? Mail naar info@modehuis-jansen.nl.</p>`,
				`<p>Questions about your order? Just reply to this email.</p>`,
				`<p>Unsubscribe · Contact: info@shop.co.uk</p>`,
				`<p>Haben Sie Fragen? Antworten Sie einfach auf diese E-Mail.</p>`,
				// the recipient's own address in the footer, beside unlinked unsubscribe wording
				`<p>This email was sent to jane@example-shop.co.uk, unsubscribe here</p>`,
				`<p>Deze e-mail is verzonden naar jan@bloemenhuis.nl. Klik hier om je af te melden.</p>`,
			].map((body) => ({
				code: page(body),
				errors: [
					{
						messageId: "missing",
						suggestions: [{ ...placeholderSuggestion, output: beforeBody(page(body), ENGLISH_PLACEHOLDER_HTML) }],
					},
				],
			})),
			// the message cites the law of the declared audience: CAN-SPAM for a US-only mail, UWG for a German one
			{
				code: page(`<p>Black Friday!</p>`),
				settings: campaign({ audience: { countries: ["US"] } }),
				errors: [
					{
						messageId: "missing",
						data: { hint: "", law: US_LAW },
						suggestions: [
							{ ...placeholderSuggestion, output: beforeBody(page(`<p>Black Friday!</p>`), ENGLISH_PLACEHOLDER_HTML) },
						],
					},
				],
			},
			{
				code: page(`<p>Black Friday!</p>`),
				settings: campaign({ audience: { countries: ["DE", "FR"] } }),
				errors: [
					{
						messageId: "missing",
						data: { hint: "", law: "UWG § 7(2) Nr. 3" },
						suggestions: [
							{ ...placeholderSuggestion, output: beforeBody(page(`<p>Black Friday!</p>`), ENGLISH_PLACEHOLDER_HTML) },
						],
					},
				],
			},
			{
				code: page(`<p>Black Friday!</p>`),
				errors: [
					{
						messageId: "missing",
						data: { hint: "", law: NL_LAW },
						line: 2,
						column: 7,
						suggestions: [
							{ ...placeholderSuggestion, output: beforeBody(page(`<p>Black Friday!</p>`), ENGLISH_PLACEHOLDER_HTML) },
						],
					},
				],
			},
			{
				code: page(`<p>Black Friday!</p>`),
				settings: campaign({ esp: "mailchimp" }),
				errors: [
					{
						messageId: "missing",
						data: { hint: ', e.g. href="*|UNSUB|*" for Mailchimp', law: NL_LAW },
						suggestions: [
							{ ...espSuggestion, output: beforeBody(page(`<p>Black Friday!</p>`), englishHtmlWith("*|UNSUB|*")) },
						],
					},
				],
			},
			{
				code: page(`<p>Don't want these? <a href="#">Unsubscribe</a></p>`),
				errors: [
					{
						messageId: "broken",
						data: { text: "Unsubscribe", reason: 'href="#"', hint: "", law: NL_LAW },
						line: 3,
						column: 22,
					},
				],
			},
			{
				code: page(`<p><a href="">Afmelden</a></p>`),
				errors: [
					{ messageId: "broken", data: { text: "Afmelden", reason: "its href is empty", hint: "", law: NL_LAW } },
				],
			},
			{
				code: page(`<p><a>Abmelden</a></p>`),
				errors: [{ messageId: "broken", data: { text: "Abmelden", reason: "it has no href", hint: "", law: NL_LAW } }],
			},
			{
				code: page(`<p><a href="javascript:void(0)">Se désabonner</a></p>`),
				errors: [
					{
						messageId: "broken",
						data: {
							text: "Se désabonner",
							reason: "javascript: links do not run in e-mail clients",
							hint: "",
							law: NL_LAW,
						},
					},
				],
			},
			{
				code: page(`<p><a href="https://www.example.com/unsubscribe">Unsubscribe</a></p>`),
				errors: [
					{
						messageId: "broken",
						data: { text: "Unsubscribe", reason: "www.example.com is a placeholder address", hint: "", law: NL_LAW },
					},
				],
			},
			{
				code: page(`<p><a href="https://www.fietsenjansen.nl/">Afmelden</a></p>`),
				errors: [
					{
						messageId: "broken",
						data: {
							text: "Afmelden",
							reason: "it is the home page of www.fietsenjansen.nl",
							hint: "",
							law: NL_LAW,
						},
					},
				],
			},
			{
				code: page(`<p><a href="unsubscribe.html">Unsubscribe</a></p>`),
				errors: [
					{
						messageId: "broken",
						data: {
							text: "Unsubscribe",
							reason: '"unsubscribe.html" is a relative path, and an e-mail has no base address to resolve it against',
							hint: "",
							law: NL_LAW,
						},
					},
				],
			},
			{
				code: page(`<p><a href="mailto:?subject=unsubscribe">Unsubscribe</a></p>`),
				errors: [
					{
						messageId: "broken",
						data: { text: "Unsubscribe", reason: "the mailto: link has no e-mail address", hint: "", law: NL_LAW },
					},
				],
			},
			// a working link elsewhere does not excuse a fake one
			{
				code: page(`<p><a href="*|UNSUB|*">Afmelden</a></p>\n<p><a href="#">Uitschrijven</a></p>`),
				errors: [{ messageId: "broken", line: 4 }],
			},
			// "subscribe" is the opposite of unsubscribe
			{
				code: page(
					`<p><a href="https://x.nl/aanmelden">Aanmelden</a> <a href="https://x.com/subscribe">Subscribe</a></p>`,
				),
				errors: [
					{
						messageId: "missing",
						suggestions: [
							{
								...placeholderSuggestion,
								output: beforeBody(
									page(
										`<p><a href="https://x.nl/aanmelden">Aanmelden</a> <a href="https://x.com/subscribe">Subscribe</a></p>`,
									),
									ENGLISH_PLACEHOLDER_HTML,
								),
							},
						],
					},
				],
			},
			// marketing is the default without a sidecar, and also when declared
			{
				code: page(`<p>Sale</p>`),
				settings: campaign({ kind: "marketing", esp: "sendgrid" }),
				errors: [
					{
						messageId: "missing",
						suggestions: [
							{
								...espSuggestion,
								output: beforeBody(page(`<p>Sale</p>`), englishHtmlWith("<%asm_group_unsubscribe_raw_url%>")),
							},
						],
					},
				],
			},
		],
	}),
);

mjml.run(
	"require-unsubscribe (mjml)",
	rule as never,
	withAudience(["NL"], {
		valid: [
			mail(`<a href="*|UNSUB|*">Afmelden</a>`),
			`<mjml><mj-body><mj-section><mj-column><mj-button href="{{ unsubscribe_url }}">Unsubscribe</mj-button></mj-column></mj-section></mj-body></mjml>`,
			`<mjml><mj-body><mj-navbar><mj-navbar-link href="https://x.nl/afmelden?id=1">Afmelden</mj-navbar-link></mj-navbar></mj-body></mjml>`,
			// a partial without <mjml>
			`<mj-section><mj-column><mj-text>Footer</mj-text></mj-column></mj-section>`,
		],
		invalid: [
			{
				code: mail(`Nieuwe e-bikes!`),
				errors: [
					{
						messageId: "missing",
						line: 2,
						column: 1,
						endLine: 2,
						endColumn: 10,
						suggestions: [
							{
								...placeholderSuggestion,
								output: mail(`Nieuwe e-bikes!`).replace(
									"</mj-body>",
									'<!-- Replace {{unsubscribe_url}} with your ESP\'s unsubscribe link tag. -->\n<mj-section background-color="#ffffff"><mj-column><mj-text align="center" font-size="12px" line-height="18px" color="#555555">Don\'t want to receive these e-mails any more? <a href="{{unsubscribe_url}}" style="color:#555555;text-decoration:underline;">Unsubscribe</a></mj-text></mj-column></mj-section>\n</mj-body>',
								),
							},
						],
					},
				],
			},
			{
				code: mail(`<a href="#">Afmelden</a>`),
				errors: [{ messageId: "broken", line: 4, column: 10 }],
			},
		],
	}),
);
