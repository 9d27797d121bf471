#!/usr/bin/env node
// Regenerates the README's rule and jurisdiction tables, docs/configs.md,
// the --help text in docs/cli.md, and each rule doc's legal sources and
// options list from the rules' meta (`npm run docs`); with --check, writes
// nothing and exits 1 when a file is out of date (`npm run docs:check`, run
// in CI). Reads the built plugin: run `npm run build` first (both npm
// scripts do).
//
// The generator itself (scripts/docs/generated-docs.ts) is development code,
// not part of the built package: it is bundled here, into a temporary
// folder, each time the script runs.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "rolldown";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const check = process.argv.includes("--check");
const { default: plugin } = await import(pathToFileURL(path.join(root, "dist/plugin/index.js")).href);
const { updateCliDoc, updateConfigsDoc, updateReadme, updateRuleDoc } = await loadGenerator();

/** scripts/docs/generated-docs.ts as one ES module (remark and the src/ modules it reads included), imported from a temporary folder. */
async function loadGenerator() {
	const dir = mkdtempSync(path.join(tmpdir(), "mailcomply-generate-docs-"));
	try {
		await build({
			cwd: root,
			input: path.join(root, "scripts/docs/generated-docs.ts"),
			platform: "node",
			external: (id) => id.startsWith("node:"),
			output: { file: path.join(dir, "generated-docs.js"), format: "esm" },
			logLevel: "warn",
		});
		return await import(pathToFileURL(path.join(dir, "generated-docs.js")).href);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

const targets = [
	["README.md", (text) => updateReadme(text, plugin.rules)],
	["docs/configs.md", (text) => updateConfigsDoc(text, plugin.rules)],
	["docs/cli.md", (text) => updateCliDoc(text)],
];
for (const [id, rule] of Object.entries(plugin.rules)) {
	const doc = `rules/${id}.md`;
	if (!existsSync(path.join(root, doc))) {
		console.error(`generate-docs: ${doc} does not exist yet; its rule has no documentation`);
		process.exitCode = 1;
		continue;
	}
	targets.push([doc, (text) => updateRuleDoc(text, rule, doc)]);
}

const stale = [];
for (const [file, update] of targets) {
	const current = readFileSync(path.join(root, file), "utf8");
	const updated = update(current);
	if (updated === current) continue;
	stale.push(file);
	if (!check) writeFileSync(path.join(root, file), updated);
}

if (check && stale.length > 0) {
	console.error(`generate-docs: out of date, run "npm run docs": ${stale.join(", ")}`);
	process.exitCode = 1;
} else if (!check) {
	console.log(stale.length > 0 ? `generate-docs: updated ${stale.join(", ")}` : "generate-docs: up to date");
}
