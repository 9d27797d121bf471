/**
 * The AST of a text message: an SMS (`NAME.sms.txt`), a WhatsApp message
 * template (`NAME.whatsapp.json`), or the plain-text part of an e-mail
 * (`NAME.txt` beside `NAME.mjml`, or the `text/plain` part of an `.eml`).
 * All are texts the recipient reads, so all parse into the same nodes and
 * the rules read them alike:
 * a `TextMessage` root holding one `TextPart` per text (the SMS, or each
 * WhatsApp component's and button's `text`), each holding the `MessageUrl`s
 * and `MessageVariable`s found in it.
 *
 * Locations point into the file: for WhatsApp, into the `text` string
 * value of the component (escapes such as `\n` are mapped back to their
 * source offsets).
 */
import type { MergeTagSyntax, Range, SourceLocation } from "../ast/types.js";

/** `email`: the plain-text part of an e-mail. */
export type TextMessageChannel = "sms" | "whatsapp" | "email";

/** Where a text sits in the message: the SMS itself, a part of a WhatsApp template, or an e-mail's plain-text part (`text`). */
export type TextPartRole = "sms" | "header" | "body" | "footer" | "button" | "text";

interface BaseNode {
	range: Range;
	loc: SourceLocation;
}

export interface TextMessageNode extends BaseNode {
	type: "TextMessage";
	channel: TextMessageChannel;
	children: TextPartNode[];
	/** Format problems found while parsing; `valid-template` reports them. */
	problems: TextMessageProblem[];
	/** The WhatsApp template's own fields; absent for SMS. */
	whatsapp?: WhatsAppTemplate;
}

export interface TextPartNode extends BaseNode {
	type: "TextPart";
	role: TextPartRole;
	/** The text as the recipient reads it (JSON escapes decoded). */
	text: string;
	/** Offset in the file of each character of `text` (length `text.length + 1`); absent where the text is the file's own text from `range[0]`. */
	offsets?: number[];
	children: Array<MessageUrlNode | MessageVariableNode>;
	/** For a WhatsApp button: its `type` (QUICK_REPLY, URL, PHONE_NUMBER…), upper-cased. */
	buttonType?: string;
	/** For a WhatsApp URL button: its `url`. */
	url?: string;
	/** Where the URL button's `url` value is written. */
	urlLoc?: SourceLocation;
	/** The URL button gives a sample (`example`) for a variable in its `url`. */
	hasUrlExample?: boolean;
}

export interface MessageUrlNode extends BaseNode {
	type: "MessageUrl";
	/** Offset in its part's `text` (the file range may be an encoded part's anchor, the same for every node). */
	start: number;
	/** As written: `https://example.nl/stop`, `example.nl/af`, `www.example.com`. */
	value: string;
}

/** A merge tag or template variable: `{{1}}`, `{{ first_name }}`, `{first_name}`, `%FIRSTNAME%`. */
export interface MessageVariableNode extends BaseNode {
	type: "MessageVariable";
	/** Offset in its part's `text`. */
	start: number;
	/** Which merge-tag family it is written in, as in templates. */
	syntax: MergeTagSyntax;
	/** As written, delimiters included. */
	raw: string;
	/** The name or expression inside the delimiters, trimmed. */
	name: string;
}

export interface TextMessageProblem {
	message: string;
	range: Range;
	loc: SourceLocation;
}

/** A WhatsApp Business Platform message template as Meta's template-creation API takes it. */
export interface WhatsAppTemplate {
	name?: string;
	language?: string;
	/** Upper-cased: MARKETING, UTILITY, AUTHENTICATION (or whatever the file says). */
	category?: string;
	/** Where `category` is written, for findings about it. */
	categoryLoc?: SourceLocation;
	components: WhatsAppComponent[];
}

export interface WhatsAppComponent {
	/** Upper-cased: HEADER, BODY, FOOTER, BUTTONS. */
	type: string;
	/** HEADER `format`, upper-cased: TEXT, IMAGE, VIDEO, DOCUMENT, LOCATION. */
	format?: string;
	/** The component's text part, if it has text. */
	text?: TextPartNode;
	/** The variable examples the component gives (`example.body_text[0]`, `example.header_text`, named params), by variable name. */
	examples: Set<string>;
	/** A media header's sample (`example.header_handle`) is given. */
	hasMediaSample: boolean;
	/** The BUTTONS component's buttons. */
	buttons: TextPartNode[];
	loc: SourceLocation;
}

export type TextMessageAstNode = TextMessageNode | TextPartNode | MessageUrlNode | MessageVariableNode;

export const textMessageVisitorKeys = {
	TextMessage: ["children"],
	TextPart: ["children"],
	MessageUrl: [],
	MessageVariable: [],
} as const satisfies Record<TextMessageAstNode["type"], readonly string[]>;
