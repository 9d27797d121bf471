import type { TemplateRuleDefinition } from "../src/types.js";
import type { MergeTagNode } from "../src/ast/types.js";
import { ruleDocsUrl } from "../src/docs-url.js";
import { getLinks, type Link } from "../src/analyses/links.js";
import { findPageRoot } from "../src/analyses/document.js";
import { isUnsubscribeTag, unsubscribeTagHint } from "../src/analyses/unsubscribe-tags.js";
import {
	isDeicticLinkText,
	matchUnsubscribeInvitation,
	matchUnsubscribeWording,
	urlLooksLikeUnsubscribe,
} from "../src/lexicons/unsubscribe-wording.js";

type MessageIds = "missing" | "broken";

type Verdict = { kind: "unrelated" } | { kind: "working" } | { kind: "broken"; reason: string };

/**
 * A marketing mail must offer a working opt-out. A link counts when its
 * target is an ESP unsubscribe or preference tag, or when its text, the
 * sentence around it or its URL says "unsubscribe" in one of the supported
 * languages and it leads somewhere real.
 */
const rule: TemplateRuleDefinition<{ RuleOptions: []; MessageIds: MessageIds }> = {
	meta: {
		type: "problem",
		docs: {
			description: "Require a working unsubscribe link in every marketing e-mail",
			url: ruleDocsUrl("require-unsubscribe"),
			recommended: true,
		},
		messages: {
			missing:
				"This marketing e-mail has no unsubscribe link. Add a visible link to a working opt-out{{hint}}. Required by ePrivacy Directive art. 13(2), Telecommunicatiewet art. 11.7, GDPR art. 21(2)-(3) and CAN-SPAM 15 U.S.C. 7704(a)(3).",
			broken:
				"Unsubscribe link \"{{text}}\" does not work: {{reason}}. Point it at a working opt-out page or at your ESP's unsubscribe tag{{hint}}.",
		},
		schema: [],
		languages: ["mailcomply/mjml", "mailcomply/html"],
	},
	create(context) {
		const sourceCode = context.sourceCode;
		return {
			"Document:exit"(document) {
				const { campaign } = sourceCode.getCampaign(context.settings);
				if (campaign.kind === "transactional" || campaign.channel !== "email") return;
				// The ESP adds its own unsubscribe footer to every mail; the doc explains how to declare this.
				if (campaign.espAppendsFooter) return;
				const hint = unsubscribeTagHint(campaign.esp);
				const analysis = getLinks(sourceCode);
				let working =
					analysis.unsubscribeElements.length > 0 || analysis.textMergeTags.some(({ tag }) => isUnsubscribeTag(tag));
				let broken = false;
				for (const link of analysis.links) {
					const verdict = judge(link);
					if (verdict.kind === "working") working = true;
					if (verdict.kind === "broken") {
						broken = true;
						context.report({
							loc: link.element.startTag.loc,
							messageId: "broken",
							data: { text: shorten(link.text || "(no text)"), reason: verdict.reason, hint: hint ? ` (${hint})` : "" },
						});
					}
				}
				// A broken opt-out is already reported where it is; "missing" would repeat the same problem.
				if (working || broken) return;
				const page = findPageRoot(document);
				// A partial (a footer snippet, an include) is checked where it is used, not on its own.
				if (!page) return;
				context.report({
					loc: page.type === "Element" ? page.startTag.loc : page.loc,
					messageId: "missing",
					data: { hint: hint ? `, e.g. ${hint}` : "" },
				});
			},
		};
	},
};

function judge(link: Link): Verdict {
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
			return { kind: "broken", reason: brokenReason(target) };
	}
}

function brokenReason(target: Link["target"]): string {
	switch (target.kind) {
		case "missing":
			return "it has no href";
		case "empty":
			return "its href is empty";
		case "fragment":
			return `href="${target.value}" only jumps within the mail`;
		case "javascript":
			return "javascript: links do not run in e-mail clients";
		case "relative":
			return `"${shorten(target.value)}" is a relative path, and an e-mail has no base address to resolve it against`;
		case "other":
			return `"${shorten(target.value)}" is not a web or mailto: address`;
		default:
			return "it does not lead to an opt-out";
	}
}

function shorten(text: string): string {
	return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

export default rule;
