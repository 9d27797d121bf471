import type { TemplateRuleDefinition } from "../src/types.js";
import { ruleDocsUrl } from "../src/rule-docs.js";
import { cite } from "../src/legal/cite.js";
import { reportInsecureUrls, safeHostsOptionSchema } from "../src/analyses/insecure-urls.js";
import { shortenText } from "../src/analyses/text.js";

type MessageIds = "optOut" | "form" | "upgrade";
type Options = [{ safeHosts?: string[] }];

/**
 * The opt-out and the forms of a mail carry the reader's data (an opt-out
 * URL identifies the subscriber, a form posts what they type): over plain
 * http: that travels readable and alterable by anyone on the way. Other
 * http: links and images are `prefer-https`'s warnings: one rule per
 * severity, since ESLint gives a rule one severity.
 */
const rule: TemplateRuleDefinition<{ RuleOptions: Options; MessageIds: MessageIds }> = {
	meta: {
		type: "problem",
		docs: {
			description: "Require https: for unsubscribe links and form actions",
			url: ruleDocsUrl("require-https"),
			fix: "Serve the unsubscribe page and form targets over https:.",
			citations: ["gdpr-32-1", "gdpr-5-1-f"],
			recommended: true,
			severity: "warn",
		},
		fixable: "code",
		// The fix and the suggestion are built by reportInsecureUrls, shared by both HTTPS rules.
		// eslint-disable-next-line eslint-plugin/require-meta-has-suggestions
		hasSuggestions: true,
		messages: {
			optOut: "Unsubscribe link {{url}} is unencrypted (http:): use https: (" + cite("gdpr-32-1") + ").",
			form:
				"This form posts to {{url}} over http:, so what the reader types travels unencrypted: use https: (" +
				cite("gdpr-32-1") +
				").",
			upgrade: "Change to https://{{host}} (check first that {{host}} serves this page over HTTPS).",
		},
		schema: [{ type: "object", properties: { safeHosts: safeHostsOptionSchema }, additionalProperties: false }],
		defaultOptions: [{ safeHosts: [] }],
		languages: ["mailcomply/mjml", "mailcomply/html"],
	},
	create(context) {
		const [{ safeHosts = [] }] = context.options;
		return {
			"Document:exit"() {
				reportInsecureUrls(
					context,
					safeHosts,
					(resource) =>
						resource.kind === "form" ? "form" : resource.kind === "link" && resource.optOut ? "optOut" : undefined,
					shortenText,
				);
			},
		};
	},
};

export default rule;
