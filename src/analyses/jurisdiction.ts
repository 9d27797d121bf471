/**
 * Which legal regimes apply to a campaign, from the recipients' countries.
 * A campaign to NL and US recipients must satisfy both the EU rules and
 * CAN-SPAM; each rule asks whether its own regime applies.
 */
export const JURISDICTIONS = ["eu", "nl", "de", "uk", "us", "ca"] as const;

export type Jurisdiction = (typeof JURISDICTIONS)[number];

/** EU member states plus the EEA states that apply the ePrivacy Directive and the GDPR. */
const EU_EEA = new Set([
	"AT",
	"BE",
	"BG",
	"HR",
	"CY",
	"CZ",
	"DK",
	"EE",
	"FI",
	"FR",
	"DE",
	"GR",
	"HU",
	"IE",
	"IT",
	"LV",
	"LT",
	"LU",
	"MT",
	"NL",
	"PL",
	"PT",
	"RO",
	"SK",
	"SI",
	"ES",
	"SE",
	"IS",
	"LI",
	"NO",
]);

export function jurisdictionsOf(countries: readonly string[]): Set<Jurisdiction> {
	const found = new Set<Jurisdiction>();
	for (const raw of countries) {
		const country = raw.toUpperCase();
		// `EU` is ISO 3166-1's exceptionally reserved code for the European Union: "somewhere in the EU".
		if (EU_EEA.has(country) || country === "EU") found.add("eu");
		if (country === "NL") found.add("nl");
		if (country === "DE") found.add("de");
		if (country === "GB" || country === "UK") found.add("uk");
		if (country === "US") found.add("us");
		if (country === "CA") found.add("ca");
	}
	return found;
}

/**
 * The recipients' countries: the campaign's `audience.countries` (sidecar,
 * folder defaults or `settings.mailcomply.campaign`, which the jurisdiction
 * configs set), else the rule's `countries` option, else none.
 *
 * None means "not declared": no country's law is assumed, so only the duties
 * that hold in every supported jurisdiction are checked, and the
 * country-specific ones (a KvK number, an Impressum, a US postal address, an
 * EU privacy link) wait until the countries are declared.
 */
export function campaignCountries(
	campaign: { audience?: { countries?: string[] } },
	optionCountries?: readonly string[],
): readonly string[] {
	const declared = campaign.audience?.countries;
	if (declared && declared.length > 0) return declared;
	if (optionCountries && optionCountries.length > 0) return optionCountries;
	return [];
}

/** Whether the recipients' countries are known (declared in the facts or configured in the rule's options). */
export function countriesDeclared(
	campaign: { audience?: { countries?: string[] } },
	optionCountries?: readonly string[],
): boolean {
	return campaignCountries(campaign, optionCountries).length > 0;
}

/** JSON schema for the `countries` option every jurisdiction-aware rule accepts. */
export const countriesOptionSchema = {
	type: "array",
	items: { type: "string", pattern: "^[A-Za-z]{2}$" },
	uniqueItems: true,
	description:
		"Recipients' countries (ISO 3166-1 alpha-2) for templates whose campaign facts declare none; without either, only the checks that hold in every jurisdiction run.",
} as const;
