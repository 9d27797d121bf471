import { ruleDocsUrl } from "../src/rule-docs.js";
import type { TemplateRuleDefinition } from "../src/types.js";
import { EmlSourceCode } from "../src/languages/eml-source-code.js";
import type { SourceLocation } from "../src/ast/types.js";
import { freeMailDomain } from "../src/lexicons/free-mail-domains.js";
import { shortenText } from "../src/analyses/text.js";
import { contentLanguages, primaryLanguage } from "../src/eml/content-language.js";

type MessageIds =
	| "missingFrom"
	| "fromWithoutAddress"
	| "repeated"
	| "missingMessageId"
	| "missingDate"
	| "freeMailFrom"
	| "languageDiffers";

/** RFC 5322 § 3.6: fields a message may carry once (Date and From exactly once). */
const ONCE = [
	"Date",
	"From",
	"Sender",
	"Reply-To",
	"To",
	"Cc",
	"Bcc",
	"Message-ID",
	"In-Reply-To",
	"References",
	"Subject",
] as const;

/** `<id-left@id-right>` (RFC 5322 § 3.6.4), spaces around it allowed. */
const MESSAGE_ID = /^<[^<>\s@]+@[^<>\s@]+>$/u;

/**
 * What Gmail, Yahoo and Outlook.com require of a message's own headers that
 * a captured message (`.eml`) shows: one valid From, not at a free-mail
 * domain; a Message-ID and a Date; no field a message may carry once
 * carried twice. One-click unsubscribe is `one-click-unsubscribe`'s;
 * SPF, DKIM and DMARC results, DNS and the spam rate cannot be read from a
 * file. Providers' requirements, not law, and mostly for bulk senders,
 * which mailcomply cannot tell: the rule warns. It also compares the
 * message's `Content-Language` with the language the campaign declares:
 * one of the two is wrong, and the rules read the mail in the declared one.
 */
const rule: TemplateRuleDefinition<{ RuleOptions: []; MessageIds: MessageIds }> = {
	meta: {
		type: "problem",
		docs: {
			description:
				"Require the headers Gmail, Yahoo and Outlook.com ask of a captured message (one valid From at a domain the sender can authenticate, a Message-ID and a Date, no repeated fields), and no Content-Language that contradicts the declared language",
			url: ruleDocsUrl("bulk-sender-headers"),
			fix: "Have your mailer send From, Date and Message-ID from your own domain.",
			citations: [
				"rfc-5322",
				"google-sender-guidelines",
				"yahoo-sender-requirements",
				"microsoft-outlook-high-volume",
				"rfc-3282",
			],
			recommended: true,
			severity: "warn",
		},
		messages: {
			missingFrom:
				"This message has no `From` header, so Gmail rejects it (RFC 5322 § 3.6, Gmail sender guidelines): have your mailer set `From: Name <address@your-domain>`.",
			fromWithoutAddress:
				'The `From` header "{{value}}" holds no valid address (RFC 5322 § 3.6, Gmail sender guidelines): write it as `Name <address@your-domain>`.',
			repeated:
				"`{{name}}` appears {{count}} times where a message may carry it once (RFC 5322 § 3.6, Gmail sender guidelines): send it once.",
			missingMessageId:
				"This message has {{what}}, and Gmail refuses such messages (RFC 5322 § 3.6.4, Gmail sender guidelines): have your mailer add `Message-ID: <unique-id@your-domain>`.",
			missingDate:
				"This message has no `Date` header, which every message must carry (RFC 5322 § 3.6, Gmail sender guidelines): have your mailer add one.",
			freeMailFrom:
				"The From address {{address}} is at the free-mail domain {{domain}}, so bulk mail from it fails DMARC alignment: send from a domain you own (Gmail sender guidelines).",
			languageDiffers:
				'Content-Language says "{{stated}}", but the campaign declares language "{{declared}}" (RFC 3282 § 2): have your mailer send `Content-Language: {{declared}}`, or correct the declared language.',
		},
		schema: [],
		languages: ["mailcomply/eml"],
	},

	create(context) {
		return {
			"Document:exit"() {
				if (!(context.sourceCode instanceof EmlSourceCode)) return;
				const message = context.sourceCode;
				// A file without any header is not a message: the language already says so.
				if (message.message.headers.length === 0) return;
				const top: SourceLocation = message.message.headers[0]!.loc;
				const { campaign, declared } = message.getCampaign(context.settings);
				// A capture taken before the ESP adds its headers (declared so) lacks what the ESP adds: Message-ID and Date.
				const beforeEsp = declared.has("espAddsHeaders") && campaign.espAddsHeaders === true;

				for (const name of ONCE) {
					const fields = message.headers(name);
					if (fields.length > 1)
						context.report({
							loc: fields[1]!.loc,
							messageId: "repeated",
							data: { name, count: String(fields.length) },
						});
				}

				const from = message.headers("From")[0];
				if (!from) context.report({ loc: top, messageId: "missingFrom" });
				else {
					const mailbox = from.addresses?.find((entry) => /^[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+$/u.test(entry.address));
					if (!mailbox)
						context.report({
							loc: from.loc,
							messageId: "fromWithoutAddress",
							data: { value: shortenText(from.decoded, 80) },
						});
					else {
						const domain = freeMailDomain(mailbox.address);
						if (domain)
							context.report({
								loc: from.loc,
								messageId: "freeMailFrom",
								data: { address: mailbox.address, domain },
							});
					}
				}

				// Only a declared language can be contradicted: without one, the header is the campaign's language.
				const language = declared.has("language") ? campaign.language?.trim() : undefined;
				const stated = message.headers("Content-Language")[0];
				if (language && stated) {
					const tags = contentLanguages(stated.decoded);
					const listed = tags.map(primaryLanguage);
					const expected = primaryLanguage(language);
					// A region is no contradiction (nl-BE, nl), nor a tag that names no one language (und, mul).
					if (expected && listed.length > 0 && !listed.includes(undefined) && !listed.includes(expected))
						context.report({
							loc: stated.loc,
							messageId: "languageDiffers",
							data: { stated: shortenText(tags.join(", "), 40), declared: language },
						});
				}

				if (beforeEsp) return;
				const messageId = message.headers("Message-ID")[0];
				if (!messageId || !MESSAGE_ID.test(messageId.value.trim()))
					context.report({
						loc: messageId?.loc ?? top,
						messageId: "missingMessageId",
						data: {
							what: messageId
								? `a \`Message-ID\` that is not \`<id@domain>\` ("${shortenText(messageId.value, 60)}")`
								: "no `Message-ID` header",
						},
					});
				if (message.headers("Date").length === 0) context.report({ loc: top, messageId: "missingDate" });
			},
		};
	},
};

export default rule;
