import type { RuleContext, RuleDefinition, RuleVisitor } from "@eslint/core";
import { EmlSourceCode } from "../src/languages/eml-source-code.js";
import { textMessageVisitorKeys, type TextMessageAstNode, type TextMessageNode } from "../src/text-message/ast.js";

/**
 * A captured message's HTML part is an HTML template (src/eml/message-document.ts),
 * so every rule that checks HTML templates also checks `.eml` files: one
 * rule per duty, whatever the format. On a message a rule offers no fix and
 * no suggestion: the message was generated from a template, which is where
 * the fix belongs, and `--fix` never rewrites an `.eml`.
 *
 * Its `text/plain` part is a plain-text part like a template's `NAME.txt`:
 * a rule that reads text parts (`mailcomply/text` in its languages) has its
 * text-message visitors called on it after the HTML part, so the rule
 * holds one definition of what it asks of a text part.
 */
export function alsoOnMessages(rule: RuleDefinition): RuleDefinition {
	const languages = rule.meta?.languages ?? [];
	if (!languages.includes("mailcomply/html") || languages.includes("mailcomply/eml")) return rule;
	const readsTextParts = languages.includes("mailcomply/text");
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
			const visitor = rule.create(Object.create(context, { report: { value: report } }) as RuleContext);
			const textPart = context.sourceCode.textPart;
			if (!readsTextParts || !textPart) return visitor;
			const htmlExit = visitor["Document:exit"];
			return {
				...visitor,
				"Document:exit"(...args: unknown[]) {
					htmlExit?.(...args);
					visitTextMessage(visitor, textPart);
				},
			};
		},
	} as RuleDefinition;
}

/** Calls a rule's text-message visitors on a text part, in the order ESLint's traversal would. */
function visitTextMessage(visitor: RuleVisitor, message: TextMessageNode): void {
	const walk = (node: TextMessageAstNode, parent: TextMessageAstNode | undefined) => {
		visitor[node.type]?.(node, parent);
		for (const key of textMessageVisitorKeys[node.type])
			for (const child of (node as unknown as Record<string, TextMessageAstNode[]>)[key]!) walk(child, node);
		visitor[`${node.type}:exit`]?.(node, parent);
	};
	walk(message, undefined);
}
