import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { Buffer } from "node:buffer";
import { clearTimeout, setTimeout } from "node:timers";
import { fileURLToPath, URL } from "node:url";

/**
 * Runs one command as its own process and measures it whole: wall time from
 * spawn to exit (start-up included, as a user or a CI job sees it), CPU time
 * (user + system: steadier than wall time on a machine others are using) and
 * the peak resident memory. Memory and CPU come from GNU `/usr/bin/time`'s
 * counters (those of `time -v`) when present, else from
 * `process.resourceUsage()` reported by a preload in the (Node) child.
 */

const GNU_TIME = "/usr/bin/time";
const RSS_PRELOAD = fileURLToPath(new URL("./report-max-rss.mjs", import.meta.url));

let gnuTimeWorks;
function hasGnuTime() {
	if (gnuTimeWorks === undefined) {
		gnuTimeWorks = false;
		try {
			fs.accessSync(GNU_TIME, fs.constants.X_OK);
			gnuTimeWorks = true;
		} catch {
			// Not installed: fall back to the preload.
		}
	}
	return gnuTimeWorks;
}

/** How peak memory is measured on this machine, for the report. */
export function memorySource() {
	return hasGnuTime() ? "/usr/bin/time -v (max RSS)" : "process.resourceUsage().maxRSS in the child";
}

/**
 * @param {object} run
 * @param {string[]} run.nodeArgs arguments after `node` (script first)
 * @param {string} run.cwd
 * @param {string} run.outputFile where the child's stdout goes (kept for inspection)
 * @param {Record<string,string>} [run.env]
 * @param {number} [run.timeoutMs] kill the run (its whole process group) after this long
 * @returns {Promise<{ ms: number, cpuMs: number | null, maxRssMb: number | null, exitCode: number | null, timedOut: boolean, stderr: string }>}
 */
export async function runNode({ nodeArgs, cwd, outputFile, env = {}, timeoutMs }) {
	fs.mkdirSync(path.dirname(outputFile), { recursive: true });
	const rssFile = `${outputFile}.rss`;
	fs.rmSync(rssFile, { force: true });
	const useTime = hasGnuTime();
	const command = useTime ? GNU_TIME : process.execPath;
	const args = useTime
		? ["-f", "%M %U %S", "-o", rssFile, process.execPath, ...nodeArgs]
		: ["--import", RSS_PRELOAD, ...nodeArgs];
	const childEnv = { ...process.env, ...env, MAILCOMPLY_BENCH_RSS_FILE: rssFile, FORCE_COLOR: "0", NO_COLOR: "1" };
	const stdout = fs.openSync(outputFile, "w");
	const stderrChunks = [];
	const started = process.hrtime.bigint();
	let timedOut = false;
	const exitCode = await new Promise((resolve, reject) => {
		// Its own process group, so a timeout ends the tool and not only the `time` wrapper.
		const child = spawn(command, args, { cwd, env: childEnv, stdio: ["ignore", stdout, "pipe"], detached: true });
		const timer = timeoutMs
			? setTimeout(() => {
					timedOut = true;
					process.kill(-child.pid, "SIGKILL");
				}, timeoutMs)
			: undefined;
		child.stderr.on("data", (chunk) => stderrChunks.push(chunk));
		child.on("error", reject);
		child.on("close", (code) => {
			clearTimeout(timer);
			resolve(code);
		});
	});
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	fs.closeSync(stdout);
	return { ms, ...readUsage(rssFile), exitCode, timedOut, stderr: Buffer.concat(stderrChunks).toString("utf8") };
}

/** Both sources write "<max RSS in KiB> <user s> <system s>" as the last line. */
function readUsage(usageFile) {
	try {
		const lines = fs.readFileSync(usageFile, "utf8").trim().split("\n");
		const [kilobytes, user, system] = lines[lines.length - 1].split(" ").map(Number);
		return {
			maxRssMb: Number.isFinite(kilobytes) ? kilobytes / 1024 : null,
			cpuMs: Number.isFinite(user) && Number.isFinite(system) ? (user + system) * 1000 : null,
		};
	} catch {
		return { maxRssMb: null, cpuMs: null };
	}
}
