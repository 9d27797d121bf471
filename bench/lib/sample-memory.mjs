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
	ESLint.prototype.lintFiles = async function sampledLintFiles(...args) {
		const results = await lintFiles.apply(this, args);
		files += results.length;
		samples.push({
			files,
			maxRssMb: process.resourceUsage().maxRSS / 1024,
			rssMb: process.memoryUsage.rss() / 2 ** 20,
		});
		return results;
	};
	process.on("exit", () => fs.writeFileSync(file, JSON.stringify(samples)));
}
