import fs from "node:fs";
import path from "node:path";
import { newsletterOfSize } from "./synthetic.mjs";
import { lintStats } from "./lint-stats.mjs";
import { logLogSlope } from "./stats.mjs";

/** Article paragraphs per section: keeps 10 MB under the node limit (see newsletterOfSize). */
const ARTICLES_PER_SECTION = 2;

/**
 * The growth test: one newsletter at each size, linted in-process (so
 * start-up does not flatten the curve) with the last of `repeat` runs kept.
 * Linear time gives a log-log slope of 1 between sizes. The target uses the
 * CPU time of the fastest run, which other work on the machine disturbs far
 * less than wall time; ESLint's parse and rule times (wall) are shown beside.
 * A size the parser refuses is an error point, never a fast one, and leaves
 * the exponent unmeasured.
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
			// Written anew each run (a second at 10 MB): a file left by an older generator would measure something else.
			fs.writeFileSync(fullPath, newsletterOfSize(format, bytes, { articles: ARTICLES_PER_SECTION }));
			const actualBytes = fs.statSync(fullPath).size;
			const stats = await lintStats({
				workDirectory,
				name: `growth-${format}-${bytes}`,
				timeoutMs,
				repoRoot,
				tool: "mailcomply",
				cwd: directory,
				patterns: [file],
				// More runs where they are cheap: the fastest of 5 at 100 KB is past V8's warm-up.
				repeat: bytes >= 5_000_000 ? 2 : 5,
				countNodes: true,
			});
			// A file the parser refused (over the node or byte limit) was not linted: its time is no point on the curve.
			const error = stats.ok
				? stats.fatal > 0
					? `not linted: ${stats.fatalMessages?.[0] ?? "a fatal parse error"}`
					: undefined
				: stats.error;
			if (error) {
				points.push({ bytes: actualBytes, error, ...(stats.ok ? { cpuMs: Math.min(...stats.runsCpuMs) } : {}) });
				log(`growth ${format} ${formatBytes(actualBytes)}: ${error}`);
				continue;
			}
			const runCpuMs = Math.min(...stats.runsCpuMs);
			points.push({
				bytes: actualBytes,
				cpuMs: runCpuMs,
				lintMs: stats.totalMs,
				parseMs: stats.parseMs,
				otherMs: stats.totalMs - stats.parseMs,
				rulesMs: stats.rulesMs,
				messages: stats.messages,
				nodes: stats.nodes,
				wallMs: Math.min(...stats.runsMs),
				maxRssMb: stats.maxRssMb,
			});
			log(
				`growth ${format} ${formatBytes(actualBytes)} (${stats.nodes} nodes): CPU ${Math.round(runCpuMs)} ms, lint ${Math.round(stats.totalMs)} ms (parse ${Math.round(stats.parseMs)} ms), max RSS ${Math.round(stats.maxRssMb)} MB`,
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
