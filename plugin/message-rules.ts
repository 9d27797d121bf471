import type { RuleContext, RuleDefinition } from "@eslint/core";
import { EmlSourceCode } from "../src/languages/eml-source-code.js";

/**
 * A captured message's HTML part is an HTML template (src/eml/message-document.ts),
 * so every rule that checks HTML templates also checks `.eml` files: one
 * rule per duty, whatever the format. On a message a rule offers no fix and
 * no suggestion: the message was generated from a template, which is where
 * the fix belongs, and `--fix` never rewrites an `.eml`.
 */
export function alsoOnMessages(rule: RuleDefinition): RuleDefinition {
	const languages = rule.meta?.languages ?? [];
	if (!languages.includes("mailcomply/html") || languages.includes("mailcomply/eml")) return rule;
	return {
		...rule,
		meta: { ...rule.meta, languages: [...languages, "mailcomply/eml"] },
		create(context: RuleContext) {
			if (!(context.sourceCode instanceof EmlSourceCode)) return rule.create(context);
			const report: RuleContext["report"] = (descriptor) => {
				const withoutEdits = { ...descriptor } as Parameters<RuleContext["report"]>[0] & {
					fix?: unknown;
					suggest?: unknown;
				};
				delete withoutEdits.fix;
				delete withoutEdits.suggest;
				context.report(withoutEdits);
			};
			// ESLint's rule context is a frozen object of plain properties; one that inherits from it and reports without fixes reads the same.
			return rule.create(Object.create(context, { report: { value: report } }) as RuleContext);
		},
	} as RuleDefinition;
}
