import path from "node:path";
import type { MessageRuleDefinition } from "../src/types.js";
import type { TemplateSourceCode } from "../src/languages/template-source-code.js";
import type { DocumentNode, TemplateProblemKind } from "../src/ast/types.js";
import type { TextMessageNode } from "../src/text-message/ast.js";
import { ruleDocsUrl } from "../src/rule-docs.js";
import { shortenText } from "../src/analyses/text.js";
import { MJML_CORE_COMPONENTS, MJML_LAYOUT_COMPONENTS } from "../src/template/mjml-components.js";
import { registeredComponents, type RegisteredComponents } from "../src/template/mjml-config.js";
import { readRootFor } from "../src/sandbox/project-root.js";

type Options = [{ html?: boolean; components?: string[] }];
type MessageIds = TemplateProblemKind | "unknownComponent" | "textOutsideText" | "textMessage";

/**
 * Reports what the parser had to recover from, and MJML that mjml would
 * drop. Include problems and broken MJML change what is sent; stray HTML end
 * tags are recovered by every browser and mail client alike, so they are
 * opt-in.
 */
const rule: MessageRuleDefinition<{ RuleOptions: Options; MessageIds: MessageIds }> = {
	meta: {
		type: "problem",
		docs: {
			description:
				"Report mj-include paths that cannot be read, broken MJML structure and (optionally) stray HTML end tags",
			url: ruleDocsUrl("valid-template"),
			fix: "Fix the markup or include the finding names.",
			citations: [],
			recommended: true,
		},
		messages: {
			include: "{{message}}",
			mjml: "{{message}}",
			html: "{{message}}",
			encoding: "{{message}}",
			nesting: "{{message}}",
			message: "{{message}}",
			unknownComponent:
				"<{{name}}> is no mjml component, so mjml drops it with its content: fix the name, or register it in .mjmlconfig.",
			textOutsideText: 'Text directly inside <{{parent}}> is dropped by mjml: "{{text}}". Put it in an <mj-text>.',
			textMessage: "{{message}}",
		},
		schema: [
			{
				type: "object",
				properties: {
					html: {
						type: "boolean",
						description: "Also report HTML syntax that clients recover from, such as stray end tags.",
					},
					components: {
						type: "array",
						items: { type: "string", pattern: "^mj-[a-z0-9-]+\\*?$" },
						uniqueItems: true,
						description:
							'Custom mjml components whose names mailcomply cannot tell from your .mjmlconfig (it reads a package named like its tag, `mj-bw-hero.js` or `mjml-chart`), e.g. "mj-bw-*" (a trailing * matches a prefix).',
					},
				},
				additionalProperties: false,
			},
		],
		defaultOptions: [{ html: false, components: [] }],
		languages: ["mailcomply/mjml", "mailcomply/html", "mailcomply/sms", "mailcomply/whatsapp"],
	},
	create(context) {
		const [{ html, components = [] }] = context.options;
		// Read once per file, and only when a name is not mjml's own: most templates use none.
		let registered: RegisteredComponents | undefined;
		const registeredInProject = (): RegisteredComponents => {
			const file = context.physicalFilename;
			registered ??= path.isAbsolute(file)
				? registeredComponents(file, readRootFor(file, context.languageOptions.includeRoot as string | undefined))
				: { names: new Set(), anyName: false };
			return registered;
		};
		const isCustom = (name: string) => {
			if (
				components.some((pattern) => (pattern.endsWith("*") ? name.startsWith(pattern.slice(0, -1)) : name === pattern))
			)
				return true;
			const project = registeredInProject();
			return project.names.has(name) || (project.anyName && name.startsWith("mj-"));
		};
		const problems = {
			// A WhatsApp template that is not of Meta's form, or a text message that is not UTF-8.
			TextMessage(node: TextMessageNode) {
				for (const problem of node.problems)
					context.report({ loc: problem.loc, messageId: "textMessage", data: { message: problem.message } });
			},
			Document(node: DocumentNode) {
				for (const problem of node.problems) {
					if (problem.kind === "html" && !html) continue;
					context.report({ loc: problem.loc, messageId: problem.kind, data: { message: problem.message } });
				}
			},
		};
		// The rest is about mjml components: other formats get no Element and Text listeners, which ESLint would call on every node.
		if ((context.sourceCode as TemplateSourceCode).format !== "mjml") return problems;
		return {
			...problems,
			Element(node) {
				if (node.origin || !node.name.startsWith("mj") || MJML_CORE_COMPONENTS.has(node.name) || isCustom(node.name))
					return;
				context.report({ loc: node.startTag.loc, messageId: "unknownComponent", data: { name: node.name } });
			},
			Text(node, parent) {
				if (node.origin || parent?.type !== "Element" || !MJML_LAYOUT_COMPONENTS.has(parent.name)) return;
				const text = node.value.trim();
				if (text === "") return;
				context.report({
					loc: node.loc,
					messageId: "textOutsideText",
					data: { parent: parent.name, text: shortenText(text, 40) },
				});
			},
		};
	},
};

export default rule;
