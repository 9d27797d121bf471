/**
 * `mailcomply/eml`: a captured message (`.eml`, RFC 5322 / MIME), as an
 * application or ESP sends it. Its HTML part is parsed into the template AST,
 * so every template rule runs on it as on a template; its headers and its
 * plain-text part are on the source code (src/languages/eml-source-code.ts).
 * `--fix` never rewrites a message: the fix belongs in the template it was
 * made from, so the source code offers no fixes (see `meta` in the rules).
 */
import type { File, Language, LanguageContext, OkParseResult, ParseResult } from "@eslint/core";
import type { DocumentNode, TemplateNode } from "../ast/types.js";
import { templateVisitorKeys } from "../ast/types.js";
import { LineIndex } from "../ast/line-index.js";
import { readMessage, UnreadableMessage, type EmlMessage } from "../eml/read-message.js";
import { messageDocument, partLabel } from "../eml/message-document.js";
import { DecodedLines } from "../eml/decoded-lines.js";
import { textPart } from "../text-message/text-part.js";
import type { TextMessageNode } from "../text-message/ast.js";
import { NodeLimitExceeded, MAX_TEMPLATE_NODES } from "../template/limits.js";
import { readRootFor } from "../sandbox/project-root.js";
import { linkedOutside } from "../sandbox/guarded-read.js";
import { encodingProblem, textOf } from "./file-text.js";
import { EmlSourceCode } from "./eml-source-code.js";
import type { TemplateLanguageOptions } from "./template-language.js";
import { validateIncludeRootOption } from "./include-root-option.js";

/**
 * The largest message that is linted, in bytes. A marketing message is tens
 * of kilobytes (Gmail clips at 102 KB); a capture with attachments can be
 * some megabytes. The MIME library decodes every part, so the bound keeps a
 * run's time in check (about 0.4 s per MB of quoted-printable).
 */
export const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

interface EmlParse {
	message: EmlMessage;
	textPart: TextMessageNode | undefined;
	/** The decoded lines of the encoded parts, for findings to quote. */
	decoded: DecodedLines[];
}

export class EmlLanguage implements Language<{
	LangOptions: TemplateLanguageOptions;
	Code: EmlSourceCode;
	RootNode: DocumentNode;
	Node: TemplateNode;
}> {
	readonly fileType = "text" as const;
	readonly lineStart = 1 as const;
	readonly columnStart = 1 as const;
	readonly nodeTypeKey = "type";
	readonly visitorKeys = templateVisitorKeys as unknown as Record<string, string[]>;
	readonly defaultLanguageOptions: TemplateLanguageOptions = {};

	validateLanguageOptions(options: TemplateLanguageOptions): void {
		validateIncludeRootOption(options, "eml");
	}

	parse(file: File, context?: LanguageContext<TemplateLanguageOptions>): ParseResult<DocumentNode> {
		// ESLint aborts the whole run on an exception; a file mailcomply cannot read must fail alone.
		try {
			return this.#parse(file, context);
		} catch (error) {
			const detail = error instanceof Error ? error.message : String(error);
			return {
				ok: false,
				errors: [
					{ message: `mailcomply could not parse this message (${detail}); please report it.`, line: 1, column: 1 },
				],
			};
		}
	}

	#parse(file: File, context?: LanguageContext<TemplateLanguageOptions>): ParseResult<DocumentNode> {
		const physicalPath = file.physicalPath ?? file.path;
		const outside = linkedOutside(physicalPath, () => readRootFor(physicalPath, context?.languageOptions.includeRoot));
		if (outside) return { ok: false, errors: [{ message: outside.reason, line: 1, column: 1 }] };
		const decoded = textOf(file);
		if (!decoded.ok) return { ok: false, errors: [{ message: decoded.message, line: 1, column: 1 }] };
		const text = decoded.text;
		const bytes = text.length * 3 > MAX_MESSAGE_BYTES ? Buffer.byteLength(text, "utf8") : text.length;
		if (bytes > MAX_MESSAGE_BYTES) {
			const size = (bytes / 1024 / 1024).toFixed(1);
			return {
				ok: false,
				errors: [
					{
						message: `This message is ${size} MB; mailcomply lints messages up to 10 MB, so it was not linted. (Gmail clips messages over 102 KB.)`,
						line: 1,
						column: 1,
					},
				],
			};
		}
		const lines = new LineIndex(text);
		let message: EmlMessage;
		try {
			message = readMessage(text, lines);
		} catch (error) {
			if (!(error instanceof UnreadableMessage)) throw error;
			return {
				ok: false,
				errors: [{ message: `This is not a MIME message mailcomply can read (${error.message}).`, line: 1, column: 1 }],
			};
		}
		let ast: DocumentNode;
		const decodedParts: DecodedLines[] = [];
		try {
			const placed = messageDocument(text, lines, message.html);
			ast = placed.document;
			if (placed.decoded) decodedParts.push(placed.decoded);
		} catch (error) {
			if (!(error instanceof NodeLimitExceeded)) throw error;
			return {
				ok: false,
				errors: [
					{
						message: `This message's HTML part has more than ${MAX_TEMPLATE_NODES.toLocaleString("en")} elements, attributes and texts; mailcomply lints up to that many, so it was not linted.`,
						line: 1,
						column: 1,
					},
				],
			};
		}
		for (const problem of message.problems) ast.problems.push({ kind: "message", ...problem });
		const encoding = encodingProblem(text);
		if (encoding) {
			const range: [number, number] = [encoding.offset, encoding.offset + 1];
			ast.problems.unshift({ kind: "encoding", message: encoding.message, range, loc: lines.loc(range) });
		}
		const parsed: EmlParse = {
			message,
			textPart: textPartOf(message, text, lines, decodedParts),
			decoded: decodedParts,
		};
		return { ok: true, ast, text, parsed };
	}

	createSourceCode(
		file: File,
		input: OkParseResult<DocumentNode>,
		context?: LanguageContext<TemplateLanguageOptions>,
	): EmlSourceCode {
		const { message, textPart: part, decoded } = input["parsed"] as EmlParse;
		return new EmlSourceCode({
			text: input["text"] as string,
			ast: input.ast,
			physicalPath: file.physicalPath ?? file.path,
			includeRoot: context?.languageOptions.includeRoot,
			message,
			textPart: part,
			decoded,
		});
	}
}

/**
 * The plain-text part as a text message: located in place, or (encoded)
 * every offset on the part's anchor header, each URL and merge tag
 * remembering its decoded line for the finding to quote.
 */
function textPartOf(
	message: EmlMessage,
	text: string,
	lines: LineIndex,
	decoded: DecodedLines[],
): TextMessageNode | undefined {
	const part = message.text;
	if (!part) return undefined;
	let node;
	if (part.bodyRange) node = textPart("text", text.slice(...part.bodyRange), part.bodyRange[0], lines);
	else {
		node = textPart(
			"text",
			part.content,
			part.anchor.range[0],
			lines,
			new Array<number>(part.content.length + 1).fill(part.anchor.range[0]),
		);
		const lineOf = new DecodedLines(part.content, partLabel(part, "text"));
		for (const child of node.children) {
			lineOf.rememberOffset(child, part.content, child.start);
			lineOf.rememberOffset(child.loc, part.content, child.start);
		}
		decoded.push(lineOf);
	}
	return { type: "TextMessage", channel: "email", children: [node], problems: [], range: node.range, loc: node.loc };
}
