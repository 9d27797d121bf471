/**
 * The marker an HTML report of mailcomply carries in its head, so that a run
 * over the folder the report was written to knows it for a report, not a
 * template (src/cli/own-reports.ts).
 */
export function generatorMeta(version: string): string {
	return `<meta name="generator" content="mailcomply ${version}">`;
}

/** The marker, whatever version wrote it. */
export const REPORT_MARKER = /<meta name="generator" content="mailcomply [^"<>]*">/u;
