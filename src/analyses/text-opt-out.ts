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
import type { TextMessageSourceCode } from "../languages/text-message-source-code.js";
import type { TextMessageNode, TextPartNode } from "../text-message/ast.js";
import { isUnsubscribeTag } from "./unsubscribe-tags.js";
import { findKeywordInstruction, isOptOutButtonLabel } from "../lexicons/text-opt-out-wording.js";
import { matchUnsubscribeInvitation, urlLooksLikeUnsubscribe } from "../lexicons/unsubscribe-wording.js";

export interface TextOptOut {
	part: TextPartNode;
	how: "keyword" | "link" | "button";
}

export function getTextOptOut(sourceCode: TextMessageSourceCode): TextOptOut | undefined {
	return sourceCode.memo(findOptOut);
}

function findOptOut(sourceCode: TextMessageSourceCode): TextOptOut | undefined {
	return findTextOptOut(sourceCode.ast);
}

/** The opt-out of a text message or an e-mail's plain-text part (an `.eml`'s text part is not its source code's root). */
export function findTextOptOut(message: TextMessageNode): TextOptOut | undefined {
	for (const part of message.children) {
		if (part.role === "button") {
			if (part.buttonType === "QUICK_REPLY" && isOptOutButtonLabel(part.text)) return { part, how: "button" };
			if (
				part.buttonType === "URL" &&
				part.url !== undefined &&
				(urlLooksLikeUnsubscribe(withScheme(part.url)) || isOptOutButtonLabel(part.text))
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
	for (const child of part.children) {
		if (child.type !== "MessageUrl") continue;
		if (urlLooksLikeUnsubscribe(withScheme(child.value))) return true;
		const index = child.start;
		const lineStart = part.text.lastIndexOf("\n", index) + 1;
		const lineEnd = part.text.indexOf("\n", index);
		if (matchUnsubscribeInvitation(part.text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd))) return true;
	}
	return false;
}

/** Text messages write `example.nl/stop`; the URL hint reads paths of URLs with a scheme. */
function withScheme(url: string): string {
	return /^[a-z][a-z0-9+.-]*:/iu.test(url) ? url : `https://${url}`;
}
