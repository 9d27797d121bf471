/**
 * What a file is now, for `--cache` digests: its content when it is a
 * regular file inside the root (small enough to hash), otherwise what can
 * be told without reading it. Never reads outside the root, never opens a
 * FIFO, never throws.
 */
import { readdirSync, readFileSync, realpathSync, statSync, type Stats } from "node:fs";
import { isWithin } from "./within.js";

/** Larger files are fingerprinted by size and mtime instead of content (a real sidecar or partial is far smaller). */
const MAX_HASHED_BYTES = 1024 * 1024;

/**
 * The fingerprint of `path` (symbolic links followed): its bytes, or
 * `missing`, `special:MODE`, `outside:…` (a target outside `realRoot`,
 * counted by path, size and mtime), `large:…`, `unreadable:CODE`. With
 * `listFolders`, a folder counts by the names in it (a file added to a
 * folder that was searched changes what the search finds).
 */
export function fileFingerprint(path: string, realRoot: string, listFolders = false): string | Buffer {
	const stats = statOf(path);
	if (!stats) return "missing";
	if (listFolders && stats.isDirectory()) return `folder:${namesIn(path).join("/")}`;
	if (!stats.isFile()) return `special:${stats.mode}`;
	const real = realPathOf(path);
	if (real === undefined || !isWithin(real, realRoot)) return `outside:${real}:${stats.size}:${stats.mtimeMs}`;
	if (stats.size > MAX_HASHED_BYTES) return `large:${stats.size}:${stats.mtimeMs}`;
	try {
		return readFileSync(real);
	} catch (error) {
		return `unreadable:${(error as NodeJS.ErrnoException).code ?? ""}`;
	}
}

function namesIn(folder: string): string[] {
	try {
		return readdirSync(folder).sort();
	} catch {
		return [];
	}
}

export function statOf(path: string): Stats | undefined {
	try {
		return statSync(path, { throwIfNoEntry: false });
	} catch {
		return undefined;
	}
}

export function realPathOf(path: string): string | undefined {
	try {
		return realpathSync.native(path);
	} catch {
		return undefined;
	}
}
