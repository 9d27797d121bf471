import type { DocumentNode, ElementNode, MergeTagNode } from "../ast/types.js";
import type { TemplateSourceCode } from "../languages/template-source-code.js";
import {
	isDeicticLinkText,
	matchReplyInstruction,
	matchUnsubscribeInvitation,
	matchUnsubscribeWording,
	urlLooksLikeUnsubscribe,
} from "../lexicons/unsubscribe-wording.js";
import { getLinks, type Link } from "./links.js";
import { unusableTargetReason } from "./link-target.js";
import { isUnsubscribeTag } from "./unsubscribe-tags.js";
import { getTextBlocks } from "./text-blocks.js";
import { findUnbalancedTags, namesUnsubscribe, strayDelimiter } from "./unbalanced-merge-tags.js";
import { getAttribute } from "../ast/attributes.js";

/** What a link is, judged as an opt-out. */
export type LinkVerdict =
	| { kind: "unrelated" }
	| { kind: "working" }
	| { kind: "broken"; reason: string }
	/** Built on a merge tag with broken delimiters: `esp-merge-tags` reports the tag, once. */
	| { kind: "broken-tag" };

/**
 * A working opt-out in the mail: a link the rules agree leads to an
 * unsubscribe, an ESP tag written in the text that the ESP renders as such
 * a link, or Campaign Monitor's `<unsubscribe>` element.
 */
export type OptOut =
	| { kind: "link"; link: Link; element: ElementNode }
	/** `{% unsubscribe %}` in the text: styled by the element around it. */
	| { kind: "text-tag"; tag: MergeTagNode; element: ElementNode | undefined }
	| { kind: "esp-element"; element: ElementNode }
	/**
	 * A sentence that says how to opt out by e-mail: "To unsubscribe, reply
	 * STOP", "Afmelden? Mail naar afmelden@…". The law accepts a valid
	 * address as the opt-out (ePrivacy art. 13(4), CAN-SPAM 7704(a)(3)(A)(i));
	 * the block is the element whose visibility counts.
	 */
	| { kind: "written"; element: ElementNode; how: "reply" | "address" };

export interface UnsubscribeAnalysis {
	optOuts: OptOut[];
	/** Links that say unsubscribe but cannot work. */
	broken: Array<{ link: Link; reason: string }>;
	/**
	 * Opt-outs written with a malformed merge tag, in a link's href or in the
	 * text (`{% unsubscribe 'Afmelden' }`): `esp-merge-tags` reports the tag,
	 * and no other rule repeats it.
	 */
	brokenTags: Array<{ node: ElementNode | DocumentNode }>;
}

/** Every opt-out of the mail, judged once per file; `require-unsubscribe` and `no-hidden-unsubscribe` share it. */
export function getUnsubscribeLinks(sourceCode: TemplateSourceCode): UnsubscribeAnalysis {
	return sourceCode.memo(analyseUnsubscribeLinks);
}

function analyseUnsubscribeLinks(sourceCode: TemplateSourceCode): UnsubscribeAnalysis {
	const links = getLinks(sourceCode);
	const analysis: UnsubscribeAnalysis = { optOuts: [], broken: [], brokenTags: [] };
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
		else if (verdict.kind === "broken-tag") analysis.brokenTags.push({ node: link.element });
	}
	for (const block of getTextBlocks(sourceCode)) {
		if (findUnbalancedTags(block.text).some(namesUnsubscribe)) analysis.brokenTags.push({ node: block.node });
		if (block.node.type !== "Element") continue;
		const how = writtenOptOut(block.text);
		if (how) analysis.optOuts.push({ kind: "written", element: block.node, how });
	}
	return analysis;
}

/** An e-mail address written in text; bounded runs, so matching stays linear. */
const EMAIL_ADDRESS = /(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,5}/gu;

/** "This e-mail was sent to jane@…": the recipient's own address, not one to write to. */
const RECIPIENT_ADDRESS_BEFORE =
	/(?:sent to|delivered to|addressed to|verzonden naar|verstuurd naar|gestuurd naar|gesendet an|geschickt an|envoy[ée]e? [àa]|adress[ée]e? [àa])\s*$/iu;

function hasAddressToWriteTo(sentence: string): boolean {
	for (const match of sentence.matchAll(EMAIL_ADDRESS)) {
		if (!RECIPIENT_ADDRESS_BEFORE.test(sentence.slice(Math.max(0, match.index - 30), match.index))) return true;
	}
	return false;
}

/**
 * Whether a paragraph tells the reader to opt out by e-mail: it must say
 * unsubscribe ("Afmelden?", "Don't want these e-mails?") and either give an
 * address to write to or tell the reader to reply. A contact address
 * ("Questions? info@…") or "just reply" without unsubscribe wording is no
 * opt-out.
 */
function writtenOptOut(text: string): "reply" | "address" | undefined {
	if (matchUnsubscribeInvitation(text) === undefined) return undefined;
	// The instruction and the unsubscribe wording must share a sentence: "Unsubscribe | Contact: info@…" is a label and a contact address.
	for (const sentence of text.split(SENTENCE_END)) {
		if (matchUnsubscribeInvitation(sentence) === undefined) continue;
		if (hasAddressToWriteTo(sentence)) return "address";
		if (matchReplyInstruction(sentence) !== undefined) return "reply";
	}
	return undefined;
}

/** Where a sentence or footer item ends; not at "?" ("Afmelden? Mail naar…" is one instruction), nor at the dots of an address. */
const SENTENCE_END = /[.!](?=\s|$)|[|·•]/u;

/**
 * The merge tags with broken delimiters in an href (`*|UNSUB|`, `{{ unsubscribe }`):
 * whether there is one, and whether one of them names an unsubscribe tag.
 */
function brokenTags(link: Link): { any: boolean; namesUnsubscribe: boolean } {
	const result = { any: false, namesUnsubscribe: false };
	const href = getAttribute(link.element, "href");
	if (!href) return result;
	href.parts.forEach((part, index) => {
		if (part.type === "Text") {
			for (const tag of findUnbalancedTags(part.value)) {
				result.any = true;
				if (namesUnsubscribe(tag)) result.namesUnsubscribe = true;
			}
			return;
		}
		const before = href.parts[index - 1];
		const after = href.parts[index + 1];
		if (
			strayDelimiter(
				part,
				before?.type === "Text" ? before.value : undefined,
				after?.type === "Text" ? after.value : undefined,
			) === undefined
		)
			return;
		result.any = true;
		if (namesUnsubscribe(part)) result.namesUnsubscribe = true;
	});
	return result;
}

/**
 * A link counts as an opt-out when its target is an ESP unsubscribe or
 * preference tag, or when its text, the sentence around it or its URL says
 * "unsubscribe" in one of the supported languages and it leads somewhere real.
 */
export function judgeLink(link: Link): LinkVerdict {
	const target = link.target;
	const tags: readonly MergeTagNode[] = "tags" in target ? target.tags : [];
	const broken = brokenTags(link);
	if (tags.some(isUnsubscribeTag) && !broken.any) return { kind: "working" };
	const saysUnsubscribe =
		matchUnsubscribeWording(link.text) !== undefined ||
		(isDeicticLinkText(link.text) && matchUnsubscribeInvitation(link.context) !== undefined);
	// One mistake, one finding: a typo in the tag is `esp-merge-tags`'s, not also "a relative path" here.
	if (broken.any && (saysUnsubscribe || broken.namesUnsubscribe)) return { kind: "broken-tag" };
	switch (target.kind) {
		case "merge-tag":
			// Some other variable the ESP fills in: trust it when the text says unsubscribe.
			return saysUnsubscribe ? { kind: "working" } : { kind: "unrelated" };
		case "url": {
			const urlSays = urlLooksLikeUnsubscribe(target.url);
			if (!saysUnsubscribe && !urlSays) return { kind: "unrelated" };
			if (target.placeholderHost) return { kind: "broken", reason: `${target.host} is a placeholder address` };
			if (!urlSays && tags.length === 0 && /^\/?$/u.test(target.path) && !target.url.includes("?")) {
				return { kind: "broken", reason: `it is the home page of ${target.host}` };
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
