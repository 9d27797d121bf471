import type { TemplateRuleDefinition } from "../src/types.js";
import { ruleDocsUrl } from "../src/rule-docs.js";
import { cite } from "../src/legal/cite.js";
import { reportInsecureUrls, safeHostsOptionSchema } from "../src/analyses/insecure-urls.js";
import type { ResourceUrl } from "../src/analyses/resource-urls.js";
import { shortenText } from "../src/analyses/text.js";

type MessageIds = "link" | "image" | "upgrade";
type Options = [{ safeHosts?: string[]; everyUrl?: boolean }];

/**
 * A query parameter whose name says it identifies the reader or the
 * send: `?uid=`, `&email=`, `?subscriber_id=`, `?mc_eid=`, `?token=`, `?ref=`.
 */
const IDENTIFYING_PARAMETER =
	/[?&](?:[\w-]*[_-])?(?:id|uid|eid|e-?mail|user|subscriber|contact|recipient|member|token|hash|ref|rid|cid|sid|key)=/iu;

/**
 * Whether an http: URL tells a network observer something about the
 * reader: a merge tag the ESP fills in per recipient, or an identifying
 * query parameter. A static image or page over http: (a logo, a blog post)
 * reveals only that someone opened or clicked.
 */
function carriesReaderData(resource: ResourceUrl, url: string): boolean {
	return resource.attribute.parts.some((part) => part.type === "MergeTag") || IDENTIFYING_PARAMETER.test(url);
}

/**
 * Plain http: links and images other than the opt-out and forms (those are
 * `require-https`'s errors): a warning, because the harm depends on what
 * the URL carries and many old hosts still answer only on http:. By default
 * only URLs that carry something about the reader are reported (on the
 * public corpus, 197 warnings on 62 files were almost all static images);
 * `everyUrl: true`, which `configs.strict` sets, reports every http: URL.
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
			link:
				"Link {{url}} uses http:, so the click and any id in the URL travel unencrypted: use https: (" +
				cite("gdpr-32-1") +
				").",
			image:
				"Image {{url}} loads over http:, so clients may block it and the request travels unencrypted: use https: (" +
				cite("gdpr-32-1") +
				").",
			upgrade: "Change to https://{{host}} (check first that {{host}} serves this URL over HTTPS).",
		},
		schema: [
			{
				type: "object",
				properties: {
					safeHosts: safeHostsOptionSchema,
					everyUrl: {
						type: "boolean",
						description:
							"Report every http: link and image, not only those that carry a merge tag or an identifying query parameter (`configs.strict` sets it).",
					},
				},
				additionalProperties: false,
			},
		],
		defaultOptions: [{ safeHosts: [], everyUrl: false }],
		languages: ["mailcomply/mjml", "mailcomply/html"],
	},
	create(context) {
		const [{ safeHosts = [], everyUrl = false }] = context.options;
		return {
			"Document:exit"() {
				reportInsecureUrls(
					context,
					safeHosts,
					// Opt-outs and forms are require-https's findings; a URL that says nothing about the reader only with everyUrl.
					(resource, url) =>
						resource.kind === "form" || resource.optOut || (!everyUrl && !carriesReaderData(resource, url))
							? undefined
							: resource.kind === "image"
								? "image"
								: "link",
					shortenText,
				);
			},
		};
	},
};

export default rule;
