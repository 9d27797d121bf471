import type { RuleContext, RuleDefinition } from "@eslint/core";
import { mailcomplyDocs } from "../src/rule-docs.js";
import { assumptionNote, type AssumedFact } from "../src/analyses/assumptions.js";
import { reportingThrough } from "./report-through.js";

/** The data key every message of an assumption-dependent rule ends with. */
export const ASSUMED = "mailcomplyAssumed";

/**
 * A finding that rests on a fact nobody declared must say so: "This marketing
 * e-mail has no unsubscribe link … (Assumed: treated as marketing, it says
 * "20% off"; no `kind` declared.)". Rather than each rule writing that into
 * each message, the rules name the facts they depend on in
 * `meta.docs.assumes`, and this wrapper ends each of their messages with the
 * note for the file being linted (empty where everything was declared).
 *
 * ESLint reports `messageId` and the message text as before; only the text
 * grows. Suggestions' descriptions get no note.
 */
export function noteAssumptions(rule: RuleDefinition): RuleDefinition {
	const assumes = mailcomplyDocs(rule)?.assumes;
	const messages = rule.meta?.messages;
	if (!assumes?.includes("kind") || !messages) return rule;
	return {
		...rule,
		meta: {
			...rule.meta,
			messages: Object.fromEntries(Object.entries(messages).map(([id, text]) => [id, `${text}{{${ASSUMED}}}`])),
		},
		create(context: RuleContext) {
			let note: string | undefined;
			const noteFor = () => (note ??= assumptionNote(context, assumes as readonly AssumedFact[]));
			const report: RuleContext["report"] = (descriptor) => {
				const suggest = (descriptor as { suggest?: Array<{ data?: Record<string, unknown> }> }).suggest;
				context.report({
					...descriptor,
					data: { ...(descriptor as { data?: Record<string, unknown> }).data, [ASSUMED]: noteFor() },
					...(suggest
						? { suggest: suggest.map((suggestion) => ({ ...suggestion, data: { ...suggestion.data, [ASSUMED]: "" } })) }
						: {}),
				} as Parameters<RuleContext["report"]>[0]);
			};
			return rule.create(reportingThrough(context, report));
		},
	} as RuleDefinition;
}
