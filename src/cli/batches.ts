import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { ESLint } from "eslint";
import { SIDECAR_NAME, TEMPLATE_EXTENSION } from "../campaign/sidecar.js";
import { isTextPartFile } from "../text-message/text-part-file.js";

/**
 * Large runs, linted a batch of templates at a time. `lintFiles` answers
 * with every result at once, and a result with findings carries the whole
 * text of its template: over 10,000 templates the CLI held hundreds of MB
 * until the report was written. A batch's results are written out (JSON) or
 * slimmed (other formats) before the next batch is read.
 */
export interface BatchOptions {
	/** From this many templates on, the run goes in batches. */
	threshold: number;
	size: number;
}

export const DEFAULT_BATCHES: BatchOptions = { threshold: 1000, size: 500 };

/** The directories ESLint never enters: its own default ignores. */
export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(["node_modules", ".git"]);

/**
 * The templates a run over `patterns` lints, in path order, when they are
 * enough to batch; undefined otherwise, and whenever a pattern is not a
 * directory (a glob or a file: ESLint's own rules for those apply unchanged).
 * A file counts when a config applies to it and does not ignore it, as
 * `isPathIgnored` says: the question ESLint asks of each file it finds.
 */
export async function templatesToBatch(
	eslint: ESLint,
	cwd: string,
	patterns: readonly string[],
	options: BatchOptions,
): Promise<string[] | undefined> {
	const directories = patterns.map((pattern) => path.resolve(cwd, pattern));
	if (directories.length === 0 || !directories.every(isDirectory)) return undefined;
	const found = new Set<string>();
	for (const directory of directories) collectFiles(directory, found);
	// Asking ESLint about every file of a large project with few templates would cost more than batching saves:
	// decide on the files named as templates or sidecars, then ask about all of them.
	let named = 0;
	for (const file of found) if (isNamedAsTemplate(file) || SIDECAR_NAME.test(file)) named++;
	if (named < options.threshold) return undefined;
	const templates: string[] = [];
	for (const file of [...found].sort()) {
		if (!(await eslint.isPathIgnored(file))) templates.push(file);
	}
	return templates.length < options.threshold ? undefined : templates;
}

/**
 * A file whose name makes it a template. `TEMPLATE_EXTENSION` takes every
 * `.txt` (a text part shares its template's sidecar), but a project's other
 * `.txt` files (READMEs, licences, test data) are no templates: a `.txt`
 * counts only as an SMS template or beside the template it is the text of.
 */
function isNamedAsTemplate(file: string): boolean {
	if (!TEMPLATE_EXTENSION.test(file)) return false;
	return !/\.(?:txt|text)$/iu.test(file) || /\.sms\.txt$/iu.test(file) || isTextPartFile(file);
}

/** `files` a batch at a time, each batch linted by `lint` (ESLint's `lintFiles`, going around files that went missing). */
export async function* lintInBatches(
	lint: (files: string[]) => Promise<ESLint.LintResult[]>,
	files: readonly string[],
	size: number,
): AsyncGenerator<ESLint.LintResult[]> {
	for (let start = 0; start < files.length; start += size) {
		yield await lint(files.slice(start, start + size));
	}
}

/**
 * A result as a large run keeps it until the report: without the template
 * text, and with each message text stored once however many files share it
 * (most findings of a brand's templates read alike).
 */
export function slimResult(result: ESLint.LintResult, texts: Map<string, string>): void {
	// An empty source costs nothing and says the file was not read (src/cli/file-guard.ts): without it, the HTML report would read the file itself.
	if (result.source !== "") delete result.source;
	const shared = (text: string): string => {
		const known = texts.get(text);
		if (known !== undefined) return known;
		texts.set(text, text);
		return text;
	};
	for (const message of result.messages) {
		message.message = shared(message.message);
		for (const suggestion of message.suggestions ?? []) {
			suggestion.desc = shared(suggestion.desc);
			suggestion.fix.text = shared(suggestion.fix.text);
		}
	}
}

/** Writes what ESLint's `json` format writes, `JSON.stringify(results)`, a batch at a time. */
export class JsonArrayWriter {
	#first = true;

	constructor(private readonly stdout: JsonOutput) {
		stdout.write("[");
	}

	async write(results: readonly ESLint.LintResult[]): Promise<void> {
		let accepted: unknown = true;
		// One write per result: a batch as one string would be a buffer of tens of MB outside the JS heap each time.
		for (const result of results) {
			accepted = this.stdout.write(`${this.#first ? "" : ","}${JSON.stringify(result)}`);
			this.#first = false;
		}
		// A pipe (a CI log, `| tee`) takes output slower than batches come: without waiting, every batch would queue in memory.
		if (accepted === false && this.stdout.once)
			await new Promise<void>((resolve) => this.stdout.once!("drain", () => resolve()));
	}

	end(): void {
		this.stdout.write("]\n");
	}
}

/** Where the JSON goes: stdout, or what a test gives; `once("drain")` when it can tell that it is full. */
export interface JsonOutput {
	write(text: string): unknown;
	once?(event: "drain", listener: () => void): unknown;
}

function collectFiles(directory: string, found: Set<string>): void {
	// As ESLint's walk: a symbolic link is an entry like a file, never a directory to enter.
	for (const entry of readdirSync(directory, { withFileTypes: true })) {
		const full = path.join(directory, entry.name);
		if (!entry.isDirectory()) found.add(full);
		else if (!SKIPPED_DIRECTORIES.has(entry.name)) collectFiles(full, found);
	}
}

function isDirectory(candidate: string): boolean {
	return statSync(candidate, { throwIfNoEntry: false })?.isDirectory() ?? false;
}
