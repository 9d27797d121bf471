import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, URL } from "node:url";

const MIME_PARSE = fileURLToPath(new URL("./mime-parse.mjs", import.meta.url));
const LINT_NO_RULES = fileURLToPath(new URL("./lint-no-rules.mjs", import.meta.url));

/** The sets of formats.mjs that mailcomply is timed on, with their labels. */
export const FORMAT_SETS = [
	["engine", "engine templates"],
	["eml", ".eml"],
	["sms", "SMS"],
	["whatsapp", "WhatsApp"],
];

/**
 * The command lines the benchmark times. Every tool runs as `node <its bin>`
 * from the repository's node_modules (no npx, no shell), over all files of
 * its set in one process, writing a machine-readable report where it can.
 */

export function binOf(repoRoot, packageName) {
	const directory = path.join(repoRoot, "node_modules", packageName);
	try {
		const manifest = JSON.parse(fs.readFileSync(path.join(directory, "package.json"), "utf8"));
		const bin = typeof manifest.bin === "string" ? manifest.bin : Object.values(manifest.bin ?? {})[0];
		if (!bin) return undefined;
		return { path: path.join(directory, bin), version: manifest.version };
	} catch {
		return undefined;
	}
}

/** The flat config the eslint baseline runs with: @html-eslint's recommended rules and parser. */
export function writeHtmlEslintConfig(workDirectory) {
	const file = path.join(workDirectory, "html-eslint.config.mjs");
	fs.mkdirSync(workDirectory, { recursive: true });
	fs.writeFileSync(
		file,
		`// Written by bench/run.mjs: the eslint + @html-eslint baseline.
import html from "@html-eslint/eslint-plugin";

export default [{ files: ["**/*.html", "**/*.htm"], ...html.configs["flat/recommended"] }];
`,
	);
	return file;
}

/**
 * @returns {Array<{ id: string, label: string, set: "html" | "mjml", version: string, nodeArgs: (files: string[]) => string[], reportsJson: boolean }>}
 *   the tools that are installed; `missing` lists the ones that are not.
 */
export function benchmarkTools({ repoRoot, workDirectory, baselines }) {
	const cli = path.join(repoRoot, "dist", "src", "cli", "bin.js");
	const version = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")).version;
	const tools = [
		{
			id: "mailcomply-html",
			label: "mailcomply (HTML)",
			set: "html",
			version,
			reportsJson: true,
			nodeArgs: (files) => [cli, "--format", "json", ...files],
		},
		{
			id: "mailcomply-mjml",
			label: "mailcomply (MJML)",
			set: "mjml",
			version,
			reportsJson: true,
			nodeArgs: (files) => [cli, "--format", "json", ...files],
		},
	];
	// The floors under each (lint-no-rules.mjs): ESLint and mailcomply's languages on the same files with no rule,
	// then the same with what every duty reads first, the campaign facts and the mail's kind (reading-floor.mjs).
	for (const [set, label] of [
		["html", "HTML"],
		["mjml", "MJML"],
	])
		tools.push(
			{
				id: `mailcomply-${set}-no-rules`,
				label: `mailcomply's languages, no rule (${label})`,
				set,
				version,
				reportsJson: true,
				nodeArgs: (files) => [LINT_NO_RULES, repoRoot, ...files],
			},
			{
				id: `mailcomply-${set}-reading`,
				label: `mailcomply's languages + campaign facts and kind, no rule (${label})`,
				set,
				version,
				reportsJson: true,
				nodeArgs: (files) => [LINT_NO_RULES, "--reading", repoRoot, ...files],
			},
		);
	// The other formats (formats.mjs): engine templates, captured messages, SMS, WhatsApp.
	for (const [set, label] of FORMAT_SETS)
		tools.push({
			id: `mailcomply-${set}`,
			label: `mailcomply (${label})`,
			set,
			version,
			reportsJson: true,
			nodeArgs: (files) => [cli, "--format", "json", ...files],
		});
	const missing = [];
	if (!baselines) return { tools: withOneFileRuns(tools), missing };

	const eslint = binOf(repoRoot, "eslint");
	const htmlEslint =
		binOf(repoRoot, "@html-eslint/eslint-plugin") ?? readVersion(repoRoot, "@html-eslint/eslint-plugin");
	if (eslint && htmlEslint) {
		const config = writeHtmlEslintConfig(workDirectory);
		tools.push({
			id: "eslint-html-eslint",
			label: "eslint + @html-eslint recommended",
			set: "html",
			version: `eslint ${eslint.version}, @html-eslint ${htmlEslint.version}`,
			reportsJson: true,
			nodeArgs: (files) => [eslint.path, "--config", config, "--format", "json", ...files],
		});
	} else missing.push("eslint + @html-eslint/eslint-plugin");

	const htmlhint = binOf(repoRoot, "htmlhint");
	if (htmlhint) {
		for (const set of ["html", "engine"])
			tools.push({
				id: set === "html" ? "htmlhint" : `htmlhint-${set}`,
				label: `htmlhint (default rules)${set === "html" ? "" : ", engine templates"}`,
				set,
				version: htmlhint.version,
				reportsJson: false,
				nodeArgs: (files) => [htmlhint.path, "--format", "json", ...files],
			});
	} else missing.push("htmlhint");

	// The MIME library mailcomply reads .eml with, parsing alone (a dependency: always there).
	tools.push({
		id: "mime-parse-eml",
		label: "emailjs-mime-parser alone",
		set: "eml",
		version: readVersion(repoRoot, "emailjs-mime-parser")?.version,
		reportsJson: false,
		nodeArgs: (files) => [MIME_PARSE, repoRoot, ...files],
	});

	const mjml = binOf(repoRoot, "mjml");
	if (mjml) {
		// mjml 5's --validate parses and validates every file given, in one process, without rendering.
		tools.push({
			id: "mjml-validate",
			label: "mjml --validate",
			set: "mjml",
			version: mjml.version,
			reportsJson: false,
			nodeArgs: (files) => [mjml.path, "--validate", ...files],
		});
	} else missing.push("mjml");
	return { tools: withOneFileRuns(tools), missing };
}

/**
 * The pre-commit case: each tool but ESLint + @html-eslint also on one
 * template of its set (`html-one`, `mjml-one`), where start-up is most of
 * the run.
 */
function withOneFileRuns(tools) {
	const once = tools
		.filter((tool) => (tool.set === "html" || tool.set === "mjml") && tool.id !== "eslint-html-eslint")
		.map((tool) => ({ ...tool, id: `${tool.id}-one`, label: `${tool.label}, one file`, set: `${tool.set}-one` }));
	return [...tools, ...once];
}

/** The template of median size: the one file the one-file runs time (the same in every run over a corpus). */
export function medianSizedFile(root, files) {
	if (files.length === 0) return [];
	const sized = files
		.map((file) => ({ file, bytes: fs.statSync(path.join(root, file)).size }))
		.sort((a, b) => a.bytes - b.bytes || (a.file < b.file ? -1 : 1));
	return [sized[Math.floor((sized.length - 1) / 2)].file];
}

function readVersion(repoRoot, packageName) {
	try {
		const manifest = JSON.parse(
			fs.readFileSync(path.join(repoRoot, "node_modules", packageName, "package.json"), "utf8"),
		);
		return { version: manifest.version };
	} catch {
		return undefined;
	}
}
