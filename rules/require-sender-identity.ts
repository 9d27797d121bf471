import type { TemplateRuleDefinition } from "../src/types.js";
import type { Campaign } from "../src/campaign/types.js";
import { ruleDocsUrl } from "../src/docs-url.js";
import { findPageRoot } from "../src/analyses/document.js";
import { campaignCountries, countriesOptionSchema, jurisdictionsOf, type Jurisdiction } from "../src/analyses/jurisdiction.js";
import { getLinks } from "../src/analyses/links.js";
import { hasOrganisationTag, namesParty } from "../src/analyses/party-names.js";
import { getShownAddress, getShownStreetAddress, organisationTagHint } from "../src/analyses/sender-address.js";
import { matchImprintWording } from "../src/lexicons/disclosure-wording.js";

type MessageIds = "missingName" | "missingAddress" | "missingBoth" | "poBoxOnly";
type AddressPolicy = "by-jurisdiction" | "always" | "never";
type Options = [{ countries?: string[]; address?: AddressPolicy }];
type Kind = Campaign["kind"];

/** Where the law asks a marketing mail itself to show a postal address, and the provision that asks. */
const ADDRESS_LAWS: Partial<Record<Jurisdiction, string>> = {
	us: "CAN-SPAM 15 U.S.C. 7704(a)(5)(A)(iii)",
	ca: "CASL s.6(2)(b) with CRTC Electronic Commerce Protection Regulations s.2(1)(d)",
	de: "the Impressum duty of § 5 DDG",
};

const NAME_LAWS: Record<Kind, string> = {
	marketing:
		"the sender of marketing mail may not be disguised (ePrivacy Directive art. 13(4), e-Commerce Directive art. 6(b), BW 3:15e(1)(b), Telecommunicatiewet art. 11.7, CASL s.6(2)(a), PECR reg. 23)",
	transactional: "company law asks business letters, e-mail included, to carry the company's name (e.g. § 37a HGB, § 35a GmbHG, UK Trading Disclosures Regulations 2015 reg. 25)",
};

/**
 * Builds the rule for one kind of mail. ESLint gives a rule one severity per
 * file, so marketing mail (`require-sender-identity`, an error) and
 * transactional mail (`require-sender-identity-transactional`, a warning)
 * are two rules with one implementation.
 */
export function createSenderIdentityRule(kind: Kind): TemplateRuleDefinition<{ RuleOptions: Options; MessageIds: MessageIds }> {
	const id = kind === "marketing" ? "require-sender-identity" : "require-sender-identity-transactional";
	const policies: AddressPolicy[] = kind === "marketing" ? ["by-jurisdiction", "always", "never"] : ["never", "always"];
	return {
		meta: {
			type: "problem",
			docs: {
				description:
					kind === "marketing"
						? "Require the sender's name and, where the law asks for it, postal address in marketing e-mail"
						: "Require the sender's name in transactional e-mail, and optionally its postal address",
				url: ruleDocsUrl(id),
				recommended: true,
				...(kind === "transactional" ? { severity: "warn" as const } : {}),
			},
			messages: {
				missingName:
					"This {{kind}} e-mail does not name its sender, \"{{name}}\": {{why}}. Name \"{{name}}\" in the footer (case and a legal form such as B.V., GmbH or Ltd may differ){{nameHint}}.",
				missingAddress:
					"This {{kind}} e-mail shows no postal address of its sender{{addressWhy}}. Add the street address or a registered P.O. box to the footer{{addressHint}}.",
				poBoxOnly:
					"This {{kind}} e-mail shows only a P.O. box as its sender's address ({{laws}}): § 5(1) no. 1 DDG asks for \"the address at which they are established\", where documents can be served, and a Postfach is not one. Add the street address to the footer{{addressHint}}.",
				missingBoth:
					"This {{kind}} e-mail names neither its sender, \"{{name}}\", nor the sender's postal address{{addressWhy}}; {{why}}. Add the name and the street address or a registered P.O. box to the footer{{addressHint}}.",
			},
			schema: [
				{
					type: "object",
					properties: {
						// Transactional mail needs no address by law, so the recipients' countries change nothing there.
						...(kind === "marketing" ? { countries: countriesOptionSchema } : {}),
						address: {
							enum: policies,
							description:
								kind === "marketing"
									? "When a postal address is required: `by-jurisdiction` (recipients in the US, Canada or Germany), `always`, or `never`."
									: "Whether transactional mail must show a postal address too (no law asks for it; `always` makes it house style).",
						},
					},
					additionalProperties: false,
				},
			],
			defaultOptions: [{ address: policies[0]! }],
			languages: ["mailcomply/mjml", "mailcomply/html"],
		},
		create(context) {
			const sourceCode = context.sourceCode;
			const [{ countries, address: policy }] = context.options;
			return {
				"Document:exit"(document) {
					const { campaign } = sourceCode.getCampaign(context.settings);
					if (campaign.kind !== kind || campaign.channel !== "email") return;
					// A partial is checked in the mail that includes it; a sign-up page is not a mail.
					const page = findPageRoot(document);
					if (!page) return;

					const name = campaign.sender?.name?.trim();
					const nameMissing = name !== undefined && name !== "" && !namesParty(sourceCode, name) && !hasOrganisationTag(sourceCode, "company");
					const required = addressLaws(policy ?? policies[0]!, campaignCountries(campaign, countries), () => hasImprintLink(sourceCode));
					const laws = required?.laws;
					const shown = required ? getShownAddress(sourceCode) : undefined;
					const addressMissing = required !== undefined && shown === undefined;
					// German law wants the address where the sender is established; CAN-SPAM and CASL accept a registered P.O. box.
					const boxOnly = required?.streetOnly === true && shown !== undefined && getShownStreetAddress(sourceCode) === undefined;
					if (!nameMissing && !addressMissing && !boxOnly) return;

					const addressTag = organisationTagHint(campaign.esp, "address");
					const companyTag = organisationTagHint(campaign.esp, "company");
					const example = campaign.sender?.address?.trim();
					const addressHint = [example ? `, e.g. "${example}"` : "", addressTag ? `${example ? " or" : ", e.g."} ${addressTag}` : ""].join("");
					if (boxOnly && !nameMissing) {
						context.report({
							loc: page.type === "Element" ? page.startTag.loc : page.loc,
							messageId: "poBoxOnly",
							data: { kind, laws: ADDRESS_LAWS.de ?? "", addressHint },
						});
						return;
					}
					context.report({
						loc: page.type === "Element" ? page.startTag.loc : page.loc,
						messageId: nameMissing && (addressMissing || boxOnly) ? "missingBoth" : nameMissing ? "missingName" : "missingAddress",
						data: {
							kind,
							name: name ?? "",
							why: NAME_LAWS[kind],
							nameHint: companyTag ? ` or use ${companyTag}` : "",
							addressWhy: laws ? ` (${laws})` : "",
							addressHint,
						},
					});
				},
			};
		},
	};
}

/**
 * The provisions that ask for the address here, or `undefined` when none
 * does; `streetOnly` when one of them (German law) does not accept a P.O. box.
 */
function addressLaws(policy: AddressPolicy, countries: readonly string[], imprintLinked: () => boolean): { laws: string; streetOnly: boolean } | undefined {
	if (policy === "never") return undefined;
	if (policy === "always") return { laws: "required by this rule's `address: always` option", streetOnly: false };
	const jurisdictions = jurisdictionsOf(countries);
	const applicable = (Object.keys(ADDRESS_LAWS) as Jurisdiction[]).filter((jurisdiction) => jurisdictions.has(jurisdiction));
	// German commentary accepts a link to the web Impressum; CAN-SPAM and CASL want the address in the message.
	const required = applicable.filter((jurisdiction) => jurisdiction !== "de" || !imprintLinked());
	if (required.length === 0) return undefined;
	return { laws: required.map((jurisdiction) => ADDRESS_LAWS[jurisdiction]).join("; "), streetOnly: required.includes("de") };
}

function hasImprintLink(sourceCode: Parameters<typeof getLinks>[0]): boolean {
	return getLinks(sourceCode).links.some((link) => (link.target.kind === "url" || link.target.kind === "merge-tag") && matchImprintWording(link.text) !== undefined);
}

export default createSenderIdentityRule("marketing");
