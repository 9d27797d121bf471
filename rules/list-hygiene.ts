import { reportNode, sidecarFacts } from "../src/analyses/campaign-facts.js";
import { judgeListAge, parseIsoDate, today } from "../src/analyses/list-age.js";
import type { AudienceSource } from "../src/campaign/types.js";
import { ruleDocsUrl } from "../src/rule-docs.js";
import { cite } from "../src/legal/cite.js";
import type { CampaignRuleDefinition } from "../src/types.js";
import { dutyKind } from "../src/campaign/duty-kind.js";

type MessageIds = "stale" | "future" | "notADate" | "missing";
type Options = [{ maxAgeMonths?: number; now?: string }];

/**
 * Sources the sender did not collect itself and whose quality it cannot
 * vouch for without a clean-up. `purchased` and `scraped` lists are not
 * here: they must not be mailed at all (`no-harvested-addresses`), and
 * asking to clean them would suggest they could be.
 */
const NOT_OWN_SOURCES: ReadonlySet<AudienceSource> = new Set(["third-party"]);

const rule: CampaignRuleDefinition<{ RuleOptions: Options; MessageIds: MessageIds }> = {
	meta: {
		type: "suggestion",
		docs: {
			description:
				"Report marketing lists that have not been cleaned recently, and lists from another party that do not say when they were",
			url: ruleDocsUrl("list-hygiene"),
			fix: "Clean the list, then declare the date as audience.lastCleaned.",
			citations: ["gdpr-5-1-d-e", "casl-10", "google-sender-guidelines"],
			recommended: true,
			severity: "warn",
		},
		messages: {
			stale:
				"The list was cleaned over {{months}} months ago (limit {{limit}}): remove bounces and opt-outs, then update `audience.lastCleaned` (" +
				cite("gdpr-5-1-d-e") +
				").",
			future:
				"`audience.lastCleaned` is {{date}}, after today ({{today}}): write the date the list was actually cleaned.",
			notADate: "`audience.lastCleaned` is {{date}}, which is not a calendar date: write it as YYYY-MM-DD.",
			missing:
				"A `{{source}}` list needs `audience.lastCleaned`: clean the list, then declare the date (" +
				cite("gdpr-5-1-d-e") +
				").",
		},
		schema: [
			{
				type: "object",
				properties: {
					maxAgeMonths: { type: "integer", minimum: 1, description: "How many months a clean-up stays current." },
					now: {
						type: "string",
						pattern: "^\\d{4}-\\d{2}-\\d{2}$",
						description: "Today's date (YYYY-MM-DD), for reproducible runs and tests; default: the system clock.",
					},
				},
				additionalProperties: false,
			},
		],
		defaultOptions: [{ maxAgeMonths: 12 }],
		languages: ["mailcomply/campaign"],
	},

	create(context) {
		const { sourceCode } = context;
		const [{ maxAgeMonths = 12, now: nowOption }] = context.options;
		return {
			CampaignDocument(doc) {
				if (doc.body?.type !== "CampaignMapping") return;
				const { campaign } = sidecarFacts(sourceCode, context.settings);
				if (dutyKind(campaign.kind) === "transactional") return;
				const audience = campaign.audience ?? {};
				const node = reportNode(doc, ["audience", "lastCleaned"]);
				if (audience.lastCleaned === undefined) {
					if (audience.source !== undefined && NOT_OWN_SOURCES.has(audience.source)) {
						context.report({
							node: reportNode(doc, ["audience", "source"]),
							messageId: "missing",
							data: { source: audience.source },
						});
					}
					return;
				}
				const cleaned = parseIsoDate(audience.lastCleaned);
				if (!cleaned) {
					context.report({ node, messageId: "notADate", data: { date: audience.lastCleaned } });
					return;
				}
				const now = (nowOption === undefined ? undefined : parseIsoDate(nowOption)) ?? today();
				const age = judgeListAge(cleaned, now, maxAgeMonths);
				if (age.kind === "future") {
					context.report({
						node,
						messageId: "future",
						data: { date: audience.lastCleaned, today: now.toISOString().slice(0, 10) },
					});
				} else if (age.kind === "stale") {
					context.report({
						node,
						messageId: "stale",
						data: { date: audience.lastCleaned, months: String(age.months), limit: String(maxAgeMonths) },
					});
				}
			},
		};
	},
};

export default rule;
