import type { TemplateRuleDefinition } from "../src/types.js";
import type { DocumentNode, ElementNode } from "../src/ast/types.js";
import { ruleDocsUrl } from "../src/rule-docs.js";
import { cite } from "../src/legal/cite.js";
import { findPageRoot } from "../src/analyses/document.js";
import { UNREAD_PART_MESSAGE, unreadPartOfMail } from "../src/analyses/unseen-parts.js";
import { campaignCountries, countriesOptionSchema, jurisdictionsOf } from "../src/analyses/jurisdiction.js";
import { findCompanyNumbers, isCompanyNumberVariable, showsForeignRegister } from "../src/analyses/company-number.js";
import { getLinks } from "../src/analyses/links.js";
import { getTextBlocks } from "../src/analyses/text-blocks.js";
import { getShownAddress } from "../src/analyses/sender-address.js";
import { pageLanguage } from "../src/analyses/page-language.js";
import { dutyKind } from "../src/campaign/duty-kind.js";

type MessageIds = "missing" | "missingMarketing" | "malformed" | "mismatch" | "unseen";
type Options = [{ countries?: string[]; reportMarketing?: boolean; acceptSidecarNumber?: boolean }];

/**
 * Dutch businesses show their trade-register (KvK) number on outgoing
 * correspondence, e-mail included; advertisements are exempt. So a
 * transactional mail to Dutch recipients must show it, and a marketing mail
 * is reported only when the user opts in.
 *
 * Sign-up pages (BW 3:15d(1)(c) asks websites for the number) are not
 * checked here: `findPageRoot` hands them to the form rules, which can reuse
 * `findCompanyNumbers` from src/analyses/company-number.ts.
 */
const rule: TemplateRuleDefinition<{ RuleOptions: Options; MessageIds: MessageIds }> = {
	meta: {
		type: "problem",
		docs: {
			description: "Require the sender's KvK (Dutch trade register) number in transactional e-mail to Dutch recipients",
			url: ruleDocsUrl("require-company-number"),
			fix: "Show the KvK number in the footer of transactional mail.",
			citations: ["hrw-27", "bw-2-186"],
			recommended: true,
			assumes: ["kind", "countries"],
			jurisdictions: ["nl"],
		},
		messages: {
			missing:
				'This transactional e-mail does not show the sender\'s KvK number: add "KvK {{example}}" to the footer{{hint}} (' +
				cite("hrw-27") +
				").",
			missingMarketing:
				'This marketing e-mail does not show the sender\'s KvK number: advised (`reportMarketing`), though ads are exempt; add "KvK {{example}}"{{hint}} (' +
				cite("hrw-27") +
				").",
			malformed:
				'"{{written}}" has {{count}} digits, a KvK number 8: copy it from the trade-register extract, e.g. "KvK {{example}}".',
			mismatch:
				"The mail shows KvK number {{shown}}, but the sidecar's sender.companyNumber is {{declared}}: correct the wrong one.",
			unseen: UNREAD_PART_MESSAGE,
		},
		schema: [
			{
				type: "object",
				properties: {
					countries: countriesOptionSchema,
					reportMarketing: {
						type: "boolean",
						description:
							"Also report marketing mail without the number (advertisements are exempt; ESLint has no 'info' level, so this is opt-in).",
					},
					acceptSidecarNumber: {
						type: "boolean",
						description:
							"Accept `sender.companyNumber` in the sidecar as shown, for ESPs that append a footer with the number.",
					},
				},
				additionalProperties: false,
			},
		],
		defaultOptions: [{ reportMarketing: false, acceptSidecarNumber: false }],
		languages: ["mailcomply/mjml", "mailcomply/html"],
	},
	create(context) {
		const sourceCode = context.sourceCode;
		const [{ countries, reportMarketing, acceptSidecarNumber }] = context.options;
		return {
			"Document:exit"(document) {
				const { campaign } = sourceCode.getCampaign(context.settings);
				if (campaign.channel !== "email") return;
				if (!jurisdictionsOf(campaignCountries(campaign, countries)).has("nl")) return;
				const applies = dutyKind(campaign.kind) === "transactional" || reportMarketing === true;
				if (!applies) return;
				// Partials are checked in the mail that includes them; sign-up pages by the form rules.
				const page = findPageRoot(sourceCode);
				const unread = unreadPartOfMail(sourceCode);
				if (!page && !unread) return;

				// A company registered in another country (a Belgian ondernemingsnummer, a German HRB) has no KvK number to show.
				if (showsForeignRegister(getTextBlocks(sourceCode), campaign.sender?.companyNumber)) return;
				const declared = (campaign.sender?.companyNumber ?? "").replace(/\D/gu, "");
				// Handelsregisterwet art. 27 binds enterprises in the Dutch register, whoever the recipients are:
				// a sender whose own address is foreign (a US ZIP code, a UK postcode) is not one, unless it declares a KvK number.
				if (declared.length !== 8 && showsForeignAddress(sourceCode)) return;
				// Dutch recipients among others (NL, DE, US…) say nothing about the sender's register: report only
				// a sender that something shows to be Dutch (see senderLooksDutch).
				if (declared.length !== 8 && !senderLooksDutch(sourceCode, document, campaign, countries)) return;
				// An obvious placeholder, never a number that could be someone's real registration.
				const example = declared.length === 8 ? declared : "<your 8-digit number>";
				// `{{ company.kvk }}` in the text: the ESP or template fills the number in.
				const filledIn = getLinks(sourceCode).textMergeTags.some(
					({ tag }) => tag.clients !== "none" && isCompanyNumberVariable(tag.expression),
				);
				const shown = findCompanyNumbers(getTextBlocks(sourceCode));
				const wellFormed = shown.filter((number) => number.wellFormed);
				if (wellFormed.length > 0 || filledIn) {
					const literal = wellFormed.filter((number) => number.digits !== "");
					const firstLiteral = literal[0];
					if (declared.length === 8 && firstLiteral && !literal.some((number) => number.digits === declared)) {
						context.report({
							loc: locOf(firstLiteral.node),
							messageId: "mismatch",
							data: { shown: firstLiteral.digits, declared },
						});
					}
					return;
				}
				for (const number of shown) {
					context.report({
						loc: locOf(number.node),
						messageId: "malformed",
						data: { written: number.written, count: String(number.digits.length), example },
					});
				}
				if (shown.length > 0) return;
				if (acceptSidecarNumber === true && declared.length === 8) return;
				if (unread) {
					context.report({
						loc: unread.loc,
						messageId: "unseen",
						data: { duty: "the sender's KvK number", tag: unread.tag, why: unread.why },
					});
					return;
				}
				if (!page) return;
				const hint = declared.length === 8 ? " (the sidecar's number is not part of the mail)" : "";
				context.report({
					loc: locOf(page),
					messageId: dutyKind(campaign.kind) === "transactional" ? "missing" : "missingMarketing",
					data: { example, hint },
				});
			},
		};
	},
};

function locOf(node: ElementNode | DocumentNode) {
	return node.type === "Element" ? node.startTag.loc : node.loc;
}

/** A Dutch legal form after a name: "Bakkerij de Vries B.V.", "Jansen N.V.", "Modehuis Jansen BV". Case-sensitive: "bv" is also Dutch for "bijvoorbeeld". */
const DUTCH_LEGAL_FORM = /[\p{L}\p{N}.,)]\s+(?:B\.\s?V\.|N\.\s?V\.|BV|NV|V\.O\.F\.|VOF)(?![\p{L}\p{N}])/u;

/**
 * Whether anything shows the sender to be a Dutch enterprise: a KvK label
 * or number in the mail, a Dutch postal address, a Dutch legal form, a mail
 * written in Dutch, or recipients in the Netherlands only (a campaign for the
 * Dutch market). A mail in English to NL, DE and US recipients with no
 * Dutch address may come from anywhere, and art. 27 asks nothing of a
 * sender outside the Dutch register.
 */
function senderLooksDutch(
	sourceCode: Parameters<typeof getShownAddress>[0],
	document: DocumentNode,
	campaign: { audience?: { countries?: string[] }; language?: string },
	optionCountries: readonly string[] | undefined,
): boolean {
	const blocks = getTextBlocks(sourceCode);
	if (findCompanyNumbers(blocks).length > 0) return true;
	const countries = campaignCountries(campaign, optionCountries);
	if (countries.length > 0 && countries.every((country) => country.toUpperCase() === "NL")) return true;
	const shown = getShownAddress(sourceCode);
	if (shown?.kind === "text" && shown.address.format === "nl") return true;
	if (blocks.some((block) => DUTCH_LEGAL_FORM.test(block.text))) return true;
	const declaredLanguage = campaign.language?.toLowerCase().split(/[-_]/u)[0];
	const language = declaredLanguage ?? pageLanguage(document, blocks.map((block) => block.text).join(" "));
	return language === "nl";
}

/** The mail shows its sender's postal address in a format that is not Dutch. */
function showsForeignAddress(sourceCode: Parameters<typeof getShownAddress>[0]): boolean {
	const shown = getShownAddress(sourceCode);
	return shown?.kind === "text" && shown.address.format !== "nl";
}

export default rule;
