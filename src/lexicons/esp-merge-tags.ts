/**
 * The ESP merge-tag catalogue: which tags each ESP in `ESPS` replaces with an
 * unsubscribe link, a preference centre, the sender's postal address or name,
 * or a web version, plus what each ESP does on its own (footer, headers).
 *
 * Tags are written in the data as they appear in a template (`*|UNSUB|*`,
 * `{% unsubscribe %}`) and split into (syntax, expression) once at load, the
 * same way the template parser does: the expression is the text between the
 * delimiters, trimmed (see `MergeTagNode` in src/ast/types.ts).
 *
 * `verified` records whether the tag was seen in the ESP's own documentation
 * (the `docs` URLs) when this table was written; unverified tags come from
 * the project's gathered ESP notes or public templates, and say so where they are used.
 */
import type { MergeTagSyntax } from "../ast/types.js";
import type { Esp } from "../campaign/types.js";
import { ownValue } from "../own-value.js";
import { foldText } from "./lexicon.js";
import { MERGE_TAG_DELIMITERS } from "../template/merge-tags.js";

export type TagRole = "unsubscribe" | "preferences" | "address" | "company" | "view-online";

export interface TagMatch {
	esp: Esp;
	role: TagRole;
}

/** What the ESP puts in place of the tag: a bare URL (for `href`), a whole `<a>` link, or either depending on context. */
export type TagRenders = "url" | "link" | "either";

export interface EspTagDefinition {
	/** The tag as written in a template; also the suggestion text. */
	text: string;
	role: TagRole;
	/**
	 * `none`: the expression is exactly the tag name; `optional`: it may be
	 * followed by arguments (Klaviyo `{% unsubscribe 'text' %}`, Postmark
	 * `{{{ pm:unsubscribe label="…" }}}`); `required`: it must be
	 * (Mandrill `*|UNSUB:https://…|*`).
	 */
	args?: "none" | "optional" | "required";
	/** Other syntaxes the same expression is accepted in (Braze's `{{${…}}}` may be tokenised either way). */
	alsoSyntaxes?: readonly MergeTagSyntax[];
	renders?: TagRenders;
	/** Overrides the ESP's `caseInsensitive` for this tag. */
	caseInsensitive?: boolean;
	verified: boolean;
	note?: string;
}

/** How an ESP behaves when a template lacks its unsubscribe tag. */
export type FooterBehaviour =
	/** Appends its own unsubscribe footer when the template has no unsubscribe tag. */
	| "when-tag-missing"
	/** Always appends its own unsubscribe footer. */
	| "always"
	/** Refuses to save or send a marketing mail without the tag. */
	| "enforced"
	/** Appends a footer only when an account setting is on. */
	| "when-enabled"
	| "no"
	| "unknown";

export type HeaderBehaviour =
	/** Adds `List-Unsubscribe` (and `List-Unsubscribe-Post`) to marketing mail itself. */
	| "yes"
	/** Only when its unsubscribe link/tag or a setting is used. */
	| "when-enabled"
	| "no"
	| "unknown";

export interface EspFact<Value> {
	value: Value;
	verified: boolean;
	source?: string;
	note?: string;
}

export interface EspDefinition {
	esp: Esp;
	name: string;
	/** Documentation pages for the tags; rule docs cite the first. */
	docs: readonly string[];
	/** Whether the ESP matches tag names regardless of case (default false: template languages are case-sensitive). */
	caseInsensitive: boolean;
	tags: readonly EspTagDefinition[];
	/** HTML elements the ESP treats as tags (Campaign Monitor `<unsubscribe>…</unsubscribe>`), lower-case name → role. */
	elements?: Readonly<Record<string, TagRole>>;
	footer: EspFact<FooterBehaviour>;
	listUnsubscribeHeaders: EspFact<HeaderBehaviour>;
	/** Why `suggestEquivalent` picks the first tag of a role, when the ESP has several flavours. */
	defaultNote?: string;
}

const u = (text: string, extra: Partial<EspTagDefinition> = {}): EspTagDefinition => ({
	text,
	role: "unsubscribe",
	verified: false,
	...extra,
});
const p = (text: string, extra: Partial<EspTagDefinition> = {}): EspTagDefinition => ({
	text,
	role: "preferences",
	verified: false,
	...extra,
});
const a = (text: string, extra: Partial<EspTagDefinition> = {}): EspTagDefinition => ({
	text,
	role: "address",
	verified: false,
	...extra,
});
const c = (text: string, extra: Partial<EspTagDefinition> = {}): EspTagDefinition => ({
	text,
	role: "company",
	verified: false,
	...extra,
});
const v = (text: string, extra: Partial<EspTagDefinition> = {}): EspTagDefinition => ({
	text,
	role: "view-online",
	verified: false,
	...extra,
});
const unknown = <Value>(value: Value, note?: string): EspFact<Value> => ({
	value,
	verified: false,
	...(note === undefined ? {} : { note }),
});

const LEGACY_SENDGRID =
	"Legacy Marketing Campaigns tag, used in SendGrid's own public templates (github.com/sendgrid/email-templates).";

export const ESP_CATALOGUE: Readonly<Record<Esp, EspDefinition>> = {
	mailchimp: {
		esp: "mailchimp",
		name: "Mailchimp",
		docs: ["https://mailchimp.com/help/all-the-merge-tags-cheat-sheet/", "http://kb.mailchimp.com/tag/unsubscribe"],
		caseInsensitive: true,
		tags: [
			u("*|UNSUB|*", { verified: true }),
			p("*|UPDATE_PROFILE|*"),
			a("*|LIST:ADDRESS|*"),
			a("*|LIST:ADDRESSLINE|*"),
			a("*|HTML:LIST_ADDRESS_HTML|*", { verified: true, renders: "link" }),
			a("*|LIST:ADDRESS_HTML|*"),
			c("*|LIST:COMPANY|*"),
			v("*|ARCHIVE|*"),
		],
		footer: {
			value: "when-tag-missing",
			verified: true,
			source: "http://kb.mailchimp.com/tag/unsubscribe",
			note: "Mailchimp adds a grey footer when required footer tags are missing.",
		},
		listUnsubscribeHeaders: unknown("yes"),
	},
	mandrill: {
		esp: "mandrill",
		name: "Mandrill (Mailchimp Transactional)",
		docs: [
			"https://mandrill.zendesk.com/hc/en-us/articles/205582947",
			"https://mandrill.zendesk.com/hc/en-us/articles/205583017",
		],
		caseInsensitive: true,
		tags: [
			u("*|UNSUB:https://example.com/unsubscribed|*", {
				verified: true,
				args: "required",
				note: "The argument is the page recipients land on after unsubscribing; the doc's own example leaves it empty (`*|UNSUB:|*`).",
			}),
			u('{{unsub "https://example.com/unsubscribed"}}', {
				args: "required",
				caseInsensitive: false,
				note: "Handlebars templates.",
			}),
		],
		footer: {
			value: "when-enabled",
			verified: true,
			source: "https://mandrill.zendesk.com/hc/en-us/articles/205582947",
			note: "An automatic unsubscribe footer can be turned on in Sending Defaults or by Rules.",
		},
		listUnsubscribeHeaders: {
			value: "when-enabled",
			verified: true,
			source: "https://mandrill.zendesk.com/hc/en-us/articles/205582947",
			note: "Added to every mail that includes a Mandrill-generated unsubscribe link.",
		},
	},
	sendgrid: {
		esp: "sendgrid",
		name: "Twilio SendGrid",
		docs: [
			"https://www.twilio.com/docs/sendgrid/ui/sending-email/recipient-subscription-preferences",
			"https://sendgrid.com/docs/for-developers/sending-email/suppressions",
			"https://github.com/sendgrid/email-templates",
		],
		caseInsensitive: false,
		tags: [
			u("<%asm_group_unsubscribe_raw_url%>"),
			u("<%asm_global_unsubscribe_raw_url%>"),
			u("<%asm_group_unsubscribe_url%>", { renders: "link" }),
			u("<%asm_global_unsubscribe_url%>", { renders: "link" }),
			u("{{{unsubscribe}}}", { note: "Marketing Campaigns (Single Sends, Automations) editor module." }),
			u("[unsubscribe]", { verified: true, caseInsensitive: true, note: LEGACY_SENDGRID }),
			p("<%asm_preferences_raw_url%>", { verified: true }),
			p("<%asm_preferences_url%>", { verified: true, renders: "link" }),
			p("{{{unsubscribe_preferences}}}", { note: "Marketing Campaigns." }),
			p("[Unsubscribe_Preferences]", { verified: true, caseInsensitive: true, note: LEGACY_SENDGRID }),
			c("{{Sender_Name}}"),
			a("{{Sender_Address}}"),
			a("{{Sender_City}}"),
			a("{{Sender_State}}"),
			a("{{Sender_Zip}}"),
			c("[Sender_Name]", { verified: true, caseInsensitive: true, note: LEGACY_SENDGRID }),
			a("[Sender_Address]", { verified: true, caseInsensitive: true, note: LEGACY_SENDGRID }),
			a("[Sender_City]", { verified: true, caseInsensitive: true, note: LEGACY_SENDGRID }),
			a("[Sender_State]", { verified: true, caseInsensitive: true, note: LEGACY_SENDGRID }),
			a("[Sender_Zip]", { verified: true, caseInsensitive: true, note: LEGACY_SENDGRID }),
		],
		footer: {
			value: "when-enabled",
			verified: true,
			source: "https://sendgrid.com/docs/Apps/subscription_tracking.html",
			note: "The Subscription Tracking setting appends unsubscribe links to every mail.",
		},
		listUnsubscribeHeaders: unknown("when-enabled", "With an unsubscribe group or Subscription Tracking."),
		defaultNote:
			"Suggests the unsubscribe-group substitution tags (`<%asm_group_unsubscribe_raw_url%>`): they work for templates sent through the Mail Send API with an `asm.group_id`, which is how templates kept in a repository are sent. `{{{unsubscribe}}}` only works in Marketing Campaigns designs.",
	},
	mailgun: {
		esp: "mailgun",
		name: "Mailgun",
		docs: ["https://documentation.mailgun.com/docs/mailgun/user-manual/tracking-messages"],
		caseInsensitive: false,
		tags: [
			u("%unsubscribe_url%", { verified: true }),
			u("%tag_unsubscribe_url%", { verified: true }),
			u("%mailing_list_unsubscribe_url%", { verified: true }),
		],
		footer: {
			value: "when-enabled",
			verified: true,
			source: "https://documentation.mailgun.com/docs/mailgun/user-manual/tracking-messages",
			note: "With unsubscribe tracking on, Mailgun appends its unsubscribe footer unless the footer text is emptied.",
		},
		listUnsubscribeHeaders: unknown("when-enabled", "With unsubscribe tracking on."),
	},
	"campaign-monitor": {
		esp: "campaign-monitor",
		name: "Campaign Monitor",
		docs: ["https://www.campaignmonitor.com/create/tags/"],
		caseInsensitive: true,
		tags: [u("[unsubscribe]"), p("[preferences]"), v("[webversion]")],
		elements: { unsubscribe: "unsubscribe", preferences: "preferences", webversion: "view-online" },
		footer: unknown(
			"when-tag-missing",
			"From the project's gathered ESP notes; not confirmed in Campaign Monitor's documentation.",
		),
		listUnsubscribeHeaders: unknown("yes"),
	},
	brevo: {
		esp: "brevo",
		name: "Brevo (Sendinblue)",
		docs: ["https://help.sendinblue.com/hc/en-us/articles/209502605-Manage-your-transactional-email-unsubscriptions"],
		caseInsensitive: false,
		tags: [
			u("{{ unsubscribe }}"),
			u("[UNSUBSCRIBE]", { verified: true, caseInsensitive: true, note: "Transactional (SMTP) templates." }),
			p("{{ update_profile }}"),
			v("{{ mirror }}"),
		],
		footer: unknown("unknown"),
		listUnsubscribeHeaders: unknown("unknown"),
	},
	klaviyo: {
		esp: "klaviyo",
		name: "Klaviyo",
		docs: [
			"https://help.klaviyo.com/hc/en-us/articles/115005078267",
			"https://help.klaviyo.com/hc/en-us/articles/115006054267",
		],
		caseInsensitive: false,
		tags: [
			u("{% unsubscribe %}", {
				verified: true,
				args: "optional",
				renders: "link",
				note: "`{% unsubscribe 'link text' %}` sets the link text.",
			}),
			u("{% unsubscribe_link %}", { verified: true }),
			p("{% manage_preferences %}", { verified: true, args: "optional", renders: "link" }),
			p("{% manage_preferences_link %}", { verified: true }),
			c("{{ organization.name }}"),
			a("{{ organization.full_address }}"),
		],
		footer: {
			value: "when-tag-missing",
			verified: true,
			source: "https://help.klaviyo.com/hc/en-us/articles/115006054267",
			note: "Klaviyo adds an unsubscribe link at the bottom of a mail in which it detects no unsubscribe tag.",
		},
		listUnsubscribeHeaders: {
			value: "yes",
			verified: true,
			source: "https://help.klaviyo.com/hc/en-us/articles/115005078267",
			note: "Klaviyo adds one-click unsubscribe headers to every mail.",
		},
	},
	hubspot: {
		esp: "hubspot",
		name: "HubSpot",
		docs: [
			"https://knowledge.hubspot.com/articles/kcs_article/email/what-is-the-difference-between-the-two-unsubscribe-links-at-the-bottom-of-an-email",
			"https://knowledge.hubspot.com/articles/KCS_Article/Email/Can-I-customize-my-CAN-SPAM-email-footer",
		],
		caseInsensitive: false,
		tags: [
			u("{{ unsubscribe_link_all }}", { verified: true }),
			p("{{ unsubscribe_link }}", {
				verified: true,
				note: "The subscription preferences page, which also offers unsubscribing from everything; HubSpot accepts either token as the required unsubscribe link.",
			}),
			c("{{ site_settings.company_name }}"),
			a("{{ site_settings.company_street_address_1 }}"),
			a("{{ site_settings.company_street_address_2 }}"),
			a("{{ site_settings.company_city }}"),
			a("{{ site_settings.company_state }}"),
			a("{{ site_settings.company_zip }}"),
			a("{{ site_settings.company_country }}"),
			v("{{ view_as_page_url }}"),
		],
		footer: {
			value: "enforced",
			verified: true,
			source:
				"https://knowledge.hubspot.com/articles/kcs_article/cos-general/what-options-do-i-have-to-allow-my-contacts-to-unsubscribe",
			note: "A template without one of the two subscription tokens cannot be published; company name and address are required footer settings.",
		},
		listUnsubscribeHeaders: unknown("yes"),
	},
	postmark: {
		esp: "postmark",
		name: "Postmark",
		docs: ["https://postmarkapp.com/support/article/1208-how-to-add-an-unsubscribe-link"],
		caseInsensitive: false,
		tags: [
			u("{{{ pm:unsubscribe }}}", {
				verified: true,
				args: "optional",
				alsoSyntaxes: ["double-curly"],
				renders: "either",
				note: 'A link labelled "Unsubscribe" in text, the bare URL inside `href`; `label="…"` sets the text.',
			}),
		],
		footer: {
			value: "when-tag-missing",
			verified: true,
			source: "https://postmarkapp.com/support/article/1208-how-to-add-an-unsubscribe-link",
			note: "Broadcast message streams only, and not when the stream is set to manage unsubscribes on its own.",
		},
		listUnsubscribeHeaders: unknown("yes", "Broadcast message streams."),
	},
	sfmc: {
		esp: "sfmc",
		name: "Salesforce Marketing Cloud",
		docs: [
			"https://developer.salesforce.com/docs/marketing/marketing-cloud/guide/personalizationStringsAMPscript.html",
		],
		// Verified: "the system treats all personalization strings case-insensitively".
		caseInsensitive: true,
		tags: [
			u("%%unsub_center_url%%", { verified: true }),
			p("%%profile_center_url%%", { verified: true }),
			p("%%subscription_center_url%%", { verified: true }),
			c("%%Member_Busname%%", { verified: true }),
			a("%%Member_Addr%%", { verified: true }),
			a("%%Member_City%%", { verified: true }),
			a("%%Member_State%%", { verified: true }),
			a("%%Member_PostalCode%%", { verified: true }),
			a("%%Member_Country%%", { verified: true }),
			v("%%view_email_url%%"),
		],
		footer: unknown(
			"unknown",
			"Marketing Cloud validates commercial sends for a profile-centre or unsubscribe link; it does not add one.",
		),
		listUnsubscribeHeaders: unknown("unknown"),
	},
	activecampaign: {
		esp: "activecampaign",
		name: "ActiveCampaign",
		docs: ["https://help.activecampaign.com/hc/en-us/articles/220358207-Personalization-tags"],
		caseInsensitive: true,
		tags: [
			u("%UNSUBSCRIBELINK%", {
				note: "`%UNSUBSCRIBELINK%&ALL` unsubscribes from all lists; the tag itself is the same.",
			}),
			p("%UPDATELINK%"),
			a("%SENDER-INFO-SINGLELINE%"),
			a("%SENDER-INFO%"),
			v("%WEBCOPY%"),
		],
		footer: unknown("unknown"),
		listUnsubscribeHeaders: unknown("unknown"),
	},
	mailerlite: {
		esp: "mailerlite",
		name: "MailerLite",
		docs: ["https://www.mailerlite.com/help/how-to-use-variables-in-your-newsletter"],
		caseInsensitive: false,
		tags: [u("{$unsubscribe}"), p("{$preferences}"), v("{$url}")],
		footer: unknown("unknown"),
		listUnsubscribeHeaders: unknown("unknown"),
	},
	mailjet: {
		esp: "mailjet",
		name: "Mailjet",
		docs: [
			"https://documentation.mailjet.com/hc/en-us/articles/360042707434-How-to-add-an-unsubscribe-link-to-your-newsletter",
		],
		caseInsensitive: true,
		tags: [
			u("[[UNSUB_LINK_EN]]", {
				verified: true,
				note: "One variable per locale: `[[UNSUB_LINK_FR]]`, `[[UNSUB_LINK_DA]]`…; all are recognised.",
			}),
		],
		footer: unknown(
			"unknown",
			"The Mailjet editor puts an unsubscribe link in new marketing templates; not known for API sends.",
		),
		listUnsubscribeHeaders: unknown("unknown"),
	},
	customerio: {
		esp: "customerio",
		name: "Customer.io",
		docs: ["https://docs.customer.io/messaging/liquid/tag-list/"],
		caseInsensitive: false,
		tags: [
			u("{% unsubscribe_url %}", { alsoSyntaxes: ["double-curly"] }),
			p("{% manage_subscription_preferences_url %}", { alsoSyntaxes: ["double-curly"] }),
			v("{% view_in_browser_url %}", { alsoSyntaxes: ["double-curly"] }),
		],
		footer: unknown("unknown"),
		listUnsubscribeHeaders: unknown("unknown"),
	},
	iterable: {
		esp: "iterable",
		name: "Iterable",
		docs: ["https://support.iterable.com/hc/en-us/articles/206514205-Universal-Merge-Parameters"],
		caseInsensitive: false,
		tags: [
			u("{{unsubscribeUrl}}", { verified: true }),
			u("{{unsubscribeMessageTypeUrl}}", { verified: true }),
			u("{{hostedUnsubscribeUrl}}", {
				verified: true,
				note: "Your hosted unsubscribe page or preference centre; Iterable accepts it as the required unsubscribe link.",
			}),
			v("{{viewInBrowserUrl}}"),
		],
		footer: {
			value: "when-enabled",
			verified: true,
			source: "https://support.iterable.com/hc/en-us/articles/206514205-Universal-Merge-Parameters",
			note: "The project's Auto-append Unsubscribe Block setting.",
		},
		listUnsubscribeHeaders: unknown("unknown"),
	},
	braze: {
		esp: "braze",
		name: "Braze",
		docs: ["https://www.braze.com/docs/user_guide/message_building_by_channel/email/managing_user_subscriptions"],
		caseInsensitive: false,
		tags: [
			u("{{${set_user_to_unsubscribed_url}}}", { alsoSyntaxes: ["triple-curly"] }),
			u("{{${unsubscribe_url}}}", { alsoSyntaxes: ["triple-curly"] }),
			u("{{${email_footer}}}", {
				alsoSyntaxes: ["triple-curly"],
				verified: true,
				note: "The workspace's custom footer, which must carry the unsubscribe link.",
			}),
			p("{{${preference_center_url}}}", { alsoSyntaxes: ["triple-curly"] }),
		],
		footer: unknown(
			"unknown",
			"An older Braze page says Braze inserts an unsubscribe footer in every mail; current pages describe a configurable custom footer.",
		),
		listUnsubscribeHeaders: unknown("when-enabled", "Email Preferences setting for the List-Unsubscribe header."),
	},
	ses: {
		esp: "ses",
		name: "Amazon SES",
		docs: ["https://docs.aws.amazon.com/ses/latest/dg/sending-email-subscription-management.html"],
		caseInsensitive: false,
		tags: [
			u("{{amazonSESUnsubscribeUrl}}", {
				verified: true,
				note: "Replaced only when the mail is sent with ListManagementOptions (a contact list); seen quoted from the AWS docs in laravel/framework#50660.",
			}),
		],
		footer: { value: "no", verified: false },
		listUnsubscribeHeaders: {
			value: "when-enabled",
			verified: true,
			source: "https://github.com/laravel/framework/pull/50660",
			note: "With ListManagementOptions SES adds the unsubscribe headers and link.",
		},
	},
	copernica: {
		esp: "copernica",
		name: "Copernica",
		docs: ["https://www.copernica.com/en/documentation"],
		caseInsensitive: false,
		tags: [u("{unsubscribe}"), u("{$unsubscribe}")],
		footer: unknown("unknown"),
		listUnsubscribeHeaders: unknown("unknown"),
	},
	laposta: {
		esp: "laposta",
		name: "Laposta",
		docs: ["https://laposta.nl/documentatie"],
		caseInsensitive: false,
		tags: [],
		footer: unknown(
			"always",
			"Laposta always places its own unsubscribe link at the bottom of a newsletter and it cannot be removed (https://docs.laposta.org/article/756-is-an-unsubscribe-link-mandatory-in-a-newsletter). Its tags were not found.",
		),
		listUnsubscribeHeaders: unknown("unknown"),
	},
	other: {
		esp: "other",
		name: "Other",
		docs: [],
		caseInsensitive: false,
		tags: [],
		footer: { value: "unknown", verified: false },
		listUnsubscribeHeaders: { value: "unknown", verified: false },
	},
};

/* ------------------------------------------------------------------------ */
/* Splitting tag text and normalising expressions                           */
/* ------------------------------------------------------------------------ */

/** The tokenizer's delimiters, longest opening first: the order a tag's text is tried in (`{{{` before `{{` before `{`). */
const DELIMITERS: ReadonlyArray<readonly [open: string, close: string, syntax: MergeTagSyntax]> = (
	Object.entries(MERGE_TAG_DELIMITERS) as Array<[MergeTagSyntax, readonly [string, string]]>
)
	.map(([syntax, [open, close]]) => [open, close, syntax] as const)
	.sort((a, b) => b[0].length - a[0].length);

/** Splits a tag written in the catalogue into its syntax and trimmed expression. */
export function splitTagText(text: string): { syntax: MergeTagSyntax; expression: string } {
	for (const [open, close, syntax] of DELIMITERS) {
		if (text.startsWith(open) && text.endsWith(close) && text.length >= open.length + close.length) {
			return { syntax, expression: text.slice(open.length, text.length - close.length).trim() };
		}
	}
	throw new Error(`Not a merge tag: ${text}`);
}

const CURLY_SYNTAXES: ReadonlySet<MergeTagSyntax> = new Set(["triple-curly", "double-curly", "curly-percent"]);

/**
 * The expression reduced to what identifies the tag: whitespace collapsed,
 * Handlebars/Liquid whitespace control (`{{- x -}}`, `{{~ x ~}}`) and output
 * filters (`| escape`) removed, Braze's `${name}` unwrapped to `${name}` even
 * when a tokeniser left a brace on either side.
 */
export function normalizeExpression(syntax: MergeTagSyntax, expression: string): string {
	let text = expression.replace(/\s+/gu, " ").trim();
	if (CURLY_SYNTAXES.has(syntax)) {
		text = text.replace(/^[-~]/u, "").replace(/[-~]$/u, "").trim();
		const pipe = text.indexOf("|");
		if (pipe !== -1) text = text.slice(0, pipe).trim();
	}
	const braze = /^\{?\$\{ ?([\w.]+) ?\}{0,2}$/u.exec(text);
	if (braze !== null) text = `\${${braze[1] ?? ""}}`;
	return text;
}

interface CompiledTag {
	esp: Esp;
	definition: EspTagDefinition;
	syntaxes: ReadonlySet<MergeTagSyntax>;
	/** The normalised expression, lower-cased when the tag is case-insensitive. */
	name: string;
	/** What separates the name from arguments. */
	separator: string;
	caseInsensitive: boolean;
	args: "none" | "optional" | "required";
	/** Mailjet's per-locale variables: the name is a prefix followed by a locale code. */
	localeSuffix: boolean;
}

function compileTag(definition: EspDefinition, tag: EspTagDefinition): CompiledTag {
	const { syntax, expression } = splitTagText(tag.text);
	const caseInsensitive = tag.caseInsensitive ?? definition.caseInsensitive;
	const normalized = normalizeExpression(syntax, expression);
	const args = tag.args ?? "none";
	// The catalogue writes the argument in the example text; the name is what comes before it.
	const separator = syntax === "mailchimp" ? ":" : " ";
	const name = args === "none" ? normalized : (normalized.split(separator)[0] ?? normalized);
	const localeSuffix = /^UNSUB_LINK_[A-Z]{2}$/u.test(name);
	const key = localeSuffix ? "UNSUB_LINK_" : name;
	return {
		esp: definition.esp,
		definition: tag,
		syntaxes: new Set([syntax, ...(tag.alsoSyntaxes ?? [])]),
		name: caseInsensitive ? key.toLowerCase() : key,
		separator,
		caseInsensitive,
		args,
		localeSuffix,
	};
}

const COMPILED_TAGS: readonly CompiledTag[] = Object.values(ESP_CATALOGUE).flatMap((definition) =>
	definition.tags.map((tag) => compileTag(definition, tag)),
);

function tagMatches(tag: CompiledTag, syntax: MergeTagSyntax, normalized: { text: string; lower: string }): boolean {
	if (!tag.syntaxes.has(syntax)) return false;
	const text = tag.caseInsensitive ? normalized.lower : normalized.text;
	if (tag.localeSuffix)
		return text.startsWith(tag.name) && /^[a-z]{2}(?:_[a-z]{2})?$/iu.test(text.slice(tag.name.length));
	if (text === tag.name) return tag.args !== "required";
	if (tag.args === "none") return false;
	return text.startsWith(tag.name + tag.separator);
}

function findTags(tag: { syntax: MergeTagSyntax; expression: string }): CompiledTag[] {
	const text = normalizeExpression(tag.syntax, tag.expression);
	// Lower-cased once, not once per catalogue entry: a long expression would be copied hundreds of times.
	const normalized = { text, lower: text.toLowerCase() };
	return COMPILED_TAGS.filter((compiled) => tagMatches(compiled, tag.syntax, normalized));
}

/**
 * Which ESPs' tags this merge tag is, with its role for each. A tag can
 * belong to several ESPs (`{{ unsubscribe }}` is Brevo; `[unsubscribe]` is
 * Campaign Monitor). An empty result means no ESP in the catalogue uses it.
 */
export function classifyMergeTag(tag: { syntax: MergeTagSyntax; expression: string }): TagMatch[] {
	const seen = new Set<string>();
	const matches: TagMatch[] = [];
	for (const compiled of findTags(tag)) {
		const key = `${compiled.esp}\u0000${compiled.definition.role}`;
		if (seen.has(key)) continue;
		seen.add(key);
		matches.push({ esp: compiled.esp, role: compiled.definition.role });
	}
	return matches;
}

/**
 * ESPs whose campaign editor has no `{{ … }}` template engine: Mailchimp
 * (merge tags `*|…|*`; Handlebars only in Mailchimp Transactional, which is
 * `mandrill`), Campaign Monitor (`[…]`, `<unsubscribe>`) and ActiveCampaign
 * (`%…%`), per their merge-tag pages in {@link ESP_CATALOGUE}'s `docs`.
 * Other ESPs render Handlebars, Liquid or similar even where the catalogue
 * lists no curly tag of theirs (Mailgun and SendGrid templates are
 * Handlebars), so they are left out.
 */
const NO_CURLY_ENGINE: ReadonlySet<Esp> = new Set(["mailchimp", "campaign-monitor", "activecampaign"]);

/**
 * Whether a `{{ … }}` (or `{{{ … }}}`) tag can be filled in when the
 * campaign is sent with this ESP. In a Mailchimp campaign it reaches the
 * recipient as written, unless a build step of the sender's own renders it
 * first (the false-positive trap the rule doc names).
 */
export function espRendersCurlyTags(esp: Esp): boolean {
	return !NO_CURLY_ENGINE.has(esp);
}

/** Campaign Monitor style tags written as HTML elements (`<unsubscribe>…</unsubscribe>`). */
export function classifyEspElement(elementName: string): TagMatch[] {
	const name = elementName.toLowerCase();
	const matches: TagMatch[] = [];
	for (const definition of Object.values(ESP_CATALOGUE)) {
		const role = definition.elements && ownValue(definition.elements, name);
		if (role !== undefined) matches.push({ esp: definition.esp, role });
	}
	return matches;
}

/* ------------------------------------------------------------------------ */
/* Generic unsubscribe variables                                            */
/* ------------------------------------------------------------------------ */

/**
 * Folded stems that name an unsubscribe or opt-out in a variable name, in any
 * supported language; `=` marks a whole word (`unsub` but not `unsubmitted`,
 * `baja` but not `bajar`). A stem may span up to three words of the name
 * (`opt_out`, `profile_center`, `manage_subscription`).
 */
const UNSUBSCRIBE_NAME_STEMS = [
	"unsubscri",
	"=unsub",
	"optout",
	"afmeld",
	"uitschrijf",
	"uitschrijv",
	"abmeld",
	"abbestell",
	"=austragen",
	"desabonn",
	"desinscri",
	"desuscri",
	"=baja",
	"disiscri",
	"descadastr",
	"wypisz",
	"wypisanie",
	"rezygnacja",
	"avregistrer",
	"avprenumerer",
	"avanmal",
	"frameld",
];
/** Stems that name a preference centre. */
const PREFERENCE_NAME_STEMS = [
	"preference",
	"=prefs",
	"prefcent",
	"managesubscription",
	"subscriptioncent",
	"subscriptionpreference",
	"profilecent",
	"voorkeuren",
	"preferencias",
	"preferenze",
	"preferencje",
	"preferenser",
	"praeferencer",
	"emailsettings",
];
/** Words that make an unsubscribe-ish name a state rather than a link. */
const STATE_WORDS = new Set(["unsubscribed", "unsubscribes", "unsubscribers", "unsubscriber", "unsubscribing"]);
/** Words after the stem that make the variable a number, a flag or a label rather than a link. */
const NOT_A_LINK_AFTER = new Set([
	"count",
	"counts",
	"rate",
	"rates",
	"total",
	"totals",
	"number",
	"num",
	"date",
	"at",
	"on",
	"time",
	"timestamp",
	"reason",
	"reasons",
	"status",
	"state",
	"flag",
	"stats",
	"text",
	"label",
	"title",
	"copy",
	"caption",
	"heading",
	"id",
	"ids",
	"language",
	"lang",
	"locale",
	"timezone",
	"frequency",
	"format",
	"enabled",
	"disabled",
	"allowed",
	"visible",
]);
/** Words before the stem that make the variable a flag or a number. */
const NOT_A_LINK_BEFORE = new Set([
	"is",
	"has",
	"was",
	"did",
	"can",
	"should",
	"show",
	"hide",
	"enable",
	"disable",
	"allow",
	"num",
	"count",
	"total",
]);
/** Liquid/Jinja/HubL keywords that open a control structure rather than output a value. */
const CONTROL_KEYWORDS = new Set([
	"if",
	"elsif",
	"elif",
	"else",
	"unless",
	"for",
	"endfor",
	"endif",
	"endunless",
	"case",
	"when",
	"assign",
	"set",
	"capture",
	"endcapture",
	"with",
	"macro",
	"call",
	"include",
	"render",
	"comment",
	"raw",
	"block",
	"extends",
	"import",
	"from",
]);

/** Splits `links.unsubscribe`, `UnsubscribeURL`, `unsub_center_url`, `${optOutUrl}` into folded words. */
function identifierWords(identifier: string): string[] {
	return identifier
		.replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, "$1 $2")
		.replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, "$1 $2")
		.split(/[^\p{L}\p{N}]+/u)
		.map(foldText)
		.filter((word) => word !== "");
}

/** The variable an expression outputs: its first token, or `undefined` for comments, partials, blocks and control tags. */
function outputIdentifier(syntax: MergeTagSyntax, expression: string): string | undefined {
	const normalized = normalizeExpression(syntax, expression);
	if (normalized === "" || /^[#/!>^&=@]/u.test(normalized)) return undefined;
	const head = /^[\p{L}\p{N}_$.:{}[\]'"-]+/u.exec(normalized)?.[0];
	if (head === undefined) return undefined;
	if (syntax === "curly-percent" && CONTROL_KEYWORDS.has(head.toLowerCase())) return undefined;
	return head;
}

function stemMatches(joined: string, stem: string): boolean {
	return stem.startsWith("=") ? joined === stem.slice(1) : joined.startsWith(stem);
}

/** The first run of words (at most three) that a stem names, shortest run first. */
function findStem(words: readonly string[], stems: readonly string[]): { start: number; end: number } | undefined {
	for (let start = 0; start < words.length; start++) {
		let joined = "";
		for (let end = start; end < Math.min(words.length, start + 3); end++) {
			joined += words[end] ?? "";
			if (stems.some((stem) => stemMatches(joined, stem))) return { start, end };
		}
	}
	return undefined;
}

/**
 * A generic template variable whose name says it is an unsubscribe, opt-out
 * or preference-centre link, in any supported language: `{{ UnsubscribeURL }}`,
 * `{{unsubscribe_url}}`, `{{ afmeldlink }}`, `%%unsub_center_url%%`,
 * `{{ links.unsubscribe }}`. Not: `{{ subscribe_url }}`, `{{ unsubscribe_count }}`,
 * `{{ is_unsubscribed }}`, `{{ unsubscribe_text }}`, `{% if unsubscribe_url %}`.
 */
export function isGenericUnsubscribeVariable(tag: { syntax: MergeTagSyntax; expression: string }): boolean {
	const identifier = outputIdentifier(tag.syntax, tag.expression);
	if (identifier === undefined) return false;
	const words = identifierWords(identifier);
	if (words.some((word) => STATE_WORDS.has(word))) return false;
	const found = findStem(words, UNSUBSCRIBE_NAME_STEMS) ?? findStem(words, PREFERENCE_NAME_STEMS);
	if (found === undefined) return false;
	const before = words.slice(0, found.start);
	const after = words.slice(found.end + 1);
	return !after.some((word) => NOT_A_LINK_AFTER.has(word)) && !before.some((word) => NOT_A_LINK_BEFORE.has(word));
}

/* ------------------------------------------------------------------------ */
/* Suggestions                                                              */
/* ------------------------------------------------------------------------ */

/** Every tag the ESP documents for a role, the default first. */
export function equivalentTags(targetEsp: Esp, role: TagRole): string[] {
	return ESP_CATALOGUE[targetEsp].tags.filter((tag) => tag.role === role).map((tag) => tag.text);
}

/**
 * The configured ESP's tag for the same role, for the `esp-merge-tags` rule's
 * suggestion: keeps what the source tag renders (a bare URL for `href`, or a
 * whole link) when the target has such a tag, else its default (the first in
 * the catalogue; see `defaultNote`). `undefined` when the ESP has no tag for the role.
 */
export function suggestEquivalent(
	tag: { syntax: MergeTagSyntax; expression: string },
	targetEsp: Esp,
	role: TagRole,
): string | undefined {
	const candidates = ESP_CATALOGUE[targetEsp].tags.filter((candidate) => candidate.role === role);
	if (candidates.length === 0) return undefined;
	const source = findTags(tag).find((compiled) => compiled.definition.role === role && compiled.esp !== targetEsp);
	const renders = source?.definition.renders ?? "url";
	const fitting = candidates.find((candidate) => {
		const candidateRenders = candidate.renders ?? "url";
		return candidateRenders === renders || candidateRenders === "either" || renders === "either";
	});
	return (fitting ?? candidates[0])?.text;
}

/* ------------------------------------------------------------------------ */
/* What ESPs do on their own                                                */
/* ------------------------------------------------------------------------ */

/** Per ESP: does it add its own unsubscribe footer when the template lacks one (with sources). */
export const ESP_UNSUBSCRIBE_FOOTER: Readonly<Record<Esp, EspFact<FooterBehaviour>>> = Object.fromEntries(
	Object.values(ESP_CATALOGUE).map((definition) => [definition.esp, definition.footer]),
) as Record<Esp, EspFact<FooterBehaviour>>;

/** Per ESP: does it add `List-Unsubscribe` / `List-Unsubscribe-Post` itself (with sources). */
export const ESP_LIST_UNSUBSCRIBE_HEADERS: Readonly<Record<Esp, EspFact<HeaderBehaviour>>> = Object.fromEntries(
	Object.values(ESP_CATALOGUE).map((definition) => [definition.esp, definition.listUnsubscribeHeaders]),
) as Record<Esp, EspFact<HeaderBehaviour>>;

/**
 * The default for `Campaign.espAppendsFooter` when a sidecar does not say:
 * true only where the ESP guarantees an unsubscribe link without any setting
 * (adds one when missing, always appends one, or refuses to send without it).
 */
export function espAppendsFooter(esp: Esp): boolean {
	const value = ESP_UNSUBSCRIBE_FOOTER[esp].value;
	return value === "when-tag-missing" || value === "always" || value === "enforced";
}

/** The default for `Campaign.espAddsHeaders`: true only where the ESP adds them without a setting. */
export function espAddsListUnsubscribeHeaders(esp: Esp): boolean {
	return ESP_LIST_UNSUBSCRIBE_HEADERS[esp].value === "yes";
}
