/**
 * What kind of mail a template is when nobody declared its `kind`: read from
 * what it says, once per file, for every rule that asks "is this marketing?"
 * (they read `campaign.kind` from `TemplateSourceCode.getCampaign`, which
 * fills it in from here).
 *
 * - A mail that promotes (an offer from offers.ts: a discount, a code, a gift,
 *   a contest; or a call to shop, a sale, product recommendations) is
 *   marketing whatever else it says: a receipt with a sale banner is direct
 *   marketing under EU law (ePrivacy Directive art. 13 covers any message
 *   "for the purposes of direct marketing"). CAN-SPAM's primary-purpose test
 *   (16 CFR 316.3(a)(2)) would still call such a receipt transactional when
 *   the receipt comes first and the subject line does not promote;
 *   mailcomply takes the stricter EU reading, which the user can overrule by
 *   declaring `kind`.
 * - A mail that does not promote is transactional when its transactional
 *   wording is clear: one strong phrase ("reset your password", "order
 *   number"), a template variable that only a transaction fills in
 *   (`{{receipt_id}}`, `{{reset_url}}`), or four different supporting
 *   phrases together ("your order", "subtotal", "shipping address",
 *   "paid"). A lone "your order" or "your account" is not enough.
 * - Otherwise (weak or no signals) it stays marketing: the duties of
 *   marketing mail are the ones a wrong guess must not drop.
 * - A mail written in a language the wording lists do not read (Greek,
 *   Polish, Japanese: unread-language.ts) says nothing they can weigh, so its
 *   wording is not read at all: only its variable names (`{{receipt_id}}`)
 *   can make it transactional, else it is marketing for saying too little,
 *   and its findings say that mailcomply cannot read its language.
 */
import type { DocumentNode } from "../ast/types.js";
import type { TemplateSourceCode } from "../languages/template-source-code.js";
import { matchNewArrivals, matchPromotionWording, matchTransactionalWording } from "../lexicons/mail-kind-wording.js";
import { matchOffer } from "../lexicons/offers.js";
import { matchUnsubscribeInvitation } from "../lexicons/unsubscribe-wording.js";
import { MJML_CORE_COMPONENTS } from "../template/mjml-components.js";
import { getOffers } from "./offers.js";
import { getTextBlocks } from "./text-blocks.js";
import { rootLang } from "./page-language.js";
import { unreadLanguage } from "./unread-language.js";

export interface InferredKind {
	kind: "marketing" | "transactional";
	/** What decided it, quoted for messages: `"20% off"`, `"reset your password"`; absent when nothing did (no signals: marketing). */
	evidence?: string;
	/**
	 * Set on a mail that promotes but whose clearly transactional content comes first (a receipt with a
	 * coupon under it). The EU reading calls it marketing; CAN-SPAM's primary-purpose rule (16 CFR
	 * 316.3(a)(2)) calls it transactional unless its subject line promotes, which US-only duties use.
	 */
	transactionalFirst?: boolean;
	/** The language the mail is written in when the wording lists do not read it ("Greek", "Polish"): its wording was not weighed. */
	unreadLanguage?: string;
}

/** Points a mail needs to be called transactional; a strong phrase or variable is 2, a supporting phrase 1. */
const TRANSACTIONAL_THRESHOLD = 2;
/** Without any strong signal, this many distinct supporting phrases together ("your order", "subtotal", "shipping address", "paid"). */
const SUPPORTING_ONLY_THRESHOLD = 4;
const STRONG = 2;
const SUPPORTING = 1;

/**
 * Template variables that only a transaction or an account event fills in:
 * `{{receipt_id}}`, `{{ order.number }}`, `{{reset_password_url}}`,
 * `{{verification_code}}`, `{{tracking_url}}`, `{{credit_card_last_four}}`.
 */
const TRANSACTIONAL_VARIABLE =
	/(?:^|[._-])(?:receipt|invoice|order)[._-]?(?:id|number|no|num|date|total|details|items|url|link)\b|(?:reset|password)[._-]?(?:password[._-]?)?(?:url|link|token)|verification|verify[._-]?(?:url|link)|(?:confirmation|activation)[._-]?(?:url|link|code)|(?:^|[._-])otp(?:$|[._-])|one[._-]?time[._-]?(?:code|password)|two[._-]?factor|tracking[._-]?(?:number|url|link|code)|credit[._-]?card|card[._-]?last/iu;

/** The kind of a template; `language` is the one its campaign facts declare, if any. */
export function inferMailKind(sourceCode: TemplateSourceCode, language?: string): InferredKind {
	const texts = getTextBlocks(sourceCode).map((block) => block.text);
	const unread = unreadLanguage(texts, { language, rootLang: rootLang(sourceCode.ast) });
	if (unread === undefined) return sourceCode.memo(infer);
	return {
		...(weighTransactional([], templateVariables(sourceCode)) ?? { kind: "marketing" }),
		unreadLanguage: unread,
	};
}

/**
 * Whether the mail is shown to be marketing: declared so, or read as
 * marketing from something it says (an offer, a call to shop). The kind a
 * mail gets from saying nothing either way (marketing, so that no opt-out is
 * dropped by a wrong guess) is not enough for a duty that only commercial
 * messages have and that a wrong guess would invent: the US advertisement
 * label, the sender's postal address. On the shared corpus, those findings on
 * mails read as marketing from silence were right less than half the time
 * (onboarding mails, organisation notices, layout skeletons; docs/precision.md).
 */
export function marketingShown(campaign: { kind: string }, inferredKind: InferredKind | undefined): boolean {
	return campaign.kind === "marketing" && (inferredKind === undefined || inferredKind.evidence !== undefined);
}

function infer(sourceCode: TemplateSourceCode): InferredKind {
	const blocks = getTextBlocks(sourceCode);
	const texts = [...blocks.map((block) => block.text), ...customComponentTexts(sourceCode)];
	const offer = getOffers(sourceCode)[0];
	let promotion = offer?.text;
	// CAN-SPAM's primary-purpose rule: where does the first promotion start (-1: not in a text block), and is what comes before it clearly transactional?
	let promotionAt = offer ? blocks.findIndex((block) => block.node === offer.node) : -1;
	for (let index = 0; promotion === undefined && index < texts.length; index++) {
		promotion = matchPromotionWording(texts[index]!)?.phrase;
		if (promotion !== undefined && index < blocks.length) promotionAt = index;
	}
	if (promotion !== undefined) {
		const before =
			promotionAt > 0
				? weighTransactional(
						blocks.slice(0, promotionAt).map((block) => block.text),
						[],
					)
				: undefined;
		return { kind: "marketing", evidence: `"${promotion}"`, ...(before ? { transactionalFirst: true } : {}) };
	}
	const transactional = weighTransactional(texts, templateVariables(sourceCode));
	if (transactional) return transactional;
	// Not transactional: a short "Neue Stauden." announcement is evidence of marketing, not only the absence of other signals.
	const announcement = blocks
		.map((block) => matchNewArrivals(block.text)?.phrase)
		.find((phrase) => phrase !== undefined);
	return announcement === undefined ? { kind: "marketing" } : { kind: "marketing", evidence: `"${announcement}"` };
}

/**
 * The same inference for a message that is a few plain texts (an SMS, a
 * WhatsApp template's header, body and footer) with the names of its
 * variables (`first_name`, `order_number`) and its declared language.
 */
export function inferKindOfTexts(
	texts: readonly string[],
	variables: readonly string[],
	language?: string,
): InferredKind {
	const unread = unreadLanguage(texts, { language });
	if (unread !== undefined)
		return { ...(weighTransactional([], variables) ?? { kind: "marketing" }), unreadLanguage: unread };
	for (const text of texts) {
		const offer = matchOffer(text);
		// A line that invites unsubscribing ("Geen aanbiedingen meer? Sms STOP") describes the list, not an offer.
		if (offer && matchUnsubscribeInvitation(text) === undefined)
			return { kind: "marketing", evidence: `"${offer.text}"` };
	}
	for (const text of texts) {
		const promotion = matchPromotionWording(text);
		if (promotion) return { kind: "marketing", evidence: `"${promotion.phrase}"` };
	}
	return weighTransactional(texts, variables) ?? { kind: "marketing" };
}

/**
 * The mail is transactional by its wording and variable names (see the
 * thresholds above); `undefined` when the signals are weak.
 */
function weighTransactional(texts: readonly string[], variables: readonly string[]): InferredKind | undefined {
	// Each distinct phrase counts once, at the strongest reading it had anywhere: "receipt" in a
	// `{{#if receipt}}` condition is supporting, the same word as the heading "Receipt" is strong.
	const strengths = new Map<string, number>();
	let strongest: string | undefined;
	const count = (phrase: string, strength: number) => {
		strengths.set(phrase, Math.max(strengths.get(phrase) ?? 0, strength));
		if (strength === STRONG) strongest ??= phrase;
	};
	for (const text of texts) {
		for (const match of matchTransactionalWording(text))
			count(match.phrase, match.kind === "strong" ? STRONG : SUPPORTING);
	}
	for (const name of variables) if (TRANSACTIONAL_VARIABLE.test(name)) count(`{{${name}}}`, STRONG);
	const seen = [...strengths.keys()];
	const points = [...strengths.values()].reduce((sum, strength) => sum + strength, 0);
	if (strongest !== undefined && points >= TRANSACTIONAL_THRESHOLD)
		return { kind: "transactional", evidence: strongest.startsWith("{") ? strongest : `"${strongest}"` };
	if (points >= SUPPORTING_ONLY_THRESHOLD)
		return {
			kind: "transactional",
			evidence: seen
				.slice(0, 3)
				.map((phrase) => `"${phrase}"`)
				.join(", "),
		};
	return undefined;
}

/**
 * The wording a custom mjml component (`<mj-bw-hero title="…" text="…">`)
 * carries in its attributes: its markup lives in JavaScript mailcomply does
 * not run, so its text blocks are not in the AST, but the words it will
 * show are often right there ("Your account is owned by {{OrganizationName}}").
 * Attribute values with at least two words, tags in them dropped; URLs and
 * sizes are one word and never count.
 */
function customComponentTexts(sourceCode: TemplateSourceCode): string[] {
	const document = sourceCode.ast as DocumentNode;
	if (document.format !== "mjml") return [];
	const texts: string[] = [];
	for (const node of sourceCode.getElements()) {
		if (!node.name.startsWith("mj-") || MJML_CORE_COMPONENTS.has(node.name)) continue;
		for (const attribute of node.attributes) {
			const words = attribute.value?.replace(/<[^<>]*>/gu, " ").trim();
			if (words !== undefined && /\S\s+\S/u.test(words)) texts.push(words);
		}
	}
	return texts;
}

/** The names of the template's merge-tag variables that some client renders (`receipt_id`, `order.number`). */
function templateVariables(sourceCode: TemplateSourceCode): string[] {
	const found: string[] = [];
	for (const node of sourceCode.getMergeTags()) {
		if (node.clients === "none") continue;
		const variable = /^[#/^>&{]?\s*([\w.$-]+)/u.exec(node.expression)?.[1];
		if (variable !== undefined) found.push(variable);
	}
	return found;
}
