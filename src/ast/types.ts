/**
 * The template AST shared by the `mailcomply/mjml` and `mailcomply/html`
 * languages. Every node carries an exact `range` (UTF-16 offsets into the
 * file text) and a `loc` with 1-based lines and 1-based columns.
 *
 * Nodes that come from an `mj-include`d file take the range and location of
 * the `mj-include` element, so that a finding on included content points at
 * the line the user can change; their own file and offsets are kept in
 * `origin`. Rules must therefore read values from the nodes, never slice the
 * file text with an included node's range.
 */

import type { TemplateEngine } from "../template/engines.js";

export interface Position {
	/** 1-based line. */
	line: number;
	/** 1-based column. */
	column: number;
}

export interface SourceLocation {
	start: Position;
	end: Position;
}

export type Range = [number, number];

/** Which mail clients render a node, as decided by Outlook conditional comments. */
export type ClientScope =
	/** No client (`<!--[if !mso]>…<![endif]-->`: hidden from Outlook by its condition and from the rest as a comment). */
	| "none"
	/** Every client (no conditional comment around it). */
	| "all"
	/** Only Outlook for Windows (`<!--[if mso]>…<![endif]-->`). */
	| "mso-only"
	/** Every client but Outlook for Windows (`<!--[if !mso]><!-->…<!--<![endif]-->`). */
	| "non-mso";

export interface Origin {
	/** Absolute path of the included file. */
	file: string;
	range: Range;
}

interface BaseNode {
	range: Range;
	loc: SourceLocation;
	/** Set on nodes read from an `mj-include`d file. */
	origin?: Origin;
}

interface RenderedNode extends BaseNode {
	/** Which clients render this node (Outlook conditional comments). */
	clients: ClientScope;
}

export type TemplateFormat = "html" | "mjml";

export type { TemplateEngine };

export interface DocumentNode extends BaseNode {
	type: "Document";
	format: TemplateFormat;
	/** The template engine an HTML file is written for, from its name (`welcome.hbs`); absent for plain HTML and MJML. */
	engine?: TemplateEngine;
	children: ChildNode[];
	/** Recoverable markup problems found while parsing; the `valid-template` rule reports them. */
	problems: TemplateProblem[];
	/**
	 * Set on an engine file that is not a mail of its own: a layout its
	 * children fill, or a partial (src/template/composition/roles.ts). It is
	 * judged inside the mails that use it; mail-level rules skip it.
	 */
	role?: TemplateRole;
	/**
	 * Parts of the mail out of sight, where the file brings them in: a layout
	 * or partial that could not be read (also in `problems`) or one chosen
	 * at send time. Mail-level rules do not report a duty as unmet when the
	 * missing part may meet it (src/analyses/unseen-parts.ts).
	 */
	unseen?: UnseenPart[];
}

export type TemplateRole = "layout" | "partial";

export interface UnseenPart {
	/** What is out of sight and why, beginning with the tag as written. */
	message: string;
	/** The tag in this file that brings the part in, as written (shortened). */
	tag: string;
	/** Why the part is out of sight, briefly ("it could not be read"). */
	why: string;
	/** Whether the part is the file's own layout: the file is then a mail, though its page is out of sight. */
	layout: boolean;
	range: Range;
	loc: SourceLocation;
}

export type TemplateProblemKind =
	/** An `mj-include`, layout or partial that cannot be read: outside the root, missing, a cycle, too large. */
	| "include"
	/** A captured message (`.eml`) whose MIME structure or headers are broken. */
	| "message"
	/** MJML structure: unclosed or misnested `mj-*` tags, unknown components, missing root. */
	| "mjml"
	/** HTML syntax that browsers recover from: stray end tags. */
	| "html"
	/** Bytes that are not valid UTF-8 (a Latin-1 or Windows-1252 file read as UTF-8). */
	| "encoding"
	/** Elements nested deeper than the parser follows (see MAX_NESTING_DEPTH). */
	| "nesting";

export interface TemplateProblem {
	kind: TemplateProblemKind;
	message: string;
	range: Range;
	loc: SourceLocation;
}

export interface ElementNode extends RenderedNode {
	type: "Element";
	/** Lower-cased tag name (`a`, `td`, `mj-text`). */
	name: string;
	attributes: AttributeNode[];
	/** Merge tags written between attributes, e.g. `<a {% if x %}href="…"{% endif %}>`. */
	tagMergeTags: MergeTagNode[];
	children: ChildNode[];
	/** The start tag alone: where most findings about an element point. */
	startTag: { range: Range; loc: SourceLocation };
}

export interface AttributeNode extends BaseNode {
	type: "Attribute";
	/** Lower-cased attribute name. */
	name: string;
	/** The decoded value as written (merge tags kept verbatim); `null` for a bare attribute. */
	value: string | null;
	/** The value split into literal text and merge tags, with their own ranges. */
	parts: Array<TextNode | MergeTagNode>;
}

export interface TextNode extends RenderedNode {
	type: "Text";
	/** The text with character references decoded. */
	value: string;
}

export interface CommentNode extends BaseNode {
	type: "Comment";
	/** The comment body, without `<!--` and `-->`. */
	value: string;
}

export interface DoctypeNode extends BaseNode {
	type: "Doctype";
	value: string;
}

/**
 * An Outlook conditional comment, e.g. `<!--[if mso]>…<![endif]-->` or the
 * downlevel-revealed `<!--[if !mso]><!-->…<!--<![endif]-->`. The markup
 * between its markers is parsed as ordinary markup (a conditional block often
 * opens a table that another one closes), so this node is a marker placed
 * where the block starts; the nodes inside carry the block's `clients`.
 */
export interface ConditionalNode extends BaseNode {
	type: "Conditional";
	/** The condition as written, e.g. `mso`, `!mso`, `gte mso 9`. */
	condition: string;
	clients: ClientScope;
}

export type MergeTagSyntax =
	/** `*|UNSUB|*` (Mailchimp, Mandrill) */
	| "mailchimp"
	/** `{{{ … }}}` (Handlebars triple-stash: SendGrid, Postmark) */
	| "triple-curly"
	/** `{{ … }}` (Handlebars, Liquid, Jinja, HubL, Django) */
	| "double-curly"
	/** `{% … %}` (Liquid, Jinja, HubL, Klaviyo, Customer.io) */
	| "curly-percent"
	/** `<% … %>` (SendGrid legacy, ERB) */
	| "erb"
	/** `%%…%%` (Salesforce Marketing Cloud) */
	| "double-percent"
	/** `%NAME%` (Mailgun, ActiveCampaign) */
	| "percent"
	/** `[[…]]` (Mailjet) */
	| "double-bracket"
	/** `[NAME]` (Campaign Monitor, Brevo) */
	| "bracket"
	/** `{$name}` / `{name}` (MailerLite, Copernica) */
	| "single-curly"
	/** `##Name##` (SocketLabs) */
	| "hash";

export interface MergeTagNode extends RenderedNode {
	type: "MergeTag";
	syntax: MergeTagSyntax;
	/** The tag as written, delimiters included. */
	raw: string;
	/** The expression between the delimiters, trimmed. */
	expression: string;
}

export type ChildNode = ElementNode | TextNode | CommentNode | DoctypeNode | ConditionalNode | MergeTagNode;

export type TemplateNode = DocumentNode | ChildNode | AttributeNode;

/** Which child keys the traversal follows, per node type. */
export const templateVisitorKeys: Readonly<Record<TemplateNode["type"], readonly string[]>> = {
	Document: ["children"],
	Element: ["attributes", "tagMergeTags", "children"],
	Attribute: ["parts"],
	Text: [],
	Comment: [],
	Doctype: [],
	Conditional: [],
	MergeTag: [],
};
