/**
 * A fingerprint of the campaign files a run depends on. ESLint's `--cache`
 * keys a file's results on its content and its config; a template's results
 * also depend on its campaign files (its sidecar, and folder defaults in its
 * folder or above it), which are neither. The CLI puts this digest into
 * `settings`, so changing, adding or removing any of them changes the config
 * and invalidates the cached template results.
 *
 * Campaign files are found by name (`*.campaign.yaml|yml|json`, see
 * `CAMPAIGN_FILE_NAME`), not by asking which template uses which: a new
 * kind of campaign file with such a name is covered without being
 * registered here. mjml's `.mjmlconfig` is found the same way: the custom
 * components it registers decide `valid-template` findings (src/template/mjml-config.ts).
 */
import { createHash } from "node:crypto";
import { readdirSync, type Dirent } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileFingerprint, realPathOf, statOf } from "../sandbox/file-fingerprint.js";
import { foldersUpTo } from "../sandbox/within.js";
import { SIDECAR_NAME } from "./sidecar.js";
import { MJML_CONFIG_FILE_NAME } from "../template/mjml-config.js";

/** Every file that holds campaign facts: sidecars (`NAME.campaign.yaml`) and folder defaults (`defaults.campaign.yaml`) alike. */
export const CAMPAIGN_FILE_NAME = SIDECAR_NAME;

const SKIPPED_DIRECTORIES = new Set(["node_modules", ".git"]);

/**
 * Hash of the paths (relative to `root`) and contents of the campaign files
 * that can govern what a run over `paths` (files and folders, relative to
 * `root`; `root` itself when absent) lints:
 * - every campaign file under a folder in `paths` (skipping `node_modules`
 *   and `.git`, not entering symlinked folders);
 * - the campaign files beside a file in `paths` (its sidecar, folder
 *   defaults), and those in every folder above a path, up to `root`.
 *
 * A symlinked campaign file counts by its target; a target outside `root`
 * is never read, only its path, size and mtime count. Special files (a FIFO
 * would block the read forever) count by their type only.
 */
export function sidecarDigest(root: string, paths?: readonly string[]): string {
	const base = resolve(root);
	const realBase = realPathOf(base) ?? base;
	const files = new Set<string>();
	for (const path of (paths ?? [base]).map((each) => resolve(base, each))) {
		const directory = statOf(path)?.isDirectory() ?? false;
		if (directory) collectUnder(path, files);
		// Folder defaults above the path govern it too; a linted folder's own were collected with its contents.
		if (path !== base) for (const folder of foldersUpTo(dirname(path), base)) collectIn(folder, files);
	}
	const hash = createHash("sha256");
	for (const path of [...files].sort()) {
		hash.update(relative(base, path).split(sep).join("/"));
		hash.update("\0");
		hash.update(fileFingerprint(path, realBase));
		hash.update("\0");
	}
	return hash.digest("hex");
}

/** Adds every file under `root` that `accepts` (skipping `node_modules` and `.git`, not entering symlinked folders); campaign files when none is given. */
export function collectUnder(
	root: string,
	found: Set<string>,
	accepts: (directory: string, entry: Dirent) => boolean = isCampaignFile,
): void {
	const pending = [root];
	while (pending.length > 0) {
		const directory = pending.pop()!;
		for (const entry of entriesOf(directory)) {
			if (entry.isDirectory()) {
				if (!SKIPPED_DIRECTORIES.has(entry.name)) pending.push(join(directory, entry.name));
			} else if (accepts(directory, entry)) {
				found.add(join(directory, entry.name));
			}
		}
	}
}

function collectIn(directory: string, found: Set<string>): void {
	for (const entry of entriesOf(directory))
		if (isCampaignFile(directory, entry)) found.add(join(directory, entry.name));
}

/** Named like a campaign file (or `.mjmlconfig`), and a file or a symbolic link (to anything: a dangling link is a sidecar that cannot be read, which is a fact too). */
function isCampaignFile(directory: string, entry: Dirent): boolean {
	if (!CAMPAIGN_FILE_NAME.test(entry.name) && !MJML_CONFIG_FILE_NAME.test(entry.name)) return false;
	if (entry.isSymbolicLink()) return !(statOf(join(directory, entry.name))?.isDirectory() ?? false);
	return !entry.isDirectory();
}

function entriesOf(directory: string): Dirent[] {
	try {
		return readdirSync(directory, { withFileTypes: true });
	} catch {
		return [];
	}
}
