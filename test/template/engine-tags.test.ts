import { describe, expect, test } from "vitest";
import type { MergeTagNode } from "../../src/ast/types.js";
import { engineOf } from "../../src/template/engines.js";
import { scanEngineTags } from "../../src/template/engine-tags.js";
import { isGenericUnsubscribeVariable } from "../../src/lexicons/esp-merge-tags/generic-variables.js";
import { elements, parseTemplate, slice, walk } from "../helpers/template.js";

const mergeTags = (root: Parameters<typeof walk>[0]) =>
	[...walk(root)].filter((node): node is MergeTagNode => node.type === "MergeTag");

describe("engineOf: the engine a file is written for, from its name", () => {
	test.each([
		["welcome.hbs", "handlebars"],
		["welcome.handlebars", "handlebars"],
		["welcome.mustache", "mustache"],
		["welcome.liquid", "liquid"],
		["welcome.njk", "jinja"],
		["welcome.nunjucks", "jinja"],
		["welcome.jinja", "jinja"],
		["welcome.jinja2", "jinja"],
		["welcome.html.j2", "jinja"],
		["base.html.twig", "twig"],
		["welcome.tpl", "go"],
		["welcome.gohtml", "go"],
		["welcome.tmpl", "go"],
		["C:\\mail\\welcome.html.erb", "erb"],
		["/srv/mail/WELCOME.HBS", "handlebars"],
	])("%s is %s", (name, engine) => {
		expect(engineOf(name)).toBe(engine);
	});

	test.each(["welcome.html", "welcome.mjml", "welcome.erb", "hbs", "/srv/hbs/welcome.htm"])(
		"%s has no engine",
		(name) => {
			expect(engineOf(name)).toBeUndefined();
		},
	);
});

/** Per engine: a block tag around markup, an expression holding `<` or `>`, and a comment that hides markup. */
const ENGINE_CASES = [
	{
		file: "welcome.hbs",
		text: `<table>{{#each items}}<tr><td>{{name}}</td></tr>{{/each}}</table>{{!-- <a href="#">old</a> --}}<p>{{{raw_html}}}</p>`,
		tags: ["{{#each items}}", "{{name}}", "{{/each}}", "{{{raw_html}}}"],
	},
	{
		file: "welcome.mustache",
		text: `<table>{{#items}}<tr><td>{{name}}</td></tr>{{/items}}</table>{{! <a href="#">old</a> }}`,
		tags: ["{{#items}}", "{{name}}", "{{/items}}"],
	},
	{
		file: "welcome.liquid",
		text: `<table>{% for item in items %}<tr><td>{{ item.name | upcase }}</td></tr>{% endfor %}</table>{% if a < b %}x{% endif %}{% comment %}<a href="#">old</a>{% endcomment %}`,
		tags: ["{% for item in items %}", "{{ item.name | upcase }}", "{% endfor %}", "{% if a < b %}", "{% endif %}"],
	},
	{
		file: "welcome.njk",
		text: `<table>{% for item in items %}<tr><td>{{ item.name }}</td></tr>{% endfor %}</table>{%- if a > b -%}x{% endif %}{# <a href="#">old</a> #}`,
		tags: ["{% for item in items %}", "{{ item.name }}", "{% endfor %}", "{%- if a > b -%}", "{% endif %}"],
	},
	{
		file: "base.html.twig",
		text: `<table>{% for item in items %}<tr><td>{{ item.name|e }}</td></tr>{% endfor %}</table>{% if a < b %}x{% endif %}{# <a href="#">old</a> #}`,
		tags: ["{% for item in items %}", "{{ item.name|e }}", "{% endfor %}", "{% if a < b %}", "{% endif %}"],
	},
	{
		file: "welcome.gohtml",
		text: `<table>{{ range .Items }}<tr><td>{{ .Name }}</td></tr>{{ end }}</table>{{ if lt .A .B }}x{{ end }}{{/* <a href="#">old</a> */}}`,
		tags: ["{{ range .Items }}", "{{ .Name }}", "{{ end }}", "{{ if lt .A .B }}", "{{ end }}"],
	},
	{
		file: "welcome.html.erb",
		text: `<table><% @items.each do |item| %><tr><td><%= item.name %></td></tr><% end %></table><% if a < b && c > d %>x<% end %><%# <a href="#">old</a> %>`,
		tags: ["<% @items.each do |item| %>", "<%= item.name %>", "<% end %>", "<% if a < b && c > d %>", "<% end %>"],
	},
];

describe("engine templates are HTML with the engine's tags masked", () => {
	test.each(ENGINE_CASES)(
		"$file: block tags keep the table intact, offsets are exact, comments hide markup",
		({ file, text, tags }) => {
			const document = parseTemplate(text, "html", { path: `/virtual/${file}` });
			expect(document.engine).toBe(engineOf(file));
			const found = mergeTags(document);
			expect(found.map((tag) => tag.raw)).toEqual(tags);
			for (const tag of found) expect(slice(text, tag)).toBe(tag.raw);
			// The row and cell stay inside the table although an engine block tag sits between them.
			const [table] = elements(document, "table");
			expect(elements(table!, "tr")).toHaveLength(1);
			expect(elements(table!, "td")).toHaveLength(1);
			// The link in the comment is not markup of the mail.
			expect(elements(document, "a")).toHaveLength(0);
			expect(document.problems).toEqual([]);
		},
	);

	test("the same text as plain HTML keeps today's ESP merge-tag reading (a `<` ends a tag there)", () => {
		const text = `<p>{% if a < b %}x{% endif %}</p>`;
		const asHtml = parseTemplate(text, "html", { path: "/virtual/welcome.html" });
		expect(asHtml.engine).toBeUndefined();
		expect(mergeTags(asHtml).map((tag) => tag.raw)).toEqual(["{% endif %}"]);
		const asLiquid = parseTemplate(text, "html", { path: "/virtual/welcome.liquid" });
		expect(mergeTags(asLiquid).map((tag) => tag.raw)).toEqual(["{% if a < b %}", "{% endif %}"]);
	});

	test("engine tags inside attributes and between them keep the element whole", () => {
		const text = `<a {% if tracked %}data-track="1"{% endif %} href="{{ links.unsubscribe }}" class="btn {{ extra }}">Afmelden</a>`;
		const document = parseTemplate(text, "html", { path: "/virtual/footer.njk" });
		const [link] = elements(document, "a");
		expect(link!.tagMergeTags.map((tag) => tag.raw)).toEqual(["{% if tracked %}", "{% endif %}"]);
		const href = link!.attributes.find((attribute) => attribute.name === "href")!;
		expect(href.value).toBe("{{ links.unsubscribe }}");
		expect((href.parts[0] as MergeTagNode).expression).toBe("links.unsubscribe");
		expect(link!.attributes.map((attribute) => attribute.name)).toEqual(["data-track", "href", "class"]);
	});

	test("whitespace control and ERB output markers are not part of the expression", () => {
		const expressions = (file: string, text: string) =>
			scanEngineTags(text, engineOf(file)!).tags.map((tag) => tag.expression);
		expect(expressions("a.njk", "{%- if x -%}{{- name -}}{%+ endif +%}")).toEqual(["if x", "name", "endif"]);
		expect(expressions("a.hbs", "{{~name~}}")).toEqual(["name"]);
		expect(expressions("a.html.erb", "<%= name %><%== raw %><%- trimmed -%>")).toEqual(["name", "raw", "trimmed"]);
	});

	test("raw blocks are output as written: their content is markup, not engine tags", () => {
		const text = `{% raw %}<p>{{ not_a_var }}</p>{% endraw %}`;
		const { tags } = scanEngineTags(text, "jinja");
		expect(tags.map((tag) => text.slice(tag.start, tag.end))).toContain("{% raw %}");
		expect(tags.map((tag) => text.slice(tag.start, tag.end))).toContain("{% endraw %}");
		// Read as an ESP-style tag in the literal text, as in any HTML file, not as the engine's.
		expect(tags.filter((tag) => tag.expression === "not_a_var")).toHaveLength(1);
	});

	test("ESP merge tags between the engine's own are still found", () => {
		const text = `<a href="*|UNSUB|*">{{ label }}</a>`;
		const document = parseTemplate(text, "html", { path: "/virtual/footer.njk" });
		expect(
			mergeTags(document)
				.sort((a, b) => a.range[0] - b.range[0])
				.map((tag) => tag.syntax),
		).toEqual(["mailchimp", "double-curly"]);
	});

	test("an unclosed tag is text, and a file full of them is scanned in linear time", () => {
		expect(scanEngineTags("<p>{{ name</p>", "handlebars").tags).toEqual([]);
		const hostile = "{{ {% {# <% ".repeat(200_000);
		const started = performance.now();
		for (const engine of ["handlebars", "jinja", "liquid", "go", "erb"] as const) scanEngineTags(hostile, engine);
		expect(performance.now() - started).toBeLessThan(3000);
	});

	test("a Go template names its unsubscribe link as a field of the data", () => {
		for (const expression of [".UnsubscribeURL", "$.Links.Unsubscribe", ".UnsubscribeURL | html"]) {
			expect(isGenericUnsubscribeVariable({ syntax: "double-curly", expression }), expression).toBe(true);
		}
		expect(isGenericUnsubscribeVariable({ syntax: "double-curly", expression: ".IsUnsubscribed" })).toBe(false);
	});
});
