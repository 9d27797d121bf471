import { isMarketingEmail } from "../src/campaign/marketing-email.js";
import type { TemplateRuleDefinition } from "../src/types.js";
import type { ElementNode } from "../src/ast/types.js";
import { ruleDocsUrl } from "../src/rule-docs.js";
import { citeBrieflyForCampaign } from "../src/legal/cite.js";
import type { CitationId } from "../src/legal/citations.js";
import { findPageRoot } from "../src/analyses/document.js";
import { getUnsubscribeLinks, type OptOut } from "../src/analyses/unsubscribe-links.js";
import { shortenText, textContent } from "../src/analyses/text.js";
import { judgeVisibility, type ClientGroups, type OptOutVisibility } from "../src/analyses/opt-out-visibility.js";
import { ESP_UNSUBSCRIBE_FOOTER } from "../src/lexicons/esp-merge-tags/esp-behaviour.js";

type MessageIds = "notDisplayed" | "preheaderOnly" | "tooSmall" | "lowContrast" | "clientOnly";
type Options = [{ minFontSize?: number; minContrast?: number }];

/** An opt-out the reader can find, per regime; the finding cites those of its recipients. */
const VISIBLE_OPT_OUT_LAW = [
	"eprivacy-13-4",
	"gdpr-21-4",
	"tw-11-7-identity",
	"uwg-7-2-3",
	"pecr-23",
	"canspam-a-3",
	"casl-11",
] as const satisfies readonly CitationId[];

/**
 * An opt-out must be one the reader can find and read. A hidden or faint
 * opt-out is reported only when the same clients see no clearly visible
 * one: a mail with a readable footer link and a faint duplicate still
 * offers an easy way out.
 */
const rule: TemplateRuleDefinition<{ RuleOptions: Options; MessageIds: MessageIds }> = {
	meta: {
		type: "problem",
		docs: {
			description:
				"Disallow unsubscribe links that readers cannot see: hidden, tiny, low-contrast or shown to some mail clients only",
			url: ruleDocsUrl("no-hidden-unsubscribe"),
			fix: "Make the opt-out visible: displayed, at least 10px, contrasting colour.",
			citations: ["eprivacy-13-4", "gdpr-21-4", "tw-11-7-identity", "uwg-7-2-3", "pecr-23", "canspam-a-3", "casl-11"],
			recommended: true,
			assumes: ["kind"],
		},
		messages: {
			notDisplayed:
				'Unsubscribe link "{{text}}" is not displayed ({{reason}}{{where}}): show it where every reader can see it ({{law}}).',
			preheaderOnly:
				'Unsubscribe link "{{text}}" is only in the hidden preheader ({{reason}}{{where}}): add a visible one ({{law}}).',
			tooSmall: 'Unsubscribe link "{{text}}" has font size {{size}}px, minimum {{min}}px: make it readable ({{law}}).',
			lowContrast:
				'Unsubscribe link "{{text}}" has contrast {{ratio}}:1 ({{foreground}} on {{background}}), under {{min}}:1: make it stand out ({{law}}).',
			clientOnly:
				'Unsubscribe link "{{text}}" shows {{shownTo}} only, not in {{missing}}: add one outside {{mechanism}} ({{law}}).',
		},
		schema: [
			{
				type: "object",
				properties: {
					minFontSize: {
						type: "number",
						minimum: 0,
						description: "Smallest font size in CSS pixels an opt-out may have.",
					},
					minContrast: {
						type: "number",
						minimum: 1,
						maximum: 21,
						description: "Smallest WCAG 2 contrast ratio between the opt-out and its background.",
					},
				},
				additionalProperties: false,
			},
		],
		defaultOptions: [{ minFontSize: 10, minContrast: 3 }],
		languages: ["mailcomply/mjml", "mailcomply/html"],
	},
	create(context) {
		const [{ minFontSize = 10, minContrast = 3 }] = context.options;
		const sourceCode = context.sourceCode;
		/** The citations for this mail's recipients, set per document. */
		let law = "";
		return {
			"Document:exit"() {
				const { campaign } = sourceCode.getCampaign(context.settings);
				if (!isMarketingEmail(campaign)) return;
				law = citeBrieflyForCampaign(VISIBLE_OPT_OUT_LAW, campaign);
				// An ESP that always appends its own footer gives every reader a visible opt-out.
				if (campaign.espAppendsFooter && campaign.esp && ESP_UNSUBSCRIBE_FOOTER[campaign.esp].value === "always")
					return;
				const page = findPageRoot(context.sourceCode);
				// A partial's look depends on the mail it is included in.
				if (!page) return;
				const { optOuts } = getUnsubscribeLinks(sourceCode);
				// No opt-out at all is require-unsubscribe's finding.
				if (optOuts.length === 0) return;
				const pageElement = page.type === "Element" ? page : undefined;
				const judged = optOuts.map((optOut) =>
					judgeVisibility(sourceCode, optOut, pageElement, { minFontSize, minContrast }, campaign.preheader),
				);

				const visible: ClientGroups = {
					outlook: judged.some((entry) => !entry.problem && entry.shownIn.outlook),
					others: judged.some((entry) => !entry.problem && entry.shownIn.others),
				};
				const reportedFor: ClientGroups = { outlook: false, others: false };
				for (const entry of judged) {
					if (!entry.problem) continue;
					const shown = entry.shownIn.outlook || entry.shownIn.others ? entry.shownIn : { outlook: true, others: true };
					const covered = (!shown.outlook || visible.outlook) && (!shown.others || visible.others);
					if (covered) continue;
					reportProblem(entry);
					reportedFor.outlook ||= shown.outlook;
					reportedFor.others ||= shown.others;
				}
				// Visible to one group of clients only, with no reported problem explaining the other group's gap.
				if (visible.outlook === visible.others) return;
				const missing: keyof ClientGroups = visible.outlook ? "others" : "outlook";
				if (reportedFor[missing]) return;
				const shownOnly = judged.find(
					(entry) => !entry.problem && entry.shownIn[missing === "outlook" ? "others" : "outlook"],
				)!;
				context.report({
					loc: locOf(shownOnly.optOut),
					messageId: "clientOnly",
					data: {
						law,
						text: textOf(shownOnly.optOut),
						shownTo: missing === "others" ? "in Outlook for Windows" : "outside Outlook for Windows",
						missing: missing === "others" ? "Gmail, Apple Mail and every other client" : "Outlook for Windows",
						mechanism:
							missing === "others"
								? "the <!--[if mso]> block"
								: shownOnly.msoHiddenBy
									? `the element with mso-hide:all (line ${shownOnly.msoHiddenBy.startTag.loc.start.line})`
									: "the <!--[if !mso]> block",
					},
				});
			},
		};

		function reportProblem({ optOut, problem }: OptOutVisibility): void {
			if (!problem) return;
			const text = textOf(optOut);
			const loc = locOf(optOut);
			switch (problem.kind) {
				case "hidden":
					context.report({
						loc,
						messageId: problem.preheader ? "preheaderOnly" : "notDisplayed",
						data: {
							law,
							text,
							reason: problem.reason,
							where: whereOf(problem.element, optOut.kind === "text-tag" ? undefined : optOut.element),
						},
					});
					return;
				case "small":
					context.report({
						loc,
						messageId: "tooSmall",
						data: { law, text, size: String(Math.floor(problem.fontSize * 10) / 10), min: String(minFontSize) },
					});
					return;
				case "contrast":
					context.report({
						loc,
						messageId: "lowContrast",
						data: {
							law,
							text,
							ratio: problem.ratio.toFixed(2),
							foreground: problem.foreground,
							background: problem.background,
							min: String(minContrast),
						},
					});
					return;
			}
		}
	},
};

function locOf(optOut: OptOut) {
	if (optOut.kind === "text-tag") return optOut.tag.loc;
	return optOut.element.startTag.loc;
}

function textOf(optOut: OptOut): string {
	if (optOut.kind === "link") return shortenText(optOut.link.text || "(no text)");
	if (optOut.kind === "text-tag") return shortenText(optOut.tag.raw);
	return shortenText(textContent(optOut.element) || "(no text)");
}

/** " on <div> at line 12" when the hiding element is not the link itself. */
function whereOf(hiding: ElementNode | undefined, carrier: ElementNode | undefined): string {
	if (!hiding || hiding === carrier) return "";
	return ` on <${hiding.name}> at line ${hiding.startTag.loc.start.line}`;
}

export default rule;
