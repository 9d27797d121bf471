/**
 * Whether a link leads to the sender's privacy statement: shared by
 * `require-privacy-link` (every marketing mail) and `disclose-third-party`
 * (the first mail to a list the sender did not collect, GDPR art. 14(3)(b)).
 */
import type { MergeTagNode } from "../ast/types.js";
import type { TemplateSourceCode } from "../languages/template-source-code.js";
import { matchPrivacyWording, urlLooksLikePrivacy } from "../lexicons/privacy-wording.js";
import { isDeicticLinkText } from "../lexicons/unsubscribe-wording.js";
import { unusableTargetReason } from "./link-target.js";
import { getLinks, type Link } from "./links.js";
import { isUnsubscribeTag } from "./unsubscribe-tags.js";
import type { MessageUrlNode, TextMessageNode } from "../text-message/ast.js";
import { buttonUrlTarget, lineAround, textUrlTarget } from "./message-text.js";

export type PrivacyLinkVerdict = { kind: "unrelated" } | { kind: "working" } | { kind: "broken"; reason: string };

/** A template variable that names the privacy statement: `{{ privacy_url }}`, `{{ links.privacyPolicy }}`, `%%=v(@datenschutz)=%%`. */
const PRIVACY_VARIABLE = /privacy|privacid|datenschutz|confidentialit|gdpr|dsgvo/iu;

/** Whether a mail has a working link to a privacy statement that some client shows. */
export function hasWorkingPrivacyLink(sourceCode: TemplateSourceCode): boolean {
	return getLinks(sourceCode).links.some(
		(link) => link.clients !== "none" && judgePrivacyLink(link).kind === "working",
	);
}

export function judgePrivacyLink(link: Link): PrivacyLinkVerdict {
	const target = link.target;
	const tags: readonly MergeTagNode[] = "tags" in target ? target.tags : [];
	const textSays =
		matchPrivacyWording(link.text) !== undefined ||
		(isDeicticLinkText(link.text) && matchPrivacyWording(link.context) !== undefined);
	const tagSays = tags.some((tag) => PRIVACY_VARIABLE.test(tag.expression));
	switch (target.kind) {
		case "merge-tag":
			if (!textSays && !tagSays) return { kind: "unrelated" };
			// "Privacy settings" on the ESP's preference centre: that page manages mailings, it informs about nothing.
			if (!tagSays && tags.some(isUnsubscribeTag)) {
				return {
					kind: "broken",
					reason: "it opens the ESP's unsubscribe or preference page, which is not a privacy statement",
				};
			}
			return { kind: "working" };
		case "url": {
			if (!textSays && !urlLooksLikePrivacy(target.url) && !tagSays) return { kind: "unrelated" };
			if (target.placeholderHost) return { kind: "broken", reason: `${target.host} is a placeholder address` };
			return { kind: "working" };
		}
		case "mailto":
			return textSays
				? { kind: "broken", reason: "a mailto: link opens a new e-mail; it does not show the statement" }
				: { kind: "unrelated" };
		default: {
			// A relative path can say "privacy" in the URL alone; the other dead targets only through their text.
			const claimsPrivacy = textSays || (target.kind === "relative" && urlLooksLikePrivacy(target.value));
			const reason = unusableTargetReason(target);
			return claimsPrivacy && reason ? { kind: "broken", reason } : { kind: "unrelated" };
		}
	}
}

/** A text's privacy links: a URL whose line or path names the statement, a WhatsApp URL button whose label or `url` does, or an ESP/template variable that does. */
export interface TextPrivacyLinks {
	working: boolean;
	broken: Array<{ url: MessageUrlNode; reason: string }>;
}

export function findTextPrivacyLinks(message: TextMessageNode): TextPrivacyLinks {
	const found: TextPrivacyLinks = { working: false, broken: [] };
	for (const part of message.children) {
		if (part.role === "button" && part.url !== undefined) {
			const target = buttonUrlTarget(part.url);
			// A "Privacy" button opens its `url` as a link with that text does.
			const says = matchPrivacyWording(part.text) !== undefined || urlLooksLikePrivacy(part.url);
			if (says && target.kind === "url" && !target.placeholderHost) found.working = true;
			continue;
		}
		for (const child of part.children) {
			if (child.type === "MessageVariable") {
				// `Privacy: {{ privacy_url }}`: the variable is filled with the statement's address.
				if (PRIVACY_VARIABLE.test(child.name) && !isUnsubscribeTag({ syntax: child.syntax, expression: child.name }))
					found.working = true;
				continue;
			}
			const target = textUrlTarget(part, child);
			if (target.kind !== "url") continue;
			const says = matchPrivacyWording(lineAround(part, child.start)) !== undefined || urlLooksLikePrivacy(target.url);
			if (!says) continue;
			if (target.placeholderHost) found.broken.push({ url: child, reason: `${target.host} is a placeholder address` });
			else found.working = true;
		}
	}
	return found;
}
