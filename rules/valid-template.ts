import type { TemplateRuleDefinition } from "../src/types.js";
import type { TemplateProblemKind } from "../src/ast/types.js";
import { ruleDocsUrl } from "../src/docs-url.js";

type Options = [{ html?: boolean }];

/**
 * Reports what the parser had to recover from. Include problems and broken
 * MJML structure change what is sent; stray HTML end tags are recovered by
 * every browser and mail client alike, so they are opt-in.
 */
const rule: TemplateRuleDefinition<{ RuleOptions: Options; MessageIds: TemplateProblemKind }> = {
	meta: {
		type: "problem",
		docs: {
			description: "Report mj-include paths that cannot be read, broken MJML structure and (optionally) stray HTML end tags",
			url: ruleDocsUrl("valid-template"),
			recommended: true,
		},
		messages: {
			include: "{{message}}",
			mjml: "{{message}}",
			html: "{{message}}",
		},
		schema: [
			{
				type: "object",
				properties: {
					html: { type: "boolean", description: "Also report HTML syntax that clients recover from, such as stray end tags." },
				},
				additionalProperties: false,
			},
		],
		defaultOptions: [{ html: false }],
		languages: ["mailcomply/mjml", "mailcomply/html"],
	},
	create(context) {
		const [{ html }] = context.options;
		return {
			Document(node) {
				for (const problem of node.problems) {
					if (problem.kind === "html" && !html) continue;
					context.report({ loc: problem.loc, messageId: problem.kind, data: { message: problem.message } });
				}
			},
		};
	},
};

export default rule;
