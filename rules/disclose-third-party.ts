import { isMarketingEmail } from "../src/campaign/marketing-email.js";
import type { TemplateRuleDefinition } from "../src/types.js";
import { ruleDocsUrl } from "../src/docs-url.js";
import { ownValue } from "../src/own-value.js";
import { findPageRoot } from "../src/analyses/document.js";
import { namesParty, partyNameWords } from "../src/analyses/party-names.js";
import { getTextBlocks } from "../src/analyses/text-blocks.js";
import { matchOnBehalfWording, matchReasonWording } from "../src/lexicons/disclosure-wording.js";

type MessageIds = "agencyUndisclosed" | "sourceUndisclosed" | "ownerMissing";

/** Lists whose addresses the sender did not collect itself. */
const THIRD_PARTY_SOURCES: ReadonlySet<string> = new Set(["third-party", "purchased"]);

/** A reason sentence in the campaign's language, for messages. */
const REASON_EXAMPLES: Readonly<Record<string, string>> = {
	nl: "U ontvangt deze e-mail omdat u bij {owner} toestemming gaf voor aanbiedingen van partners",
	en: "You are receiving this e-mail because you agreed with {owner} to receive offers from partners",
	de: "Sie erhalten diese E-Mail, weil Sie bei {owner} in Angebote von Partnern eingewilligt haben",
	fr: "Vous recevez cet e-mail car vous avez accepté auprès de {owner} de recevoir des offres de partenaires",
};
const ON_BEHALF_EXAMPLES: Readonly<Record<string, string>> = {
	nl: "namens",
	en: "on behalf of",
	de: "im Auftrag von",
	fr: "au nom de",
};

/**
 * Two situations in which the reader cannot tell who is behind a mail unless
 * the mail says so: an agency or mailing bureau sends it for the advertiser
 * (`sentBy`), or the addresses come from someone else's list
 * (`audience.source: third-party` or `purchased`).
 */
const rule: TemplateRuleDefinition<{ RuleOptions: []; MessageIds: MessageIds }> = {
	meta: {
		type: "problem",
		docs: {
			description: "Require a mail sent by an agency, or to a third party's list, to say so",
			url: ruleDocsUrl("disclose-third-party"),
			recommended: true,
		},
		messages: {
			agencyUndisclosed:
				"This e-mail is sent by {{agency}} for {{sender}}, but names neither {{agency}} nor on whose behalf it is sent. Name {{agency}}, or write \"{{onBehalf}} {{sender}}\" in the footer (CRTC Regulations s.2(1)(b)-(c); ePrivacy Directive art. 13(4) and Telecommunicatiewet art. 11.7: the party on whose behalf a mail is sent may not be concealed).",
			sourceUndisclosed:
				"This e-mail goes to addresses from {{owner}} (audience.source: {{source}}), but does not say {{missing}}. GDPR art. 14(2)(f) and 14(3)(b) require telling the reader the source of the data at the latest with the first communication: add e.g. \"{{example}}\".",
			ownerMissing:
				"The campaign's addresses come from a third party (audience.source: {{source}}), but audience.owner does not say whose list it is, so the mail cannot be checked for naming its source. Declare audience.owner in the sidecar and name that party in the mail (GDPR art. 14(2)(f)).",
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
				// Partials are checked in the mail that includes them; a sign-up page is not a mail.
				const page = findPageRoot(document);
				if (!page) return;
				const loc = page.type === "Element" ? page.startTag.loc : page.loc;
				const language = (campaign.language ?? "en").slice(0, 2).toLowerCase();
				const blocks = getTextBlocks(sourceCode);
				const says = (match: (text: string) => unknown): boolean => blocks.some((block) => match(block.text) !== undefined);

				const agency = campaign.sentBy?.name?.trim();
				const sender = campaign.sender?.name?.trim();
				if (agency && !sameParty(agency, sender)) {
					const onBehalf = says(matchOnBehalfWording) && (!sender || namesParty(sourceCode, sender));
					if (!namesParty(sourceCode, agency) && !onBehalf) {
						context.report({
							loc,
							messageId: "agencyUndisclosed",
							data: { agency, sender: sender ?? "the advertiser", onBehalf: ownValue(ON_BEHALF_EXAMPLES, language) ?? ON_BEHALF_EXAMPLES.en! },
						});
					}
				}

				const source = campaign.audience?.source;
				if (source === undefined || !THIRD_PARTY_SOURCES.has(source)) return;
				const owner = campaign.audience?.owner?.trim();
				if (!owner) context.report({ loc, messageId: "ownerMissing", data: { source } });
				const missing: string[] = [];
				if (owner && !namesParty(sourceCode, owner)) missing.push(`where the address came from (name ${owner})`);
				if (!says(matchReasonWording)) missing.push("why the reader receives it");
				if (missing.length === 0) return;
				const example = (ownValue(REASON_EXAMPLES, language) ?? REASON_EXAMPLES.en!).replace("{owner}", owner || "…");
				context.report({
					loc,
					messageId: "sourceUndisclosed",
					data: { owner: owner || "a third party", source, missing: missing.join(", nor "), example },
				});
			},
		};
	},
};

/** The agency is the sender itself when their names agree once legal forms and case are set aside. */
function sameParty(a: string, b: string | undefined): boolean {
	return b !== undefined && partyNameWords(a).join(" ") === partyNameWords(b).join(" ");
}

export default rule;
