import type { DocumentNode, ElementNode } from "../ast/types.js";
import type { TemplateSourceCode } from "../languages/template-source-code.js";
import { matchOffer, type OfferMatch } from "../lexicons/offers.js";
import { matchUnsubscribeInvitation } from "../lexicons/unsubscribe-wording.js";
import { getTextBlocks } from "./text-blocks.js";

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
		const offer = matchOffer(block.text);
		if (offer === undefined || matchUnsubscribeInvitation(block.text) !== undefined) continue;
		offers.push({ ...offer, node: block.node });
	}
	return offers;
}
