import { RuleTester, type Linter } from "eslint";
import { describe, expect, test } from "vitest";
import plugin from "../../plugin/index.js";
import requireHttps from "../../rules/require-https.js";
import preferHttps from "../../rules/prefer-https.js";
import { applyFix, applySuggestion, lint, mjmlErrors, parseProblems } from "./fix-check.js";

const html = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/html" });
const mjml = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/mjml" });
const page = (body: string) => `<!DOCTYPE html>\n<html><body>\n${body}\n</body></html>`;
const mail = (body: string) =>
	`<mjml>\n<mj-body>\n<mj-section><mj-column>\n${body}\n</mj-column></mj-section>\n</mj-body>\n</mjml>`;

html.run("require-https (html)", requireHttps as never, {
	valid: [
		page(`<p><a href="https://shop.nl/afmelden?u=1">Afmelden</a></p>`),
		// merge tags that stand for the whole URL, mailto:, protocol-relative
		page(`<p><a href="*|UNSUB|*">Afmelden</a> <a href="{{ unsubscribe_url }}">Unsubscribe</a></p>`),
		page(`<p><a href="mailto:afmelden@shop.nl?subject=afmelden">Afmelden per e-mail</a></p>`),
		// an ordinary http: link or image is prefer-https's warning, not this rule's error
		page(`<p><a href="http://shop.nl/sale">Sale</a><img src="http://cdn.shop.nl/a.png" alt=""></p>`),
		page(`<form action="https://shop.nl/subscribe" method="post"><input type="email" name="email"></form>`),
	],
	invalid: [
		{
			code: page(`<p>Keine E-Mails mehr? <a href="http://shop.de/abmelden?u={{ id }}">Abmelden</a></p>`),
			errors: [
				{
					messageId: "optOut",
					data: { url: "http://shop.de/abmelden?u={{ id }}" },
					line: 3,
					column: 27,
					suggestions: [
						{
							messageId: "upgrade",
							data: { host: "shop.de" },
							output: page(`<p>Keine E-Mails mehr? <a href="https://shop.de/abmelden?u={{ id }}">Abmelden</a></p>`),
						},
					],
				},
			],
		},
		// a listed safe host is fixed automatically
		{
			code: page(`<p><a href=" HTTP://www.shop.nl/afmelden">Afmelden</a></p>`),
			options: [{ safeHosts: ["*.shop.nl"] }],
			output: page(`<p><a href=" https://www.shop.nl/afmelden">Afmelden</a></p>`),
			errors: [{ messageId: "optOut", suggestions: [] }],
		},
		{
			code: page(`<form action="http://shop.nl/subscribe" method="post"><input type="email" name="email"></form>`),
			options: [{ safeHosts: ["shop.nl"] }],
			output: page(`<form action="https://shop.nl/subscribe" method="post"><input type="email" name="email"></form>`),
			errors: [{ messageId: "form", data: { url: "http://shop.nl/subscribe" } }],
		},
		// the exact host only: www.shop.nl is not shop.nl
		{
			code: page(`<p><a href="http://www.shop.nl/unsubscribe">Se désabonner</a></p>`),
			options: [{ safeHosts: ["shop.nl"] }],
			errors: [
				{
					messageId: "optOut",
					suggestions: [
						{
							messageId: "upgrade",
							output: page(`<p><a href="https://www.shop.nl/unsubscribe">Se désabonner</a></p>`),
						},
					],
				},
			],
		},
		// a literal http: in front of a merge-tag host is still http:
		{
			code: page(`<p><a href="http://{{ domain }}/uitschrijven">Uitschrijven</a></p>`),
			errors: [
				{
					messageId: "optOut",
					suggestions: [
						{
							messageId: "upgrade",
							output: page(`<p><a href="https://{{ domain }}/uitschrijven">Uitschrijven</a></p>`),
						},
					],
				},
			],
		},
	],
});

html.run("prefer-https (html)", preferHttps as never, {
	valid: [
		page(`<p><a href="https://shop.nl/sale">Sale</a><img src="https://cdn.shop.nl/a.png" alt=""></p>`),
		page(
			`<p><a href="{{ tracking_url }}">Sale</a><a href="mailto:info@shop.nl">Mail</a><img src="//cdn.shop.nl/a.png" alt=""></p>`,
		),
		// opt-outs and forms are require-https's
		page(`<p><a href="http://shop.nl/afmelden">Afmelden</a></p><form action="http://shop.nl/s"></form>`),
		// a static image or page over http: says nothing about the reader: only with everyUrl
		page(`<p><a href="http://shop.nl/sale">Sale</a><img src="http://cdn.shop.nl/logo.png" alt="Shop"></p>`),
		page(`<table><tr><td background="http://cdn.shop.nl/bg.jpg?v=2">x</td></tr></table>`),
	],
	invalid: [
		{
			code: page(
				`<p><a href="http://shop.nl/sale?uid={{ subscriber.id }}">Sale</a></p>\n<img src="http://t.shop.nl/open.gif?id={{ id }}" width="1" height="1" alt="">`,
			),
			errors: [
				{
					messageId: "link",
					data: { url: "http://shop.nl/sale?uid={{ subscriber.id }}" },
					line: 3,
					column: 7,
					suggestions: [
						{
							messageId: "upgrade",
							output: page(
								`<p><a href="https://shop.nl/sale?uid={{ subscriber.id }}">Sale</a></p>\n<img src="http://t.shop.nl/open.gif?id={{ id }}" width="1" height="1" alt="">`,
							),
						},
					],
				},
				{
					messageId: "image",
					line: 4,
					column: 6,
					suggestions: [
						{
							messageId: "upgrade",
							output: page(
								`<p><a href="http://shop.nl/sale?uid={{ subscriber.id }}">Sale</a></p>\n<img src="https://t.shop.nl/open.gif?id={{ id }}" width="1" height="1" alt="">`,
							),
						},
					],
				},
			],
		},
		// an identifying parameter written out, and a merge tag anywhere in the URL
		{
			code: page(`<p><a href="http://shop.nl/s?email=anna%40example.nl">Sale</a></p>`),
			errors: [
				{
					messageId: "link",
					suggestions: [
						{
							messageId: "upgrade",
							output: page(`<p><a href="https://shop.nl/s?email=anna%40example.nl">Sale</a></p>`),
						},
					],
				},
			],
		},
		{
			code: page(`<p><a href="http://shop.nl/{{ slug }}/sale">Sale</a></p>`),
			errors: [
				{
					messageId: "link",
					suggestions: [
						{ messageId: "upgrade", output: page(`<p><a href="https://shop.nl/{{ slug }}/sale">Sale</a></p>`) },
					],
				},
			],
		},
		{
			code: page(`<table><tr><td background="http://cdn.shop.nl/bg.jpg">x</td></tr></table>`),
			options: [{ safeHosts: ["cdn.shop.nl"], everyUrl: true }],
			output: page(`<table><tr><td background="https://cdn.shop.nl/bg.jpg">x</td></tr></table>`),
			errors: [{ messageId: "image" }],
		},
		{
			code: page(`<p><a href="http://shop.nl/sale">Sale</a></p>`),
			options: [{ everyUrl: true }],
			errors: [
				{
					messageId: "link",
					suggestions: [{ messageId: "upgrade", output: page(`<p><a href="https://shop.nl/sale">Sale</a></p>`) }],
				},
			],
		},
	],
});

mjml.run("require-https and prefer-https (mjml)", requireHttps as never, {
	valid: [mail(`<mj-button href="https://shop.nl/afmelden">Afmelden</mj-button>`)],
	invalid: [
		{
			code: mail(`<mj-button href="http://shop.nl/afmelden">Afmelden</mj-button>`),
			options: [{ safeHosts: ["shop.nl"] }],
			output: mail(`<mj-button href="https://shop.nl/afmelden">Afmelden</mj-button>`),
			errors: [{ messageId: "optOut", line: 4, column: 12 }],
		},
	],
});

describe("applied https fixes and suggestions", () => {
	const RULES: Linter.RulesRecord = {
		"mailcomply/require-https": ["error", { safeHosts: ["shop.nl"] }],
		"mailcomply/prefer-https": ["error", { everyUrl: true }],
	};

	test("MJML: every fix and suggestion still parses, compiles with mjml, and is no longer reported", async () => {
		let code = `<mjml>\n  <mj-body>\n    <mj-section background-url="http://cdn.example-shop.nl/bg.jpg">\n      <mj-column>\n        <mj-image src="http://cdn.example-shop.nl/logo.png" href="http://www.example-shop.nl/"></mj-image>\n        <mj-button href="http://shop.nl/afmelden">Afmelden</mj-button>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n`;
		for (let round = 0; round < 10; round++) {
			const [message] = lint(code, "mjml", RULES);
			if (!message) break;
			code = message.fix ? applyFix(code, message) : applySuggestion(code, message);
			expect(parseProblems(code, "mjml")).toEqual([]);
			expect(await mjmlErrors(code)).toEqual([]);
		}
		expect(lint(code, "mjml", RULES)).toEqual([]);
		expect(code).not.toContain("http:");
	});

	test("HTML: the result parses and is no longer reported", () => {
		let code = page(
			`<form action="http://shop.nl/s"><input type="email" name="email"></form><a href="http://x.nl/afmelden">Afmelden</a><img src="http://x.nl/p.gif" alt="">`,
		);
		for (let round = 0; round < 10; round++) {
			const [message] = lint(code, "html", RULES);
			if (!message) break;
			code = message.fix ? applyFix(code, message) : applySuggestion(code, message);
			expect(parseProblems(code, "html")).toEqual([]);
		}
		expect(lint(code, "html", RULES)).toEqual([]);
	});
});
