/**
 * `mailcomply/sms`, `mailcomply/whatsapp` and `mailcomply/text`: text
 * messages and e-mail plain-text parts. One class, as for MJML and HTML:
 * all parse into the same AST (src/text-message/ast.ts) so that the rules
 * read an SMS, a WhatsApp template and a text part alike.
 *
 * None of these formats has comments (an SMS or a text part would send them; JSON has none), so
 * inline `eslint-disable` comments do not exist here: turn a rule off for a
 * file in the ESLint config (`{ files: ["sms/welcome.sms.txt"], rules: {…} }`).
 */
import type { File, Language, LanguageContext, OkParseResult, ParseResult } from "@eslint/core";
import { LineIndex } from "../ast/line-index.js";
import type { TextMessageAstNode, TextMessageChannel, TextMessageNode } from "../text-message/ast.js";
import { textMessageVisitorKeys } from "../text-message/ast.js";
import { readLocatedJson } from "../text-message/located-json.js";
import { smsMessage } from "../text-message/sms.js";
import { emailTextMessage } from "../text-message/email-text.js";
import { validateIncludeRootOption } from "./include-root-option.js";
import { whatsAppMessage } from "../text-message/whatsapp-template.js";
import { linkedOutside } from "../sandbox/guarded-read.js";
import { readRootFor } from "../sandbox/project-root.js";
import { encodingProblem, textOf } from "./file-text.js";
import { TextMessageSourceCode } from "./text-message-source-code.js";

export interface TextMessageLanguageOptions {
	/** As for templates: the sidecar and folder defaults are read only inside this directory. */
	includeRoot?: string;
	[key: string]: unknown;
}

/**
 * The largest text message that is linted, in bytes of UTF-8. An SMS is at
 * most a few hundred characters (carriers join up to about ten segments) and
 * a WhatsApp body at most 1,024; a newsletter's plain-text part is some
 * kilobytes (Gmail clips a message at 102 KB): a file of a megabyte is no
 * message anyone sends, and refusing it keeps every rule's cost bounded.
 */
export const MAX_TEXT_MESSAGE_BYTES = 1024 * 1024;

const FORMAT_NAME: Record<TextMessageChannel, string> = {
	sms: "SMS template",
	whatsapp: "WhatsApp template",
	email: "plain-text part",
};

const WHY_SMALL: Record<TextMessageChannel, string> = {
	sms: "an SMS is at most a few hundred characters",
	whatsapp: "a WhatsApp template's body is at most 1,024 characters",
	email: "Gmail clips a message at 102 KB",
};

export class TextMessageLanguage implements Language<{
	LangOptions: TextMessageLanguageOptions;
	Code: TextMessageSourceCode;
	RootNode: TextMessageNode;
	Node: TextMessageAstNode;
}> {
	readonly fileType = "text" as const;
	readonly lineStart = 1 as const;
	readonly columnStart = 1 as const;
	readonly nodeTypeKey = "type";
	readonly visitorKeys = textMessageVisitorKeys as unknown as Record<string, string[]>;
	readonly defaultLanguageOptions: TextMessageLanguageOptions = {};
	readonly channel: TextMessageChannel;

	constructor({ channel }: { channel: TextMessageChannel }) {
		this.channel = channel;
	}

	validateLanguageOptions(options: TextMessageLanguageOptions): void {
		validateIncludeRootOption(options, this.channel);
	}

	parse(file: File, context?: LanguageContext<TextMessageLanguageOptions>): ParseResult<TextMessageNode> {
		// ESLint aborts the whole run on an exception; a file mailcomply cannot read must fail alone.
		try {
			return this.#parse(file, context);
		} catch (error) {
			const detail = error instanceof Error ? error.message : String(error);
			return {
				ok: false,
				errors: [
					{
						message: `mailcomply could not parse this ${FORMAT_NAME[this.channel]} (${detail}); please report it.`,
						line: 1,
						column: 1,
					},
				],
			};
		}
	}

	#parse(file: File, context?: LanguageContext<TextMessageLanguageOptions>): ParseResult<TextMessageNode> {
		const physicalPath = file.physicalPath ?? file.path;
		const outside = linkedOutside(physicalPath, () => readRootFor(physicalPath, context?.languageOptions.includeRoot));
		if (outside) return { ok: false, errors: [{ message: outside.reason, line: 1, column: 1 }] };
		const decoded = textOf(file);
		if (!decoded.ok) return { ok: false, errors: [{ message: decoded.message, line: 1, column: 1 }] };
		const text = decoded.text;
		const bytes = text.length * 3 > MAX_TEXT_MESSAGE_BYTES ? Buffer.byteLength(text, "utf8") : text.length;
		if (bytes > MAX_TEXT_MESSAGE_BYTES) {
			const size = bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
			return {
				ok: false,
				errors: [
					{
						message: `This ${FORMAT_NAME[this.channel]} is ${size}; mailcomply lints text messages up to 1 MB (${WHY_SMALL[this.channel]}), so it was not linted.`,
						line: 1,
						column: 1,
					},
				],
			};
		}
		const lines = new LineIndex(text);
		let ast: TextMessageNode;
		if (this.channel === "sms") {
			ast = smsMessage(text, lines);
		} else if (this.channel === "email") {
			ast = emailTextMessage(text, lines);
		} else {
			const json = readLocatedJson(text);
			if (!json.ok) {
				const { line, column } = lines.position(json.offset);
				return {
					ok: false,
					errors: [{ message: `This WhatsApp template is not valid JSON: ${json.message}`, line, column }],
				};
			}
			ast = whatsAppMessage(json.value, text, lines);
		}
		const encoding = encodingProblem(text);
		if (encoding) {
			const range: [number, number] = [encoding.offset, encoding.offset + 1];
			ast.problems.unshift({ message: encoding.message, range, loc: lines.loc(range) });
		}
		return { ok: true, ast, text };
	}

	createSourceCode(
		file: File,
		input: OkParseResult<TextMessageNode>,
		context?: LanguageContext<TextMessageLanguageOptions>,
	): TextMessageSourceCode {
		return new TextMessageSourceCode({
			text: input["text"] as string,
			ast: input.ast,
			physicalPath: file.physicalPath ?? file.path,
			includeRoot: context?.languageOptions.includeRoot,
		});
	}
}
