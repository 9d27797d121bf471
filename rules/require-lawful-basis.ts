import { getPath } from "../src/campaign/ast.js";
import type { CampaignDocument } from "../src/campaign/ast.js";
import { reportNode, sidecarFacts } from "../src/analyses/campaign-facts.js";
import { campaignCountries, countriesOptionSchema, jurisdictionsOf } from "../src/analyses/jurisdiction.js";
import type { Jurisdiction } from "../src/analyses/jurisdiction.js";
import { ruleDocsUrl } from "../src/rule-docs.js";
import { cite, citeBriefly } from "../src/legal/cite.js";
import type { CitationId } from "../src/legal/citations.js";
import type { CampaignRuleDefinition } from "../src/types.js";
import { dutyKind } from "../src/campaign/duty-kind.js";

type MessageIds = "missing" | "consentNotRecorded" | "softOptInSource" | "legitimateInterest" | "contractForMarketing";
type Options = [{ countries?: string[] }];

/** The opt-in regimes: electronic marketing needs consent, or the soft opt-in for own customers. The US (CAN-SPAM) is an opt-out regime. */
type OptInRegime = Extract<Jurisdiction, "eu" | "nl" | "de" | "uk" | "ca">;
/** National law before the directive it implements. */
const OPT_IN_REGIMES: readonly OptInRegime[] = ["nl", "de", "eu", "uk", "ca"];

/** Where consent is required, per regime; NL's article also covers businesses. */
const CONSENT_LAW: Record<OptInRegime, readonly CitationId[]> = {
	nl: ["tw-11-7-1"],
	de: ["uwg-7-2-2"],
	eu: ["eprivacy-13-1"],
	uk: ["pecr-22"],
	ca: ["casl-6-1-a", "casl-10"],
};

/** Where the own-customer exception is, per regime (CASL: implied consent from an existing business relationship). */
const SOFT_OPT_IN_LAW: Record<OptInRegime, readonly CitationId[]> = {
	nl: ["tw-11-7-soft-opt-in"],
	de: ["uwg-7-3"],
	eu: ["eprivacy-13-2"],
	uk: ["pecr-22-3"],
	ca: ["casl-10"],
};

/** Who must be able to prove consent, per regime: in NL the Telecommunicatiewet itself puts the burden on the sender. */
const PROOF_LAW: Record<OptInRegime, readonly CitationId[]> = {
	nl: ["tw-11-7-1", "gdpr-7-1"],
	de: ["gdpr-7-1", "bgh-i-zr-164-09"],
	eu: ["gdpr-7-1"],
	uk: ["uk-gdpr"],
	ca: ["casl-13"],
};

/**
 * A marketing message by e-mail, SMS or WhatsApp needs a lawful basis in
 * every opt-in regime its recipients live in; a campaign to several
 * countries must satisfy each, so the strictest applicable regime decides.
 */
const rule: CampaignRuleDefinition<{ RuleOptions: Options; MessageIds: MessageIds }> = {
	meta: {
		type: "problem",
		docs: {
			description:
				"Require a valid lawful basis (consent or the own-customer soft opt-in) for marketing by e-mail, SMS or WhatsApp",
			url: ruleDocsUrl("require-lawful-basis"),
			fix: "Declare lawfulBasis: consent (with consent.record) or soft-opt-in.",
			citations: [
				"bgh-i-zr-164-09",
				"eprivacy-13-1",
				"eprivacy-13-2",
				"tw-11-7-1",
				"tw-11-7-soft-opt-in",
				"uwg-7-2-2",
				"uwg-7-3",
				"pecr-22",
				"pecr-22-3",
				"uk-duaa-2025",
				"casl-6-1-a",
				"casl-10",
				"casl-13",
				"gdpr-7-1",
				"gdpr-6-1-b",
				"uk-gdpr",
				"cjeu-inteligo",
			],
			recommended: true,
			assumes: ["countries"],
			jurisdictions: ["eu", "nl", "uk", "ca"],
		},
		messages: {
			missing:
				"This marketing {{channel}} declares no `lawfulBasis`: declare `consent` with a `consent.record`, or `soft-opt-in` for your own customers ({{law}}).",
			consentNotRecorded:
				"`lawfulBasis: consent` needs proof of each opt-in: add `consent.record`, saying where opt-ins are logged ({{proof}}).",
			softOptInSource: "The soft opt-in covers only your own customers ({{softLaw}}), but {{sourceText}}: {{fix}}",
			legitimateInterest:
				"`lawfulBasis: legitimate-interest` is no basis for marketing by {{channel}}, which needs consent ({{law}}): {{fix}}",
			contractForMarketing:
				"`lawfulBasis: contract` (" +
				cite("gdpr-6-1-b") +
				") covers only mail a contract needs: declare `kind: transactional`, or use consent or the soft opt-in ({{law}}).",
		},
		schema: [
			{
				type: "object",
				properties: { countries: countriesOptionSchema },
				additionalProperties: false,
			},
		],
		defaultOptions: [{}],
		languages: ["mailcomply/campaign"],
	},

	create(context) {
		const { sourceCode } = context;
		const [{ countries }] = context.options;
		return {
			CampaignDocument(doc) {
				if (doc.body?.type !== "CampaignMapping") return;
				const { campaign } = sidecarFacts(sourceCode, context.settings);
				if (dutyKind(campaign.kind) === "transactional") return;
				const present = jurisdictionsOf(campaignCountries(campaign, countries));
				const regimes = OPT_IN_REGIMES.filter((regime) => present.has(regime));
				// US only, or countries no regime of this rule covers: CAN-SPAM requires no basis, only an opt-out.
				if (regimes.length === 0) return;

				const channel =
					campaign.channel === "email" ? "e-mail" : campaign.channel === "sms" ? "SMS" : "WhatsApp message";
				const law = lawText(regimes, CONSENT_LAW);
				const softLaw = lawText(regimes, SOFT_OPT_IN_LAW);
				const source = campaign.audience?.source;
				const basisNode = reportNode(doc, ["lawfulBasis"]);
				// A bought, rented or scraped list is `no-harvested-addresses`' finding, with the same law (nobody consented):
				// one list, one finding. A declared consent basis is still checked for its record below.
				if ((source === "purchased" || source === "scraped") && campaign.lawfulBasis !== "consent") return;

				switch (campaign.lawfulBasis) {
					case undefined:
						context.report({ node: basisNode, messageId: "missing", data: { channel, law } });
						return;
					case "consent":
						if ((campaign.consent?.record ?? "").trim() === "") {
							context.report({
								node: consentNode(doc),
								messageId: "consentNotRecorded",
								data: { proof: lawText(regimes, PROOF_LAW) },
							});
						}
						return;
					case "soft-opt-in": {
						if (source === "own-customers") return;
						const sourceText =
							source === undefined ? "`audience.source` is not declared" : `\`audience.source\` is ${source}`;
						const fix =
							source === undefined
								? "declare `audience.source: own-customers` if so, else `lawfulBasis: consent`."
								: "declare `lawfulBasis: consent` with a `consent.record`.";
						context.report({
							node: source === undefined ? basisNode : reportNode(doc, ["audience", "source"]),
							messageId: "softOptInSource",
							data: { softLaw, sourceText, fix },
						});
						return;
					}
					case "legitimate-interest": {
						const fix =
							source === "own-customers"
								? "declare `soft-opt-in` if you offered an opt-out when you collected their addresses."
								: "declare `consent` with a `consent.record`, or `soft-opt-in` for your own customers.";
						context.report({ node: basisNode, messageId: "legitimateInterest", data: { channel, law, fix } });
						return;
					}
					case "contract":
						context.report({ node: basisNode, messageId: "contractForMarketing", data: { law } });
						return;
				}
			},
		};
	},
};

export default rule;

/** The applicable regimes' sources, cited briefly (the recipients' own law first). */
function lawText(regimes: readonly OptInRegime[], table: Record<OptInRegime, readonly CitationId[]>): string {
	return citeBriefly(unique(regimes.flatMap((regime) => table[regime])), new Set(regimes));
}

function unique<T>(values: readonly T[]): T[] {
	return [...new Set(values)];
}

/** The consent block if the sidecar has one, else the lawful basis it qualifies. */
function consentNode(doc: CampaignDocument) {
	return getPath(doc, ["consent"]) ? reportNode(doc, ["consent", "record"]) : reportNode(doc, ["lawfulBasis"]);
}
