import type { ElementNode, MergeTagNode } from "../ast/types.js";
import type { TemplateSourceCode } from "../languages/template-source-code.js";
import {
	isDeicticLinkText,
	matchUnsubscribeInvitation,
	matchUnsubscribeWording,
	urlLooksLikeUnsubscribe,
} from "../lexicons/unsubscribe-wording.js";
import { getLinks, type Link } from "./links.js";
import { unusableTargetReason } from "./link-target.js";
import { isUnsubscribeTag } from "./unsubscribe-tags.js";

/** What a link is, judged as an opt-out. */
export type LinkVerdict = { kind: "unrelated" } | { kind: "working" } | { kind: "broken"; reason: string };

/**
 * A working opt-out in the mail: a link the rules agree leads to an
 * unsubscribe, an ESP tag written in the text that the ESP renders as such
 * a link, or Campaign Monitor's `<unsubscribe>` element.
 */
export type OptOut =
	| { kind: "link"; link: Link; element: ElementNode }
	/** `{% unsubscribe %}` in the text: styled by the element around it. */
	| { kind: "text-tag"; tag: MergeTagNode; element: ElementNode | undefined }
	| { kind: "esp-element"; element: ElementNode };

export interface UnsubscribeAnalysis {
	optOuts: OptOut[];
	/** Links that say unsubscribe but cannot work. */
	broken: Array<{ link: Link; reason: string }>;
}

/** Every opt-out of the mail, judged once per file; `require-unsubscribe` and `no-hidden-unsubscribe` share it. */
export function getUnsubscribeLinks(sourceCode: TemplateSourceCode): UnsubscribeAnalysis {
	return sourceCode.memo(analyseUnsubscribeLinks);
}

function analyseUnsubscribeLinks(sourceCode: TemplateSourceCode): UnsubscribeAnalysis {
	const links = getLinks(sourceCode);
	const analysis: UnsubscribeAnalysis = { optOuts: [], broken: [] };
	for (const element of links.unsubscribeElements) analysis.optOuts.push({ kind: "esp-element", element });
	for (const { tag } of links.textMergeTags) {
		if (!isUnsubscribeTag(tag)) continue;
		const parent = sourceCode.getParent(tag);
		analysis.optOuts.push({ kind: "text-tag", tag, element: parent?.type === "Element" ? parent : undefined });
	}
	for (const link of links.links) {
		const verdict = judgeLink(link);
		if (verdict.kind === "working") analysis.optOuts.push({ kind: "link", link, element: link.element });
		else if (verdict.kind === "broken") analysis.broken.push({ link, reason: verdict.reason });
	}
	return analysis;
}

/**
 * A link counts as an opt-out when its target is an ESP unsubscribe or
 * preference tag, or when its text, the sentence around it or its URL says
 * "unsubscribe" in one of the supported languages and it leads somewhere real.
 */
export function judgeLink(link: Link): LinkVerdict {
	const target = link.target;
	const tags: readonly MergeTagNode[] = "tags" in target ? target.tags : [];
	if (tags.some(isUnsubscribeTag)) return { kind: "working" };
	const saysUnsubscribe =
		matchUnsubscribeWording(link.text) !== undefined ||
		(isDeicticLinkText(link.text) && matchUnsubscribeInvitation(link.context) !== undefined);
	switch (target.kind) {
		case "merge-tag":
			// Some other variable the ESP fills in: trust it when the text says unsubscribe.
			return saysUnsubscribe ? { kind: "working" } : { kind: "unrelated" };
		case "url": {
			const urlSays = urlLooksLikeUnsubscribe(target.url);
			if (!saysUnsubscribe && !urlSays) return { kind: "unrelated" };
			if (target.placeholderHost) return { kind: "broken", reason: `${target.host} is a placeholder address` };
			if (!urlSays && tags.length === 0 && /^\/?$/u.test(target.path) && !target.url.includes("?")) {
				return { kind: "broken", reason: `it links to the home page of ${target.host}, not to an opt-out` };
			}
			return { kind: "working" };
		}
		case "mailto": {
			const mailSays = urlLooksLikeUnsubscribe(target.value) || /^mailto:[^@?]*unsub/iu.test(target.value);
			if (!saysUnsubscribe && !mailSays) return { kind: "unrelated" };
			if (!target.address.includes("@") && target.tags.length === 0) {
				return { kind: "broken", reason: "the mailto: link has no e-mail address" };
			}
			return { kind: "working" };
		}
		default:
			if (!saysUnsubscribe) return { kind: "unrelated" };
			return { kind: "broken", reason: unusableTargetReason(target) ?? "it does not lead to an opt-out" };
	}
}


