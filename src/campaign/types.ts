/**
 * The campaign facts a sidecar (`NAME.campaign.yaml|yml|json`) declares about
 * a template, after normalisation. Every field is optional in the file; the
 * resolved model fills `kind` and `channel` with their defaults.
 * The JSON Schema in `schema/campaign.schema.json` is the source of truth for
 * allowed keys and values; this type mirrors it.
 */

/**
 * `opt-in-confirmation`: the message that confirms a sign-up. It does not
 * promote, so it carries a transactional message's duties; a US SMS
 * programme's confirmation must also carry the carriers' disclosures
 * (`sms-opt-in-confirmation`).
 */
export const CAMPAIGN_KINDS = ["marketing", "transactional", "opt-in-confirmation"] as const;
export const CHANNELS = ["email", "sms", "whatsapp"] as const;
export const SENT_BY_ROLES = ["processor", "joint-controller"] as const;
export const SPECIAL_CATEGORY_BASES = ["explicit-consent", "own-members"] as const;
/** What tracking the ESP adds to a mail when it sends it. */
export const ESP_TRACKING = ["opens", "clicks", "opens-and-clicks", "aggregate", "none"] as const;

export const ESPS = [
	"mailchimp",
	"mandrill",
	"sendgrid",
	"mailgun",
	"campaign-monitor",
	"brevo",
	"klaviyo",
	"hubspot",
	"postmark",
	"sfmc",
	"activecampaign",
	"mailerlite",
	"mailjet",
	"customerio",
	"iterable",
	"braze",
	"ses",
	"copernica",
	"laposta",
	"other",
] as const;
export type Esp = (typeof ESPS)[number];

export const AUDIENCE_SOURCES = ["own-customers", "signup-form", "third-party", "purchased", "scraped"] as const;
export type AudienceSource = (typeof AUDIENCE_SOURCES)[number];

export const LAWFUL_BASES = ["consent", "soft-opt-in", "legitimate-interest", "contract"] as const;
export type LawfulBasis = (typeof LAWFUL_BASES)[number];

/** GDPR art. 9(1) special categories, plus art. 10 criminal data. */
export const SENSITIVE_CATEGORIES = [
	"racial-or-ethnic-origin",
	"political-opinions",
	"religious-or-philosophical-beliefs",
	"trade-union-membership",
	"genetic",
	"biometric",
	"health",
	"sex-life",
	"sexual-orientation",
	"criminal",
] as const;
export type SensitiveCategory = (typeof SENSITIVE_CATEGORIES)[number];

export interface Segment {
	name?: string;
	categories?: SensitiveCategory[];
}

export interface Campaign {
	kind: (typeof CAMPAIGN_KINDS)[number];
	channel: (typeof CHANNELS)[number];
	esp?: Esp;
	/** True when the ESP appends its own unsubscribe footer to every mail (Mailchimp, Campaign Monitor, Klaviyo, Laposta). */
	espAppendsFooter?: boolean;
	/** True when the ESP adds `List-Unsubscribe` and `List-Unsubscribe-Post` itself. */
	espAddsHeaders?: boolean;
	/** The tracking the ESP adds at send time; `aggregate`: opens are counted per campaign, without recipient identifiers. */
	espTracking?: (typeof ESP_TRACKING)[number];
	/** BCP 47 tag. */
	language?: string;
	subject?: string;
	preheader?: string;
	sender?: {
		name?: string;
		address?: string;
		email?: string;
		companyNumber?: string;
	};
	sentBy?: {
		name?: string;
		role?: (typeof SENT_BY_ROLES)[number];
	};
	audience?: {
		/** ISO 3166-1 alpha-2, upper case. */
		countries?: string[];
		source?: AudienceSource;
		name?: string;
		owner?: string;
		/** ISO date `YYYY-MM-DD`. */
		lastCleaned?: string;
		segments?: Segment[];
	};
	lawfulBasis?: LawfulBasis;
	consent?: {
		explicit?: boolean;
		thirdParty?: boolean;
		record?: string;
		/** GDPR art. 9(2) ground for special-category segments. */
		specialCategoryBasis?: (typeof SPECIAL_CATEGORY_BASES)[number];
		/** Recipients consented to open and click tracking (ePrivacy Directive art. 5(3)), separately from the mailing itself. */
		tracking?: boolean;
	};
	headers?: Record<string, string>;
}
