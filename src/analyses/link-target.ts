import type { AttributeNode, MergeTagNode } from "../ast/types.js";
import { shortenText } from "./text.js";

/**
 * What a link's `href` leads to, decided once so that every rule agrees on
 * what "a working link" means.
 */
export type LinkTarget =
	| { kind: "missing" }
	| { kind: "empty" }
	/** `#`, `#top`: goes nowhere in an e-mail. */
	| { kind: "fragment"; value: string }
	| { kind: "javascript"; value: string }
	/** The whole target is one or more merge tags that the ESP fills in at send time. */
	| { kind: "merge-tag"; tags: MergeTagNode[] }
	| { kind: "mailto"; value: string; address: string; tags: MergeTagNode[] }
	| {
			kind: "url";
			url: string;
			scheme: "https" | "http" | "protocol-relative";
			host: string;
			path: string;
			/** The host is a stand-in such as example.com or yourdomain.com. */
			placeholderHost: boolean;
			tags: MergeTagNode[];
	  }
	/** A relative path: there is no base URL in an e-mail, so it cannot resolve. */
	| { kind: "relative"; value: string }
	| { kind: "other"; value: string };

const PLACEHOLDER_HOSTS =
	/^(?:[\w-]+\.)*(?:example\.(?:com|org|net)|example|(?:your|my)-?(?:domain|site|website|company|url|link)\.[a-z]{2,}|domain\.(?:com|tld)|test\.com|placeholder\.[a-z]{2,}|url\.com|link\.com|website\.com)$/iu;

export function classifyTarget(href: AttributeNode | undefined): LinkTarget {
	if (!href || href.value === null) return { kind: "missing" };
	const value = href.value.trim();
	const tags = href.parts.filter((part): part is MergeTagNode => part.type === "MergeTag");
	if (value === "") return { kind: "empty" };
	const literal = href.parts
		.filter((part) => part.type === "Text")
		.map((part) => (part.type === "Text" ? part.value : ""))
		.join("")
		.trim();
	if (tags.length > 0 && literal === "") return { kind: "merge-tag", tags };
	if (value.startsWith("#")) return { kind: "fragment", value };
	if (/^javascript:/iu.test(value)) return { kind: "javascript", value };
	if (/^mailto:/iu.test(value))
		return { kind: "mailto", value, address: value.slice("mailto:".length).split("?")[0] ?? "", tags };
	const url = /^(https?:)?\/\/([^/?#\s]*)([^?#\s]*)/iu.exec(value);
	if (url) {
		const scheme = url[1] ? (url[1].toLowerCase() === "https:" ? "https" : "http") : "protocol-relative";
		const host = (url[2] ?? "")
			.toLowerCase()
			.replace(/^[^@]*@/u, "")
			.replace(/:\d+$/u, "");
		return {
			kind: "url",
			url: value,
			scheme,
			host,
			path: url[3] ?? "",
			placeholderHost: PLACEHOLDER_HOSTS.test(host),
			tags,
		};
	}
	// A merge tag in front of a path, e.g. `{{ base_url }}/unsubscribe`, is filled in at send time.
	if (tags.length > 0 && href.parts[0]?.type === "MergeTag") return { kind: "merge-tag", tags };
	if (/^[a-z][a-z0-9+.-]*:/iu.test(value)) return { kind: "other", value };
	return { kind: "relative", value };
}

/**
 * Why a link cannot lead anywhere from an e-mail, for the targets that never
 * can (no href, empty, `#`, `javascript:`, a relative path, another scheme);
 * undefined for web, mailto and merge-tag targets, whose verdict depends on
 * what the link is for.
 */
export function unusableTargetReason(target: LinkTarget): string | undefined {
	switch (target.kind) {
		case "missing":
			return "it has no href";
		case "empty":
			return "its href is empty";
		case "fragment":
			return `href="${target.value}"`;
		case "javascript":
			return "javascript: links do not run in e-mail clients";
		case "relative":
			return `"${shortenText(target.value)}" is a relative path, and an e-mail has no base address to resolve it against`;
		case "other":
			return `"${shortenText(target.value)}" is not a web or mailto: address`;
		default:
			return undefined;
	}
}
