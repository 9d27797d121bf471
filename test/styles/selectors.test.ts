import { describe, expect, test } from "vitest";
import type { ElementNode } from "../../src/ast/types.js";
import {
	compileSelector,
	matchSelector,
	type CompiledSelector,
	type SelectorContext,
} from "../../src/styles/selectors.js";
import { parseTemplate, walk } from "../helpers/template.js";

/** [ids, classes, types] of a selector. */
function specificity(text: string): [number, number, number] | undefined {
	const compiled = compileSelector(text);
	if (!compiled) return undefined;
	const packed = compiled.specificity;
	return [Math.floor(packed / 1_000_000), Math.floor(packed / 1_000) % 1_000, packed % 1_000];
}

/** Matches `selector` against the element with `id="target"` in an HTML fragment. */
function match(selector: string, html: string): string {
	const ast = parseTemplate(`<!DOCTYPE html><html><body>${html}</body></html>`);
	const parents = new Map<ElementNode, ElementNode>();
	let target: ElementNode | undefined;
	for (const node of walk(ast)) {
		if (node.type !== "Element") continue;
		if (node.attributes.some((attribute) => attribute.name === "id" && attribute.value === "target")) target = node;
		for (const child of node.children) if (child.type === "Element") parents.set(child, node);
	}
	if (!target) throw new Error("no target");
	const context: SelectorContext = {
		parentOf: (element) => parents.get(element),
		classesOf: (element) => ({
			classes: new Set(
				(element.attributes.find((attribute) => attribute.name === "class")?.value ?? "").split(/\s+/u).filter(Boolean),
			),
			complete: true,
		}),
		isComponent: () => false,
	};
	const compiled = compileSelector(selector);
	if (!compiled) return "invalid";
	return matchSelector(compiled, target, context);
}

const firstCompound = (text: string) => (compileSelector(text) as CompiledSelector).steps[0]!.compound;

describe("compileSelector: grammar", () => {
	test("type, universal, class, id; type names lower-cased, class and id names kept", () => {
		expect(firstCompound("TD.Foo#Bar")).toMatchObject({ type: "td", classes: ["Foo"], ids: ["Bar"], pseudo: "yes" });
		expect(firstCompound("*")).toMatchObject({ classes: [], ids: [], pseudo: "yes" });
		expect(firstCompound("*").type).toBeUndefined();
		expect(firstCompound(".a.b.c").classes).toEqual(["a", "b", "c"]);
	});

	test("escapes in names are decoded", () => {
		expect(firstCompound(".sm\\:hidden").classes).toEqual(["sm:hidden"]);
		expect(firstCompound(".\\31 0").classes).toEqual(["10"]);
		expect(firstCompound("#\\31 0x").ids).toEqual(["10x"]);
		expect(firstCompound("\\70 ").type).toBe("p");
		expect(firstCompound(".w-1\\/2").classes).toEqual(["w-1/2"]);
		// A backslash at the very end escapes the end of input: U+FFFD (CSS Syntax §4.3.7).
		expect(firstCompound("a\\").type).toBe("a\uFFFD");
	});

	test("combinators with or without whitespace, and comments around them", () => {
		const combinators = (text: string) => compileSelector(text)?.steps.map((step) => step.combinator ?? "");
		expect(combinators("a b")).toEqual(["", " "]);
		expect(combinators("a>b")).toEqual(["", ">"]);
		expect(combinators("a > b+c ~ d")).toEqual(["", ">", "+", "~"]);
		expect(combinators("  a  \n\t b  ")).toEqual(["", " "]);
		expect(combinators("a/**/>/**/b")).toEqual(["", ">"]);
		expect(combinators("a /* x */ b")).toEqual(["", " "]);
		expect(combinators("u + .body .x")).toEqual(["", "+", " "]);
	});

	test("attribute selectors: each matcher, quoted or bare values, i and s flags", () => {
		const attribute = (text: string) => firstCompound(text).attributes[0];
		expect(attribute("[data-ogsc]")).toEqual({ name: "data-ogsc", matcher: null, value: null, caseInsensitive: false });
		expect(attribute("[TYPE=Text]")).toEqual({ name: "type", matcher: "=", value: "Text", caseInsensitive: false });
		for (const matcher of ["=", "~=", "|=", "^=", "$=", "*="]) {
			expect(attribute(`a[ href ${matcher} "x y" ]`), matcher).toEqual({
				name: "href",
				matcher,
				value: "x y",
				caseInsensitive: false,
			});
		}
		expect(attribute("[href^='HTTP' i]")?.caseInsensitive).toBe(true);
		expect(attribute("[href^='HTTP' I]")?.caseInsensitive).toBe(true);
		expect(attribute("[href^='HTTP' s]")?.caseInsensitive).toBe(false);
		expect(attribute(`[title="a\\"b"]`)?.value).toBe(`a"b`);
		expect(attribute("[title=-x]")?.value).toBe("-x");
	});

	test("pseudo-classes, functional ones with nested parentheses, pseudo-elements", () => {
		expect(firstCompound("a:hover").pseudo).toBe("no");
		expect(firstCompound("a:FOCUS").pseudo).toBe("no");
		expect(firstCompound("a:link")).toMatchObject({ link: true, pseudo: "yes" });
		expect(firstCompound("a:any-link").link).toBe(true);
		expect(firstCompound(":root")).toMatchObject({ root: true, pseudo: "yes" });
		expect(firstCompound("p:first-child").pseudo).toBe("maybe");
		expect(firstCompound("p:not(.a, :is(.b, (c)))").pseudo).toBe("maybe");
		expect(firstCompound("p:nth-child(2n+1)").pseudo).toBe("maybe");
		expect(firstCompound("input:-ms-input-placeholder").pseudo).toBe("maybe");
		expect(firstCompound("p::before").pseudo).toBe("no");
		expect(firstCompound("p::-webkit-scrollbar").pseudo).toBe("no");
		expect(firstCompound("p::first-line").pseudo).toBe("maybe");
		expect(firstCompound("p:hover::first-line").pseudo).toBe("no");
	});

	test("legacy one-colon pseudo-elements count and match as pseudo-elements", () => {
		expect(firstCompound("p:before").pseudo).toBe("no");
		expect(firstCompound("p:AFTER").pseudo).toBe("no");
		expect(firstCompound("p:first-line").pseudo).toBe("maybe");
		expect(firstCompound("p:first-letter").pseudo).toBe("maybe");
		expect(specificity("p:before")).toEqual([0, 0, 2]);
	});

	test("namespaces: *| is ignored, any other prefix makes the compound 'maybe'", () => {
		expect(firstCompound("*|p")).toMatchObject({ type: "p", pseudo: "yes" });
		expect(firstCompound("svg|a")).toMatchObject({ type: "a", pseudo: "maybe" });
		expect(firstCompound("|a")).toMatchObject({ type: "a", pseudo: "maybe" });
		expect(firstCompound("*|*").type).toBeUndefined();
		expect(firstCompound("[*|href]").attributes[0]?.name).toBe("href");
		expect(firstCompound("[xlink|href]").pseudo).toBe("maybe");
		expect(firstCompound("[x|=en]").attributes[0]).toMatchObject({ name: "x", matcher: "|=", value: "en" });
	});

	test("the nesting selector & is 'maybe'", () => {
		expect(firstCompound("&").pseudo).toBe("maybe");
		expect(firstCompound("&.a")).toMatchObject({ classes: ["a"], pseudo: "maybe" });
		expect(compileSelector("& > p")?.steps).toHaveLength(2);
	});

	test("invalid selectors compile to undefined", () => {
		for (const text of [
			"",
			"   ",
			"/* only a comment */",
			"> a",
			"a >",
			"a > > b",
			"a >> b",
			"a || b",
			"a,b",
			"a[",
			"a[x=y",
			"a[x='y]",
			"a(",
			"a)",
			"a:is(b",
			"a..b",
			"a.",
			"a#",
			"a:",
			"a::",
			".1a",
			"#1a",
			"a[x=1]",
			"a[x=y z]",
			"a[x=y i s]",
			"a[=y]",
			"a[x==y]",
			"a/**/b",
			"a*",
			"@media",
			"}a",
			"a}",
			"a;b",
			"<!-- a",
		]) {
			expect(compileSelector(text), JSON.stringify(text)).toBeUndefined();
		}
	});
});

describe("compileSelector: specificity", () => {
	test.each([
		["*", [0, 0, 0]],
		["p", [0, 0, 1]],
		["*|p", [0, 0, 1]],
		["p.a", [0, 1, 1]],
		[".a.b", [0, 2, 0]],
		["#a", [1, 0, 0]],
		["#a .b p", [1, 1, 1]],
		["a[href]", [0, 1, 1]],
		["a:hover", [0, 1, 1]],
		["a:not(.x, #y)", [0, 1, 1]],
		["p::before", [0, 0, 2]],
		["a:hover::before", [0, 1, 2]],
		["#outlook a", [1, 0, 1]],
		["u + .body .x", [0, 2, 1]],
		["& p", [0, 0, 1]],
	] as const)("%s", (text, expected) => {
		expect(specificity(text)).toEqual(expected);
	});
});

describe("matchSelector", () => {
	test("type, class, id, descendant and child combinators", () => {
		const html = `<div class="wrap"><p class="a b"><span id="target" class="x">x</span></p></div>`;
		expect(match("span", html)).toBe("yes");
		expect(match("SPAN.x#target", html)).toBe("yes");
		expect(match("em", html)).toBe("no");
		expect(match(".wrap span", html)).toBe("yes");
		expect(match(".wrap > span", html)).toBe("no");
		expect(match(".wrap > p > span", html)).toBe("yes");
		expect(match(".a.b > .x", html)).toBe("yes");
		expect(match(".c .x", html)).toBe("no");
		expect(match("p + span", html)).toBe("maybe");
		expect(match("*", html)).toBe("yes");
		expect(match(".ExternalClass *", html)).toBe("no");
	});

	test("escaped class names match the decoded class", () => {
		expect(match(".sm\\:hidden", `<p id="target" class="sm:hidden">x</p>`)).toBe("yes");
		expect(match(".\\31 0", `<p id="target" class="10">x</p>`)).toBe("yes");
	});

	test("each attribute matcher, and the i flag", () => {
		const html = `<a id="target" href="https://example.com/x" lang="en-GB" rel="noopener nofollow">x</a>`;
		expect(match("[href]", html)).toBe("yes");
		expect(match("[title]", html)).toBe("no");
		expect(match(`[href="https://example.com/x"]`, html)).toBe("yes");
		expect(match(`[href="https://example.com"]`, html)).toBe("no");
		expect(match("[rel~=nofollow]", html)).toBe("yes");
		expect(match("[rel~=follow]", html)).toBe("no");
		expect(match("[lang|=en]", html)).toBe("yes");
		expect(match("[lang|=e]", html)).toBe("no");
		expect(match("[href^=https]", html)).toBe("yes");
		expect(match("[href^=http\\:]", html)).toBe("no");
		expect(match(`[href$="/x"]`, html)).toBe("yes");
		expect(match(`[href*="example"]`, html)).toBe("yes");
		expect(match(`[href*=""]`, html)).toBe("no");
		expect(match(`[href^="HTTPS"]`, html)).toBe("no");
		expect(match(`[href^="HTTPS" i]`, html)).toBe("yes");
	});

	test("pseudo-classes and pseudo-elements", () => {
		const html = `<a id="target" href="https://x.nl">x</a>`;
		expect(match("a:link", html)).toBe("yes");
		expect(match("a:hover", html)).toBe("no");
		expect(match("a::before", html)).toBe("no");
		expect(match("a:before", html)).toBe("no");
		expect(match("a:first-child", html)).toBe("maybe");
		expect(match("a::first-line", html)).toBe("maybe");
		expect(match("svg|a", html)).toBe("maybe");
	});
});

describe("compileSelector: hostile input completes", () => {
	const MB = 1024 * 1024;
	const fill = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
	test.each([
		["((((", fill("(")],
		[":not(:not(", fill(":not(")],
		["[[[[", fill("[")],
		["long compound", fill(".a")],
		["long chain", fill("a>")],
		["descendants", `${fill("a ")}b`],
		["unterminated string", `[x="${fill("y")}`],
		["escapes", fill("\\31 ")],
		["comment", `a/*${fill("x")}`],
	])("%s", (_name, text) => {
		expect(() => compileSelector(text)).not.toThrow();
	});
});
