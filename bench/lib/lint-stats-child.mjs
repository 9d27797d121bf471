// Runs in its own process (spawned by bench/run.mjs): lints files through the
// ESLint API with `stats: true` and prints one JSON object on stdout — parse,
// rule and total times per file, plus checks that mailcomply parses each file
// once, shares analyses through `sourceCode.memo`, and never compiles MJML
// (mjml packages may be loaded, e.g. for component defaults; mjml2html is never called).
//
// Usage: node lint-stats-child.mjs <request.json>
//   { repoRoot, tool: "mailcomply" | "html-eslint", configFile?, cwd, patterns, repeat?, perFile?, noRules?, reading? }
//   noRules: parse and traverse every file with no rule running (ESLint's `ruleFilter`),
//   to measure what the languages and ESLint cost before any rule: the floor under "other work".
//   reading: the same, plus what every duty reads first, the campaign facts and the mail's kind (reading-floor.mjs).
import fs from "node:fs";
import Module, { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { withReadingOnly } from "./reading-floor.mjs";
import { zeroConfigOptions } from "./zero-config-options.mjs";

const request = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const { repoRoot, tool, cwd, patterns } = request;
const repeat = Math.max(1, request.repeat ?? 1);
const requireFromRepo = createRequire(path.join(repoRoot, "package.json"));
const importFromRepo = (relative) => import(pathToFileURL(path.join(repoRoot, relative)).href);
const { ESLint } = await import(pathToFileURL(requireFromRepo.resolve("eslint")).href);

const parseCalls = new Map();
// Nodes of each parsed template (the growth test reports them beside the byte size; the parser refuses past 500,000).
const nodesParsed = new Map();
const mjmlCompileCalls = countMjmlCompiles();
const memoUse = new Map();
let options;
if (tool === "mailcomply") {
	await instrumentMailcomply();
	options = await zeroConfigOptions(repoRoot, cwd);
} else {
	options = { cwd, overrideConfigFile: request.configFile };
}
if (request.noRules) options.ruleFilter = () => false;
if (request.reading) options = withReadingOnly(options);

const runs = [];
const cpuRuns = [];
let results = [];
for (let index = 0; index < repeat; index++) {
	parseCalls.clear();
	nodesParsed.clear();
	memoUse.clear();
	const started = process.hrtime.bigint();
	const cpuBefore = process.cpuUsage();
	const eslint = new ESLint({ ...options, stats: true });
	results = await eslint.lintFiles(patterns);
	runs.push(Number(process.hrtime.bigint() - started) / 1e6);
	const cpu = process.cpuUsage(cpuBefore);
	cpuRuns.push((cpu.user + cpu.system) / 1000);
}

// The last (warm) run is reported; `runs` shows how much the first run paid for loading and JIT.
const perFile = [];
const rules = {};
let parseMs = 0;
let totalMs = 0;
let fixMs = 0;
for (const result of results) {
	const passes = result.stats?.times?.passes ?? [];
	let fileParse = 0;
	let fileTotal = 0;
	for (const pass of passes) {
		fileParse += pass.parse?.total ?? 0;
		fileTotal += pass.total ?? 0;
		fixMs += pass.fix?.total ?? 0;
		for (const [ruleId, time] of Object.entries(pass.rules ?? {})) {
			rules[ruleId] = (rules[ruleId] ?? 0) + time.total;
		}
	}
	parseMs += fileParse;
	totalMs += fileTotal;
	perFile.push({
		file: path.relative(cwd, result.filePath),
		bytes: result.source?.length,
		parseMs: fileParse,
		totalMs: fileTotal,
		messages: result.messages.length,
	});
}

const loadedModules = Object.keys(requireFromRepo.cache);
const output = {
	tool,
	files: results.length,
	fatal: results.filter((result) => result.messages.some((message) => message.fatal)).length,
	// Why a file was not linted (a parse refusal, e.g. over the node limit), so that a refused file never reads as a fast one.
	fatalMessages: results.flatMap((result) =>
		result.messages.filter((message) => message.fatal).map((message) => message.message),
	),
	messages: results.reduce((sum, result) => sum + result.messages.length, 0),
	runsMs: runs,
	// CPU time of each run (all threads of the process): less disturbed than wall time when the machine is busy.
	runsCpuMs: cpuRuns,
	parseMs,
	totalMs,
	fixMs,
	rulesMs: Object.fromEntries(Object.entries(rules).sort(([, a], [, b]) => b - a)),
	maxRssMb: process.resourceUsage().maxRSS / 1024,
	mjmlCompileCalls: mjmlCompileCalls.count,
	mjmlModulesLoaded: loadedModules.filter((file) => /[\\/]node_modules[\\/]mjml[^\\/]*[\\/]/u.test(file)).length,
	mjmlPackagesLoaded: [
		...new Set(
			loadedModules.map((file) => /[\\/]node_modules[\\/](mjml[^\\/]*)[\\/]/u.exec(file)?.[1]).filter(Boolean),
		),
	].sort(),
};
if (request.perFile) output.perFile = perFile;
if (request.countNodes) output.nodes = [...nodesParsed.values()].reduce((sum, count) => sum + count, 0);
if (tool === "mailcomply") {
	const counts = [...parseCalls.values()];
	output.parse = {
		filesParsed: counts.length,
		parseCalls: counts.reduce((sum, count) => sum + count, 0),
		maxParsesOfOneFile: counts.length > 0 ? Math.max(...counts) : 0,
	};
	output.memo = [...memoUse.entries()]
		.map(([analysis, use]) => ({
			analysis,
			files: use.files.size,
			requests: use.requests,
			computations: use.computations,
		}))
		.sort((a, b) => b.requests - a.requests);
}
process.stdout.write(`${JSON.stringify(output)}\n`);

/**
 * Wraps mjml2html (the default export of `mjml` and `mjml-core`) wherever
 * it is first required, so that a compile at lint time is counted.
 */
function countMjmlCompiles() {
	const counter = { count: 0 };
	const load = Module._load;
	Module._load = function loadAndWrap(request, ...rest) {
		const exports = load.call(this, request, ...rest);
		if (
			(request === "mjml" || request === "mjml-core") &&
			typeof exports?.default === "function" &&
			!exports.default.benchWrapped
		) {
			const compile = exports.default;
			const counted = function countedCompile(...args) {
				counter.count++;
				return compile.apply(this, args);
			};
			counted.benchWrapped = true;
			try {
				exports.default = counted;
			} catch {
				// A frozen namespace: leave it; the count then stays 0 for this path.
			}
		}
		return exports;
	};
	return counter;
}

/** The nodes of a template AST, as the parser counts them against its limit: elements, attributes, their parts, texts, tags. */
function countNodes(nodes) {
	let count = 0;
	for (const node of nodes ?? [])
		count += 1 + countNodes(node.attributes) + countNodes(node.children) + countNodes(node.parts);
	return count;
}

/** Counts parses per file and memo requests versus computations per analysis. */
async function instrumentMailcomply() {
	// The build bundles the languages into the plugin: their classes are reached through its objects.
	const { default: plugin } = await importFromRepo("dist/plugin/index.js");
	const TemplateLanguage = plugin.languages.html.constructor;
	const parse = TemplateLanguage.prototype.parse;
	TemplateLanguage.prototype.parse = function countedParse(file, context) {
		const key = file.physicalPath ?? file.path;
		parseCalls.set(key, (parseCalls.get(key) ?? 0) + 1);
		const result = parse.call(this, file, context);
		if (request.countNodes && result.ok) nodesParsed.set(key, countNodes(result.ast.children));
		return result;
	};
	const createSourceCode = TemplateLanguage.prototype.createSourceCode;
	TemplateLanguage.prototype.createSourceCode = function countingSourceCode(...args) {
		const sourceCode = createSourceCode.apply(this, args);
		countMemo(Object.getPrototypeOf(sourceCode));
		return sourceCode;
	};
}

/** Wraps the source code class's `memo` (once) to count requests and computations per analysis. */
function countMemo(sourceCodePrototype) {
	if (sourceCodePrototype.memo.benchWrapped) return;
	const memo = sourceCodePrototype.memo;
	const seen = new WeakMap();
	sourceCodePrototype.memo = function countedMemo(analysis) {
		const name = analysis.name || "(anonymous)";
		const use = memoUse.get(name) ?? { files: new Set(), requests: 0, computations: 0 };
		memoUse.set(name, use);
		use.requests++;
		use.files.add(this.physicalPath);
		let computed = seen.get(this);
		if (!computed) seen.set(this, (computed = new Set()));
		if (!computed.has(analysis)) {
			computed.add(analysis);
			use.computations++;
		}
		return memo.call(this, analysis);
	};
	sourceCodePrototype.memo.benchWrapped = true;
}
