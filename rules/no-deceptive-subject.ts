import { shortenText, textContent } from "../src/analyses/text.js";
import type { DocumentNode, ElementNode } from "../src/ast/types.js";
import type { CampaignNode } from "../src/campaign/ast.js";
import type { TemplateOrCampaignRuleDefinition } from "../src/types.js";
import type { Campaign } from "../src/campaign/types.js";
import { findPageRoot } from "../src/analyses/document.js";
import { sidecarFacts, stringAt } from "../src/analyses/campaign-facts.js";
import { ruleDocsUrl } from "../src/rule-docs.js";
import { citeBrieflyForCampaign } from "../src/legal/cite.js";
import { guessLanguage, LANGUAGE_NAMES, matchReplyPrefix } from "../src/lexicons/subject-wording.js";
import type { CampaignSourceCode } from "../src/languages/campaign-source-code.js";
import type { TemplateSourceCode } from "../src/languages/template-source-code.js";

type MessageIds = "fakeReply" | "emptySubject" | "languageMismatch";

type SubjectRuleDefinition = TemplateOrCampaignRuleDefinition<{ RuleOptions: []; MessageIds: MessageIds }>;

/** Where a subject or preheader was found, and how to point at it. */
interface Line {
	text: string;
	/** How the finding names it: `subject`, `<title>`, `mj-preview`. */
	label: string;
	report: { node: CampaignNode } | { loc: ElementNode["startTag"]["loc"] };
}

const rule: SubjectRuleDefinition = {
	meta: {
		type: "problem",
		docs: {
			description:
				"Disallow subject lines that fake a reply or forward, empty subjects, and a preheader in another language than the subject",
			url: ruleDocsUrl("no-deceptive-subject"),
			fix: "Drop fake RE:/FWD: prefixes and write subject and preheader in one language.",
			citations: ["canspam-a-2", "ecommerce-6-a"],
			recommended: true,
			severity: "warn",
		},
		messages: {
			fakeReply: 'The {{label}} "{{subject}}" fakes a reply with "{{prefix}}": remove it ({{law}}).',
			emptySubject:
				'The subject is declared but empty, so clients show "(no subject)" and spam filters count it against the mail: write it, or remove the key if your ESP sets it.',
			languageMismatch:
				'The {{label}} reads as {{preheaderLanguage}} but the subject "{{subject}}" as {{subjectLanguage}}, which looks like a forged mail in the inbox: write both in one language.',
		},

		schema: [],
		languages: ["mailcomply/campaign", "mailcomply/mjml", "mailcomply/html"],
	},

	create(context) {
		const check = (campaign: Campaign, subject: Line | undefined, preheader: Line | undefined): void => {
			if (subject && subject.text.trim() === "") {
				if (subject.label === "subject") context.report({ ...subject.report, messageId: "emptySubject" });
				return;
			}
			if (subject && campaign.kind === "marketing") {
				const prefix = matchReplyPrefix(subject.text);
				if (prefix !== undefined)
					context.report({
						...subject.report,
						messageId: "fakeReply",
						data: {
							label: subject.label,
							subject: shortenText(subject.text, 70),
							prefix,
							law: citeBrieflyForCampaign(["canspam-a-2", "ecommerce-6-a"], campaign),
						},
					});
			}
			if (subject && preheader) {
				const subjectLanguage = guessLanguage(subject.text);
				const preheaderLanguage = guessLanguage(preheader.text);
				if (subjectLanguage && preheaderLanguage && subjectLanguage !== preheaderLanguage) {
					context.report({
						...preheader.report,
						messageId: "languageMismatch",
						data: {
							label: preheader.label,
							subject: shortenText(subject.text, 70),
							subjectLanguage: LANGUAGE_NAMES[subjectLanguage],
							preheaderLanguage: LANGUAGE_NAMES[preheaderLanguage],
						},
					});
				}
			}
		};

		return {
			CampaignDocument(doc) {
				if (doc.body?.type !== "CampaignMapping") return;
				const { campaign } = sidecarFacts(context.sourceCode as CampaignSourceCode, context.settings);
				const line = (key: "subject" | "preheader"): Line | undefined => {
					const field = stringAt(doc, [key]);
					return field ? { text: field.value, label: key, report: { node: field.node } } : undefined;
				};
				check(campaign, line("subject"), line("preheader"));
			},
			"Document:exit"(document) {
				// A partial has no head of its own; a sign-up page is not a mail.
				const sourceCode = context.sourceCode as TemplateSourceCode;
				if (!findPageRoot(sourceCode)) return;
				const { campaign } = sourceCode.getCampaign(context.settings);
				const [title, preview] = document.format === "mjml" ? ["mj-title", "mj-preview"] : ["title", undefined];
				const line = (name: string | undefined): Line | undefined => {
					const element = name === undefined ? undefined : findFirst(document, name);
					return element
						? { text: textContent(element), label: `<${name}>`, report: { loc: element.startTag.loc } }
						: undefined;
				};
				check(campaign, line(title), line(preview));
			},
		};
	},
};

export default rule;

/** The first element of that name in the head of the mail (depth-first). */
function findFirst(node: { children: DocumentNode["children"] }, name: string): ElementNode | undefined {
	for (const child of node.children) {
		if (child.type !== "Element") continue;
		if (child.name === name) return child;
		const found = findFirst(child, name);
		if (found) return found;
	}
	return undefined;
}
