import path from "node:path";
import { describe, expect, test } from "vitest";
import { ESLint, type Linter } from "eslint";
import { defineConfig } from "eslint/config";
import plugin from "../../plugin/index.js";
import { tempProject } from "../helpers/lint.js";
import { run } from "../../src/cli/run.js";
import { findSidecarFor, findTemplateFor } from "../../src/campaign/sidecar.js";

/** One marketing mail per engine, each with its opt-out only in the engine's own tag, and a twin without one. */
const footer = {
	hbs: `<a href="{{{unsubscribe_url}}}">Unsubscribe</a>`,
	liquid: `<a href="{{ unsubscribe_url }}">Unsubscribe</a>`,
	njk: `<a href="{{ links.unsubscribe }}">Unsubscribe</a>`,
	twig: `<a href="{{ unsubscribe_url|e }}">Unsubscribe</a>`,
	gohtml: `<a href="{{ .UnsubscribeURL }}">Unsubscribe</a>`,
	"html.erb": `<a href="<%= unsubscribe_url %>">Unsubscribe</a>`,
} as const;

/** A block tag of each engine around the offer, so the block must not break the document. */
const block = {
	hbs: ["{{#if vip}}", "{{/if}}"],
	liquid: ["{% if customer.vip %}", "{% endif %}"],
	njk: ["{% if vip %}", "{% endif %}"],
	twig: ["{% if vip %}", "{% endif %}"],
	gohtml: ["{{ if .Vip }}", "{{ end }}"],
	"html.erb": ["<% if vip? %>", "<% end %>"],
} as const;

const mail = (ending: keyof typeof footer, withOptOut: boolean) => `<!DOCTYPE html>
<html lang="en"><body>
<table><tr><td>
${block[ending][0]}<p>Spring sale: 20% off everything.</p>${block[ending][1]}
<p>Acme Ltd, 1 Market Street, London</p>
${withOptOut ? footer[ending] : ""}
</td></tr></table>
</body></html>
`;

const ENDINGS = Object.keys(footer) as Array<keyof typeof footer>;
const files = Object.fromEntries(
	ENDINGS.flatMap((ending) => [
		[`emails/ok.${ending}`, mail(ending, true)],
		[`emails/bad.${ending}`, mail(ending, false)],
	]),
);

async function lint(dir: string, config: Linter.Config[], patterns: string[]): Promise<Map<string, string[]>> {
	const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: config });
	const results = await eslint.lintFiles(patterns);
	return new Map(
		results.map((result) => [
			path.relative(dir, result.filePath),
			result.messages.map((message) => message.ruleId ?? message.message),
		]),
	);
}

describe("HTML written for a template engine", () => {
	test("configs.recommended lints them in e-mail folders, with the engine's opt-out tag seen", async () => {
		const project = tempProject({ ...files, "site/page.hbs": mail("hbs", false) });
		try {
			const found = await lint(project.dir, plugin.configs.recommended as Linter.Config[], ["."]);
			for (const ending of ENDINGS) {
				expect(found.get(`emails/ok.${ending}`), ending).not.toContain("mailcomply/require-unsubscribe");
				expect(found.get(`emails/bad.${ending}`), ending).toContain("mailcomply/require-unsubscribe");
			}
			// Outside the e-mail folders and names, as for .html: not linted.
			expect(found.has("site/page.hbs")).toBe(false);
		} finally {
			project.cleanup();
		}
	});

	test("recommended's name convention and configs.html under the user's own globs cover them", async () => {
		const eslint = new ESLint({
			cwd: import.meta.dirname,
			overrideConfigFile: true,
			overrideConfig: plugin.configs.recommended as Linter.Config[],
		});
		const languageOf = async (file: string) =>
			(JSON.parse(JSON.stringify((await eslint.calculateConfigForFile(file)) ?? {})) as { language?: string }).language;
		expect(await languageOf("src/promo.email.hbs")).toBe("mailcomply/html");
		expect(await languageOf("mail/base.html.twig")).toBe("mailcomply/html");
		expect(await languageOf("newsletters/march.html.erb")).toBe("mailcomply/html");
		expect(await languageOf("views/page.njk")).toBeUndefined();

		const project = tempProject({
			"templates/promo.njk": mail("njk", false),
			"templates/ok.tpl": mail("gohtml", true),
		});
		try {
			const found = await lint(
				project.dir,
				defineConfig([{ files: ["templates/**/*.{njk,tpl}"], extends: [plugin.configs.html] as Linter.Config[] }]),
				["templates"],
			);
			expect(found.get("templates/promo.njk")).toContain("mailcomply/require-unsubscribe");
			expect(found.get("templates/ok.tpl")).not.toContain("mailcomply/require-unsubscribe");
		} finally {
			project.cleanup();
		}
	});

	test("the CLI finds them wherever they are", async () => {
		const project = tempProject({
			"anywhere/promo.liquid": mail("liquid", false),
			"anywhere/ok.mustache": mail("hbs", true),
		});
		try {
			let out = "";
			const code = await run(["--format", "json", "."], {
				stdout: { write: (text: string) => (out += text) },
				stderr: { write: () => true },
				cwd: project.dir,
			});
			expect(code).toBe(1);
			const results = JSON.parse(out) as ESLint.LintResult[];
			const byFile = new Map(
				results.map((result) => [
					path.relative(project.dir, result.filePath),
					result.messages.map((message) => message.ruleId),
				]),
			);
			expect(byFile.get("anywhere/promo.liquid")).toContain("mailcomply/require-unsubscribe");
			expect(byFile.get("anywhere/ok.mustache")).toEqual([]);
		} finally {
			project.cleanup();
		}
	});

	test("an engine template takes its sidecar by its name without the engine's ending", () => {
		const project = tempProject({
			"mail/welcome.html.twig": "",
			"mail/welcome.campaign.yaml": "kind: transactional\n",
			"mail/receipt.hbs": "",
			"mail/receipt.campaign.yaml": "kind: transactional\n",
			"mail/reset.html.erb": "",
			"mail/reset.campaign.json": "{}",
		});
		try {
			const at = (name: string) => path.join(project.dir, "mail", name);
			expect(findSidecarFor(at("welcome.html.twig"))).toBe(at("welcome.campaign.yaml"));
			expect(findSidecarFor(at("receipt.hbs"))).toBe(at("receipt.campaign.yaml"));
			expect(findSidecarFor(at("reset.html.erb"))).toBe(at("reset.campaign.json"));
			expect(findTemplateFor(at("welcome.campaign.yaml"))).toBe(at("welcome.html.twig"));
			expect(findTemplateFor(at("receipt.campaign.yaml"))).toBe(at("receipt.hbs"));
			expect(findTemplateFor(at("reset.campaign.json"))).toBe(at("reset.html.erb"));
		} finally {
			project.cleanup();
		}
	});
});
