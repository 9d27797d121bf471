import type { TemplateRuleDefinition } from "../src/types.js";
import { FORM_RULE_LANGUAGES, ruleDocsUrl } from "../src/rule-docs.js";
import { cite } from "../src/legal/cite.js";
import { analyseSignupForms, shortLabel, type FormField } from "../src/analyses/signup-form.js";
import { consentKindsOf, isAffirmative, matchDeclineWording, nameSaysConsent } from "../src/lexicons/form-wording.js";

type MessageIds = "prechecked" | "templateChecked";

/**
 * Consent is "an unambiguous indication … by a clear affirmative action": a
 * box the sender ticked is not the user's action (CJEU Planet49).
 */
const rule: TemplateRuleDefinition<{ RuleOptions: []; MessageIds: MessageIds }> = {
	meta: {
		type: "problem",
		docs: {
			description: "Disallow consent checkboxes for newsletters, marketing or partners that are ticked in advance",
			url: ruleDocsUrl("no-prechecked-consent"),
			fix: "Leave consent checkboxes unticked.",
			citations: ["gdpr-4-11", "gdpr-7-1", "cjeu-planet49"],
			recommended: true,
			category: "form",
		},
		messages: {
			prechecked:
				'The consent box "{{label}}" is ticked in advance, which is no consent: remove `checked` (' +
				cite("gdpr-4-11") +
				").",
			templateChecked:
				'The consent box "{{label}}" can be ticked by the template before the user acts: render it unticked (' +
				cite("gdpr-4-11", "cjeu-planet49") +
				").",
		},
		schema: [],
		languages: FORM_RULE_LANGUAGES,
	},
	create(context) {
		return {
			"Document:exit"() {
				for (const form of analyseSignupForms(context.sourceCode).forms) {
					for (const field of form.fields) {
						// A box ticked only when a template condition holds restores a saved choice (a preference page), not a default.
						if (!field.checked || field.checked === "conditional" || !asksConsent(field)) continue;
						context.report({
							loc: field.element.startTag.loc,
							messageId: field.checked === "default" ? "prechecked" : "templateChecked",
							data: { label: shortLabel(field) },
						});
					}
				}
			},
		};
	},
};

function asksConsent(field: FormField): boolean {
	if (field.type !== "checkbox" && field.type !== "radio") return false;
	// "Ik wil geen nieuwsbrief", ticked, keeps the user out of the list.
	if (matchDeclineWording(field.label) || isDeclining(field.value)) return false;
	if (consentKindsOf(field.label).size > 0) return true;
	if (!nameSaysConsent(field.name)) return false;
	// In a yes/no group named "newsletter", only the "yes" option gives consent.
	return field.type === "checkbox" || isAffirmative(field.value) || isAffirmative(field.label);
}

function isDeclining(value: string): boolean {
	return /^(?:no|nee|nein|non|0|false|off)$/iu.test(value.trim());
}

export default rule;
