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
 * {@link profileRules} and {@link profileSettings}; nothing here knows about
 * files or plugins.
 *
 * A profile's countries are a campaign fact (`audience.countries` in
 * `settings.mailcomply.campaign`), not a rule option: settings reach every
 * file, so a country config composes with any other config that turns rules
 * on, such as `configs.html` under the user's own globs.
 */
import { mailcomplyDocs, type Severity } from "../rule-docs.js";
import { JURISDICTIONS, type Jurisdiction } from "./jurisdiction.js";
import { cite } from "../legal/cite.js";

/** One profile per jurisdiction, and `strict` for all of them at once. */
export type ProfileId = Jurisdiction | "strict";
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
	 * The recipients' countries, set as `settings.mailcomply.campaign.audience.countries`
	 * for every file: the audience of a template whose own facts (sidecar,
	 * folder defaults) declare none; those always win. `EU` is ISO 3166-1's
	 * reserved code for the European Union.
	 */
	countries: readonly string[];
	/** Also turn on rules that are not `recommended`, and every rule at `error`. */
	strict?: boolean;
	/** Severity overrides by rule id. */
	severities?: Readonly<Record<string, Severity>>;
	/** Rule options by rule id. */
	options?: Readonly<Record<string, Record<string, unknown>>>;
	/** Why the profile has a rule, one sentence, by rule id; rules not listed fall back to their description. */
	reasons: Readonly<Record<string, string>>;
}

// Reasons name their sources through the citation catalogue (src/legal/citations.ts), as messages and rule docs do.
const UNSUBSCRIBE_EU = `${cite("eprivacy-13-4", "gdpr-21-2-3")}: a valid address to object to, in every marketing message.`;
const PRIVACY_EU = `${cite("gdpr-13", "gdpr-14-3-b", "gdpr-21-4")}: the privacy information and the right to object at the latest at the first communication; a warning, because a link in every mail is how most senders meet it, not what the law literally asks.`;
const PROMO_EU = `${cite("ecommerce-6-c-d")}: the conditions of discounts, gifts and contests easily accessible; a warning, because offer detection is approximate.`;
const TRACKING_EU = `${cite("eprivacy-5-3", "edpb-2-2023")}: prior consent before an open pixel reads from the recipient's device; consent to the mailing is not consent to tracking.`;

export const JURISDICTION_PROFILES: Readonly<Record<ProfileId, JurisdictionProfile>> = {
	eu: {
		id: "eu",
		title: "European Union / EEA",
		summary:
			"For recipients anywhere in the EU/EEA: the ePrivacy Directive, the GDPR and the e-Commerce Directive, without national additions. Templates whose facts declare no countries are taken to go to the EU (`EU`).",
		jurisdictions: ["eu"],
		countries: ["EU"],
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
			"The EU rules plus Dutch law: the Telecommunicatiewet (art. 11.7, which also covers business recipients), BW 3:15d–3:15e and the trade-register duty to show the KvK number on correspondence (Handelsregisterwet 2007 art. 27).",
		jurisdictions: ["eu", "nl"],
		countries: ["NL"],
		reasons: {
			"require-unsubscribe": `${cite("tw-11-7-identity", "eprivacy-13-4")}: a valid opt-out address in every message, to consumers and businesses alike.`,
			"require-privacy-link": PRIVACY_EU,
			"promo-conditions-link": `${cite("bw-3-15e-1-c")}: the conditions of promotional offers and contests easily accessible; a warning, because offer detection is approximate.`,
			"require-company-number": `${cite("hrw-27")}: the trade-register number on outgoing correspondence, e-mail included; advertisements are exempt, so only transactional mail is reported.`,
			"no-tracking-without-consent": `${cite("tw-11-7a", "eprivacy-5-3")}: prior consent before an open pixel reads from the recipient's device.`,
		},
	},
	de: {
		id: "de",
		title: "Germany",
		summary:
			"The EU rules plus German law (UWG § 7, DDG § 5) for recipients in Germany. Double opt-in, the usual way to prove consent under BGH I ZR 164/09, is not checked: no rule reads a confirmation step yet.",
		jurisdictions: ["eu", "de"],
		countries: ["DE"],
		reasons: {
			"require-unsubscribe": `${cite("uwg-7-2-3", "eprivacy-13-4")}: a valid address to object to in every advertising message.`,
			"require-privacy-link": PRIVACY_EU,
			"promo-conditions-link": PROMO_EU,
			"no-tracking-without-consent": `${cite("tdddg-25", "eprivacy-5-3")}: prior consent before an open pixel reads from the recipient's device.`,
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
			"no-tracking-without-consent": `${cite("pecr-6")}: consent before an open pixel reads from the recipient's device; a warning, because Schedule A1 (Data (Use and Access) Act 2025) now exempts some statistical uses and its reach to e-mail open tracking is not settled.`,
			"require-unsubscribe": `${cite("pecr-23")}: a valid address to which the recipient can send a request to stop, in every message.`,
			"require-privacy-link": `${cite("uk-gdpr")} art. 13, 14(3)(b) and 21(4): the privacy information and the right to object at the latest at the first communication; a warning.`,
			"promo-conditions-link": `${cite("uk-ecommerce-regs-7")}: the conditions of promotional offers and competitions easily accessible; a warning.`,
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
			"require-unsubscribe": `${cite("canspam-a-3", "canspam-a-5-a-ii")}: a functioning opt-out, clearly and conspicuously displayed.`,
			"require-ad-label": `${cite("canspam-a-5-a-i")}: commercial mail sent without prior affirmative consent identifies itself as an advertisement, and a "not marketing" claim does not make promotion transactional (${cite("ftc-experian")}).`,
		},
	},
	ca: {
		id: "ca",
		title: "Canada",
		summary:
			"CASL for recipients in Canada: identification, an unsubscribe mechanism and consent. The EU- and US-only rules are off.",
		jurisdictions: ["ca"],
		countries: ["CA"],
		reasons: {
			"require-unsubscribe": `${cite("casl-6-2", "casl-11")}: an unsubscribe mechanism in every commercial electronic message.`,
			"disclose-third-party": `${cite("crtc-regs-2-1-b-c")}: a message sent on another's behalf says who sends it and for whom.`,
		},
	},
	strict: {
		id: "strict",
		title: "Strict (every regime)",
		summary:
			"Every rule of every regime at error, for senders who mail everywhere or want the strictest reading; templates without a sidecar are assumed to go to NL, DE, GB, US and CA recipients, and marketing mail must show the KvK number too.",
		jurisdictions: JURISDICTIONS,
		countries: ["NL", "DE", "GB", "US", "CA"],
		strict: true,
		options: { "require-company-number": { reportMarketing: true }, "prefer-https": { everyUrl: true } },
		reasons: {
			"require-unsubscribe": UNSUBSCRIBE_EU,
			"require-privacy-link": PRIVACY_EU,
			"promo-conditions-link": `${cite("ecommerce-6-c-d")}; an error here, where the other profiles warn.`,
			"require-company-number": `The KvK number on all mail, marketing included: ${cite("hrw-27")} exempts advertisements, so this is house style, not law.`,
			"require-ad-label": cite("canspam-a-5-a-i", "ftc-experian"),
		},
	},
};

export const PROFILE_IDS = Object.keys(JURISDICTION_PROFILES) as ProfileId[];

/**
 * The rules a profile turns on for one language (`mailcomply/mjml`,
 * `mailcomply/html`, `mailcomply/campaign`), ready for a flat config's
 * `rules` (ids are prefixed with `mailcomply/`).
 */
export function profileRules(
	rules: Readonly<Record<string, RuleMetaLike>>,
	profileId: ProfileId,
	language: string,
): Record<string, RuleEntry> {
	const profile = JURISDICTION_PROFILES[profileId];
	const selected: Record<string, RuleEntry> = {};
	for (const [id, rule] of Object.entries(rules)) {
		if (!profileHasRule(profile, rule)) continue;
		if (!(rule.meta?.languages ?? []).includes(language)) continue;
		const docs = mailcomplyDocs(rule);
		const severity: Severity = profile.strict ? "error" : (profile.severities?.[id] ?? docs?.severity ?? "error");
		const options = profile.options?.[id];
		selected[`mailcomply/${id}`] = options && Object.keys(options).length > 0 ? [severity, { ...options }] : severity;
	}
	return selected;
}

/** The settings a profile gives every file: its audience, as a campaign fact. */
export function profileSettings(profileId: ProfileId): {
	mailcomply: { campaign: { audience: { countries: string[] } } };
} {
	return { mailcomply: { campaign: { audience: { countries: [...JURISDICTION_PROFILES[profileId].countries] } } } };
}

/** Whether a profile turns a rule on (in any language). */
export function profileHasRule(profile: JurisdictionProfile, rule: RuleMetaLike): boolean {
	const docs = mailcomplyDocs(rule);
	if (!docs || (!docs.recommended && !profile.strict)) return false;
	return (
		docs.jurisdictions === undefined ||
		docs.jurisdictions.some((jurisdiction) => profile.jurisdictions.includes(jurisdiction))
	);
}

/** The one-sentence reason a profile has a rule, for documentation. */
export function profileReason(profileId: ProfileId, ruleId: string, rule: RuleMetaLike): string {
	const reason = JURISDICTION_PROFILES[profileId].reasons[ruleId];
	if (reason !== undefined) return reason;
	const docs = mailcomplyDocs(rule);
	return docs?.jurisdictions === undefined
		? `${docs?.description ?? ruleId}; applies in every jurisdiction.`
		: `${docs.description}.`;
}
