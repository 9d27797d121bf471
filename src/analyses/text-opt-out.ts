/**
 * Whether a text message tells the recipient how to stop, for
 * `require-unsubscribe` on SMS and WhatsApp:
 * - a keyword to send back, with an instruction ("Reply STOP", "Sms STOP
 *   naar 4411", "STOP au 36111");
 * - a link to an opt-out page (its URL or the words on its line say so:
 *   "Afmelden: example.nl/af");
 * - on WhatsApp, a quick-reply button labelled to stop ("Stop promotions",
 *   "Afmelden").
 */
import { lineAround, urlWithScheme } from "./message-text.js";
import type { MessageUrlNode, TextMessageNode, TextPartNode } from "../text-message/ast.js";
import { isUnsubscribeTag } from "./unsubscribe-tags.js";
import { findKeywordInstruction, isOptOutButtonLabel } from "../lexicons/text-opt-out-wording.js";
import { matchUnsubscribeInvitation, urlLooksLikeUnsubscribe } from "../lexicons/unsubscribe-wording.js";

export interface TextOptOut {
	part: TextPartNode;
	how: "keyword" | "link" | "button";
}

/** The opt-out of a text message or an e-mail's plain-text part. */
export function findTextOptOut(message: TextMessageNode): TextOptOut | undefined {
	for (const part of message.children) {
		if (part.role === "button") {
			if (part.buttonType === "QUICK_REPLY" && isOptOutButtonLabel(part.text)) return { part, how: "button" };
			if (
				part.buttonType === "URL" &&
				part.url !== undefined &&
				(urlLooksLikeUnsubscribe(urlWithScheme(part.url)) || isOptOutButtonLabel(part.text))
			)
				return { part, how: "link" };
			continue;
		}
		if (findKeywordInstruction(part.text)) return { part, how: "keyword" };
		// An ESP's unsubscribe tag (`*|UNSUB|*`, `{{unsubscribe_url}}`), which the ESP fills with the opt-out link.
		if (
			part.children.some(
				(child) =>
					child.type === "MessageVariable" && isUnsubscribeTag({ syntax: child.syntax, expression: child.name }),
			)
		)
			return { part, how: "link" };
		if (hasOptOutLink(part)) return { part, how: "link" };
	}
	return undefined;
}

/** A URL that is an opt-out page, by its path or by the words on its line ("Afmelden: example.nl/af"). */
function hasOptOutLink(part: TextPartNode): boolean {
	return part.children.some((child) => child.type === "MessageUrl" && isOptOutUrl(part, child));
}

/** Whether a URL of a text is an opt-out page, by its path or the words on its line. */
export function isOptOutUrl(part: TextPartNode, url: MessageUrlNode): boolean {
	return (
		urlLooksLikeUnsubscribe(urlWithScheme(url.value)) ||
		matchUnsubscribeInvitation(lineAround(part, url.start)) !== undefined
	);
}
