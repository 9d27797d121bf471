/**
 * The per-jurisdiction configs (`configs.nl`, `configs.us`, …) as data: which
 * rules each profile turns on, at which severity, with which options, and
 * why. Which rules are on is derived from each rule's `meta.docs`
 * (`recommended`, `severity`, `jurisdictions`, `languages`), so a new rule
 * joins the right profiles by declaring its regimes; the table below only
 * adds what `meta` cannot say: the reason a profile has a rule (for
 * docs/configs.md), option defaults and severity overrides.
 *
 * `plugin/configs.ts` turns this into flat configs with
 * {@link profileRules}; nothing here knows about files or plugins.
 */
import type { MailcomplyDocs } from "../rule-docs.js";
import type { Jurisdiction } from "./jurisdiction.js";

export type ProfileId = "eu" | "nl" | "de" | "uk" | "us" | "ca" | "strict";
export type Severity = "error" | "warn";
export type RuleEntry = Severity | [Severity, Record<string, unknown>];

/** The part of a rule definition this module reads (an ESLint `RuleDefinition` fits). */
export interface RuleMetaLike {
	meta?: {
		docs?: unknown;
		languages?: readonly string[];
		schema?: unknown;
	};
}

export interface JurisdictionProfile {
	id: ProfileId;
	title: string;
	/** One paragraph for docs/configs.md. */
	summary: string;
	/** Regimes whose rules the profile turns on; rules without `docs.jurisdictions` apply everywhere and are always on. */
	jurisdictions: readonly Jurisdiction[];
	/**
	 * Given as the `countries` option to every rule that takes one: the
	 * recipients assumed for a template whose sidecar declares no
	 * `audience.countries` (a sidecar always wins). Absent: the rules'
	 * own default (NL).
	 */
	countries?: readonly string[];
	/** Also turn on rules that are not `recommended`, and every rule at `error`. */
	strict?: boolean;
	/** Severity overrides by rule id. */
	severities?: Readonly<Record<string, Severity>>;
	/** Option overrides by rule id, merged over `countries`. */
	options?: Readonly<Record<string, Record<string, unknown>>>;
	/** Why the profile has a rule, one sentence, by rule id; rules not listed fall back to their description. */
	reasons: Readonly<Record<string, string>>;
}

const UNSUBSCRIBE_EU = "ePrivacy Directive art. 13(2) and GDPR art. 21 require an easy, free opt-out in every marketing message.";
const PRIVACY_EU = "GDPR art. 12–14 and 21(4) require the privacy information to be easily accessible from every marketing mail.";
const TRACKING_EU =
	"ePrivacy Directive art. 5(3) requires prior consent before an open pixel reads from the recipient's device (EDPB Guidelines 2/2023); consent to the mailing is not consent to tracking.";
const PROMO_EU = "e-Commerce Directive art. 6(c)–(d) requires the conditions of discounts, gifts and contests to be easily accessible; a warning, because offer detection is approximate.";

export const JURISDICTION_PROFILES: Readonly<Record<ProfileId, JurisdictionProfile>> = {
	eu: {
		id: "eu",
		title: "European Union / EEA",
		summary:
			"For recipients anywhere in the EU/EEA: the ePrivacy Directive, the GDPR and the e-Commerce Directive, without national additions. Templates without a sidecar keep the rules' default audience (NL, an EU country).",
		jurisdictions: ["eu"],
		reasons: {
			"require-unsubscribe": UNSUBSCRIBE_EU,
			"require-privacy-link": PRIVACY_EU,
			"promo-conditions-link": PROMO_EU,
			"no-tracking-without-consent": TRACKING_EU,
		},
	},
	nl: {
		id: "nl",
		title: "Netherlands",
		summary:
			"The EU rules plus Dutch law: the Telecommunicatiewet (art. 11.7, which also covers business recipients), BW 3:15d–3:15e and the trade-register duty to show the KvK number on correspondence.",
		jurisdictions: ["eu", "nl"],
		countries: ["NL"],
		reasons: {
			"require-unsubscribe": "Telecommunicatiewet art. 11.7 and ePrivacy art. 13 require an opt-out in every message, to consumers and businesses alike.",
			"require-privacy-link": PRIVACY_EU,
			"promo-conditions-link": "BW 3:15e(1)(c) requires the nature and conditions of promotional offers and contests to be stated clearly; a warning, because offer detection is approximate.",
			"require-company-number": "Dutch businesses must show their KvK number on outgoing correspondence, e-mail included; advertisements are exempt, so only transactional mail is reported.",
			"no-tracking-without-consent": "Telecommunicatiewet art. 11.7a (ePrivacy art. 5(3)) requires prior consent before an open pixel reads from the recipient's device.",
		},
	},
	de: {
		id: "de",
		title: "Germany",
		summary: "The EU rules plus German law (UWG §7, double opt-in practice) for recipients in Germany.",
		jurisdictions: ["eu", "de"],
		countries: ["DE"],
		reasons: {
			"require-unsubscribe": "UWG §7(3) no. 4 and ePrivacy art. 13(2) require a clear opt-out notice in every message.",
			"require-privacy-link": "GDPR (DSGVO) art. 12–14 and 21(4) require the privacy information to be easily accessible from every marketing mail.",
			"promo-conditions-link": PROMO_EU,
			"no-tracking-without-consent": "TDDDG § 25(1) (ePrivacy art. 5(3)) requires prior consent before an open pixel reads from the recipient's device.",
		},
	},
	uk: {
		id: "uk",
		title: "United Kingdom",
		summary: "PECR, the UK GDPR and the Electronic Commerce (EC Directive) Regulations 2002 for recipients in the UK.",
		jurisdictions: ["uk"],
		countries: ["GB"],
		// PECR Schedule A1 (in force 5 February 2026) added a statistical-purposes exception whose reach to e-mail pixels is not settled.
		severities: { "no-tracking-without-consent": "warn" },
		reasons: {
			"no-tracking-without-consent":
				"PECR reg. 6 requires consent before an open pixel reads from the recipient's device; a warning, because Schedule A1 (Data (Use and Access) Act 2025) now exempts some statistical uses and its reach to e-mail open tracking is not settled.",
			"require-unsubscribe": "PECR reg. 22(3) and 23 require a valid address and a simple way to opt out in every message.",
			"require-privacy-link": "UK GDPR art. 12–14 and 21(4) require the privacy information to be easily accessible from every marketing mail.",
			"promo-conditions-link": "The Electronic Commerce Regulations 2002, reg. 7(c)–(d), require the conditions of promotional offers and competitions to be easily accessible; a warning.",
		},
	},
	us: {
		id: "us",
		title: "United States",
		summary:
			"CAN-SPAM for recipients in the United States: an opt-out, a postal address and, without prior affirmative consent, an advertisement label. The EU-only rules (privacy link, offer conditions) are off.",
		jurisdictions: ["us"],
		countries: ["US"],
		reasons: {
			"require-unsubscribe": "15 U.S.C. 7704(a)(3) and (a)(5)(A)(ii) require a functioning opt-out, clearly and conspicuously displayed.",
			"require-ad-label": "15 U.S.C. 7704(a)(5)(A)(i) requires commercial mail sent without prior affirmative consent to identify itself as an advertisement, and a \"not marketing\" claim does not make promotion transactional (FTC v. Experian, 2023).",
		},
	},
	ca: {
		id: "ca",
		title: "Canada",
		summary: "CASL for recipients in Canada: identification, an unsubscribe mechanism and consent. The EU- and US-only rules are off.",
		jurisdictions: ["ca"],
		countries: ["CA"],
		reasons: {
			"require-unsubscribe": "CASL s. 6(2)(c) and s. 11 require an unsubscribe mechanism in every commercial electronic message.",
		},
	},
	strict: {
		id: "strict",
		title: "Strict (every regime)",
		summary:
			"Every rule of every regime at error, for senders who mail everywhere or want the strictest reading; templates without a sidecar are assumed to go to NL, DE, GB, US and CA recipients, and marketing mail must show the KvK number too.",
		jurisdictions: ["eu", "nl", "de", "uk", "us", "ca"],
		countries: ["NL", "DE", "GB", "US", "CA"],
		strict: true,
		options: { "require-company-number": { reportMarketing: true } },
		reasons: {
			"require-unsubscribe": UNSUBSCRIBE_EU,
			"require-privacy-link": PRIVACY_EU,
			"promo-conditions-link": "e-Commerce Directive art. 6(c)–(d); an error here, where the other profiles warn.",
			"require-company-number": "The KvK number on all mail, marketing included: not required for advertisements, but the strictest reading.",
			"require-ad-label": "15 U.S.C. 7704(a)(5)(A)(i) and FTC v. Experian, 2023.",
		},
	},
};

export const PROFILE_IDS = Object.keys(JURISDICTION_PROFILES) as ProfileId[];

/**
 * The rules a profile turns on for one language (`mailcomply/mjml`,
 * `mailcomply/html`, `mailcomply/campaign`), ready for a flat config's
 * `rules` (ids are prefixed with `mailcomply/`).
 */
export function profileRules(rules: Readonly<Record<string, RuleMetaLike>>, profileId: ProfileId, language: string): Record<string, RuleEntry> {
	const profile = JURISDICTION_PROFILES[profileId];
	const selected: Record<string, RuleEntry> = {};
	for (const [id, rule] of Object.entries(rules)) {
		if (!profileHasRule(profile, rule)) continue;
		if (!(rule.meta?.languages ?? []).includes(language)) continue;
		const docs = rule.meta?.docs as MailcomplyDocs | undefined;
		const severity: Severity = profile.strict ? "error" : (profile.severities?.[id] ?? docs?.severity ?? "error");
		const options = {
			...(profile.countries && acceptsCountries(rule) ? { countries: [...profile.countries] } : {}),
			...profile.options?.[id],
		};
		selected[`mailcomply/${id}`] = Object.keys(options).length > 0 ? [severity, options] : severity;
	}
	return selected;
}

/** Whether a profile turns a rule on (in any language). */
export function profileHasRule(profile: JurisdictionProfile, rule: RuleMetaLike): boolean {
	const docs = rule.meta?.docs as MailcomplyDocs | undefined;
	if (!docs || (!docs.recommended && !profile.strict)) return false;
	return docs.jurisdictions === undefined || docs.jurisdictions.some((jurisdiction) => profile.jurisdictions.includes(jurisdiction));
}

/** The one-sentence reason a profile has a rule, for documentation. */
export function profileReason(profileId: ProfileId, ruleId: string, rule: RuleMetaLike): string {
	const reason = JURISDICTION_PROFILES[profileId].reasons[ruleId];
	if (reason !== undefined) return reason;
	const docs = rule.meta?.docs as MailcomplyDocs | undefined;
	return docs?.jurisdictions === undefined ? `${docs?.description ?? ruleId}; applies in every jurisdiction.` : `${docs.description}.`;
}

function acceptsCountries(rule: RuleMetaLike): boolean {
	const schema = rule.meta?.schema;
	const first = Array.isArray(schema) ? (schema[0] as { properties?: Record<string, unknown> } | undefined) : undefined;
	return first?.properties?.countries !== undefined;
}
