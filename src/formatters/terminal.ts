/**
 * The CLI's default (`stylish`) output: findings grouped per file, each
 * message wrapped under its position so that the report fits an 80-column
 * terminal (ESLint's stylish pads every line to the longest message, which
 * made lines of 600 columns), then a summary a person can act on: how many
 * files were checked and how many have errors, and the rules found most
 * often with where to read how to fix them.
 */
import path from "node:path";
import type { ESLint, Linter } from "eslint";
import { plural, problemCount } from "./counts.js";
import { wrapText } from "./wrap.js";

export interface TerminalContext {
	cwd: string;
	rulesMeta: Record<string, { docs?: { description?: string; url?: string; fix?: string } } | undefined>;
	/** Columns to fit; 80 when absent. */
	width?: number;
	color?: boolean;
	/** Files linted, when the results shown are fewer (`--quiet` drops clean and warning-only files). */
	filesChecked?: number;
}

/** Where every rule's doc is, short enough for an 80-column line. */
const RULE_DOCS = "github.com/mailcomply/eslint-plugin-mailcomply/tree/main/rules";

/** How many of the most frequent rules the summary explains. */
const EXPLAINED_RULES = 3;

export function formatTerminal(results: readonly ESLint.LintResult[], context: TerminalContext): string {
	const width = context.width ?? 80;
	const paint = painter(context.color ?? false);
	const sections: string[] = [];
	for (const result of results) {
		if (result.messages.length === 0) continue;
		sections.push(formatFile(result, context.cwd, width, paint));
	}
	if (sections.length === 0) return "";
	return `${sections.join("\n\n")}\n\n${summary(results, context, width, paint)}`;
}

function formatFile(result: ESLint.LintResult, cwd: string, width: number, paint: Painter): string {
	const messages = [...result.messages].sort((a, b) => a.line - b.line || a.column - b.column);
	const positions = messages.map((message) => `${message.line}:${message.column}`);
	const positionWidth = Math.max(...positions.map((position) => position.length));
	// "  12:7  error    " – every message line starts under the message's first word.
	const indent = 2 + positionWidth + 2 + "warning".length + 2;
	const lines = [paint.bold(displayPath(result.filePath, cwd))];
	messages.forEach((message, index) => {
		const severity = message.severity === 2 ? "error" : "warning";
		const head = `  ${(positions[index] ?? "").padEnd(positionWidth)}  ${severity.padEnd("warning".length)}  `;
		const text = wrapText(message.message, width - indent);
		const rule = message.ruleId ?? "";
		const last = text.at(-1) ?? "";
		// The rule id ends the last line when it fits there, else it gets a line of its own.
		const ruleOnLastLine = rule !== "" && indent + last.length + 2 + rule.length <= width;
		text.forEach((line, lineIndex) => {
			const prefix =
				lineIndex === 0 ? head.replace(severity, paint.severity(message.severity, severity)) : " ".repeat(indent);
			const suffix = lineIndex === text.length - 1 && ruleOnLastLine ? `  ${paint.dim(rule)}` : "";
			lines.push(`${prefix}${line}${suffix}`);
		});
		if (rule !== "" && !ruleOnLastLine) lines.push(`${" ".repeat(indent)}${paint.dim(rule)}`);
	});
	return lines.join("\n");
}

function summary(
	results: readonly ESLint.LintResult[],
	context: TerminalContext,
	width: number,
	paint: Painter,
): string {
	const errors = sum(results, (result) => result.errorCount);
	const warnings = sum(results, (result) => result.warningCount);
	const checked = Math.max(context.filesChecked ?? results.length, results.length);
	const withErrors = results.filter((result) => result.errorCount > 0).length;
	const withProblems = results.filter((result) => result.messages.length > 0).length;
	const counts =
		`${errors > 0 ? "✖" : "⚠"} ${problemCount(errors, warnings)} in ${withProblems} of ${plural(checked, "file")} checked` +
		(withErrors > 0 ? `; ${plural(withErrors, "file")} with errors.` : ".");
	const lines = [paint.severity(errors > 0 ? 2 : 1, wrapText(counts, width).join("\n"))];

	const byRule = new Map<string, { count: number; severity: number }>();
	for (const result of results) {
		for (const message of result.messages) {
			if (message.ruleId === null) continue;
			const entry = byRule.get(message.ruleId) ?? { count: 0, severity: 0 };
			entry.count++;
			entry.severity = Math.max(entry.severity, message.severity);
			byRule.set(message.ruleId, entry);
		}
	}
	const ranked = [...byRule].sort(
		([a, x], [b, y]) => y.count - x.count || y.severity - x.severity || a.localeCompare(b),
	);
	if (ranked.length === 0) return lines.join("\n");

	lines.push("", "Most frequent, and how to fix them:");
	for (const [ruleId, { count }] of ranked.slice(0, EXPLAINED_RULES)) {
		const docs = context.rulesMeta[ruleId]?.docs;
		lines.push(`  ${count}× ${paint.bold(ruleId)}`);
		// The rule's one-line fix; its description where a rule declares none. URLs (about 100 columns) would not fit.
		const fix = docs?.fix ?? (docs?.description ? `${docs.description}.` : undefined);
		if (fix) lines.push(...wrapText(fix, width - 5).map((line) => `     ${line}`));
	}
	const rest = ranked
		.slice(EXPLAINED_RULES)
		.map(
			([ruleId, { count }], index, all) =>
				`${ruleId.replace(/^mailcomply\//u, "")} ${count}${index === all.length - 1 ? "." : ","}`,
		);
	if (rest.length > 0) lines.push(...wrapItems(["Also:", ...rest], width - 2).map((line) => `  ${line}`));
	if (ranked.some(([ruleId]) => ruleId.startsWith("mailcomply/")))
		lines.push(...wrapText(`Rule docs: ${RULE_DOCS}`, width));
	return lines.join("\n");
}

/** Items joined by spaces into lines of at most `width`, never breaking inside an item ("list-hygiene 2,"). */
function wrapItems(items: readonly string[], width: number): string[] {
	const lines: string[] = [];
	for (const item of items) {
		const last = lines.at(-1);
		if (last !== undefined && last.length + 1 + item.length <= width) lines[lines.length - 1] = `${last} ${item}`;
		else lines.push(item);
	}
	return lines;
}

/** Relative to where mailcomply ran when inside it (shorter, and what the user typed); absolute otherwise. */
function displayPath(filePath: string, cwd: string): string {
	const relative = path.relative(cwd, filePath);
	return relative === "" || relative.startsWith("..") || path.isAbsolute(relative) ? filePath : relative;
}

function sum(results: readonly ESLint.LintResult[], count: (result: ESLint.LintResult) => number): number {
	return results.reduce((total, result) => total + count(result), 0);
}

interface Painter {
	bold(text: string): string;
	dim(text: string): string;
	severity(severity: Linter.Severity | number, text: string): string;
}

/** ANSI styles, or none: the CLI decides from `--color`/`--no-color` and whether stdout is a terminal. */
function painter(color: boolean): Painter {
	const style = (open: number, close: number) => (text: string) =>
		color ? `\u001b[${open}m${text}\u001b[${close}m` : text;
	const red = style(31, 39);
	const yellow = style(33, 39);
	return {
		bold: style(1, 22),
		dim: style(2, 22),
		severity: (severity, text) => (severity === 2 ? red(text) : yellow(text)),
	};
}
