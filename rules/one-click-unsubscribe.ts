import { isMarketingEmail } from "../src/campaign/marketing-email.js";
import { shortenText } from "../src/analyses/text.js";
import { headerPair, reportNode, sidecarFacts } from "../src/analyses/campaign-facts.js";
import type { CampaignDocument, CampaignNode } from "../src/campaign/ast.js";
import { parseListUnsubscribe } from "../src/analyses/list-unsubscribe-header.js";
import { ruleDocsUrl } from "../src/rule-docs.js";
import { ESP_CATALOGUE } from "../src/lexicons/esp-merge-tags/catalogue.js";
import { espAddsListUnsubscribeHeaders } from "../src/lexicons/esp-merge-tags/esp-behaviour.js";
import type { TemplateOrCampaignRuleDefinition } from "../src/types.js";
import type { CampaignSourceCode } from "../src/languages/campaign-source-code.js";
import { DECLARABLE_HEADERS, EmlSourceCode } from "../src/languages/eml-source-code.js";
import { escapeRegExp, findMergeTags } from "../src/template/merge-tags.js";
import { findTemplateFor } from "../src/campaign/sidecar.js";
import type { HeaderNode } from "../src/eml/read-message.js";
import type { SourceLocation } from "../src/ast/types.js";

type MessageIds =
	| "missing"
	| "malformed"
	| "httpOnly"
	| "mailtoOnly"
	| "missingPost"
	| "badPost"
	| "postWithoutHttps"
	| "recipientInUri"
	| "missingSent"
	| "missingPostSent"
	| "notSigned"
	| "declaredDiffers";

type HeaderName = "List-Unsubscribe" | "List-Unsubscribe-Post";

/** A finding about the two headers, wherever they are written (a sidecar's `headers`, or a message's own). */
interface HeaderFinding {
	messageId: MessageIds;
	on: HeaderName;
	data?: Record<string, string>;
}

const ONE_CLICK = "List-Unsubscribe=One-Click";

/**
 * Gmail and Yahoo require bulk senders of marketing mail to offer RFC 8058
 * one-click unsubscribe. It is a mailbox provider's policy, not a law, so
 * the rule warns; and it applies whatever the recipients' countries.
 * A sidecar declares the headers its ESP will send; a captured message
 * (`.eml`) shows the headers that were sent, and whether its DKIM
 * signature covers them (RFC 8058 §4).
 */
const rule: TemplateOrCampaignRuleDefinition<{ RuleOptions: []; MessageIds: MessageIds }> = {
	meta: {
		type: "suggestion",
		docs: {
			description:
				"Require RFC 8058 one-click unsubscribe headers (List-Unsubscribe with an https: URI and List-Unsubscribe-Post) on marketing e-mail",
			url: ruleDocsUrl("one-click-unsubscribe"),
			fix: "Send List-Unsubscribe (https) and List-Unsubscribe-Post headers.",
			citations: [
				"rfc-2369",
				"rfc-8058",
				"google-sender-guidelines",
				"yahoo-sender-requirements",
				"microsoft-outlook-high-volume",
			],
			recommended: true,
			assumes: ["kind"],
			severity: "warn",
		},
		messages: {
			missing:
				"No `List-Unsubscribe`: declare it and `List-Unsubscribe-Post` in `headers`, or `espAddsHeaders: true` if {{esp}} adds them (RFC 8058).",
			malformed:
				"`List-Unsubscribe` is not valid RFC 2369 syntax ({{reason}}): write each URI in angle brackets, separated by commas: `<https://…>, <mailto:…>`.",
			httpOnly:
				"`List-Unsubscribe` offers {{uri}}, http: only: add an https: URI for one-click unsubscribe (RFC 8058).",
			mailtoOnly:
				"`List-Unsubscribe` offers only a mailto: URI: add `<https://…>` and `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058; Gmail, Yahoo).",
			missingPost:
				"`List-Unsubscribe` has an https: URI but no `List-Unsubscribe-Post: List-Unsubscribe=One-Click`: add it under `headers` (RFC 8058; Gmail, Yahoo).",
			badPost: '`List-Unsubscribe-Post` must be exactly `List-Unsubscribe=One-Click` (RFC 8058), not "{{value}}".',
			postWithoutHttps:
				"`List-Unsubscribe-Post` announces one-click unsubscribe, but `List-Unsubscribe` has no https: URI to POST to: add `<https://…>` (RFC 8058).",
			missingSent:
				"This marketing message has no `List-Unsubscribe` header: have your ESP or mailer add it and `List-Unsubscribe-Post` (RFC 8058; Gmail, Yahoo).",
			missingPostSent:
				"No `List-Unsubscribe-Post: List-Unsubscribe=One-Click` beside the https: `List-Unsubscribe`: have your ESP add it (RFC 8058).",
			notSigned: "DKIM does not sign {{headers}} (`h=` lists {{signed}}): have your ESP sign them (RFC 8058 §4).",
			declaredDiffers:
				"The campaign facts declare `{{name}}: {{declared}}` but the message carries {{sent}}: correct the sidecar's `headers` or the mailer so they agree.",
			recipientInUri:
				'The unsubscribe URI "{{uri}}" shows the address ({{evidence}}): use a subscriber ID or signed token (RFC 8058).',
		},
		schema: [],
		languages: ["mailcomply/campaign", "mailcomply/eml"],
	},

	create(context) {
		return {
			// A captured message: the headers it carries.
			"Document:exit"() {
				if (!(context.sourceCode instanceof EmlSourceCode)) return;
				const message = context.sourceCode;
				const { campaign, declared } = message.getCampaign(context.settings);
				const top: SourceLocation = message.message.headers[0]?.loc ?? {
					start: { line: 1, column: 1 },
					end: { line: 1, column: 1 },
				};
				// The headers a sidecar declares are a claim about what is sent: the message shows whether it holds.
				const declaredHeaders = message.declaredHeaders(context.settings) ?? {};
				for (const name of DECLARABLE_HEADERS) {
					const value = headerValue(declaredHeaders, name);
					const sent = message.headers(name)[0];
					if (value === undefined || (sent && sameHeaderValue(value, sent.value))) continue;
					// A capture taken before the ESP adds its headers (declared so) does not show them yet.
					if (!sent && espAddsHeaders(campaign.esp, campaign.espAddsHeaders, declared.has("espAddsHeaders"))) continue;
					context.report({
						loc: sent?.loc ?? top,
						messageId: "declaredDiffers",
						data: {
							name,
							declared: shortenText(value, 80),
							sent: sent ? `\`${shortenText(sent.value, 80)}\`` : "none",
						},
					});
				}
				if (!isMarketingEmail(campaign)) return;
				const first = (name: string): HeaderNode | undefined => message.headers(name)[0];
				const unsubscribe = first("List-Unsubscribe");
				const post = first("List-Unsubscribe-Post");
				const at = (name: HeaderName) => first(name)?.loc ?? top;
				const findings = headerFindings(unsubscribe?.value, post?.value);
				if (findings === "missing") {
					// A capture taken before the ESP adds its headers (declared with espAddsHeaders) is not the message as delivered.
					if (!espAddsHeaders(campaign.esp, campaign.espAddsHeaders, declared.has("espAddsHeaders")))
						context.report({ loc: top, messageId: "missingSent" });
					return;
				}
				for (const finding of findings) {
					const messageId = finding.messageId === "missingPost" ? "missingPostSent" : finding.messageId;
					context.report({ loc: at(finding.on), messageId, ...(finding.data ? { data: finding.data } : {}) });
				}
				const signatures = message.headers("DKIM-Signature");
				if (signatures.length === 0 || !unsubscribe) return;
				const needed = [unsubscribe, post]
					.filter((header): header is HeaderNode => header !== undefined)
					.map((header) => header.name);
				const covers = (signature: HeaderNode) => {
					const signed = signedHeaders(signature.value);
					return needed.every((name) => signed.includes(name.toLowerCase()));
				};
				if (signatures.some(covers)) return;
				const signed = signedHeaders(signatures[0]!.value);
				const missing = needed.filter((name) => !signed.includes(name.toLowerCase()));
				context.report({
					loc: signatures[0]!.loc,
					messageId: "notSigned",
					data: {
						headers: missing.map((name) => `\`${name}\``).join(" and "),
						signed: signed.length > 0 ? `\`${signed.join(":")}\`` : "no headers",
					},
				});
			},
			CampaignDocument(doc) {
				const sourceCode = context.sourceCode as CampaignSourceCode;
				if (doc.body?.type !== "CampaignMapping") return;
				// The sidecar of a captured message: the headers that were sent are checked on the message itself.
				if (sourceCode.physicalPath && /\.eml$/iu.test(findTemplateFor(sourceCode.physicalPath) ?? "")) return;
				const { campaign, declared } = sidecarFacts(sourceCode, context.settings);
				if (!isMarketingEmail(campaign)) return;
				const headers = campaign.headers ?? {};
				const listUnsubscribe = headerValue(headers, "List-Unsubscribe");
				const post = headerValue(headers, "List-Unsubscribe-Post");
				const where = (name: string): CampaignNode => headerPair(doc, name)?.value ?? reportNode(doc, ["headers"]);

				const findings = headerFindings(listUnsubscribe, post);
				if (findings === "missing") {
					if (espAddsHeaders(campaign.esp, campaign.espAddsHeaders, declared.has("espAddsHeaders"))) return;
					// A known ESP is not known to add the headers (else the rule returned above): the user may know better.
					const esp = campaign.esp && campaign.esp !== "other" ? ESP_CATALOGUE[campaign.esp].name : "your ESP";
					context.report({ node: missingNode(doc), messageId: "missing", data: { esp } });
					return;
				}
				for (const finding of findings)
					context.report({
						node: where(finding.on),
						messageId: finding.messageId,
						...(finding.data ? { data: finding.data } : {}),
					});
			},
		};
	},
};

export default rule;

/**
 * What is wrong with a `List-Unsubscribe` and `List-Unsubscribe-Post` pair
 * (RFC 2369, RFC 8058), wherever they are written; `"missing"` when there
 * is neither.
 */
function headerFindings(listUnsubscribe: string | undefined, post: string | undefined): HeaderFinding[] | "missing" {
	if (listUnsubscribe === undefined)
		return post === undefined ? "missing" : [{ messageId: "postWithoutHttps", on: "List-Unsubscribe-Post" }];
	const parsed = parseListUnsubscribe(listUnsubscribe);
	if (!parsed.ok) return [{ messageId: "malformed", on: "List-Unsubscribe", data: { reason: parsed.reason } }];
	const findings: HeaderFinding[] = [];
	// A URI that is one merge tag may well be https; only what is written is judged.
	const https = parsed.uris.some((uri) => uri.scheme === "https" || uri.scheme === "merge-tag");
	// One finding for a missing https: URI; the Post header's complaint would repeat it.
	let reportedNoHttps = false;
	if (!https) {
		const http = parsed.uris.find((uri) => uri.scheme === "http");
		const messageId = http ? "httpOnly" : parsed.uris.some((uri) => uri.scheme === "mailto") ? "mailtoOnly" : undefined;
		if (messageId) {
			findings.push({ messageId, on: "List-Unsubscribe", data: { uri: http?.text ?? "" } });
			reportedNoHttps = true;
		}
	}
	for (const uri of parsed.uris) {
		if (uri.recipientAddress !== undefined)
			findings.push({
				messageId: "recipientInUri",
				on: "List-Unsubscribe",
				data: { uri: shortenText(uri.text, 80), evidence: uri.recipientAddress },
			});
	}
	if (post === undefined) {
		if (https) findings.push({ messageId: "missingPost", on: "List-Unsubscribe" });
	} else if (post.trim() !== ONE_CLICK) {
		findings.push({ messageId: "badPost", on: "List-Unsubscribe-Post", data: { value: post } });
	} else if (!https && !reportedNoHttps) {
		findings.push({ messageId: "postWithoutHttps", on: "List-Unsubscribe-Post" });
	}
	return findings;
}

/** The header names a `DKIM-Signature` signs: its `h=` tag (RFC 6376 §3.5), lower case. */
function signedHeaders(signature: string): string[] {
	for (const tag of signature.split(";")) {
		const [name, ...value] = tag.split("=");
		if (name?.trim().toLowerCase() === "h")
			return value
				.join("=")
				.split(":")
				.map((header) => header.replace(/\s+/gu, "").toLowerCase())
				.filter(Boolean);
	}
	return [];
}

/**
 * Whether a declared header value is the one sent: spaces and folding aside,
 * and a merge tag in the declaration (`<https://…/u/*|UNIQID|*>`) standing
 * for whatever the ESP filled in.
 */
function sameHeaderValue(declared: string, sent: string): boolean {
	const normal = (value: string) => value.replace(/\s+/gu, " ").trim();
	const text = normal(declared);
	let pattern = "";
	let at = 0;
	for (const tag of findMergeTags(text)) {
		pattern += escapeRegExp(text.slice(at, tag.start)) + ".+?";
		at = tag.end;
	}
	pattern += escapeRegExp(text.slice(at));
	return new RegExp(`^${pattern}$`, "iu").test(normal(sent));
}

/** Header names are case-insensitive; the model keeps the schema's spelling, settings may not. */
function headerValue(headers: Record<string, string>, name: string): string | undefined {
	const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
	return key === undefined ? undefined : headers[key];
}

/** `espAddsHeaders` as declared, else what the ESP is known to do without any setting. */
function espAddsHeaders(
	esp: Parameters<typeof espAddsListUnsubscribeHeaders>[0] | undefined,
	value: boolean | undefined,
	isDeclared: boolean,
): boolean {
	if (isDeclared) return value === true;
	return esp !== undefined && espAddsListUnsubscribeHeaders(esp);
}

/** The `headers` block if there is one, else the ESP, else the first fact. */
function missingNode(doc: CampaignDocument): CampaignNode {
	return reportNode(doc, ["headers"]) !== (doc.body ?? doc) ? reportNode(doc, ["headers"]) : reportNode(doc, ["esp"]);
}
