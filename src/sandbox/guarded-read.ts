/**
 * The one way mailcomply reads a file ESLint did not hand it (an
 * `mj-include`d partial, a template's campaign sidecar, folder defaults),
 * and the one check of a file on disk before anything reads it.
 *
 * A file is read only when its real path (symbolic links followed) is
 * inside the read root, it is a regular file (a FIFO would block the run
 * forever, `/dev/zero` never ends), and its size on disk is within the
 * caller's bound. A refusal says why in words of its own; it never quotes
 * the refused file.
 */
import fs from "node:fs";
import path from "node:path";
import { isInside } from "./within.js";
import { noteRead } from "./read-log.js";

export type Refusal = { ok: false; reason: string };
export type FileOnDisk = { ok: true; size: number };
export type GuardedText = { ok: true; text: string; realPath: string };

/** Longer relative paths are shortened to their last folders: a finding is read in a terminal. */
const SHOWN_ROOT_MAX = 40;

/**
 * The root as a finding names it: relative to the folder the run started in
 * (where the output's file names start), never the machine's absolute path;
 * a long one (a template's own folder deep in a tree) by its last folder.
 */
export function shownRoot(root: string): string {
	const relative = path.relative(process.cwd(), root);
	if (relative === "") return "the current folder";
	const segments = relative.split(path.sep);
	// Another drive (Windows) gives an absolute path: its last folders are what a person recognises.
	if (relative.length <= SHOWN_ROOT_MAX && !path.isAbsolute(relative)) return segments.join("/");
	return `…/${segments.filter(Boolean).at(-1) ?? ""}`;
}

/**
 * Where a path really leads, when that is inside `root` (a real path). Only
 * the real path decides: a project opened through a symbolic link (a linked
 * workspace folder) names its files by the link. A path that leaves the
 * root as written is refused in the same words whether or not its target
 * exists, so messages never tell what exists outside the root.
 */
export function realPathInside(file: string, root: string): { ok: true; realPath: string } | Refusal {
	const target = path.resolve(file);
	noteRead(target);
	const leaves: Refusal = {
		ok: false,
		reason: `outside the include root (${shownRoot(root)}); move it inside, or lint from a folder holding both.`,
	};
	const writtenInside = isInside(target, root);
	let realPath: string;
	try {
		// One system call for the whole path; fs.realpathSync would lstat each of its components.
		realPath = fs.realpathSync.native(target);
	} catch {
		return writtenInside ? { ok: false, reason: "file not found." } : leaves;
	}
	if (isInside(realPath, root)) return { ok: true, realPath };
	return writtenInside
		? {
				ok: false,
				reason: `the path leads through a symbolic link outside the include root (${shownRoot(root)}), so it was not read.`,
			}
		: leaves;
}

/**
 * For a file ESLint read itself and handed to a language: why it must not be
 * linted, when it is reached through a symbolic link that leads outside
 * `root` (a sidecar `p.campaign.yaml -> /etc/passwd` in a received folder).
 * `root` is asked for only then. A file that is not on disk (an editor
 * buffer, text given to `lintText`) or is no link passes.
 */
export function linkedOutside(file: string, root: () => string): Refusal | undefined {
	const lexical = path.resolve(file);
	let realPath: string;
	try {
		realPath = fs.realpathSync.native(lexical);
	} catch {
		return undefined;
	}
	if (realPath === lexical) return undefined;
	const readRoot = root();
	if (isInside(realPath, readRoot)) return undefined;
	return {
		ok: false,
		reason: `This file is a symbolic link leading outside the include root (${shownRoot(readRoot)}), so it was not linted; lint the file it points to.`,
	};
}

/**
 * What a path is on disk, without reading it: a regular file of at most
 * `maxBytes`, or a refusal (a FIFO, device, socket or folder, or too large).
 * Symbolic links are followed: a link to `/dev/zero` is a device.
 */
export function checkOnDisk(file: string, maxBytes: number): FileOnDisk | Refusal {
	let stats: fs.Stats;
	try {
		stats = fs.statSync(file);
	} catch (error) {
		if (errorCode(error) === "ENOENT" && fs.lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink()) {
			return { ok: false, reason: "it is a symbolic link to a file that does not exist." };
		}
		return { ok: false, reason: `cannot be read (${errorCode(error)}).` };
	}
	return checkStats(stats, maxBytes);
}

/** Reads a regular file whose real path is inside `root`, of at most `maxBytes`, as UTF-8. Never throws, never blocks on a FIFO. */
export function readInsideRoot(file: string, root: string, maxBytes: number): GuardedText | Refusal {
	const located = realPathInside(file, root);
	if (!located.ok) return located;
	return readRegularFile(located.realPath, maxBytes);
}

/**
 * Reads a regular file of at most `maxBytes` as UTF-8; `realPath` must
 * already be checked against the root ({@link realPathInside}). The file is
 * opened without blocking and checked on its open descriptor, so a file
 * swapped for a FIFO or a huge one after the check is still refused.
 */
export function readRegularFile(realPath: string, maxBytes: number): GuardedText | Refusal {
	let descriptor: number;
	try {
		descriptor = fs.openSync(
			realPath,
			fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOFOLLOW ?? 0),
		);
	} catch (error) {
		return { ok: false, reason: `cannot be read (${errorCode(error)}).` };
	}
	try {
		const checked = checkStats(fs.fstatSync(descriptor), maxBytes);
		if (!checked.ok) return checked;
		// Read up to one byte past the bound: a file that grew since the check is refused, not cut.
		const buffer = Buffer.allocUnsafe(Math.min(checked.size, maxBytes) + 1);
		let length = 0;
		for (let read = -1; read !== 0 && length < buffer.length; length += read) {
			read = fs.readSync(descriptor, buffer, length, buffer.length - length, null);
		}
		if (length > maxBytes) return tooLarge(length, maxBytes);
		return { ok: true, text: buffer.toString("utf8", 0, length), realPath };
	} catch (error) {
		return { ok: false, reason: `cannot be read (${errorCode(error)}).` };
	} finally {
		fs.closeSync(descriptor);
	}
}

function checkStats(stats: fs.Stats, maxBytes: number): FileOnDisk | Refusal {
	if (!stats.isFile()) return { ok: false, reason: `it is ${kindOf(stats)}, not a regular file; it was not read.` };
	if (stats.size > maxBytes) return tooLarge(stats.size, maxBytes);
	return { ok: true, size: stats.size };
}

function kindOf(stats: fs.Stats): string {
	if (stats.isDirectory()) return "a folder";
	if (stats.isFIFO()) return "a named pipe (FIFO)";
	if (stats.isSocket()) return "a socket";
	if (stats.isCharacterDevice() || stats.isBlockDevice()) return "a device";
	return "a special file";
}

function tooLarge(size: number, maxBytes: number): Refusal {
	return {
		ok: false,
		reason: `it is ${megabytes(size)} on disk, over the ${megabytes(maxBytes)} limit; it was not read.`,
	};
}

/** Sizes as people read them: "51.3 MB", "1 MB", "600 bytes". */
export function megabytes(bytes: number): string {
	if (bytes < (1024 * 1024) / 10) return `${bytes} bytes`;
	const value = bytes / 1024 / 1024;
	return `${Number.isInteger(value) ? value : value.toFixed(1)} MB`;
}

function errorCode(error: unknown): string {
	if (error && typeof error === "object" && "code" in error && typeof error.code === "string") return error.code;
	return error instanceof Error ? error.message : String(error);
}
