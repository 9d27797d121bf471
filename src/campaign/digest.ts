/**
 * A fingerprint of the campaign sidecars a run depends on. ESLint's `--cache`
 * keys a file's results on its content and its config; a template's results
 * also depend on its sidecar, which is neither. The CLI puts this digest
 * into `settings`, so changing any sidecar changes the config and
 * invalidates the cached template results.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { findSidecarFor, SIDECAR_NAME, TEMPLATE_EXTENSION } from "./sidecar.js";

const SKIPPED_DIRECTORIES = new Set(["node_modules", ".git"]);
/** Larger files are fingerprinted by size and mtime instead of content (a real sidecar is far smaller). */
const MAX_HASHED_BYTES = 1024 * 1024;

/**
 * Hash of the paths (relative to `cwd`) and contents of the sidecars.
 * Without `files`, every sidecar under `cwd` counts (skipping `node_modules`
 * and `.git`, not following symlinked directories). With `files` (the files
 * a run lints), the sidecars among them and the sidecar beside each
 * template among them count.
 */
export function sidecarDigest(cwd: string, files?: string[]): string {
	const root = resolve(cwd);
	const sidecars = files ? sidecarsOf(files.map((file) => resolve(root, file))) : findSidecars(root);
	const hash = createHash("sha256");
	for (const path of [...new Set(sidecars)].sort()) {
		hash.update(relative(root, path).split(sep).join("/"));
		hash.update("\0");
		hash.update(fingerprint(path));
		hash.update("\0");
	}
	return hash.digest("hex");
}

function sidecarsOf(files: string[]): string[] {
	const sidecars: string[] = [];
	for (const file of files) {
		if (SIDECAR_NAME.test(file)) sidecars.push(file);
		else if (TEMPLATE_EXTENSION.test(file)) {
			const sidecar = findSidecarFor(file);
			if (sidecar) sidecars.push(sidecar);
		}
	}
	return sidecars;
}

function findSidecars(root: string): string[] {
	const found: string[] = [];
	const pending = [root];
	while (pending.length > 0) {
		const directory = pending.pop()!;
		let entries;
		try {
			entries = readdirSync(directory, { withFileTypes: true });
		} catch {
			continue;
		}
		for (const entry of entries) {
			if (entry.isDirectory()) {
				if (!SKIPPED_DIRECTORIES.has(entry.name)) pending.push(join(directory, entry.name));
			} else if (entry.isFile() && SIDECAR_NAME.test(entry.name)) {
				found.push(join(directory, entry.name));
			}
		}
	}
	return found;
}

function fingerprint(path: string): string | Buffer {
	try {
		const stats = statSync(path);
		if (stats.size > MAX_HASHED_BYTES) return `large:${stats.size}:${stats.mtimeMs}`;
		return readFileSync(path);
	} catch {
		return "unreadable";
	}
}
