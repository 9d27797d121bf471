import type { ESLint } from "eslint";
import { formatHtmlReport } from "../formatters/html-report.js";
import { formatJunit } from "../formatters/junit.js";
import { formatSarif } from "../formatters/sarif.js";

/**
 * mailcomply's own formats, used before ESLint's: `html` replaces ESLint's
 * generic HTML page with the compliance report.
 */
const OWN_FORMATS: Record<string, ESLint.FormatterFunction> = {
	sarif: formatSarif,
	junit: formatJunit,
	html: formatHtmlReport,
};

/** Formats that produce a file for machines or for a browser: no progress output beside them. */
export const MACHINE_FORMATS = new Set(["json", "json-with-metadata", ...Object.keys(OWN_FORMATS)]);

/**
 * The formatter for one of mailcomply's own formats, given the same context
 * ESLint gives a formatter it loads itself; undefined for other formats.
 */
export function ownFormatter(eslint: ESLint, format: string, cwd: string): ESLint.LoadedFormatter | undefined {
	const formatter = Object.hasOwn(OWN_FORMATS, format) ? OWN_FORMATS[format] : undefined;
	if (!formatter) return undefined;
	return {
		format: (results, resultsMeta) =>
			formatter(results, { ...resultsMeta, cwd, rulesMeta: eslint.getRulesMetaForResults(results) }),
	};
}
