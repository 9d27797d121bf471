import type { TemplateRuleDefinition } from "../src/types.js";
import { FORM_RULE_LANGUAGES, ruleDocsUrl } from "../src/rule-docs.js";
import { cite } from "../src/legal/cite.js";
import { analyseSignupForms, shortLabel } from "../src/analyses/signup-form.js";
import { consentKindsOf, matchAcceptanceWording, matchDeclineWording } from "../src/lexicons/form-wording.js";

type MessageIds = "withThirdParty" | "withAcceptance";

/**
 * Consent must be specific: one box per purpose. A box that also shares the
 * address with partners, or that also accepts the terms, is not a free and
 * specific choice for either.
 */
const rule: TemplateRuleDefinition<{ RuleOptions: []; MessageIds: MessageIds }> = {
	meta: {
		type: "problem",
		docs: {
			description: "Disallow one checkbox that bundles marketing consent with partner sharing or with accepting terms",
			url: ruleDocsUrl("no-bundled-consent"),
			fix: "Give marketing consent its own unticked checkbox.",
			citations: ["gdpr-4-11", "gdpr-7-2-4", "edpb-consent-05-2020"],
			recommended: true,
			category: "form",
		},
		messages: {
			withThirdParty:
				'The box "{{label}}" asks consent for your newsletter and for sharing with third parties at once: give each its own unticked box (' +
				cite("gdpr-4-11") +
				").",
			withAcceptance:
				'The box "{{label}}" ties marketing consent to accepting terms, a privacy policy or an age limit: give the consent its own unticked box (' +
				cite("gdpr-7-2-4") +
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
						if (field.type !== "checkbox" && field.type !== "radio") continue;
						if (matchDeclineWording(field.label)) continue;
						const kinds = consentKindsOf(field.label);
						// "Offers from our partners" alone is one purpose; the newsletter beside it, or handing the data over, makes two.
						const marketing = kinds.has("newsletter") || kinds.has("marketing");
						const messageId: MessageIds | undefined =
							kinds.has("third-party") && (kinds.has("newsletter") || (marketing && kinds.has("sharing")))
								? "withThirdParty"
								: marketing && matchAcceptanceWording(field.label)
									? "withAcceptance"
									: undefined;
						if (messageId)
							context.report({ loc: field.element.startTag.loc, messageId, data: { label: shortLabel(field) } });
					}
				}
			},
		};
	},
};

export default rule;
