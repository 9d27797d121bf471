import type { RuleDefinition, RuleContext } from "@eslint/core";

/**
 * ESLint aborts the whole run when a rule throws, so one unexpected template
 * would stop every other file from being linted. Each rule is wrapped so an
 * exception becomes one finding on that file ("could not finish this
 * check"), and the other rules and files go on. Tests treat that finding as
 * a failure, so the net hides nothing from them.
 */
export const INTERNAL_ERROR = "internalError";

export function guardRule(rule: RuleDefinition): RuleDefinition {
	const meta = rule.meta ?? {};
	return {
		...rule,
		meta: {
			...meta,
			messages: {
				...meta.messages,
				[INTERNAL_ERROR]:
					"mailcomply could not finish this check on this file ({{error}}). The other checks ran. Please report it with the template that caused it.",
			},
		},
		create(context: RuleContext) {
			let failed = false;
			const fail = (error: unknown) => {
				if (failed) return;
				failed = true;
				const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
				context.report({
					loc: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
					messageId: INTERNAL_ERROR,
					data: { error: text.slice(0, 200) },
				});
			};
			let visitors: Record<string, ((...args: unknown[]) => void) | undefined>;
			try {
				visitors = rule.create(context) as typeof visitors;
			} catch (error) {
				fail(error);
				return {};
			}
			const guarded: typeof visitors = {};
			for (const [selector, visit] of Object.entries(visitors)) {
				if (typeof visit !== "function") continue;
				guarded[selector] = (...args: unknown[]) => {
					if (failed) return;
					try {
						visit(...args);
					} catch (error) {
						fail(error);
					}
				};
			}
			return guarded;
		},
	} as RuleDefinition;
}
