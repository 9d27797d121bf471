import type { DocumentNode, ElementNode } from "../ast/types.js";
import type { TemplateSourceCode } from "../languages/template-source-code.js";
import { matchOffer, type OfferMatch } from "../lexicons/offers.js";
import { matchUnsubscribeInvitation } from "../lexicons/unsubscribe-wording.js";
import { getTextBlocks } from "./text-blocks.js";
import type { TextMessageNode } from "../text-message/ast.js";
import { messageLines, type PartLine } from "./message-text.js";

export interface FoundOffer extends OfferMatch {
	/** The paragraph that makes the offer. */
	node: ElementNode | DocumentNode;
}

/**
 * The promotional offers (discounts, gifts, contests) the body of a mail
 * makes, in document order. A footer paragraph that invites unsubscribing
 * ("You receive our news and offers. Unsubscribe") describes the list, not
 * an offer, and is skipped.
 */
export function getOffers(sourceCode: TemplateSourceCode): FoundOffer[] {
	return sourceCode.memo(findOffers);
}

function findOffers(sourceCode: TemplateSourceCode): FoundOffer[] {
	const offers: FoundOffer[] = [];
	for (const block of getTextBlocks(sourceCode)) {
		const offer = offerIn(block.text);
		if (offer) offers.push({ ...offer, node: block.node });
	}
	return offers;
}

/** The offers a text message or plain-text part makes, line by line (a line is a text's paragraph). */
export function findTextOffers(message: TextMessageNode): Array<OfferMatch & { line: PartLine }> {
	const offers: Array<OfferMatch & { line: PartLine }> = [];
	for (const line of messageLines(message)) {
		const offer = offerIn(line.text);
		if (offer) offers.push({ ...offer, line });
	}
	return offers;
}

function offerIn(text: string): OfferMatch | undefined {
	const offer = matchOffer(text);
	return offer === undefined || matchUnsubscribeInvitation(text) !== undefined ? undefined : offer;
}
