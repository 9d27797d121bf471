/**
 * The files a run must not hand to ESLint. ESLint reads every file it lints
 * itself, before mailcomply's parser can refuse it: a named pipe (FIFO)
 * called `*.campaign.yaml` blocks the run forever, and a link to
 * `/dev/zero` or a 600 MB `*.mjml` ends it with "Invalid string length".
 * The CLI therefore looks at each file it is about to lint, on disk and
 * without reading it, and keeps the bad ones out of ESLint's hands; each is
 * reported as one located result of its own, and the rest of the run
 * completes.
 *
 * Files are found as ESLint finds them (src/cli/batches.ts says how a
 * directory is walked): a path to a file, every file under a directory,
 * every file a glob matches (with ESLint's matcher options); whether a file
 * is linted at all is ESLint's own answer, `isPathIgnored`.
 */
import { lstatSync, readdirSync, statSync, type Dirent } from "node:fs";
import path from "node:path";
import type { ESLint } from "eslint";
import { escape, Minimatch } from "minimatch";
import { checkOnDisk, linkedOutside } from "../sandbox/guarded-read.js";
import { readRootFor } from "../sandbox/project-root.js";
import { MAX_TEMPLATE_BYTES } from "../template/limits.js";
import { SKIPPED_DIRECTORIES } from "./batches.js";

export interface RefusedFile {
	/** Absolute path, as ESLint would name the file. */
	filePath: string;
	/** Whether the file was named on the command line (then it is dropped from the patterns, not ignored). */
	named: boolean;
	/** Why, in words of its own: never the file's content. */
	message: string;
}

const GLOB_CHARACTERS = /[*?[\]{}!]/u;

/**
 * The files among those `patterns` would lint (relative to `cwd`, ESLint's
 * cwd) that must not be read: special files (FIFO, device, socket, folder),
 * files larger on disk than any template may be, and symbolic links leading
 * outside the file's include root (as its configuration sets it).
 */
export async function findRefusedFiles(
	eslint: ESLint,
	cwd: string,
	patterns: readonly string[],
): Promise<RefusedFile[]> {
	const candidates = new Map<string, { named: boolean; message?: string }>();
	const inspect = (file: string, named: boolean, isLink: boolean): void => {
		if (candidates.has(file)) return;
		const onDisk = checkOnDisk(file, MAX_TEMPLATE_BYTES);
		if (!onDisk.ok) candidates.set(file, { named, message: `mailcomply did not lint this file: ${onDisk.reason}` });
		// Where a link may lead depends on the file's include root: decided below, for the few links there are.
		else if (isLink) candidates.set(file, { named });
	};
	forEachFile(cwd, patterns, inspect);
	const refused: RefusedFile[] = [];
	for (const [filePath, { named, message }] of candidates) {
		// Only what the run would lint: a FIFO called notes.txt is none of mailcomply's business.
		if (await eslint.isPathIgnored(filePath)) continue;
		const why = message ?? (await linkLeavingRoot(eslint, filePath));
		if (why !== undefined) refused.push({ filePath, named, message: why });
	}
	return refused.sort((a, b) => a.filePath.localeCompare(b.filePath));
}

/**
 * Every file `patterns` (relative to `cwd`) point at, as ESLint finds them,
 * before asking whether ESLint lints it: `named` when the pattern is the
 * file's own path, `isLink` when the entry is a symbolic link. A file may
 * be visited more than once when patterns overlap.
 */
export function forEachFile(
	cwd: string,
	patterns: readonly string[],
	visitFile: (file: string, named: boolean, isLink: boolean) => void,
): void {
	const visit = (file: string, entry: Dirent) => visitFile(file, false, entry.isSymbolicLink());
	for (const pattern of patterns) {
		const target = path.resolve(cwd, pattern);
		const stats = statSync(target, { throwIfNoEntry: false });
		if (stats?.isDirectory()) walk(target, visit);
		else if (stats) visitFile(target, true, lstatSync(target).isSymbolicLink());
		else if (GLOB_CHARACTERS.test(pattern)) {
			// ESLint matches a glob against each path relative to its cwd, with dot files included.
			const matcher = new Minimatch(toPosix(path.relative(cwd, target)), { dot: true });
			walk(globBase(target), (file, entry) => {
				if (matcher.match(toPosix(path.relative(cwd, file)))) visit(file, entry);
			});
		}
	}
}

/** Why a symbolic link must not be linted, when it leads outside the include root its configuration gives (the CLI's folder, or the file's project root). */
async function linkLeavingRoot(eslint: ESLint, file: string): Promise<string | undefined> {
	const config = (await eslint.calculateConfigForFile(file)) as
		{ languageOptions?: { includeRoot?: unknown } } | undefined;
	const includeRoot = config?.languageOptions?.includeRoot;
	return linkedOutside(file, () => readRootFor(file, typeof includeRoot === "string" ? includeRoot : undefined))
		?.reason;
}

/** Patterns for ESLint's `ignorePatterns` (relative to its cwd) that keep the refused (or skipped) files found in directories and globs unread. */
export function ignorePatternsFor(refused: readonly Pick<RefusedFile, "filePath" | "named">[], cwd: string): string[] {
	return refused.filter((file) => !file.named).map((file) => escape(toPosix(path.relative(cwd, file.filePath))));
}

/**
 * One result per refused file, as ESLint gives a file it could not parse: a
 * fatal error at line 1, column 1. Its `source` is empty, not absent: a
 * formatter that shows source lines would otherwise read the file itself.
 */
export function refusedResults(refused: readonly RefusedFile[]): ESLint.LintResult[] {
	return refused.map(({ filePath, message }) => ({
		filePath,
		source: "",
		messages: [{ ruleId: null, fatal: true, severity: 2, message, line: 1, column: 1 }],
		suppressedMessages: [],
		errorCount: 1,
		fatalErrorCount: 1,
		warningCount: 0,
		fixableErrorCount: 0,
		fixableWarningCount: 0,
		usedDeprecatedRules: [],
	}));
}

/** Every entry under `directory` that is not a folder, as ESLint's walk sees them: a symbolic link is an entry, never a folder to enter. */
function walk(directory: string, visit: (file: string, entry: Dirent) => void): void {
	let entries;
	try {
		entries = readdirSync(directory, { withFileTypes: true });
	} catch {
		return;
	}
	for (const entry of entries) {
		const full = path.join(directory, entry.name);
		if (!entry.isDirectory()) visit(full, entry);
		else if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(full, visit);
	}
}

/** The folder a glob starts in: its part before the first wildcard. */
function globBase(pattern: string): string {
	const wildcard = pattern.search(GLOB_CHARACTERS);
	return path.dirname(`${pattern.slice(0, wildcard)}x`);
}

export function toPosix(file: string): string {
	return file.split(path.sep).join("/");
}
