import { RuleTester } from "eslint";
import plugin from "../../plugin/index.js";
import rule from "../../rules/unsubscribe-link-in-body.js";

const html = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/html" });
const mjml = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/mjml" });

const page = (body: string) => `<!DOCTYPE html>\n<html><body>\n${body}\n</body></html>`;
const mail = (text: string) =>
	`<mjml>\n<mj-body>\n<mj-section><mj-column>\n<mj-text>${text}</mj-text>\n</mj-column></mj-section>\n</mj-body>\n</mjml>`;
const campaign = (facts: Record<string, unknown>) => ({ mailcomply: { campaign: facts } });

html.run("unsubscribe-link-in-body (html)", rule as never, {
	valid: [
		// an e-mail opt-out beside a link or an ESP tag
		page(`<p>To unsubscribe, reply STOP or <a href="*|UNSUB|*">unsubscribe here</a>.</p>`),
		page(`<p>Afmelden? Mail naar afmelden@bloemenhuis.nl</p><p>{% unsubscribe 'Afmelden' %}</p>`),
		// no opt-out, or a broken one: require-unsubscribe's and esp-merge-tags' findings, not this rule's
		page(`<p>Black Friday!</p>`),
		page(`<p>Afmelden? Mail naar afmelden@bloemenhuis.nl</p><p><a href="#">Afmelden</a></p>`),
		{
			code: page(`<p>Abmelden? Schreiben Sie an abmelden@shop.de</p><p><a href="*|UNSUB|">Abmelden</a></p>`),
			settings: campaign({ esp: "mailchimp" }),
		},
		// the ESP adds its footer; transactional mail; a sign-up page; a partial
		{
			code: page(`<p>Afmelden? Mail naar afmelden@bloemenhuis.nl</p>`),
			settings: campaign({ esp: "laposta", espAppendsFooter: true }),
		},
		{ code: page(`<p>To stop these emails, reply STOP.</p>`), settings: campaign({ kind: "transactional" }) },
		page(
			`<form action="https://x.nl/s"><input type="email" name="email"><button>OK</button></form><p>Afmelden? Mail naar afmelden@x.nl</p>`,
		),
		`<table><tr><td>Afmelden? Mail naar afmelden@x.nl</td></tr></table>`,
	],
	invalid: [
		{
			code: page(
				`<p>Spring sale.</p>\n<p>To unsubscribe, reply to this email with "unsubscribe" in the subject line.</p>`,
			),
			errors: [{ messageId: "emailOnly", data: { how: "a reply to the mail", hint: "" }, line: 4, column: 1 }],
		},
		{
			code: page(
				`<p>Nieuwe tulpen.</p>\n<p>Geen mails meer ontvangen? Stuur een e-mail naar afmelden@bloemenhuis.nl.</p>`,
			),
			settings: campaign({ esp: "mailchimp" }),
			errors: [
				{
					messageId: "emailOnly",
					data: { how: "an address to write to", hint: ', e.g. href="*|UNSUB|*" for Mailchimp' },
				},
			],
		},
		{
			code: page(`<p>Kein Interesse mehr? Antworten Sie einfach mit „Abmelden“.</p>`),
			errors: [{ messageId: "emailOnly" }],
		},
		{
			code: page(`<p>Pour vous désabonner, écrivez-nous à desinscription@atelier.fr</p>`),
			errors: [{ messageId: "emailOnly" }],
		},
	],
});

mjml.run("unsubscribe-link-in-body (mjml)", rule as never, {
	valid: [mail(`Afmelden? <a href="*|UNSUB|*">Klik hier</a> of mail naar afmelden@x.nl`)],
	invalid: [
		{
			code: mail(`Wil je deze e-mails niet meer? Mail ons op uitschrijven@wolwinkel.nl`),
			errors: [{ messageId: "emailOnly", line: 4 }],
		},
	],
});
