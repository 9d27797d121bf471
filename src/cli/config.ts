import type { Linter } from "eslint";
import { ALL_HTML_FILES } from "../../plugin/files.js";

/** What the CLI needs from the plugin: its recommended flat configs. */
export interface PluginWithRecommended {
	configs: { recommended: readonly Linter.Config[] };
}

const HTML_LANGUAGE = "mailcomply/html";

/**
 * The flat config the CLI lints with when no `--config` is given: the plugin's
 * recommended configs, widened so that every `.html`/`.htm` is a template.
 * ESLint's defaults still add `**\/*.js`, `**\/*.mjs` and `**\/*.cjs` to what a
 * directory yields; the CLI ignores those so that a project's scripts are not
 * parsed (and their syntax errors reported) by an e-mail linter.
 */
export function createZeroConfig(plugin: PluginWithRecommended, digests: CacheDigests | undefined): Linter.Config[] {
	return [
		{
			name: "mailcomply/cli/ignores",
			ignores: ["**/node_modules/", "**/.git/", "**/*.js", "**/*.mjs", "**/*.cjs"],
		},
		...withAllHtml(plugin.configs.recommended),
		...createSettingsConfig(digests ?? {}),
	];
}

/**
 * The recommended configs with the HTML entry's file match widened: the CLI
 * is pointed at templates on purpose, so every HTML file is one. Same plugin,
 * language, options and rules. The entry is replaced rather than followed by
 * a wider one: every file it matches, the wider one matches with the same
 * settings, and no later entry matches HTML, yet ESLint would still try each
 * file against its twelve mail-folder patterns of sixteen endings (30 of the
 * 50 ms config lookup of the 245 HTML corpus files).
 */
function withAllHtml(recommended: readonly Linter.Config[]): Linter.Config[] {
	const recommendedHtml = recommended.find((config) => config.language === HTML_LANGUAGE);
	if (!recommendedHtml) {
		throw new Error(`the plugin's recommended configs have no "${HTML_LANGUAGE}" entry`);
	}
	const allHtml = { ...recommendedHtml, name: "mailcomply/cli/all-html", files: ALL_HTML_FILES };
	return recommended.map((config) => (config === recommendedHtml ? allHtml : config));
}

/** For `--cache`: digests of what a template's findings depend on besides its own text; undefined without the cache. */
export interface CacheDigests {
	/** The campaign files (sidecars, folder defaults): src/campaign/digest.ts. */
	sidecarDigest?: string | undefined;
	/** The layouts, partials and `mj-include`d files: src/cli/composition-digest.ts. */
	compositionDigest?: string | undefined;
}

/**
 * ESLint's cache keys a result on the file and its config, but a template's
 * findings also depend on its sidecar, folder defaults, layout and partials.
 * Putting digests of those into the config makes any change to one of them
 * invalidate the cached results.
 */
export function createSettingsConfig(digests: CacheDigests): Linter.Config[] {
	const { sidecarDigest, compositionDigest } = digests;
	if (sidecarDigest === undefined && compositionDigest === undefined) {
		return [];
	}
	const mailcomply = {
		...(sidecarDigest === undefined ? {} : { sidecarDigest }),
		...(compositionDigest === undefined ? {} : { compositionDigest }),
	};
	return [{ name: "mailcomply/cli/sidecar-digest", settings: { mailcomply } }];
}
