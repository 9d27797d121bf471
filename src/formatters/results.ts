import path from "node:path";
import type { ESLint, Linter } from "eslint";
import type { MailcomplyDocs } from "../rule-docs.js";

/** What a formatter needs to know about a rule, read from its `meta.docs`. */
export type RuleDocs = Partial<Pick<MailcomplyDocs, "description" | "url" | "jurisdictions">>;

/** The documentation of the rule behind a message; empty for parse errors and directive problems (no rule). */
export function ruleDocsOf(context: ESLint.LintResultData, ruleId: string | null): RuleDocs {
	if (ruleId === null) return {};
	const docs = context.rulesMeta[ruleId]?.docs as RuleDocs | undefined;
	return docs ?? {};
}

/**
 * A file's path as people and CI systems want to read it: relative to the
 * directory mailcomply ran in, with forward slashes; absolute when outside it.
 */
export function displayPath(filePath: string, cwd: string): string {
	return relativePath(filePath, cwd) ?? filePath.split(path.sep).join("/");
}

/** The path relative to `cwd` with forward slashes, or undefined when the file is not inside `cwd`. */
export function relativePath(filePath: string, cwd: string): string | undefined {
	const relative = path.relative(cwd, filePath);
	if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) return undefined;
	return relative.split(path.sep).join("/");
}

export const severityName = (severity: Linter.Severity): "error" | "warning" => (severity === 2 ? "error" : "warning");

/**
 * An id for every message: ESLint leaves `ruleId` null for a file that could
 * not be parsed and for problems with eslint-disable directives.
 */
export function messageRuleId(message: Linter.LintMessage): string {
	if (message.ruleId !== null) return message.ruleId;
	return message.fatal ? "parse-error" : "eslint-directive";
}
