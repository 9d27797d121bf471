/**
 * Writes the fixes of a `--fix` run, changing nothing but the text the fixes
 * change, and writing nothing the user would not expect to be written:
 *
 * - A file is replaced the way a safe save does it: the new text goes to a
 *   temporary file beside it, given the file's mode and owner, then renamed
 *   over it, so an interrupted run leaves the old text or the new, never
 *   half of each. Where that would change the file's identity (its owner
 *   cannot be given to a new file, it has other hard links, its folder
 *   takes no new files) it is rewritten in place instead, as editors do
 *   (Vim's 'backupcopy' "auto").
 * - A symbolic link stays a link: its target is written, after checking
 *   that the fixes still fit what the target holds (the link may have been
 *   changed to point elsewhere).
 * - A file the user may not write is not written. As root, who may write
 *   anything, a file without any write bit (0444) counts as read-only.
 * - A file that changed after ESLint read it is not written over: the
 *   user's edit would be lost.
 * - A file whose bytes are not UTF-8 is not written: ESLint read it with
 *   replacement characters, and writing those back would change every
 *   byte it could not read.
 *
 * A file that cannot be written gets one error message of its own (line 1)
 * saying why; the others are written and the run is reported as usual.
 */
import { constants } from "node:fs";
import { access, chmod, chown, lstat, open, readFile, realpath, rename, rm, stat, writeFile } from "node:fs/promises";
import type { Stats } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import type { ESLint, Linter } from "eslint";

/** Lints a text as the file at `filePath`, with the run's fixes: what the run would write for it now. */
export type Refix = (text: string, filePath: string) => Promise<string>;

export interface WriteFixesOptions {
	/** When the run started (ms since the epoch): a file not changed since then still holds the text ESLint read. */
	since: number;
	/** For a file that changed around or after `since`: its fixed text as it is now. */
	refix: Refix;
}

/**
 * How far before the run's start a change still counts as "maybe after ESLint
 * read it": the kernel stamps times from a clock that lags by a tick, and
 * some file systems keep whole seconds (a file changed then is checked by
 * linting it again, never skipped unread).
 */
const CLOCK_SLACK_MS = 2000;

// ignoreBOM keeps a byte order mark in the text, as ESLint's read (and so its output) does.
const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** The message of a file whose fixes were not written. */
class NotWritten extends Error {}

/** Writes every result's fixed output; returns the paths written. Never throws for one file's sake. */
export async function writeFixes(results: readonly ESLint.LintResult[], options: WriteFixesOptions): Promise<string[]> {
	const written: string[] = [];
	for (const result of results) {
		if (result.output === undefined || !path.isAbsolute(result.filePath)) continue;
		try {
			if (await writeFix(result.filePath, result.output, options)) written.push(result.filePath);
		} catch (error) {
			reportNotWritten(
				result,
				error instanceof NotWritten ? error.message : `it could not be written (${describe(error)})`,
			);
		}
	}
	return written;
}

async function writeFix(filePath: string, output: string, { since, refix }: WriteFixesOptions): Promise<boolean> {
	// A symbolic link is kept: the file it points to is the one written.
	const target = await realpath(filePath).catch(gone);
	const stats = await stat(target).catch(gone);
	if (!stats.isFile()) throw new NotWritten("it is no longer a regular file");
	if (!(await userMayWrite(target, stats)))
		throw new NotWritten("the file is read-only; make it writable and run mailcomply --fix again");
	const current = decodeUtf8(await readFile(target).catch(gone));
	if (current === undefined)
		throw new NotWritten(
			"the file is not valid UTF-8, and writing it back would replace every byte that is not; save it as UTF-8 and run mailcomply --fix again",
		);
	// Through a symbolic link (of the file or a folder on its path), the file written may not be the one read: a link
	// changed during the run would aim the fixes at another file. Such a file is always fixed again from what it holds now.
	const throughLink = target !== path.resolve(filePath);
	if ((throughLink || stats.ctimeMs >= since - CLOCK_SLACK_MS) && (await refix(current, filePath)) !== output) {
		throw new NotWritten(
			"the file changed while mailcomply ran, and writing the fixes would undo that change; run mailcomply --fix again",
		);
	}
	if (current === output) return false;
	await replaceText(target, output, stats);
	return true;
}

/**
 * Whether the user may write the file: what the system says for a user; for
 * root, whom the system lets write anything, whether the file has a write bit.
 */
async function userMayWrite(target: string, stats: Stats): Promise<boolean> {
	if (process.getuid?.() === 0) return (stats.mode & 0o222) !== 0;
	try {
		await access(target, constants.W_OK);
		return true;
	} catch (error) {
		if (isPermissionError(error) || (error as NodeJS.ErrnoException).code === "EROFS") return false;
		throw error;
	}
}

async function replaceText(target: string, text: string, stats: Stats): Promise<void> {
	// Other hard links would keep the old text if a new file took this name.
	if (stats.nlink > 1 || !(await replaceByRename(target, text, stats))) await rewriteInPlace(target, text);
}

/** The safe save; false when it cannot keep the file as it was (its owner, its folder refusing new files), and nothing was changed. */
async function replaceByRename(target: string, text: string, stats: Stats): Promise<boolean> {
	const temporary = path.join(
		path.dirname(target),
		`.${path.basename(target)}.${randomBytes(6).toString("hex")}.mailcomply-tmp`,
	);
	try {
		await writeFile(temporary, text, { mode: 0o600, flag: "wx" });
	} catch (error) {
		if (isPermissionError(error)) return false;
		throw error;
	}
	try {
		// Owner first: changing the owner clears set-user-ID and set-group-ID bits, which the mode then restores.
		if (stats.uid !== process.getuid?.() || stats.gid !== process.getgid?.())
			await chown(temporary, stats.uid, stats.gid);
		await chmod(temporary, stats.mode & 0o7777);
		await lstat(target).catch(gone);
		await rename(temporary, target);
		return true;
	} catch (error) {
		await rm(temporary, { force: true });
		if (isPermissionError(error)) return false;
		throw error;
	}
}

/** Overwrites the file's bytes, keeping the file itself (owner, mode, links); never creates one. */
async function rewriteInPlace(target: string, text: string): Promise<void> {
	const handle = await open(target, constants.O_WRONLY).catch(gone);
	try {
		const bytes = Buffer.from(text, "utf8");
		await handle.write(bytes, 0, bytes.length, 0);
		await handle.truncate(bytes.length);
	} finally {
		await handle.close();
	}
}

function reportNotWritten(result: ESLint.LintResult, why: string): void {
	const message: Linter.LintMessage = {
		ruleId: null,
		severity: 2,
		message: `Fixes not written: ${why}. The problems those fixes solve are still in the file.`,
		line: 1,
		column: 1,
	};
	result.messages.unshift(message);
	result.errorCount += 1;
}

function decodeUtf8(bytes: Buffer): string | undefined {
	try {
		return UTF8.decode(bytes);
	} catch {
		return undefined;
	}
}

function gone(error: unknown): never {
	const code = (error as NodeJS.ErrnoException).code;
	if (code === "ENOENT" || code === "ENOTDIR")
		throw new NotWritten("the file was deleted or moved while mailcomply ran");
	throw error;
}

function isPermissionError(error: unknown): boolean {
	const code = (error as NodeJS.ErrnoException).code;
	return code === "EACCES" || code === "EPERM";
}

function describe(error: unknown): string {
	const { code, message } = error as NodeJS.ErrnoException;
	return code ?? (error instanceof Error ? message : String(error));
}
