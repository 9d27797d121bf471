import type { RuleContext, RuleDefinition, RuleVisitor } from "@eslint/core";
import { EmlSourceCode } from "../src/languages/eml-source-code.js";
import { textMessageVisitorKeys, type TextMessageAstNode, type TextMessageNode } from "../src/text-message/ast.js";
import { reportingThrough } from "./report-through.js";

/** The data key every message of a rule that runs on captured messages ends with. */
export const DECODED = "mailcomplyDecoded";

type Descriptor = Parameters<RuleContext["report"]>[0] & {
	node?: object;
	loc?: object;
	data?: Record<string, unknown>;
	fix?: unknown;
	suggest?: Array<{ data?: Record<string, unknown> }>;
};

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
 *
 * A finding in a quoted-printable or base64 part points at that part's
 * `Content-Transfer-Encoding` header, where the file holds no readable
 * text; so each message of these rules ends with the decoded line the
 * finding is about (` [base64 HTML part, decoded line 7: "…"]`), empty
 * everywhere else (rules that name `mailcomply/eml` themselves get the same).
 * ESLint reports `messageId` as before; only the text grows.
 */
export function alsoOnMessages(rule: RuleDefinition): RuleDefinition {
	const languages = rule.meta?.languages ?? [];
	const native = languages.includes("mailcomply/eml");
	if (!native && !languages.includes("mailcomply/html")) return rule;
	// A rule that names the eml language itself reads the message its own way; one that gets it here also reads its text part.
	const readsTextParts = !native && languages.includes("mailcomply/text");
	const messages = rule.meta?.messages;
	return {
		...rule,
		meta: {
			...rule.meta,
			languages: native ? languages : [...languages, "mailcomply/eml"],
			...(messages
				? { messages: Object.fromEntries(Object.entries(messages).map(([id, text]) => [id, `${text}{{${DECODED}}}`])) }
				: {}),
		},
		create(context: RuleContext) {
			const message = context.sourceCode instanceof EmlSourceCode ? context.sourceCode : undefined;
			const report: RuleContext["report"] = (reported) => {
				const descriptor = reported as Descriptor;
				const quote = message?.decodedQuote(descriptor.node ?? descriptor.loc) ?? "";
				const next: Descriptor = { ...descriptor, data: { ...descriptor.data, [DECODED]: quote } };
				if (message) {
					delete next.fix;
					delete next.suggest;
				} else if (next.suggest)
					next.suggest = next.suggest.map((suggestion) => ({
						...suggestion,
						data: { ...suggestion.data, [DECODED]: "" },
					}));
				context.report(next as Parameters<RuleContext["report"]>[0]);
			};
			const visitor = rule.create(reportingThrough(context, report));
			const textPart = message?.textPart;
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
