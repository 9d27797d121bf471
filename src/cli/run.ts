import { existsSync } from "node:fs";
import path from "node:path";
import type { ESLint } from "eslint";
import { packageInfo } from "../package-info.js";
import { HELP_TEXT, parseCliOptions, type CliOptions } from "./options.js";
import type { AssumedFacts } from "./assumed-facts.js";
import { UsageError } from "./usage-error.js";
import { terminalWidth, wrapText } from "../formatters/wrap.js";
import type { LintRequest } from "./eslint-options.js";
import type { BatchOptions, JsonOutput } from "./batches.js";
import type { RefusedFile } from "./file-guard.js";
import { findOwnReports, ownReportsNote } from "./own-reports.js";
import { effectiveConcurrency } from "./concurrency.js";
import { includeRootsFor } from "./include-roots.js";

export interface CliIo {
	/** `once("drain")` lets a long JSON report wait for a slow pipe instead of queueing in memory. */
	stdout: JsonOutput & { isTTY?: boolean; columns?: number };
	/** `isTTY` decides whether progress is shown on long runs. */
	stderr: { write(text: string): unknown; isTTY?: boolean };
	cwd: string;
	/** For `CI`, which turns progress output off; the process environment when absent. */
	env?: NodeJS.ProcessEnv;
	/** How large runs are split; `DEFAULT_BATCHES` (batches.ts) when absent (tests make batches small). */
	batches?: BatchOptions;
}

const TEMPLATE_KINDS =
	"*.mjml, *.html, *.htm, HTML for a template engine (*.hbs, *.liquid, *.njk, *.twig, *.tpl, *.html.erb…), a template's plain-text part (NAME.txt beside NAME.html), *.eml, *.sms.txt, *.whatsapp.json and *.campaign.yaml|yml|json sidecars";
const BUILT_IN_FORMATS =
	"stylish, json, json-with-metadata, sarif, junit, html, an eslint-formatter-* package or a formatter file";
const GLOB_CHARACTERS = /[*?[\]{}!]/;

/**
 * The whole `mailcomply` command, in-process: results go to `io.stdout`,
 * messages to `io.stderr`. Resolves to the exit code and never throws.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
	let debug = argv.includes("--debug");
	try {
		const options = parseCliOptions(argv);
		debug = options.debug;
		if (options.help) {
			io.stdout.write(HELP_TEXT);
			return 0;
		}
		if (options.version) {
			io.stdout.write(`${packageInfo.version}\n`);
			return 0;
		}
		if (options.init) {
			const { initProject, initSummary } = await import("./init.js");
			io.stdout.write(initSummary(initProject(io.cwd)));
			return 0;
		}
		if (options.printRules) {
			await printRules(options, io);
			return 0;
		}
		return await lint(options, io);
	} catch (error) {
		io.stderr.write(`mailcomply: ${describeError(error)}\n`);
		if (debug && !(error instanceof UsageError) && error instanceof Error && error.stack) {
			io.stderr.write(`${error.stack}\n`);
		}
		return 2;
	}
}

async function lint(options: CliOptions, io: CliIo): Promise<number> {
	const { cwd } = io;
	checkPathsExist(options, cwd);

	// Loaded only now so that --help, --version and usage errors stay instant.
	const [
		{ ESLint },
		{ createEslintOptions, createOptionsModuleUrl },
		{ sidecarDigest },
		{ compositionDigest },
		formats,
		progress,
		batching,
		fileGuard,
		unread,
		{ AssumedFacts },
		namedFiles,
		webPageFilter,
	] = await Promise.all([
		import("eslint"),
		import("./eslint-options.js"),
		import("../campaign/digest.js"),
		import("./composition-digest.js"),
		import("./formats.js"),
		import("./progress.js"),
		import("./batches.js"),
		import("./file-guard.js"),
		import("./unread-files.js"),
		import("./assumed-facts.js"),
		import("./named-files.js"),
		import("./web-pages.js"),
	]);

	// ESLint lints only files below its cwd; `mailcomply ../templates` means those templates.
	const root = lintRoot(cwd, options.patterns);
	const configFileGiven = options.config !== undefined;
	const givenPatterns = root === cwd ? options.patterns : options.patterns.map((pattern) => path.resolve(cwd, pattern));
	// The folders the user chose: the one they run in, and any they name outside it (src/cli/include-roots.ts).
	const bases = patternBases(cwd, options.patterns);
	const includeRoots = includeRootsFor(cwd, bases);
	// Where ESLint would start no worker thread, the run is one-threaded and batched like `off`.
	const concurrency = effectiveConcurrency(options.concurrency);
	const request: LintRequest = {
		cwd: root,
		configFile: options.config === undefined ? undefined : path.resolve(cwd, options.config),
		quiet: options.quiet,
		countWarnings: options.maxWarnings >= 0,
		fix: options.fix || options.fixDryRun,
		cache: options.cache,
		cacheLocation: options.cacheLocation,
		cacheStrategy: options.cacheStrategy,
		concurrency,
		ignorePatterns: options.ignorePatterns,
		// Only the cache needs these: they cost a read of every campaign file and composing template the run depends on.
		sidecarDigest: options.cache ? sidecarDigest(root, bases) : undefined,
		compositionDigest: options.cache ? compositionDigest(root, bases, configFileGiven ? [] : includeRoots) : undefined,
		includeRoots,
	};
	const createEslint = async (): Promise<ESLint> =>
		concurrency === "off"
			? new ESLint(createEslintOptions(request))
			: await ESLint.fromOptionsModule(createOptionsModuleUrl(request));
	let eslint = await createEslint();

	if (options.printConfig !== undefined) {
		const config: unknown = await eslint.calculateConfigForFile(options.printConfig);
		if (config === undefined) {
			throw new UsageError(`no configuration applies to ${options.printConfig} (not a template, or ignored)`);
		}
		io.stdout.write(`${JSON.stringify(config, null, "\t")}\n`);
		return 0;
	}

	// `mailcomply emails/*` names the images there too: ESLint would warn about each.
	const given = await namedFiles.setAsideNonTemplates(eslint, root, givenPatterns, TEMPLATE_KINDS);
	if (given.notice) io.stderr.write(given.notice);
	const patterns = given.patterns;
	if (patterns.length === 0) {
		if (!given.notice)
			io.stderr.write(
				`mailcomply: none of the ${given.skipped} files given is a template or campaign sidecar (mailcomply lints ${TEMPLATE_KINDS})\n`,
			);
		return 0;
	}

	// ESLint reads each file before mailcomply can refuse it: a FIFO would hang the run, /dev/zero end it. Those are kept out of its hands.
	let refused = await fileGuard.findRefusedFiles(eslint, root, patterns);
	// Web pages among the HTML files are not judged as mail (src/analyses/web-page.ts).
	let webPages = await webPageFilter.findWebPages(
		eslint,
		root,
		patterns,
		new Set(refused.map((file) => file.filePath)),
	);
	// mailcomply's own HTML reports (this run's -o file, or one an earlier run wrote into the folder) are no templates.
	const ownReports = findOwnReports(
		root,
		patterns,
		options.outputFile === undefined ? undefined : path.resolve(cwd, options.outputFile),
		new Set([...refused, ...webPages].map((file) => file.filePath)),
	);
	const ownReportsSaid = ownReportsNote(ownReports, cwd);
	if (ownReportsSaid) io.stderr.write(ownReportsSaid);
	// With --shard, this run lints its part of the files, named one by one; refused files and web pages are reported by the part they fall in.
	const sharded =
		options.shard === undefined
			? undefined
			: await (await import("./shard.js")).filesOfShard(eslint, root, patterns, options.shard);
	if (sharded?.all === 0) throw new UsageError(noTemplatesMessage(options.patterns));
	let shardFiles = sharded?.files;
	if (shardFiles !== undefined) {
		const inShard = new Set(shardFiles);
		const notLinted = new Set([...refused, ...webPages, ...ownReports].map((file) => file.filePath));
		refused = refused.filter((file) => inShard.has(file.filePath));
		webPages = webPages.filter((file) => inShard.has(file.filePath));
		shardFiles = shardFiles.filter((file) => !notLinted.has(file));
	}
	const leftOut = [...refused, ...webPages, ...ownReports];
	let lintPatterns = shardFiles ?? patterns;
	if (leftOut.length > 0) {
		request.ignorePatterns = [...request.ignorePatterns, ...fileGuard.ignorePatternsFor(leftOut, root)];
		eslint = await createEslint();
		const named = new Set(leftOut.filter((file) => file.named).map((file) => file.filePath));
		lintPatterns = lintPatterns.filter((pattern) => !named.has(path.resolve(root, pattern)));
	}
	const webPagesNote = webPageFilter.webPagesNote(webPages, cwd);

	const formatter =
		(await formats.ownFormatter(eslint, options.format, cwd)) ?? (await loadFormatter(eslint, options.format));
	// -o: opened before the run, so that a report that cannot be written fails at once, not after it.
	const reportFile =
		options.outputFile === undefined
			? undefined
			: (await import("./output-file.js")).openReportFile(cwd, options.outputFile);
	try {
		return await lintAndReport();
	} finally {
		reportFile?.close();
	}

	async function lintAndReport(): Promise<number> {
		const report = reportFile ?? io.stdout;
		const showProgress = progress.shouldShowProgress(
			io.stderr,
			io.env ?? process.env,
			formats.MACHINE_FORMATS.has(options.format),
		);
		const stopProgress = showProgress ? progress.startProgress(io.stderr) : () => {};
		// Worker threads hand their results back at the end anyway: batches only pay off in one thread.
		const batchOptions = io.batches ?? batching.DEFAULT_BATCHES;
		const batchFiles =
			concurrency !== "off"
				? undefined
				: (shardFiles ??
					(lintPatterns.length > 0
						? await batching.templatesToBatch(eslint, root, lintPatterns, batchOptions)
						: undefined));
		// A file ESLint cannot read when it gets to it (deleted since, unreadable) is left out, and the rest linted again.
		const ignoring = request.ignorePatterns;
		const leavingOut = async (files: readonly RefusedFile[]): Promise<ESLint> => {
			request.ignorePatterns = [...ignoring, ...fileGuard.ignorePatternsFor(files, root)];
			return createEslint();
		};
		const linting = batchFiles
			? batching.lintInBatches((files) => unread.lintListedFiles(eslint, files), batchFiles, batchOptions.size)
			: allAtOnce(eslint, root, lintPatterns, leftOut.length > 0, leavingOut);
		const batches = withRefused(fileGuard.refusedResults(refused), linting);
		// A JSON array can be written as it comes; other formats get the results once, without the template texts when they never read them.
		const json = batchFiles && options.format === "json" ? new batching.JsonArrayWriter(report) : undefined;
		const dropSources = batchFiles !== undefined && formats.FORMATS_WITHOUT_SOURCE.has(options.format);
		const kept: ESLint.LintResult[] = [];
		const texts = new Map<string, string>();
		// What was assumed for templates without declared facts: said once, under a report meant for people.
		const assumed = formats.MACHINE_FORMATS.has(options.format) ? undefined : new AssumedFacts();
		// What --fix left because a rule option does not allow it: said once, at the end.
		const fixHints = options.fix || options.fixDryRun ? new (await import("./fix-hints.js")).FixHints() : undefined;
		let linted = 0;
		let errorCount = 0;
		let warningCount = 0;
		// Files changed after this may have changed after ESLint read them: --fix checks them before writing.
		const started = Date.now();
		try {
			for await (const batch of batches) {
				linted += batch.length;
				if (options.fix) {
					const { writeFixes } = await import("./write-fixes.js");
					await writeFixes(batch, {
						since: started,
						refix: async (text, filePath) => (await eslint.lintText(text, { filePath }))[0]?.output ?? text,
					});
				}
				fixHints?.add(batch);
				if (assumed)
					for (const result of batch)
						assumed.add(
							result.filePath,
							(await eslint.calculateConfigForFile(result.filePath)) as Parameters<AssumedFacts["add"]>[1],
						);
				errorCount += sum(batch, (result) => result.errorCount);
				warningCount += sum(batch, (result) => result.warningCount);
				const shown = options.quiet ? ESLint.getErrorResults(batch) : batch;
				if (json) {
					await json.write(shown);
					continue;
				}
				for (const result of shown) {
					if (dropSources) batching.slimResult(result, texts);
					kept.push(result);
				}
			}
		} finally {
			stopProgress();
		}
		// Only web pages found: nothing to lint is then the right answer, and the note says why. A shard may draw no file when there are fewer files than shards.
		if (linted === 0 && !webPagesNote && sharded === undefined) {
			throw new UsageError(noTemplatesMessage(options.patterns));
		}

		const tooManyWarnings = options.maxWarnings >= 0 && warningCount > options.maxWarnings;
		const resultsMeta: ESLint.ResultsMeta = {};
		if (options.color !== undefined || reportFile) {
			// A file gets no colour codes unless asked for.
			resultsMeta.color = options.color ?? false;
		}
		if (options.format === "stylish") {
			// The terminal layout (src/formatters/terminal.ts) fits the terminal, colours only a terminal, and counts files that had nothing to show.
			Object.assign(resultsMeta, {
				width: reportFile ? undefined : terminalWidth(io.stdout, io.env ?? process.env),
				color: resultsMeta.color ?? (io.stdout.isTTY === true && !(io.env ?? process.env)["NO_COLOR"]),
				filesChecked: linted,
			});
		}
		if (tooManyWarnings) {
			resultsMeta.maxWarningsExceeded = { maxWarnings: options.maxWarnings, foundWarnings: warningCount };
		}
		let printed = false;
		if (json) {
			json.end();
		} else {
			const output = await formatter.format(kept, resultsMeta);
			if (output) {
				report.write(output.endsWith("\n") ? output : `${output}\n`);
				printed = true;
				// Only beside findings: a clean run stays silent, as linters do.
				const summary = assumed?.summary();
				if (summary)
					report.write(
						`\n${wrapText(summary, reportFile ? 80 : terminalWidth(io.stdout, io.env ?? process.env)).join("\n")}\n`,
					);
			}
		}
		// Said on a clean run too: a file that was not linted must not pass for a clean one. Machine formats keep stdout to themselves.
		if (webPagesNote) {
			if (formats.MACHINE_FORMATS.has(options.format)) io.stderr.write(webPagesNote);
			else report.write(printed ? `\n${webPagesNote}` : webPagesNote);
		}
		if (reportFile) {
			const { reportWrittenLine } = await import("./output-file.js");
			io.stdout.write(
				reportWrittenLine({ errors: errorCount, warnings: warningCount, files: linted }, reportFile.name),
			);
		}
		const fixHint = fixHints?.summary();
		if (fixHint) io.stderr.write(fixHint);
		if (tooManyWarnings && errorCount === 0) {
			io.stderr.write(`mailcomply: too many warnings (${warningCount} found, maximum ${options.maxWarnings})\n`);
		}
		return errorCount > 0 || tooManyWarnings ? 1 : 0;
	}
}

/**
 * `someRefused`: files were kept from ESLint, so a pattern left with nothing to lint is no usage error (and no pattern left means nothing to lint).
 * A file ESLint could not read is dropped from the patterns when named, else ignored by the ESLint `leavingOut` makes.
 */
async function* allAtOnce(
	eslint: ESLint,
	root: string,
	patterns: string[],
	someRefused: boolean,
	leavingOut: (files: readonly RefusedFile[]) => Promise<ESLint>,
): AsyncGenerator<ESLint.LintResult[]> {
	if (patterns.length === 0) return;
	const { lintAroundUnreadFiles } = await import("./unread-files.js");
	yield await lintAroundUnreadFiles(async (unread) => {
		if (unread.length === 0) return lintFiles(eslint, patterns, someRefused);
		const isNamed = (file: RefusedFile): boolean =>
			patterns.some((pattern) => path.resolve(root, pattern) === file.filePath);
		const left = patterns.filter((pattern) => !unread.some((file) => file.filePath === path.resolve(root, pattern)));
		return left.length === 0 ? [] : lintFiles(await leavingOut(unread.filter((file) => !isNamed(file))), left, true);
	});
}

async function* withRefused(
	refused: ESLint.LintResult[],
	batches: AsyncGenerator<ESLint.LintResult[]>,
): AsyncGenerator<ESLint.LintResult[]> {
	if (refused.length > 0) yield refused;
	yield* batches;
}

async function printRules(options: CliOptions, io: CliIo): Promise<void> {
	const [{ default: plugin }, { formatRuleList, summariseRules }] = await Promise.all([
		import("../../plugin/index.js"),
		import("./rule-catalog.js"),
	]);
	const summaries = summariseRules(plugin.rules);
	if (options.format === "json") {
		io.stdout.write(`${JSON.stringify(summaries, null, "\t")}\n`);
	} else if (options.format === "stylish") {
		io.stdout.write(formatRuleList(summaries));
	} else {
		throw new UsageError(`--print-rules prints a table, or JSON with --format json; not "${options.format}"`);
	}
}

/** The directories the patterns point into: a path itself, or a glob's part before its first wildcard. */
function patternBases(cwd: string, patterns: readonly string[]): string[] {
	return patterns.map((pattern) => {
		const wildcard = pattern.search(GLOB_CHARACTERS);
		const literal = wildcard === -1 ? pattern : path.dirname(`${pattern.slice(0, wildcard)}x`);
		return path.resolve(cwd, literal);
	});
}

/** The deepest directory holding the current directory and every path given. */
function lintRoot(cwd: string, patterns: readonly string[]): string {
	let root = cwd;
	for (const base of patternBases(cwd, patterns)) {
		while (path.relative(root, base).startsWith("..")) root = path.dirname(root);
	}
	return root;
}

function checkPathsExist(options: CliOptions, cwd: string): void {
	if (options.config !== undefined && !existsSync(path.resolve(cwd, options.config))) {
		throw new UsageError(`no such file or directory: ${options.config}`);
	}
	for (const pattern of options.patterns) {
		// A glob that matches nothing is reported by ESLint as "no templates".
		if (!existsSync(path.resolve(cwd, pattern)) && !GLOB_CHARACTERS.test(pattern)) {
			throw new UsageError(`no such file or directory: ${pattern}`);
		}
	}
}

async function loadFormatter(eslint: ESLint, format: string): Promise<ESLint.LoadedFormatter> {
	try {
		return await eslint.loadFormatter(format);
	} catch (error) {
		const missing =
			(error as { code?: string }).code === "ERR_MODULE_NOT_FOUND" ||
			/no longer part of core ESLint/.test((error as Error).message);
		throw new UsageError(
			missing
				? `unknown format "${format}"; use ${BUILT_IN_FORMATS}`
				: `cannot load format "${format}": ${oneLine((error as Error).message)}`,
			{ cause: error },
		);
	}
}

async function lintFiles(eslint: ESLint, patterns: string[], someRefused: boolean): Promise<ESLint.LintResult[]> {
	try {
		return await eslint.lintFiles(patterns);
	} catch (error) {
		const { messageTemplate, messageData } = error as { messageTemplate?: string; messageData?: { pattern?: string } };
		// "All files ignored" mostly means only scripts were found, which the
		// zero config ignores: to the user, both say "no templates here".
		if (messageTemplate === "file-not-found" || messageTemplate === "all-matched-files-ignored") {
			if (someRefused) return [];
			throw new UsageError(noTemplatesMessage([messageData?.pattern ?? patterns.join(" ")]), { cause: error });
		}
		throw error;
	}
}

function noTemplatesMessage(patterns: string[]): string {
	return `no templates found in ${patterns.map((pattern) => `"${pattern}"`).join(", ")} (looked for ${TEMPLATE_KINDS})`;
}

function describeError(error: unknown): string {
	if (error instanceof Error) {
		if (error instanceof UsageError) {
			return error.message;
		}
		const { code, path: filePath } = error as { code?: string; path?: string };
		if (code === "ENOENT" && filePath) {
			return `no such file or directory: ${filePath}`;
		}
		return oneLine(error.message);
	}
	return oneLine(String(error));
}

// ESLint's errors add "Occurred while linting …" and "Rule: …" on new lines.
function oneLine(message: string): string {
	return message
		.trim()
		.split(/\n/u)
		.map((line) => line.trim())
		.filter((line) => line !== "")
		.join("; ");
}

function sum(results: ESLint.LintResult[], count: (result: ESLint.LintResult) => number): number {
	return results.reduce((total, result) => total + count(result), 0);
}
