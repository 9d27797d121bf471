import fs from "node:fs";
import path from "node:path";
import { newsletterOfSize } from "./synthetic.mjs";
import { lintStats } from "./lint-stats.mjs";
import { logLogSlope } from "./stats.mjs";

/**
 * The growth test: one newsletter at each size, linted in-process (so
 * start-up does not flatten the curve) with the last of `repeat` runs kept.
 * Linear time gives a log-log slope of 1 between sizes. The target uses the
 * CPU time of the fastest run, which other work on the machine disturbs far
 * less than wall time; ESLint's parse and rule times (wall) are shown beside.
 */
export async function runGrowth({ repoRoot, workDirectory, sizes, formats, log, timeoutMs }) {
	const directory = path.join(workDirectory, "growth");
	fs.mkdirSync(directory, { recursive: true });
	const out = {};
	for (const format of formats) {
		const points = [];
		for (const bytes of sizes) {
			const file = `newsletter-${bytes}.${format}`;
			const fullPath = path.join(directory, file);
			if (!fs.existsSync(fullPath)) fs.writeFileSync(fullPath, newsletterOfSize(format, bytes));
			const actualBytes = fs.statSync(fullPath).size;
			const stats = await lintStats({
				workDirectory,
				name: `growth-${format}-${bytes}`,
				timeoutMs,
				repoRoot,
				tool: "mailcomply",
				cwd: directory,
				patterns: [file],
				repeat: bytes >= 5_000_000 ? 2 : 3,
			});
			if (!stats.ok) {
				points.push({ bytes: actualBytes, error: stats.error });
				log(`growth ${format} ${formatBytes(actualBytes)}: ${stats.error}`);
				continue;
			}
			points.push({
				bytes: actualBytes,
				cpuMs: Math.min(...stats.runsCpuMs),
				lintMs: stats.totalMs,
				parseMs: stats.parseMs,
				otherMs: stats.totalMs - stats.parseMs,
				rulesMs: stats.rulesMs,
				messages: stats.messages,
				wallMs: Math.min(...stats.runsMs),
				maxRssMb: stats.maxRssMb,
			});
			log(
				`growth ${format} ${formatBytes(actualBytes)}: CPU ${Math.round(Math.min(...stats.runsCpuMs))} ms, lint ${Math.round(stats.totalMs)} ms (parse ${Math.round(stats.parseMs)} ms), max RSS ${Math.round(stats.maxRssMb)} MB`,
			);
		}
		const steps = [];
		for (let index = 1; index < points.length; index++) {
			const [a, b] = [points[index - 1], points[index]];
			if (a.error || b.error) continue;
			steps.push({
				from: a.bytes,
				to: b.bytes,
				cpuExponent: logLogSlope(a.bytes, a.cpuMs, b.bytes, b.cpuMs),
				lintExponent: logLogSlope(a.bytes, a.lintMs, b.bytes, b.lintMs),
				parseExponent: logLogSlope(a.bytes, a.parseMs, b.bytes, b.parseMs),
				otherExponent: logLogSlope(a.bytes, a.otherMs, b.bytes, b.otherMs),
			});
		}
		out[format] = {
			points,
			steps,
			maxExponent: steps.length > 0 ? Math.max(...steps.map((step) => step.cpuExponent ?? 0)) : null,
			complete: points.every((point) => !point.error),
		};
	}
	return out;
}

export function formatBytes(bytes) {
	if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(bytes >= 10_000_000 ? 0 : 1)} MB`;
	return `${Math.round(bytes / 1000)} KB`;
}
