import { randomBytes } from "node:crypto";
import { rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { ESLint } from "eslint";

/**
 * Writes the fixed files of a `--fix` run the way a safe save does: the new
 * text goes to a temporary file beside the original, which is then renamed
 * over it. An interrupted run leaves the old file or the new one, never a
 * half-written template, and the file keeps its permissions. Only files
 * that were linted and changed by a fix are written.
 */
export async function writeFixesAtomically(results: readonly ESLint.LintResult[]): Promise<string[]> {
	const written: string[] = [];
	for (const result of results) {
		if (result.output === undefined || !path.isAbsolute(result.filePath)) continue;
		const target = result.filePath;
		const { mode } = await stat(target);
		const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString("hex")}.mailcomply-tmp`);
		try {
			await writeFile(temporary, result.output, { mode, flag: "wx" });
			await rename(temporary, target);
		} catch (error) {
			await rm(temporary, { force: true });
			throw error;
		}
		written.push(target);
	}
	return written;
}
