import { unusableTargetReason } from "../src/analyses/link-target.js";
import { shortenText } from "../src/analyses/text.js";
import type { MessageRuleDefinition } from "../src/types.js";
import type { TemplateSourceCode } from "../src/languages/template-source-code.js";
import {
	lineAround,
	lineLoc,
	messageLines,
	textUrlTarget,
	type TextMessageCode,
} from "../src/analyses/message-text.js";
import type { TextMessageNode } from "../src/text-message/ast.js";
import type { DocumentNode, ElementNode, SourceLocation } from "../src/ast/types.js";
import { ruleDocsUrl } from "../src/rule-docs.js";
import { declaredLanguage, languageWritten, type FooterLanguage } from "../src/analyses/unsubscribe-footer.js";
import { citeBriefly } from "../src/legal/cite.js";
import type { CitationId } from "../src/legal/citations.js";
import { findPageRoot } from "../src/analyses/document.js";
import { campaignCountries, countriesOptionSchema, jurisdictionsOf } from "../src/analyses/jurisdiction.js";
import { getLinks, type Link } from "../src/analyses/links.js";
import { findTextOffers, getOffers } from "../src/analyses/offers.js";
import { getTextBlocks } from "../src/analyses/text-blocks.js";
import {
	matchConditionsWording,
	matchOffer,
	startsWithConditionsLabel,
	urlLooksLikeConditions,
	writesConditionsOut,
} from "../src/lexicons/offers.js";
import { isDeicticLinkText } from "../src/lexicons/unsubscribe-wording.js";

type MessageIds = "missing" | "broken" | "brokenText";
type Options = [{ countries?: string[] }];

/** The duty per regime: the Dutch and UK implementations before the directive. */
const CONDITIONS_LAW = [
	"bw-3-15e-1-c",
	"uk-ecommerce-regs-7",
	"ecommerce-6-c-d",
] as const satisfies readonly CitationId[];

/** How to give access to the conditions, in the mail's language: a link text and a label to write them out under. */
const CONDITIONS_WORDING: Readonly<Record<FooterLanguage, { link: string; label: string }>> = {
	nl: { link: "Actievoorwaarden", label: "Voorwaarden:" },
	en: { link: "Terms & conditions", label: "Terms:" },
	de: { link: "Teilnahmebedingungen", label: "Bedingungen:" },
	fr: { link: "Conditions de l'offre", label: "Conditions :" },
};

/**
 * Discounts, gifts and contests must be recognisable as such and their
 * conditions easily accessible (e-Commerce Directive art. 6(c)–(d), BW
 * 3:15e(1)(c)). A mail that makes such an offer must link to its conditions
 * or write them out under a "Voorwaarden:"-style label.
 */
const rule: MessageRuleDefinition<{ RuleOptions: Options; MessageIds: MessageIds }> = {
	meta: {
		type: "problem",
		docs: {
			description: "Require a link to the conditions of every discount, gift, contest or prize draw a mail promotes",
			url: ruleDocsUrl("promo-conditions-link"),
			fix: "Link the offer's conditions, or write them out under the offer.",
			citations: ["ecommerce-6-c-d", "bw-3-15e-1-c", "uk-ecommerce-regs-7"],
			recommended: true,
			assumes: ["countries"],
			severity: "warn",
			jurisdictions: ["eu", "uk"],
		},
		messages: {
			missing:
				'The offer ("{{offer}}") lacks its conditions: link them ("{{link}}") or write them under "{{label}}" ({{law}}).',
			broken:
				'Conditions link "{{text}}" leads nowhere: {{reason}}. Point it at the page with the offer\'s conditions.',
			brokenText:
				"Conditions link {{url}} leads nowhere ({{reason}}): point it at the page with the offer's conditions.",
		},
		schema: [
			{
				type: "object",
				properties: { countries: countriesOptionSchema },
				additionalProperties: false,
			},
		],
		defaultOptions: [{}],
		// Not SMS or WhatsApp: whether art. 6 reaches an SMS is not settled in a source we could verify (see the doc).
		languages: ["mailcomply/mjml", "mailcomply/html", "mailcomply/text"],
	},
	create(context) {
		const sourceCode = context.sourceCode as TemplateSourceCode;
		const [{ countries }] = context.options;
		/** No way to the conditions of `offer`: a link or label to add, worded in the mail's language. */
		const reportMissing = (
			loc: SourceLocation,
			offer: string,
			language: keyof typeof CONDITIONS_WORDING,
			regimes: Parameters<typeof citeBriefly>[1],
		): void => {
			const wording = CONDITIONS_WORDING[language];
			context.report({
				loc,
				messageId: "missing",
				data: { offer, link: wording.link, label: wording.label, law: citeBriefly(CONDITIONS_LAW, regimes) },
			});
		};
		return {
			// A template's plain-text part, or a captured message's: its own lines and URLs.
			"TextMessage:exit"(message) {
				const code = context.sourceCode as TextMessageCode;
				const { campaign } = code.getCampaign(context.settings);
				if (campaign.channel !== "email") return;
				const regimes = jurisdictionsOf(campaignCountries(campaign, countries));
				if (!regimes.has("eu") && !regimes.has("uk")) return;
				const offers = findTextOffers(message);
				const headerOffer = matchOffer(campaign.subject ?? "") ?? matchOffer(campaign.preheader ?? "");
				if (offers.length === 0 && headerOffer === undefined) return;
				const { accessible, broken } = textConditions(message);
				for (const { url, reason } of broken)
					context.report({ loc: url.loc, messageId: "brokenText", data: { url: url.value, reason } });
				if (accessible || broken.length > 0) return;
				const first = offers[0];
				const language = languageWritten(campaign.language) ?? first?.lang ?? headerOffer?.lang ?? "en";
				reportMissing(
					first ? lineLoc(code, first.line) : { start: message.loc.start, end: message.loc.start },
					first?.text ?? headerOffer?.text ?? "",
					language,
					regimes,
				);
			},
			"Document:exit"(document) {
				const { campaign } = sourceCode.getCampaign(context.settings);
				const regimes = jurisdictionsOf(campaignCountries(campaign, countries));
				if (!regimes.has("eu") && !regimes.has("uk")) return;
				// A partial may hold the conditions of the mail it is part of; the mail is checked where it is assembled.
				const page = findPageRoot(sourceCode);
				if (!page) return;
				const offers = getOffers(sourceCode);
				const headerOffer = matchOffer(campaign.subject ?? "") ?? matchOffer(campaign.preheader ?? "");
				if (offers.length === 0 && headerOffer === undefined) return;

				let accessible = getTextBlocks(sourceCode).some(
					(block) => startsWithConditionsLabel(block.text) || writesConditionsOut(block.text),
				);
				let broken = false;
				for (const link of getLinks(sourceCode).links) {
					if (!namesConditions(link)) continue;
					const reason = whyBroken(link);
					if (reason === undefined) {
						accessible = true;
						continue;
					}
					broken = true;
					context.report({
						loc: link.element.startTag.loc,
						messageId: "broken",
						data: { text: shortenText(link.text || "(no text)"), reason },
					});
				}
				if (accessible || broken) return;
				const first = offers[0];
				// The mail's declared language, else the language of the offer's own words ("korting": Dutch).
				const language = declaredLanguage(campaign, document) ?? first?.lang ?? headerOffer?.lang ?? "en";
				reportMissing(locOf(first?.node ?? page), first?.text ?? headerOffer?.text ?? "", language, regimes);
			},
		};
	},
};

/** A text's access to the conditions: a labelled or footnoted line, or a URL that names them by its line or path. */
function textConditions(message: TextMessageNode) {
	const broken: Array<{ url: { loc: Link["element"]["loc"]; value: string }; reason: string }> = [];
	let accessible = messageLines(message).some(
		(line) => startsWithConditionsLabel(line.text) || writesConditionsOut(line.text),
	);
	for (const part of message.children) {
		for (const url of part.children) {
			if (url.type !== "MessageUrl") continue;
			const target = textUrlTarget(part, url);
			if (target.kind !== "url") continue;
			if (!matchConditionsWording(lineAround(part, url.start)) && !urlLooksLikeConditions(target.url)) continue;
			if (target.placeholderHost) broken.push({ url, reason: `${target.host} is a placeholder address` });
			else accessible = true;
		}
	}
	return { accessible, broken };
}

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
