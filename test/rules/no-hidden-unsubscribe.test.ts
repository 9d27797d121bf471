import { RuleTester } from "eslint";
import { withAudience } from "../helpers/audience.js";
import plugin from "../../plugin/index.js";
import rule from "../../rules/no-hidden-unsubscribe.js";

/** What a finding cites for Dutch recipients, the default audience. */
const NL_LAW = "GDPR art. 21(4), Telecommunicatiewet art. 11.7";

const html = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/html" });
const mjml = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/mjml" });

const page = (body: string, head = "") =>
	`<!DOCTYPE html>\n<html><head><style>${head}</style></head><body>\n${body}\n</body></html>`;
const mail = (body: string, head = "") =>
	`<mjml>\n<mj-head>${head}</mj-head>\n<mj-body>\n<mj-section><mj-column>\n${body}\n</mj-column></mj-section>\n</mj-body>\n</mjml>`;
const campaign = (facts: Record<string, unknown>) => ({ mailcomply: { campaign: facts } });
const UNSUB = `<a href="*|UNSUB|*">Afmelden</a>`;

html.run(
	"no-hidden-unsubscribe (html)",
	rule as never,
	withAudience(["NL"], {
		valid: [
			// browser defaults: a blue link on white, 16px
			page(`<p>Geen nieuwsbrief meer? ${UNSUB}</p>`),
			// grey small print that is still readable: #767676 on white is 4.54:1, 11px
			page(
				`<p style="font-size:11px;color:#767676">Keine E-Mails mehr? <a href="https://x.de/abmelden?u=1" style="color:#767676">Abmelden</a></p>`,
			),
			// white on a dark footer, the background set three levels up
			page(
				`<table bgcolor="#1a1a1a"><tr><td><p><a href="{{ unsubscribe_url }}" style="color:#ffffff">Unsubscribe</a></p></td></tr></table>`,
			),
			// a hidden duplicate does no harm when a visible opt-out exists for the same readers
			page(`<div style="display:none">${UNSUB}</div><p>${UNSUB}</p>`),
			// Outlook gets a VML button, everyone else the HTML one
			page(
				`<!--[if mso]><a href="*|UNSUB|*">Afmelden</a><![endif]--><!--[if !mso]><!--><a href="*|UNSUB|*">Afmelden</a><!--<![endif]-->`,
			),
			// hidden on small screens only: a media query is not resolved, so not reported
			page(`<p class="desktop">${UNSUB}</p>`, `@media (max-width:600px) { .desktop { display:none !important } }`),
			// colour from a merge tag, and a background image: unknown is not hidden
			page(`<p><a href="*|UNSUB|*" style="color:{{ brand_color }}">Afmelden</a></p>`),
			page(`<td background="https://cdn.x.nl/bg.jpg"><a href="*|UNSUB|*" style="color:#ffffff">Afmelden</a></td>`),
			// the link's text sits in a span with its own, readable colour
			page(`<p><a href="*|UNSUB|*" style="color:#ffffff"><span style="color:#333333">Se désabonner</span></a></p>`),
			// an ESP tag that renders the link, in normal text
			page(`<p>{% unsubscribe %}</p>`),
			// an image link with alt text: size and colour do not apply
			page(`<a href="*|UNSUB|*"><img src="https://x.nl/unsub.png" alt="Unsubscribe" width="80"></a>`),
			// options
			{ code: page(`<p style="font-size:9px">${UNSUB}</p>`), options: [{ minFontSize: 8 }] },
			// exempt: transactional mail, partials, an ESP that always appends its own footer
			{ code: page(`<div style="display:none">${UNSUB}</div>`), settings: campaign({ kind: "transactional" }) },
			`<div style="display:none">${UNSUB}</div>`,
			{
				code: page(`<div style="display:none">${UNSUB}</div>`),
				settings: campaign({ esp: "laposta", espAppendsFooter: true }),
			},
			// no opt-out at all is require-unsubscribe's finding
			page(`<p>Sale</p>`),
			// a hover colour does not apply at rest
			page(`<p><a class="u" href="*|UNSUB|*">Unsubscribe</a></p>`, `a.u:hover { color: #ffffff }`),
		],
		invalid: [
			{
				code: page(`<div style="display:none">\n<p>${UNSUB}</p></div>\n<p>Content</p>`),
				errors: [
					{
						messageId: "notDisplayed",
						data: { law: NL_LAW, text: "Afmelden", reason: "display:none", where: " on <div> at line 3" },
						line: 4,
						column: 4,
					},
				],
			},
			{
				code: page(
					`<p class="legal">Unsubscribe: <a href="https://x.com/unsubscribe?u=1">unsubscribe</a></p>`,
					`.legal { display: none !important }`,
				),
				errors: [
					{
						messageId: "notDisplayed",
						data: { law: NL_LAW, text: "unsubscribe", reason: "display:none", where: " on <p> at line 3" },
					},
				],
			},
			{
				code: page(`<p>${`<a href="*|UNSUB|*" style="visibility:hidden">Afmelden</a>`}</p>`),
				errors: [
					{
						messageId: "notDisplayed",
						data: { law: NL_LAW, text: "Afmelden", reason: "visibility:hidden", where: "" },
					},
				],
			},
			{
				code: page(`<div style="max-height:0;overflow:hidden;">${UNSUB}</div>`),
				errors: [
					{
						messageId: "notDisplayed",
						data: {
							law: NL_LAW,
							text: "Afmelden",
							reason: "max-height:0 with overflow:hidden",
							where: " on <div> at line 3",
						},
					},
				],
			},
			// the hidden preheader is the first text of the mail
			{
				code: page(
					`<div style="display:none;font-size:1px;max-height:0;overflow:hidden">Lentekorting! ${UNSUB}</div>\n<p>Onze lenteactie is begonnen.</p>`,
				),
				errors: [
					{
						messageId: "preheaderOnly",
						data: { law: NL_LAW, text: "Afmelden", reason: "display:none", where: " on <div> at line 3" },
					},
				],
			},
			{
				code: page(`<p>Hello</p><span class="preheader" style="display:none">${UNSUB}</span>`),
				errors: [{ messageId: "preheaderOnly" }],
			},
			// too small
			{
				code: page(`<p style="font-size:8px">Keine E-Mails mehr? <a href="https://x.de/abmelden?u=1">Abmelden</a></p>`),
				errors: [
					{ messageId: "tooSmall", data: { law: NL_LAW, text: "Abmelden", size: "8", min: "10" }, line: 3, column: 46 },
				],
			},
			{
				code: page(`<font size="1"><a href="*|UNSUB|*">Unsubscribe</a></font>`),
				options: [{ minFontSize: 12 }],
				errors: [{ messageId: "tooSmall", data: { law: NL_LAW, text: "Unsubscribe", size: "10", min: "12" } }],
			},
			// low contrast: almost white on white, white link through <body link>, grey on grey
			{
				code: page(`<p><a href="*|UNSUB|*" style="color:#fefefe">Se désabonner</a></p>`),
				errors: [
					{
						messageId: "lowContrast",
						data: {
							law: NL_LAW,
							text: "Se désabonner",
							ratio: "1.00",
							foreground: "#fefefe",
							background: "#ffffff",
							min: "3",
						},
					},
				],
			},
			{
				code: `<!DOCTYPE html>\n<html><body link="#ffffff"><p>${UNSUB}</p></body></html>`,
				errors: [
					{
						messageId: "lowContrast",
						data: {
							law: NL_LAW,
							text: "Afmelden",
							ratio: "1.00",
							foreground: "#ffffff",
							background: "#ffffff",
							min: "3",
						},
					},
				],
			},
			{
				code: page(
					`<table style="background-color:#eeeeee"><tr><td><a href="*|UNSUB|*" class="fine">Afmelden</a></td></tr></table>`,
					`td .fine { color: #cccccc }`,
				),
				errors: [
					{
						messageId: "lowContrast",
						data: {
							law: NL_LAW,
							text: "Afmelden",
							ratio: "1.38",
							foreground: "#cccccc",
							background: "#eeeeee",
							min: "3",
						},
					},
				],
			},
			// opacity fades it out
			{
				code: page(`<p style="opacity:0.1">${UNSUB}</p>`),
				errors: [{ messageId: "lowContrast" }],
			},
			// a stricter contrast option
			{
				code: page(`<p><a href="*|UNSUB|*" style="color:#888888">Afmelden</a></p>`),
				options: [{ minContrast: 4.5 }],
				errors: [
					{
						messageId: "lowContrast",
						data: {
							law: NL_LAW,
							text: "Afmelden",
							ratio: "3.54",
							foreground: "#888888",
							background: "#ffffff",
							min: "4.5",
						},
					},
				],
			},
			// Outlook only, or everything but Outlook
			{
				code: page(`<p>Hello</p>\n<!--[if mso]><a href="*|UNSUB|*">Afmelden</a><![endif]-->`),
				errors: [
					{
						messageId: "clientOnly",
						data: {
							law: NL_LAW,
							text: "Afmelden",
							shownTo: "in Outlook for Windows",
							missing: "Gmail, Apple Mail and every other client",
							mechanism: "the <!--[if mso]> block",
						},
						line: 4,
						column: 14,
					},
				],
			},
			{
				code: page(`<div style="mso-hide:all">${UNSUB}</div>`),
				errors: [
					{
						messageId: "clientOnly",
						data: {
							law: NL_LAW,
							text: "Afmelden",
							shownTo: "outside Outlook for Windows",
							missing: "Outlook for Windows",
							mechanism: "the element with mso-hide:all (line 3)",
						},
					},
				],
			},
			{
				code: page(`<!--[if !mso]><!--><p>${UNSUB}</p><!--<![endif]-->`),
				errors: [
					{
						messageId: "clientOnly",
						data: {
							law: NL_LAW,
							text: "Afmelden",
							shownTo: "outside Outlook for Windows",
							missing: "Outlook for Windows",
							mechanism: "the <!--[if !mso]> block",
						},
					},
				],
			},
			// one problem, one finding: hidden and tiny is reported as hidden
			{
				code: page(`<div style="display:none;font-size:6px">${UNSUB}</div><p>Hi</p>`),
				errors: [{ messageId: "notDisplayed" }],
			},
			// every hidden opt-out is its own finding when none is visible
			{
				code: page(`<p>Hi</p><div style="display:none">${UNSUB}</div><p style="font-size:7px">${UNSUB}</p>`),
				errors: [{ messageId: "notDisplayed" }, { messageId: "tooSmall" }],
			},
			// an ESP that adds its footer only when the tag is missing does not help: the tag is there, hidden
			{
				code: page(`<p>Hi</p><div style="display:none">${UNSUB}</div>`),
				settings: campaign({ esp: "mailchimp", espAppendsFooter: true }),
				errors: [{ messageId: "notDisplayed" }],
			},
			// the ESP's tag in hidden text
			{
				code: page(`<p>Hi</p><p style="display:none">{% unsubscribe %}</p>`),
				errors: [
					{
						messageId: "notDisplayed",
						data: { law: NL_LAW, text: "{% unsubscribe %}", reason: "display:none", where: " on <p> at line 3" },
					},
				],
			},
		],
	}),
);

mjml.run(
	"no-hidden-unsubscribe (mjml)",
	rule as never,
	withAudience(["NL"], {
		valid: [
			mail(`<mj-text>Geen nieuwsbrief meer? ${UNSUB}</mj-text>`),
			// mjml's default button: #ffffff on #414141
			mail(`<mj-button href="*|UNSUB|*">Unsubscribe</mj-button>`),
			// white text on a dark section
			`<mjml><mj-body><mj-section background-color="#222222"><mj-column><mj-text><a href="*|UNSUB|*" style="color:#ffffff">Afmelden</a></mj-text></mj-column></mj-section></mj-body></mjml>`,
			// 11px from mj-attributes is above the minimum
			mail(`<mj-text>${UNSUB}</mj-text>`, `<mj-attributes><mj-text font-size="11px"/></mj-attributes>`),
		],
		invalid: [
			{
				code: mail(
					`<mj-text mj-class="fine">${UNSUB}</mj-text>`,
					`<mj-attributes><mj-class name="fine" font-size="8px"/></mj-attributes>`,
				),
				errors: [
					{ messageId: "tooSmall", data: { law: NL_LAW, text: "Afmelden", size: "8", min: "10" }, line: 5, column: 26 },
				],
			},
			{
				code: mail(`<mj-text>${UNSUB}</mj-text>`, `<mj-attributes><mj-all font-size="7px"/></mj-attributes>`),
				errors: [{ messageId: "tooSmall", data: { law: NL_LAW, text: "Afmelden", size: "7", min: "10" } }],
			},
			{
				code: mail(
					`<mj-text css-class="hide-me">${UNSUB}</mj-text>`,
					`<mj-style>.hide-me { display: none !important; }</mj-style>`,
				),
				errors: [
					{
						messageId: "notDisplayed",
						data: { law: NL_LAW, text: "Afmelden", reason: "display:none", where: " on <mj-text> at line 5" },
					},
				],
			},
			{
				code: mail(`<mj-button href="*|UNSUB|*" background-color="#ffffff" color="#f5f5f5">Unsubscribe</mj-button>`),
				errors: [
					{
						messageId: "lowContrast",
						data: {
							law: NL_LAW,
							text: "Unsubscribe",
							ratio: "1.09",
							foreground: "#f5f5f5",
							background: "#ffffff",
							min: "3",
						},
					},
				],
			},
			{
				code: `<mjml><mj-body background-color="#000000"><mj-section><mj-column><mj-text><a href="*|UNSUB|*" style="color:#111111">Abmelden</a></mj-text></mj-column></mj-section></mj-body></mjml>`,
				errors: [
					{
						messageId: "lowContrast",
						data: {
							law: NL_LAW,
							text: "Abmelden",
							ratio: "1.11",
							foreground: "#111111",
							background: "#000000",
							min: "3",
						},
					},
				],
			},
		],
	}),
);
