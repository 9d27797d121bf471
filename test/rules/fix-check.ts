/**
 * Applies a rule's fixes and suggestions the way an editor would, so tests
 * can check that the result still parses, still compiles with mjml, and no
 * longer draws the finding.
 */
import { createRequire } from "node:module";
import { Linter } from "eslint";
import plugin from "../../plugin/index.js";
import type { TemplateFormat } from "../../src/ast/types.js";
import { parseTemplate } from "../helpers/template.js";

export function lint(
	code: string,
	format: TemplateFormat,
	rules: Linter.RulesRecord,
	settings: Record<string, unknown> = {},
): Linter.LintMessage[] {
	const linter = new Linter({ configType: "flat" });
	return linter.verify(
		code,
		[{ files: [`**/*.${format}`], plugins: { mailcomply: plugin }, language: `mailcomply/${format}`, rules, settings }],
		{ filename: `mail.${format}` },
	);
}

export function applySuggestion(code: string, message: Linter.LintMessage, index = 0): string {
	const suggestion = message.suggestions?.[index];
	if (!suggestion) throw new Error(`no suggestion ${index} on "${message.message}"`);
	const [start, end] = suggestion.fix.range;
	return code.slice(0, start) + suggestion.fix.text + code.slice(end);
}

export function applyFix(code: string, message: Linter.LintMessage): string {
	if (!message.fix) throw new Error(`no fix on "${message.message}"`);
	const [start, end] = message.fix.range;
	return code.slice(0, start) + message.fix.text + code.slice(end);
}

/** The template parses without recovered problems. */
export function parseProblems(code: string, format: TemplateFormat): string[] {
	return parseTemplate(code, format).problems.map((problem) => problem.message);
}

type Mjml2Html = (
	input: string,
	options: object,
) => Promise<{ html: string; errors: Array<{ formattedMessage: string }> }>;
const mjml2html = createRequire(import.meta.url)("mjml") as Mjml2Html;

/** mjml's own strict validation errors for an MJML file. */
export async function mjmlErrors(code: string): Promise<string[]> {
	const result = await mjml2html(code, { validationLevel: "strict" });
	return result.errors.map((error) => error.formattedMessage);
}

/** The HTML mjml compiles an MJML file to (strict validation), for tests that query what a recipient gets. */
export async function mjmlHtml(code: string): Promise<string> {
	const result = await mjml2html(code, { validationLevel: "strict" });
	return result.html;
}
