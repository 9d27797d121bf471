/**
 * `-o/--output-file`, as ESLint has it: the report goes to a file instead of
 * stdout, and the terminal gets one line saying how the run went and where
 * the report is. The file is opened before linting, so that a path that
 * cannot be written is a usage error at once rather than after a long run.
 */
import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import path from "node:path";
import { UsageError } from "./usage-error.js";
import { plural, problemCount } from "../formatters/counts.js";

/** Where a report goes when it is not stdout: written as it comes (a batched JSON run streams into it). */
export interface ReportFile {
	/** The name as the user gave it, for the summary line. */
	readonly name: string;
	write(text: string): boolean;
	close(): void;
}

/** Creates the file's folders and opens it for writing; @throws {UsageError} when it cannot be written. */
export function openReportFile(cwd: string, name: string): ReportFile {
	const filePath = path.resolve(cwd, name);
	let fd: number;
	try {
		mkdirSync(path.dirname(filePath), { recursive: true });
		fd = openSync(filePath, "w");
	} catch (error) {
		throw new UsageError(`cannot write the report to ${name}: ${reason(error)}`, { cause: error });
	}
	return {
		name,
		// Synchronous writes need no back-pressure: a long JSON report never queues in memory.
		write: (text) => {
			writeSync(fd, text);
			return true;
		},
		close: () => closeSync(fd),
	};
}

/** The line printed instead of the report: `✖ 3 problems (2 errors, 1 warning) in 4 files. Report written to x.json`. */
export function reportWrittenLine(counts: { errors: number; warnings: number; files: number }, name: string): string {
	const files = `in ${plural(counts.files, "file")}`;
	const outcome =
		counts.errors + counts.warnings === 0
			? `✔ No problems found ${files}`
			: `✖ ${problemCount(counts.errors, counts.warnings)} ${files}`;
	return `${outcome}. Report written to ${name}\n`;
}

function reason(error: unknown): string {
	switch ((error as NodeJS.ErrnoException).code) {
		case "EISDIR":
			return "it is a directory";
		case "EACCES":
		case "EPERM":
			return "permission denied";
		case "ENOTDIR":
		case "EEXIST":
			return "a file is in the way of its folder";
		default:
			return error instanceof Error ? error.message : String(error);
	}
}
