import type { MessageRuleDefinition } from "../src/types.js";
import type { TemplateCampaign, TemplateSourceCode } from "../src/languages/template-source-code.js";
import type { TextMessageSourceCode } from "../src/languages/text-message-source-code.js";
import { ruleDocsUrl } from "../src/rule-docs.js";
import type { CitationId } from "../src/legal/citations.js";
import { citeBriefly, citeBrieflyForCampaign } from "../src/legal/cite.js";
import { findPageRoot } from "../src/analyses/document.js";
import {
	campaignCountries,
	countriesOptionSchema,
	jurisdictionsOf,
	type Jurisdiction,
} from "../src/analyses/jurisdiction.js";
import { getLinks } from "../src/analyses/links.js";
import { hasOrganisationTag, isOrganisationTag, namesParty, textsNameParty } from "../src/analyses/party-names.js";
import {
	findAddressIn,
	findStreetAddressIn,
	getShownAddress,
	getShownStreetAddress,
	organisationTagHint,
	type ShownAddress,
} from "../src/analyses/sender-address.js";
import { namesSomeSender, namesSomeSenderIn } from "../src/analyses/sender-named.js";
import { lineAround, messageParagraphs, type TextMessageCode } from "../src/analyses/message-text.js";
import type { TextMessageNode } from "../src/text-message/ast.js";
import { marketingShown } from "../src/analyses/mail-kind.js";
import { hasUnseenParts, UNREAD_PART_MESSAGE, unreadPartOfMail } from "../src/analyses/unseen-parts.js";
import { matchImprintWording } from "../src/lexicons/disclosure-wording.js";
import { EmlSourceCode } from "../src/languages/eml-source-code.js";
import { fromIdentifiesSender } from "../src/eml/from-identity.js";
import { dutyKind, type DutyKind } from "../src/campaign/duty-kind.js";

type MessageIds =
	| "missingName"
	| "missingAddress"
	| "missingBoth"
	| "poBoxOnly"
	| "unnamed"
	| "missingNameSms"
	| "unseen"
	| "fromMismatch"
	| "missingNameText"
	| "missingAddressText"
	| "missingBothText"
	| "poBoxOnlyText"
	| "unnamedText";
type AddressPolicy = "by-jurisdiction" | "always" | "never";
type Options = [{ countries?: string[]; address?: AddressPolicy }];
type Kind = DutyKind;

/**
 * Where the law asks the mail itself to show a postal address, and the
 * provisions that ask. Transactional mail needs one only in Canada: CASL
 * s. 6(6) lifts the consent requirement for confirmations and the like, not
 * the identification of s. 6(2).
 */
const ADDRESS_LAWS: Record<Kind, Partial<Record<Jurisdiction, readonly CitationId[]>>> = {
	marketing: { us: ["canspam-a-5-a-iii", "cfr-316-2-p"], ca: ["casl-6-2", "crtc-regs-2-1-d"], de: ["ddg-5"] },
	transactional: { ca: ["casl-6-6", "casl-6-2", "crtc-regs-2-1-d"] },
};

/**
 * Why the mail must name its sender, per kind: marketing mail may not
 * disguise its sender (the direct-marketing provisions first, so that a
 * finding cites them before the e-Commerce identification duty), and
 * business letters, e-mail included, carry the company's name. A finding
 * cites the provisions of its recipients.
 */
const NAME_LAWS: Record<Kind, readonly CitationId[]> = {
	marketing: [
		"eprivacy-13-4",
		"tw-11-7-identity",
		"uwg-7-2-3",
		"pecr-23",
		"canspam-a-1",
		"casl-6-2",
		"ecommerce-6-b",
		"bw-3-15e-1-b",
	],
	transactional: ["bw-2-186", "hgb-37a", "uk-trading-disclosures-25", "casl-6-6", "casl-6-2"],
};

/** Why a marketing SMS must name its sender: the identity duties of art. 13(4) and its national versions reach SMS as electronic mail; CAN-SPAM is about e-mail. */
const SMS_NAME_LAW = [
	"eprivacy-13-4",
	"tw-11-7-identity",
	"uwg-7-2-3",
	"pecr-23",
	"casl-6-2",
] as const satisfies readonly CitationId[];

/** The catalogue entries each kind of mail rests on (src/legal/citations.ts). */
const MARKETING_CITATIONS = [
	"eprivacy-13-4",
	"ecommerce-6-b",
	"bw-3-15e-1-b",
	"tw-11-7-identity",
	"uwg-7-2-3",
	"ddg-5",
	"pecr-23",
	"canspam-a-1",
	"canspam-a-5-a-iii",
	"cfr-316-2-p",
	"casl-6-2",
	"crtc-regs-2-1-d",
	"eprivacy-2-h",
	"pecr-2-electronic-mail",
	"casl-1-electronic-address",
] as const satisfies readonly CitationId[];
const TRANSACTIONAL_CITATIONS = [
	"bw-2-186",
	"hgb-37a",
	"uk-trading-disclosures-25",
	"casl-6-6",
	"casl-6-2",
	"crtc-regs-2-1-d",
] as const satisfies readonly CitationId[];

/**
 * Builds the rule for one kind of mail. ESLint gives a rule one severity per
 * file, so marketing mail (`require-sender-identity`, an error) and
 * transactional mail (`require-sender-identity-transactional`, a warning)
 * are two rules with one implementation.
 */
export function createSenderIdentityRule(
	kind: Kind,
): MessageRuleDefinition<{ RuleOptions: Options; MessageIds: MessageIds }> {
	const id = kind === "marketing" ? "require-sender-identity" : "require-sender-identity-transactional";
	const policies: AddressPolicy[] = ["by-jurisdiction", "always", "never"];
	return {
		meta: {
			type: "problem",
			docs: {
				description:
					kind === "marketing"
						? "Require the sender's name and, where the law asks for it, postal address in marketing e-mail; the sender's name in a marketing SMS"
						: "Require the sender's name in transactional e-mail, and optionally its postal address",
				url: ruleDocsUrl(id),
				fix:
					kind === "marketing"
						? "Name the sender in the footer, with a postal address where the law asks."
						: "Name the sender in the footer (and its address for Canada).",
				citations: kind === "marketing" ? [...MARKETING_CITATIONS] : [...TRANSACTIONAL_CITATIONS],
				recommended: true,
				assumes: ["kind", "countries"],
				...(kind === "transactional" ? { severity: "warn" as const } : {}),
			},
			messages: {
				missingName:
					'This {{kind}} e-mail does not name its sender "{{name}}" ({{law}}): name it in the footer{{nameHint}}.',
				missingAddress: "No postal address: add {{addressKind}} to the footer{{addressHint}} ({{law}}).",
				poBoxOnly:
					"This {{kind}} e-mail shows only a P.O. box as its sender's address; German law asks for the street address ({{law}}): add it to the footer{{addressHint}}.",
				unnamed:
					"The mail does not say who sends it: name the sender in the footer{{nameHint}} and declare `sender.name` ({{law}}).",
				unseen: UNREAD_PART_MESSAGE,
				missingBoth:
					'This {{kind}} e-mail shows neither its sender "{{name}}" nor a postal address ({{law}}): add both to the footer{{addressHint}}.',
				fromMismatch:
					'The From name "{{shown}}" does not identify the declared sender "{{name}}", which the mail never names ({{law}}): put "{{name}}" or a brand the mail shows in it.',
				missingNameText:
					'The plain-text part of this {{kind}} e-mail does not name its sender "{{name}}"{{contrast}} ({{law}}): name it there too{{nameHint}}.',
				missingAddressText:
					"The plain-text part of this {{kind}} e-mail shows no postal address of its sender{{contrast}} ({{law}}): add {{addressKind}} to it{{addressHint}}.",
				missingBothText:
					'The plain-text part of this {{kind}} e-mail shows neither its sender "{{name}}" nor a postal address{{contrast}} ({{law}}): add both to it{{addressHint}}.',
				poBoxOnlyText:
					"The plain-text part of this {{kind}} e-mail shows only a P.O. box as its sender's address{{contrast}}; German law asks for the street address ({{law}}): add it{{addressHint}}.",
				unnamedText:
					"The plain-text part of this {{kind}} e-mail does not say who sends it{{contrast}} ({{law}}): name the sender in it{{nameHint}}.",
				missingNameSms: 'The SMS does not name its sender: start it with e.g. "{{name}}: …" ({{law}}).',
			},
			schema: [
				{
					type: "object",
					properties: {
						countries: countriesOptionSchema,
						address: {
							enum: policies,
							description:
								kind === "marketing"
									? "When a postal address is required: `by-jurisdiction` (recipients in the US, Canada or Germany), `always`, or `never`."
									: "When a postal address is required: `by-jurisdiction` (recipients in Canada, CASL s. 6(2) and 6(6)), `always` (house style), or `never`.",
						},
					},
					additionalProperties: false,
				},
			],
			defaultOptions: [{ address: policies[0]! }],
			// An SMS must name its sender too; a WhatsApp template's sender is the business's verified display name, which the template does not hold.
			// The plain-text part (NAME.txt beside a template, an .eml's text/plain part) is what a text-only reader sees of the mail.
			languages:
				kind === "marketing"
					? ["mailcomply/mjml", "mailcomply/html", "mailcomply/text", "mailcomply/sms"]
					: ["mailcomply/mjml", "mailcomply/html", "mailcomply/text"],
		},
		create(context) {
			const sourceCode = context.sourceCode as TemplateSourceCode;
			const [{ countries, address: policy }] = context.options;
			const rule: SenderOptions = { policy: policy ?? policies[0]!, countries };
			/** A captured message's From display name must identify the sender the campaign declares (nothing to compare without one). */
			const checkFromHeader = (message: EmlSourceCode) => {
				const { campaign, declared } = message.getCampaign(context.settings);
				const name = campaign.sender?.name?.trim();
				if (!name || !declared.has("sender.name")) return;
				const from = message.headers("from")[0];
				const mailbox = from?.addresses?.[0];
				if (!from || !mailbox) return;
				const parties = [name, campaign.sentBy?.name?.trim() ?? ""].filter(Boolean);
				if (fromIdentifiesSender(mailbox, parties, (shown) => namesParty(message, shown))) return;
				context.report({
					loc: from.loc,
					messageId: "fromMismatch",
					data: {
						shown: mailbox.name,
						name,
						law: citeBrieflyForCampaign(NAME_LAWS.marketing, campaign, countries),
					},
				});
			};
			/**
			 * An e-mail's plain-text part must show what its HTML part must: a
			 * recipient whose client shows only the text part sees nothing else
			 * of the mail. Where a captured message's HTML part shows what the text
			 * part lacks, the finding says so.
			 */
			const checkTextPart = (message: TextMessageNode) => {
				const code = context.sourceCode as TextMessageCode;
				const { campaign, inferredKind } = code.getCampaign(context.settings);
				if (dutyKind(campaign.kind) !== kind || campaign.channel !== "email") return;
				const verdict = judgeSender(kind, campaign, inferredKind, rule, textPartEvidence(message));
				if (!verdict.gap) return;
				const html =
					code instanceof EmlSourceCode && findPageRoot(code)
						? judgeSender(kind, campaign, inferredKind, rule, templateEvidence(code))
						: undefined;
				const htmlShowsIt =
					html !== undefined && !(html.gap === undefined && html.incomplete) && !sameDuty(verdict.gap, html.gap);
				context.report({
					loc: { start: message.loc.start, end: message.loc.start },
					messageId: `${verdict.gap}Text`,
					data: { ...verdict.data, contrast: htmlShowsIt ? ", unlike the HTML part" : "" },
				});
			};
			return {
				"TextMessage:exit"(message) {
					if (message.channel === "email") {
						checkTextPart(message);
						return;
					}
					if (message.channel !== "sms") return;
					const { campaign } = (context.sourceCode as TextMessageSourceCode).getCampaign(context.settings);
					const name = campaign.sender?.name?.trim();
					// Without a declared name an SMS is not second-guessed: "Jansen: …" or "Hi from Jansen" names a sender mailcomply cannot tell from any other word.
					if (campaign.kind !== "marketing" || name === undefined || name === "") return;
					if (
						textsNameParty(
							message.children.map((part) => part.text),
							name,
						)
					)
						return;
					context.report({
						loc: message.children[0]?.loc ?? message.loc,
						messageId: "missingNameSms",
						data: { name, law: citeBrieflyForCampaign(SMS_NAME_LAW, campaign, countries) },
					});
				},
				"Document:exit"() {
					const { campaign, inferredKind } = sourceCode.getCampaign(context.settings);
					if (dutyKind(campaign.kind) !== kind || campaign.channel !== "email") return;
					if (kind === "marketing" && sourceCode instanceof EmlSourceCode) checkFromHeader(sourceCode);
					// A partial is checked in the mail that includes it; a sign-up page is not a mail.
					const page = findPageRoot(sourceCode);
					const unread = unreadPartOfMail(sourceCode);
					if (!page && !unread) return;

					const verdict = judgeSender(kind, campaign, inferredKind, rule, templateEvidence(sourceCode));
					// What looks missing may be in the part of the mail out of sight: say so, once, where it comes in.
					if (unread && verdict.incomplete) {
						context.report({
							loc: unread.loc,
							messageId: "unseen",
							data: { duty: "the sender's name and address", tag: unread.tag, why: unread.why },
						});
						return;
					}
					if (!page || !verdict.gap) return;
					context.report({
						loc: page.type === "Element" ? page.startTag.loc : page.loc,
						messageId: verdict.gap,
						data: verdict.data,
					});
				},
			};
		},
	};
}

/** The rule's options, as `judgeSender` reads them. */
interface SenderOptions {
	policy: AddressPolicy;
	countries: readonly string[] | undefined;
}

/**
 * What a mail shows of its sender. The same questions are asked of a
 * template's visible text (an HTML or MJML template, an `.eml`'s HTML part)
 * and of a plain-text part, each answered from its own text.
 */
export interface SenderEvidence {
	/** Whether the mail names `name` (legal form, case and accents aside), or has a tag that prints the organisation's name. */
	names(name: string): boolean;
	/** Whether the mail names anyone a reader would take for its sender (src/analyses/sender-named.ts). */
	namesSomeone(): boolean;
	address(): ShownAddress | undefined;
	streetAddress(): ShownAddress | undefined;
	/** A link labelled Impressum: German commentary accepts it for the address. */
	imprintLinked(): boolean;
	/** A part of the mail mailcomply cannot see (an unread include, a custom mjml component), which may be where a name is. */
	hasUnseenParts(): boolean;
}

function templateEvidence(sourceCode: TemplateSourceCode): SenderEvidence {
	return {
		names: (name) => namesParty(sourceCode, name) || hasOrganisationTag(sourceCode, "company"),
		namesSomeone: () => namesSomeSender(sourceCode),
		address: () => getShownAddress(sourceCode),
		streetAddress: () => getShownStreetAddress(sourceCode),
		imprintLinked: () => hasImprintLink(sourceCode),
		hasUnseenParts: () => hasUnseenParts(sourceCode),
	};
}

/**
 * What a plain-text part shows of its sender, read from its paragraphs
 * (src/analyses/message-text.ts) as an HTML part is read from its blocks,
 * with the merge tags written in it.
 */
function textPartEvidence(message: TextMessageNode): SenderEvidence {
	const paragraphs = messageParagraphs(message);
	const tags = message.children.flatMap((part) =>
		part.children.flatMap((child) =>
			child.type === "MessageVariable" ? [{ syntax: child.syntax, expression: child.name }] : [],
		),
	);
	const organisationTag = (role: "company" | "address") => tags.some((tag) => isOrganisationTag(tag, role));
	let address: { shown: ShownAddress | undefined } | undefined;
	const shownAddress = () => (address ??= { shown: findAddressIn(paragraphs, organisationTag("address")) }).shown;
	return {
		names: (name) => textsNameParty(paragraphs, name) || organisationTag("company"),
		namesSomeone: () =>
			namesSomeSenderIn(paragraphs, {
				organisationTag: () => organisationTag("company"),
				logoAlt: () => false,
				address: () => shownAddress() !== undefined,
			}),
		address: shownAddress,
		streetAddress: () => findStreetAddressIn(paragraphs, shownAddress()),
		// "Impressum: https://…" on one line, as a link labelled Impressum is in HTML.
		imprintLinked: () =>
			message.children.some((part) =>
				part.children.some(
					(child) => child.type === "MessageUrl" && matchImprintWording(lineAround(part, child.start)) !== undefined,
				),
			),
		// A text part is read whole: it has no includes.
		hasUnseenParts: () => false,
	};
}

type Gap = "missingName" | "missingAddress" | "missingBoth" | "poBoxOnly" | "unnamed";

/** Whether two gaps leave out the same thing: the sender's name, or its address. */
function sameDuty(gap: Gap, other: Gap | undefined): boolean {
	const lacks = (what: Gap | undefined) => ({
		name: what === "missingName" || what === "unnamed" || what === "missingBoth",
		address: what === "missingAddress" || what === "poBoxOnly" || what === "missingBoth",
	});
	const one = lacks(gap);
	const two = lacks(other);
	return (one.name && two.name) || (one.address && two.address);
}

interface SenderVerdict {
	/** What the mail lacks, if anything. */
	gap: Gap | undefined;
	/** Something the duty asks for is not in sight (a name that a part out of sight may hold included), for the unseen-part check. */
	incomplete: boolean;
	/** The message data for `gap`. */
	data: Record<string, string>;
}

/** What a mail of this kind lacks of its sender's name and postal address, and the message data that says so. */
function judgeSender(
	kind: Kind,
	campaign: TemplateCampaign["campaign"],
	inferredKind: TemplateCampaign["inferredKind"],
	options: SenderOptions,
	shown: SenderEvidence,
): SenderVerdict {
	const name = campaign.sender?.name?.trim();
	const nameDeclared = name !== undefined && name !== "";
	const nameMissing = nameDeclared && !shown.names(name);
	// Without a declared name, a marketing mail is reported only when it names nobody at all: any name is not second-guessed.
	const namesNobody = kind === "marketing" && !nameDeclared && !shown.namesSomeone();
	const unnamed = namesNobody && !shown.hasUnseenParts();
	const recipients = campaignCountries(campaign, options.countries);
	// The address is a duty of commercial messages (CAN-SPAM, CASL, DDG): a mail read as marketing only because it says nothing either way is not shown to be one.
	const addressDue = kind !== "marketing" || marketingShown(campaign, inferredKind);
	const required = addressDue ? addressLaws(kind, options.policy, recipients, shown.imprintLinked) : undefined;
	const address = required ? shown.address() : undefined;
	const addressMissing = required !== undefined && address === undefined;
	// German law wants the address where the sender is established; CAN-SPAM and CASL accept a registered P.O. box.
	const boxOnly = required?.streetOnly === true && address !== undefined && shown.streetAddress() === undefined;
	const gap: Gap | undefined = unnamed
		? "unnamed"
		: nameMissing && (addressMissing || boxOnly)
			? "missingBoth"
			: nameMissing
				? "missingName"
				: boxOnly
					? "poBoxOnly"
					: addressMissing
						? "missingAddress"
						: undefined;
	const incomplete = gap !== undefined || namesNobody;
	if (!gap) return { gap, incomplete, data: {} };

	const regimes = recipients.length > 0 ? jurisdictionsOf(recipients) : undefined;
	const nameLaw = citeBriefly(NAME_LAWS[kind], regimes);
	const addressLaw = required && required.citations.length > 0 ? citeBriefly(required.citations, regimes) : undefined;
	const addressTag = organisationTagHint(campaign.esp, "address");
	const companyTag = organisationTagHint(campaign.esp, "company");
	// One example: the ESP's tag, which prints the address the account holds, else the address the campaign declares.
	const example = campaign.sender?.address?.trim();
	const addressHint = addressTag ? `, e.g. ${addressTag}` : example ? `, e.g. "${example}"` : "";
	const law =
		gap === "missingName" || gap === "unnamed"
			? nameLaw
			: gap === "missingBoth"
				? citeBriefly([...(required?.citations ?? []), ...NAME_LAWS[kind]], regimes)
				: gap === "poBoxOnly"
					? citeBriefly(ADDRESS_LAWS.marketing.de ?? [], regimes)
					: (addressLaw ?? "this rule's `address` option");
	return {
		gap,
		incomplete,
		data: {
			kind,
			name: name ?? "",
			law,
			nameHint: companyTag ? ` or use ${companyTag}` : "",
			// German recipients: § 5 DDG wants the address where the sender is established, so no P.O. box is offered.
			addressKind: required?.streetOnly === true ? "a street address" : "one",
			addressHint,
		},
	};
}

/**
 * The provisions that ask for the address here, or `undefined` when none
 * does (none listed when the `address: always` option asks);
 * `streetOnly` when one of them (German law) does not accept a P.O. box.
 */
function addressLaws(
	kind: Kind,
	policy: AddressPolicy,
	countries: readonly string[],
	imprintLinked: () => boolean,
): { citations: CitationId[]; streetOnly: boolean } | undefined {
	if (policy === "never") return undefined;
	if (policy === "always") return { citations: [], streetOnly: false };
	const jurisdictions = jurisdictionsOf(countries);
	const laws = ADDRESS_LAWS[kind];
	const applicable = (Object.keys(laws) as Jurisdiction[]).filter((jurisdiction) => jurisdictions.has(jurisdiction));
	// German commentary accepts a link to the web Impressum; CAN-SPAM and CASL want the address in the message.
	const required = applicable.filter((jurisdiction) => jurisdiction !== "de" || !imprintLinked());
	if (required.length === 0) return undefined;
	return {
		citations: required.flatMap((jurisdiction) => laws[jurisdiction] ?? []),
		streetOnly: required.includes("de"),
	};
}

function hasImprintLink(sourceCode: Parameters<typeof getLinks>[0]): boolean {
	return getLinks(sourceCode).links.some(
		(link) =>
			(link.target.kind === "url" || link.target.kind === "merge-tag") && matchImprintWording(link.text) !== undefined,
	);
}

export default createSenderIdentityRule("marketing");
