import type { TextMessageRuleDefinition } from "../src/types.js";
import { ruleDocsUrl } from "../src/rule-docs.js";
import type { TextMessageSourceCode } from "../src/languages/text-message-source-code.js";
import type { MessageVariableNode, TextPartNode, WhatsAppComponent } from "../src/text-message/ast.js";
import { cite } from "../src/legal/cite.js";

type MessageIds =
	| "noExample"
	| "noUrlExample"
	| "variablePlacement"
	| "bodyOnlyVariable"
	| "noMediaSample"
	| "tooManyButtons"
	| "promotesAsUtility";

/** Meta's button limits per template (as its Business Solution Providers document them). */
const BUTTON_LIMITS: ReadonlyArray<{ type?: string; max: number; what: string }> = [
	{ max: 10, what: "buttons" },
	{ type: "URL", max: 2, what: "URL buttons" },
	{ type: "PHONE_NUMBER", max: 1, what: "phone-number buttons" },
];

/**
 * What Meta rejects or re-categorises in a WhatsApp message template, found
 * before the template is submitted: each rejection costs a review round,
 * and a UTILITY template that promotes is charged and limited as marketing
 * (and is direct marketing in law).
 */
const rule: TextMessageRuleDefinition<{ RuleOptions: []; MessageIds: MessageIds }> = {
	meta: {
		type: "problem",
		docs: {
			description:
				"Report what Meta rejects or re-categorises in a WhatsApp template: variables without examples or at the edge of the body, a body that is only a variable, media headers without a sample, too many buttons, and a UTILITY template that promotes",
			url: ruleDocsUrl("whatsapp-template"),
			fix: "Fix the template as Meta asks: samples, placement, category.",
			citations: [
				"meta-whatsapp-template-components",
				"whatsapp-variable-placement",
				"whatsapp-button-limits",
				"meta-whatsapp-template-category",
			],
			recommended: true,
		},
		messages: {
			noExample:
				"Meta rejects variable {{variable}} in the {{component}} without an example value: add one to `example.{{key}}` ({{law}}).",
			noUrlExample:
				"Meta rejects the URL button's {{variable}} without a sample: add a full example URL as its `example` ({{law}}).",
			bodyOnlyVariable:
				"The body is only {{variable}}, which WhatsApp rejects and Meta cannot review: write the message itself into the body ({{law}}).",
			variablePlacement:
				"The body {{where}}. WhatsApp rejects a body that starts or ends with a variable, or has two variables side by side ({{law}}): put words around each variable.",
			noMediaSample:
				"The {{format}} header has no sample: Meta reviews a media template with a sample file ({{law}}). Upload one and give its handle in `example.header_handle`.",
			tooManyButtons:
				"This template has {{count}} {{what}}; WhatsApp allows at most {{max}} ({{law}}). Remove {{extra}}.",
			promotesAsUtility:
				'This {{category}} template promotes ({{evidence}}), so Meta makes it MARKETING: set `"category": "MARKETING"`, or remove the promotion ({{law}}).',
		},
		schema: [],
		languages: ["mailcomply/whatsapp"],
	},
	create(context) {
		const sourceCode = context.sourceCode as TextMessageSourceCode;
		return {
			TextMessage(message) {
				const template = message.whatsapp;
				if (!template) return;
				for (const component of template.components) {
					checkExamples(component);
					if (component.type === "BODY" && component.text) {
						if (!checkOnlyVariable(component.text)) checkPlacement(component.text);
					}
					const format = component.format;
					if (
						component.type === "HEADER" &&
						format !== undefined &&
						["IMAGE", "VIDEO", "DOCUMENT"].includes(format) &&
						!component.hasMediaSample
					) {
						context.report({
							loc: component.loc,
							messageId: "noMediaSample",
							data: { format, law: cite("meta-whatsapp-template-components") },
						});
					}
					if (component.type === "BUTTONS") checkButtons(component);
				}
				const category = template.category;
				if (category === "UTILITY" || category === "AUTHENTICATION") {
					const { campaign, inferredKind, declared } = sourceCode.getCampaign(context.settings);
					// The kind was read from the text, not declared: the template promotes.
					if (campaign.kind === "marketing" && !declared.has("kind") && inferredKind?.evidence) {
						context.report({
							loc: template.categoryLoc ?? message.loc,
							messageId: "promotesAsUtility",
							data: { category, evidence: inferredKind.evidence, law: cite("meta-whatsapp-template-category") },
						});
					}
				}
			},
		};

		function checkExamples(component: WhatsAppComponent) {
			const part = component.text;
			if (!part || (component.type !== "BODY" && component.type !== "HEADER")) return;
			const prefix = component.type === "BODY" ? "body" : "header";
			for (const child of part.children) {
				if (child.type !== "MessageVariable" || !child.raw.startsWith("{{")) continue;
				// The positional or named variable the tag stands for: `1`, `first_name`.
				const name = child.name;
				if (component.examples.has(name)) continue;
				const positional = /^\d+$/u.test(name);
				context.report({
					loc: child.loc,
					messageId: "noExample",
					data: {
						variable: child.raw,
						component: component.type,
						key: positional ? `${prefix}_text` : `${prefix}_text_named_params`,
						law: cite("meta-whatsapp-template-components", "whatsapp-variable-placement"),
					},
				});
			}
		}

		/** A body with no words of its own: reported once, instead of "starts and ends with". */
		function checkOnlyVariable(body: TextPartNode): boolean {
			const variables = body.children.filter(
				(child): child is MessageVariableNode => child.type === "MessageVariable" && child.raw.startsWith("{{"),
			);
			if (variables.length === 0) return false;
			let rest = body.text;
			for (const variable of variables) rest = rest.replace(variable.raw, " ");
			if (/[\p{L}\p{N}]/u.test(rest)) return false;
			context.report({
				loc: body.loc,
				messageId: "bodyOnlyVariable",
				data: {
					variable: variables.map((variable) => variable.raw).join(" "),
					law: cite("whatsapp-variable-placement"),
				},
			});
			return true;
		}

		function checkPlacement(body: TextPartNode) {
			const variables = body.children.filter(
				(child): child is MessageVariableNode => child.type === "MessageVariable" && child.raw.startsWith("{{"),
			);
			if (variables.length === 0) return;
			const text = body.text;
			const at = (variable: MessageVariableNode) => text.indexOf(variable.raw);
			const problems: string[] = [];
			const first = variables[0]!;
			const last = variables[variables.length - 1]!;
			if (text.slice(0, Math.max(0, at(first))).trim() === "") problems.push(`starts with ${first.raw}`);
			const lastEnd = text.lastIndexOf(last.raw) + last.raw.length;
			if (text.slice(lastEnd).trim() === "") problems.push(`ends with ${last.raw}`);
			if (problems.length === 0) {
				let from = 0;
				for (let i = 0; i + 1 < variables.length; i++) {
					const start = text.indexOf(variables[i]!.raw, from);
					const end = start + variables[i]!.raw.length;
					const next = text.indexOf(variables[i + 1]!.raw, end);
					if (next !== -1 && text.slice(end, next).trim() === "") {
						problems.push(`has ${variables[i]!.raw} and ${variables[i + 1]!.raw} side by side`);
						break;
					}
					from = end;
				}
			}
			if (problems.length === 0) return;
			context.report({
				loc: body.loc,
				messageId: "variablePlacement",
				data: { where: problems.join(" and "), law: cite("whatsapp-variable-placement") },
			});
		}

		function checkButtons(component: WhatsAppComponent) {
			for (const button of component.buttons) {
				const variable = button.url?.match(/\{\{[^{}]*\}\}/u)?.[0];
				if (variable === undefined || button.hasUrlExample) continue;
				context.report({
					loc: button.urlLoc ?? button.loc,
					messageId: "noUrlExample",
					data: { variable, law: cite("meta-whatsapp-template-components") },
				});
			}
			for (const limit of BUTTON_LIMITS) {
				const buttons = component.buttons.filter(
					(button) => limit.type === undefined || button.buttonType === limit.type,
				);
				if (buttons.length <= limit.max) continue;
				const extra = buttons.length - limit.max;
				context.report({
					loc: buttons[limit.max]!.loc,
					messageId: "tooManyButtons",
					data: {
						count: String(buttons.length),
						what: limit.what,
						max: String(limit.max),
						extra: `${extra} of them`,
						law: cite("whatsapp-button-limits"),
					},
				});
			}
		}
	},
};

export default rule;
