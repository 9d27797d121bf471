import type { MessageRuleDefinition } from "../src/types.js";
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
const rule: MessageRuleDefinition<{ RuleOptions: Options; MessageIds: MessageIds }> = {
	meta: {
		type: "suggestion",
		docs: {
			description: "Report links, images, tracking pixels and WhatsApp URL buttons that use plain http:",
			url: ruleDocsUrl("prefer-https"),
			fix: "Use https: links and images.",
			citations: ["gdpr-32-1"],
			recommended: true,
			severity: "warn",
		},
		fixable: "code",
		// The fix and the suggestion are built by reportInsecureUrls, shared by both HTTPS rules.
		hasSuggestions: true,
		messages: {
			link:
				"Link {{url}} uses http:, so the click and any id in the URL travel unencrypted: use https: (" +
				cite("gdpr-32-1") +
				").",
			// Reported through reportInsecureUrls, which takes the message id from the callback below.
			// eslint-disable-next-line eslint-plugin/no-unused-message-ids
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
		languages: ["mailcomply/mjml", "mailcomply/html", "mailcomply/whatsapp"],
	},
	create(context) {
		const [{ safeHosts = [], everyUrl = false }] = context.options;
		return {
			// A WhatsApp URL button opens its `url` when tapped: the same click over plain http:.
			TextPart(part) {
				const url = part.url;
				if (part.role !== "button" || !url || !part.urlLoc || !/^http:\/\//iu.test(url)) return;
				if (!everyUrl && !/\{\{[^{}]*\}\}/u.test(url) && !IDENTIFYING_PARAMETER.test(url)) return;
				const start = context.sourceCode.getIndexFromLoc(part.urlLoc.start) + 1;
				const scheme: [number, number] = [start, start + "http:".length];
				const host = /^http:\/\/([^/?#{}]+)/iu.exec(url)?.[1] ?? "";
				const fixable = context.sourceCode.text.slice(...scheme).toLowerCase() === "http:";
				context.report({
					loc: part.urlLoc,
					messageId: "link",
					data: { url: shortenText(url) },
					suggest: fixable
						? [{ messageId: "upgrade", data: { host }, fix: (fixer) => fixer.replaceTextRange(scheme, "https:") }]
						: [],
				});
			},
			"Document:exit"() {
				reportInsecureUrls(
					// `Document` is a template's root: its source code is a TemplateSourceCode.
					context as unknown as Parameters<typeof reportInsecureUrls>[0],
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
