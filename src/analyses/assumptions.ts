/**
 * The campaign facts mailcomply assumes when nobody declared them, and how a
 * finding says so. Two facts change what the law asks of a mail:
 * - `kind`: without one, a template's kind is read from its content
 *   (src/analyses/mail-kind.ts); a sidecar linted on its own is taken as
 *   marketing;
 * - `countries` (`audience.countries`, or a rule's `countries` option):
 *   without them, no country's law is assumed and only the duties that hold
 *   in every supported jurisdiction are checked.
 *
 * Rules name the facts they depend on in `meta.docs.assumes`; their docs say
 * how to declare them, and plugin/assumption-notes.ts ends the messages of
 * the rules that depend on `kind` with {@link assumptionNote}. Undeclared
 * countries never lead to a finding (they switch checks off), so the CLI
 * says once per run that they were not declared.
 */
import type { RuleContext } from "@eslint/core";
import { DEFAULT_KIND } from "../campaign/sidecar.js";
import type { Campaign } from "../campaign/types.js";
import type { TemplateCampaign } from "../languages/template-source-code.js";
import type { CampaignSourceCode } from "../languages/campaign-source-code.js";
import { sidecarFacts } from "./campaign-facts.js";

export type AssumedFact = "kind" | "countries";

/** How to declare the facts once, for messages and `--help`. */
export const HOW_TO_DECLARE =
	"declare it in the template's NAME.campaign.yaml, in a defaults.campaign.yaml for its folder, or in settings.mailcomply.campaign";

interface CampaignView {
	campaign: Campaign;
	declared: Set<string>;
	inferredKind?: TemplateCampaign["inferredKind"];
}

/** The facts as the rule saw them: a template's (with its inferred kind) or a sidecar's. */
function campaignView(context: RuleContext): CampaignView {
	const sourceCode = context.sourceCode as unknown as { getCampaign?: (settings: unknown) => TemplateCampaign };
	if (typeof sourceCode.getCampaign === "function") return sourceCode.getCampaign(context.settings);
	return sidecarFacts(context.sourceCode as unknown as CampaignSourceCode, context.settings);
}

/**
 * The note that ends a finding of a rule that depends on `facts`, for the
 * file being linted: `" (Assumed marketing: it says \"20% off\".)"`, or
 * `" (Assumed marketing: mailcomply cannot read Greek.)"` when it is written in a language the wording lists
 * do not read, `" (Assumed marketing.)"` when the content gave no evidence, or `""` when the kind was declared. Short, because it ends a
 * message; the run's summary says once how to declare the facts.
 */
export function assumptionNote(context: RuleContext, facts: readonly AssumedFact[]): string {
	const view = campaignView(context);
	const parts: string[] = [];
	if (facts.includes("kind") && !view.declared.has("kind")) {
		const inferred = view.inferredKind;
		const kind = inferred?.kind ?? DEFAULT_KIND;
		if (inferred?.evidence) parts.push(`${kind}: it says ${inferred.evidence}`);
		else if (inferred?.unreadLanguage) parts.push(`${kind}: mailcomply cannot read ${inferred.unreadLanguage}`);
		else parts.push(kind);
	}
	// Undeclared countries never produce a finding (a country's duty is checked only where its country is declared), so they are said once per run, not here.
	return parts.length === 0 ? "" : ` (Assumed ${parts.join("; ")}.)`;
}
