import { isMarketingEmail } from "../src/campaign/marketing-email.js";
import type { Campaign } from "../src/campaign/types.js";
import type { MessageRuleDefinition } from "../src/types.js";
import type { TemplateSourceCode } from "../src/languages/template-source-code.js";
import type { TextMessageCode } from "../src/analyses/message-text.js";
import type { TextMessageNode } from "../src/text-message/ast.js";
import { ruleDocsUrl } from "../src/rule-docs.js";
import { ownValue } from "../src/own-value.js";
import { campaignCountries, countriesOptionSchema, jurisdictionsOf } from "../src/analyses/jurisdiction.js";
import { citeBriefly, citeFor } from "../src/legal/cite.js";
import type { CitationId } from "../src/legal/citations.js";
import { findPageRoot } from "../src/analyses/document.js";
import { namesParty, partyNameWords, textsNameParty } from "../src/analyses/party-names.js";
import { getTextBlocks } from "../src/analyses/text-blocks.js";
import { findTextPrivacyLinks, hasWorkingPrivacyLink } from "../src/analyses/privacy-links.js";
import { textLinksWebPage } from "../src/analyses/message-text.js";
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

/** A reason sentence in the campaign's language, for messages; a text message is a "bericht", "message", "Nachricht". */
const REASON_EXAMPLES: Readonly<Record<"mail" | "text", Readonly<Record<string, string>>>> = {
	mail: {
		nl: "U ontvangt deze e-mail omdat u bij {owner} toestemming gaf",
		en: "You are receiving this e-mail because you agreed with {owner}",
		de: "Sie erhalten diese E-Mail, weil Sie bei {owner} eingewilligt haben",
		fr: "Vous recevez cet e-mail car vous l'avez accepté auprès de {owner}",
	},
	text: {
		nl: "U ontvangt dit bericht omdat u bij {owner} toestemming gaf",
		en: "You are receiving this message because you agreed with {owner}",
		de: "Sie erhalten diese Nachricht, weil Sie bei {owner} eingewilligt haben",
		fr: "Vous recevez ce message car vous l'avez accepté auprès de {owner}",
	},
};
/** "Sent by {agency} on behalf of {sender}", in the campaign's language. */
const ON_BEHALF_EXAMPLES: Readonly<Record<string, string>> = {
	nl: "Verzonden door {agency} namens {sender}",
	en: "Sent by {agency} on behalf of {sender}",
	de: "Versand durch {agency} im Auftrag von {sender}",
	fr: "Envoyé par {agency} au nom de {sender}",
};

/** How a message names itself in a finding, and where it is told to add an on-behalf statement. */
const MESSAGE_FORMS = {
	mail: { message: "e-mail", where: "to the footer" },
	text: { message: "e-mail's plain-text part", where: "to it" },
	sms: { message: "SMS", where: "or link a page that says it" },
	whatsapp: { message: "WhatsApp template", where: "or link a page that says it" },
} as const;
type MessageForm = keyof typeof MESSAGE_FORMS;

/**
 * What the rule reads in one message, HTML or text: whether it states on
 * whose behalf it is sent, names the list's owner, gives the reason the
 * reader gets it, and links the privacy statement.
 */
interface MessageReading {
	form: MessageForm;
	/** The message's language, for the example sentences. */
	language: string;
	onBehalfStated(agency: string, sender: string | undefined): boolean;
	names(name: string): boolean;
	givesReason(): boolean;
	linksPrivacy(): boolean;
}

type Finding = { messageId: MessageIds; data: Record<string, string> };

/**
 * Two situations in which the reader cannot tell who is behind a message
 * unless it says so: an agency or mailing bureau sends it for the advertiser
 * (`sentBy`), or the addresses come from someone else's list
 * (`audience.source: third-party` or `purchased`). The same duties hold for
 * an e-mail, its plain-text part, an SMS and a WhatsApp template (see the doc).
 */
const rule: MessageRuleDefinition<{ RuleOptions: Options; MessageIds: MessageIds }> = {
	meta: {
		type: "problem",
		docs: {
			description:
				"Require a message to a third party's list to name its source (EU, UK), and one an agency sends to Canada to say on whose behalf",
			url: ruleDocsUrl("disclose-third-party"),
			fix: "Say on whose behalf you send, and where the address came from.",
			citations: [
				"crtc-regs-2-1-b-c",
				"casl-6-2",
				"crtc-regs-3",
				"casl-1-electronic-address",
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
				'This {{message}} is sent by {{agency}} for {{sender}} without saying so: add e.g. "{{statement}}" {{where}} ({{law}}).',
			sourceUndisclosed: 'This {{message}} to {{owner}}\'s list lacks {{missing}}: add e.g. "{{example}}" ({{law}}).',
			ownerMissing:
				"The addresses come from a third party (`audience.source: {{source}}`), but `audience.owner` does not say whose: declare it and name that party in the message ({{law}}).",
		},

		schema: [
			{
				type: "object",
				properties: { countries: countriesOptionSchema },
				additionalProperties: false,
			},
		],
		defaultOptions: [{}],
		languages: ["mailcomply/mjml", "mailcomply/html", "mailcomply/text", "mailcomply/sms", "mailcomply/whatsapp"],
	},
	create(context) {
		const [{ countries }] = context.options;
		const check = (campaign: Campaign, reading: MessageReading, report: (finding: Finding) => void): void => {
			for (const finding of findings(campaign, campaignCountries(campaign, countries), reading)) report(finding);
		};
		return {
			// An SMS, a WhatsApp template, or an e-mail's plain-text part (NAME.txt, an .eml's text/plain part): the same facts, read in its text.
			"TextMessage:exit"(message) {
				const { campaign } = (context.sourceCode as TextMessageCode).getCampaign(context.settings);
				if (message.channel === "email" ? !isMarketingEmail(campaign) : campaign.kind !== "marketing") return;
				const reading = readText(message, campaign);
				// The body a reader opens first (for WhatsApp, inside its JSON `text`); an e-mail's text part at its start.
				const body = message.children.find((part) => part.role === "body" || part.role === "sms");
				const loc =
					message.channel === "email" || !body ? { start: message.loc.start, end: message.loc.start } : body.loc;
				check(campaign, reading, (finding) => {
					// The owner is a fact of the sidecar: said once, on the mail's template or HTML part, not again on its text part.
					if (finding.messageId === "ownerMissing" && reading.form === "text") return;
					context.report({ loc, ...finding });
				});
			},
			"Document:exit"() {
				const sourceCode = context.sourceCode as TemplateSourceCode;
				const { campaign } = sourceCode.getCampaign(context.settings);
				if (!isMarketingEmail(campaign)) return;
				// Partials are checked in the mail that includes them; a sign-up page is not a mail.
				const page = findPageRoot(sourceCode);
				if (!page) return;
				const loc = page.type === "Element" ? page.startTag.loc : page.loc;
				const blocks = getTextBlocks(sourceCode);
				const says = (match: (text: string) => unknown): boolean =>
					blocks.some((block) => match(block.text) !== undefined);
				check(
					campaign,
					{
						form: "mail",
						language: campaign.language ?? "en",
						// CRTC Regulations s. 2(1)(c): a statement of who sends and on whose behalf, not just the agency's name.
						onBehalfStated: (_agency, sender) =>
							says(matchOnBehalfWording) && (!sender || namesParty(sourceCode, sender)),
						names: (name) => namesParty(sourceCode, name),
						givesReason: () => says(matchReasonWording),
						linksPrivacy: () => hasWorkingPrivacyLink(sourceCode),
					},
					(finding) => context.report({ loc, ...finding }),
				);
			},
		};
	},
};

/** A text message read for the same facts: each of its texts (the SMS, a WhatsApp component or button, the plain-text part) as a paragraph is in HTML. */
function readText(message: TextMessageNode, campaign: Campaign): MessageReading {
	const texts = message.children.map((part) => part.text);
	const says = (match: (text: string) => unknown): boolean => texts.some((text) => match(text) !== undefined);
	const names = (name: string): boolean => textsNameParty(texts, name);
	const form: MessageForm = message.channel === "email" ? "text" : message.channel;
	return {
		form,
		language: campaign.language ?? message.whatsapp?.language ?? "en",
		onBehalfStated(agency, sender) {
			// A text too short for the statement may link a page that gives it (CRTC Regulations s. 3(2), see the doc); an e-mail has room.
			if (form !== "text" && textLinksWebPage(message)) return true;
			if (!says(matchOnBehalfWording)) return false;
			// WhatsApp shows the business's verified display name above the message: the advertiser is named there, the agency must be named here.
			if (form === "whatsapp") return !sender || names(sender) || names(agency);
			return !sender || names(sender);
		},
		names,
		givesReason: () => says(matchReasonWording),
		linksPrivacy: () => findTextPrivacyLinks(message).working,
	};
}

/** What a message lacks of the disclosures its campaign facts call for, in the order they are reported. */
function findings(campaign: Campaign, recipients: readonly string[], reading: MessageReading): Finding[] {
	const found: Finding[] = [];
	const { message, where } = MESSAGE_FORMS[reading.form];
	const language = reading.language.slice(0, 2).toLowerCase();
	const regimes = jurisdictionsOf(recipients);
	const agency = campaign.sentBy?.name?.trim();
	const sender = campaign.sender?.name?.trim();
	if (agency && regimes.has("ca") && !sameParty(agency, sender) && !reading.onBehalfStated(agency, sender)) {
		found.push({
			messageId: "agencyUndisclosed",
			data: {
				message,
				where,
				agency,
				sender: sender ?? "the advertiser",
				statement: (ownValue(ON_BEHALF_EXAMPLES, language) ?? ON_BEHALF_EXAMPLES.en!)
					.replace("{agency}", agency)
					.replace("{sender}", sender ?? "…"),
				law: citeBriefly(ON_BEHALF_LAW, regimes),
			},
		});
	}

	const source = campaign.audience?.source;
	if (source === undefined || !THIRD_PARTY_SOURCES.has(source)) return found;
	// Canada and the US ask no source statement of the message itself.
	if (citeFor(SOURCE_LAW, regimes) === "") return found;
	const owner = campaign.audience?.owner?.trim();
	if (!owner)
		found.push({
			messageId: "ownerMissing",
			data: { source, law: citeBriefly(["gdpr-14-2-f", "uk-gdpr"], regimes) },
		});
	const missing: string[] = [];
	if (owner && !reading.names(owner)) missing.push("their source");
	if (!reading.givesReason()) missing.push("why they get it");
	// The rest of the art. 14 information (who, why, which rights) is due in this first message too; a privacy link is how it is given.
	// A bought list is no-harvested-addresses's: its error already says nobody on it was told (art. 14(3)(b)), so it is not said twice.
	if (source !== "purchased" && !reading.linksPrivacy()) missing.push("a privacy link");
	if (missing.length === 0) return found;
	const examples = REASON_EXAMPLES[reading.form === "mail" || reading.form === "text" ? "mail" : "text"];
	found.push({
		messageId: "sourceUndisclosed",
		data: {
			message,
			owner: owner || "a third party",
			missing: listed(missing),
			example: (ownValue(examples, language) ?? examples.en!).replace("{owner}", owner || "…"),
			law: citeBriefly(SOURCE_LAW, regimes),
		},
	});
	return found;
}

/** The agency is the sender itself when their names agree once legal forms and case are set aside. */
function sameParty(a: string, b: string | undefined): boolean {
	return b !== undefined && partyNameWords(a).join(" ") === partyNameWords(b).join(" ");
}

export default rule;

/** "a, b and c". */
function listed(items: readonly string[]): string {
	return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}
