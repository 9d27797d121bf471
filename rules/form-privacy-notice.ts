import type { TemplateRuleDefinition } from "../src/types.js";
import { FORM_RULE_LANGUAGES, ruleDocsUrl } from "../src/rule-docs.js";
import { cite } from "../src/legal/cite.js";
import { pageLanguage, type SuggestionLanguage } from "../src/analyses/page-language.js";
import { analyseSignupForms } from "../src/analyses/signup-form.js";
import { getLinks, type Link } from "../src/analyses/links.js";
import { matchPrivacyWording, urlLooksLikePrivacy } from "../src/lexicons/privacy-wording.js";
import { isDeicticLinkText } from "../src/lexicons/unsubscribe-wording.js";
import { matchPurposeWording, saysFrequency } from "../src/lexicons/form-wording.js";
import { getAttribute } from "../src/ast/attributes.js";

type MessageIds = "noPrivacyLink" | "noPurpose" | "noPrivacyLinkOrPurpose";

/** Due when the data are collected; the rule doc gives the full reasoning. */
const LAW = cite("gdpr-13");

/**
 * The moment an address is collected is the moment to inform: who collects
 * it, for what, and where the full privacy statement is.
 */
const rule: TemplateRuleDefinition<{ RuleOptions: []; MessageIds: MessageIds }> = {
	meta: {
		type: "problem",
		docs: {
			description:
				"Require a privacy-statement link and a statement of purpose at every form that collects an e-mail address or phone number",
			url: ruleDocsUrl("form-privacy-notice"),
			fix: "Say next to the form what the data are for, and link your privacy statement.",
			citations: ["gdpr-12-1", "gdpr-13", "wp260-transparency"],
			recommended: true,
			category: "form",
		},
		messages: {
			noPrivacyLink: `This form collects contact details, but the page has no privacy statement link: add one next to the form (${LAW}).`,
			noPurpose: `Say what the form collects contact details for, e.g. "{{purpose}}" (${LAW}).`,
			noPrivacyLinkOrPurpose: `Say what the form collects contact details for, e.g. "{{purpose}}", and link the privacy statement (${LAW}).`,
		},
		schema: [],
		languages: FORM_RULE_LANGUAGES,
	},
	create(context) {
		return {
			"Document:exit"(document) {
				const forms = analyseSignupForms(context.sourceCode).forms.filter((form) => form.purpose !== "login");
				if (forms.length === 0) return;
				const privacyLink = getLinks(context.sourceCode).links.some(isPrivacyLink);
				for (const form of forms) {
					// A newsletter sign-up that says how often it mails ("Sign up for our newsletter. One e-mail every Friday.") states its purpose too.
					const purpose =
						matchPurposeWording(form.nearbyText) !== undefined ||
						(form.purpose === "newsletter" && saysFrequency(form.nearbyText));
					if (privacyLink && purpose) continue;
					// The example sentence in the page's language: an English one is no help on a German checkout page.
					const example = EXAMPLES[pageLanguage(document, form.nearbyText)];
					context.report({
						loc: form.element.startTag.loc,
						messageId: privacyLink ? "noPurpose" : purpose ? "noPrivacyLink" : "noPrivacyLinkOrPurpose",
						data: { purpose: example.purpose, privacy: example.privacy },
					});
				}
			},
		};
	},
};

/** A purpose statement and a privacy-link text, per page language. */
const EXAMPLES: Readonly<Record<SuggestionLanguage, { purpose: string; privacy: string }>> = {
	en: {
		purpose: "We use your e-mail address only to send you our monthly newsletter.",
		privacy: "Read our privacy statement.",
	},
	nl: {
		purpose: "We gebruiken je e-mailadres alleen om je onze maandelijkse nieuwsbrief te sturen.",
		privacy: "Lees onze privacyverklaring.",
	},
	de: {
		purpose: "Wir verwenden Ihre E-Mail-Adresse nur, um Ihnen unseren monatlichen Newsletter zu senden.",
		privacy: "Lesen Sie unsere Datenschutzerklärung.",
	},
	fr: {
		purpose: "Nous utilisons votre adresse e-mail uniquement pour vous envoyer notre newsletter mensuelle.",
		privacy: "Lisez notre politique de confidentialité.",
	},
};

function isPrivacyLink(link: Link): boolean {
	if (matchPrivacyWording(link.text)) return true;
	if (isDeicticLinkText(link.text) && matchPrivacyWording(link.context)) return true;
	const href = getAttribute(link.element, "href")?.value ?? "";
	return href !== "" && urlLooksLikePrivacy(href);
}

export default rule;
