import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL, URL } from "node:url";
import { runNode } from "./measure.mjs";
import { random } from "./synthetic.mjs";
import { summariseEslintJson } from "./check-output.mjs";

/**
 * The scale test: a brand's template folder, simulated by copying the
 * corpus with small changes (text, attributes, merge tags) until there are
 * `total` templates, in folders of `partSize`. Lints the whole set without
 * threads (sampling peak memory after each batch: flat memory is the peak
 * hardly growing between `partSize` files and all), with `--concurrency auto`
 * where it starts threads, and with two threads: files per second, speed-up.
 */

const MEMORY_SAMPLER = fileURLToPath(new URL("./sample-memory.mjs", import.meta.url));

const MERGE_TAGS = [
	"{{first_name}}",
	"*|FNAME|*",
	"%%FirstName%%",
	"{{ contact.FIRSTNAME }}",
	"<%= user.name %>",
	"{$name}",
];
const SWAPS = [
	["the", "our"],
	["your", "the"],
	["Hello", "Hi"],
	["Thanks", "Thank you"],
	["account", "profile"],
];

/** One small, deterministic variation of a template; the markup around stays as it was. */
export function mutate(text, format, index) {
	const next = random(index + 7);
	const tag = MERGE_TAGS[index % MERGE_TAGS.length];
	const [from, to] = SWAPS[Math.floor(next() * SWAPS.length)];
	let out = text.replace(new RegExp(`\\b${from}\\b`, "u"), to);
	if (format === "mjml") {
		out = out.replace(/<mj-section\b/u, `<mj-section css-class="variant-${index}"`);
		out = out.replace(/(<mj-text\b[^>]*>)/u, `$1Edition ${index} for ${tag}. `);
		return out;
	}
	const banner = `<div class="variant" data-variant="${index}" style="display:none">Edition ${index} for ${tag}</div>`;
	const withBanner = out.replace(/(<body\b[^>]*>)/iu, `$1${banner}`);
	return withBanner === out ? banner + out : withBanner;
}

export function generateScaleSet({ templates, directory, total, partSize }) {
	const sources = [
		...templates.html.map((file) => ({ file, format: "html" })),
		...templates.mjml.map((file) => ({ file, format: "mjml" })),
	];
	if (sources.length === 0) throw new Error("no templates to vary");
	const marker = path.join(directory, ".generated.json");
	const signature = JSON.stringify({ total, partSize, sources: sources.length, root: templates.root, version: 1 });
	if (fs.existsSync(marker) && fs.readFileSync(marker, "utf8") === signature)
		return partsOf(directory, total, partSize);

	fs.rmSync(directory, { recursive: true, force: true });
	const texts = sources.map((source) => fs.readFileSync(path.join(templates.root, source.file), "utf8"));
	for (let index = 0; index < total; index++) {
		const part = `part-${Math.floor(index / partSize) + 1}`;
		const source = sources[index % sources.length];
		const partDirectory = path.join(directory, part);
		if (index % partSize === 0) fs.mkdirSync(partDirectory, { recursive: true });
		const extension = source.format === "mjml" ? "mjml" : "html";
		fs.writeFileSync(
			path.join(partDirectory, `t${String(index).padStart(5, "0")}.${extension}`),
			mutate(texts[index % sources.length], source.format, index),
		);
	}
	fs.writeFileSync(marker, signature);
	return partsOf(directory, total, partSize);
}

function partsOf(directory, total, partSize) {
	return { directory, total, partSize, parts: Math.ceil(total / partSize) };
}

export async function runScale({
	repoRoot,
	templates,
	workDirectory,
	total,
	partSize,
	log,
	timeoutMs,
	auto = "when-threads",
}) {
	const set = generateScaleSet({ templates, directory: path.join(workDirectory, "scale"), total, partSize });
	const cli = path.join(repoRoot, "dist", "src", "cli", "bin.js");
	const memoryFile = path.join(workDirectory, "out", "scale-memory.json");
	const autoWorkers = eslintAutoWorkers(total);
	// Where ESLint's "auto" starts no thread (2 or 3 cores) it is one thread without the CLI's batching: two
	// minutes that say nothing about threads. It runs where it starts threads, or when asked (--scale-auto).
	const runAuto = auto === "always" || autoWorkers > 0;
	const runs = [
		{ id: "off-all", files: total, concurrency: "off", sampleMemory: true },
		// The floor under the memory target: what stays reachable as the run goes on, measured apart from the peak.
		{ id: "off-live-heap", files: total, concurrency: "off", sampleMemory: true, liveHeap: true },
		...(runAuto ? [{ id: "auto-all", files: total, concurrency: "auto" }] : []),
		{ id: "threads-2-all", files: total, concurrency: "2" },
	];
	const results = {};
	let memorySamples = [];
	let liveHeapSamples = [];
	for (const run of runs) {
		const outputFile = path.join(workDirectory, "out", `scale-${run.id}.json`);
		fs.rmSync(memoryFile, { force: true });
		const result = await runNode({
			nodeArgs: [
				...(run.sampleMemory ? ["--import", MEMORY_SAMPLER] : []),
				cli,
				"--format",
				"json",
				"--concurrency",
				run.concurrency,
				".",
			],
			cwd: set.directory,
			outputFile,
			timeoutMs,
			env: run.sampleMemory
				? {
						MAILCOMPLY_BENCH_MEMORY_FILE: memoryFile,
						MAILCOMPLY_BENCH_ESLINT_URL: pathToFileURL(
							createRequire(path.join(repoRoot, "package.json")).resolve("eslint"),
						).href,
						...(run.liveHeap ? { MAILCOMPLY_BENCH_LIVE_HEAP: "1" } : {}),
					}
				: {},
		});
		if (run.liveHeap) liveHeapSamples = readSamples(memoryFile);
		else if (run.sampleMemory) memorySamples = readSamples(memoryFile);
		const report = summariseEslintJson(outputFile);
		// 10,000 results with their sources run to hundreds of MB: keep the summary, not the file.
		fs.rmSync(outputFile, { force: true });
		results[run.id] = {
			files: run.files,
			concurrency: run.concurrency,
			ms: result.ms,
			cpuMs: result.cpuMs,
			filesPerSecond: (run.files / result.ms) * 1000,
			maxRssMb: result.maxRssMb,
			exitCode: result.exitCode,
			timedOut: result.timedOut,
			linted: report.results ?? 0,
			fatal: report.fatal ?? null,
		};
		log(
			`scale ${run.id}: ${run.files} files in ${Math.round(result.ms)} ms, max RSS ${Math.round(result.maxRssMb ?? 0)} MB`,
		);
	}
	const all = results["off-all"];
	return {
		directory: path.relative(repoRoot, set.directory),
		cores: os.availableParallelism(),
		autoWorkers,
		autoRun: runAuto,
		total,
		partSize,
		runs: results,
		speedUpAuto: runAuto ? all.ms / results["auto-all"].ms : null,
		speedUpTwoThreads: all.ms / results["threads-2-all"].ms,
		memory: { ...memoryGrowth(memorySamples, partSize), liveHeap: liveHeapGrowth(liveHeapSamples, partSize) },
	};
}

/**
 * Live heap (after a full collection) growth per extra file between the
 * batch that reaches `partSize` files and the last: memory the run keeps,
 * where the peak RSS also holds what V8 had not yet collected.
 */
export function liveHeapGrowth(samples, partSize) {
	const { first, last, growthKbPerFile } = growthOf(samples, partSize, "liveHeapMb");
	return { firstPartMb: first?.liveHeapMb ?? null, allMb: last?.liveHeapMb ?? null, growthKbPerFile };
}

/**
 * Peak RSS growth per extra file between the batch that reaches `partSize`
 * files and the last batch of the same process. Null when the run was not
 * batched (under 1,000 templates: one lintFiles call, one sample).
 */
export function memoryGrowth(samples, partSize) {
	const { first, last, growthKbPerFile } = growthOf(samples, partSize, "maxRssMb");
	return {
		firstPartFiles: first?.files ?? null,
		firstPartMb: first?.maxRssMb ?? null,
		allFiles: last?.files ?? null,
		allMb: last?.maxRssMb ?? null,
		growthKbPerFile,
		samples,
	};
}

/** A sampled figure (MB) at the first sample of `partSize` files or more and at the last, and its growth per extra file in KB (null without two such samples). */
function growthOf(samples, partSize, field) {
	const first = samples.find((sample) => sample.files >= partSize && sample[field] != null);
	const last = samples.at(-1);
	const growthKbPerFile =
		first && last?.[field] != null && last.files > first.files
			? ((last[field] - first[field]) * 1024) / (last.files - first.files)
			: null;
	return { first, last, growthKbPerFile };
}

function readSamples(file) {
	try {
		return JSON.parse(fs.readFileSync(file, "utf8"));
	} catch {
		return [];
	}
}

/**
 * The worker threads ESLint's `concurrency: "auto"` starts (eslint/lib/eslint/eslint.js,
 * calculateWorkerCount): one per 50 files, at most half the available cores, and none
 * instead of one. On a 2-core machine that is always none: "auto" is "off".
 */
export function eslintAutoWorkers(files, cores = os.availableParallelism()) {
	const workers = Math.min(Math.ceil(files / 50), cores >> 1);
	return workers <= 1 ? 0 : workers;
}
