import { RuleTester } from "eslint";
import plugin from "../../plugin/index.js";
import rule from "../../rules/prefer-https.js";

/** prefer-https on WhatsApp URL buttons: the button opens its `url`, so a plain http: one is the same click in the clear. */
const whatsapp = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/whatsapp" });
const withButton = (url: string, example?: string) =>
	JSON.stringify({
		name: "t",
		language: "en_US",
		category: "MARKETING",
		components: [
			{ type: "BODY", text: "Our spring teas are in." },
			{ type: "BUTTONS", buttons: [{ type: "URL", text: "Shop", url, ...(example ? { example: [example] } : {}) }] },
		],
	});

whatsapp.run("prefer-https (whatsapp)", rule as never, {
	valid: [
		withButton("https://teashop.co.uk/green/{{1}}", "https://teashop.co.uk/green/sencha"),
		// A static http: page says nothing about the reader: only with everyUrl.
		withButton("http://teashop.co.uk/green"),
		// Not a URL button's url: body text is not opened by a tap.
		JSON.stringify({
			name: "t",
			language: "nl",
			category: "MARKETING",
			components: [
				{ type: "BODY", text: "Kijk op http://bakkerij.nl/actie?uid={{1}}", example: { body_text: [["42"]] } },
			],
		}),
	],
	invalid: [
		{
			code: withButton("http://teashop.co.uk/green/{{1}}", "http://teashop.co.uk/green/sencha"),
			errors: [
				{
					messageId: "link",
					data: { url: "http://teashop.co.uk/green/{{1}}" },
					suggestions: [
						{
							messageId: "upgrade",
							data: { host: "teashop.co.uk" },
							output: withButton("https://teashop.co.uk/green/{{1}}", "http://teashop.co.uk/green/sencha"),
						},
					],
				},
			],
		},
		{
			code: withButton("http://bakkerij.nl/actie?uid=42"),
			errors: [{ messageId: "link", suggestions: 1 }],
		},
		{
			code: withButton("HTTP://teashop.co.uk/green"),
			options: [{ everyUrl: true }],
			errors: [{ messageId: "link", suggestions: 1 }],
		},
	],
});
