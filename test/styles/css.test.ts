import { describe, expect, test } from "vitest";
import { parseDeclarations, parseStyleSheet, type StyleRule } from "../../src/styles/css.js";
import { readTokens, splitAtWhitespace, textOf } from "../../src/styles/css-syntax.js";

const declaration = (property: string, value: string, important = false) => ({ property, value, important });
/** The rules as `selectors → declarations` text, for compact expectations. */
const summary = (rules: StyleRule[]) =>
	rules.map(
		(rule) =>
			`${rule.selectors.join(", ")} {${rule.declarations.map((d) => `${d.property}:${d.value}${d.important ? "!" : ""}`).join(";")}} ${rule.condition}`,
	);

describe("parseDeclarations", () => {
	test("lower-cases property names, trims values, keeps their case and inner spacing", () => {
		expect(parseDeclarations("  COLOR : Red ;font-family: 'Open Sans',  Arial ")).toEqual([
			declaration("color", "Red"),
			declaration("font-family", "'Open Sans',  Arial"),
		]);
	});

	test("!important, however written", () => {
		for (const text of [
			"color:red!important",
			"color: red !important;",
			"color: red ! IMPORTANT",
			"color: red !/* why */important",
			"color: red !\timportant /* x */",
		]) {
			expect(parseDeclarations(text), text).toEqual([declaration("color", "red", true)]);
		}
	});

	test("any other `!` makes the value invalid: the declaration is dropped, the next kept", () => {
		for (const text of [
			"color:red !ie; margin:0",
			"color:red !important x; margin:0",
			"color:red !; margin:0",
			"color:red !important !important; margin:0",
		]) {
			expect(parseDeclarations(text), text).toEqual([declaration("margin", "0")]);
		}
		expect(parseDeclarations("--flag: a !b")).toEqual([declaration("--flag", "a !b")]);
	});

	test("semicolons inside strings, url() and functions do not end a value", () => {
		expect(
			parseDeclarations(
				`content:"a;b"; background:url(x;y.png); background-image: url( "a;b" ); width: calc(1px + (2px;3px)); color: blue`,
			),
		).toEqual([
			declaration("content", `"a;b"`),
			declaration("background", "url(x;y.png)"),
			declaration("background-image", `url( "a;b" )`),
			declaration("width", "calc(1px + (2px;3px))"),
			declaration("color", "blue"),
		]);
	});

	test("comments: none at either end of a value, an inner one kept as written", () => {
		expect(parseDeclarations("/* a */ color /* b */ : /* c */ red /* d */ ; margin: 0/**/1px")).toEqual([
			declaration("color", "red"),
			declaration("margin", "0/**/1px"),
		]);
		expect(parseDeclarations("color: red; /* unterminated ; margin: 0")).toEqual([declaration("color", "red")]);
	});

	test("a bad declaration drops only itself", () => {
		expect(parseDeclarations("color red; : x; 1a: b; a b: c; *zoom: 1; ;; margin: 0")).toEqual([
			declaration("margin", "0"),
		]);
		// A `{}` block is a (nested) rule; what follows it starts afresh, as in CSS Nesting.
		expect(parseDeclarations("{ color: red } margin: 0")).toEqual([declaration("margin", "0")]);
		expect(parseDeclarations("x { color: red }; margin: 0")).toEqual([declaration("margin", "0")]);
	});

	test("at-rules and nested rules in a style attribute are ignored", () => {
		expect(parseDeclarations("color:red; @media print { color: blue } margin:0; a:hover { color: green }")).toEqual([
			declaration("color", "red"),
			declaration("margin", "0"),
		]);
	});

	test("MSO, vendor and underscore-hack properties are ordinary declarations", () => {
		expect(
			parseDeclarations("mso-hide:all; -webkit-text-size-adjust:100%; _height: 1px; mso-line-height-rule:exactly"),
		).toEqual([
			declaration("mso-hide", "all"),
			declaration("-webkit-text-size-adjust", "100%"),
			declaration("_height", "1px"),
			declaration("mso-line-height-rule", "exactly"),
		]);
	});

	test("escapes in property names are decoded", () => {
		expect(parseDeclarations("c\\olor: red; \\64 isplay: none")).toEqual([
			declaration("color", "red"),
			declaration("display", "none"),
		]);
	});

	test("unterminated strings and blocks run to the end; a stray } is part of the value", () => {
		expect(parseDeclarations("content: 'abc; color: red")).toEqual([declaration("content", "'abc; color: red")]);
		expect(parseDeclarations("width: calc(1px; color: red")).toEqual([declaration("width", "calc(1px; color: red")]);
		expect(parseDeclarations("color: red}; margin: 0")).toEqual([
			declaration("color", "red}"),
			declaration("margin", "0"),
		]);
	});

	test("a string broken by a newline is a bad string, recovered from at the next ;", () => {
		expect(parseDeclarations("content: 'a\nb'; margin: 0")).toEqual([declaration("content", "'a\nb'; margin: 0")]);
		expect(parseDeclarations("content: 'a\n; margin: 0")).toEqual([
			declaration("content", "'a"),
			declaration("margin", "0"),
		]);
	});

	test("an empty value is kept as empty text; custom properties keep a {} block", () => {
		expect(parseDeclarations("color: ; --x: {a:b}; margin: 0")).toEqual([
			declaration("color", ""),
			declaration("--x", "{a:b}"),
			declaration("margin", "0"),
		]);
	});

	test("empty and blank input", () => {
		expect(parseDeclarations("")).toEqual([]);
		expect(parseDeclarations("  ;  ")).toEqual([]);
	});
});

describe("parseStyleSheet", () => {
	test("rules, selector lists split at top-level commas only", () => {
		expect(parseStyleSheet(`a, .b , [title="x,y"], :is(c, d) { color: red } .e{}`)).toEqual([
			{
				selectors: ["a", ".b", `[title="x,y"]`, ":is(c, d)"],
				declarations: [declaration("color", "red")],
				condition: "always",
			},
			{ selectors: [".e"], declarations: [], condition: "always" },
		]);
	});

	test("e-mail boilerplate: CDO/CDC, MSO properties, Outlook and Gmail hacks", () => {
		const sheet = `<!--
			#outlook a { padding: 0; }
			.ExternalClass * { line-height: 100%; }
			* { -ms-text-size-adjust: 100%; }
			u + .body .x { color: #fff !important; }
			[data-ogsc] .dark { color: #000; }
			a[x-apple-data-detectors], /* iOS */ .unstyle a { color: inherit !important; }
			@-ms-viewport { width: device-width; }
			table td { mso-line-height-rule: exactly; mso-hide: all }
		-->`;
		expect(summary(parseStyleSheet(sheet))).toEqual([
			"#outlook a {padding:0} always",
			".ExternalClass * {line-height:100%} always",
			"* {-ms-text-size-adjust:100%} always",
			"u + .body .x {color:#fff!} always",
			"[data-ogsc] .dark {color:#000} always",
			"a[x-apple-data-detectors], .unstyle a {color:inherit!} always",
			"table td {mso-line-height-rule:exactly;mso-hide:all} always",
		]);
	});

	test("@media: screen-narrowing is 'sometimes', plain screen is 'always', print and dark mode are dropped", () => {
		const sheet = `
			@media screen and (max-width:600px) { .a { width: 100% !important } }
			@media only screen { .b { color: red } }
			@media ALL { .c { color: red } }
			@media print { .d { display: none } }
			@media only print { .e { display: none } }
			@media (prefers-color-scheme: dark) { .f { color: #fff } }
			@media screen and (prefers-color-scheme:dark) { .g { color: #fff } }
			@media { .h { color: red } }`;
		expect(summary(parseStyleSheet(sheet))).toEqual([
			".a {width:100%!} sometimes",
			".b {color:red} always",
			".c {color:red} always",
			".h {color:red} always",
		]);
	});

	test("nested @media: the conditions combine; a print block inside drops only itself", () => {
		const sheet = `@media screen { .a { color: red } @media (max-width: 480px) { .b { color: blue } } @media print { .c { color: green } } .d { margin: 0 } }`;
		expect(summary(parseStyleSheet(sheet))).toEqual([
			".a {color:red} always",
			".b {color:blue} sometimes",
			".d {margin:0} always",
		]);
	});

	test("@supports, @container and @layer blocks are 'sometimes'; other at-rules hold no element rules", () => {
		const sheet = `@charset "utf-8"; @import url("x.css") screen; @layer base;
			@font-face { font-family: X; src: url(x.woff) } @keyframes k { from { opacity: 0 } to { opacity: 1 } } @page { margin: 0 }
			@supports (display: grid) { .a { display: grid } } @container (min-width: 1px) { .b { color: red } } @layer base { .c { color: red } }
			@-webkit-keyframes k { 0% { color: red } } .d { color: red }`;
		expect(summary(parseStyleSheet(sheet))).toEqual([
			".a {display:grid} sometimes",
			".b {color:red} sometimes",
			".c {color:red} sometimes",
			".d {color:red} always",
		]);
	});

	test("@media conditions with comments, escapes or odd case", () => {
		expect(
			summary(parseStyleSheet("@MEDIA /* x */ print { .a { color: red } } @\\6d edia print { .b { color: red } }")),
		).toEqual([]);
	});

	test("a bad declaration in a rule drops only that declaration", () => {
		expect(summary(parseStyleSheet(".a { color red; : x; margin: 0; width }  .b { padding: 0 }"))).toEqual([
			".a {margin:0} always",
			".b {padding:0} always",
		]);
	});

	test("a stray } or garbage spoils one rule (its selector becomes invalid), never the rest", () => {
		expect(summary(parseStyleSheet(".a { color: red } } .b { color: blue } .c { color: green }"))).toEqual([
			".a {color:red} always",
			"} .b {color:blue} always",
			".c {color:green} always",
		]);
		expect(summary(parseStyleSheet("garbage; .b { color: blue } .c { color: green }"))).toEqual([
			"garbage; .b {color:blue} always",
			".c {color:green} always",
		]);
	});

	test("a `}` in a string or attribute selector does not end a block", () => {
		expect(summary(parseStyleSheet(`a[title="}"] { content: "}"; color: red } .b { margin: 0 }`))).toEqual([
			`a[title="}"] {content:"}";color:red} always`,
			".b {margin:0} always",
		]);
	});

	test("an unclosed block or string at the end of the sheet is closed there", () => {
		expect(summary(parseStyleSheet(".a { color: red"))).toEqual([".a {color:red} always"]);
		expect(summary(parseStyleSheet("@media screen { .a { color: red } .b { content: 'x"))).toEqual([
			".a {color:red} always",
			".b {content:'x} always",
		]);
		expect(summary(parseStyleSheet(".a { color: red } /* unterminated .b { color: blue }"))).toEqual([
			".a {color:red} always",
		]);
	});

	test("a prelude without a block is dropped", () => {
		expect(summary(parseStyleSheet(".a { color: red } .b"))).toEqual([".a {color:red} always"]);
	});

	test("escapes in selectors are kept as written (compileSelector decodes them)", () => {
		expect(parseStyleSheet(".sm\\:hidden, .\\31 0 { display: none }")[0]!.selectors).toEqual([
			".sm\\:hidden",
			".\\31 0",
		]);
	});

	test("nested rules (CSS Nesting) become rules of their own, relative to the parent", () => {
		const sheet =
			".a, .b { color: red; .c { color: blue } &:hover { color: green } > p { margin: 0 } @media (max-width: 600px) { padding: 0 } }";
		expect(summary(parseStyleSheet(sheet))).toEqual([
			".a, .b {color:red} always",
			".a .c, .b .c {color:blue} always",
			":is(.a, .b):hover {color:green} always",
			".a > p, .b > p {margin:0} always",
			".a, .b {padding:0} sometimes",
		]);
	});

	test("empty and blank input", () => {
		expect(parseStyleSheet("")).toEqual([]);
		expect(parseStyleSheet(" <!-- --> ")).toEqual([]);
	});
});

describe("splitAtWhitespace", () => {
	const parts = (text: string) => {
		const list = readTokens(text);
		return splitAtWhitespace(list, { start: 0, end: list.tokens.length }).map((range) => textOf(list, range));
	};
	test("splits at top-level whitespace only, keeping functions, blocks and strings whole", () => {
		expect(parts("  rgb(0, 0, 0)   no-repeat\n top ")).toEqual(["rgb(0, 0, 0)", "no-repeat", "top"]);
		expect(parts(`url("a b.png") 'x y' [a b]`)).toEqual([`url("a b.png")`, `'x y'`, "[a b]"]);
		expect(parts("12px/1.5 Arial")).toEqual(["12px/1.5", "Arial"]);
	});
	test("empty and whitespace-only values have no parts; an unclosed function runs to the end", () => {
		expect(parts("")).toEqual([]);
		expect(parts(" \t ")).toEqual([]);
		expect(parts("#fff rgb(1, 2")).toEqual(["#fff", "rgb(1, 2"]);
	});
});

describe("hostile input completes (linear time, no stack overflow, no throw)", () => {
	const MB = 1024 * 1024;
	const fill = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
	const inputs: Array<[string, string]> = [
		["{{{{", fill("{")],
		["}}}}", fill("}")],
		["((((", fill("(")],
		["[[[[", fill("[")],
		["a{b:(", fill("a{b:(")],
		["@media{", fill("@media{")],
		[".a{.b{", fill(".a{.b{")],
		["unterminated comment", `a{b:c}/*${fill("x")}`],
		["unterminated string", `a{b:'${fill("x")}`],
		["many strings", fill(`"a`)],
		["many bad strings", fill(`'\n`)],
		["url(", fill("url(")],
		["bad urls", fill("url(a b")],
		[";;;;", fill(";")],
		["!!!!", `a{b:${fill("!")}}`],
		["backslashes", fill("\\")],
		["hex escapes", fill("\\31 ")],
		["many rules", fill(".a{b:c}")],
		["many selectors", `${fill(".a,")}{b:c}`],
		["<!--", fill("<!--")],
		["numbers", fill("1e+1.5%")],
	];
	test.each(inputs)("%s", (_name, text) => {
		expect(Array.isArray(parseStyleSheet(text))).toBe(true);
		expect(Array.isArray(parseDeclarations(text))).toBe(true);
	});
});
