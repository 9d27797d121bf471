import type { RuleFixer } from "@eslint/core";
import type { Range } from "../ast/types.js";
import type { TemplateSourceCode } from "../languages/template-source-code.js";
import { getResourceUrls, type ResourceUrl } from "./resource-urls.js";

export interface InsecureUrl {
	resource: ResourceUrl;
	url: string;
	host: string;
	/** Where `http` is written in the file, when it can be edited there (not in an included partial, no character reference). */
	schemeRange: Range | undefined;
}

/**
 * Every `http:` URL the mail links to, loads or posts to. Merge tags that
 * stand for the whole URL, `mailto:` and protocol-relative `//host` URLs are
 * not `http:` as written and are left alone.
 */
export function getInsecureUrls(sourceCode: TemplateSourceCode): InsecureUrl[] {
	return sourceCode.memo(findInsecureUrls);
}

function findInsecureUrls(sourceCode: TemplateSourceCode): InsecureUrl[] {
	const found: InsecureUrl[] = [];
	for (const resource of getResourceUrls(sourceCode)) {
		const target = resource.target;
		// `http://` with no host is an unfilled placeholder, not an insecure address.
		if (target.kind !== "url" || target.scheme !== "http" || target.host === "") continue;
		found.push({ resource, url: target.url, host: target.host, schemeRange: schemeRange(sourceCode, resource) });
	}
	return found;
}

function schemeRange(sourceCode: TemplateSourceCode, { attribute }: ResourceUrl): Range | undefined {
	const first = attribute.parts[0];
	if (!first || first.type !== "Text" || attribute.origin || first.origin) return undefined;
	const offset = first.value.search(/\S/u);
	if (offset < 0) return undefined;
	const start = first.range[0] + offset;
	// Only when the file says `http:` right there (a decoded `&#104;ttp:` would shift the offsets).
	if (sourceCode.text.slice(start, start + 5).toLowerCase() !== "http:") return undefined;
	return [start, start + 4];
}

/** `example.com` matches that host exactly; `*.example.com` matches its subdomains. */
export function safeHostMatcher(patterns: readonly string[]): (host: string) => boolean {
	const exact = new Set<string>();
	const suffixes: string[] = [];
	for (const pattern of patterns) {
		const lower = pattern.trim().toLowerCase();
		if (lower.startsWith("*.")) suffixes.push(lower.slice(1));
		else if (lower !== "") exact.add(lower);
	}
	return (host) => exact.has(host) || suffixes.some((suffix) => host.endsWith(suffix) && host.length > suffix.length);
}

export const safeHostsOptionSchema = {
	type: "array",
	items: { type: "string", minLength: 1, maxLength: 253 },
	uniqueItems: true,
	description:
		'Hosts known to serve the same content over HTTPS, e.g. "www.example.com" or "*.example.com": their http: URLs are fixed automatically; others get a suggestion.',
} as const;

/**
 * The edit that turns the URL's `http` into `https`, or undefined when the
 * URL cannot be edited in this file. Rules apply it as an automatic fix for
 * hosts the user listed as safe and as a suggestion for any other host (the
 * page may not exist over HTTPS).
 */
export function httpsFix({ schemeRange }: InsecureUrl): RuleFixer | undefined {
	if (!schemeRange) return undefined;
	return (fixer) => fixer.replaceTextRange(schemeRange, "https");
}

/**
 * Reports the http: URLs one HTTPS rule owns, as both rules do: an autofix
 * for hosts listed as safe, else a suggestion. `messageIdFor` decides which
 * URLs belong to the rule (`require-https`: opt-outs and forms;
 * `prefer-https`: everything else), so each URL is reported exactly once.
 */
export function reportInsecureUrls<MessageId extends string>(
	context: {
		sourceCode: TemplateSourceCode;
		report(descriptor: {
			loc: InsecureUrl["resource"]["attribute"]["loc"];
			messageId: MessageId | "upgrade";
			data: Record<string, string>;
			fix: RuleFixer | null;
			suggest: Array<{ messageId: "upgrade"; data: Record<string, string>; fix: RuleFixer }>;
		}): void;
	},
	safeHosts: readonly string[],
	messageIdFor: (resource: ResourceUrl, url: string) => MessageId | undefined,
	shorten: (url: string) => string,
): void {
	const isSafe = safeHostMatcher(safeHosts);
	for (const insecure of getInsecureUrls(context.sourceCode)) {
		const messageId = messageIdFor(insecure.resource, insecure.url);
		if (!messageId) continue;
		const upgrade = httpsFix(insecure);
		const safe = isSafe(insecure.host);
		context.report({
			loc: insecure.resource.attribute.loc,
			messageId,
			data: { url: shorten(insecure.url) },
			fix: upgrade && safe ? upgrade : null,
			suggest: upgrade && !safe ? [{ messageId: "upgrade", data: { host: insecure.host }, fix: upgrade }] : [],
		});
	}
}
