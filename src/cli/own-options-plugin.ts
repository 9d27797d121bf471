/**
 * The plugin as the zero config hands it to ESLint: the same rules, whose
 * options ESLint does not validate.
 *
 * The zero config gives no rule any options (only severities), so ESLint's
 * validation has nothing to check there; yet, for every rule it runs, ESLint
 * loads ajv and compiles the rule's options schema, on every run: about 7%
 * of the instructions of a one-file run (valgrind, `npm run bench` start-up).
 * With `meta.schema: false` ESLint skips that. Options can still reach a
 * rule through an inline `<!-- eslint mailcomply/…: [...] -->` comment: each
 * rule checks those against its own schema when it starts on a file, and a
 * bad value is reported at the comment in ESLint's words, and the rule runs
 * without the comment's options, as in a run with ESLint's validation.
 */
import type { RuleContext, RuleDefinition } from "@eslint/core";
import type { ESLint, Linter } from "eslint";
import type * as AjvLibrary from "ajv";
import type { ErrorObject, ValidateFunction } from "ajv";
import { lazyRequire } from "../lazy-require.js";
import { withOptions } from "../../plugin/report-through.js";

const ajv = lazyRequire<typeof AjvLibrary>("ajv");
export const INVALID_INLINE_OPTIONS = "invalidInlineOptions";

type PluginWithRules = ESLint.Plugin & { rules: Record<string, RuleDefinition> };

const ownOptionsPlugins = new WeakMap<PluginWithRules, PluginWithRules>();

/** `configs` with `plugin` replaced by its copy whose rules ESLint does not validate. */
export function withOwnOptionsChecked(configs: readonly Linter.Config[], plugin: PluginWithRules): Linter.Config[] {
	let checked = ownOptionsPlugins.get(plugin);
	if (!checked) {
		checked = {
			...plugin,
			rules: Object.fromEntries(Object.entries(plugin.rules).map(([id, rule]) => [id, checkingOwnOptions(id, rule)])),
		};
		ownOptionsPlugins.set(plugin, checked);
	}
	const copy = checked;
	return configs.map((config) =>
		config.plugins?.mailcomply === plugin
			? { ...config, plugins: { ...config.plugins, mailcomply: copy as ESLint.Plugin } }
			: config,
	);
}

function checkingOwnOptions(id: string, rule: RuleDefinition): RuleDefinition {
	const meta = rule.meta ?? {};
	const schema = optionsSchema(meta.schema);
	if (schema === undefined) return rule;
	// The options a rule has when nobody set any (its defaultOptions, which a test validates): nothing to check.
	const unset = JSON.stringify(meta.defaultOptions ?? []);
	let validate: ValidateFunction | undefined;
	return {
		...rule,
		meta: {
			...meta,
			schema: false,
			messages: {
				...meta.messages,
				[INVALID_INLINE_OPTIONS]: 'Inline configuration for rule "{{ruleId}}" is invalid:\n{{problems}}',
			},
		},
		create(context: RuleContext) {
			const options = context.options as unknown[];
			if (options.length > 0 && JSON.stringify(options) !== unset) {
				validate ??= new (ajv().Ajv)({ allErrors: false, strict: false, useDefaults: true, verbose: true }).compile(
					schema,
				);
				if (!validate(options)) {
					const ruleId = `mailcomply/${id}`;
					context.report({
						loc: inlineConfigLocation(context, ruleId),
						messageId: INVALID_INLINE_OPTIONS,
						data: { ruleId, problems: describe(validate.errors ?? []) },
					});
					// As ESLint does with an invalid inline configuration: the rule runs as configured, without the comment's options.
					return rule.create(withOptions(context, meta.defaultOptions ?? []));
				}
			}
			return rule.create(context);
		},
	} as RuleDefinition;
}

/** The JSON Schema ESLint validates a rule's options with (its `getRuleOptionsSchema`); undefined when it validates nothing. */
function optionsSchema(schema: unknown): object | undefined {
	if (schema === false) return undefined;
	if (schema === undefined || (Array.isArray(schema) && schema.length === 0))
		return { type: "array", minItems: 0, maxItems: 0 };
	if (Array.isArray(schema)) return { type: "array", items: schema, minItems: 0, maxItems: schema.length };
	return schema as object;
}

/** ESLint's wording: `Value <data> <what is wrong>.`, one line a problem. */
function describe(errors: readonly ErrorObject[]): string {
	return errors
		.map((error) => {
			const expected = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {}).map(
				(name) => `"${name}"`,
			);
			const unexpected =
				error.keyword === "additionalProperties"
					? `\n\t\tUnexpected property "${String((error.params as { additionalProperty?: unknown }).additionalProperty)}". Expected properties: ${expected.join(", ")}.`
					: "";
			return `\tValue ${JSON.stringify(error.data)} ${error.message ?? "is invalid"}.${unexpected}`;
		})
		.join("\n");
}

/** Where the inline comment that configures `ruleId` is; the file's start when none can be found. */
function inlineConfigLocation(context: RuleContext, ruleId: string) {
	const sourceCode = context.sourceCode as {
		getInlineConfigNodes?: () => Array<{
			value: string;
			loc: { start: { line: number; column: number }; end: { line: number; column: number } };
		}>;
	};
	const comment = sourceCode.getInlineConfigNodes?.().find((node) => node.value.includes(ruleId));
	return comment?.loc ?? { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
}
