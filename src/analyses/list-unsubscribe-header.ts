/**
 * Reads a `List-Unsubscribe` header value (RFC 2369 §3.2: one or more URIs
 * in angle brackets, separated by commas, with optional whitespace and
 * `(comments)`) and what each URI reveals. Merge tags in the value (an ESP
 * fills them in at send time) are masked before parsing, so a `<%…%>` tag
 * does not read as an angle bracket and a `{{ email }}` is seen as a variable.
 */
import type { MergeTagSyntax } from "../ast/types.js";
import { blankMergeTags, findMergeTags } from "../template/merge-tags.js";

export type UriScheme = "https" | "http" | "mailto" | "merge-tag" | "other";

export interface UnsubscribeUri {
	/** The URI as written, without its angle brackets. */
	text: string;
	scheme: UriScheme;
	/** What in the URI carries the recipient's address in clear text: the merge tag or the literal address; absent when nothing does. */
	recipientAddress?: string;
}

export type ParsedListUnsubscribe = { ok: true; uris: UnsubscribeUri[] } | { ok: false; reason: string };

/** Variable names ESPs fill with the recipient's e-mail address, lower case without separators. */
const ADDRESS_VARIABLES = new Set([
	"email",
	"emailaddress",
	"emailaddr",
	"mail",
	"recipient",
	"recipientemail",
	"subscriberemail",
	"contactemail",
	"useremail",
	"toemail",
]);

/** Filters that turn the address into something that is not clear text. Base64 and URL-encoding do not. */
const HASHING_FILTER = /md5|sha\d*|hash|hmac|encrypt/iu;

const LOCAL_PART = /[\w.+-]/u;
const DOMAIN_PART = /[a-z\d.-]/iu;

export function parseListUnsubscribe(value: string): ParsedListUnsubscribe {
	const tags = findMergeTags(value);
	// Same length, so positions in the mask are positions in the value.
	const masked = blankMergeTags(value, tags, (tag) => "x".repeat(tag.end - tag.start));
	// Tags are sorted and URIs are read left to right: one cursor finds each URI's tags.
	let nextTag = 0;

	const uris: UnsubscribeUri[] = [];
	let index = 0;
	const skipSpaceAndComments = (): boolean => {
		for (;;) {
			while (index < masked.length && /\s/u.test(masked[index]!)) index++;
			if (masked[index] !== "(") return true;
			const close = masked.indexOf(")", index);
			if (close === -1) return false;
			index = close + 1;
		}
	};
	if (!skipSpaceAndComments()) return { ok: false, reason: 'a comment "(" is not closed' };
	if (index >= masked.length) return { ok: false, reason: "it is empty" };
	while (index < masked.length) {
		if (masked[index] !== "<") {
			return {
				ok: false,
				reason:
					uris.length === 0 && !masked.includes("<")
						? "the URI is not in angle brackets"
						: `unexpected "${masked[index]}" where a <URI> should start`,
			};
		}
		const close = masked.indexOf(">", index);
		if (close === -1) return { ok: false, reason: 'a "<" is not closed by ">"' };
		const start = index + 1;
		const text = value.slice(start, close).trim();
		if (text === "") return { ok: false, reason: "it contains an empty <>" };
		// Spaces inside a merge tag (`{{ email }}`) are the ESP's business; the mask hides them.
		if (/\s/u.test(masked.slice(start, close).trim()))
			return { ok: false, reason: `the URI "${text}" contains a space` };
		while (nextTag < tags.length && tags[nextTag]!.start < start) nextTag++;
		const inside: LocalTag[] = [];
		for (; nextTag < tags.length && tags[nextTag]!.end <= close; nextTag++) {
			const tag = tags[nextTag]!;
			inside.push({ ...tag, start: tag.start - start, end: tag.end - start });
		}
		uris.push(describeUri(text, inside));
		index = close + 1;
		if (!skipSpaceAndComments()) return { ok: false, reason: 'a comment "(" is not closed' };
		if (index >= masked.length) break;
		if (masked[index] !== ",")
			return { ok: false, reason: `URIs must be separated by commas, found "${masked[index]}"` };
		index++;
		if (!skipSpaceAndComments()) return { ok: false, reason: 'a comment "(" is not closed' };
		if (index >= masked.length) return { ok: false, reason: "it ends with a comma" };
	}
	return { ok: true, uris };
}

interface LocalTag {
	start: number;
	end: number;
	syntax: MergeTagSyntax;
	expression: string;
}

function describeUri(text: string, tags: readonly LocalTag[]): UnsubscribeUri {
	const uri: UnsubscribeUri = { text, scheme: schemeOf(text, tags) };
	// A mailto: target is the sender's opt-out mailbox, an address by design; its query is not checked either.
	if (uri.scheme === "mailto") return uri;
	const tag = tags.find(namesRecipientAddress);
	if (tag) {
		uri.recipientAddress = text.slice(tag.start, tag.end);
		return uri;
	}
	const masked = blankMergeTags(text, tags);
	const literal = findAddress(decodePercent(afterAuthority(masked)));
	if (literal) uri.recipientAddress = literal;
	return uri;
}

function schemeOf(text: string, tags: readonly LocalTag[]): UriScheme {
	// `<{{ unsubscribe_url }}>`: the ESP decides the scheme.
	if (tags.some((tag) => tag.start === 0)) return "merge-tag";
	const scheme = /^([a-z][a-z\d+.-]*):/iu.exec(text)?.[1]?.toLowerCase();
	return scheme === "https" || scheme === "http" || scheme === "mailto" ? scheme : "other";
}

/** Whether a merge tag is the recipient's address, unhashed: `{{email}}`, `*|EMAIL|*`, `%%emailaddr%%`, `{{ contact.email | url_encode }}`. */
export function namesRecipientAddress(tag: { syntax: MergeTagSyntax; expression: string }): boolean {
	const [variable = "", ...filters] = tag.syntax === "mailchimp" ? [tag.expression] : tag.expression.split("|");
	if (filters.some((filter) => HASHING_FILTER.test(filter))) return false;
	const name = variable
		.trim()
		.replace(/^\$/u, "")
		.split(/[.:]/u)
		.pop()!
		.replace(/[\s_-]/gu, "")
		.toLowerCase();
	return ADDRESS_VARIABLES.has(name);
}

/** Path, query and fragment: a `user@host` authority is not a recipient. */
function afterAuthority(uri: string): string {
	const match = /^[a-z][a-z\d+.-]*:\/\/[^/?#]*/iu.exec(uri);
	return match ? uri.slice(match[0].length) : uri;
}

function decodePercent(text: string): string {
	return text.replace(/%40/gu, "@").replace(/%2e/giu, ".");
}

/** The first `local@domain.tld` in the text; scanned outwards from each `@`, so it stays linear. */
function findAddress(text: string): string | undefined {
	for (let at = text.indexOf("@"); at !== -1; at = text.indexOf("@", at + 1)) {
		let start = at;
		while (start > 0 && LOCAL_PART.test(text[start - 1]!)) start--;
		let end = at + 1;
		while (end < text.length && DOMAIN_PART.test(text[end]!)) end++;
		// A sentence's full stop or a dash after the domain is not part of it.
		while (end > at + 1 && (text[end - 1] === "." || text[end - 1] === "-")) end--;
		const domain = text.slice(at + 1, end);
		if (start < at && /^[a-z\d-]+(?:\.[a-z\d-]+)*\.[a-z]{2,}$/iu.test(domain))
			return text.slice(start, at + 1 + domain.length);
	}
	return undefined;
}
