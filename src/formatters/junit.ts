/**
 * JUnit XML output for CI systems that show test reports (GitLab, Jenkins,
 * Azure Pipelines…): `mailcomply --format junit`. ESLint 9 dropped its own
 * junit formatter; this follows its shape, which those systems already read:
 * one <testsuite> per file, one failing <testcase> per finding (warnings
 * included, marked as such), and one passing <testcase> for a clean file so
 * that it shows up as checked.
 */
import type { ESLint, Linter } from "eslint";
import { displayPath, messageRuleId, ruleDocsOf, severityName } from "./results.js";

export function formatJunit(results: ESLint.LintResult[], context: ESLint.LintResultData): string {
	const suites = results.map((result) => testSuite(result, context));
	const tests = results.reduce((total, result) => total + Math.max(result.messages.length, 1), 0);
	const failures = results.reduce((total, result) => total + result.messages.length, 0);
	return [
		`<?xml version="1.0" encoding="UTF-8"?>`,
		`<testsuites name="mailcomply" tests="${tests}" failures="${failures}" errors="0">`,
		...suites,
		`</testsuites>`,
		"",
	].join("\n");
}

function testSuite(result: ESLint.LintResult, context: ESLint.LintResultData): string {
	const file = displayPath(result.filePath, context.cwd);
	const cases =
		result.messages.length === 0
			? [`\t\t<testcase name="${xml(file)}" classname="${xml(file)}" file="${xml(file)}" time="0"/>`]
			: result.messages.map((message) => failingCase(file, message, context));
	return [
		`\t<testsuite name="${xml(file)}" tests="${cases.length}" failures="${result.messages.length}" errors="0" skipped="0" time="0">`,
		...cases,
		`\t</testsuite>`,
	].join("\n");
}

function failingCase(file: string, message: Linter.LintMessage, context: ESLint.LintResultData): string {
	const ruleId = messageRuleId(message);
	const severity = severityName(message.severity);
	const { url } = ruleDocsOf(context, message.ruleId);
	const details = [`${file}:${message.line}:${message.column} ${severity}: ${message.message} (${ruleId})`];
	if (url) details.push(`Rule documentation: ${url}`);
	return [
		`\t\t<testcase name="${xml(`${file}:${message.line}:${message.column} ${ruleId}`)}" classname="${xml(file)}" file="${xml(file)}" line="${message.line}" time="0">`,
		`\t\t\t<failure type="${xml(`${severity} ${ruleId}`)}" message="${xml(message.message)}">${xml(details.join("\n"))}</failure>`,
		`\t\t</testcase>`,
	].join("\n");
}

// XML 1.0 forbids most control characters even when escaped; templates can contain them.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_XML = /[\u0000-\u0008\v\f\u000E-\u001F\uFFFE\uFFFF]/gu;

function xml(text: string): string {
	return text
		.replace(NOT_XML, "\uFFFD")
		.replace(/&/gu, "&amp;")
		.replace(/</gu, "&lt;")
		.replace(/>/gu, "&gt;")
		.replace(/"/gu, "&quot;")
		.replace(/'/gu, "&apos;");
}

export default formatJunit;
