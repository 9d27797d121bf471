import type { ESLint } from "eslint";
import { ownValue } from "../own-value.js";

/**
 * mailcomply's own formats, used before ESLint's: `html` replaces ESLint's
 * generic HTML page with the compliance report. Each is loaded only when
 * asked for, so that the usual run never reads the other two.
 */
const OWN_FORMATS: Record<string, () => Promise<ESLint.FormatterFunction>> = {
	sarif: async () => (await import("../formatters/sarif.js")).formatSarif,
	junit: async () => (await import("../formatters/junit.js")).formatJunit,
	html: async () => (await import("../formatters/html-report.js")).formatHtmlReport,
};

/**
 * The default, `stylish`, is mailcomply's own terminal layout (wrapped to
 * the terminal, a summary per rule), not ESLint's: run.ts gives it the width,
 * colour and number of files checked as extra `resultsMeta` fields.
 */
const TERMINAL_FORMAT = async () =>
	(await import("../formatters/terminal.js")).formatTerminal as unknown as ESLint.FormatterFunction;

/** Formats that never read a result's `source`, the template text (the html report reads the file itself). */
export const FORMATS_WITHOUT_SOURCE: ReadonlySet<string> = new Set(["stylish", ...Object.keys(OWN_FORMATS)]);

/** Formats that produce a file for machines or for a browser: no progress output beside them. */
export const MACHINE_FORMATS = new Set(["json", "json-with-metadata", ...Object.keys(OWN_FORMATS)]);

/**
 * The formatter for one of mailcomply's own formats, given the same context
 * ESLint gives a formatter it loads itself; undefined for other formats.
 */
export async function ownFormatter(
	eslint: ESLint,
	format: string,
	cwd: string,
): Promise<ESLint.LoadedFormatter | undefined> {
	const load = format === "stylish" ? TERMINAL_FORMAT : ownValue(OWN_FORMATS, format);
	if (!load) return undefined;
	const formatter = await load();
	return {
		format: (results, resultsMeta) =>
			formatter(results, { ...resultsMeta, cwd, rulesMeta: eslint.getRulesMetaForResults(results) }),
	};
}
