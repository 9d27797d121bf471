/**
 * mailcomply's own HTML reports among the files of a run: `mailcomply
 * emails/ -o emails/report.html` writes one into the folder it lints, and the
 * next run (or this one: `-o` opens the file before linting) would judge it
 * as a mail. A report is left out and the run says so: the file this run
 * writes to, and any `.html` that carries the generator marker a report
 * writes (src/formatters/report-marker.ts).
 */
import { closeSync, openSync, readSync } from "node:fs";
import path from "node:path";
import { REPORT_MARKER } from "../formatters/report-marker.js";
import { forEachFile } from "./file-guard.js";

export interface OwnReport {
	/** Absolute path, as ESLint would name the file. */
	filePath: string;
	/** Whether the file was named on the command line (then it is dropped from the patterns, not ignored). */
	named: boolean;
}

const HTML = /\.html?$/iu;

/** The marker is in a report's head, well within its first bytes. */
const HEAD_BYTES = 1024;

/** The reports among the files `patterns` (relative to `root`) point at; `outputFile` is this run's `-o` path, absolute. */
export function findOwnReports(
	root: string,
	patterns: readonly string[],
	outputFile: string | undefined,
	refused: ReadonlySet<string>,
): OwnReport[] {
	const reports = new Map<string, boolean>();
	forEachFile(root, patterns, (file, named) => {
		if (reports.has(file) || refused.has(file) || !HTML.test(file)) return;
		if (file === outputFile || REPORT_MARKER.test(head(file))) reports.set(file, named);
	});
	// The -o file is created after this look, before ESLint walks the folders: left out when a linted folder holds it.
	if (outputFile !== undefined && HTML.test(outputFile) && !reports.has(outputFile) && !refused.has(outputFile)) {
		const inLintedFolder = patterns.some((pattern) => {
			const relative = path.relative(path.resolve(root, pattern), outputFile);
			return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
		});
		if (inLintedFolder) reports.set(outputFile, false);
	}
	return [...reports]
		.map(([filePath, named]) => ({ filePath, named }))
		.sort((a, b) => a.filePath.localeCompare(b.filePath));
}

/** One line for stderr, or undefined when no report was among the files. */
export function ownReportsNote(reports: readonly OwnReport[], cwd: string): string | undefined {
	if (reports.length === 0) return undefined;
	const names = reports.map((report) => path.relative(cwd, report.filePath) || path.basename(report.filePath));
	return `mailcomply did not lint ${names.length === 1 ? "its own report" : "its own reports"}: ${names.join(", ")}\n`;
}

function head(file: string): string {
	let fd: number | undefined;
	try {
		fd = openSync(file, "r");
		const buffer = Buffer.alloc(HEAD_BYTES);
		return buffer.toString("utf8", 0, readSync(fd, buffer, 0, HEAD_BYTES, 0));
	} catch {
		// Unreadable: ESLint's own read reports it.
		return "";
	} finally {
		if (fd !== undefined) closeSync(fd);
	}
}
