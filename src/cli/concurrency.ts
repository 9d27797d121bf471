/**
 * `--concurrency` as ESLint will carry it out. ESLint starts no worker
 * thread for `auto` when half the available cores is one or less, nor for a
 * count of one (lib/eslint/eslint.js, calculateWorkerCount: `auto` starts at
 * most `availableParallelism() >> 1` threads, and a count of one becomes
 * none). Such a run lints in the main thread, and the CLI must know it: in
 * one thread it lints a large run in batches (src/cli/batches.ts), which it
 * skips when threads would hand their results back at the end anyway. On 2
 * or 3 cores, `auto` without batches held about four times the memory of
 * `off` on 10,000 templates.
 */
import { availableParallelism } from "node:os";
import type { Concurrency } from "./options.js";

/** `off` where ESLint would start no worker thread, else the setting as given. */
export function effectiveConcurrency(concurrency: Concurrency, cores: number = availableParallelism()): Concurrency {
	if (concurrency === "auto") return cores >> 1 <= 1 ? "off" : "auto";
	return concurrency === 1 ? "off" : concurrency;
}
