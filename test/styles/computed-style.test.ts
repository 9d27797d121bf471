import { describe, expect, test } from "vitest";
import type { ElementNode, TemplateFormat } from "../../src/ast/types.js";
import { TemplateSourceCode } from "../../src/languages/template-source-code.js";
import { getStyles, type ComputedStyle } from "../../src/styles/computed-style.js";
import { toHex } from "../../src/styles/colors.js";
import { parseTemplate, walk } from "../helpers/template.js";

/** The computed style of the element carrying `id="target"` (HTML) or `data-target` (MJML: `css-class="target"`). */
function styleOf(text: string, format: TemplateFormat = "html", pick = "target"): ComputedStyle {
	const ast = parseTemplate(text, format);
	const sourceCode = new TemplateSourceCode({ text, ast, physicalPath: undefined });
	const element = [...walk(ast)].find(
		(node): node is ElementNode =>
			node.type === "Element" &&
			node.attributes.some(
				(attribute) => (attribute.name === "id" || attribute.name === "css-class") && attribute.value === pick,
			),
	);
	if (!element) throw new Error(`no element ${pick}`);
	return getStyles(sourceCode).styleOf(element);
}

const hex = (style: ComputedStyle, key: "color" | "background" | "textColor") =>
	style[key] ? toHex(style[key]!) : undefined;
const page = (head: string, body: string) =>
	`<!DOCTYPE html><html><head><style>${head}</style></head><body>${body}</body></html>`;

describe("HTML cascade", () => {
	test("an element or keyword named like a JavaScript property is an unknown one", () => {
		expect(
			styleOf(page("", `<div style="font-size:12px"><constructor id="target">x</constructor></div>`)).fontSize,
		).toBe(12);
		const keyword = styleOf(
			page("", `<div style="font-size:12px"><p id="target" style="font-size: constructor">x</p></div>`),
		).fontSize;
		expect(keyword === undefined || Number.isFinite(keyword)).toBe(true);
	});

	test("inherits colour and font size through several levels", () => {
		const style = styleOf(
			page(
				"",
				`<div style="color:#333;font-size:12px"><table><tr><td><span id="target">x</span></td></tr></table></div>`,
			),
		);
		expect(hex(style, "color")).toBe("#333333");
		expect(style.fontSize).toBe(12);
	});

	test("defaults: 16px black on white, links blue", () => {
		const text = styleOf(page("", `<p id="target">x</p>`));
		expect(text.fontSize).toBe(16);
		expect(hex(text, "color")).toBe("#000000");
		expect(hex(text, "background")).toBe("#ffffff");
		const link = styleOf(page("", `<p style="color:#fff"><a id="target" href="https://x.nl">x</a></p>`));
		expect(hex(link, "color")).toBe("#0000ee");
	});

	test("<body link> colours links; color:inherit takes the parent's", () => {
		expect(
			hex(styleOf(`<html><body link="#ffffff"><p><a id="target" href="https://x.nl">x</a></p></body></html>`), "color"),
		).toBe("#ffffff");
		expect(
			hex(styleOf(page("", `<p style="color:#eee"><a id="target" href="x" style="color:inherit">x</a></p>`)), "color"),
		).toBe("#eeeeee");
	});

	test("specificity: an id rule beats a class rule beats a type rule, whatever the order", () => {
		const style = styleOf(
			page("#target { color: #111 } .c { color: #222 } a { color: #333 }", `<a class="c" id="target" href="x">x</a>`),
		);
		expect(hex(style, "color")).toBe("#111111");
	});

	test("source order decides between equal specificity", () => {
		expect(
			hex(styleOf(page(".a { color: #111 } .b { color: #222 }", `<p class="a b" id="target">x</p>`)), "color"),
		).toBe("#222222");
	});

	test("inline style beats a rule, !important in a rule beats inline, inline !important beats that", () => {
		expect(hex(styleOf(page(".a { color: #111 }", `<p class="a" id="target" style="color:#222">x</p>`)), "color")).toBe(
			"#222222",
		);
		expect(
			hex(styleOf(page(".a { color: #111 !important }", `<p class="a" id="target" style="color:#222">x</p>`)), "color"),
		).toBe("#111111");
		expect(
			hex(
				styleOf(page(".a { color: #111 !important }", `<p class="a" id="target" style="color:#222 !important">x</p>`)),
				"color",
			),
		).toBe("#222222");
	});

	test("descendant and child combinators, attribute selectors", () => {
		expect(
			hex(
				styleOf(page(".footer a { color: #abcdef }", `<td class="footer"><p><a id="target" href="x">x</a></p></td>`)),
				"color",
			),
		).toBe("#abcdef");
		expect(
			hex(
				styleOf(page(".footer > a { color: #abcdef }", `<td class="footer"><p><a id="target" href="x">x</a></p></td>`)),
				"color",
			),
		).toBe("#0000ee");
		expect(
			hex(styleOf(page('a[href^="https"] { color: #abcdef }', `<a id="target" href="https://x.nl">x</a>`)), "color"),
		).toBe("#abcdef");
		expect(hex(styleOf(page("a:hover { color: #abcdef }", `<a id="target" href="https://x.nl">x</a>`)), "color")).toBe(
			"#0000ee",
		);
	});

	test("a selector we cannot decide makes the value unknown, never hidden", () => {
		const style = styleOf(
			page("p:first-child .x { display: none; color: #fff }", `<p><span class="x" id="target">x</span></p>`),
		);
		expect(style.hidden).toBeUndefined();
		expect(style.color).toBeUndefined();
	});

	test("a @media rule makes a property unknown; dark-mode rules are ignored", () => {
		expect(
			styleOf(
				page(
					"@media (max-width: 600px) { .x { font-size: 6px } }",
					`<p class="x" id="target" style="font-size:12px">x</p>`,
				),
			).fontSize,
		).toBe(12);
		expect(
			styleOf(
				page(
					"@media (max-width: 600px) { .x { font-size: 6px !important } }",
					`<p class="x" id="target" style="font-size:12px">x</p>`,
				),
			).fontSize,
		).toBeUndefined();
		expect(
			hex(
				styleOf(
					page(
						"@media (prefers-color-scheme: dark) { .x { color: #fff !important } }",
						`<p class="x" id="target">x</p>`,
					),
				),
				"color",
			),
		).toBe("#000000");
	});

	test("relative font sizes, <font size>, headings and <small>", () => {
		expect(
			styleOf(
				page(
					"",
					`<div style="font-size:20px"><p style="font-size:50%"><span id="target" style="font-size:1.5em">x</span></p></div>`,
				),
			).fontSize,
		).toBe(15);
		expect(styleOf(page("", `<font size="1"><span id="target">x</span></font>`)).fontSize).toBe(10);
		expect(styleOf(page("", `<p style="font-size:12px"><small id="target">x</small></p>`)).fontSize).toBe(10);
		expect(styleOf(page("", `<p id="target" style="font-size:6pt">x</p>`)).fontSize).toBe(8);
		expect(styleOf(page("", `<p id="target" style="font: bold 9px/12px Arial">x</p>`)).lineHeight).toBe(12);
	});

	test("backgrounds of ancestors several levels up, bgcolor, blending and images", () => {
		const deep = `<table bgcolor="#123456"><tr><td><div><p><span id="target">x</span></p></div></td></tr></table>`;
		expect(hex(styleOf(page("", deep)), "background")).toBe("#123456");
		expect(hex(styleOf(`<html><body bgcolor="000000"><p id="target">x</p></body></html>`), "background")).toBe(
			"#000000",
		);
		expect(
			hex(
				styleOf(
					page(
						"",
						`<div style="background:#000"><p id="target" style="background-color:rgba(255,255,255,.5)">x</p></div>`,
					),
				),
				"background",
			),
		).toBe("#808080");
		expect(styleOf(page("", `<td background="hero.jpg"><p id="target">x</p></td>`)).background).toBeUndefined();
		expect(
			styleOf(page("", `<div style="background:url(x.png) #fff"><p id="target">x</p></div>`)).background,
		).toBeUndefined();
		// an opaque colour on top of an image is known again
		expect(
			hex(
				styleOf(page("", `<div style="background:url(x.png)"><p id="target" style="background:#fafafa">x</p></div>`)),
				"background",
			),
		).toBe("#fafafa");
	});

	test("the background shorthand's colour is the component value that is a colour, functions kept whole", () => {
		const background = (value: string) =>
			hex(styleOf(page("", `<div style="background:${value}"><p id="target">x</p></div>`)), "background");
		expect(background("rgb(0, 0, 0) no-repeat")).toBe("#000000");
		expect(background("no-repeat  rgba(0,0,255,1)  top left")).toBe("#0000ff");
		expect(background("repeat-x\tnavy")).toBe("#000080");
		// no colour among the parts: transparent, the parent's white shows
		expect(background("no-repeat top")).toBe("#ffffff");
		expect(background("none")).toBe("#ffffff");
	});

	test("CSS in a style block beats a presentational attribute", () => {
		expect(
			hex(
				styleOf(
					page(
						"td { background-color: #222 }",
						`<table><tr><td bgcolor="#ffffff"><p id="target">x</p></td></tr></table>`,
					),
				),
				"background",
			),
		).toBe("#222222");
	});

	test("hidden: display, visibility (overridable), opacity, clipping, font-size 0, hidden attribute", () => {
		expect(
			styleOf(page("", `<div style="display:none"><p><a id="target" href="x">x</a></p></div>`)).hidden?.reason,
		).toBe("display:none");
		expect(
			styleOf(page(".hide { display: none !important }", `<div class="hide"><span id="target">x</span></div>`)).hidden
				?.reason,
		).toBe("display:none");
		expect(styleOf(page("", `<div style="visibility:hidden"><span id="target">x</span></div>`)).hidden?.reason).toBe(
			"visibility:hidden",
		);
		expect(
			styleOf(page("", `<div style="visibility:hidden"><span id="target" style="visibility:visible">x</span></div>`))
				.hidden,
		).toBeUndefined();
		expect(styleOf(page("", `<div style="opacity:0"><span id="target">x</span></div>`)).hidden?.reason).toBe(
			"opacity:0",
		);
		expect(
			styleOf(page("", `<div style="max-height:0;overflow:hidden"><span id="target">x</span></div>`)).hidden?.reason,
		).toBe("max-height:0 with overflow:hidden");
		expect(styleOf(page("", `<div style="max-height:0"><span id="target">x</span></div>`)).hidden).toBeUndefined();
		expect(styleOf(page("", `<div style="font-size:0"><span id="target">x</span></div>`)).hidden?.reason).toBe(
			"font-size:0",
		);
		expect(
			styleOf(page("", `<div style="font-size:0"><span id="target" style="font-size:14px">x</span></div>`)).hidden,
		).toBeUndefined();
		expect(styleOf(page("", `<div hidden><span id="target">x</span></div>`)).hidden?.reason).toBe("display:none");
		expect(
			styleOf(page("", `<div style="display:{{ footer_display }}"><span id="target">x</span></div>`)).hidden,
		).toBeUndefined();
	});

	test("mso-hide:all hides from Outlook only", () => {
		const style = styleOf(page("", `<div style="mso-hide:all"><span id="target">x</span></div>`));
		expect(style.msoHidden?.name).toBe("div");
		expect(style.hidden).toBeUndefined();
	});

	test("opacity fades the text colour towards the background", () => {
		const style = styleOf(page("", `<div style="opacity:0.1"><span id="target" style="color:#000">x</span></div>`));
		expect(style.opacity).toBeCloseTo(0.1);
		expect(hex(style, "textColor")).toBe("#e6e6e6");
	});
});

describe("resolution cost", () => {
	test("a 3000-level deep tree resolves without recursion and reuses each ancestor's style", () => {
		const depth = 3000;
		const body = `${"<div>".repeat(depth)}<span id="target">x</span>${"</div>".repeat(depth)}`;
		const text = page("", `<div style="font-size:11px;background:#010203">${body}</div>`);
		const started = performance.now();
		const style = styleOf(text);
		expect(style.fontSize).toBe(11);
		expect(hex(style, "background")).toBe("#010203");
		expect(performance.now() - started).toBeLessThan(2000);
	});
});

describe("MJML cascade", () => {
	const mjml = (head: string, body: string) => `<mjml><mj-head>${head}</mj-head><mj-body>${body}</mj-body></mjml>`;
	const text = (attributes: string, content = "x") =>
		`<mj-section><mj-column><mj-text css-class="target" ${attributes}>${content}</mj-text></mj-column></mj-section>`;

	test("component defaults come from mjml (mj-text: 13px, #000000; mj-button: #ffffff on #414141)", () => {
		const style = styleOf(mjml("", text("")), "mjml");
		expect(style.fontSize).toBe(13);
		expect(hex(style, "color")).toBe("#000000");
		const button = styleOf(
			mjml("", `<mj-section><mj-column><mj-button css-class="target" href="x">Go</mj-button></mj-column></mj-section>`),
			"mjml",
		);
		expect(hex(button, "color")).toBe("#ffffff");
		expect(hex(button, "background")).toBe("#414141");
	});

	test("mj-all < mj-attributes per tag < mj-class < own attribute", () => {
		expect(styleOf(mjml(`<mj-attributes><mj-all font-size="9px"/></mj-attributes>`, text("")), "mjml").fontSize).toBe(
			9,
		);
		expect(
			styleOf(
				mjml(`<mj-attributes><mj-all font-size="9px"/><mj-text font-size="11px"/></mj-attributes>`, text("")),
				"mjml",
			).fontSize,
		).toBe(11);
		expect(
			styleOf(
				mjml(
					`<mj-attributes><mj-text font-size="11px"/><mj-class name="tiny" font-size="7px"/></mj-attributes>`,
					text(`mj-class="tiny"`),
				),
				"mjml",
			).fontSize,
		).toBe(7);
		expect(
			styleOf(
				mjml(
					`<mj-attributes><mj-class name="tiny" font-size="7px"/></mj-attributes>`,
					text(`mj-class="tiny" font-size="15px"`),
				),
				"mjml",
			).fontSize,
		).toBe(15);
		// the last of several mj-classes wins
		expect(
			styleOf(
				mjml(
					`<mj-attributes><mj-class name="a" color="#111111"/><mj-class name="b" color="#222222"/></mj-attributes>`,
					text(`mj-class="a b"`),
				),
				"mjml",
			).color,
		).toEqual({ r: 0x22, g: 0x22, b: 0x22, a: 1 });
	});

	test("backgrounds: body, section, column, container", () => {
		const layered = (section: string, column: string, textAttributes = "") =>
			`<mjml><mj-body background-color="#010101"><mj-section ${section}><mj-column ${column}><mj-text css-class="target" ${textAttributes}>x</mj-text></mj-column></mj-section></mj-body></mjml>`;
		expect(hex(styleOf(layered("", ""), "mjml"), "background")).toBe("#010101");
		expect(hex(styleOf(layered(`background-color="#020202"`, ""), "mjml"), "background")).toBe("#020202");
		expect(
			hex(styleOf(layered(`background-color="#020202"`, `background-color="#030303"`), "mjml"), "background"),
		).toBe("#030303");
		expect(
			hex(
				styleOf(layered("", `background-color="#030303"`, `container-background-color="#040404"`), "mjml"),
				"background",
			),
		).toBe("#040404");
		expect(styleOf(layered(`background-url="https://x.nl/bg.jpg"`, ""), "mjml").background).toBeUndefined();
	});

	test("links inside mj-text are blue unless styled, and inherit the text's size", () => {
		const body = `<mj-section><mj-column><mj-text color="#ffffff" font-size="8px"><a id="target" href="x">x</a></mj-text></mj-column></mj-section>`;
		const style = styleOf(mjml("", body), "mjml");
		expect(hex(style, "color")).toBe("#0000ee");
		expect(style.fontSize).toBe(8);
	});

	test("mj-style reaches a component through css-class and hides it", () => {
		const style = styleOf(mjml(`<mj-style>.target { display: none }</mj-style>`, text("")), "mjml");
		expect(style.hidden?.reason).toBe("display:none");
		// the component's own attributes, not the wrapper's class, set its text colour
		expect(
			hex(styleOf(mjml(`<mj-style>.target { color: #ff0000 !important }</mj-style>`, text("")), "mjml"), "color"),
		).toBe("#000000");
		// a type selector against a component's rendered markup is undecidable
		expect(styleOf(mjml(`<mj-style>div.target { display: none }</mj-style>`, text("")), "mjml").hidden).toBeUndefined();
	});

	test("mj-class can carry css-class", () => {
		const head = `<mj-attributes><mj-class name="fine" css-class="small-print"/></mj-attributes><mj-style>.small-print a { font-size: 6px }</mj-style>`;
		const body = `<mj-section><mj-column><mj-text mj-class="fine"><a id="target" href="x">x</a></mj-text></mj-column></mj-section>`;
		expect(styleOf(mjml(head, body), "mjml").fontSize).toBe(6);
	});
});
