/**
 * Where the CLI lets templates read their includes and sidecars from: the
 * folders the user chose. The folder it runs in is one; a folder named on
 * the command line outside it (`mailcomply ../shared/templates`) is another,
 * so that a run gives the same findings from wherever it is started, as
 * running inside that folder would.
 */
import { statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { isWithin } from "../sandbox/within.js";

/**
 * The include roots for a run in `cwd` over the folders or files at `bases`
 * (absolute): each named folder outside `cwd` that is not inside another
 * one, then `cwd`, which stays the root of the files under it even when a
 * named folder (`mailcomply ..`) holds it. A named file outside `cwd` keeps
 * its project root; the file-system root and the home folder are never a
 * root (as for project roots).
 */
export function includeRootsFor(cwd: string, bases: readonly string[]): string[] {
	const never = new Set([path.parse(cwd).root, os.homedir()]);
	const named = bases.filter(
		(base) => !never.has(base) && !isWithin(base, cwd) && statSync(base, { throwIfNoEntry: false })?.isDirectory(),
	);
	const outermost = [...new Set(named)].filter(
		(base) => !named.some((other) => other !== base && isWithin(base, other)),
	);
	return [...outermost, cwd];
}

/** The root among `roots` that holds `file`; a file under the CLI's folder (last) keeps it. */
export function includeRootOf(file: string, roots: readonly string[]): string | undefined {
	return roots.findLast((root) => isWithin(file, root));
}
