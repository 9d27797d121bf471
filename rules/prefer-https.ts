import type { TemplateRuleDefinition } from "../src/types.js";
import { ruleDocsUrl } from "../src/docs-url.js";
import { reportInsecureUrls, safeHostsOptionSchema } from "../src/analyses/insecure-urls.js";
import { shortenText } from "../src/analyses/message-text.js";

type MessageIds = "link" | "image" | "upgrade";
type Options = [{ safeHosts?: string[] }];

/**
 * Plain http: links and images other than the opt-out and forms (those are
 * `require-https`'s errors): a warning, because the harm depends on what
 * the URL carries and many old hosts still answer only on http:.
 */
const rule: TemplateRuleDefinition<{ RuleOptions: Options; MessageIds: MessageIds }> = {
	meta: {
		type: "suggestion",
		docs: {
			description: "Report links, images and tracking pixels that use plain http:",
			url: ruleDocsUrl("prefer-https"),
			citations: ["gdpr-32-1"],
			recommended: true,
			severity: "warn",
		},
		fixable: "code",
		// The fix and the suggestion are built by reportInsecureUrls, shared by both HTTPS rules.
		// eslint-disable-next-line eslint-plugin/require-meta-has-suggestions
		hasSuggestions: true,
		messages: {
			link: "Link {{url}} uses plain http:, so the click and any id in the URL travel unencrypted. Use https: (GDPR art. 32(1)).",
			image:
				"Image {{url}} loads over plain http:: clients may block it or show a warning, and the request (with any id in it) travels unencrypted. Use https: (GDPR art. 32(1)).",
			upgrade: "Change to https://{{host}} (check first that {{host}} serves this URL over HTTPS).",
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
					// Opt-outs and forms are require-https's findings.
					resource => (resource.kind === "form" || resource.optOut ? undefined : resource.kind === "image" ? "image" : "link"),
					shortenText,
				);
			},
		};
	},
};

export default rule;
