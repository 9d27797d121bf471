/**
 * Where a reply to a mail goes, and whether that is a `no-reply` address.
 * A mail that says "reply to unsubscribe" offers the reply as its opt-out;
 * sent from a no-reply address, that opt-out reaches nobody (ePrivacy
 * Directive art. 13(4): a valid address to send the request to; CAN-SPAM
 * 7704(a)(3): a functioning return address).
 *
 * A captured message (`.eml`) says where replies go: its `Reply-To`, else
 * its `From`. A template does not; the sender's address the campaign
 * declares (`sender.email`, the From or a contact address) stands in.
 */
import type { Campaign } from "../campaign/types.js";
import type { TemplateSourceCode } from "../languages/template-source-code.js";
import { EmlSourceCode } from "../languages/eml-source-code.js";

/** Local parts that say replies are not read: noreply, no-reply, donotreply, ne-pas-repondre, niet-beantwoorden, nicht-antworten… */
const NO_REPLY =
	/^(?:no|do[-_.]?not|dont|ne[-_.]?pas|niet|nicht|keine?)[-_.]?(?:reply|replies|respond|answer|repondre|beantwoorden|antworten|antwort)(?:[-_.+].*)?$/iu;

export function isNoReplyAddress(address: string): boolean {
	return NO_REPLY.test(address.slice(0, address.lastIndexOf("@")));
}

/** The address a reply to this mail goes to, when the message or the campaign shows it. */
export function replyAddress(sourceCode: TemplateSourceCode, campaign: Campaign): string | undefined {
	if (sourceCode instanceof EmlSourceCode) {
		const [replyTo] = sourceCode.headers("reply-to");
		const [from] = sourceCode.headers("from");
		return (replyTo ?? from)?.addresses?.[0]?.address;
	}
	return campaign.sender?.email;
}
