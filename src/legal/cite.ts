/**
 * Short citations for messages, taken from the catalogue (src/legal/citations.ts).
 * A finding cites the law of the recipients it is about: a mail to Dutch
 * recipients cites the ePrivacy Directive and the Telecommunicatiewet, not
 * CAN-SPAM; a US-only mail cites CAN-SPAM alone.
 */
import { campaignCountries, jurisdictionsOf, type Jurisdiction } from "../analyses/jurisdiction.js";
import { citation, type CitationId, type SourceScope } from "./citations.js";

/** "GDPR art. 5(1)(f), GDPR art. 32(1)": the short citations of the given entries, in the given order. */
export function cite(...ids: CitationId[]): string {
	return ids.map((id) => citation(id).cite).join(", ");
}

/**
 * The entries that apply to recipients under the given regimes, in the
 * order given (list the regimes' sources from the most specific down).
 * Protocol and inbox-provider entries (`any`) always apply. France has no
 * regime of its own among the rules' jurisdictions: its entries follow `eu`.
 */
export function citationsFor(ids: readonly CitationId[], regimes: ReadonlySet<Jurisdiction>): CitationId[] {
	return ids.filter((id) => appliesTo(citation(id).scope, regimes));
}

/** {@link cite} for the entries that apply to these regimes; empty text when none does. */
export function citeFor(ids: readonly CitationId[], regimes: ReadonlySet<Jurisdiction>): string {
	return cite(...citationsFor(ids, regimes));
}

function appliesTo(scope: SourceScope, regimes: ReadonlySet<Jurisdiction>): boolean {
	if (scope === "any") return true;
	if (scope === "fr") return regimes.has("eu");
	return regimes.has(scope);
}

/** The most sources a message cites; the rule doc and the SARIF help list them all. */
const MESSAGE_SOURCES = 2;

/**
 * The citation a message prints, short enough for one line: of the entries
 * that apply to these regimes, the first of each regime, at most two, without
 * the qualifier that tells the catalogue's same-article entries apart
 * ("Telecommunicatiewet art. 11.7", not "… (identity, opt-out address)").
 * An EU directive gives way to the national law that implements it (a
 * directive binds the member state; its act binds the sender); a regulation
 * such as the GDPR applies directly and stays. Without regimes, or when none
 * applies, the first entry as an example.
 */
export function citeBriefly(ids: readonly CitationId[], regimes?: ReadonlySet<Jurisdiction>): string {
	const applicable = regimes ? citationsFor(ids, regimes) : [];
	if (applicable.length === 0) return ids.length > 0 ? `e.g. ${briefCite(ids[0]!)}` : "";
	const national = applicable.some((id) => !SUPRANATIONAL.has(citation(id).scope));
	const chosen = new Map<SourceScope, CitationId>();
	for (const id of applicable) {
		const { scope, law } = citation(id);
		if (national && scope === "eu" && /\bDirective\b/u.test(law)) continue;
		if (!chosen.has(scope)) chosen.set(scope, id);
	}
	return [...chosen.values()].slice(0, MESSAGE_SOURCES).map(briefCite).join(", ");
}

/** Scopes that are not one country's own law. */
const SUPRANATIONAL = new Set<SourceScope>(["eu", "any"]);

/** The catalogue's short citation without a trailing qualifier in parentheses. */
function briefCite(id: CitationId): string {
	return citation(id).cite.replace(/ \([^()]*\)$/u, "");
}

/**
 * {@link citeBriefly} for a campaign's recipients (sidecar `audience.countries`,
 * else the rule's `countries` option). Recipients nobody declared: the duty
 * holds everywhere the rule runs, so a source is cited as an example.
 */
export function citeBrieflyForCampaign(
	ids: readonly CitationId[],
	campaign: { audience?: { countries?: string[] } },
	optionCountries?: readonly string[],
): string {
	const countries = campaignCountries(campaign, optionCountries);
	return citeBriefly(ids, countries.length === 0 ? undefined : jurisdictionsOf(countries));
}
