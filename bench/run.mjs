#!/usr/bin/env node
// `npm run bench`: times mailcomply against eslint + @html-eslint, htmlhint and
// `mjml --validate` on the same templates, and measures where mailcomply's
// time goes. See bench/README.md for how to read the output.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { bytesOf, generateTemplates, listTemplates } from "./lib/corpus.mjs";
import { benchmarkTools, medianSizedFile } from "./lib/tools.mjs";
import { formatRows, writeFormatSets } from "./lib/formats.mjs";
import { compareTools } from "./lib/compare.mjs";
import { summariseEslintJson } from "./lib/check-output.mjs";
import { lintStats } from "./lib/lint-stats.mjs";
import { measureStartup } from "./lib/startup.mjs";
import { memorySource, runNode } from "./lib/measure.mjs";
import { newestProfile, summariseProfile } from "./lib/profile.mjs";
import { runGrowth } from "./lib/growth.mjs";
import { runScale } from "./lib/scale.mjs";
import { LIMITS, checkTargets } from "./lib/targets.mjs";
import { printReport } from "./lib/print.mjs";

const HELP = `Usage: npm run bench -- [options]

  --corpus <dir>     Templates to time (default: ../shared/corpus from the repository)
  --rounds <n>       Rounds of the side-by-side comparison (default: 5)
  --no-growth        Skip the growth test (one newsletter at 100 KB, 1 MB, 10 MB)
  --no-scale         Skip the scale test (10,000 generated templates)
  --scale-auto       Also run --concurrency auto where it starts no thread
                     (2-3 cores: it is one thread without batching there)
  --no-baselines     Time mailcomply only
  --no-profile       Skip the CPU profile of the corpus run
  --smoke            CI check: generated templates, 1 round, no baselines,
                     tiny growth and scale runs; proves the harness works
  --out <file>       Where to write the JSON (default: bench/results/latest.json,
                     or bench/results/smoke.json with --smoke)
`;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values: options } = parseArgs({
	options: {
		corpus: { type: "string" },
		rounds: { type: "string" },
		// On by default: their targets are in the issue's table, and a run must report every target.
		growth: { type: "boolean", default: true },
		scale: { type: "boolean", default: true },
		"scale-auto": { type: "boolean", default: false },
		baselines: { type: "boolean", default: true },
		profile: { type: "boolean", default: true },
		smoke: { type: "boolean", default: false },
		out: { type: "string" },
		help: { type: "boolean", short: "h", default: false },
	},
	allowNegative: true,
});
if (options.help) {
	process.stdout.write(HELP);
	process.exit(0);
}

const startedAt = process.hrtime.bigint();
const elapsed = () => `${Math.round(Number(process.hrtime.bigint() - startedAt) / 1e9)} s`;
const log = (message) => process.stderr.write(`[bench] ${elapsed()} ${message}\n`);
const smoke = options.smoke;
// A smoke run (CI, the test suite) gets its own folder, so it never wipes the
// 10,000-template scale set or the outputs of a real run going on beside it.
const workDirectory = path.join(repoRoot, "bench", "work", smoke ? `smoke-${process.pid}` : "");
const rounds = smoke ? 1 : Number(options.rounds ?? 5);
if (!Number.isInteger(rounds) || rounds < 1)
	throw new Error(`--rounds must be a whole number of 1 or more, got ${options.rounds}`);
const outputFile = path.resolve(
	options.out ?? path.join(repoRoot, "bench", "results", smoke ? "smoke.json" : "latest.json"),
);

if (!fs.existsSync(path.join(repoRoot, "dist", "src", "cli", "bin.js"))) {
	log("dist/ is missing: run `npm run build` first (npm run bench does).");
	process.exit(2);
}

const templates = chooseTemplates();
// The pre-commit case: one template of each format, of median size.
templates["html-one"] = medianSizedFile(templates.root, templates.html);
templates["mjml-one"] = medianSizedFile(templates.root, templates.mjml);
// The other formats, each in a folder of its own.
templates.roots = {};
for (const [set, { root, files }] of Object.entries(
	writeFormatSets({ templates, directory: path.join(workDirectory, "formats"), smoke }),
)) {
	templates[set] = files;
	templates.roots[set] = root;
}
const { tools, missing } = benchmarkTools({ repoRoot, workDirectory, baselines: options.baselines && !smoke });
if (missing.length > 0)
	log(`baselines not installed, skipped: ${missing.join(", ")} (npm install -D --save-exact as in package.json)`);
const runnable = tools.filter((tool) => templates[tool.set].length > 0);

const comparison = await compareTools({ tools: runnable, templates, rounds, workDirectory, log, warmUp: !smoke });
for (const tool of comparison) {
	if (!tool.reportsJson) continue;
	tool.report = summariseEslintJson(tool.outputFile);
	tool.check = tool.report.ok
		? `${tool.report.results} files, ${tool.report.messages} findings`
		: `PROBLEM: ${tool.report.error ?? `${tool.report.ignored} files ignored`}`;
	tool.outputFile = path.relative(repoRoot, tool.outputFile);
}

log("in-process stats (ESLint API, stats: true)");
const stats = {};
const htmlEslintConfig = path.join(workDirectory, "html-eslint.config.mjs");
for (const set of ["html", "mjml"]) {
	if (templates[set].length === 0) continue;
	stats[set] = await lintStats({
		workDirectory,
		name: `mailcomply-${set}`,
		repoRoot,
		tool: "mailcomply",
		cwd: templates.root,
		patterns: templates[set],
		repeat: 2,
	});
	// The same files with no rule running: parse, traversal and ESLint's own work, the floor under the rules' share.
	stats[`${set}-no-rules`] = await lintStats({
		workDirectory,
		name: `mailcomply-${set}-no-rules`,
		repoRoot,
		tool: "mailcomply",
		cwd: templates.root,
		patterns: templates[set],
		repeat: 2,
		noRules: true,
	});
	// And with what every duty reads first: the campaign facts and the mail's kind (reading-floor.mjs).
	stats[`${set}-reading`] = await lintStats({
		workDirectory,
		name: `mailcomply-${set}-reading`,
		repoRoot,
		tool: "mailcomply",
		cwd: templates.root,
		patterns: templates[set],
		repeat: 2,
		reading: true,
	});
}
if (runnable.some((tool) => tool.id === "eslint-html-eslint") && templates.html.length > 0) {
	stats["html-eslint"] = await lintStats({
		workDirectory,
		name: "html-eslint",
		repoRoot,
		tool: "html-eslint",
		configFile: htmlEslintConfig,
		cwd: templates.root,
		patterns: templates.html,
		repeat: 2,
	});
}

log("start-up");
const startup = await measureStartup({ repoRoot, workDirectory, rounds: Math.min(rounds, 5) });

let profile;
if (options.profile && !smoke) {
	log("CPU profile of the corpus run");
	profile = await profileRun([...templates.html, ...templates.mjml], templates.root, "corpus");
}

let growth;
if (options.growth || smoke) {
	const sizes = smoke ? [20_000, 80_000] : [100_000, 1_000_000, 10_000_000];
	growth = await runGrowth({ repoRoot, workDirectory, sizes, formats: ["html", "mjml"], log, timeoutMs: 300_000 });
	for (const [format, result] of Object.entries(growth)) {
		// A size that was not linted has no profile worth reading; a linear curve needs none.
		if (smoke || !result.complete || result.maxExponent <= LIMITS.growthExponent) continue;
		// A super-linear step: profile the largest size to show where.
		log(`growth ${format} is super-linear (exponent ${result.maxExponent?.toFixed(2)}): profiling the largest file`);
		result.profile = await profileRun(
			[`newsletter-${sizes.at(-1)}.${format}`],
			path.join(workDirectory, "growth"),
			`growth-${format}`,
		);
	}
}

let scale;
if (options.scale || smoke) {
	scale = await runScale({
		repoRoot,
		templates,
		workDirectory,
		total: smoke ? 40 : 10_000,
		partSize: smoke ? 10 : 2_500,
		log,
		timeoutMs: 600_000,
		auto: options["scale-auto"] ? "always" : "when-threads",
	});
}

const report = {
	schema: 1,
	date: new Date().toISOString(),
	// The whole bench, build excluded: the default run is meant to stay within about 10 minutes on 2 quiet cores.
	elapsedSeconds: Math.round(Number(process.hrtime.bigint() - startedAt) / 1e9),
	smoke,
	rounds,
	outputFile: path.relative(repoRoot, outputFile) || outputFile,
	machine: {
		cpus: os.availableParallelism(),
		cpuModel: os.cpus()[0]?.model,
		totalMemoryMb: Math.round(os.totalmem() / 2 ** 20),
		node: process.versions.node,
		platform: process.platform,
		memorySource: memorySource(),
	},
	templates: {
		source: templates.source,
		root: templates.root,
		html: templates.html.length,
		mjml: templates.mjml.length,
		htmlBytes: bytesOf(templates.root, templates.html),
		mjmlBytes: bytesOf(templates.root, templates.mjml),
		htmlOne: templates["html-one"][0],
		mjmlOne: templates["mjml-one"][0],
	},
	baselinesMissing: missing,
	comparison,
	formats: formatRows(comparison),
	stats,
	startup,
	profile,
	growth,
	scale,
};
report.targets = checkTargets(report);
fs.mkdirSync(path.dirname(outputFile), { recursive: true });
fs.writeFileSync(outputFile, `${JSON.stringify(report, null, "\t")}\n`);
printReport(report, (text) => process.stdout.write(text));
if (smoke) fs.rmSync(workDirectory, { recursive: true, force: true });

function chooseTemplates() {
	if (smoke && options.corpus === undefined) {
		return { ...generateTemplates(path.join(workDirectory, "smoke"), 3), source: "generated (smoke)" };
	}
	const corpus = path.resolve(options.corpus ?? path.join(repoRoot, "..", "shared", "corpus"));
	if (fs.existsSync(corpus)) {
		const found = listTemplates(corpus);
		if (found.html.length + found.mjml.length > 0) return { ...found, source: corpus };
	}
	log(`no corpus at ${corpus}: timing 6 generated newsletters instead (give one with --corpus <dir>)`);
	return { ...generateTemplates(path.join(workDirectory, "generated"), 6), source: "generated" };
}

async function profileRun(files, cwd, name, timeoutMs) {
	const directory = path.join(workDirectory, "profile", name);
	fs.rmSync(directory, { recursive: true, force: true });
	fs.mkdirSync(directory, { recursive: true });
	const cli = path.join(repoRoot, "dist", "src", "cli", "bin.js");
	await runNode({
		nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${directory}`, cli, "--format", "json", ...files],
		cwd,
		outputFile: path.join(directory, "lint.json"),
		timeoutMs,
	});
	const file = newestProfile(directory);
	return file ? summariseProfile(file, { repoRoot }) : { error: "no profile written" };
}
