import { isMarketingEmail } from "../src/campaign/marketing-email.js";
import type { TemplateRuleDefinition } from "../src/types.js";
import { ruleDocsUrl } from "../src/rule-docs.js";
import { ownValue } from "../src/own-value.js";
import { campaignCountries, countriesOptionSchema, jurisdictionsOf } from "../src/analyses/jurisdiction.js";
import { citeBriefly, citeFor } from "../src/legal/cite.js";
import type { CitationId } from "../src/legal/citations.js";
import { findPageRoot } from "../src/analyses/document.js";
import { namesParty, partyNameWords } from "../src/analyses/party-names.js";
import { getTextBlocks } from "../src/analyses/text-blocks.js";
import { hasWorkingPrivacyLink } from "../src/analyses/privacy-links.js";
import { matchOnBehalfWording, matchReasonWording } from "../src/lexicons/disclosure-wording.js";

type MessageIds = "agencyUndisclosed" | "sourceUndisclosed" | "ownerMissing";
type Options = [{ countries?: string[] }];

/**
 * Only Canada asks the message itself to say that it is sent on someone's
 * behalf. Elsewhere the law asks for the advertiser's identity (ePrivacy
 * art. 13(4), BW 3:15e(1)(b), PECR reg. 23(a)), which require-sender-identity
 * checks, and a processor belongs in the privacy notice (GDPR art. 13(1)(e)).
 */
const ON_BEHALF_LAW = ["crtc-regs-2-1-b-c", "casl-6-2"] as const satisfies readonly CitationId[];
/** Where a reader whose address came from someone else must learn its source at the first mail. */
const SOURCE_LAW = ["gdpr-14-2-f", "gdpr-14-3-b", "uk-gdpr"] as const satisfies readonly CitationId[];

/** Lists whose addresses the sender did not collect itself. */
const THIRD_PARTY_SOURCES: ReadonlySet<string> = new Set(["third-party", "purchased"]);

/** A reason sentence in the campaign's language, for messages. */
const REASON_EXAMPLES: Readonly<Record<string, string>> = {
	nl: "U ontvangt deze e-mail omdat u bij {owner} toestemming gaf",
	en: "You are receiving this e-mail because you agreed with {owner}",
	de: "Sie erhalten diese E-Mail, weil Sie bei {owner} eingewilligt haben",
	fr: "Vous recevez cet e-mail car vous l'avez accepté auprès de {owner}",
};
/** "Sent by {agency} on behalf of {sender}", in the campaign's language. */
const ON_BEHALF_EXAMPLES: Readonly<Record<string, string>> = {
	nl: "Verzonden door {agency} namens {sender}",
	en: "Sent by {agency} on behalf of {sender}",
	de: "Versand durch {agency} im Auftrag von {sender}",
	fr: "Envoyé par {agency} au nom de {sender}",
};

/**
 * Two situations in which the reader cannot tell who is behind a mail unless
 * the mail says so: an agency or mailing bureau sends it for the advertiser
 * (`sentBy`), or the addresses come from someone else's list
 * (`audience.source: third-party` or `purchased`).
 */
const rule: TemplateRuleDefinition<{ RuleOptions: Options; MessageIds: MessageIds }> = {
	meta: {
		type: "problem",
		docs: {
			description:
				"Require a mail to a third party's list to name its source (EU, UK), and a mail an agency sends to Canada to say on whose behalf",
			url: ruleDocsUrl("disclose-third-party"),
			fix: "Say on whose behalf you send, and where the address came from.",
			citations: [
				"crtc-regs-2-1-b-c",
				"casl-6-2",
				"eprivacy-13-4",
				"ecommerce-6-b",
				"bw-3-15e-1-b",
				"pecr-23",
				"gdpr-13-1-e",
				"gdpr-14-2-f",
				"gdpr-14-3-b",
				"uk-gdpr",
			],
			recommended: true,
			jurisdictions: ["eu", "uk", "ca"],
			assumes: ["kind", "countries"],
		},
		messages: {
			agencyUndisclosed:
				'This e-mail is sent by {{agency}} for {{sender}} without saying so: add e.g. "{{statement}}" to the footer ({{law}}).',
			sourceUndisclosed: 'This e-mail to {{owner}}\'s addresses lacks {{missing}}: add e.g. "{{example}}" ({{law}}).',
			ownerMissing:
				"The addresses come from a third party (`audience.source: {{source}}`), but `audience.owner` does not say whose: declare it and name that party in the mail ({{law}}).",
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
			"Document:exit"() {
				const { campaign } = sourceCode.getCampaign(context.settings);
				if (!isMarketingEmail(campaign)) return;
				// Partials are checked in the mail that includes them; a sign-up page is not a mail.
				const page = findPageRoot(context.sourceCode);
				if (!page) return;
				const loc = page.type === "Element" ? page.startTag.loc : page.loc;
				const language = (campaign.language ?? "en").slice(0, 2).toLowerCase();
				const blocks = getTextBlocks(sourceCode);
				const says = (match: (text: string) => unknown): boolean =>
					blocks.some((block) => match(block.text) !== undefined);

				const regimes = jurisdictionsOf(campaignCountries(campaign, countries));
				const agency = campaign.sentBy?.name?.trim();
				const sender = campaign.sender?.name?.trim();
				if (agency && regimes.has("ca") && !sameParty(agency, sender)) {
					// CRTC Regulations s. 2(1)(c): a statement of who sends and on whose behalf, not just the agency's name.
					const onBehalf = says(matchOnBehalfWording) && (!sender || namesParty(sourceCode, sender));
					if (!onBehalf) {
						context.report({
							loc,
							messageId: "agencyUndisclosed",
							data: {
								agency,
								sender: sender ?? "the advertiser",
								statement: (ownValue(ON_BEHALF_EXAMPLES, language) ?? ON_BEHALF_EXAMPLES.en!)
									.replace("{agency}", agency)
									.replace("{sender}", sender ?? "…"),
								law: citeBriefly(ON_BEHALF_LAW, regimes),
							},
						});
					}
				}

				const source = campaign.audience?.source;
				if (source === undefined || !THIRD_PARTY_SOURCES.has(source)) return;
				const sourceLaw = citeFor(SOURCE_LAW, regimes);
				// Canada and the US ask no source statement of the mail itself.
				if (sourceLaw === "") return;
				const owner = campaign.audience?.owner?.trim();
				if (!owner)
					context.report({
						loc,
						messageId: "ownerMissing",
						data: { source, law: citeBriefly(["gdpr-14-2-f", "uk-gdpr"], regimes) },
					});
				const missing: string[] = [];
				if (owner && !namesParty(sourceCode, owner)) missing.push("their source");
				if (!says(matchReasonWording)) missing.push("why the reader gets it");
				// The rest of the art. 14 information (who, why, which rights) is due in this first mail too; a privacy link is how it is given.
				// A bought list is no-harvested-addresses's: its error already says nobody on it was told (art. 14(3)(b)), so it is not said twice.
				if (source !== "purchased" && !hasWorkingPrivacyLink(sourceCode)) missing.push("a privacy statement link");
				if (missing.length === 0) return;
				const example = (ownValue(REASON_EXAMPLES, language) ?? REASON_EXAMPLES.en!).replace("{owner}", owner || "…");
				context.report({
					loc,
					messageId: "sourceUndisclosed",
					data: {
						owner: owner || "a third party",
						missing: listed(missing),
						example,
						law: citeBriefly(SOURCE_LAW, regimes),
					},
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

/** "a, b and c". */
function listed(items: readonly string[]): string {
	return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}
