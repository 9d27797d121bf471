import { dereference, getPath } from "../src/campaign/ast.js";
import type { CampaignDocument, CampaignValue } from "../src/campaign/ast.js";
import type { AudienceSource } from "../src/campaign/types.js";
import { reportNode, sidecarFacts, stringAt } from "../src/analyses/campaign-facts.js";
import { ruleDocsUrl } from "../src/rule-docs.js";
import { campaignCountries, jurisdictionsOf, type Jurisdiction } from "../src/analyses/jurisdiction.js";
import { citationsFor, citeBriefly } from "../src/legal/cite.js";
import type { CitationId } from "../src/legal/citations.js";
import { matchListSource } from "../src/lexicons/list-source-wording.js";
import { originalSpelling } from "../src/lexicons/lexicon.js";
import type { ListSourceKind } from "../src/lexicons/list-source-wording.js";
import type { CampaignRuleDefinition } from "../src/types.js";

type MessageIds = "scrapedSource" | "purchasedSource" | "nameSaysScraped" | "nameSaysPurchased" | "nameSaysLeadList";

/** Sources the sender collected itself; an ambiguous name ("lead list") is trusted on these. */
const OWN_SOURCES: ReadonlySet<AudienceSource> = new Set(["own-customers", "signup-form"]);

const NAME_MESSAGE: Record<ListSourceKind, MessageIds> = {
	scraped: "nameSaysScraped",
	purchased: "nameSaysPurchased",
	ambiguous: "nameSaysLeadList",
};

/** Marketing by e-mail needs the recipient's consent (the soft opt-in covers own customers only), per regime. */
const CONSENT_LAW = [
	"tw-11-7-1",
	"uwg-7-2-2",
	"eprivacy-13-1",
	"pecr-22",
	"casl-6-1-a",
	"casl-10",
] as const satisfies readonly CitationId[];
/** A reader whose address came from elsewhere must be told so at the first mail. */
const INFORMATION_LAW = ["gdpr-14-3-b", "uk-gdpr"] as const satisfies readonly CitationId[];

/**
 * What forbids mailing such a list, for these recipients, cited briefly (the
 * rule doc gives the reasoning). In the opt-in regimes nobody on it
 * consented. CAN-SPAM has no consent rule: harvesting only aggravates a mail
 * that already breaks 7704(a); a bought list to US recipients breaks the
 * ESP's terms, not the Act.
 */
function lawAgainst(kind: "scraped" | "purchased", regimes: ReadonlySet<Jurisdiction>): string {
	const ids: CitationId[] = [...CONSENT_LAW, ...INFORMATION_LAW];
	if (kind === "scraped") ids.push("canspam-b-1");
	const applicable = citationsFor(ids, regimes);
	return applicable.length > 0 ? citeBriefly(applicable, regimes) : "your ESP's terms of use";
}

/**
 * Scraped or bought addresses cannot be mailed: nobody on such a list agreed
 * to mail from you or was told you have their address, and every ESP we
 * checked forbids importing them. The same holds in every regime, so the
 * rule has no `countries` option.
 */
const rule: CampaignRuleDefinition<{ RuleOptions: []; MessageIds: MessageIds }> = {
	meta: {
		type: "problem",
		docs: {
			description:
				"Disallow mailing scraped or purchased address lists, declared as such or given away by the list's name",
			url: ruleDocsUrl("no-harvested-addresses"),
			fix: "Do not mail bought or scraped lists; build your own with a sign-up form.",
			citations: [
				"eprivacy-13-1",
				"tw-11-7-1",
				"uwg-7-2-2",
				"pecr-22",
				"casl-6-1-a",
				"casl-10",
				"gdpr-14-3-b",
				"uk-gdpr",
				"canspam-b-1",
			],
			recommended: true,
		},
		messages: {
			scrapedSource:
				"Addresses scraped from websites or directories (`audience.source: scraped`) must not be mailed: delete the list and build your own with a sign-up form ({{law}}).",
			purchasedSource:
				"A bought or rented list (`audience.source: purchased`) must not be mailed ({{law}}); if each address has a recorded consent naming you, declare it `third-party`.",
			nameSaysScraped:
				'The {{subject}} ("{{phrase}}") suggests harvested addresses{{declared}}, which must not be mailed: do not mail it, or rename the list if the name misleads ({{law}}).',
			nameSaysPurchased:
				'The {{subject}} ("{{phrase}}") suggests a bought or rented list{{declared}}, which must not be mailed: do not mail it, or rename the list if the name misleads ({{law}}).',
			nameSaysLeadList:
				'The {{subject}} ("{{phrase}}") sounds like a broker\'s lead list: declare `audience.source` (`signup-form` or `own-customers` if you collected it); bought lists must not be mailed ({{law}}).',
		},
		schema: [],
		languages: ["mailcomply/campaign"],
	},

	create(context) {
		const { sourceCode } = context;
		return {
			CampaignDocument(doc) {
				if (doc.body?.type !== "CampaignMapping") return;
				const { campaign } = sidecarFacts(sourceCode, context.settings);
				const source = campaign.audience?.source;
				const regimes = jurisdictionsOf(campaignCountries(campaign));
				if (source === "scraped" || source === "purchased") {
					context.report({
						node: reportNode(doc, ["audience", "source"]),
						messageId: source === "scraped" ? "scrapedSource" : "purchasedSource",
						data: { law: lawAgainst(source, regimes) },
					});
					// The declared source already says it all; the names would repeat it.
					return;
				}
				for (const { node, subject, value } of namedFields(doc)) {
					const match = matchListSource(value);
					if (!match) continue;
					if (match.kind === "ambiguous" && source !== undefined) continue;
					const declared =
						source !== undefined && OWN_SOURCES.has(source) ? ` (though \`audience.source\` says ${source})` : "";
					context.report({
						node,
						messageId: NAME_MESSAGE[match.kind],
						data: {
							subject,
							phrase: originalSpelling(value, match.phrase),
							declared,
							law: lawAgainst(match.kind === "purchased" ? "purchased" : "scraped", regimes),
						},
					});
				}
			},
		};
	},
};

export default rule;

interface NamedField {
	node: CampaignValue;
	/** How the finding names the field: `list name`, `segment name`. */
	subject: string;
	value: string;
}

/** The list name, list owner and segment names written in this sidecar. */
function namedFields(doc: CampaignDocument): NamedField[] {
	const fields: NamedField[] = [];
	for (const [key, subject] of [
		["name", "list name"],
		["owner", "list owner"],
	] as const) {
		const field = stringAt(doc, ["audience", key]);
		if (field) fields.push({ ...field, subject });
	}
	const segments = getPath(doc, ["audience", "segments"]);
	if (segments?.type === "CampaignSequence") {
		segments.items.forEach((item, index) => {
			if (dereference(doc, item)?.type !== "CampaignMapping") return;
			const field = stringAt(doc, ["audience", "segments", index, "name"]);
			if (field) fields.push({ ...field, subject: "segment name" });
		});
	}
	return fields;
}
