import fs from "node:fs";
import path from "node:path";

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
		tools.push({
			id: "htmlhint",
			label: "htmlhint (default rules)",
			set: "html",
			version: htmlhint.version,
			reportsJson: false,
			nodeArgs: (files) => [htmlhint.path, "--format", "json", ...files],
		});
	} else missing.push("htmlhint");

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
		.filter((tool) => tool.id !== "eslint-html-eslint")
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
