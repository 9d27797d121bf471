/**
 * The HTML files of a run that are plainly web pages (src/analyses/web-page.ts
 * says how that is decided), found before linting so that ESLint never judges
 * them as mail. The CLI lints every `.html` file it is given, and the
 * pre-commit hook and the lint-staged example give it every staged one: a
 * repository's web pages would otherwise block commits with "This marketing
 * e-mail has no unsubscribe link". The run says once which files it skipped,
 * and how to lint one as a mail anyway.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { ESLint } from "eslint";
import { isMailTemplatePath } from "../../plugin/files.js";
import { classifyWebPage, mayHavePageFeatures, type PageFeature } from "../analyses/web-page.js";
import { TemplateLanguage, type TemplateLanguageOptions } from "../languages/template-language.js";
import { forEachFile } from "./file-guard.js";

export interface SkippedWebPage {
	/** Absolute path, as ESLint would name the file. */
	filePath: string;
	/** Whether the file was named on the command line (then it is dropped from the patterns, not ignored). */
	named: boolean;
	features: PageFeature[];
}

interface FileConfig {
	language?: { format?: unknown };
	languageOptions?: TemplateLanguageOptions;
}

/**
 * The web pages among the files `patterns` (relative to `cwd`, ESLint's cwd)
 * would lint with the `mailcomply/html` language, leaving out `refused`
 * files (the file guard keeps those from being read at all).
 */
export async function findWebPages(
	eslint: ESLint,
	cwd: string,
	patterns: readonly string[],
	refused: ReadonlySet<string>,
): Promise<SkippedWebPage[]> {
	const candidates = new Map<string, boolean>();
	forEachFile(cwd, patterns, (file, named) => {
		if (!candidates.has(file) && !refused.has(file)) candidates.set(file, named);
	});
	const language = new TemplateLanguage({ format: "html" });
	const pages: SkippedWebPage[] = [];
	for (const [filePath, named] of candidates) {
		const config = (await eslint.calculateConfigForFile(filePath)) as FileConfig | undefined;
		if (config?.language?.format !== "html") continue;
		let body: string;
		try {
			body = readFileSync(filePath, "utf8");
		} catch {
			// Gone or unreadable: ESLint's own read reports it (src/cli/unread-files.ts).
			continue;
		}
		// Parsing every template twice would cost a run a tenth of its time: a file without a tag any page feature needs is a mail.
		if (!mayHavePageFeatures(body)) continue;
		const file = { path: filePath, physicalPath: filePath, bom: false, body };
		const context = { languageOptions: config.languageOptions ?? {} };
		const parsed = language.parse(file, context);
		// A file mailcomply cannot parse gets its error from the lint, as a mail.
		if (!parsed.ok) continue;
		const verdict = classifyWebPage(language.createSourceCode(file, parsed, context), {
			inMailFolder: inMailFolder(cwd, filePath),
		});
		if (verdict.webPage) pages.push({ filePath, named, features: verdict.evidence.features });
	}
	return pages.sort((a, b) => a.filePath.localeCompare(b.filePath));
}

/**
 * Whether a file follows the `recommended` config's convention for HTML mail
 * (an `emails/`, `newsletter/`… folder, a `*.email.html` name). The path is
 * taken from the folder above the run's, so that running inside `emails/`
 * still counts it.
 */
function inMailFolder(cwd: string, filePath: string): boolean {
	return isMailTemplatePath(path.relative(path.dirname(cwd), filePath));
}

const LISTED = 3;

const FEATURE_WORDS: ReadonlyArray<[PageFeature, string]> = [
	["script", "scripts"],
	["navigation", "a site navigation"],
	["embedded content", "embedded frames"],
	["site head link", "a favicon or canonical link"],
	["form", "a form"],
];

/** One paragraph for the end of the run, or undefined when no file was skipped. */
export function webPagesNote(pages: readonly SkippedWebPage[], cwd: string): string | undefined {
	if (pages.length === 0) return undefined;
	const names = pages.slice(0, LISTED).map((page) => path.relative(cwd, page.filePath) || path.basename(page.filePath));
	const more = pages.length > LISTED ? ` and ${pages.length - LISTED} more` : "";
	const features = new Set(pages.flatMap((page) => page.features));
	const found = FEATURE_WORDS.filter(([feature]) => features.has(feature)).map(([, words]) => words);
	const count = pages.length === 1 ? "1 file as a web page" : `${pages.length} files as web pages`;
	return (
		`mailcomply skipped ${count}, not mail (${found.join(", ")}; no mail markers): ${names.join(", ")}${more}. ` +
		`To lint one as a mail, put <!-- mailcomply: mail --> in it.\n`
	);
}
