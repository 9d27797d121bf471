import { describe, expect, test } from "vitest";
import type { AttributeNode, ElementNode, MergeTagNode, TextNode } from "../../src/ast/types.js";
import { textContent } from "../../src/analyses/text.js";
import { elements, firstOf, parseTemplate, slice, walk } from "../helpers/template.js";

describe("template AST: ranges and locations", () => {
	test("elements, attributes and text carry exact ranges and 1-based positions", () => {
		const text = '<html>\n  <body>\n    <a href="https://x.nl/afmelden">Afmelden</a>\n  </body>\n</html>';
		const document = parseTemplate(text);
		const [link] = elements(document, "a");
		expect(slice(text, link!)).toBe('<a href="https://x.nl/afmelden">Afmelden</a>');
		expect(link!.loc.start).toEqual({ line: 3, column: 5 });
		expect(slice(text, link!.startTag)).toBe('<a href="https://x.nl/afmelden">');
		const href = link!.attributes[0]!;
		expect(href.name).toBe("href");
		expect(href.value).toBe("https://x.nl/afmelden");
		expect(slice(text, href)).toBe('href="https://x.nl/afmelden"');
		expect(href.loc.start).toEqual({ line: 3, column: 8 });
		const linkText = link!.children[0] as TextNode;
		expect(linkText.value).toBe("Afmelden");
		expect(linkText.loc.start).toEqual({ line: 3, column: 37 });
		expect(document.loc.end).toEqual({ line: 5, column: 8 });
	});

	test("CRLF and lone CR both end a line", () => {
		for (const newline of ["\r\n", "\r"]) {
			const text = `<p>one</p>${newline}<p>two</p>${newline}<a href="#">x</a>`;
			const [link] = elements(parseTemplate(text), "a");
			expect(link!.loc.start).toEqual({ line: 3, column: 1 });
		}
	});

	test("character references are decoded in values, ranges still cover the source", () => {
		const text = '<p title="a &amp; b">Caf&eacute; &amp; co</p>';
		const document = parseTemplate(text);
		const [paragraph] = elements(document, "p");
		const textNode = paragraph!.children[0] as TextNode;
		expect(textNode.value).toBe("Café & co");
		expect(slice(text, textNode)).toBe("Caf&eacute; &amp; co");
		expect(paragraph!.attributes[0]!.value).toBe("a & b");
	});

	test("implied end tags give the ancestry a browser builds", () => {
		const document = parseTemplate("<table><tr><td>one<td>two</table><p>a<p>b");
		const cells = elements(document, "td");
		expect(cells).toHaveLength(2);
		expect(elements(cells[0]!, "td")).toHaveLength(1); // not nested in each other
		expect(elements(document, "p").every((p) => elements(p, "p").length === 1)).toBe(true);
	});

	test("void and self-closing elements have no children", () => {
		const document = parseTemplate('<p>a<br>b<img src="x.png"/>c</p><mj-image src="y.png" />', "mjml");
		const [paragraph] = elements(document, "p");
		expect(paragraph!.children.map((child) => child.type)).toEqual(["Text", "Element", "Text", "Element", "Text"]);
		expect(elements(document, "mj-image")[0]!.children).toEqual([]);
	});

	test("a doctype is a node of its own, with its range", () => {
		const text = "<!DOCTYPE html>\n<p>x</p>";
		const document = parseTemplate(text);
		const doctype = firstOf(document, "Doctype");
		expect(doctype.value).toBe("DOCTYPE html");
		expect(slice(text, doctype)).toBe("<!DOCTYPE html>");
	});

	test("stray end tags are recorded as recoverable problems, not thrown", () => {
		const document = parseTemplate("<table><tr><td>x</td></td></tr></table>");
		expect(document.problems).toEqual([
			expect.objectContaining({
				kind: "html",
				message: "Stray </td>: no <td> is open here.",
				loc: { start: { line: 1, column: 22 }, end: { line: 1, column: 27 } },
			}),
		]);
	});
	// Found by fuzzing (seed 20261202, path 6297): the next tag was placed inside the CRLF that ended the line.
	test("an end tag with space or a line break before its > ends at the >", () => {
		const text = "<mj-section><mj-text >x</mj-text ></mj-section\r\n><mj-column></mjm</p>";
		const document = parseTemplate(text, "mjml");
		const [section, column] = document.children as ElementNode[];
		expect(slice(text, section!)).toBe("<mj-section><mj-text >x</mj-text ></mj-section\r\n>");
		expect(slice(text, section!.children[0]!)).toBe("<mj-text >x</mj-text >");
		expect(column!.loc.start).toEqual({ line: 2, column: 2 });
		expect(document.problems.map((problem) => [problem.message, slice(text, problem)])).toEqual([
			["</mjm<> closes an element that is not open.", "</mjm</p>"],
			["<mj-column> is never closed.", "<mj-column>"],
		]);
	});

	// Found by fuzzing (seed 135791): htmlparser2 reports what follows a tag cut off by the end of the file as text starting at offset -1.
	test.each([
		["an end tag", "<mj-section>ab</mj-sw/LKQ4n-"],
		["an end tag with an attribute-like rest", "<p>ab</p x"],
		["a self-closing start tag", "<mj-section>ab<mj-column/"],
		["a self-closing start tag with attributes", '<p>ab<img src="a.png"/'],
	])("%s cut off by the end of the file is dropped, as a browser drops it", (_name, text) => {
		const document = parseTemplate(text, "mjml");
		for (const node of walk(document)) {
			expect(node.range[0], node.type).toBeGreaterThanOrEqual(0);
			expect(node.loc.start.column, node.type).toBeGreaterThanOrEqual(1);
		}
		expect(
			document.children
				.flatMap((child) => [...walk(child)])
				.filter((node) => node.type === "Text")
				.map((node) => (node as TextNode).value),
		).toEqual(["ab"]);
	});
});

describe("template AST: merge tags", () => {
	const cases: Array<[string, MergeTagNode["syntax"], string]> = [
		["*|UNSUB|*", "mailchimp", "UNSUB"],
		["*|UNSUB:https://x.nl/a|*", "mailchimp", "UNSUB:https://x.nl/a"],
		["{{{unsubscribe}}}", "triple-curly", "unsubscribe"],
		["{{ unsubscribe_url }}", "double-curly", "unsubscribe_url"],
		["{{${unsubscribe_url}}}", "double-curly", "${unsubscribe_url}"],
		["{% unsubscribe 'Afmelden' %}", "curly-percent", "unsubscribe 'Afmelden'"],
		["<%asm_group_unsubscribe_raw_url%>", "erb", "asm_group_unsubscribe_raw_url"],
		["%%unsub_center_url%%", "double-percent", "unsub_center_url"],
		["%unsubscribe_url%", "percent", "unsubscribe_url"],
		["[[UNSUB_LINK_EN]]", "double-bracket", "UNSUB_LINK_EN"],
		["[unsubscribe]", "bracket", "unsubscribe"],
		["[firstname,fallback=there]", "bracket", "firstname,fallback=there"],
		["[Sender_Address]", "bracket", "Sender_Address"],
		["[POSTCODE]", "bracket", "POSTCODE"],
		["%recipient.email%", "percent", "recipient.email"],
		["{$unsubscribe}", "single-curly", "$unsubscribe"],
		["##UnsubscribeLink##", "hash", "UnsubscribeLink"],
	];
	test.each(cases)("%s in an href is one %s token", (tag, syntax, expression) => {
		const text = `<a href="${tag.replaceAll('"', "&quot;")}">x</a>`;
		const href = elements(parseTemplate(text), "a")[0]!.attributes[0]!;
		expect(href.parts).toHaveLength(1);
		expect(href.parts[0]).toMatchObject({ type: "MergeTag", syntax, expression });
	});
	test.each(cases)("%s in text is one %s token with its own range", (tag, syntax) => {
		const text = `<p>Click ${tag} now</p>`;
		const document = parseTemplate(text);
		const node = firstOf(document, "MergeTag");
		expect(node.syntax).toBe(syntax);
		expect(slice(text, node)).toBe(tag);
		const texts = elements(document, "p")[0]!
			.children.filter((child): child is TextNode => child.type === "Text")
			.map((t) => t.value);
		expect(texts).toEqual(["Click ", " now"]);
	});

	test("a tag with quotes inside an attribute does not break the attribute", () => {
		const text = `<a href="{{ unsubscribe "Afmelden" }}" class="footer">Afmelden</a>`;
		const [link] = elements(parseTemplate(text), "a");
		expect(link!.attributes.map((a) => [a.name, a.value])).toEqual([
			["href", '{{ unsubscribe "Afmelden" }}'],
			["class", "footer"],
		]);
	});

	test.each([
		['{% assign label = "Bespaar 20% vandaag" %}', "curly-percent", 'assign label = "Bespaar 20% vandaag"'],
		["{% if rabatt == '100%' %}", "curly-percent", "if rabatt == '100%'"],
		['{% unsubscribe "Se désabonner (100%)" %}', "curly-percent", 'unsubscribe "Se désabonner (100%)"'],
		['{{ "Save 20%}" | upcase }}', "double-curly", '"Save 20%}" | upcase'],
		["{{ '{x}' }}", "double-curly", "'{x}'"],
	] as const)("%s: a delimiter inside a quoted string does not end the tag", (tag, syntax, expression) => {
		const text = `<p>Click ${tag} now</p>`;
		const document = parseTemplate(text);
		const node = firstOf(document, "MergeTag");
		expect(node).toMatchObject({ syntax, expression });
		expect(slice(text, node)).toBe(tag);
	});

	test("an apostrophe in one tag never pairs with one in the next: `{{ l'ami }} et {{ l'autre }}` are two tags", () => {
		const text = `<p>{{ l'ami }} et {{ l'autre }}</p>`;
		const tags = [...walk(parseTemplate(text))].filter((node) => node.type === "MergeTag") as MergeTagNode[];
		expect(tags.map((tag) => slice(text, tag))).toEqual(["{{ l'ami }}", "{{ l'autre }}"]);
	});

	test("an unclosed quote is no string: the tag still ends at its first closer", () => {
		const text = `<p>{% if a == "b %} x {% endif %}</p>`;
		const tags = [...walk(parseTemplate(text))].filter((node) => node.type === "MergeTag") as MergeTagNode[];
		expect(tags.map((tag) => slice(text, tag))).toEqual(['{% if a == "b %}', "{% endif %}"]);
	});

	test("template logic between attributes is kept as tag-level merge tags", () => {
		const text = `<a {% if x %}href="https://x.nl/u"{% endif %} class="c">x</a>`;
		const [link] = elements(parseTemplate(text), "a");
		expect(link!.tagMergeTags.map((tag) => tag.expression)).toEqual(["if x", "endif"]);
		expect(link!.attributes.map((a) => a.name)).toEqual(["href", "class"]);
		expect(link!.attributes[0]!.value).toBe("https://x.nl/u");
	});

	test("a URL mixing text and tags is split into parts with exact ranges", () => {
		const text = `<a href="https://x.nl/u?e={{ email }}&amp;id=*|UNIQID|*">x</a>`;
		const href = elements(parseTemplate(text), "a")[0]!.attributes[0] as AttributeNode;
		expect(href.value).toBe("https://x.nl/u?e={{ email }}&id=*|UNIQID|*");
		expect(href.parts.map((part) => part.type)).toEqual(["Text", "MergeTag", "Text", "MergeTag"]);
		expect(href.parts.map((part) => slice(text, part))).toEqual([
			"https://x.nl/u?e=",
			"{{ email }}",
			"&amp;id=",
			"*|UNIQID|*",
		]);
	});

	test("false-positive traps are not merge tags", () => {
		const document = parseTemplate(
			`<p>Save 20% now and 30% later. [Advertisement] See [1]. [Ad] [Company Name] Café: caf%C3%A9tude%20x. 100%% 5%.3%</p><style>a{color:red} [data-x]{}</style>`,
		);
		expect([...walk(document)].filter((node) => node.type === "MergeTag")).toEqual([]);
	});
});

describe("template AST: Outlook conditional comments", () => {
	test("markup inside <!--[if mso]> is parsed and marked Outlook-only", () => {
		const text = `<body><!--[if mso]><table><tr><td><a href="https://x.nl/afmelden">Afmelden</a></td></tr></table><![endif]--></body>`;
		const document = parseTemplate(text);
		const [link] = elements(document, "a");
		expect(link!.clients).toBe("mso-only");
		expect(firstOf(document, "Conditional")).toMatchObject({ condition: "mso", clients: "mso-only" });
		expect((link!.children[0] as TextNode).value).toBe("Afmelden");
	});

	test("downlevel-revealed !mso markup is real markup for non-Outlook clients", () => {
		const text = `<!--[if !mso]><!--><div><a href="https://x.nl/u">Unsubscribe</a></div><!--<![endif]--><p>after</p>`;
		const document = parseTemplate(text);
		expect(elements(document, "a")[0]!.clients).toBe("non-mso");
		expect(elements(document, "p")[0]!.clients).toBe("all");
		expect(textContent(document)).toBe("Unsubscribe after");
	});

	test("a ghost table opened in one block and closed in another keeps the content for all clients", () => {
		const text = `<!--[if mso]><table><tr><td><![endif]--><p>Body</p><!--[if mso]></td></tr></table><![endif]-->`;
		const document = parseTemplate(text);
		expect(elements(document, "table")[0]!.clients).toBe("mso-only");
		expect(elements(document, "p")[0]!.clients).toBe("all");
		expect(document.problems).toEqual([]);
	});

	test("a downlevel-hidden block may close with <!--<![endif]--> (Mailgun's templates do): the markup after it is for all clients", () => {
		// Browsers end the comment at the first "-->", which is the end of "<!--<![endif]-->"; Outlook ends the condition there too.
		const text = `<table><tr><td><!--[if mso]><table><tr><td><!--<![endif]--></td></tr><tr><td><p>Please confirm your e-mail address.</p></td></tr></table>`;
		const document = parseTemplate(text);
		expect(elements(document, "p")[0]!.clients).toBe("all");
		expect(textContent(document)).toBe("Please confirm your e-mail address.");
		expect([...walk(document)].filter((node) => node.type === "Comment")).toEqual([]);
	});

	test("downlevel-hidden !mso content renders nowhere", () => {
		const document = parseTemplate(`<!--[if !mso]><p>ghost</p><![endif]-->`);
		expect(elements(document, "p")[0]!.clients).toBe("none");
	});
});

describe("template AST: MJML", () => {
	test("ending tags hold HTML parsed into the same tree with positions", () => {
		const text = `<mjml>\n<mj-body>\n<mj-section><mj-column>\n<mj-text><p>Geen mail meer? <a href="*|UNSUB|*">Afmelden</a></p></mj-text>\n</mj-column></mj-section>\n</mj-body>\n</mjml>`;
		const document = parseTemplate(text, "mjml");
		const [link] = elements(document, "a");
		expect(link!.loc.start).toEqual({ line: 4, column: 29 });
		expect(link!.attributes[0]!.parts[0]).toMatchObject({ type: "MergeTag", syntax: "mailchimp" });
		expect(elements(document, "mj-text")).toHaveLength(1);
		expect(document.problems).toEqual([]);
	});

	test("unclosed and misnested mj-* tags are located problems", () => {
		const document = parseTemplate(`<mjml><mj-body><mj-section><mj-column></mj-section></mj-body></mjml>`, "mjml");
		expect(document.problems).toEqual([
			expect.objectContaining({
				kind: "mjml",
				message: "<mj-column> is not closed before </mj-section>.",
				loc: expect.objectContaining({ start: { line: 1, column: 28 } }),
			}),
		]);
		const unclosed = parseTemplate(`<mjml><mj-body>`, "mjml");
		expect(unclosed.problems.map((problem) => problem.message)).toEqual([
			"<mj-body> is never closed.",
			"<mjml> is never closed.",
		]);
	});
});
