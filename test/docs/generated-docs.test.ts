import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { RuleDefinition } from "@eslint/core";
import { afterAll, describe, expect, it } from "vitest";
import plugin from "../../plugin/index.js";
import {
	MATRIX_BEGIN,
	MATRIX_END,
	OPTIONS_BEGIN,
	OPTIONS_END,
	TABLE_BEGIN,
	TABLE_END,
	renderOptions,
	renderRuleTable,
	updateReadme,
	updateRuleDoc,
} from "../../scripts/docs/generated-docs.js";
import { summariseRules } from "../../src/cli/rule-catalog.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dirs: string[] = [];
afterAll(() => {
	for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const rule = (meta: object): RuleDefinition =>
	({
		meta: {
			docs: { description: "Require x", url: "https://x/rules/x.md", recommended: true },
			languages: ["mailcomply/mjml"],
			...meta,
		},
		create: () => ({}),
	}) as unknown as RuleDefinition;

describe("the README rule table", () => {
	it("has a row per registered rule, linking its doc, with every column from meta", () => {
		const table = renderRuleTable(summariseRules(plugin.rules));
		const rows = table.split("\n");
		expect(rows[0]).toBe("| rule | description | languages | jurisdictions | recommended | fixable |");
		expect(rows).toHaveLength(Object.keys(plugin.rules).length + 2);
		expect(table).toContain(
			"| [`require-unsubscribe`](rules/require-unsubscribe.md) | Require a working opt-out in every marketing message: an unsubscribe link in e-mail, a STOP instruction or opt-out link in an SMS, an opt-out button or instruction in a WhatsApp template | mjml, html, sms, whatsapp, text, eml | all | error | suggestions |",
		);
		expect(table).toContain(
			"| [`valid-campaign`](rules/valid-campaign.md) | Require campaign sidecars to match the schema, so every rule reads the facts you meant | campaign | all | error |",
		);
		for (const id of Object.keys(plugin.rules)) expect(table).toContain(`| [\`${id}\`](rules/${id}.md) |`);
	});

	it("shows jurisdictions, warn, off, fixes and suggestions, and escapes pipes", () => {
		const table = renderRuleTable(
			summariseRules({
				a: rule({
					docs: {
						description: "Report a | b",
						url: "u",
						recommended: true,
						severity: "warn",
						jurisdictions: ["nl", "eu"],
					},
					fixable: "code",
					hasSuggestions: true,
				}),
				b: rule({
					docs: { description: "Suggest c", url: "u", recommended: false },
					languages: ["mailcomply/campaign", "mailcomply/html"],
				}),
			}),
		);
		expect(table.split("\n").slice(2)).toEqual([
			"| [`a`](rules/a.md) | Report a \\| b | mjml | NL, EU | warn | fix, suggestions |",
			"| [`b`](rules/b.md) | Suggest c | html, campaign | all | — | — |",
		]);
	});

	it("replaces only what is between the markers, and fails without them", () => {
		const readme = `# x\n\n${TABLE_BEGIN}\nold\n${TABLE_END}\n\n${MATRIX_BEGIN}\nold\n${MATRIX_END}\n\n## After\n`;
		const updated = updateReadme(readme, plugin.rules);
		expect(updated.startsWith(`# x\n\n${TABLE_BEGIN}\n| rule |`)).toBe(true);
		expect(updated).toContain(`|\n${TABLE_END}\n\n${MATRIX_BEGIN}\n| rule | \`eu\``);
		expect(updated.endsWith(`|\n${MATRIX_END}\n\n## After\n`)).toBe(true);
		expect(updateReadme(updated, plugin.rules)).toBe(updated);
		expect(() => updateReadme("# no markers\n", plugin.rules)).toThrow(/README.md lacks the markers/u);
	});
});

describe("the options section of a rule doc", () => {
	const doc = (options: string) =>
		`# x\n\nRequire x.\n\n## What it cannot check\n\nMuch.\n\n## Options\n\n${options}## Examples\n\nNone here.\n`;

	it("goes right under ## Options, replacing a bare None. placeholder, and is stable", () => {
		const updated = updateRuleDoc(doc("None.\n\n"), rule({ schema: [] }), "x.md");
		expect(updated).toBe(doc(`${OPTIONS_BEGIN}\nNone.\n${OPTIONS_END}\n\n`));
		expect(updateRuleDoc(updated, rule({ schema: [] }), "x.md")).toBe(updated);
	});

	it("keeps what the author wrote after it, and lists object properties with types and defaults", () => {
		const withOptions = rule({
			schema: [
				{
					type: "object",
					properties: {
						countries: { type: "array", items: { type: "string" }, description: "Where it applies." },
						mode: { enum: ["strict", "lenient"] },
					},
				},
			],
			defaultOptions: [{ countries: ["NL"] }],
		});
		const updated = updateRuleDoc(doc("Prose by the author.\n\n"), withOptions, "x.md");
		expect(updated).toContain(
			`## Options\n\n${OPTIONS_BEGIN}\n- \`countries\` (array of strings, default \`["NL"]\`): Where it applies.\n- \`mode\` (one of \`"strict"\`, \`"lenient"\`, no default)\n${OPTIONS_END}\n\nProse by the author.\n\n## Examples`,
		);
		// A schema change shows up on the next run.
		const changed = updateRuleDoc(updated, rule({ schema: [] }), "x.md");
		expect(changed).toContain(`${OPTIONS_BEGIN}\nNone.\n${OPTIONS_END}\n\nProse by the author.`);
	});

	it("describes a rule's real options from its schema", () => {
		expect(renderOptions(plugin.rules["valid-template"] as RuleDefinition)).toMatch(
			/^- `html` \(boolean, default `false`\)/u,
		);
		expect(renderOptions(plugin.rules["valid-campaign"] as RuleDefinition)).toBe("None.");
	});

	it("says what a rule assumes without declared facts, and how to declare them", () => {
		const unsubscribe = renderOptions(plugin.rules["require-unsubscribe"] as RuleDefinition);
		expect(unsubscribe).toMatch(/^None\.\n\n\*\*When no `kind` is declared\*\*/u);
		expect(unsubscribe).toContain("defaults.campaign.yaml");
		expect(unsubscribe).not.toContain("audience countries");
		expect(renderOptions(plugin.rules["require-privacy-link"] as RuleDefinition)).toContain(
			"**When no audience countries are declared**",
		);
	});

	it("reads the doc as Markdown: a marker or heading shown inside a code block is not the real one", () => {
		const shown = `\`\`\`md\n## Options\n\n${OPTIONS_BEGIN}\nshown\n${OPTIONS_END}\n\`\`\`\n\n`;
		const updated = updateRuleDoc(doc(`${shown}None.\n\n`), rule({ schema: [] }), "x.md");
		expect(updated).toContain(`## Options\n\n${OPTIONS_BEGIN}\nNone.\n${OPTIONS_END}\n\n${shown}None.`);
		expect(updateRuleDoc(updated, rule({ schema: [] }), "x.md")).toBe(updated);
	});

	it("refuses a doc without an Options heading", () => {
		expect(() => updateRuleDoc("# x\n\n## Examples\n", rule({ schema: [] }), "rules/x.md")).toThrow(
			'rules/x.md has no "## Options" heading',
		);
	});
});

describe("scripts/generate-docs.js", () => {
	// A copy of the project's docs beside the built plugin and the generator's sources (src/ included: the script
	// bundles scripts/docs/generated-docs.ts each run), so the real files are left alone.
	function copyProject(): string {
		const dir = mkdtempSync(path.join(tmpdir(), "mailcomply-docs-"));
		dirs.push(dir);
		for (const entry of ["scripts", "src", "dist", "rules", "docs", "README.md", "package.json"]) {
			cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
		}
		// dist imports its runtime dependencies: share the project's node_modules.
		execFileSync("ln", ["-s", path.join(ROOT, "node_modules"), path.join(dir, "node_modules")]);
		return dir;
	}
	const generate = (dir: string, ...args: string[]) =>
		spawnSync(process.execPath, ["scripts/generate-docs.js", ...args], { cwd: dir, encoding: "utf8" });
	const ruleIds = Object.keys(plugin.rules);

	it("writes the docs, after which --check passes; a stale table makes --check fail", () => {
		const dir = copyProject();
		// Rules still being written may lack a doc: give them one so the run can pass.
		for (const id of ruleIds) {
			const doc = path.join(dir, "rules", `${id}.md`);
			try {
				readFileSync(doc);
			} catch {
				mkdirSync(path.dirname(doc), { recursive: true });
				writeFileSync(doc, `# ${id}\n\n## Options\n\nNone.\n`);
			}
		}
		const written = generate(dir);
		expect(written.status, written.stderr).toBe(0);
		expect(generate(dir, "--check").status).toBe(0);
		const readme = readFileSync(path.join(dir, "README.md"), "utf8");
		for (const id of ruleIds) expect(readme).toContain(`[\`${id}\`](rules/${id}.md)`);
		for (const id of ruleIds)
			expect(readFileSync(path.join(dir, "rules", `${id}.md`), "utf8")).toContain(OPTIONS_BEGIN);

		writeFileSync(path.join(dir, "README.md"), readme.replace("| rule | description |", "| rule | what it does |"));
		const stale = generate(dir, "--check");
		expect(stale.status).toBe(1);
		expect(stale.stderr).toBe('generate-docs: out of date, run "npm run docs": README.md\n');
		expect(readFileSync(path.join(dir, "README.md"), "utf8")).toContain("| rule | what it does |");
	}, 120_000); // It runs the generator four times as whole processes: on a busy CI machine that took 36 s.

	it("fails --check when a rule has no doc", () => {
		const dir = copyProject();
		const [first] = ruleIds;
		rmSync(path.join(dir, "rules", `${first}.md`), { force: true });
		const result = generate(dir, "--check");
		expect(result.status).toBe(1);
		expect(result.stderr).toContain(`generate-docs: rules/${first}.md does not exist yet`);
	});
});

describe("the formats line of a rule doc", () => {
	it("every rule doc says which formats its rule reads, from meta.languages", async () => {
		const { default: plugin } = await import("../../plugin/index.js");
		const { FORMATS_BEGIN, renderFormats } = await import("../../scripts/docs/generated-docs.js");
		const fs = await import("node:fs");
		for (const [id, rule] of Object.entries(plugin.rules)) {
			const doc = fs.readFileSync(new URL(`../../rules/${id}.md`, import.meta.url), "utf8");
			expect(doc, id).toContain(`${FORMATS_BEGIN}\n${renderFormats(rule)}`);
		}
		expect(renderFormats(plugin.rules["require-privacy-link"]!)).toMatch(
			/plain-text parts.*\.eml`: HTML and text part.*Not on SMS or WhatsApp\.$/u,
		);
		expect(renderFormats(plugin.rules["esp-merge-tags"]!)).toMatch(/SMS .*WhatsApp templates/u);
	});
});
