import type { TemplateRuleDefinition } from "../src/types.js";
import { FORM_RULE_LANGUAGES, ruleDocsUrl } from "../src/rule-docs.js";
import { cite } from "../src/legal/cite.js";
import { pageLanguage, type SuggestionLanguage } from "../src/analyses/page-language.js";
import { analyseSignupForms } from "../src/analyses/signup-form.js";
import { saysFrequency } from "../src/lexicons/form-wording.js";
import { matchUnsubscribeInvitation } from "../src/lexicons/unsubscribe-wording.js";

type MessageIds = "noFrequency" | "noUnsubscribe" | "noFrequencyOrUnsubscribe";

/** Telling how to withdraw consent is the law's; how often you mail is good practice (the rule doc says why). */
const WITHDRAWAL_LAW = cite("gdpr-7-3");
const INFORMED_CONSENT_LAW = cite("gdpr-4-11");

/** How often, and how to stop, per page language. */
const EXAMPLES: Readonly<Record<SuggestionLanguage, { frequency: string; unsubscribe: string }>> = {
	en: { frequency: "Once a month.", unsubscribe: "You can unsubscribe at any time." },
	nl: { frequency: "Eén keer per maand.", unsubscribe: "Je kunt je altijd afmelden." },
	de: { frequency: "Einmal im Monat.", unsubscribe: "Sie können sich jederzeit abmelden." },
	fr: { frequency: "Une fois par mois.", unsubscribe: "Vous pouvez vous désabonner à tout moment." },
};

/** A subscriber can only agree to what they were told: how much mail, and how to stop it. */
const rule: TemplateRuleDefinition<{ RuleOptions: []; MessageIds: MessageIds }> = {
	meta: {
		type: "suggestion",
		docs: {
			description: "Require a newsletter sign-up form to say how often it mails and how to unsubscribe",
			url: ruleDocsUrl("form-disclose-frequency"),
			fix: "Say next to the form how often you mail and how to unsubscribe.",
			citations: ["gdpr-4-11", "gdpr-7-3", "edpb-consent-05-2020"],
			recommended: true,
			severity: "warn",
			category: "form",
		},
		messages: {
			noFrequency: `This newsletter form does not say how often you mail: add e.g. "{{frequency}}" (good practice for informed consent, ${INFORMED_CONSENT_LAW}).`,
			noUnsubscribe: `This newsletter form does not say how to unsubscribe: add e.g. "{{unsubscribe}}" (${WITHDRAWAL_LAW}).`,
			noFrequencyOrUnsubscribe: `Say how often you mail and how to unsubscribe, e.g. "{{frequency}} {{unsubscribe}}" (${WITHDRAWAL_LAW}).`,
		},
		schema: [],
		languages: FORM_RULE_LANGUAGES,
	},
	create(context) {
		return {
			"Document:exit"(document) {
				for (const form of analyseSignupForms(context.sourceCode).forms) {
					if (form.purpose !== "newsletter") continue;
					const frequency = saysFrequency(form.nearbyText);
					const unsubscribe = matchUnsubscribeInvitation(form.nearbyText) !== undefined;
					if (frequency && unsubscribe) continue;
					// Example wording in the page's language.
					const example = EXAMPLES[pageLanguage(document, form.nearbyText)];
					context.report({
						loc: form.element.startTag.loc,
						messageId: frequency ? "noUnsubscribe" : unsubscribe ? "noFrequency" : "noFrequencyOrUnsubscribe",
						data: example,
					});
				}
			},
		};
	},
};

export default rule;
