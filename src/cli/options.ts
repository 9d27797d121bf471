import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./usage-error.js";
import type { Shard } from "./shard.js";

export type Concurrency = number | "auto" | "off";
export type CacheStrategy = "metadata" | "content";

/** The command line after parsing and validation. */
export interface CliOptions {
	patterns: string[];
	config: string | undefined;
	format: string;
	/** -o: the report goes to this file (relative to the working directory), a summary line to stdout. */
	outputFile: string | undefined;
	/** -1 means no limit, as in ESLint. */
	maxWarnings: number;
	quiet: boolean;
	fix: boolean;
	fixDryRun: boolean;
	cache: boolean;
	cacheLocation: string | undefined;
	cacheStrategy: CacheStrategy | undefined;
	concurrency: Concurrency;
	/** This run lints only its part of the files (`--shard i/n`). */
	shard: Shard | undefined;
	ignorePatterns: string[];
	/** Undefined lets the formatter decide from the terminal. */
	color: boolean | undefined;
	printConfig: string | undefined;
	printRules: boolean;
	init: boolean;
	debug: boolean;
	help: boolean;
	version: boolean;
}

export const HELP_TEXT = `Usage: mailcomply [options] [paths or globs...]

Lints e-mail templates (*.mjml, *.html, *.htm, and HTML written for Handlebars,
Mustache, Liquid, Nunjucks/Jinja, Twig, Go templates or ERB: *.hbs, *.handlebars,
*.mustache, *.liquid, *.njk, *.nunjucks, *.jinja, *.jinja2, *.j2, *.twig, *.tpl,
*.gohtml, *.tmpl, *.html.erb) and their campaign sidecars (NAME.campaign.yaml,
.yml or .json, next to the template) for e-mail marketing compliance. Paths default to the current directory. No configuration file is
needed: the recommended rules apply to every template found. node_modules and
.git are never linted, nor HTML files that are plainly web pages (scripts or a
site navigation, no mail markers; <!-- mailcomply: mail --> in a file makes it
a mail).

Options:
  -c, --config <file>          Use this ESLint flat config file (e.g. your
                               eslint.config.js) instead of the built-in
                               zero configuration
  -f, --format <name|path>     Output format: stylish (default), json,
                               json-with-metadata, sarif (GitHub code
                               scanning), junit (CI test reports), html (a
                               report to open in a browser), or any ESLint
                               formatter package or file
  -o, --output-file <file>     Write the report to this file (creating its
                               folders) and print only a summary line
      --max-warnings <n>       Exit with code 1 when more than n warnings
                               are found (default: -1, no limit)
  -q, --quiet                  Report errors only
      --fix                    Write automatic fixes to the files
      --fix-dry-run            Compute fixes without writing them (use with
                               --format json to see the fixed output)
      --cache                  Only lint files that changed since the last
                               run; any change to a sidecar re-lints all
      --cache-location <path>  Cache file or directory (default: .eslintcache)
      --cache-strategy <s>     metadata (default) or content
      --concurrency <n|auto|off>
                               Lint on n worker threads (default: off;
                               auto is ESLint's: a thread per 50 files, at
                               most half the cores, none rather than one)
      --shard <i/n>            Lint only part i of n: every file is in exactly
                               one part, the same on every machine, parts
                               balanced by size (one CI job per part)
      --ignore-pattern <glob>  Skip matching files; may be repeated
      --color, --no-color      Force colored output on or off
      --print-config <file>    Print the configuration used for a file
      --print-rules            List the rules with their languages,
                               jurisdictions and recommended severity
                               (as JSON with --format json)
      --init                   Write a starter eslint.config.js and a
                               commented defaults.campaign.yaml here; never
                               overwrites a file
      --debug                  Show stack traces for internal errors
  -h, --help                   Show this help
  -v, --version                Show the version

Campaign facts:
  Without them, mailcomply reads each template's kind from its content (a
  mail that promotes, or says too little, is marketing) and assumes no
  country's law, so only duties that hold in every jurisdiction are checked;
  findings that rest on the assumed kind say so. Declare the facts once for a
  folder and everything below it in defaults.campaign.yaml (kind, audience:
  countries, esp, sender; --init writes one), per template in
  NAME.campaign.yaml beside NAME.mjml or NAME.html (which wins), or in ESLint
  settings.mailcomply.campaign (under both).

Exit codes:
  0  No errors, and no more warnings than --max-warnings allows
  1  Errors found, or more warnings than --max-warnings allows
  2  Usage or internal error: unknown option or format, a path that does not
     exist, no templates found under the given paths, a broken config file,
     --init finding a file it would overwrite

Examples:
  mailcomply                          Lint every template under .
  mailcomply emails/ "newsletters/**/*.mjml"
  mailcomply --format json > mailcomply-report.json
  mailcomply --format sarif > mailcomply.sarif
  mailcomply --format html -o reports/mailcomply.html
  mailcomply --max-warnings 0 --cache
  mailcomply --config eslint.config.js src/emails
`;

const OPTION_SPEC = {
	config: { type: "string", short: "c" },
	format: { type: "string", short: "f", default: "stylish" },
	"output-file": { type: "string", short: "o" },
	"max-warnings": { type: "string" },
	quiet: { type: "boolean", short: "q", default: false },
	fix: { type: "boolean", default: false },
	"fix-dry-run": { type: "boolean", default: false },
	cache: { type: "boolean", default: false },
	"cache-location": { type: "string" },
	"cache-strategy": { type: "string" },
	concurrency: { type: "string", default: "off" },
	shard: { type: "string" },
	"ignore-pattern": { type: "string", multiple: true, default: [] as string[] },
	color: { type: "boolean" },
	"print-config": { type: "string" },
	"print-rules": { type: "boolean", default: false },
	init: { type: "boolean", default: false },
	debug: { type: "boolean", default: false },
	help: { type: "boolean", short: "h", default: false },
	version: { type: "boolean", short: "v", default: false },
} satisfies ParseArgsConfig["options"];

/** @throws {UsageError} for anything the user has to correct. */
export function parseCliOptions(argv: readonly string[]): CliOptions {
	let parsed;
	try {
		parsed = parseArgs({
			args: [...argv],
			options: OPTION_SPEC,
			allowPositionals: true,
			allowNegative: true,
			strict: true,
		});
	} catch (error) {
		throw new UsageError(describeParseError(error));
	}
	const { values, positionals } = parsed;
	return {
		patterns: positionals.length > 0 ? positionals : ["."],
		config: nonEmpty(values.config, "--config"),
		format: nonEmpty(values.format, "--format") ?? "stylish",
		outputFile: nonEmpty(values["output-file"], "--output-file"),
		maxWarnings: parseMaxWarnings(values["max-warnings"]),
		quiet: values.quiet,
		fix: values.fix,
		fixDryRun: values["fix-dry-run"],
		cache: values.cache,
		cacheLocation: nonEmpty(values["cache-location"], "--cache-location"),
		cacheStrategy: parseCacheStrategy(values["cache-strategy"]),
		concurrency: parseConcurrency(values.concurrency),
		shard: parseShard(values.shard),
		ignorePatterns: values["ignore-pattern"],
		color: values.color,
		printConfig: nonEmpty(values["print-config"], "--print-config"),
		printRules: values["print-rules"],
		init: values.init,
		debug: values.debug,
		help: values.help,
		version: values.version,
	};
}

// Node's messages are multi-line and speak of "positional arguments"; users
// need the option name and where to look.
function describeParseError(error: unknown): string {
	const code = (error as { code?: string }).code;
	const message = error instanceof Error ? error.message : String(error);
	const option = /'([^']+)'/.exec(message)?.[1];
	switch (code) {
		case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
			return `unknown option ${option ?? message}; see mailcomply --help`;
		case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
			return `${message.split("\n")[0]}; see mailcomply --help`;
		default:
			return message.split("\n")[0] ?? message;
	}
}

function nonEmpty(value: string | undefined, option: string): string | undefined {
	if (value === "") {
		throw new UsageError(`${option} needs a value`);
	}
	return value;
}

function parseMaxWarnings(value: string | undefined): number {
	if (value === undefined) {
		return -1;
	}
	const count = Number(value);
	if (value.trim() === "" || !Number.isInteger(count) || count < -1) {
		throw new UsageError(`--max-warnings must be a whole number of 0 or more (or -1 for no limit), got "${value}"`);
	}
	return count;
}

function parseCacheStrategy(value: string | undefined): CacheStrategy | undefined {
	if (value === undefined || value === "metadata" || value === "content") {
		return value;
	}
	throw new UsageError(`--cache-strategy must be metadata or content, got "${value}"`);
}

function parseConcurrency(value: string): Concurrency {
	if (value === "auto" || value === "off") {
		return value;
	}
	const threads = Number(value);
	if (value.trim() === "" || !Number.isInteger(threads) || threads < 1) {
		throw new UsageError(`--concurrency must be a positive whole number, auto or off, got "${value}"`);
	}
	return threads;
}

function parseShard(value: string | undefined): Shard | undefined {
	if (value === undefined) {
		return undefined;
	}
	const match = /^(\d+)\/(\d+)$/u.exec(value.trim());
	const index = Number(match?.[1]);
	const count = Number(match?.[2]);
	if (!match || !Number.isSafeInteger(count) || count < 1 || index < 1 || index > count) {
		throw new UsageError(`--shard must be i/n with 1 <= i <= n, e.g. 2/4 for the second of four parts, got "${value}"`);
	}
	return { index, count };
}
