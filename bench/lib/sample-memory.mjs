// Preloaded (`node --import`) into the scale test's run without threads: after
// each `lintFiles` call (the CLI lints a large run 500 templates at a time) it
// notes how many files are done and the process's peak resident memory so far,
// and writes the samples as JSON when the process exits. The memory target
// compares two points of this one process (2,500 and 10,000 files) instead of
// two processes, whose V8 heap sizing differs by up to ~100 MB from run to run.
import fs from "node:fs";

const file = process.env.MAILCOMPLY_BENCH_MEMORY_FILE;
const eslintUrl = process.env.MAILCOMPLY_BENCH_ESLINT_URL;
if (file && eslintUrl) {
	// The same module the CLI imports (resolved from the repository), so the same class.
	const { ESLint } = await import(eslintUrl);
	const lintFiles = ESLint.prototype.lintFiles;
	const samples = [];
	let files = 0;
	// MAILCOMPLY_BENCH_LIVE_HEAP: a full collection before each sample, to note what stays reachable
	// (the live heap) rather than how high V8 let the heap grow; it moves the peak, so that run's peak is not the target's.
	const collectGarbage = process.env.MAILCOMPLY_BENCH_LIVE_HEAP ? await fullCollection() : undefined;
	ESLint.prototype.lintFiles = async function sampledLintFiles(...args) {
		const results = await lintFiles.apply(this, args);
		files += results.length;
		collectGarbage?.();
		samples.push({
			files,
			maxRssMb: process.resourceUsage().maxRSS / 1024,
			rssMb: process.memoryUsage.rss() / 2 ** 20,
			...(collectGarbage ? { liveHeapMb: process.memoryUsage().heapUsed / 2 ** 20 } : {}),
		});
		return results;
	};
	process.on("exit", () => fs.writeFileSync(file, JSON.stringify(samples)));
}

/** V8's full collection, which a fresh context exposes once the flag is set. */
async function fullCollection() {
	const { setFlagsFromString } = await import("node:v8");
	const { runInNewContext } = await import("node:vm");
	setFlagsFromString("--expose-gc");
	return runInNewContext("gc");
}
