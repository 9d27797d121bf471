// Preloaded (`node --import`) into a benchmarked child when GNU time is missing:
// writes the process's peak resident memory (KiB) and CPU seconds when it exits.
import fs from "node:fs";

const file = process.env.MAILCOMPLY_BENCH_RSS_FILE;
if (file) {
	process.on("exit", () => {
		const usage = process.resourceUsage();
		fs.writeFileSync(file, `${usage.maxRSS} ${usage.userCPUTime / 1e6} ${usage.systemCPUTime / 1e6}\n`);
	});
}
