/**
 * Files ESLint set out to lint but could not read. ESLint reads each file
 * itself, and one it cannot read ends the whole `lintFiles` call: a template
 * deleted while a long run goes on, or a sidecar its user may not read, and
 * nothing at all is reported. The CLI looks at files before the run
 * (file-guard.ts), but a file can go after that; here, the file ESLint could
 * not read becomes one located result of its own (as a refused file does),
 * and the call is made again without it.
 */
import type { ESLint } from "eslint";
import { refusedResults, type RefusedFile } from "./file-guard.js";

/** A run gives up (with ESLint's error) after this many files went missing: each one costs a new attempt. */
const MAX_UNREAD_FILES = 20;

/** Lints, leaving out the files found unread so far. */
export type LintLeavingOut = (unread: readonly RefusedFile[]) => Promise<ESLint.LintResult[]>;

/**
 * `lint`'s results, with one result for each file it could not read.
 * `files`: when `lint` is given file paths (not folders or globs), ESLint's
 * "no files matching" for one of them means it was deleted since.
 */
export async function lintAroundUnreadFiles(
	lint: LintLeavingOut,
	files?: ReadonlySet<string>,
): Promise<ESLint.LintResult[]> {
	const unread: RefusedFile[] = [];
	for (;;) {
		try {
			const results = await lint(unread);
			return [...refusedResults(unread), ...results];
		} catch (error) {
			const file = unreadFile(error, files);
			if (
				file === undefined ||
				unread.length >= MAX_UNREAD_FILES ||
				unread.some((each) => each.filePath === file.filePath)
			)
				throw error;
			unread.push(file);
		}
	}
}

/** ESLint's `lintFiles` over a list of files, going around those it cannot read. */
export function lintListedFiles(eslint: ESLint, files: readonly string[]): Promise<ESLint.LintResult[]> {
	return lintAroundUnreadFiles(async (unread) => {
		const left = files.filter((file) => !unread.some((each) => each.filePath === file));
		return left.length === 0 ? [] : eslint.lintFiles(left);
	}, new Set(files));
}

function unreadFile(error: unknown, files: ReadonlySet<string> | undefined): RefusedFile | undefined {
	const { code, path: filePath, syscall } = error as NodeJS.ErrnoException;
	if (typeof filePath === "string" && (syscall === "open" || syscall === "read")) {
		if (code === "ENOENT" || code === "ENOTDIR") return gone(filePath);
		if (code !== undefined)
			return { filePath, named: false, message: `mailcomply did not lint this file: cannot be read (${code}).` };
	}
	const { messageTemplate, messageData } = error as { messageTemplate?: string; messageData?: { pattern?: string } };
	if (messageTemplate === "file-not-found" && messageData?.pattern !== undefined && files?.has(messageData.pattern))
		return gone(messageData.pattern);
	return undefined;
}

function gone(filePath: string): RefusedFile {
	return {
		filePath,
		named: false,
		message: "mailcomply did not lint this file: it was deleted or moved during the run.",
	};
}
