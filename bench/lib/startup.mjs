import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { runNode } from "./measure.mjs";
import { median } from "./stats.mjs";

/**
 * What the CLI costs before it lints anything: bare `node`, importing ESLint
 * alone and the plugin alone, ESLint alone linting one empty file with no
 * plugin and no rule (what any ESLint-based linter pays), `--version` (which
 * must not load ESLint) and a run over one empty template (ESLint, the
 * plugin and its configs loaded, nothing to lint): the floors under the
 * one-file targets.
 */
export async function measureStartup({ repoRoot, workDirectory, rounds }) {
	const cli = path.join(repoRoot, "dist", "src", "cli", "bin.js");
	const directory = path.join(workDirectory, "startup");
	fs.mkdirSync(directory, { recursive: true });
	fs.writeFileSync(path.join(directory, "empty.html"), "");
	fs.writeFileSync(path.join(directory, "empty.js"), "");
	const requireFromRepo = createRequire(path.join(repoRoot, "package.json"));
	const importOnly = (file) => [
		"--input-type=module",
		"-e",
		`await import(${JSON.stringify(pathToFileURL(file).href)});`,
	];
	const cases = [
		{ id: "node", label: "node -e 0 (floor)", nodeArgs: ["-e", "0"] },
		{ id: "eslint-import", label: "import ESLint only", nodeArgs: importOnly(requireFromRepo.resolve("eslint")) },
		{
			id: "plugin-import",
			label: "import the plugin only",
			nodeArgs: importOnly(path.join(repoRoot, "dist", "plugin", "index.js")),
		},
		{
			id: "eslint-alone",
			label: "ESLint alone on one empty file, no rule",
			nodeArgs: [
				"--input-type=module",
				"-e",
				`const { ESLint } = await import(${JSON.stringify(pathToFileURL(requireFromRepo.resolve("eslint")).href)});
const eslint = new ESLint({ overrideConfigFile: true, overrideConfig: [{ files: ["*.js"] }] });
process.stdout.write(JSON.stringify(await eslint.lintFiles(["empty.js"])));`,
			],
		},
		{ id: "version", label: "mailcomply --version", nodeArgs: [cli, "--version"] },
		{ id: "empty-run", label: "mailcomply on one empty .html", nodeArgs: [cli, "--format", "json", "empty.html"] },
	];
	const out = {};
	for (const item of cases) {
		const runs = [];
		for (let round = 0; round < rounds; round++) {
			runs.push(
				await runNode({ nodeArgs: item.nodeArgs, cwd: directory, outputFile: path.join(directory, `${item.id}.out`) }),
			);
		}
		out[item.id] = {
			label: item.label,
			medianMs: median(runs.map((run) => run.ms)),
			medianMaxRssMb: median(runs.map((run) => run.maxRssMb ?? Number.NaN)),
			exitCode: runs[0].exitCode,
		};
	}
	return out;
}
