/**
 * A fingerprint of the files the templates of a run are composed from, for
 * `--cache`. ESLint keys a cached result on the linted file and its config
 * only (see `lint-result-cache.js`: the file's content or metadata and a
 * hash of the computed config); a template's findings also depend on its
 * layout, its partials and its `mj-include`d files. The CLI puts this
 * digest into `settings`, as it does the campaign-file digest
 * (src/campaign/digest.ts), so a changed layout or partial changes the
 * config and the cached results are not reused.
 *
 * What a template is composed from is learnt by composing it the way the
 * lint does (the same language `parse`, with the sandbox's read log on):
 * every path looked at counts, found or not, so a partial written where
 * one was looked for and missing, or a nearer one that now shadows it,
 * changes the digest too; for Go templates, every folder searched for
 * `{{ define }}`s counts by the names in it. Only templates whose tags
 * compose (an engine's include, layout or partial tags; `mj-include` in
 * MJML) are parsed; the rest cost a read and a tag scan.
 *
 * One digest for the whole run, like the campaign one: a change to any
 * layout or partial re-lints every template, not only those using it.
 * That is coarse but never stale.
 */
import { createHash } from "node:crypto";
import type { Dirent } from "node:fs";
import path from "node:path";
import type { File, LanguageContext } from "@eslint/core";
import { collectUnder } from "../campaign/digest.js";
import { TemplateLanguage, type TemplateLanguageOptions } from "../languages/template-language.js";
import { fileFingerprint, realPathOf, statOf } from "../sandbox/file-fingerprint.js";
import { readRegularFile } from "../sandbox/guarded-read.js";
import { logReads } from "../sandbox/read-log.js";
import { engineOf } from "../template/engines.js";
import { buildTemplateTree } from "../template/composition/template-tree.js";
import { MAX_TEMPLATE_BYTES } from "../template/limits.js";
import { includeRootOf } from "./include-roots.js";

const MJML = /\.mjml$/iu;

/**
 * Hash of the paths (relative to `root`) and fingerprints of everything the
 * composing templates under `paths` (files and folders) look at when they
 * are composed, with the include root the run gives each (one of
 * `includeRoots`, else its project root).
 */
export function compositionDigest(root: string, paths: readonly string[], includeRoots: readonly string[]): string {
	const base = path.resolve(root);
	const realBase = realPathOf(base) ?? base;
	const templates = new Set<string>();
	for (const each of paths.map((given) => path.resolve(base, given))) {
		if (statOf(each)?.isDirectory()) collectUnder(each, templates, mayCompose);
		else if (MJML.test(each) || engineOf(each)) templates.add(each);
	}
	const looked = new Set<string>();
	for (const template of [...templates].sort()) {
		const mjml = MJML.test(template);
		const real = realPathOf(template);
		if (real === undefined) continue;
		const read = readRegularFile(real, MAX_TEMPLATE_BYTES);
		if (!read.ok || !composes(read.text, template, mjml)) continue;
		const language = mjml ? MJML_LANGUAGE : HTML_LANGUAGE;
		const file = { id: template, path: template, physicalPath: template, body: read.text, bom: false } as File;
		const includeRoot = includeRootOf(template, includeRoots);
		const context = { languageOptions: { includeRoot } } as LanguageContext<TemplateLanguageOptions>;
		const { paths: seen } = logReads(() => language.parse(file, context));
		for (const each of seen) looked.add(each);
	}
	const hash = createHash("sha256");
	for (const each of [...looked].sort()) {
		hash.update(path.relative(base, each).split(path.sep).join("/"));
		hash.update("\0");
		hash.update(fileFingerprint(each, realBase, true));
		hash.update("\0");
	}
	return hash.digest("hex");
}

const MJML_LANGUAGE = new TemplateLanguage({ format: "mjml" });
const HTML_LANGUAGE = new TemplateLanguage({ format: "html" });

function mayCompose(_directory: string, entry: Dirent): boolean {
	return !entry.isDirectory() && (MJML.test(entry.name) || engineOf(entry.name) !== undefined);
}

/** Whether the lint would read other files to compose this template (the same tests its parse makes). */
function composes(text: string, file: string, mjml: boolean): boolean {
	if (mjml) return /mj-include/iu.test(text);
	const engine = engineOf(file);
	return engine !== undefined && buildTemplateTree(text, engine).composes;
}
