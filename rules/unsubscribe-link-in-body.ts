import { isMarketingEmail } from "../src/campaign/marketing-email.js";
import type { TemplateRuleDefinition } from "../src/types.js";
import { ruleDocsUrl } from "../src/rule-docs.js";
import { findPageRoot } from "../src/analyses/document.js";
import { isSignupPage } from "../src/analyses/signup-form.js";
import { unsubscribeTagHint } from "../src/analyses/unsubscribe-tags.js";
import { getUnsubscribeLinks } from "../src/analyses/unsubscribe-links.js";
import { cite } from "../src/legal/cite.js";

type MessageIds = "emailOnly";

const GMAIL = cite("google-sender-guidelines");

/**
 * The law accepts an opt-out by e-mail (`require-unsubscribe`), but Gmail
 * asks bulk senders for a visible unsubscribe link in the body. That is an
 * inbox provider's requirement, not the law's, so this rule warns; it is
 * the other half of the decision `require-unsubscribe` documents.
 */
const rule: TemplateRuleDefinition<{ RuleOptions: []; MessageIds: MessageIds }> = {
	meta: {
		type: "suggestion",
		docs: {
			description:
				"Suggest a visible unsubscribe link in marketing mail whose only opt-out is by e-mail, as Gmail asks of bulk senders",
			url: ruleDocsUrl("unsubscribe-link-in-body"),
			fix: "Add a visible unsubscribe link beside the reply-to opt-out.",
			citations: ["google-sender-guidelines"],
			recommended: true,
			severity: "warn",
		},
		messages: {
			emailOnly: `This marketing e-mail offers its opt-out only by e-mail ({{how}}): lawful, but Gmail wants a visible unsubscribe link too; add one{{hint}} (${GMAIL}).`,
		},
		schema: [],
		languages: ["mailcomply/mjml", "mailcomply/html"],
	},
	create(context) {
		const sourceCode = context.sourceCode;
		return {
			"Document:exit"() {
				const { campaign } = sourceCode.getCampaign(context.settings);
				if (!isMarketingEmail(campaign) || campaign.espAppendsFooter) return;
				if (isSignupPage(context.sourceCode) || !findPageRoot(context.sourceCode)) return;
				const { optOuts, broken, brokenTags } = getUnsubscribeLinks(sourceCode);
				// No opt-out at all, or a broken one, is `require-unsubscribe`'s (or `esp-merge-tags`') finding.
				if (optOuts.length === 0 || broken.length > 0 || brokenTags.length > 0) return;
				const written = optOuts.filter((optOut) => optOut.kind === "written");
				if (written.length < optOuts.length) return;
				const first = written[0]!;
				const hint = unsubscribeTagHint(campaign.esp);
				context.report({
					loc: first.element.startTag.loc,
					messageId: "emailOnly",
					data: {
						how: first.how === "reply" ? "a reply to the mail" : "an address to write to",
						hint: hint ? `, e.g. ${hint}` : "",
					},
				});
			},
		};
	},
};

export default rule;
