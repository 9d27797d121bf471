/**
 * Files named on the command line that mailcomply does not lint. ESLint
 * answers each with a warning, "File ignored because no matching
 * configuration was supplied", which fails `--max-warnings 0`; but
 * `mailcomply emails/*` names every file the shell found there, images
 * included, and the user meant "the templates in emails/". So: among several
 * named files, the ones that are not templates or sidecars are skipped
 * without a word; a single file named on its own that is not one gets one
 * clear line, since then the user asked for that very file.
 */
import { statSync } from "node:fs";
import path from "node:path";
import type { ESLint } from "eslint";

export interface NamedFiles {
	/** The patterns to hand to ESLint: the given ones without the non-templates. */
	patterns: string[];
	/** The line to print when one file named on its own is not linted; undefined otherwise. */
	notice: string | undefined;
	/** How many named files were left out. */
	skipped: number;
}

/**
 * Splits `patterns` (relative to `cwd`, ESLint's cwd) into what ESLint lints
 * and the named files it would only warn about: a path to something that is
 * not a directory and that ESLint ignores (no config applies to it, or an
 * ignore pattern does). Directories and globs are left to ESLint, which
 * skips such files in them quietly anyway.
 */
export async function setAsideNonTemplates(
	eslint: ESLint,
	cwd: string,
	patterns: readonly string[],
	lints: string,
): Promise<NamedFiles> {
	const named = patterns.filter((pattern) => isNamedFile(path.resolve(cwd, pattern)));
	const ignored = new Set<string>();
	for (const pattern of named) {
		if (await eslint.isPathIgnored(path.resolve(cwd, pattern))) ignored.add(pattern);
	}
	const notice =
		named.length === 1 && ignored.size === 1
			? `mailcomply: ${named[0]} was not linted: it is not a template or campaign sidecar, or it is ignored (mailcomply lints ${lints})\n`
			: undefined;
	return { patterns: patterns.filter((pattern) => !ignored.has(pattern)), notice, skipped: ignored.size };
}

/** An existing path that is not a directory (a regular file, or a special file the file guard refuses if it is a template). */
function isNamedFile(target: string): boolean {
	const stats = statSync(target, { throwIfNoEntry: false });
	return stats !== undefined && !stats.isDirectory();
}
