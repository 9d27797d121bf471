/**
 * `--shard i/n`: the i-th of n parts of a run, so that n CI jobs (a job
 * matrix) together lint every file exactly once, and their reports can be
 * merged. Every job must get the same parts without talking to the others:
 * the partition depends only on the files' paths relative to the lint root
 * and their sizes, never on the machine, the checkout's location, the
 * directory order or the locale. Parts are balanced by size, so no job waits
 * on one that drew all the large newsletters.
 */
import { statSync } from "node:fs";
import path from "node:path";
import type { ESLint } from "eslint";
import { forEachFile, toPosix } from "./file-guard.js";

export interface Shard {
	/** 1-based, as written on the command line. */
	index: number;
	count: number;
}

/**
 * What linting a file costs beyond its bytes (finding its config, setting up
 * every rule, the per-file analyses), in bytes of template: without it, a
 * part with one large file and a part with two hundred tiny ones would count
 * as equal.
 */
export const PER_FILE_COST_BYTES = 4096;

export interface ShardFile {
	/** Path relative to the lint root, with `/`: the same on every machine. */
	key: string;
	bytes: number;
}

/**
 * Splits `files` into `count` parts: largest first, each to the part with
 * the least work so far (the first such part on a tie). Each part is
 * returned in path order.
 */
export function partition<File extends ShardFile>(files: readonly File[], count: number): File[][] {
	const parts: File[][] = Array.from({ length: count }, () => []);
	const loads = new Array<number>(count).fill(0);
	const byCost = [...files].sort((a, b) => b.bytes - a.bytes || compareKeys(a.key, b.key));
	for (const file of byCost) {
		let lightest = 0;
		for (let part = 1; part < count; part++) if (loads[part]! < loads[lightest]!) lightest = part;
		parts[lightest]!.push(file);
		loads[lightest]! += file.bytes + PER_FILE_COST_BYTES;
	}
	return parts.map((part) => part.sort((a, b) => compareKeys(a.key, b.key)));
}

/**
 * The files of the whole run over `patterns` (relative to `root`, ESLint's
 * cwd) and those of `shard`, as absolute paths. A file named on the command
 * line is kept even when ignored: ESLint then says so in its result, as in a
 * run without shards.
 */
export async function filesOfShard(
	eslint: ESLint,
	root: string,
	patterns: readonly string[],
	shard: Shard,
): Promise<{ all: number; files: string[] }> {
	const found = new Map<string, boolean>();
	forEachFile(root, patterns, (file, named) => found.set(file, (found.get(file) ?? false) || named));
	const linted: Array<ShardFile & { filePath: string }> = [];
	for (const [filePath, named] of found) {
		if (!named && (await eslint.isPathIgnored(filePath))) continue;
		// A file that cannot be looked at (gone, unreadable) weighs nothing; ESLint or the file guard says what it is.
		const bytes = statSync(filePath, { throwIfNoEntry: false })?.size ?? 0;
		linted.push({ filePath, key: toPosix(path.relative(root, filePath)), bytes });
	}
	const part = partition(linted, shard.count)[shard.index - 1] ?? [];
	return { all: linted.length, files: part.map((file) => file.filePath) };
}

/** Code-unit order: the same everywhere, unlike localeCompare. */
function compareKeys(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
