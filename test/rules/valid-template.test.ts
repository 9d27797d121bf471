import { RuleTester } from "eslint";
import plugin from "../../plugin/index.js";
import rule from "../../rules/valid-template.js";

const mjml = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/mjml" });
const html = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/html" });

const body = (inner: string) => `<mjml>\n<mj-body>\n${inner}\n</mj-body>\n</mjml>`;

mjml.run("valid-template (mjml)", rule as never, {
	valid: [
		body(
			`<mj-section><mj-column><mj-text>Hi</mj-text><mj-button href="https://x.nl">Go</mj-button></mj-column></mj-section>`,
		),
		body(
			`<mj-wrapper><mj-section><mj-group><mj-column><mj-image src="a.png" /></mj-column></mj-group></mj-section></mj-wrapper>`,
		),
		body(`<mj-section><mj-column><mj-raw><div>raw <b>html</b></div></mj-raw></mj-column></mj-section>`),
		{ code: body(`<mj-bw-hero title="x" /><mj-bw-footer />`), options: [{ components: ["mj-bw-*"] }] },
		{ code: body(`<mj-custom-card />`), options: [{ components: ["mj-custom-card"] }] },
		// whitespace and comments between layout components are fine
		body(`<mj-section>\n  <!-- a comment -->\n  <mj-column>\n  </mj-column>\n</mj-section>`),
	],
	invalid: [
		{
			code: body(`<mj-section><mj-colum><mj-text>x</mj-text></mj-colum></mj-section>`),
			errors: [{ messageId: "unknownComponent", data: { name: "mj-colum" }, line: 3, column: 13 }],
		},
		{
			code: body(`<mj-bw-hero />`),
			options: [{ components: ["mj-other-*"] }],
			errors: [{ messageId: "unknownComponent", data: { name: "mj-bw-hero" } }],
		},
		{
			code: body(`<mj-section><mj-column>Kerkstraat 12, Utrecht</mj-column></mj-section>`),
			errors: [
				{
					messageId: "textOutsideText",
					data: { parent: "mj-column", text: "Kerkstraat 12, Utrecht" },
					line: 3,
					column: 24,
				},
			],
		},
		{
			code: `<mjml><mj-body><mj-section><mj-column></mj-section></mj-body></mjml>`,
			errors: [
				{
					messageId: "mjml",
					data: { message: "<mj-column> is not closed before </mj-section>." },
					line: 1,
					column: 28,
				},
			],
		},
		{
			code: `<mjml><mj-body>`,
			errors: [
				{ messageId: "mjml", data: { message: "<mjml> is never closed." }, column: 1 },
				{ messageId: "mjml", data: { message: "<mj-body> is never closed." }, column: 7 },
			],
		},
		{
			code: body(`<mj-section><mj-column><mj-text>Caf\uFFFD au lait</mj-text></mj-column></mj-section>`),
			errors: [{ messageId: "encoding", line: 3, column: 36 }],
		},
		{
			// Found by fuzzing (seed 135791, path 8005): the rest of the cut-off end tag was reported as text at column 0.
			code: `<mjml><mj-body><mj-section><mj-column>*">Afmelden</a></mj-text></mj-column></mj-sw/LKQ4n-`,
			errors: [
				{ messageId: "mjml", data: { message: "<mjml> is never closed." }, line: 1, column: 1 },
				{ messageId: "mjml", data: { message: "<mj-body> is never closed." }, line: 1, column: 7 },
				{ messageId: "mjml", data: { message: "<mj-section> is never closed." }, line: 1, column: 16 },
				{ messageId: "textOutsideText", data: { parent: "mj-column", text: '*">Afmelden' }, line: 1, column: 39 },
				{ messageId: "mjml", data: { message: "</mj-text> closes an element that is not open." }, line: 1, column: 54 },
				{ messageId: "mjml", data: { message: "</mj-sw> closes an element that is not open." }, line: 1, column: 76 },
			],
		},
		{
			code: body(`<mj-include path="https://evil.example/x.mjml" />`),
			errors: [{ messageId: "include", line: 3, column: 1 }],
		},
	],
});

html.run("valid-template (html)", rule as never, {
	valid: [
		"<!DOCTYPE html><html><body><table><tr><td>x</td></td></tr></table></body></html>",
		// mj-* checks do not apply to HTML
		"<!DOCTYPE html><html><body><mj-whatever>x</mj-whatever></body></html>",
	],
	invalid: [
		{
			code: "<table><tr><td>x</td></td></tr></table>",
			options: [{ html: true }],
			errors: [{ messageId: "html", data: { message: "Stray </td>: no <td> is open here." }, line: 1, column: 22 }],
		},
	],
});
