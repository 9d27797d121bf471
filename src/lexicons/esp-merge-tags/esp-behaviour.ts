/**
 * What an ESP does on its own, read from the catalogue: whether it adds an
 * unsubscribe footer or `List-Unsubscribe` headers, and whether its campaign
 * editor renders `{{ … }}` tags at all.
 */
import type { Esp } from "../../campaign/types.js";
import { ESP_CATALOGUE, type EspFact, type FooterBehaviour, type HeaderBehaviour } from "./catalogue.js";

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
