import { isMarketingEmail } from "../src/campaign/marketing-email.js";
import { shortenText } from "../src/analyses/text.js";
import { headerPair, reportNode, sidecarFacts } from "../src/analyses/campaign-facts.js";
import type { CampaignDocument, CampaignNode } from "../src/campaign/ast.js";
import { parseListUnsubscribe } from "../src/analyses/list-unsubscribe-header.js";
import { ruleDocsUrl } from "../src/rule-docs.js";
import { ESP_CATALOGUE, espAddsListUnsubscribeHeaders } from "../src/lexicons/esp-merge-tags.js";
import type { CampaignRuleDefinition } from "../src/types.js";

type MessageIds = "missing" | "malformed" | "httpOnly" | "mailtoOnly" | "missingPost" | "badPost" | "postWithoutHttps" | "recipientInUri";

const ONE_CLICK = "List-Unsubscribe=One-Click";

/**
 * Gmail and Yahoo require bulk senders of marketing mail to offer RFC 8058
 * one-click unsubscribe. It is a mailbox provider's policy, not a law, so
 * the rule warns; and it applies whatever the recipients' countries.
 */
const rule: CampaignRuleDefinition<{ RuleOptions: []; MessageIds: MessageIds }> = {
	meta: {
		type: "suggestion",
		docs: {
			description: "Require RFC 8058 one-click unsubscribe headers (List-Unsubscribe with an https: URI and List-Unsubscribe-Post) on marketing e-mail",
			url: ruleDocsUrl("one-click-unsubscribe"),
			citations: ["rfc-2369", "rfc-8058", "google-sender-guidelines", "yahoo-sender-requirements", "microsoft-outlook-high-volume"],
			recommended: true,
			assumes: ["kind"],
			severity: "warn",
		},
		messages: {
			missing:
				"This marketing e-mail declares no `List-Unsubscribe` header{{esp}}. Gmail and Yahoo require one-click unsubscribe from bulk senders since February 2024: declare `List-Unsubscribe: \"<https://…>\"` and `List-Unsubscribe-Post: List-Unsubscribe=One-Click` under `headers` (RFC 2369, RFC 8058), or `espAddsHeaders: true` if your ESP adds them.",
			malformed:
				"`List-Unsubscribe` is not valid RFC 2369 syntax: {{reason}}. Write each URI in angle brackets, separated by commas: `<https://example.com/u/8f3a2c>, <mailto:unsubscribe@example.com>`.",
			httpOnly:
				"`List-Unsubscribe` offers {{uri}} over plain http: only. One-click unsubscribe (RFC 8058) needs an https: URI, and Gmail and Yahoo require it from bulk senders: serve the opt-out over https.",
			mailtoOnly:
				"`List-Unsubscribe` offers only mailto:. Gmail and Yahoo require one-click unsubscribe from bulk senders, which needs an https: URI (RFC 8058): add `<https://…>` before the mailto: and `List-Unsubscribe-Post: List-Unsubscribe=One-Click`.",
			missingPost:
				"`List-Unsubscribe` has an https: URI but there is no `List-Unsubscribe-Post: List-Unsubscribe=One-Click`, so mail clients cannot unsubscribe with one click (RFC 8058; required by Gmail and Yahoo for bulk senders). Add it under `headers`.",
			badPost: "`List-Unsubscribe-Post` must be exactly `List-Unsubscribe=One-Click` (RFC 8058), not \"{{value}}\".",
			postWithoutHttps:
				"`List-Unsubscribe-Post` announces one-click unsubscribe, but `List-Unsubscribe` has no https: URI to POST to (RFC 8058). Add `<https://…>` to `List-Unsubscribe`.",
			recipientInUri:
				"The unsubscribe URI \"{{uri}}\" carries the recipient's e-mail address in clear text ({{evidence}}). Anyone who sees the URL (logs, proxies, a forwarded mail) learns the address and can unsubscribe that person; RFC 8058 asks for an opaque, hard-to-forge identifier instead. Use a subscriber ID or signed token.",
		},
		schema: [],
		languages: ["mailcomply/campaign"],
	},

	create(context) {
		const { sourceCode } = context;
		return {
			CampaignDocument(doc) {
				if (doc.body?.type !== "CampaignMapping") return;
				const { campaign, declared } = sidecarFacts(sourceCode, context.settings);
				if (!isMarketingEmail(campaign)) return;
				const headers = campaign.headers ?? {};
				const listUnsubscribe = headerValue(headers, "List-Unsubscribe");
				const post = headerValue(headers, "List-Unsubscribe-Post");
				const where = (name: string): CampaignNode => headerPair(doc, name)?.value ?? reportNode(doc, ["headers"]);

				if (listUnsubscribe === undefined) {
					if (post !== undefined) {
						context.report({ node: where("List-Unsubscribe-Post"), messageId: "postWithoutHttps" });
						return;
					}
					if (espAddsHeaders(campaign.esp, campaign.espAddsHeaders, declared.has("espAddsHeaders"))) return;
					const esp = campaign.esp && campaign.esp !== "other" ? ` and ${ESP_CATALOGUE[campaign.esp].name} is not known to add it by itself` : "";
					context.report({ node: missingNode(doc), messageId: "missing", data: { esp } });
					return;
				}

				const parsed = parseListUnsubscribe(listUnsubscribe);
				if (!parsed.ok) {
					context.report({ node: where("List-Unsubscribe"), messageId: "malformed", data: { reason: parsed.reason } });
					return;
				}
				// A URI that is one merge tag may well be https; only what is written is judged.
				const https = parsed.uris.some((uri) => uri.scheme === "https" || uri.scheme === "merge-tag");
				// One finding for a missing https: URI; the Post header's complaint would repeat it.
				let reportedNoHttps = false;
				if (!https) {
					const http = parsed.uris.find((uri) => uri.scheme === "http");
					const messageId = http ? "httpOnly" : parsed.uris.some((uri) => uri.scheme === "mailto") ? "mailtoOnly" : undefined;
					if (messageId) {
						context.report({ node: where("List-Unsubscribe"), messageId, data: { uri: http?.text ?? "" } });
						reportedNoHttps = true;
					}
				}
				for (const uri of parsed.uris) {
					if (uri.recipientAddress !== undefined) {
						context.report({ node: where("List-Unsubscribe"), messageId: "recipientInUri", data: { uri: shortenText(uri.text, 80), evidence: uri.recipientAddress } });
					}
				}
				if (post === undefined) {
					if (https) context.report({ node: where("List-Unsubscribe"), messageId: "missingPost" });
				} else if (post.trim() !== ONE_CLICK) {
					context.report({ node: where("List-Unsubscribe-Post"), messageId: "badPost", data: { value: post } });
				} else if (!https && !reportedNoHttps) {
					context.report({ node: where("List-Unsubscribe-Post"), messageId: "postWithoutHttps" });
				}
			},
		};
	},
};

export default rule;

/** Header names are case-insensitive; the model keeps the schema's spelling, settings may not. */
function headerValue(headers: Record<string, string>, name: string): string | undefined {
	const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
	return key === undefined ? undefined : headers[key];
}

/** `espAddsHeaders` as declared, else what the ESP is known to do without any setting. */
function espAddsHeaders(esp: Parameters<typeof espAddsListUnsubscribeHeaders>[0] | undefined, value: boolean | undefined, isDeclared: boolean): boolean {
	if (isDeclared) return value === true;
	return esp !== undefined && espAddsListUnsubscribeHeaders(esp);
}

/** The `headers` block if there is one, else the ESP, else the first fact. */
function missingNode(doc: CampaignDocument): CampaignNode {
	return reportNode(doc, ["headers"]) !== (doc.body ?? doc) ? reportNode(doc, ["headers"]) : reportNode(doc, ["esp"]);
}

