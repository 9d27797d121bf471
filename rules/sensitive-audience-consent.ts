import { sidecarFacts, stringAt } from "../src/analyses/campaign-facts.js";
import { dereference, getPath } from "../src/campaign/ast.js";
import type { CampaignDocument, CampaignValue } from "../src/campaign/ast.js";
import { SENSITIVE_CATEGORIES } from "../src/campaign/types.js";
import type { AudienceSource, SensitiveCategory } from "../src/campaign/types.js";
import { ruleDocsUrl } from "../src/rule-docs.js";
import { campaignCountries, countriesOptionSchema, jurisdictionsOf } from "../src/analyses/jurisdiction.js";
import { matchSensitiveCategories, SENSITIVE_CATEGORY_LABELS } from "../src/lexicons/sensitive-categories.js";
import type { CampaignRuleDefinition } from "../src/types.js";
import { dutyKind } from "../src/campaign/duty-kind.js";

type MessageIds = "declared" | "inferred" | "ownMembersFromThirdParty" | "ownMembersCriminal";

interface Options {
	/** Extra near-miss words or phrases, in the lexicon's pattern syntax (`kerkstraat`, `pride*`). */
	ignoreWords?: string[];
	countries?: string[];
}

/** Where a list came from when it is not the sender's own: art. 9(2)(d) covers a body's own members only. */
const NOT_OWN_SOURCES: ReadonlySet<AudienceSource> = new Set(["third-party", "purchased", "scraped"]);

/** What the rule finds on one node: declared categories, or categories a name suggests and the words that suggest them. */
interface Finding {
	node: CampaignValue;
	/** How the finding names the thing: `segment "Lezers Kerkblad"`, `list owner "FNV"`. */
	subject: string;
	categories: SensitiveCategory[];
	/** `religious or philosophical beliefs ("kerkblad")`; absent for declared categories. */
	evidence?: string;
}

const rule: CampaignRuleDefinition<{ RuleOptions: [Options]; MessageIds: MessageIds }> = {
	meta: {
		type: "problem",
		docs: {
			description:
				"Require explicit, recorded consent (or the art. 9(2)(d) own-members exception) before mailing a segment that reveals special-category or criminal data",
			url: ruleDocsUrl("sensitive-audience-consent"),
			fix: "Record explicit consent for lists that reveal sensitive data.",
			citations: ["gdpr-9-1", "gdpr-9-2-a", "gdpr-9-2-d", "gdpr-10", "uavg-32"],
			recommended: true,
			assumes: ["countries"],
			jurisdictions: ["eu", "nl", "de", "uk"],
		},
		messages: {
			declared:
				"The {{subject}} reveals {{categories}}: add {{missing}}, or `specialCategoryBasis: own-members` if a non-profit mails its own members ({{law}}).",
			inferred: "The {{subject}} suggests {{evidence}}: declare its `categories` and add {{missing}} ({{law}}).",
			ownMembersFromThirdParty:
				"`specialCategoryBasis: own-members` covers a non-profit mailing its own members, not a {{source}} list: the {{subject}} needs {{missing}} (GDPR art. 9(2)(a), (d)).",
			ownMembersCriminal:
				"`specialCategoryBasis: own-members` does not cover the criminal-offence data in the {{subject}}: set {{missing}} (GDPR art. 10, UAVG art. 32(a)).",
		},

		schema: [
			{
				type: "object",
				properties: {
					ignoreWords: {
						type: "array",
						items: { type: "string", minLength: 1 },
						uniqueItems: true,
						description:
							"Words or phrases that are not sensitive for your organisation (`word`, `stem*`, `*tail`, `two words`).",
					},
					countries: countriesOptionSchema,
				},
				additionalProperties: false,
			},
		],
		defaultOptions: [{ ignoreWords: [] }],
		languages: ["mailcomply/campaign"],
	},

	create(context) {
		const { sourceCode } = context;
		const [{ ignoreWords = [], countries }] = context.options;
		return {
			CampaignDocument(doc) {
				if (doc.body?.type !== "CampaignMapping") return;
				// The organisation's defaults (settings) may declare the consent or the countries once for every mailing.
				const { campaign } = sidecarFacts(sourceCode, context.settings);
				if (dutyKind(campaign.kind) === "transactional") return;
				const regimes = jurisdictionsOf(campaignCountries(campaign, countries));
				if (!regimes.has("eu") && !regimes.has("uk")) return;

				const findings = collectFindings(doc, ignoreWords);
				if (findings.length === 0) return;

				const consent = campaign.consent ?? {};
				const missing = missingConsent(consent.explicit === true, (consent.record ?? "").trim() !== "");
				// Explicit, recorded consent covers every category (art. 9(2)(a); UAVG art. 32(a) for art. 10).
				if (missing === undefined) return;
				const source = campaign.audience?.source;
				const ownMembers = consent.specialCategoryBasis === "own-members";

				for (const finding of findings) {
					const data = {
						subject: finding.subject,
						categories: finding.categories.map((category) => SENSITIVE_CATEGORY_LABELS[category]).join(", "),
						law: lawOf(finding.categories),
						missing,
						evidence: finding.evidence ?? "",
						source: source ?? "",
					};
					if (ownMembers && source !== undefined && NOT_OWN_SOURCES.has(source)) {
						context.report({ node: finding.node, messageId: "ownMembersFromThirdParty", data });
						continue;
					}
					if (ownMembers) {
						// The exception covers the art. 9 categories; criminal data still needs consent.
						if (finding.categories.includes("criminal"))
							context.report({ node: finding.node, messageId: "ownMembersCriminal", data });
						continue;
					}
					context.report({
						node: finding.node,
						messageId: finding.evidence === undefined ? "declared" : "inferred",
						data,
					});
				}
			},
		};
	},
};

export default rule;

function missingConsent(explicit: boolean, recorded: boolean): string | undefined {
	if (explicit && recorded) return undefined;
	if (recorded) return "`consent.explicit: true`";
	if (explicit) return "a `consent.record`";
	return "`consent.explicit: true` and a `consent.record`";
}

/** What the exception needs, briefly: explicit consent for art. 9 data, a national-law ground for art. 10 data. */
function lawOf(categories: readonly SensitiveCategory[]): string {
	const art9 = categories.some((category) => category !== "criminal");
	const art10 = categories.includes("criminal");
	return art9 && art10 ? "GDPR art. 9(2)(a), art. 10" : art10 ? "GDPR art. 10, UAVG art. 32(a)" : "GDPR art. 9(2)(a)";
}

function inferred(
	node: CampaignValue,
	subject: string,
	text: string,
	ignoreWords: readonly string[],
): Finding | undefined {
	const matches = matchSensitiveCategories(text, ignoreWords);
	if (matches.length === 0) return undefined;
	return {
		node,
		subject,
		categories: matches.map((match) => match.category),
		evidence: matches
			.map(
				(match) =>
					`${SENSITIVE_CATEGORY_LABELS[match.category]} (${match.words.map((word) => `"${word}"`).join(", ")})`,
			)
			.join("; "),
	};
}

/**
 * Declared categories win over the name: a segment that declares
 * `categories` (an empty list included: "we checked, none") is not guessed
 * at. List names and owners have no such declaration and are always read.
 */
function collectFindings(doc: CampaignDocument, ignoreWords: readonly string[]): Finding[] {
	const findings: Finding[] = [];
	const segments = getPath(doc, ["audience", "segments"]);
	const count = segments?.type === "CampaignSequence" ? segments.items.length : 0;
	for (let index = 0; index < count; index++) {
		const segment = dereference(doc, (segments as { items: CampaignValue[] }).items[index] ?? null);
		if (segment?.type !== "CampaignMapping") continue;
		const name = stringAt(doc, ["audience", "segments", index, "name"]);
		const label = name && name.value.trim() !== "" ? `segment "${name.value}"` : `segment ${index + 1}`;
		const categoriesNode = getPath(doc, ["audience", "segments", index, "categories"]);
		if (categoriesNode?.type === "CampaignSequence") {
			const declared = declaredCategories(doc, categoriesNode);
			if (declared.length > 0) findings.push({ node: categoriesNode, subject: label, categories: declared });
			continue;
		}
		if (name) {
			const finding = inferred(name.node, `segment name "${name.value}"`, name.value, ignoreWords);
			if (finding) findings.push(finding);
		}
	}
	for (const [key, what] of [
		["name", "list name"],
		["owner", "list owner"],
	] as const) {
		const field = stringAt(doc, ["audience", key]);
		if (!field) continue;
		const finding = inferred(field.node, `${what} "${field.value}"`, field.value, ignoreWords);
		if (finding) findings.push(finding);
	}
	return findings;
}

function declaredCategories(
	doc: CampaignDocument,
	list: CampaignValue & { type: "CampaignSequence" },
): SensitiveCategory[] {
	const categories: SensitiveCategory[] = [];
	for (const item of list.items) {
		const value = dereference(doc, item);
		// Unknown values are valid-campaign's finding; only the categories the schema knows count here.
		if (value?.type !== "CampaignScalar" || typeof value.value !== "string") continue;
		const category = SENSITIVE_CATEGORIES.find((known) => known === value.value);
		if (category && !categories.includes(category)) categories.push(category);
	}
	return categories;
}
