import { existsSync } from "node:fs";
import { basename } from "node:path";
import type { ErrorObject } from "ajv";
import { getPair, locatePath } from "../src/campaign/ast.js";
import type { CampaignNode } from "../src/campaign/ast.js";
import { SCHEMA_KEY, toPlainValue } from "../src/campaign/model.js";
import {
	dottedPath,
	genericPath,
	mostUsefulErrors,
	nearestName,
	pointerSegments,
	schemaAt,
	schemaPathOfKey,
	valueAt,
} from "../src/campaign/schema-errors.js";
import { findTemplateFor, FOLDER_DEFAULTS_NAME, SIDECAR_NAME } from "../src/campaign/sidecar.js";
import { ruleDocsUrl } from "../src/rule-docs.js";
import { shortenText } from "../src/analyses/text.js";
import { campaignValidator } from "../src/campaign/campaign-validator.js";
import type { CampaignRuleDefinition } from "../src/types.js";

/** What a `pattern` in the schema means, by schema path (`[]` = any list item). */
const PATTERN_MEANING: Record<string, string> = {
	language: "a BCP 47 language tag such as nl, nl-BE or en-GB",
	"sender.email": "an e-mail address",
	"audience.countries[]": "an ISO 3166-1 alpha-2 country code such as NL",
	"audience.lastCleaned": "a date written YYYY-MM-DD, e.g. 2026-09-01",
};

const TYPE_WORDS: Record<string, string> = {
	string: "text",
	boolean: "true or false",
	array: "a list",
	object: "a mapping of keys",
};

type MessageId =
	| "notMapping"
	| "unknownKey"
	| "keyCase"
	| "wrongType"
	| "badValue"
	| "badFormat"
	| "countryCase"
	| "invalid"
	| "orphanSidecar"
	| "encoding";

const rule: CampaignRuleDefinition<{ MessageIds: MessageId; RuleOptions: [] }> = {
	meta: {
		type: "problem",
		docs: {
			description: "Require campaign sidecars to match the schema, so every rule reads the facts you meant",
			recommended: true,
			url: ruleDocsUrl("valid-campaign"),
			fix: "Fix the sidecar key or value the finding names.",
			citations: [],
		},
		messages: {
			notMapping: "A campaign sidecar must be a mapping of campaign facts (`kind: marketing`, …), not {{actual}}.",
			unknownKey: 'Unknown key "{{key}}" in {{where}}; it is ignored. {{fix}}',
			keyCase:
				'Write "{{expected}}" instead of "{{key}}" in {{where}}. mailcomply reads it either way, but the schema (and your editor) only know this spelling.',
			wrongType: '"{{path}}" must be {{expected}}, got {{actual}}; it is ignored.{{hint}}',
			badValue: '"{{path}}" cannot be {{actual}}; it is ignored.{{suggestion}} Use one of {{allowed}}.',
			badFormat: '"{{path}}" must be {{meaning}}, got {{actual}}; it is ignored.',
			countryCase: 'Write country codes in upper case: "{{expected}}", not "{{actual}}" (ISO 3166-1 alpha-2).',
			invalid: '"{{path}}": {{message}}.',
			encoding: "{{message}}",
			orphanSidecar:
				"No template beside this sidecar ({{expected}}), so it applies to nothing. Rename it to match its template, or remove it.",
		},
		schema: [],
		languages: ["mailcomply/campaign"],
	},

	create(context) {
		const { sourceCode } = context;
		const doc = sourceCode.ast;

		const reportOrphan = (): void => {
			const filename = context.physicalFilename;
			// A virtual file (stdin, an editor buffer, a test) has no folder to look in; a folder's defaults belong to no one template.
			if (
				!SIDECAR_NAME.test(filename) ||
				FOLDER_DEFAULTS_NAME.test(filename) ||
				!existsSync(filename) ||
				findTemplateFor(filename)
			)
				return;
			const stem = basename(filename).replace(SIDECAR_NAME, "");
			context.report({
				loc: { start: { line: 1, column: 1 }, end: { line: 1, column: (sourceCode.lines[0]?.length ?? 0) + 1 } },
				messageId: "orphanSidecar",
				data: { expected: `${stem}.mjml, ${stem}.html or ${stem}.htm` },
			});
		};

		const reportSchemaErrors = (): void => {
			const value = toPlainValue(doc);
			const validate = campaignValidator();
			if (validate(value)) return;
			for (const error of mostUsefulErrors(validate.errors ?? [])) {
				reportError(error, value);
			}
		};

		const reportError = (error: ErrorObject, value: unknown): void => {
			const path = pointerSegments(error.instancePath);
			const label = dottedPath(path);
			if (error.keyword === "additionalProperties") {
				const key = String(error.params.additionalProperty);
				const located = locatePath(doc, path);
				const pair = located?.node?.type === "CampaignMapping" ? getPair(located.node, key) : undefined;
				const node: CampaignNode = located?.viaAlias ?? pair?.key ?? doc;
				// `$schema` is for editors, not a campaign fact: allowed, never suggested.
				const allowed = Object.keys(schemaAt(path)?.properties ?? {}).filter((name) => name !== SCHEMA_KEY);
				const where = path.length === 0 ? "the top level" : `"${label}"`;
				const caseMatch =
					path.join(".") === "headers" ? allowed.find((name) => name.toLowerCase() === key.toLowerCase()) : undefined;
				if (caseMatch) {
					context.report({ node, messageId: "keyCase", data: { key, expected: caseMatch, where } });
					return;
				}
				context.report({
					node,
					messageId: "unknownKey",
					data: { key, where, fix: unknownKeyFix(key, allowed, path) },
				});
				return;
			}

			const located = locatePath(doc, path);
			const node: CampaignNode = located?.viaAlias ?? located?.node ?? located?.pair ?? doc;
			const actualValue = valueAt(value, path);
			if (error.keyword === "type" && path.length === 0) {
				context.report({ node: doc, messageId: "notMapping", data: { actual: describeValue(actualValue) } });
				return;
			}
			switch (error.keyword) {
				case "type": {
					const allowedValues = schemaAt(path)?.enum;
					// For a field with a fixed list of values, the list helps more than the type.
					if (allowedValues) {
						context.report({
							node,
							messageId: "badValue",
							data: {
								path: label,
								actual: describeValue(actualValue),
								allowed: allowedValues.join(", "),
								suggestion: "",
							},
						});
						return;
					}
					const expected = String(error.params.type);
					context.report({
						node,
						messageId: "wrongType",
						data: {
							path: label,
							expected: TYPE_WORDS[expected] ?? expected,
							actual: describeValue(actualValue),
							hint: typeHint(expected, actualValue, located?.node ? sourceCode.getText(located.node) : ""),
						},
					});
					return;
				}
				case "enum": {
					const allowed = (error.params.allowedValues as unknown[]).map(String);
					context.report({
						node,
						messageId: "badValue",
						data: {
							path: label,
							actual: describeValue(actualValue),
							allowed: allowed.join(", "),
							suggestion: typeof actualValue === "string" ? suggestion(actualValue, allowed) : "",
						},
					});
					return;
				}
				case "pattern": {
					const schemaPath = genericPath(path);
					if (
						schemaPath === "audience.countries[]" &&
						typeof actualValue === "string" &&
						/^[a-z]{2}$/iu.test(actualValue)
					) {
						context.report({
							node,
							messageId: "countryCase",
							data: { expected: actualValue.toUpperCase(), actual: actualValue },
						});
						return;
					}
					context.report({
						node,
						messageId: "badFormat",
						data: {
							path: label,
							meaning: PATTERN_MEANING[schemaPath] ?? `text matching ${String(error.params.pattern)}`,
							actual: describeValue(actualValue),
						},
					});
					return;
				}
				default:
					context.report({
						node,
						messageId: "invalid",
						data: { path: label || "(top level)", message: error.message ?? error.keyword },
					});
			}
		};

		return {
			CampaignDocument() {
				// The same message as valid-template's for a template (src/languages/file-text.ts).
				if (doc.encoding)
					context.report({ loc: doc.encoding.loc, messageId: "encoding", data: { message: doc.encoding.message } });
				reportOrphan();
				if (!doc.body) return;
				reportSchemaErrors();
			},
		};
	},
};

export default rule;

function describeValue(value: unknown): string {
	if (value === null || value === undefined) return "nothing (an empty value)";
	if (typeof value === "string") return `text ${JSON.stringify(shortenText(value))}`;
	if (typeof value === "number" || typeof value === "boolean") return `${typeof value} ${String(value)}`;
	if (Array.isArray(value)) return "a list";
	return "a mapping";
}

const YAML_11_BOOLEANS = /^(?:y|yes|n|no|on|off)$/iu;

function typeHint(expected: string, actual: unknown, written: string): string {
	if (expected === "boolean" && typeof actual === "string" && /^(?:true|false)$/iu.test(actual)) {
		return " Write true or false without quotes.";
	}
	if (expected === "boolean" && typeof actual === "string" && YAML_11_BOOLEANS.test(actual)) {
		return " Write true or false without quotes (YAML 1.2 reads yes, no, on and off as text).";
	}
	if (expected === "string" && (typeof actual === "number" || typeof actual === "boolean")) {
		return ` Put it in quotes ("${written.replace(/"/gu, '\\"')}") so it is read as text${/^[-+]?0\d/u.test(written) ? " and its leading zero survives" : ""}.`;
	}
	if (expected === "array" && (typeof actual === "string" || typeof actual === "number")) {
		return ` Write a list, e.g. [${String(actual)}].`;
	}
	return "";
}

/** The guide that lists every sidecar key; a message points there instead of listing them all. */
const SIDECAR_GUIDE = "docs/sidecar.md#every-field";

/** At most this many allowed keys are named in the message (`headers`, `sender`); more are in the guide. */
const KEYS_NAMED_MAX = 4;

function unknownKeyFix(key: string, allowed: string[], path: ReadonlyArray<string | number>): string {
	if (key === "<<") return "YAML merge keys are not supported; write the keys out.";
	const nearby = nearestName(key, allowed);
	if (nearby) return `Did you mean "${nearby}"?`;
	const elsewhere = schemaPathOfKey(key, path);
	if (elsewhere) return `It belongs at "${elsewhere}".`;
	if (allowed.length <= KEYS_NAMED_MAX) return `Use one of ${allowed.join(", ")}, or remove it.`;
	return `Remove it, or use a key from ${SIDECAR_GUIDE}.`;
}

function suggestion(written: string, candidates: string[]): string {
	const match = nearestName(written, candidates);
	return match ? ` Did you mean "${match}"?` : "";
}
