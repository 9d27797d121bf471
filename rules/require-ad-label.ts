import type { MessageRuleDefinition } from "../src/types.js";
import type { TemplateSourceCode } from "../src/languages/template-source-code.js";
import { lineLoc, messageLines, type TextMessageCode } from "../src/analyses/message-text.js";
import type { DocumentNode, ElementNode } from "../src/ast/types.js";
import { ruleDocsUrl } from "../src/rule-docs.js";
import { findPageRoot } from "../src/analyses/document.js";
import { UNREAD_PART_MESSAGE, unreadPartOfMail } from "../src/analyses/unseen-parts.js";
import { campaignCountries, countriesOptionSchema, jurisdictionsOf } from "../src/analyses/jurisdiction.js";
import { marketingShown } from "../src/analyses/mail-kind.js";
import { findTextOffers, getOffers } from "../src/analyses/offers.js";
import { getTextBlocks } from "../src/analyses/text-blocks.js";
import { matchAdLabel, matchNotMarketingClaim } from "../src/lexicons/ad-label-wording.js";
import { matchOffer } from "../src/lexicons/offers.js";

type MessageIds = "missing" | "falseClaim" | "unseen" | "missingText";
type Options = [{ countries?: string[] }];

/**
 * CAN-SPAM: a commercial mail sent without the recipient's prior
 * affirmative consent must identify itself clearly and conspicuously as an
 * advertisement (15 U.S.C. 7704(a)(5)(A)(i), (B)). And a mail that promotes
 * while claiming "this is not a marketing e-mail" is still commercial (FTC v.
 * Experian Consumer Services, 2023).
 */
const rule: MessageRuleDefinition<{ RuleOptions: Options; MessageIds: MessageIds }> = {
	meta: {
		type: "problem",
		docs: {
			description:
				'Require an advertisement label in US commercial e-mail sent without prior affirmative consent, and forbid "this is not marketing" claims on promotional mail',
			url: ruleDocsUrl("require-ad-label"),
			fix: "Mark US commercial mail as an advertisement, or declare consent.",
			citations: ["canspam-a-5-a-i", "canspam-7702-2", "ftc-experian"],
			recommended: true,
			assumes: ["kind", "countries"],
			jurisdictions: ["us"],
		},
		messages: {
			missing:
				'No ad label ({{basis}}): start the subject with "Advertisement", or declare `lawfulBasis: consent` if all opted in (CAN-SPAM 7704(a)(5)(A)(i)).',
			falseClaim:
				'It says "{{claim}}" but promotes "{{offer}}", so it is commercial: send it as marketing, with an opt-out, or drop the offer (16 CFR 316.3).',
			unseen: UNREAD_PART_MESSAGE,
			missingText:
				'This commercial e-mail\'s plain-text part is not identified as an advertisement ({{basis}}): start it or the subject with "Advertisement" (CAN-SPAM 7704(a)(5)(A)(i)).',
		},
		schema: [
			{
				type: "object",
				properties: { countries: countriesOptionSchema },
				additionalProperties: false,
			},
		],
		defaultOptions: [{}],
		// Not SMS or WhatsApp: CAN-SPAM is about e-mail (see the doc).
		languages: ["mailcomply/mjml", "mailcomply/html", "mailcomply/text"],
	},
	create(context) {
		const sourceCode = context.sourceCode as TemplateSourceCode;
		const [{ countries }] = context.options;
		return {
			// A template's plain-text part, or a captured message's: a text-only reader sees no label in the HTML.
			"TextMessage:exit"(message) {
				const { campaign, declared, inferredKind } = (context.sourceCode as TextMessageCode).getCampaign(
					context.settings,
				);
				if (campaign.channel !== "email") return;
				if (!jurisdictionsOf(campaignCountries(campaign, countries)).has("us")) return;
				const code = context.sourceCode as TextMessageCode;
				const lines = messageLines(message);
				const headers = [campaign.subject ?? "", campaign.preheader ?? ""];
				const offer =
					findTextOffers(message)[0]?.text ?? headers.map(matchOffer).find((match) => match !== undefined)?.text;
				if (offer !== undefined) {
					for (const line of lines) {
						const claim = matchNotMarketingClaim(line.text);
						if (claim !== undefined)
							context.report({ loc: lineLoc(code, line), messageId: "falseClaim", data: { claim, offer } });
					}
				}
				if (!marketingShown(campaign, inferredKind) || campaign.lawfulBasis === "consent") return;
				if (inferredKind?.transactionalFirst === true && matchOffer(campaign.subject ?? "") === undefined) return;
				const labelled =
					headers.some((text) => matchAdLabel(text) !== undefined) ||
					lines.some((line) => matchAdLabel(line.text) !== undefined);
				if (labelled) return;
				const basis = declared.has("lawfulBasis") ? `lawfulBasis: ${campaign.lawfulBasis}` : "no lawfulBasis declared";
				context.report({
					loc: { start: message.loc.start, end: message.loc.start },
					messageId: "missingText",
					data: { basis },
				});
			},
			"Document:exit"() {
				const { campaign, declared, inferredKind } = sourceCode.getCampaign(context.settings);
				if (campaign.channel !== "email") return;
				if (!jurisdictionsOf(campaignCountries(campaign, countries)).has("us")) return;
				// A partial is one piece of a mail; the assembled mail is checked.
				const page = findPageRoot(sourceCode);
				const unread = unreadPartOfMail(sourceCode);
				if (!page && !unread) return;
				const blocks = getTextBlocks(sourceCode);
				const headers = [campaign.subject ?? "", campaign.preheader ?? ""];

				const offer =
					getOffers(sourceCode)[0]?.text ?? headers.map(matchOffer).find((match) => match !== undefined)?.text;
				if (offer !== undefined) {
					for (const block of blocks) {
						const claim = matchNotMarketingClaim(block.text);
						if (claim !== undefined)
							context.report({ loc: locOf(block.node), messageId: "falseClaim", data: { claim, offer } });
					}
				}

				if (!marketingShown(campaign, inferredKind) || campaign.lawfulBasis === "consent") return;
				// CAN-SPAM's primary-purpose rule (16 CFR 316.3(a)(2)): a mail whose transactional content comes first
				// (a receipt with a coupon under it) is transactional unless its subject line promotes. The inferred kind
				// takes the stricter EU reading; this US duty takes the US one. A declared kind is the user's reading.
				if (inferredKind?.transactionalFirst === true && matchOffer(campaign.subject ?? "") === undefined) return;
				const labelled =
					headers.some((text) => matchAdLabel(text) !== undefined) ||
					blocks.some((block) => matchAdLabel(block.text) !== undefined);
				if (labelled) return;
				if (unread) {
					context.report({
						loc: unread.loc,
						messageId: "unseen",
						data: { duty: "a label that says it is an advertisement", tag: unread.tag, why: unread.why },
					});
					return;
				}
				if (!page) return;
				const basis = declared.has("lawfulBasis") ? `lawfulBasis: ${campaign.lawfulBasis}` : "no lawfulBasis declared";
				context.report({ loc: locOf(page), messageId: "missing", data: { basis } });
			},
		};
	},
};

function locOf(node: ElementNode | DocumentNode) {
	return node.type === "Element" ? node.startTag.loc : node.loc;
}

export default rule;
