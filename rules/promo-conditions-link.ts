import { unusableTargetReason } from "../src/analyses/link-target.js";
import { shortenText } from "../src/analyses/message-text.js";
import type { TemplateRuleDefinition } from "../src/types.js";
import type { DocumentNode, ElementNode } from "../src/ast/types.js";
import { ruleDocsUrl } from "../src/docs-url.js";
import { findPageRoot } from "../src/analyses/document.js";
import { campaignCountries, countriesOptionSchema, jurisdictionsOf } from "../src/analyses/jurisdiction.js";
import { getLinks, type Link } from "../src/analyses/links.js";
import { getOffers } from "../src/analyses/offers.js";
import { getTextBlocks } from "../src/analyses/text-blocks.js";
import { matchConditionsWording, matchOffer, startsWithConditionsLabel, urlLooksLikeConditions, writesConditionsOut } from "../src/lexicons/offers.js";
import { isDeicticLinkText } from "../src/lexicons/unsubscribe-wording.js";

type MessageIds = "missing" | "broken";
type Options = [{ countries?: string[] }];

/**
 * Discounts, gifts and contests must be recognisable as such and their
 * conditions easily accessible (e-Commerce Directive art. 6(c)–(d), BW
 * 3:15e(1)(c)). A mail that makes such an offer must link to its conditions
 * or write them out under a "Voorwaarden:"-style label.
 */
const rule: TemplateRuleDefinition<{ RuleOptions: Options; MessageIds: MessageIds }> = {
	meta: {
		type: "problem",
		docs: {
			description: "Require a link to the conditions of every discount, gift, contest or prize draw a mail promotes",
			url: ruleDocsUrl("promo-conditions-link"),
			recommended: true,
			severity: "warn",
			jurisdictions: ["eu", "uk"],
		},
		messages: {
			missing:
				"This mail promotes an offer (\"{{offer}}\") but gives no access to its conditions. Link to them (\"Actievoorwaarden\", \"Terms & conditions\", \"Teilnahmebedingungen\", \"Règlement\") or write them out under a \"Voorwaarden:\" label. Required by e-Commerce Directive 2000/31/EC art. 6(c)-(d) and BW 3:15e(1)(c).",
			broken: "Conditions link \"{{text}}\" leads nowhere: {{reason}}. Point it at the page with the offer's conditions.",
		},
		schema: [
			{
				type: "object",
				properties: { countries: countriesOptionSchema },
				additionalProperties: false,
			},
		],
		defaultOptions: [{}],
		languages: ["mailcomply/mjml", "mailcomply/html"],
	},
	create(context) {
		const sourceCode = context.sourceCode;
		const [{ countries }] = context.options;
		return {
			"Document:exit"(document) {
				const { campaign } = sourceCode.getCampaign(context.settings);
				const regimes = jurisdictionsOf(campaignCountries(campaign, countries));
				if (!regimes.has("eu") && !regimes.has("uk")) return;
				// A partial may hold the conditions of the mail it is part of; the mail is checked where it is assembled.
				const page = findPageRoot(document);
				if (!page) return;
				const offers = getOffers(sourceCode);
				const headerOffer = matchOffer(campaign.subject ?? "") ?? matchOffer(campaign.preheader ?? "");
				if (offers.length === 0 && headerOffer === undefined) return;

				let accessible = getTextBlocks(sourceCode).some((block) => startsWithConditionsLabel(block.text) || writesConditionsOut(block.text));
				let broken = false;
				for (const link of getLinks(sourceCode).links) {
					if (!namesConditions(link)) continue;
					const reason = whyBroken(link);
					if (reason === undefined) {
						accessible = true;
						continue;
					}
					broken = true;
					context.report({ loc: link.element.startTag.loc, messageId: "broken", data: { text: shortenText(link.text || "(no text)"), reason } });
				}
				if (accessible || broken) return;
				const first = offers[0];
				context.report({
					loc: locOf(first?.node ?? page),
					messageId: "missing",
					data: { offer: first?.text ?? headerOffer?.text ?? "" },
				});
			},
		};
	},
};

function namesConditions(link: Link): boolean {
	if (matchConditionsWording(link.text)) return true;
	if (isDeicticLinkText(link.text) && matchConditionsWording(link.context)) return true;
	const target = link.target;
	return target.kind === "url" && urlLooksLikeConditions(target.url);
}

function whyBroken(link: Link): string | undefined {
	const target = link.target;
	switch (target.kind) {
		case "url":
			return target.placeholderHost ? `${target.host} is a placeholder address` : undefined;
		case "merge-tag":
			return undefined;
		case "mailto":
			return "a mailto: link opens a new e-mail, it does not show the conditions";
		default:
			return unusableTargetReason(target);
	}
}

function locOf(node: ElementNode | DocumentNode) {
	return node.type === "Element" ? node.startTag.loc : node.loc;
}


export default rule;
