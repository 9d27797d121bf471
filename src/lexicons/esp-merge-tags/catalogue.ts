/**
 * The ESP merge-tag catalogue, as data: which tags each ESP in `ESPS`
 * replaces with an unsubscribe link, a preference centre, the sender's postal
 * address or name, or a web version, plus what each ESP does on its own
 * (footer, headers). Matching template tags against it is `./matcher.ts`.
 *
 * Tags are written in the data as they appear in a template (`*|UNSUB|*`,
 * `{% unsubscribe %}`); the matcher splits them into (syntax, expression)
 * once at load, the same way the template parser does.
 *
 * `verified` records whether the tag was seen in the ESP's own documentation
 * (the `docs` URLs) when this table was written; unverified tags come from
 * the project's gathered ESP notes or public templates, and say so where they are used.
 */
import type { MergeTagSyntax } from "../../ast/types.js";
import type { Esp } from "../../campaign/types.js";

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
