import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import type { DocumentNode, ElementNode } from "../../src/ast/types.js";
import { textContent } from "../../src/analyses/text.js";
import { lintWithRules, tempProject } from "../helpers/lint.js";
import { elements, parseTemplate } from "../helpers/template.js";

const cleanups: Array<() => void> = [];
afterEach(() => {
	for (const cleanup of cleanups.splice(0)) cleanup();
});

function project(files: Record<string, string>): string {
	const made = tempProject({ "package.json": "{}", ...files });
	cleanups.push(made.cleanup);
	return made.dir;
}

function parseFile(dir: string, name: string, includeRoot?: string): DocumentNode {
	const file = path.join(dir, name);
	return parseTemplate(fs.readFileSync(file, "utf8"), "html", { path: file, ...(includeRoot ? { includeRoot } : {}) });
}

const PAGE = (inner: string) => `<!DOCTYPE html>\n<html><body>\n${inner}\n</body></html>\n`;
const FOOTER = `<p>Acme B.V., Keizersgracht 1, Amsterdam</p>\n<a href="{{ unsubscribe_url }}">Unsubscribe</a>`;
const OFFER = "<p>Spring sale: 20% off everything.</p>";

/** Per engine: a child and its layout, the layout with a block or slot for the child's content and the footer from a partial. */
const ENGINES = {
	jinja: {
		files: {
			"emails/layouts/base.njk": PAGE(
				`<table><tr><td>{% block content %}{% endblock %}</td></tr></table>\n{% include "partials/footer.njk" %}`,
			),
			"emails/partials/footer.njk": FOOTER,
			"emails/promo.njk": `{% extends "layouts/base.njk" %}\n{% block content %}${OFFER}{% endblock %}\n`,
		},
		child: "emails/promo.njk",
		layout: "emails/layouts/base.njk",
		partial: "emails/partials/footer.njk",
		missing: `{% extends "layouts/nope.njk" %}\n{% block content %}${OFFER}{% endblock %}\n`,
		include: (name: string) => `{% include "${name}" %}`,
	},
	twig: {
		files: {
			"emails/base.html.twig": PAGE(
				`<table><tr><td>{% block content %}{% endblock %}</td></tr></table>\n{{ include('_footer.html.twig') }}`,
			),
			"emails/_footer.html.twig": FOOTER,
			"emails/promo.html.twig": `{% extends "base.html.twig" %}\n{% block content %}${OFFER}{% endblock %}\n`,
		},
		child: "emails/promo.html.twig",
		layout: "emails/base.html.twig",
		partial: "emails/_footer.html.twig",
		missing: `{% extends "nope.html.twig" %}\n{% block content %}${OFFER}{% endblock %}\n`,
		include: (name: string) => `{% include "${name}" %}`,
	},
	handlebars: {
		files: {
			"emails/partials/layout.hbs": PAGE(`<table><tr><td>{{> @partial-block}}</td></tr></table>\n{{> footer}}`),
			"emails/partials/footer.hbs": FOOTER.replace("{{ unsubscribe_url }}", "{{unsubscribe_url}}"),
			"emails/promo.hbs": `{{#> layout}}\n${OFFER}\n{{/layout}}\n`,
		},
		child: "emails/promo.hbs",
		layout: "emails/partials/layout.hbs",
		partial: "emails/partials/footer.hbs",
		missing: `{{#> nope}}\n${OFFER}\n{{/nope}}\n`,
		include: (name: string) => `{{> ${name}}}`,
	},
	liquid: {
		files: {
			"emails/layouts/theme.liquid": PAGE(
				`<table><tr><td>{{ content_for_layout }}</td></tr></table>\n{% render 'footer' %}`,
			),
			"emails/snippets/footer.liquid": FOOTER,
			"emails/promo.liquid": `{% layout 'theme' %}\n${OFFER}\n`,
		},
		child: "emails/promo.liquid",
		layout: "emails/layouts/theme.liquid",
		partial: "emails/snippets/footer.liquid",
		missing: `{% layout 'nope' %}\n${OFFER}\n`,
		include: (name: string) => `{% render '${name}' %}`,
	},
	go: {
		files: {
			"emails/base.tmpl": `{{ define "base" }}${PAGE(`<table><tr><td>{{ block "content" . }}{{ end }}</td></tr></table>\n{{ template "footer" . }}`)}{{ end }}`,
			"emails/shared/footer.gohtml": `{{ define "footer" }}${FOOTER.replace("{{ unsubscribe_url }}", "{{ .UnsubscribeURL }}")}{{ end }}`,
			"emails/promo.tmpl": `{{ template "base" . }}\n{{ define "content" }}${OFFER}{{ end }}\n`,
		},
		child: "emails/promo.tmpl",
		layout: "emails/base.tmpl",
		partial: "emails/shared/footer.gohtml",
		missing: `{{ template "nope" . }}\n{{ define "content" }}${OFFER}{{ end }}\n`,
		include: (name: string) => `{{ template "${name}" . }}`,
	},
} as const;

const CASES = Object.entries(ENGINES).map(([engine, setup]) => ({ engine, ...setup }));
const ending = (file: string) => file.slice(file.indexOf("."));

describe("composition: the mail is the file with its layout and partials in place", () => {
	test.each(CASES)(
		"$engine: the child is judged with its layout's page and footer; nodes from other files sit on the tag that brought them",
		({ files, child }) => {
			const dir = project(files);
			const document = parseFile(dir, child);
			expect(document.problems).toEqual([]);
			expect(document.role).toBeUndefined();
			const text = fs.readFileSync(path.join(dir, child), "utf8");
			const [body] = elements(document, "body");
			expect(body, "the layout's <body> is in the mail").toBeDefined();
			// The layout's element is placed on the child's first line, the tag that brings the layout in; its own file is kept.
			expect(body!.origin?.file).toBe(fs.realpathSync(path.join(dir, Object.keys(files)[0]!)));
			expect(text.slice(body!.range[0], body!.range[1])).toMatch(/^\{[{%]/u);
			// The child's own paragraph keeps its own offsets, inside the layout's table.
			const [cell] = elements(document, "td");
			const [offer] = elements(cell!, "p");
			expect(offer!.origin).toBeUndefined();
			expect(text.slice(offer!.range[0], offer!.range[1])).toBe(OFFER);
			// The footer partial is there too.
			const [link] = elements(document, "a");
			expect(textContent(link as ElementNode)).toBe("Unsubscribe");
			expect(link!.origin).toBeDefined();
		},
	);

	test.each(CASES)("$engine: a layout and a partial are not mails of their own", ({ files, layout, partial }) => {
		const dir = project(files);
		expect(parseFile(dir, layout).role).toBe("layout");
		expect(parseFile(dir, partial).role).toBe("partial");
	});

	test.each(CASES)(
		"$engine: a missing layout is reported on its tag, and the mail rules say once that they could not see the whole mail",
		async ({ files, child, missing }) => {
			const dir = project({ ...files, [child]: missing });
			const document = parseFile(dir, child);
			expect(document.problems).toHaveLength(1);
			expect(document.problems[0]).toMatchObject({ kind: "include", loc: { start: { line: 1, column: 1 } } });
			expect(document.problems[0]!.message).toMatch(/not found/u);
			const [result] = await lintWithRules(
				dir,
				{
					"mailcomply/require-unsubscribe": "error",
					"mailcomply/require-sender-identity": "error",
					"mailcomply/valid-template": "error",
				},
				[child],
			);
			const byRule = (id: string) => result!.messages.filter((message) => message.ruleId === id);
			expect(byRule("mailcomply/valid-template")).toHaveLength(1);
			for (const id of ["mailcomply/require-unsubscribe", "mailcomply/require-sender-identity"]) {
				expect(byRule(id), id).toHaveLength(1);
				expect(byRule(id)[0]!.messageId, id).toBe("unseen");
				expect(byRule(id)[0]!.line).toBe(1);
			}
		},
	);

	test.each(CASES)(
		"$engine: with its layout found, the same child gets no finding; without the footer's opt-out it gets the real one",
		async ({ files, child, partial }) => {
			const dir = project(files);
			const rules = {
				"mailcomply/require-unsubscribe": "error",
				"mailcomply/require-sender-identity": "error",
				"mailcomply/valid-template": "error",
			} as const;
			const [clean] = await lintWithRules(dir, rules, [child]);
			expect(clean!.messages).toEqual([]);
			fs.writeFileSync(
				path.join(dir, partial),
				fs.readFileSync(path.join(dir, partial), "utf8").replace(/<a [^>]*>Unsubscribe<\/a>/u, ""),
			);
			const [bare] = await lintWithRules(dir, rules, [child]);
			expect(bare!.messages.map((message) => message.ruleId)).toEqual(["mailcomply/require-unsubscribe"]);
			expect(bare!.messages[0]!.messageId).toBe("missing");
			expect(bare!.messages[0]!.line).toBe(1);
		},
	);

	test.each(CASES)("$engine: an include cycle is cut and reported on the tag", ({ engine, partial, include }) => {
		const name = engine === "go" ? "loop" : path.basename(partial);
		const files: Record<string, string> =
			engine === "go"
				? {
						"emails/loop.tmpl": `{{ define "loop" }}<p>again</p>{{ template "loop" . }}{{ end }}`,
						"emails/mail.tmpl": PAGE(include(name)),
					}
				: {
						[partial]: `<p>again</p>${include(name)}`,
						[`emails/mail${ending(partial)}`]: PAGE(include(engine === "handlebars" ? "footer" : name)),
					};
		if (engine === "liquid") files[partial] = `<p>again</p>{% render 'footer' %}`;
		const dir = project(files);
		const document = parseFile(dir, engine === "go" ? "emails/mail.tmpl" : `emails/mail${ending(partial)}`);
		const cycles = document.problems.filter((problem) => /cycle/u.test(problem.message));
		expect(cycles).toHaveLength(1);
		expect(cycles[0]!.loc.start.line).toBe(3);
		expect(elements(document, "p").length).toBeGreaterThan(0);
	});

	test.each(CASES.filter(({ engine }) => engine !== "go"))(
		"$engine: nothing outside the include root is read, through a path or a symbolic link",
		({ partial, include }) => {
			const outside = fs.mkdtempSync(path.join(os.tmpdir(), "mailcomply-outside-"));
			cleanups.push(() => fs.rmSync(outside, { recursive: true, force: true }));
			fs.writeFileSync(path.join(outside, `secret${ending(partial)}`), "<p>SECRET</p>");
			const mail = `emails/mail${ending(partial)}`;
			const dir = project({
				[mail]: PAGE(
					`${include(`../../../../../../../../..${outside}/secret${ending(partial)}`)}\n${include(`linked${ending(partial)}`)}`,
				),
			});
			fs.symlinkSync(
				path.join(outside, `secret${ending(partial)}`),
				path.join(dir, "emails", `linked${ending(partial)}`),
			);
			const document = parseFile(dir, mail);
			expect(JSON.stringify(document)).not.toContain("SECRET");
			const messages = document.problems.map((problem) => problem.message).join("\n");
			expect(messages).toMatch(/outside the include root/u);
			expect(messages).toMatch(/symbolic link/u);
		},
	);

	test("a partial chosen at send time is out of sight but no template error; a Go define anywhere under the root is found", async () => {
		const dir = project({
			"emails/dynamic.njk": PAGE(`${OFFER}\n{% include footer_template %}`),
			"emails/page.tmpl": PAGE(`${OFFER}\n{{ template "company-footer" . }}`),
			"shared/deep/defs.gohtml": `{{ define "company-footer" }}${FOOTER.replace("{{ unsubscribe_url }}", "{{ .UnsubscribeURL }}")}{{ end }}`,
		});
		const dynamic = parseFile(dir, "emails/dynamic.njk");
		expect(dynamic.problems).toEqual([]);
		expect(dynamic.unseen?.[0]).toMatchObject({
			tag: "{% include footer_template %}",
			why: "it is an include named by a variable",
			loc: { start: { line: 4 } },
		});
		const [result] = await lintWithRules(dir, { "mailcomply/require-unsubscribe": "error" }, ["emails/dynamic.njk"]);
		// Asserted by id and by the tag it names, not by the message's wording (another helper owns that).
		expect(result!.messages[0]!.messageId).toBe("unseen");
		expect(result!.messages[0]!.message).toContain("{% include footer_template %}");
		const page = parseFile(dir, "emails/page.tmpl");
		expect(page.problems).toEqual([]);
		expect(elements(page, "a")).toHaveLength(1);
	});

	test("Jinja: a child's block overrides the layout's, {{ super() }} keeps the layout's own, text outside blocks is not sent", () => {
		const dir = project({
			"templates/base.html": PAGE(`{% block footer %}<p>Layout footer</p>{% endblock %}`),
			"templates/emails/child.j2": `{% extends "base.html" %}\nIgnored text\n{% block footer %}<p>Child footer</p>{{ super() }}{% endblock %}`,
		});
		const document = parseFile(dir, "templates/emails/child.j2");
		expect(elements(document, "p").map((p) => textContent(p))).toEqual(["Child footer", "Layout footer"]);
		expect(JSON.stringify(document)).not.toContain("Ignored text");
	});

	test("Handlebars: a layout's inline partial from the child fills it", () => {
		const dir = project({
			"views/layouts/main.hbs": PAGE(`{{> content}}{{> footer}}`),
			"views/partials/footer.hbs": "<p>Footer</p>",
			"views/emails/mail.hbs": `{{#> layouts/main}}{{#*inline "content"}}<p>Body</p>{{/inline}}{{/layouts/main}}`,
		});
		const document = parseFile(dir, "views/emails/mail.hbs");
		expect(document.problems).toEqual([]);
		expect(elements(document, "p").map((p) => textContent(p))).toEqual(["Body", "Footer"]);
	});

	test("an include of a huge file is refused and the mail stays within the size limit", () => {
		const dir = project({ "emails/mail.hbs": PAGE("{{> big}}") });
		fs.writeFileSync(path.join(dir, "emails", "big.hbs"), "x".repeat(6 * 1024 * 1024));
		const document = parseFile(dir, "emails/mail.hbs");
		expect(document.problems[0]!.message).toMatch(/over the 5 MB limit/u);
	});

	test("a partial included over and over stops the mail at the template size limit, reported once", () => {
		const dir = project({
			"emails/mail.hbs": PAGE("{{> a}}"),
			"emails/a.hbs": "{{> b}}".repeat(40),
			"emails/b.hbs": "{{> c}}".repeat(40),
			"emails/c.hbs": "{{> d}}".repeat(40),
			"emails/d.hbs": `<p>${"x".repeat(1000)}</p>`.repeat(10),
		});
		const started = performance.now();
		const document = parseFile(dir, "emails/mail.hbs");
		expect(performance.now() - started).toBeLessThan(20_000);
		expect(document.problems.filter((problem) => /too large|larger than/u.test(problem.message))).toHaveLength(1);
	});

	test("a text that runs from a child's block into its layout covers only the child's own text (the tag after it is not read as a broken merge tag)", async () => {
		const dir = project({
			"emails/base.njk": PAGE(
				`{% block header %}{% endblock %}\n                    <p>Acme B.V., Keizersgracht 1, Amsterdam</p>`,
			),
			"emails/receipt.njk": `{% extends "base.njk" %}\n{% block header -%}\n  {{ greeting }}\n  {%- endblock %}\n`,
		});
		const [result] = await lintWithRules(dir, { "mailcomply/esp-merge-tags": "error" }, ["emails/receipt.njk"]);
		expect(result!.messages).toEqual([]);
	});

	const UNSUBSCRIBE_RULES = {
		"mailcomply/require-unsubscribe": "error",
		"mailcomply/valid-template": "error",
	} as const;
	const messagesOf = async (dir: string, file: string) =>
		(await lintWithRules(dir, UNSUBSCRIBE_RULES, [file]))[0]!.messages.map((message) => message.messageId);

	test.each([
		["an import with a namespace", `{% import "macros.njk" as m %}\n${OFFER}\n{{ m.footer() }}`],
		["a from-import", `{% from "macros.njk" import footer %}\n${OFFER}\n{{ footer() }}`],
		[
			"a from-import with context",
			`{% from "macros.njk" import other, footer with context %}\n${OFFER}\n{{ footer() }}`,
		],
		["a from-import under another name", `{% from "macros.njk" import footer as foot %}\n${OFFER}\n{{ foot(2026) }}`],
	])("a footer written by a macro (%s) is in the mail", async (_form, body) => {
		const dir = project({
			"emails/macros.njk": `{% macro footer(year) %}${FOOTER}{% endmacro %}\n{% macro other() %}<p>x</p>{% endmacro %}`,
			"emails/promo.njk": PAGE(body),
		});
		expect(await messagesOf(dir, "emails/promo.njk")).toEqual([]);
		expect(parseFile(dir, "emails/macros.njk").role).toBe("partial");
		// The same mail with a macro that writes no opt-out is reported, as a missing link, not as unseen.
		fs.writeFileSync(path.join(dir, "emails/macros.njk"), `{% macro footer(year) %}<p>Bye</p>{% endmacro %}`);
		expect(await messagesOf(dir, "emails/promo.njk")).toEqual(["missing"]);
	});

	test("a macro imported in a child template, outside its blocks, and called in a block", async () => {
		const dir = project({
			"emails/macros.njk": `{% macro footer() %}${FOOTER}{% endmacro %}`,
			"emails/base.njk": PAGE("{% block content %}{% endblock %}"),
			"emails/child.njk": `{% extends "base.njk" %}\n{% from "macros.njk" import footer %}\n{% block content %}${OFFER}{{ footer() }}{% endblock %}`,
		});
		expect(await messagesOf(dir, "emails/child.njk")).toEqual([]);
	});

	test("a macro defined and called in the same file; an engine function call stays a merge tag", async () => {
		const dir = project({
			"emails/promo.njk": PAGE(
				`{% macro footer() %}${FOOTER}{% endmacro %}\n${OFFER}\n<p>{{ range(3) }} {{ user.name() }}</p>\n{{ footer() }}`,
			),
		});
		expect(await messagesOf(dir, "emails/promo.njk")).toEqual([]);
		const [paragraph] = elements(parseFile(dir, "emails/promo.njk"), "p").filter((p) =>
			textContent(p as ElementNode).includes("range"),
		);
		expect(textContent(paragraph as ElementNode)).toBe("{{ range(3) }} {{ user.name() }}");
	});

	test("a missing macro file is reported on its import, and the mail rules say they could not see the whole mail", async () => {
		const dir = project({ "emails/promo.njk": PAGE(`{% import "nope.njk" as m %}\n${OFFER}\n{{ m.footer() }}`) });
		const [result] = await lintWithRules(dir, UNSUBSCRIBE_RULES, ["emails/promo.njk"]);
		expect(result!.messages.map((message) => [message.ruleId, message.messageId, message.line])).toEqual([
			["mailcomply/valid-template", "include", 3],
			["mailcomply/require-unsubscribe", "unseen", 3],
		]);
	});

	test("a macro the imported file does not define is reported on the call", async () => {
		const dir = project({
			"emails/macros.njk": `{% macro header() %}<p>Hi</p>{% endmacro %}`,
			"emails/promo.njk": PAGE(`{% import "macros.njk" as m %}\n${OFFER}\n{{ m.footer() }}`),
		});
		const [result] = await lintWithRules(dir, UNSUBSCRIBE_RULES, ["emails/promo.njk"]);
		expect(result!.messages.map((message) => [message.messageId, message.line])).toEqual([
			["include", 5],
			["unseen", 5],
		]);
		expect(result!.messages[0]!.message).toMatch(/macro "footer" is not defined in "macros.njk"/u);
	});

	test("Twig embed: the embedded file in place, with the blocks written inside the embed overriding its own", async () => {
		const dir = project({
			"emails/card.html.twig": PAGE(`<table><tr><td>{% block content %}{% endblock %}</td></tr></table>\n${FOOTER}`),
			"emails/promo.html.twig": `{% embed "card.html.twig" %}\n{% block content %}${OFFER}{% endblock %}\n{% endembed %}\n`,
		});
		const document = parseFile(dir, "emails/promo.html.twig");
		expect(document.problems).toEqual([]);
		expect(document.role).toBeUndefined();
		const [cell] = elements(document, "td");
		const [offer] = elements(cell!, "p");
		const text = fs.readFileSync(path.join(dir, "emails/promo.html.twig"), "utf8");
		expect(text.slice(offer!.range[0], offer!.range[1])).toBe(OFFER);
		expect(await messagesOf(dir, "emails/promo.html.twig")).toEqual([]);
		fs.writeFileSync(path.join(dir, "emails/card.html.twig"), PAGE("{% block content %}{% endblock %}"));
		expect(await messagesOf(dir, "emails/promo.html.twig")).toEqual(["missing"]);
	});

	test("Twig embed inside a child's block overrides the embedded file's block, not the layout's", async () => {
		const dir = project({
			"emails/base.html.twig": PAGE(`{% block content %}{% endblock %}\n${FOOTER}`),
			"emails/card.html.twig": "<div>{% block content %}<p>card default</p>{% endblock %}</div>",
			"emails/promo.html.twig": `{% extends "base.html.twig" %}\n{% block content %}<h1>Spring</h1>{% embed "card.html.twig" %}{% block content %}${OFFER}{% endblock %}{% endembed %}{% endblock %}\n`,
		});
		const document = parseFile(dir, "emails/promo.html.twig");
		expect(document.problems).toEqual([]);
		const [div] = elements(document, "div");
		expect(textContent(div as ElementNode)).toBe("Spring sale: 20% off everything.");
		expect(elements(document, "h1")).toHaveLength(1);
		expect(await messagesOf(dir, "emails/promo.html.twig")).toEqual([]);
	});

	test("Mustache parents: {{< base}} with {{$block}} overrides, the parent is a layout", async () => {
		const footer = FOOTER.replace("{{ unsubscribe_url }}", "{{unsubscribe_url}}");
		const dir = project({
			"emails/partials/base.mustache": PAGE(`<table><tr><td>{{$content}}{{/content}}</td></tr></table>\n${footer}`),
			"emails/promo.mustache": `{{< base}}\n{{$content}}${OFFER}{{/content}}\n{{/base}}\n`,
		});
		const document = parseFile(dir, "emails/promo.mustache");
		expect(document.problems).toEqual([]);
		const [cell] = elements(document, "td");
		expect(textContent(cell as ElementNode)).toBe("Spring sale: 20% off everything.");
		expect(parseFile(dir, "emails/partials/base.mustache").role).toBe("layout");
		expect(await messagesOf(dir, "emails/promo.mustache")).toEqual([]);
		fs.writeFileSync(
			path.join(dir, "emails/promo.mustache"),
			`{{< nope}}\n{{$content}}${OFFER}{{/content}}\n{{/nope}}\n`,
		);
		expect(await messagesOf(dir, "emails/promo.mustache")).toEqual(["include", "unseen"]);
	});
});
