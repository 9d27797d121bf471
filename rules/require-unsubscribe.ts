import { isMarketingEmail } from "../src/campaign/marketing-email.js";
import type { MessageRuleDefinition } from "../src/types.js";
import type { TemplateSourceCode } from "../src/languages/template-source-code.js";
import type { TextMessageCode } from "../src/analyses/message-text.js";
import { getAttribute } from "../src/ast/attributes.js";
import { findTextOptOut } from "../src/analyses/text-opt-out.js";
import { EmlSourceCode } from "../src/languages/eml-source-code.js";
import { isNoReplyAddress, replyAddress } from "../src/analyses/reply-address.js";
import type { TextMessageNode } from "../src/text-message/ast.js";
import type { Campaign } from "../src/campaign/types.js";
import { equivalentTags } from "../src/lexicons/esp-merge-tags/matcher.js";
import { ruleDocsUrl } from "../src/rule-docs.js";
import { citationsFor, citeBrieflyForCampaign } from "../src/legal/cite.js";
import { campaignCountries, jurisdictionsOf } from "../src/analyses/jurisdiction.js";
import type { CitationId } from "../src/legal/citations.js";
import { findPageRoot } from "../src/analyses/document.js";
import { UNREAD_PART_MESSAGE, unreadPartOfMail } from "../src/analyses/unseen-parts.js";
import { isSignupPage } from "../src/analyses/signup-form.js";
import { unsubscribeTagHint } from "../src/analyses/unsubscribe-tags.js";
import { getUnsubscribeLinks, type OptOut } from "../src/analyses/unsubscribe-links.js";
import { shortenText } from "../src/analyses/text.js";
import { footerInsertion, footerLanguage, unsubscribeFooter } from "../src/analyses/unsubscribe-footer.js";

type MessageIds =
	"missing" | "broken" | "addFooter" | "missingSms" | "missingWhatsApp" | "unseen" | "missingText" | "replyToNoReply";

/** The duty to offer an opt-out in every marketing message, per regime; the finding cites those of its recipients. */
const OPT_OUT_LAW = [
	"eprivacy-13-4",
	"tw-11-7-identity",
	"uwg-7-2-3",
	"pecr-23",
	"canspam-a-3",
	"canspam-a-5-a-ii",
	"casl-6-2",
	"casl-11",
] as const satisfies readonly CitationId[];

/**
 * The same duty for text messages: an SMS is electronic mail in EU and UK law
 * (ePrivacy art. 2(h), PECR reg. 2(1)) and an electronic message to a
 * telephone or instant-messaging account under CASL; US carriers ask for
 * STOP instructions (CTIA). CAN-SPAM is about e-mail, so it is not cited.
 */
const TEXT_OPT_OUT_LAW = {
	sms: ["eprivacy-13-4", "tw-11-7-identity", "uwg-7-2-3", "pecr-23", "casl-6-2", "ctia-messaging"],
	// CTIA's rules are the US carriers' for SMS; no US law asks a WhatsApp message for an opt-out, so US-only WhatsApp is not reported.
	whatsapp: ["eprivacy-13-4", "tw-11-7-identity", "uwg-7-2-3", "pecr-23", "casl-6-2"],
} as const satisfies Record<"sms" | "whatsapp", readonly CitationId[]>;

/** How a text part's opt-out line starts, in the mail's language. */
const TEXT_UNSUBSCRIBE_LABEL: Record<string, string> = {
	nl: "Afmelden:",
	en: "Unsubscribe:",
	de: "Abmelden:",
	fr: "Se désabonner :",
};

/** An opt-out instruction to suggest, in the message's language. */
const STOP_EXAMPLE: Record<string, { sms: string; button: string; footer: string }> = {
	nl: { sms: "Afmelden? Sms STOP naar <nummer>", button: "Afmelden", footer: "Geen aanbiedingen meer? Stuur STOP" },
	en: { sms: "Reply STOP to opt out", button: "Stop promotions", footer: "Reply STOP to stop promotions" },
	de: { sms: "Abmelden: Antworte STOP", button: "Abmelden", footer: "Keine Werbung mehr? Antworte STOPP" },
	fr: { sms: "STOP au <numéro>", button: "Se désabonner", footer: "Répondez STOP pour vous désabonner" },
};

/**
 * A marketing mail must offer a working opt-out. What counts as one is
 * decided in src/analyses/unsubscribe-links.ts, shared with `no-hidden-unsubscribe`.
 */
const rule: MessageRuleDefinition<{ RuleOptions: []; MessageIds: MessageIds }> = {
	meta: {
		type: "problem",
		docs: {
			description:
				"Require a working opt-out in every marketing message: an unsubscribe link in e-mail, a STOP instruction or opt-out link in an SMS, an opt-out button or instruction in a WhatsApp template",
			url: ruleDocsUrl("require-unsubscribe"),
			fix: "Add a visible link to a working opt-out (or STOP for SMS).",
			citations: [
				"eprivacy-13-4",
				"gdpr-21-2-3",
				"tw-11-7-identity",
				"uwg-7-2-3",
				"pecr-23",
				"canspam-a-3",
				"canspam-a-5-a-ii",
				"casl-6-2",
				"casl-11",
				"eprivacy-2-h",
				"pecr-2-electronic-mail",
				"casl-1-electronic-address",
				"opta-sdp-2009",
				"ctia-messaging",
				"fcc-24-18",
				"whatsapp-marketing-opt-out",
			],
			recommended: true,
			assumes: ["kind"],
		},
		hasSuggestions: true,
		messages: {
			missing: "No unsubscribe link: add a visible one to your opt-out page{{hint}} ({{law}}).",
			broken: 'Unsubscribe link "{{text}}" goes nowhere ({{reason}}): link your opt-out page{{hint}} ({{law}}).',
			addFooter: "Add an unsubscribe footer linking to {{target}}.",
			replyToNoReply:
				"This marketing e-mail's only opt-out is to reply, but replies go to the no-reply address {{address}} ({{law}}): add an unsubscribe link{{hint}}, or send from an address whose replies are read.",
			missingText: 'The plain-text part has no unsubscribe line{{contrast}}: add e.g. "{{line}}" ({{law}}).',
			missingSms: 'No opt-out in this SMS: add e.g. "{{example}}" or an opt-out link ({{law}}).',
			missingWhatsApp: 'No opt-out: add a quick-reply button "{{button}}" or a footer "{{example}}" ({{law}}).',
			unseen: UNREAD_PART_MESSAGE,
		},
		schema: [],
		languages: ["mailcomply/mjml", "mailcomply/html", "mailcomply/sms", "mailcomply/whatsapp", "mailcomply/text"],
	},
	create(context) {
		const sourceCode = context.sourceCode as TemplateSourceCode;
		/** A text part without an opt-out, told the line to add: the HTML part's opt-out where known, else the ESP's tag. */
		const reportTextPart = (message: TextMessageNode, campaign: Campaign, htmlHref: string | undefined) => {
			const [espTag] = campaign.esp && campaign.esp !== "other" ? equivalentTags(campaign.esp, "unsubscribe") : [];
			const target = htmlHref ?? espTag ?? "https://… (your opt-out page, or your ESP's unsubscribe tag)";
			const label =
				TEXT_UNSUBSCRIBE_LABEL[(campaign.language ?? "en").slice(0, 2).toLowerCase()] ?? TEXT_UNSUBSCRIBE_LABEL["en"]!;
			const start = message.loc.start;
			context.report({
				loc: { start, end: start },
				messageId: "missingText",
				data: {
					contrast: htmlHref ? ", unlike the HTML part" : "",
					line: `${label} ${target}`,
					law: citeBrieflyForCampaign(OPT_OUT_LAW, campaign),
				},
			});
		};
		return {
			"TextMessage:exit"(message) {
				const textCode = context.sourceCode as TextMessageCode;
				const { campaign } = textCode.getCampaign(context.settings);
				if (message.channel === "email") {
					// A template's plain-text part (NAME.txt beside NAME.mjml), or a captured message's beside its HTML part.
					if (!isMarketingEmail(campaign) || campaign.espAppendsFooter || findTextOptOut(message)) return;
					const htmlOptOut =
						textCode instanceof EmlSourceCode
							? getUnsubscribeLinks(textCode).optOuts.find((optOut) => optOut.kind === "link")
							: undefined;
					reportTextPart(
						message,
						campaign,
						htmlOptOut ? (getAttribute(htmlOptOut.element, "href")?.value ?? undefined) : undefined,
					);
					return;
				}
				if (campaign.kind !== "marketing" || findTextOptOut(message)) return;
				const language = (campaign.language ?? message.whatsapp?.language ?? "en").slice(0, 2).toLowerCase();
				const example = STOP_EXAMPLE[language] ?? STOP_EXAMPLE["en"]!;
				const laws = TEXT_OPT_OUT_LAW[message.channel];
				const countries = campaignCountries(campaign);
				// Recipients only where none of these duties holds: nothing to report.
				if (countries.length > 0 && citationsFor(laws, jurisdictionsOf(countries)).length === 0) return;
				const law = citeBrieflyForCampaign(laws, campaign);
				const body = message.children.find((part) => part.role === "body" || part.role === "sms");
				const loc = body?.loc ?? message.loc;
				if (message.channel === "sms")
					context.report({ loc, messageId: "missingSms", data: { example: example.sms, law } });
				else
					context.report({
						loc,
						messageId: "missingWhatsApp",
						data: { button: example.button, example: example.footer, law },
					});
			},
			"Document:exit"(document) {
				const { campaign } = sourceCode.getCampaign(context.settings);
				if (!isMarketingEmail(campaign)) return;
				// The ESP adds its own unsubscribe footer to every mail; the doc explains how to declare this.
				if (campaign.espAppendsFooter) return;
				// A sign-up page is a web page, not a mail: its relative links are fine and it needs no opt-out.
				if (isSignupPage(sourceCode)) return;
				const hint = unsubscribeTagHint(campaign.esp);
				const analysis = getUnsubscribeLinks(sourceCode);
				for (const { link, reason } of analysis.broken) {
					context.report({
						loc: link.element.startTag.loc,
						messageId: "broken",
						data: {
							text: shortenText(link.text || "(no text)"),
							reason,
							hint: hint ? `, e.g. ${hint}` : "",
							law: citeBrieflyForCampaign(OPT_OUT_LAW, campaign),
						},
					});
				}
				// "Reply to unsubscribe" from a no-reply address reaches nobody: with no other opt-out, the mail has none that works.
				const replies = analysis.optOuts.filter(
					(optOut): optOut is Extract<OptOut, { kind: "written" }> =>
						optOut.kind === "written" && optOut.how === "reply",
				);
				const replyTo = replies.length > 0 ? replyAddress(sourceCode, campaign) : undefined;
				if (replies.length === analysis.optOuts.length && replyTo !== undefined && isNoReplyAddress(replyTo)) {
					context.report({
						loc: replies[0]!.element.startTag.loc,
						messageId: "replyToNoReply",
						data: {
							address: replyTo,
							hint: hint ? `, e.g. ${hint}` : "",
							law: citeBrieflyForCampaign(OPT_OUT_LAW, campaign),
						},
					});
					return;
				}
				// A broken opt-out is already reported where it is (a broken merge tag by `esp-merge-tags`); "missing" would repeat the same problem.
				if (analysis.optOuts.length > 0 || analysis.broken.length > 0 || analysis.brokenTags.length > 0) return;
				// The opt-out may be in the part of the mail out of sight (a layout or partial that could not be read): say so, once, where it comes in.
				const unread = unreadPartOfMail(sourceCode);
				if (unread) {
					context.report({
						loc: unread.loc,
						messageId: "unseen",
						data: { duty: "an unsubscribe link", tag: unread.tag, why: unread.why },
					});
					return;
				}
				const page = findPageRoot(sourceCode);
				// A partial (a footer snippet, an include) is checked where it is used, not on its own.
				if (!page) return;
				const footer = unsubscribeFooter({
					format: document.format,
					esp: campaign.esp,
					language: footerLanguage(campaign, document),
				});
				const insertion = footerInsertion(sourceCode.text, page, footer);
				context.report({
					loc: page.type === "Element" ? page.startTag.loc : page.loc,
					messageId: "missing",
					data: { hint: hint ? `, e.g. ${hint}` : "", law: citeBrieflyForCampaign(OPT_OUT_LAW, campaign) },
					suggest:
						insertion === undefined
							? []
							: [
									{
										messageId: "addFooter",
										data: {
											target: footer.includes("{{unsubscribe_url}}")
												? "a {{unsubscribe_url}} placeholder to replace with your ESP's tag"
												: "your ESP's unsubscribe tag",
										},
										fix: (fixer) => fixer.insertTextBeforeRange([insertion.offset, insertion.offset], insertion.text),
									},
								],
				});
			},
		};
	},
};

export default rule;
