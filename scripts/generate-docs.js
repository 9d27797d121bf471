#!/usr/bin/env node
// Regenerates the README's rule table and each rule doc's options list from
// the rules' meta (`npm run docs`); with --check, writes nothing and exits 1
// when a file is out of date (`npm run docs:check`, run in CI). Reads the
// built plugin: run `npm run build` first (both npm scripts do).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const check = process.argv.includes("--check");
const { default: plugin } = await import(path.join(root, "dist/plugin/index.js"));
const { updateCliDoc, updateConfigsDoc, updateReadme, updateRuleDoc } = await import(
	path.join(root, "dist/src/cli/generated-docs.js")
);

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
