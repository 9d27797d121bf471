import { isMarketingEmail } from "../src/campaign/marketing-email.js";
import type { TemplateRuleDefinition } from "../src/types.js";
import { ruleDocsUrl } from "../src/rule-docs.js";
import { citeForCampaign } from "../src/legal/cite.js";
import type { CitationId } from "../src/legal/citations.js";
import { findPageRoot } from "../src/analyses/document.js";
import { isSignupPage } from "../src/analyses/signup-form.js";
import { unsubscribeTagHint } from "../src/analyses/unsubscribe-tags.js";
import { getUnsubscribeLinks } from "../src/analyses/unsubscribe-links.js";
import { shortenText } from "../src/analyses/message-text.js";
import { footerInsertion, footerLanguage, unsubscribeFooter } from "../src/analyses/unsubscribe-footer.js";

type MessageIds = "missing" | "broken" | "addFooter";

/** The duty to offer an opt-out in every marketing message, per regime; the finding cites those of its recipients. */
const OPT_OUT_LAW = ["eprivacy-13-4", "tw-11-7-identity", "uwg-7-2-3", "pecr-23", "canspam-a-3", "canspam-a-5-a-ii", "casl-6-2", "casl-11"] as const satisfies readonly CitationId[];

/**
 * A marketing mail must offer a working opt-out. What counts as one is
 * decided in src/analyses/unsubscribe-links.ts, shared with `no-hidden-unsubscribe`.
 */
const rule: TemplateRuleDefinition<{ RuleOptions: []; MessageIds: MessageIds }> = {
	meta: {
		type: "problem",
		docs: {
			description: "Require a working unsubscribe link in every marketing e-mail",
			url: ruleDocsUrl("require-unsubscribe"),
			citations: ["eprivacy-13-4", "gdpr-21-2-3", "tw-11-7-identity", "uwg-7-2-3", "pecr-23", "canspam-a-3", "canspam-a-5-a-ii", "casl-6-2", "casl-11"],
			recommended: true,
			assumes: ["kind"],
		},
		hasSuggestions: true,
		messages: {
			missing:
				"This marketing e-mail has no unsubscribe link. Add a visible link to a working opt-out{{hint}}. Required by {{law}}.",
			broken:
				"Unsubscribe link \"{{text}}\" does not work: {{reason}}. Point it at a working opt-out page or at your ESP's unsubscribe tag{{hint}}.",
			addFooter: "Add an unsubscribe footer linking to {{target}}.",
		},
		schema: [],
		languages: ["mailcomply/mjml", "mailcomply/html"],
	},
	create(context) {
		const sourceCode = context.sourceCode;
		return {
			"Document:exit"(document) {
				const { campaign } = sourceCode.getCampaign(context.settings);
				if (!isMarketingEmail(campaign)) return;
				// The ESP adds its own unsubscribe footer to every mail; the doc explains how to declare this.
				if (campaign.espAppendsFooter) return;
				// A sign-up page is a web page, not a mail: its relative links are fine and it needs no opt-out.
				if (isSignupPage(document)) return;
				const hint = unsubscribeTagHint(campaign.esp);
				const analysis = getUnsubscribeLinks(sourceCode);
				for (const { link, reason } of analysis.broken) {
					context.report({
						loc: link.element.startTag.loc,
						messageId: "broken",
						data: { text: shortenText(link.text || "(no text)"), reason, hint: hint ? ` (${hint})` : "" },
					});
				}
				// A broken opt-out is already reported where it is (a broken merge tag by `esp-merge-tags`); "missing" would repeat the same problem.
				if (analysis.optOuts.length > 0 || analysis.broken.length > 0 || analysis.brokenTags.length > 0) return;
				const page = findPageRoot(document);
				// A partial (a footer snippet, an include) is checked where it is used, not on its own.
				if (!page) return;
				const footer = unsubscribeFooter({ format: document.format, esp: campaign.esp, language: footerLanguage(campaign, document) });
				const insertion = footerInsertion(sourceCode.text, page, footer);
				context.report({
					loc: page.type === "Element" ? page.startTag.loc : page.loc,
					messageId: "missing",
					data: { hint: hint ? `, e.g. ${hint}` : "", law: citeForCampaign(OPT_OUT_LAW, campaign) },
					suggest:
						insertion === undefined
							? []
							: [
									{
										messageId: "addFooter",
										data: { target: footer.includes("{{unsubscribe_url}}") ? "a {{unsubscribe_url}} placeholder to replace with your ESP's tag" : "your ESP's unsubscribe tag" },
										fix: fixer => fixer.insertTextBeforeRange([insertion.offset, insertion.offset], insertion.text),
									},
								],
				});
			},
		};
	},
};

export default rule;
