import { dereference, getPath } from "../src/campaign/ast.js";
import type { CampaignDocument, CampaignValue } from "../src/campaign/ast.js";
import type { AudienceSource } from "../src/campaign/types.js";
import { reportNode, sidecarFacts, stringAt } from "../src/analyses/campaign-facts.js";
import { ruleDocsUrl } from "../src/rule-docs.js";
import { campaignCountries, jurisdictionsOf, type Jurisdiction } from "../src/analyses/jurisdiction.js";
import { citeFor } from "../src/legal/cite.js";
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
 * Why such a list must not be mailed, for these recipients. In the opt-in
 * regimes nobody on it consented. CAN-SPAM has no consent rule: harvesting
 * only aggravates a mail that already breaks 7704(a), and only where the
 * site said it does not pass addresses on; a bought list breaks the ESP's
 * terms, not the Act. The finding says which.
 */
function whyNot(kind: "scraped" | "purchased", regimes: ReadonlySet<Jurisdiction>): string {
	const reasons: string[] = [];
	const consent = citeFor(CONSENT_LAW, regimes);
	if (consent) {
		const information = citeFor(INFORMATION_LAW, regimes);
		reasons.push(
			`nobody on it consented to mail from you (${consent})${information ? ` or was told you hold their address (${information})` : ""}`,
		);
	}
	if (kind === "scraped" && regimes.has("us")) {
		reasons.push(
			`under CAN-SPAM, addresses harvested from websites that say they do not give addresses away make a mail that already breaks 15 U.S.C. 7704(a) an aggravated violation (${citeFor(["canspam-b-1"], regimes)})`,
		);
	}
	if (kind === "purchased" && regimes.has("us") && !consent)
		reasons.push("CAN-SPAM itself does not forbid mailing a bought list, but your ESP's terms do");
	reasons.push(`ESPs such as Mailchimp and Twilio SendGrid forbid ${kind} lists in their terms of use`);
	return reasons.join("; ");
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
				"Addresses collected from websites or directories (`audience.source: scraped`) must not be mailed: {{why}}. Delete the list and build your own through a sign-up form.",
			purchasedSource:
				"A bought or rented list (`audience.source: purchased`) must not be mailed: {{why}}. If every address on it carries a recorded consent that names you as the sender, declare `audience.source: third-party` with `lawfulBasis: consent` and a `consent.record`, and tell recipients in the first mail where you got their address.",
			nameSaysScraped:
				'The {{subject}} ("{{phrase}}") suggests addresses harvested from websites or directories{{declared}}. Such a list must not be mailed: {{why}}. If the name misleads, rename the list.',
			nameSaysPurchased:
				'The {{subject}} ("{{phrase}}") suggests a bought or rented list{{declared}}. Such a list must not be mailed: {{why}}. If the name misleads, rename the list; if the list really is bought, do not mail it.',
			nameSaysLeadList:
				'The {{subject}} ("{{phrase}}") is what list brokers sell, and the sidecar does not say where its addresses come from. Declare `audience.source` (`signup-form` or `own-customers` if you collected them yourself); a bought or scraped lead list must not be mailed: {{why}}.',
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
						data: { why: whyNot(source, regimes) },
					});
					// The declared source already says it all; the names would repeat it.
					return;
				}
				for (const { node, subject, value } of namedFields(doc)) {
					const match = matchListSource(value);
					if (!match) continue;
					if (match.kind === "ambiguous" && source !== undefined) continue;
					const declared =
						source !== undefined && OWN_SOURCES.has(source) ? `, although \`audience.source\` says ${source}` : "";
					context.report({
						node,
						messageId: NAME_MESSAGE[match.kind],
						data: {
							subject,
							phrase: originalSpelling(value, match.phrase),
							declared,
							why: whyNot(match.kind === "purchased" ? "purchased" : "scraped", regimes),
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
