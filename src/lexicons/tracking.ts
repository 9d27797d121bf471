/**
 * What marks an image as open tracking: the endpoints ESPs and analytics
 * services serve their open pixels from, template variables that identify
 * the recipient (an opaque id or a hash is still an identifier), and
 * variables an ESP replaces with its own pixel.
 *
 * The endpoints are a small selection from EasyPrivacy's e-mail tracker list
 * (https://github.com/easylist/easylist/blob/master/easyprivacy/easyprivacy_general_emailtrackers.txt),
 * limited to the ESPs in the campaign schema and the two big ad/analytics
 * services; the ESP's own documentation is named where it was read.
 */
import { variableWords } from "./personal-data-fields.js";

export interface TrackerEndpoint {
	/** Who runs it, for the message. */
	service: string;
	/** The host or a parent domain of it. */
	domain: string;
	/** The path must start with this; empty for any path. */
	pathPrefix: string;
	/** An ad or analytics service rather than the ESP that sends the mail. */
	thirdParty: boolean;
}

const endpoint = (service: string, domain: string, pathPrefix = "", thirdParty = false): TrackerEndpoint => ({
	service,
	domain,
	pathPrefix,
	thirdParty,
});

export const TRACKER_ENDPOINTS: readonly TrackerEndpoint[] = [
	endpoint("Mailchimp", "list-manage.com", "/track/"),
	endpoint("Mandrill", "mandrillapp.com", "/track/open"),
	// https://www.twilio.com/docs/sendgrid/api-reference/settings-tracking/update-open-tracking-settings ("an invisible image")
	endpoint("SendGrid", "ct.sendgrid.net"),
	endpoint("Mailjet", "mjt.lu", "/oo/"),
	endpoint("Brevo", "sendibt2.com", "/tr/op/"),
	endpoint("Brevo", "sendibt3.com", "/tr/op/"),
	endpoint("Brevo", "sp1-brevo.net", "/mk/op/"),
	endpoint("Klaviyo", "klclick.com"),
	endpoint("Campaign Monitor", "cmail19.com", "/t/"),
	endpoint("Campaign Monitor", "cmail20.com", "/t/"),
	endpoint("ActiveCampaign", "acemlna.com"),
	endpoint("ActiveCampaign", "acemlnb.com"),
	endpoint("Customer.io", "customeriomail.com", "/e/o/"),
	endpoint("Postmark", "pstmrk.it", "/open"),
	endpoint("HubSpot", "hs-sales-engage.com"),
	endpoint("Amazon SES", "awstrack.me"),
	endpoint("SparkPost", "sparkpostmail.com", "/q/"),
	endpoint("Google Analytics", "google-analytics.com", "", true),
	endpoint("DoubleClick", "doubleclick.net", "", true),
	endpoint("Meta (Facebook) pixel", "facebook.com", "/tr", true),
];

/** Open-tracking paths on any host (an ESP's pixel on the sender's own tracking domain), from the same list. */
const OPEN_PATHS = /^\/(?:track\/open(?:\.php)?|wf\/open|email\/open|open\.aspx|p1x1\.gif|email-pixel)(?:[/?]|$)/iu;

/** The tracker a URL's host and path belong to; `url` is the path and query after the host. */
export function trackerOf(host: string, pathAndQuery: string): TrackerEndpoint | undefined {
	const name = host.toLowerCase().replace(/\.$/u, "");
	const known = TRACKER_ENDPOINTS.find(
		(entry) =>
			(name === entry.domain || name.endsWith(`.${entry.domain}`)) &&
			pathAndQuery.toLowerCase().startsWith(entry.pathPrefix),
	);
	if (known) return known;
	return OPEN_PATHS.test(pathAndQuery)
		? { service: "an open-tracking endpoint", domain: name, pathPrefix: "", thirdParty: false }
		: undefined;
}

/** Words that make a variable an identifier. */
const ID_WORDS: ReadonlySet<string> = new Set([
	"id",
	"uid",
	"uuid",
	"guid",
	"key",
	"token",
	"hash",
	"hashed",
	"md5",
	"sha",
	"sha1",
	"sha256",
	"hmac",
	"uniqid",
]);

/** Whose identifier it is: the recipient's. */
const RECIPIENT_WORDS: ReadonlySet<string> = new Set([
	"contact",
	"subscriber",
	"recipient",
	"user",
	"customer",
	"member",
	"person",
	"profile",
	"lead",
	"email",
	"mail",
	"klant",
	"abonnee",
	"lid",
	"kunde",
	"abonnent",
	"client",
	"abonne",
	"kontakt",
	"empfanger",
	"ontvanger",
	"relatie",
	"destinataire",
	"braze",
]);

/** Words that make the variable a campaign-level value, the same for every recipient. */
const CAMPAIGN_WORDS: ReadonlySet<string> = new Set([
	"campaign",
	"list",
	"template",
	"job",
	"batch",
	"mailing",
	"newsletter",
	"send",
	"message",
	"journey",
	"flow",
	"segment",
	"organization",
	"company",
	"account",
	"sender",
	"from",
]);

/** ESP tags that are the recipient's id by name: Mailchimp `*|UNIQID|*`, SFMC `%%_subscriberkey%%`. */
const RECIPIENT_TAGS: ReadonlySet<string> = new Set([
	"uniqid",
	"_subscriberkey",
	"subscriberkey",
	"subscriberid",
	"emailaddr",
]);

/** Filters and helpers that turn a value into a pseudonym: still one per recipient. */
const HASHING = /^(?:md5|sha\d*|hmac\w*|hash\w*|base64url_sha\w*)$/iu;

/**
 * Whether a template expression outputs something that identifies the
 * recipient: an id (`{{ subscriber.id }}`, `*|UNIQID|*`, `%recipient.id%`),
 * a hash (`{{ email | md5 }}`, `*|EMAIL_HASH|*`); personal data in clear
 * text is `personalDataOf`'s.
 */
export function isRecipientIdentifier(expression: string): boolean {
	const [head = "", ...filters] = expression.split("|").map((part) => part.trim());
	const words = variableWords(bareName(head));
	if (words.length === 0) return false;
	if (RECIPIENT_TAGS.has(words.join(""))) return true;
	if (words.some((word) => CAMPAIGN_WORDS.has(word))) return false;
	const hashed = filters.some((filter) => HASHING.test(filter.split(/[\s:(]/u)[0] ?? ""));
	const names = words.some((word) => RECIPIENT_WORDS.has(word) || word.startsWith("email"));
	return names && (hashed || words.some((word) => ID_WORDS.has(word)));
}

/**
 * The variable a tag outputs: its first token, without Handlebars/Liquid
 * whitespace control (`{{- x -}}`), ERB's `=`, Ruby's `@`, Braze's `${…}`.
 * A comment (`{{-- … --}}`, `{{!-- … --}}`) has no variable: its first
 * token holds no letter.
 */
function bareName(head: string): string {
	// Blade's `{{-- … --}}` reaches us as `- … --`, Handlebars' `{{!-- … --}}` as `!-- … --`.
	if (/^!|--$/u.test(head.trim())) return "";
	const token =
		head
			.trim()
			.replace(/^[-~]\s+/u, "")
			.split(/\s+/u)[0] ?? "";
	return token.replace(/^[=@$]*\{?/u, "").replaceAll("}", " ");
}

/** Words that name an open-tracking pixel in a variable: `{{ open_tracking_pixel }}`, `%open-track%`, `{{ tracking_url }}`. */
const TRACKING_WORDS = /^(?:track\w*|opentrack\w*|pixel|beacon|webbug)$/u;

/**
 * A variable that stands for an open pixel or its URL (SendGrid's
 * `open_tracking.substitution_tag` is chosen by the sender, so only its
 * naming is known): a tracking word, and not a click-tracking link.
 */
export function isOpenTrackingVariable(expression: string): boolean {
	const [head = ""] = expression.split("|").map((part) => part.trim());
	const words = variableWords(bareName(head));
	if (!words.some((word) => TRACKING_WORDS.test(word))) return false;
	return !words.some(
		(word) =>
			word === "click" ||
			word === "clicks" ||
			word === "link" ||
			word === "number" ||
			word === "code" ||
			word === "shipment" ||
			word === "order" ||
			word === "parcel" ||
			word === "package",
	);
}

/** Tags an ESP replaces with its open pixel by name: listmonk's `{{ TrackView }}` (its cmd/public.go: "The pixel URL is generated by the {{ TrackView }} template tag"). */
const PIXEL_TAGS: ReadonlySet<string> = new Set(["trackview"]);

/**
 * A merge tag standing in the text that the ESP replaces with a whole open
 * pixel: a known tag, or a tracking variable that names the open or the
 * pixel (`{{ open_tracking_pixel }}`, `%open-track%`), not a parcel's
 * `{{ tracking_url }}`.
 */
export function isOpenPixelTag(expression: string): boolean {
	const [head = ""] = expression.split("|").map((part) => part.trim());
	const words = variableWords(bareName(head));
	if (PIXEL_TAGS.has(words.join(""))) return true;
	return isOpenTrackingVariable(expression) && words.some((word) => /^(?:open\w*|pixel|beacon)$/u.test(word));
}
