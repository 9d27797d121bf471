import type { ESLint, Linter } from "eslint";
import path from "node:path";
import { escape } from "minimatch";
import plugin from "../../plugin/index.js";
import { ALL_HTML_FILES, CAMPAIGN_FILES, MJML_FILES } from "../../plugin/files.js";
import { createSettingsConfig, createZeroConfig } from "./config.js";
import { withOwnOptionsChecked } from "./own-options-plugin.js";
import type { CacheStrategy, Concurrency } from "./options.js";

/**
 * Everything needed to build the ESLint options, as plain JSON: with
 * `--concurrency` each worker thread rebuilds the options from this, because
 * plugin objects and functions cannot be sent to a worker.
 */
export interface LintRequest {
	cwd: string;
	/** Absolute path of a user config; undefined for the zero config. */
	configFile: string | undefined;
	quiet: boolean;
	/** Whether warning-level rules must still run (for --max-warnings). */
	countWarnings: boolean;
	fix: boolean;
	cache: boolean;
	cacheLocation: string | undefined;
	cacheStrategy: CacheStrategy | undefined;
	concurrency: Concurrency;
	ignorePatterns: string[];
	sidecarDigest: string | undefined;
	/** For `--cache`: what the composing templates are composed from (src/cli/composition-digest.ts). */
	compositionDigest?: string | undefined;
	/**
	 * Where includes and sidecars of the files under each may be read from,
	 * for the zero config: the folders the user chose (src/cli/include-roots.ts),
	 * the one the CLI runs in last. Other files keep their project root.
	 */
	includeRoots: readonly string[];
}

const isError = ({ severity }: { severity: Linter.Severity }): boolean => severity === 2;

export function createEslintOptions(request: LintRequest): ESLint.Options {
	const { cwd, configFile, quiet, countWarnings, fix } = request;
	const digests = { sidecarDigest: request.sidecarDigest, compositionDigest: request.compositionDigest };
	const options: ESLint.Options = {
		cwd,
		overrideConfigFile: configFile ?? true,
		overrideConfig:
			configFile === undefined
				? [
						...withOwnOptionsChecked(createZeroConfig(plugin, digests), plugin),
						...request.includeRoots.map((includeRoot) => includeRootConfig(cwd, includeRoot)),
					]
				: createSettingsConfig(digests),
		ignorePatterns: request.ignorePatterns,
		cache: request.cache,
		concurrency: request.concurrency,
		errorOnUnmatchedPattern: true,
		// As in ESLint's own CLI: --quiet skips warning rules unless they are counted.
		ruleFilter: quiet && !countWarnings ? isError : () => true,
		fix: fix && (quiet ? isError : true),
	};
	if (request.cacheLocation !== undefined) {
		options.cacheLocation = request.cacheLocation;
	}
	if (request.cacheStrategy !== undefined) {
		options.cacheStrategy = request.cacheStrategy;
	}
	return options;
}

/**
 * `languageOptions.includeRoot` for every mailcomply language, for the files
 * under it (a `--config` sets its own). `files` patterns are relative to
 * ESLint's cwd, which is the include root or a folder above it.
 */
function includeRootConfig(cwd: string, includeRoot: string): Linter.Config {
	const under = path.relative(cwd, includeRoot).split(path.sep).join("/");
	const files = [...MJML_FILES, ...ALL_HTML_FILES, ...CAMPAIGN_FILES].map((pattern) =>
		under === "" ? pattern : `${escape(under)}/${pattern}`,
	);
	return { name: "mailcomply/cli/include-root", files, languageOptions: { includeRoot } };
}

/**
 * An ESLint options module (see `ESLint.fromOptionsModule`) that worker
 * threads import to rebuild the options; ESLint's own CLI passes its options
 * to workers the same way, as a `data:` module importing an absolute URL.
 */
export function createOptionsModuleUrl(request: LintRequest): URL {
	const source =
		`import { createEslintOptions } from ${JSON.stringify(import.meta.url)};\n` +
		`export default createEslintOptions(${JSON.stringify(request)});\n`;
	return new URL(`data:text/javascript;base64,${Buffer.from(source).toString("base64")}`);
}
