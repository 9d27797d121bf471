/**
 * Which decoded line a finding in an encoded part is about. A
 * quoted-printable or base64 part does not hold its text as the recipient
 * reads it, so its nodes are placed on the part's `Content-Transfer-Encoding`
 * header (src/eml/message-document.ts); this remembers, for each of those
 * nodes and locations, the line of the decoded text it came from, so the
 * finding can quote it: `[base64 HTML part, decoded line 7: "<a href="#">…"]`.
 */
import { shortenText } from "../analyses/text.js";

export class DecodedLines {
	readonly #lines: string[];
	readonly #label: string;
	/** A placed node, or one of its location objects, to its 1-based line in the decoded text. */
	readonly #lineOf = new WeakMap<object, number>();

	/** `label` names the part as the finding shows it: "base64 HTML part". */
	constructor(content: string, label: string) {
		this.#lines = content.split(/\r\n|\r|\n/u);
		this.#label = label;
	}

	remember(target: object, line: number): void {
		this.#lineOf.set(target, line);
	}

	/** The decoded line at character `offset` of the decoded text. */
	rememberOffset(target: object, content: string, offset: number): void {
		let line = 1;
		for (let index = content.indexOf("\n"); index !== -1 && index < offset; index = content.indexOf("\n", index + 1))
			line++;
		this.#lineOf.set(target, line);
	}

	/** ` [base64 HTML part, decoded line 7: "…"]`, or undefined when the target was not placed from this part. */
	quote(target: object | undefined): string | undefined {
		// A node is found by its location: nodes of one decoded line share one (src/eml/message-document.ts).
		const line = target
			? (this.#lineOf.get(target) ?? this.#lineOf.get((target as { loc?: object }).loc ?? target))
			: undefined;
		if (line === undefined) return undefined;
		const text = this.#lines[line - 1]?.trim() ?? "";
		return ` [${this.#label}, decoded line ${line}${text ? `: "${shortenText(text, 100)}"` : ""}]`;
	}
}

/** The quote {@link DecodedLines.quote} ends a message with: ` [base64 HTML part, decoded line 7: "…"]`. */
const QUOTE_AT_END = / \[([\w-]+ (?:HTML|text) part, decoded line \d+)(?:: "(.*)")?\]$/su;

/**
 * A finding's message split from the decoded-line quote it ends with, for a
 * report that shows the quote as a line of its own (src/formatters/html-report.ts).
 */
export function splitDecodedQuote(message: string): { text: string; part?: string; line?: string } {
	const match = QUOTE_AT_END.exec(message);
	if (!match) return { text: message };
	return {
		text: message.slice(0, match.index),
		part: match[1]!,
		...(match[2] === undefined ? {} : { line: match[2] }),
	};
}
