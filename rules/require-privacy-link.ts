import { isMarketingEmail } from "../src/campaign/marketing-email.js";
import { shortenText } from "../src/analyses/text.js";
import type { MessageRuleDefinition } from "../src/types.js";
import type { TemplateSourceCode } from "../src/languages/template-source-code.js";
import type { TextMessageCode } from "../src/analyses/message-text.js";
import { ruleDocsUrl } from "../src/rule-docs.js";
import { citeBriefly } from "../src/legal/cite.js";
import { findPageRoot } from "../src/analyses/document.js";
import { UNREAD_PART_MESSAGE, unreadPartOfMail } from "../src/analyses/unseen-parts.js";
import { campaignCountries, countriesOptionSchema, jurisdictionsOf } from "../src/analyses/jurisdiction.js";
import { getLinks } from "../src/analyses/links.js";
import { findTextPrivacyLinks, judgePrivacyLink } from "../src/analyses/privacy-links.js";

type MessageIds = "missing" | "broken" | "unseen" | "missingText" | "brokenText";
type Options = [{ countries?: string[] }];

/** How a text part's privacy line starts, in the mail's language. */
const PRIVACY_LABEL: Readonly<Record<string, string>> = {
	nl: "Privacyverklaring:",
	en: "Privacy policy:",
	de: "Datenschutzerklärung:",
	fr: "Politique de confidentialité :",
};

/**
 * A marketing mail must lead to the sender's privacy statement: it is where
 * the recipient finds the art. 13/14 GDPR information and how to exercise
 * the rights of access, rectification and objection (art. 15, 16, 21).
 */
const rule: MessageRuleDefinition<{ RuleOptions: Options; MessageIds: MessageIds }> = {
	meta: {
		type: "problem",
		docs: {
			description: "Require a link to the sender's privacy statement in every marketing e-mail",
			url: ruleDocsUrl("require-privacy-link"),
			fix: "Link your privacy statement in the footer.",
			citations: ["gdpr-12-1", "gdpr-13", "gdpr-14-3-b", "gdpr-21-4", "uk-gdpr"],
			recommended: true,
			assumes: ["kind", "countries"],
			severity: "warn",
			jurisdictions: ["eu", "uk"],
		},
		messages: {
			missing:
				"This marketing e-mail does not link to your privacy statement: add a visible link, e.g. in the footer ({{law}}).",
			broken:
				'Privacy link "{{text}}" does not lead to a privacy statement ({{reason}}): point it at the published one.',
			unseen: UNREAD_PART_MESSAGE,
			missingText:
				'This marketing e-mail\'s plain-text part has no privacy link: add a line such as "{{line}}" so text-only readers find it too ({{law}}).',
			brokenText: "Privacy link {{url}} leads nowhere ({{reason}}): point it at the published privacy statement.",
		},
		schema: [
			{
				type: "object",
				properties: { countries: countriesOptionSchema },
				additionalProperties: false,
			},
		],
		defaultOptions: [{}],
		// Not SMS or WhatsApp: the law asks the privacy information at collection or the first message, not a link in each text (see the doc).
		languages: ["mailcomply/mjml", "mailcomply/html", "mailcomply/text"],
	},
	create(context) {
		const sourceCode = context.sourceCode as TemplateSourceCode;
		const [{ countries }] = context.options;
		return {
			// A template's plain-text part, or a captured message's: text-only readers see only it.
			"TextMessage:exit"(message) {
				const { campaign } = (context.sourceCode as TextMessageCode).getCampaign(context.settings);
				if (!isMarketingEmail(campaign)) return;
				const regimes = jurisdictionsOf(campaignCountries(campaign, countries));
				if (!regimes.has("eu") && !regimes.has("uk")) return;
				const links = findTextPrivacyLinks(message);
				for (const { url, reason } of links.broken)
					context.report({ loc: url.loc, messageId: "brokenText", data: { url: url.value, reason } });
				if (links.working || links.broken.length > 0) return;
				const language = (campaign.language ?? "en").slice(0, 2).toLowerCase();
				context.report({
					loc: { start: message.loc.start, end: message.loc.start },
					messageId: "missingText",
					data: {
						line: `${PRIVACY_LABEL[language] ?? PRIVACY_LABEL["en"]!} https://…`,
						law: citeBriefly(["gdpr-12-1", "gdpr-13", "uk-gdpr"], regimes),
					},
				});
			},
			"Document:exit"() {
				const { campaign } = sourceCode.getCampaign(context.settings);
				// A transactional mail follows a transaction whose own notice (at checkout, in the account) informed the customer; see the doc.
				if (!isMarketingEmail(campaign)) return;
				const regimes = jurisdictionsOf(campaignCountries(campaign, countries));
				if (!regimes.has("eu") && !regimes.has("uk")) return;
				let working = false;
				let broken = false;
				for (const link of getLinks(sourceCode).links) {
					// `<!--[if !mso]>…<![endif]-->` hides a link from every client.
					if (link.clients === "none") continue;
					const verdict = judgePrivacyLink(link);
					if (verdict.kind === "working") working = true;
					if (verdict.kind === "broken") {
						broken = true;
						context.report({
							loc: link.element.startTag.loc,
							messageId: "broken",
							data: { text: shortenText(link.text || "(no text)"), reason: verdict.reason },
						});
					}
				}
				if (working || broken) return;
				const unread = unreadPartOfMail(sourceCode);
				if (unread) {
					context.report({
						loc: unread.loc,
						messageId: "unseen",
						data: { duty: "a link to the privacy statement", tag: unread.tag, why: unread.why },
					});
					return;
				}
				// A footer partial is checked in the mail that includes it.
				const page = findPageRoot(sourceCode);
				if (!page) return;
				context.report({
					loc: page.type === "Element" ? page.startTag.loc : page.loc,
					messageId: "missing",
					data: { law: citeBriefly(["gdpr-13", "gdpr-14-3-b", "gdpr-21-4", "uk-gdpr"], regimes) },
				});
			},
		};
	},
};

export default rule;
