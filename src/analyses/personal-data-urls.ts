import type { MergeTagNode } from "../ast/types.js";
import type { Campaign } from "../campaign/types.js";
import type { TemplateSourceCode } from "../languages/template-source-code.js";
import { classifyMergeTag } from "../lexicons/esp-merge-tags/matcher.js";
import {
	LITERAL_EMAIL,
	PHONE_PARAMETER,
	personalDataOf,
	type PersonalDataKind,
} from "../lexicons/personal-data-fields.js";
import { getResourceUrls, type ResourceUrl } from "./resource-urls.js";
import { getUnsubscribeLinks } from "./unsubscribe-links.js";
import type { MessageUrlNode, TextMessageNode, TextPartNode } from "../text-message/ast.js";
import { textUrlTarget, urlPieces, type UrlPiece } from "./message-text.js";
import { isOptOutUrl } from "./text-opt-out.js";

export interface PersonalDatum {
	kind: PersonalDataKind;
	/** What was found, as written: `{{ subscriber.email }}` or the literal address. */
	evidence: string;
}

export interface PersonalDataUrl {
	resource: ResourceUrl;
	host: string;
	data: PersonalDatum[];
}

/**
 * URLs whose path or query carries a recipient's personal data in clear
 * text. The host is not judged here (see `isOwnHost`); a URL whose host is
 * itself a merge tag is skipped, since where it goes is unknown.
 */
export function getPersonalDataUrls(sourceCode: TemplateSourceCode): PersonalDataUrl[] {
	return sourceCode.memo(findPersonalDataUrls);
}

function findPersonalDataUrls(sourceCode: TemplateSourceCode): PersonalDataUrl[] {
	const found: PersonalDataUrl[] = [];
	const kindOf = tagKinds();
	for (const resource of getResourceUrls(sourceCode)) {
		const target = resource.target;
		if (target.kind !== "url" || /[{}%[\]|<>#$]/u.test(target.host) || target.host === "") continue;
		const data = personalDataInUrl(resource.attribute.parts, kindOf);
		if (data.length > 0) found.push({ resource, host: target.host, data });
	}
	return found;
}

/** A URL in a text message or plain-text part that carries personal data, with the host it goes to. */
export interface PersonalDataTextUrl {
	part: TextPartNode;
	url: MessageUrlNode;
	host: string;
	data: PersonalDatum[];
}

/** The same for the URLs of a text: an SMS, a WhatsApp template, a plain-text part. */
export function findPersonalDataTextUrls(message: TextMessageNode): PersonalDataTextUrl[] {
	const found: PersonalDataTextUrl[] = [];
	const kindOf = tagKinds();
	for (const part of message.children) {
		for (const url of part.children) {
			if (url.type !== "MessageUrl") continue;
			const target = textUrlTarget(part, url);
			if (target.kind !== "url" || /[{}%[\]|<>#$]/u.test(target.host) || target.host === "") continue;
			const data = personalDataInUrl(urlPieces(part, url), kindOf);
			if (data.length > 0) found.push({ part, url, host: target.host, data });
		}
	}
	return found;
}

/** Personal data after the host and before any `#fragment` (a fragment is never sent to the server). */
function personalDataInUrl(parts: readonly UrlPiece[], kindOf: TagKinds): PersonalDatum[] {
	const data: PersonalDatum[] = [];
	let written = "";
	let afterHost = false;
	let inFragment = false;
	for (const part of parts) {
		if (part.type === "Text") {
			const start = written.length;
			written += part.value;
			if (!afterHost) afterHost = /^\s*(?:https?:)?\/\/[^/?#]*[/?#]/iu.test(written);
			if (!inFragment && written.indexOf("#", start) >= 0 && afterHost) inFragment = true;
			continue;
		}
		written += part.raw;
		if (!afterHost || inFragment) continue;
		const kind = kindOf(part);
		if (kind) data.push({ kind, evidence: part.raw });
	}
	const literal = written.split("#")[0] ?? "";
	const query = literal.indexOf("?") >= 0 ? literal.slice(literal.indexOf("?") + 1) : "";
	const email = literal
		.replace(/^\s*(?:https?:)?\/\/[^/?#]*/iu, "")
		.split(/[/?&=;]/u)
		.find((segment) => LITERAL_EMAIL.test(segment));
	if (email && !data.some((datum) => datum.kind === "email")) data.push({ kind: "email", evidence: email });
	for (const pair of query.split("&")) {
		const [name = "", value = ""] = pair.split("=");
		if (PHONE_PARAMETER.test(name) && /^[+\d\s().%-]{7,}$/u.test(value) && (value.match(/\d/gu)?.length ?? 0) >= 7) {
			data.push({ kind: "phone", evidence: pair });
		}
	}
	return data;
}

/** The personal data a merge tag outputs in clear text; undefined for none, or for the sender's own details. */
type TagKinds = (tag: Pick<MergeTagNode, "syntax" | "expression">) => PersonalDataKind | undefined;

/**
 * {@link TagKinds} that reads each distinct tag once: a long message repeats its tags (a 1 MB SMS with a tracked
 * link on each line has thousands of `{{ email }}`), and reading one costs an ESP tag lookup and a word split.
 */
function tagKinds(): TagKinds {
	const known = new Map<string, PersonalDataKind | undefined>();
	return (tag) => {
		const key = `${tag.syntax}\0${tag.expression}`;
		if (known.has(key)) return known.get(key);
		const kind = personalDataOf(tag.expression);
		const found = kind !== undefined && !isSenderDetail(tag) ? kind : undefined;
		known.set(key, found);
		return found;
	};
}

/** ESP tags for the sender's own postal address or company name are not the recipient's data. */
function isSenderDetail(tag: Pick<MergeTagNode, "syntax" | "expression">): boolean {
	return classifyMergeTag(tag).some((match) => match.role === "address" || match.role === "company");
}

/**
 * The sender's own registrable domains: from the option, the sidecar's
 * `sender.email`, and the hosts of the mail's opt-out links. Without any,
 * the domain most of the mail's links point to stands in for the sender's site.
 */
export function senderDomains(
	sourceCode: TemplateSourceCode,
	campaign: Campaign,
	extra: readonly string[],
): Set<string> {
	const optOutHosts: string[] = [];
	for (const optOut of getUnsubscribeLinks(sourceCode).optOuts) {
		if (optOut.kind === "link" && optOut.link.target.kind === "url" && optOut.link.target.host)
			optOutHosts.push(optOut.link.target.host);
	}
	const linkHosts: string[] = [];
	for (const resource of getResourceUrls(sourceCode)) {
		if (resource.kind === "link" && resource.target.kind === "url" && resource.target.host)
			linkHosts.push(resource.target.host);
	}
	return ownDomains(campaign, extra, optOutHosts, linkHosts);
}

/** The same for a text: its opt-out URLs' hosts, else the host most of its URLs go to. */
export function textSenderDomains(message: TextMessageNode, campaign: Campaign, extra: readonly string[]): Set<string> {
	const optOutHosts: string[] = [];
	const linkHosts: string[] = [];
	for (const part of message.children) {
		for (const url of part.children) {
			if (url.type !== "MessageUrl") continue;
			const target = textUrlTarget(part, url);
			if (target.kind !== "url" || !target.host) continue;
			linkHosts.push(target.host);
			if (isOptOutUrl(part, url)) optOutHosts.push(target.host);
		}
	}
	return ownDomains(campaign, extra, optOutHosts, linkHosts);
}

function ownDomains(
	campaign: Campaign,
	extra: readonly string[],
	optOutHosts: readonly string[],
	linkHosts: readonly string[],
): Set<string> {
	const domains = new Set(extra.map((domain) => siteOf(domain.trim().toLowerCase().replace(/^\*\./u, ""))));
	const email = campaign.sender?.email;
	if (email?.includes("@")) domains.add(siteOf(email.split("@").pop()!.toLowerCase()));
	for (const host of optOutHosts) domains.add(siteOf(host));
	if (domains.size > 0) return domains;
	const counts = new Map<string, number>();
	for (const host of linkHosts) counts.set(siteOf(host), (counts.get(siteOf(host)) ?? 0) + 1);
	const [top] = [...counts].sort((a, b) => b[1] - a[1]);
	if (top) domains.add(top[0]);
	return domains;
}

/** Second-level labels under which registrations happen, for the country domains mail senders use most. */
const SECOND_LEVEL = /\.(?:co|com|org|net|ac|gov|ltd|plc|me|or|ne)\.[a-z]{2}$/u;

/** The registrable domain of a host (`news.shop.co.uk` → `shop.co.uk`), approximately: no public-suffix list. */
export function siteOf(host: string): string {
	const labels = host.replace(/\.$/u, "").split(".");
	const keep = SECOND_LEVEL.test(host) ? 3 : 2;
	return labels.slice(-keep).join(".");
}
