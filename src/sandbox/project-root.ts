/**
 * The directory mailcomply may read from on behalf of a linted file: its
 * `mj-include`d partials, its campaign sidecar, its folder defaults.
 *
 * It comes from the file, never from the process: ESLint's `Language.parse`
 * receives no working directory, and the process's own (an editor's ESLint
 * server, a script started elsewhere, `/`) has nothing to do with the
 * project the file belongs to.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** The names ESLint 10 looks for, from the linted file's folder upwards: the nearest one configures the file. */
export const CONFIG_FILES = [
	"eslint.config.js",
	"eslint.config.mjs",
	"eslint.config.cjs",
	"eslint.config.ts",
	"eslint.config.mts",
	"eslint.config.cts",
];
/** What marks a project, strongest first: an ESLint config, else a package, else a repository. */
const PROJECT_MARKERS: ReadonlyArray<readonly string[]> = [CONFIG_FILES, ["package.json"], [".git"]];

/** Per directory: the index in PROJECT_MARKERS of the strongest marker it holds, or -1. Directories rarely gain or lose one during a run. */
const markerCache = new Map<string, number>();
/** Per directory of a linted file: its project root. */
const rootCache = new Map<string, string>();

/**
 * The project a file belongs to: the nearest folder above it holding an
 * `eslint.config.*`, else a `package.json`, else `.git`; without any, the
 * file's own folder. The file-system root and the home folder never count
 * as a project (a stray `~/package.json` must not open the whole home).
 * Answered as a real path (symbolic links resolved).
 */
export function projectRootOf(file: string): string {
	const directory = path.dirname(path.resolve(file));
	const known = rootCache.get(directory);
	if (known !== undefined) return known;
	const ancestors = ancestorsOf(directory);
	const found = [];
	for (const ancestor of ancestors) found.push(strongestMarker(ancestor));
	let root = directory;
	for (let strength = 0; strength < PROJECT_MARKERS.length; strength++) {
		const index = found.indexOf(strength);
		if (index !== -1) {
			root = ancestors[index]!;
			break;
		}
	}
	const real = realPathOr(root);
	rootCache.set(directory, real);
	return real;
}

/**
 * The read root for `file`: the configured `includeRoot` when there is one
 * (a relative one is taken from the file's project root, where its ESLint
 * config normally is), else the file's project root.
 */
export function readRootFor(file: string, includeRoot: string | undefined): string {
	if (includeRoot === undefined) return projectRootOf(file);
	return realPathOr(
		path.isAbsolute(includeRoot) ? path.resolve(includeRoot) : path.resolve(projectRootOf(file), includeRoot),
	);
}

/** For tests and long-running hosts (an editor server) after folders changed: forget every project root found. */
export function clearProjectRootCache(): void {
	markerCache.clear();
	rootCache.clear();
}

/** The folder and each folder above it, nearest first, without the ones that never count as a project. */
function ancestorsOf(directory: string): string[] {
	const excluded = new Set([path.parse(directory).root, os.homedir()]);
	const ancestors: string[] = [];
	for (let current = directory; ; current = path.dirname(current)) {
		if (!excluded.has(current)) ancestors.push(current);
		if (path.dirname(current) === current) return ancestors;
	}
}

function strongestMarker(directory: string): number {
	let strength = markerCache.get(directory);
	if (strength === undefined) {
		strength = PROJECT_MARKERS.findIndex((names) => names.some((name) => exists(path.join(directory, name))));
		markerCache.set(directory, strength);
	}
	return strength;
}

function exists(file: string): boolean {
	try {
		// A missing file answers undefined instead of building an error with its stack: most folders hold no marker.
		return fs.statSync(file, { throwIfNoEntry: false }) !== undefined;
	} catch {
		return false;
	}
}

/** The real path, or the path itself when it cannot be resolved (a virtual file, a folder that is gone). */
export function realPathOr(file: string): string {
	try {
		// The native call: one system call, where fs.realpathSync reads each path component.
		return fs.realpathSync.native(file);
	} catch {
		return file;
	}
}
