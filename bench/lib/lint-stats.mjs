import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, URL } from "node:url";
import { runNode } from "./measure.mjs";

const CHILD = fileURLToPath(new URL("./lint-stats-child.mjs", import.meta.url));

/**
 * Lints in a fresh process through the ESLint API with `stats: true` (see
 * lint-stats-child.mjs) and returns what it measured: parse versus total
 * time, time per rule, parses per file, memo use.
 */
export async function lintStats({ workDirectory, name, timeoutMs, ...request }) {
	const directory = path.join(workDirectory, "stats");
	fs.mkdirSync(directory, { recursive: true });
	const requestFile = path.join(directory, `${name}.request.json`);
	fs.writeFileSync(requestFile, JSON.stringify(request));
	const run = await runNode({
		nodeArgs: [CHILD, requestFile],
		cwd: request.cwd,
		outputFile: path.join(directory, `${name}.json`),
		timeoutMs,
	});
	if (run.timedOut) return { ok: false, error: `timed out after ${Math.round(timeoutMs / 1000)} s`, processMs: run.ms };
	try {
		const stats = JSON.parse(fs.readFileSync(path.join(directory, `${name}.json`), "utf8"));
		return { ok: true, ...stats, processMs: run.ms, processMaxRssMb: run.maxRssMb };
	} catch {
		return {
			ok: false,
			error: `exit ${run.exitCode}: ${run.stderr.trim().split("\n").slice(-3).join(" | ")}`,
			processMs: run.ms,
		};
	}
}
