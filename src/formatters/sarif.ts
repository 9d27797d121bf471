/**
 * SARIF 2.1.0 output for GitHub code scanning and other SARIF viewers
 * (`mailcomply --format sarif`, or `eslint --format <this file>`).
 *
 * Written here rather than taken from @microsoft/eslint-formatter-sarif,
 * which depends on ESLint 8 and on an unpinned `jschardet@latest`: both would
 * be installed into every user's project.
 */
import { pathToFileURL } from "node:url";
import type { ESLint, Linter } from "eslint";
import type * as Sarif from "sarif";
import { REPOSITORY_URL } from "../rule-docs.js";
import { packageInfo } from "../package-info.js";
import { messageRuleId, relativePath, ruleDocsOf, severityName } from "./results.js";
import { ruleReasoning } from "./rule-reasoning.js";

/** Paths in the log are relative to this base, which GitHub maps onto the repository root. */
const SOURCE_ROOT = "%SRCROOT%";

export function formatSarif(results: ESLint.LintResult[], context: ESLint.LintResultData): string {
	const rules: Sarif.ReportingDescriptor[] = [];
	const ruleIndex = new Map<string, number>();
	const artifacts: Sarif.Artifact[] = [];
	const sarifResults: Sarif.Result[] = [];

	const indexOfRule = (message: Linter.LintMessage): number => {
		const id = messageRuleId(message);
		let index = ruleIndex.get(id);
		if (index === undefined) {
			index = rules.push(describeRule(id, context, message)) - 1;
			ruleIndex.set(id, index);
		}
		return index;
	};

	for (const result of results) {
		const artifactLocation = artifactLocationOf(result.filePath, context.cwd);
		const artifactIndex = artifacts.push({ location: artifactLocation }) - 1;
		for (const message of result.messages) {
			const index = indexOfRule(message);
			sarifResults.push({
				ruleId: rules[index]?.id,
				ruleIndex: index,
				level: severityName(message.severity),
				message: { text: message.message },
				locations: [
					{
						physicalLocation: {
							artifactLocation: { ...artifactLocation, index: artifactIndex },
							region: regionOf(message),
						},
					},
				],
			});
		}
	}

	const log: Sarif.Log = {
		$schema: "https://json.schemastore.org/sarif-2.1.0.json",
		version: "2.1.0",
		runs: [
			{
				tool: {
					driver: {
						name: "mailcomply",
						informationUri: REPOSITORY_URL,
						version: packageInfo.version,
						rules,
					},
				},
				originalUriBaseIds: { [SOURCE_ROOT]: { uri: directoryUri(context.cwd) } },
				artifacts,
				results: sarifResults,
			},
		],
	};
	return `${JSON.stringify(log, null, 2)}\n`;
}

function describeRule(
	id: string,
	context: ESLint.LintResultData,
	message: Linter.LintMessage,
): Sarif.ReportingDescriptor {
	const docs = ruleDocsOf(context, message.ruleId);
	const rule: Sarif.ReportingDescriptor = {
		id,
		shortDescription: {
			text:
				docs.description ??
				(message.fatal ? "The file could not be parsed" : "A problem with an eslint-disable directive"),
		},
		defaultConfiguration: { level: severityName(message.severity) },
	};
	if (docs.url) rule.helpUri = docs.url;
	// The full legal reasoning, from the rule's doc: findings cite briefly.
	const reasoning = ruleReasoning(docs.url);
	if (reasoning) {
		rule.fullDescription = { text: reasoning.summary };
		rule.help = { text: reasoning.text, markdown: reasoning.markdown };
	}
	if (docs.jurisdictions) rule.properties = { jurisdictions: docs.jurisdictions };
	return rule;
}

function artifactLocationOf(filePath: string, cwd: string): Sarif.ArtifactLocation {
	const relative = relativePath(filePath, cwd);
	// Outside the working directory there is no sensible relative path: use an absolute URI.
	if (relative === undefined) return { uri: pathToFileURL(filePath).href };
	return { uri: relative.split("/").map(encodeURIComponent).join("/"), uriBaseId: SOURCE_ROOT };
}

function directoryUri(directory: string): string {
	const href = pathToFileURL(directory).href;
	return href.endsWith("/") ? href : `${href}/`;
}

// ESLint and SARIF both count lines and columns from 1, columns in UTF-16
// code units, and both make the end column exclusive.
function regionOf(message: Linter.LintMessage): Sarif.Region {
	const region: Sarif.Region = { startLine: Math.max(message.line, 1), startColumn: Math.max(message.column, 1) };
	if (message.endLine !== undefined) region.endLine = message.endLine;
	if (message.endColumn !== undefined) region.endColumn = message.endColumn;
	return region;
}

export default formatSarif;
