import { dereference, getPath } from "../src/campaign/ast.js";
import type { CampaignDocument, CampaignValue } from "../src/campaign/ast.js";
import type { AudienceSource } from "../src/campaign/types.js";
import { reportNode, sidecarFacts, stringAt } from "../src/analyses/campaign-facts.js";
import { ruleDocsUrl } from "../src/docs-url.js";
import { matchListSource } from "../src/lexicons/list-source-wording.js";
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
			description: "Disallow mailing scraped or purchased address lists, declared as such or given away by the list's name",
			url: ruleDocsUrl("no-harvested-addresses"),
			recommended: true,
		},
		messages: {
			scrapedSource:
				"Addresses collected from websites or directories (`audience.source: scraped`) cannot be mailed: nobody on the list consented (ePrivacy Directive art. 13(1), Telecommunicatiewet art. 11.7, PECR reg. 22, CASL s.6(1)(a)) or was told you hold their address (GDPR art. 14); harvesting addresses is an aggravated CAN-SPAM violation (15 U.S.C. 7704(b)(1)); and ESPs such as Mailchimp and Twilio SendGrid forbid such lists in their terms. Delete the list and build your own through a sign-up form.",
			purchasedSource:
				"A bought or rented list (`audience.source: purchased`) cannot be mailed: its people did not consent to mail from you (ePrivacy Directive art. 13(1), Telecommunicatiewet art. 11.7, PECR reg. 22, CASL s.6(1)(a)), and ESPs such as Mailchimp and Twilio SendGrid forbid purchased lists in their terms. If every address on it carries a recorded consent that names you as the sender, declare `audience.source: third-party` with `lawfulBasis: consent` and a `consent.record`, and tell recipients in the first mail where you got their address (GDPR art. 14(2)(f)).",
			nameSaysScraped:
				"The {{subject}} (\"{{phrase}}\") suggests addresses harvested from websites or directories{{declared}}. Such a list cannot be mailed: nobody consented (ePrivacy Directive art. 13(1), Telecommunicatiewet art. 11.7) or was told you hold their address (GDPR art. 14), and harvesting is an aggravated CAN-SPAM violation (15 U.S.C. 7704(b)(1)). If the name misleads, rename the list.",
			nameSaysPurchased:
				"The {{subject}} (\"{{phrase}}\") suggests a bought or rented list{{declared}}. Its people did not consent to mail from you (ePrivacy Directive art. 13(1), Telecommunicatiewet art. 11.7), and ESPs forbid purchased lists. If the name misleads, rename the list; if the list really is bought, do not mail it.",
			nameSaysLeadList:
				"The {{subject}} (\"{{phrase}}\") is what list brokers sell, and the sidecar does not say where its addresses come from. Declare `audience.source` (`signup-form` or `own-customers` if you collected them yourself); a bought or scraped lead list cannot be mailed (ePrivacy Directive art. 13(1), Telecommunicatiewet art. 11.7).",
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
				if (source === "scraped" || source === "purchased") {
					context.report({ node: reportNode(doc, ["audience", "source"]), messageId: source === "scraped" ? "scrapedSource" : "purchasedSource" });
					// The declared source already says it all; the names would repeat it.
					return;
				}
				for (const { node, subject, value } of namedFields(doc)) {
					const match = matchListSource(value);
					if (!match) continue;
					if (match.kind === "ambiguous" && source !== undefined) continue;
					const declared = source !== undefined && OWN_SOURCES.has(source) ? `, although \`audience.source\` says ${source}` : "";
					context.report({ node, messageId: NAME_MESSAGE[match.kind], data: { subject, phrase: match.phrase, declared } });
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
	for (const [key, subject] of [["name", "list name"], ["owner", "list owner"]] as const) {
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
