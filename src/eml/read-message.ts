/**
 * Reads a captured message (`.eml`, RFC 5322 / MIME) with emailjs-mime-parser
 * and locates what it found in the file. The library is the truth about the
 * structure, header values, transfer encodings and charsets; this module
 * only finds, in the file's text, the header lines and part bodies the
 * library read, so that findings point at them:
 *
 * - every header field of the message gets its exact range;
 * - a `7bit`, `8bit` or `binary` part's body gets its exact range when the
 *   text there is what the library decoded (then the HTML part is parsed
 *   in place and every finding in it is exact);
 * - a `quoted-printable` or `base64` part (or one whose text differs from
 *   the decoded content, such as a Latin-1 8bit part) has no range in the
 *   file: its findings point at its `Content-Transfer-Encoding` header.
 *
 * Why emailjs-mime-parser: ESLint parses synchronously, and it is the only
 * one of the evaluated libraries (postal-mime, mailparser/mailsplit) with
 * a synchronous parse; see docs/eml.md for the comparison.
 */
import type { default as MimeParse, MimeNode } from "emailjs-mime-parser";
import type { Range, SourceLocation } from "../ast/types.js";
import type { LineIndex } from "../ast/line-index.js";
import { locateHeaderBlock, type LocatedField } from "./header-fields.js";
import { lazyRequire } from "../lazy-require.js";
import { withoutUnreadBodies } from "./unread-bodies.js";

/** A header field of the message, located in the file. */
export interface HeaderNode {
	type: "Header";
	/** As written: `List-Unsubscribe`. */
	name: string;
	/** Lower case: `list-unsubscribe`. */
	key: string;
	/** The value as written, unfolded (encoded words kept). */
	value: string;
	/** The value with RFC 2047 encoded words decoded (`=?UTF-8?Q?…?=`), as the recipient's client shows it. */
	decoded: string;
	/** For an address field (From, Reply-To, To…): the mailboxes the library read, display names decoded. */
	addresses?: Array<{ name: string; address: string }>;
	range: Range;
	loc: SourceLocation;
}

export type TransferEncoding = "identity" | "quoted-printable" | "base64";

/** A `text/html` or `text/plain` part of the message. */
export interface MessagePart {
	/** The decoded text, in Unicode. */
	content: string;
	encoding: TransferEncoding;
	/** Where the body is in the file, when its text there is `content` (identity encodings, read as UTF-8). */
	bodyRange?: Range;
	/** What findings in a part without `bodyRange` point at: its `Content-Transfer-Encoding` (or first) header, else the message's first line. */
	anchor: { range: Range; loc: SourceLocation };
}

export interface MessageProblem {
	message: string;
	range: Range;
	loc: SourceLocation;
}

export interface EmlMessage {
	headers: HeaderNode[];
	html?: MessagePart;
	text?: MessagePart;
	problems: MessageProblem[];
}

export class UnreadableMessage extends Error {}

// Loaded when the first message is read: the library and its ramda cost some 90 ms, which a run over templates alone should not pay.
const mimeLibrary = lazyRequire<{ default: typeof MimeParse }>("emailjs-mime-parser");
const parseMime = (raw: string): MimeNode => {
	const parse = mimeLibrary().default;
	return typeof parse === "function" ? parse(raw) : parse.default(raw);
};

export function readMessage(text: string, lines: LineIndex): EmlMessage {
	let root: MimeNode;
	try {
		// The library reads bytes as a binary string; ESLint gave us the file decoded as UTF-8. It decodes every part it gets: attachments' bodies are left out.
		root = parseMime(Buffer.from(withoutUnreadBodies(text), "utf8").toString("latin1"));
	} catch (error) {
		throw new UnreadableMessage(error instanceof Error ? error.message : String(error));
	}
	const problems: MessageProblem[] = [];
	const start = locateHeaderBlock(text, 0);
	const headers = headerNodes(root, start.fields, lines);
	if (headers.length === 0) {
		const range: Range = [0, 0];
		problems.push({
			message:
				"This file has no message headers (From, Subject…): it is not an e-mail message as an .eml file holds one.",
			range,
			loc: lines.loc(range),
		});
	}
	const message: EmlMessage = { headers, problems };
	const visit = (node: MimeNode, fields: LocatedField[], bodyStart: number, bodyEnd: number) => {
		const type = node.contentType?.value.toLowerCase() ?? "text/plain";
		const children = node.childNodes ?? [];
		if (type.startsWith("multipart/")) {
			const boundary = node.contentType?.params["boundary"];
			const { parts: located, closed } = boundary
				? locateChildren(text, bodyStart, bodyEnd, boundary)
				: { parts: [], closed: false };
			if (!closed) {
				// The parser takes what it got; the reader is told the message is incomplete rather than left with silently missing parts.
				const end: Range = [bodyEnd, bodyEnd];
				const why = boundary
					? `its closing boundary "--${boundary}--" is missing`
					: "its Content-Type names no boundary";
				problems.push({
					message: `This multipart message is cut off or malformed: ${why}, so parts may be missing and were not checked.`,
					range: end,
					loc: lines.loc(end),
				});
			}
			children.forEach((child, index) => {
				const where = located[index];
				const block = where ? locateHeaderBlock(text, where[0]) : { fields: [], bodyStart: bodyStart };
				visit(child, block.fields, block.bodyStart, where ? where[1] : bodyEnd);
			});
			return;
		}
		// A forwarded message (message/rfc822) is someone else's mail, not this one's parts.
		if (children.length > 0 || isAttachment(node)) return;
		const slot = type === "text/html" ? "html" : type === "text/plain" ? "text" : undefined;
		if (!slot || message[slot]) return;
		message[slot] = messagePart(node, text, fields, bodyStart, bodyEnd, lines);
	};
	visit(root, start.fields, start.bodyStart, text.length);
	return message;
}

function headerNodes(node: MimeNode, fields: LocatedField[], lines: LineIndex): HeaderNode[] {
	const nodes: HeaderNode[] = [];
	const seen = new Map<string, number>();
	let cursor = 0;
	for (const line of node.header ?? []) {
		const colon = line.indexOf(":");
		if (colon === -1) continue;
		const name = line.slice(0, colon).trim();
		const key = name.toLowerCase();
		const occurrence = seen.get(key) ?? 0;
		seen.set(key, occurrence + 1);
		// The library keeps the fields in file order: the next located field of that name is this one.
		let at = cursor;
		while (at < fields.length && fields[at]!.name.toLowerCase() !== key) at++;
		const field = fields[at];
		if (field) cursor = at + 1;
		const range: Range = field ? [field.range[0], field.range[1]] : [0, 0];
		const decoded = node.headers[key]?.[occurrence];
		const value = line.slice(colon + 1).trim();
		const header: HeaderNode = {
			type: "Header",
			name,
			key,
			value,
			decoded: decodeWordsOf(node, key, occurrence, value),
			range,
			loc: rangeLoc(range, lines),
		};
		const parsed = decoded?.value as unknown;
		if (Array.isArray(parsed))
			header.addresses = parsed
				.filter((entry: { address?: unknown }) => typeof entry.address === "string")
				.map((entry: { name?: string; address: string }) => ({ name: entry.name ?? "", address: entry.address }));
		nodes.push(header);
	}
	return nodes;
}

/** The library decodes encoded words in unstructured fields (Subject); for address fields it gives parsed addresses, so the display text is rebuilt. */
function decodeWordsOf(node: MimeNode, key: string, occurrence: number, value: string): string {
	const parsed = node.headers[key]?.[occurrence]?.value as unknown;
	if (Array.isArray(parsed)) {
		return parsed
			.map((address: { name?: string; address?: string }) =>
				address.name ? `${address.name} <${address.address ?? ""}>` : (address.address ?? ""),
			)
			.join(", ");
	}
	return typeof parsed === "string" ? parsed : value;
}

function isAttachment(node: MimeNode): boolean {
	return node.headers["content-disposition"]?.[0]?.value.toLowerCase() === "attachment";
}

function messagePart(
	node: MimeNode,
	text: string,
	fields: LocatedField[],
	bodyStart: number,
	bodyEnd: number,
	lines: LineIndex,
): MessagePart {
	const cte = (node.contentTransferEncoding?.value ?? "7bit").toLowerCase();
	const content =
		utf16Text(node, cte, text.slice(bodyStart, bodyEnd)) ??
		new TextDecoder("utf-8").decode(node.content ?? new Uint8Array());
	const encoding: TransferEncoding =
		cte === "quoted-printable" ? "quoted-printable" : cte === "base64" ? "base64" : "identity";
	const anchorField = fields.find((field) => field.name.toLowerCase() === "content-transfer-encoding") ?? fields[0];
	const anchorRange: Range = anchorField ? [anchorField.range[0], anchorField.range[1]] : [0, 0];
	const part: MessagePart = { content, encoding, anchor: { range: anchorRange, loc: rangeLoc(anchorRange, lines) } };
	if (encoding === "identity") {
		const inFile = text.slice(bodyStart, bodyEnd);
		// The library is the truth: the file's text is used only where it is what the library decoded.
		if (sameText(inFile, content)) part.bodyRange = [bodyStart, bodyEnd];
	}
	return part;
}

/**
 * A base64 part in UTF-16, decoded from its bytes: the library reads
 * `charset=utf-16` as big-endian whatever its byte-order mark says, which
 * turns the usual little-endian text (`FF FE` first) into nonsense. The BOM
 * decides, else the charset's own byte order (RFC 2781: big-endian without one).
 */
function utf16Text(node: MimeNode, cte: string, body: string): string | undefined {
	// The charset as written: the library rewrites the parsed one to the utf-8 it converted to.
	const written = node.headers["content-type"]?.[0]?.initial ?? "";
	const charset = /charset\s*=\s*"?([\w-]+)/iu.exec(written)?.[1]?.toLowerCase();
	if (cte !== "base64" || !charset?.startsWith("utf-16")) return undefined;
	const bytes = Buffer.from(body.replace(/[^A-Za-z0-9+/=]/gu, ""), "base64");
	const littleEndian =
		bytes[0] === 0xff && bytes[1] === 0xfe
			? true
			: bytes[0] === 0xfe && bytes[1] === 0xff
				? false
				: charset === "utf-16le";
	const bom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) ? 2 : 0;
	const units = bytes.subarray(bom, bom + ((bytes.length - bom) & ~1));
	// Node decodes little-endian UTF-16 itself; big-endian is swapped to it first.
	return Buffer.from(littleEndian ? units : Buffer.from(units).swap16()).toString("utf16le");
}

function sameText(inFile: string, decoded: string): boolean {
	const normal = (value: string) => value.replace(/\r\n?/gu, "\n").trimEnd();
	return normal(inFile) === normal(decoded);
}

/**
 * The extent of each part of a multipart body: from the line after each
 * `--boundary` delimiter line to the line break before the next one (RFC 2046
 * §5.1.1: that line break belongs to the delimiter), up to `--boundary--`.
 */
function locateChildren(text: string, from: number, to: number, boundary: string): { parts: Range[]; closed: boolean } {
	const delimiter = `--${boundary}`;
	const parts: Range[] = [];
	let open: number | undefined;
	let index = from;
	while (index < to) {
		const found = text.indexOf(delimiter, index);
		if (found === -1 || found >= to) break;
		index = found + delimiter.length;
		const atLineStart = found === 0 || text[found - 1] === "\n" || text[found - 1] === "\r";
		if (!atLineStart) continue;
		let before = found;
		if (text[before - 1] === "\n") before--;
		if (text[before - 1] === "\r") before--;
		if (open !== undefined) parts.push([open, Math.max(open, before)]);
		if (text.startsWith("--", index)) return { parts, closed: true };
		LINE_BREAK.lastIndex = index;
		const lineEnd = LINE_BREAK.exec(text);
		open = lineEnd ? lineEnd.index + lineEnd[0].length : to;
	}
	if (open !== undefined) parts.push([open, to]);
	return { parts, closed: false };
}

const LINE_BREAK = /\r\n|\r|\n/gu;

function rangeLoc(range: Range, lines: LineIndex): SourceLocation {
	return lines.loc(range);
}
