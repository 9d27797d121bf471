/**
 * Finds and reads the files a template composes from, the way the engines'
 * usual loaders look names up, inside the include root only:
 * relative to the including file (`./footer.njk`, `../partials/footer`),
 * then in the including file's folder and each folder above it up to the
 * root (a templates root that `{% extends "layouts/base.html" %}` is
 * written from), each also with the `partials/`, `layouts/`, `includes/`
 * and `snippets/` folders the engines' conventions use, with the engine's
 * file endings added to a bare name and the `_name` spelling of partials
 * (Jekyll, Rails, Sass). Reads go through src/sandbox/guarded-read.ts: no
 * symbolic link out of the root, no FIFO, no file over the include bound.
 */
import fs from "node:fs";
import path from "node:path";
import { LineIndex } from "../../ast/line-index.js";
import { ENGINE_EXTENSIONS, type TemplateEngine } from "../engines.js";
import { readRegularFile, realPathInside } from "../../sandbox/guarded-read.js";
import { isWithin } from "../../sandbox/within.js";
import { noteRead, readsLogged } from "../../sandbox/read-log.js";
import { FileCache } from "../file-cache.js";
import { buildTemplateTree, type TemplateTree } from "./template-tree.js";

/** A file a template composes from, parsed as far as its engine's structure. */
export interface LoadedTemplate {
	realPath: string;
	text: string;
	tree: TemplateTree;
	lines: LineIndex;
}

export type Located = { realPath: string } | { error: string };

/** The same bound as for `mj-include`: a stray include of a huge file must not stall the run. */
export const MAX_INCLUDE_BYTES = 5 * 1024 * 1024;

const CONVENTION_FOLDERS = ["", "partials", "_partials", "layouts", "_layouts", "includes", "_includes", "snippets"];

/** Endings tried after a bare name, per engine: its own first, then plain HTML. */
function endingsFor(engine: TemplateEngine, fromFile: string): string[] {
	const own = ENGINE_EXTENSIONS[engine].map((ending) => `.${ending}`);
	const fromEnding = own.find((ending) => fromFile.toLowerCase().endsWith(ending));
	const family =
		engine === "handlebars" || engine === "mustache"
			? [...ENGINE_EXTENSIONS.handlebars, ...ENGINE_EXTENSIONS.mustache].map((ending) => `.${ending}`)
			: own;
	const twig = engine === "twig" ? [".html.twig"] : [];
	return [...new Set([...(fromEnding ? [fromEnding] : []), ...twig, ...family, ".html"])];
}

/** Where `name`, as written in `fromFile`, is found inside `root`; or why it is not read. */
export function locateTemplate(name: string, fromFile: string, engine: TemplateEngine, root: string): Located {
	if (/^[a-z][a-z0-9+.-]*:/iu.test(name) && !/^[a-z]:[\\/]/iu.test(name))
		return { error: "URLs are not read; name a file inside the include root." };
	if (path.isAbsolute(name) || /^[a-z]:[\\/]/iu.test(name))
		return { error: "absolute paths are not read; name the file relative to this template or the templates folder." };
	// Twig's namespaces (`@Email/base.html.twig`) name a registered folder: the rest of the name is looked up as usual.
	const written = name.replace(/^@[\w-]+\//u, "");
	const names = [written];
	if (path.extname(written) === "") for (const ending of endingsFor(engine, fromFile)) names.push(written + ending);
	if (engine === "liquid" || engine === "handlebars" || engine === "mustache" || engine === "erb") {
		for (const each of [...names]) names.push(path.join(path.dirname(each), `_${path.basename(each)}`));
	}
	if (engine === "erb") names.splice(0, names.length, ...names.filter((each) => path.basename(each).startsWith("_")));
	const fromFolder = path.dirname(fromFile);
	const relative = /^\.\.?[\\/]/u.test(written);
	const folders = relative ? [fromFolder] : foldersUpTo(fromFolder, root);
	let refusal: string | undefined;
	for (const folder of folders) {
		for (const convention of relative ? [""] : CONVENTION_FOLDERS) {
			for (const each of names) {
				const located = realPathInside(path.join(folder, convention, each), root);
				if (located.ok) {
					if (isRegularFile(located.realPath)) return { realPath: located.realPath };
					continue;
				}
				if (located.reason !== "file not found.") refusal ??= located.reason;
			}
		}
	}
	if (refusal) return { error: refusal };
	const where = relative
		? "relative to this file"
		: "beside this file, in the folders above it up to the include root, and in their partials/, layouts/, includes/ and snippets/ folders";
	return {
		error: `not found (looked for ${names
			.map((each) => path.basename(each))
			.filter((each, index, all) => all.indexOf(each) === index)
			.join(", ")} ${where}).`,
	};
}

function isRegularFile(realPath: string): boolean {
	return fs.statSync(realPath, { throwIfNoEntry: false })?.isFile() ?? false;
}

/** `folder` and each folder above it, up to and including `root`. */
function foldersUpTo(folder: string, root: string): string[] {
	const folders: string[] = [];
	for (let current = folder; isWithin(current, root); current = path.dirname(current)) {
		folders.push(current);
		if (current === root || path.dirname(current) === current) break;
	}
	return folders;
}

/**
 * Loaded files, by engine and real path, kept while the file is unchanged
 * (same size, times and inode) and within a bound on the bytes held, as
 * for `mj-include`: a footer included by every mail of a run is read once.
 */
const loaded = new FileCache<LoadedTemplate>(32 * 1024 * 1024, (template) => template.text.length);

export function loadTemplate(realPath: string, engine: TemplateEngine): LoadedTemplate | { error: string } {
	const key = `${engine}\0${realPath}`;
	const cached = loaded.lookup(key, realPath);
	if ("value" in cached) return cached.value;
	const read = readRegularFile(realPath, MAX_INCLUDE_BYTES);
	if (!read.ok) return { error: read.reason };
	const template: LoadedTemplate = {
		realPath,
		text: read.text,
		tree: buildTemplateTree(read.text, engine),
		lines: new LineIndex(read.text),
	};
	loaded.keep(key, cached.stamp, template);
	return template;
}

/** Files searched for Go `{{ define }}`s under a root, and the bytes read for it: a root full of other things must not stall the run. */
const MAX_INDEXED_FILES = 2000;
const MAX_INDEXED_BYTES = 20 * 1024 * 1024;
const MAX_INDEXED_FILE_BYTES = 1024 * 1024;
/** How long an index of definitions is reused: a run lints hundreds of templates in seconds; an editor sees a new definition soon after. */
const INDEX_LIFETIME_MS = 5000;
const SKIPPED_FOLDERS = new Set(["node_modules", ".git"]);
interface DefinitionIndex {
	built: number;
	definitions: Map<string, string>;
	/** The folders listed and files read to build it: a definition added, changed or removed there changes what a call finds. */
	looked: string[];
}
const indexes = new Map<string, DefinitionIndex>();

/**
 * Where each Go template name is defined under `root` (`{{ define "footer" }}`
 * or `{{ block "footer" . }}`, in any Go template or HTML file): Go's
 * `ParseGlob` puts every definition of the set in reach of every file.
 * The first definition found wins; symbolic links are followed only to
 * files inside the root, never into folders.
 */
export function goDefinitionFile(name: string, root: string): string | undefined {
	const now = Date.now();
	let index = indexes.get(root);
	if (!index || now - index.built > INDEX_LIFETIME_MS) {
		index = { built: now, ...indexDefinitions(root) };
		indexes.set(root, index);
	}
	if (readsLogged()) for (const each of index.looked) noteRead(each);
	return index.definitions.get(name);
}

function indexDefinitions(root: string): Omit<DefinitionIndex, "built"> {
	const definitions = new Map<string, string>();
	const looked: string[] = [];
	const endings = [...ENGINE_EXTENSIONS.go, "html", "htm"].map((ending) => `.${ending}`);
	const pending = [root];
	let files = 0;
	let bytes = 0;
	while (pending.length > 0 && files < MAX_INDEXED_FILES && bytes < MAX_INDEXED_BYTES) {
		const folder = pending.pop()!;
		looked.push(folder);
		let entries: fs.Dirent[];
		try {
			entries = fs.readdirSync(folder, { withFileTypes: true });
		} catch {
			continue;
		}
		for (const entry of entries) {
			const full = path.join(folder, entry.name);
			if (entry.isDirectory()) {
				if (!SKIPPED_FOLDERS.has(entry.name)) pending.push(full);
				continue;
			}
			if (!endings.some((ending) => entry.name.toLowerCase().endsWith(ending))) continue;
			const located = realPathInside(full, root);
			if (!located.ok) continue;
			const read = readRegularFile(located.realPath, MAX_INDEXED_FILE_BYTES);
			if (!read.ok) continue;
			looked.push(full);
			files++;
			bytes += read.text.length;
			if (!read.text.includes("define") && !read.text.includes("block")) continue;
			const tree = buildTemplateTree(read.text, "go");
			for (const defined of [...tree.defines.keys(), ...tree.blocks.keys()])
				if (!definitions.has(defined)) definitions.set(defined, located.realPath);
		}
	}
	return { definitions, looked };
}
