import { RuleTester } from "eslint";
import { withAudience } from "../helpers/audience.js";
import plugin from "../../plugin/index.js";
import rule from "../../rules/sensitive-audience-consent.js";

const tester = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/campaign" });

const NEEDS_BOTH = "`consent.explicit: true` and a `consent.record`";
const CONSENTED = `consent:\n  explicit: true\n  record: "CRM optins 2026-03"\n`;

tester.run(
	"sensitive-audience-consent",
	rule as never,
	withAudience(["NL"], {
		valid: [
			// Explicit, recorded consent covers declared and inferred categories
			// …also when the organisation declares it once in settings.mailcomply.campaign
			{
				code: `audience:\n  segments:\n    - name: Diabetes patiënten\n      categories: [health]\n`,
				settings: {
					mailcomply: { campaign: { consent: { explicit: true, record: "CRM consent log, double opt-in" } } },
				},
			},
			{
				code: `audience:\n  segments:\n    - name: Lezers Kerkblad\n      categories: [religious-or-philosophical-beliefs]\n${CONSENTED}`,
			},
			{ code: `audience:\n  name: Leden COC Nederland\n${CONSENTED}` },
			// Art. 9(2)(d): an association mailing its own members
			{
				code: `audience:\n  source: own-customers\n  owner: FNV\n  name: Vakbondsleden\nconsent:\n  specialCategoryBasis: own-members\n`,
			},
			{ code: `audience:\n  owner: Parochie St. Jan\nconsent: { specialCategoryBasis: own-members }\n` },
			// Ordinary lists and near misses (nl, en, de, fr)
			{
				code: `audience:\n  name: Nieuwsbrief Bakkerij\n  owner: Bakkerij Kerkstraat BV\n  segments:\n    - name: Kerstmis actie\n    - name: Kalkoen recepten\n`,
			},
			{
				code: `audience:\n  name: Homogenized milk lovers\n  segments:\n    - name: Pride running shoes\n    - name: Transport & logistics\n`,
			},
			{ code: `audience:\n  name: Weihnachtsmarkt Kirchstraße\n  owner: Truthahn GmbH\n` },
			{ code: `audience:\n  name: Syndicat de copropriété\n  owner: Noël & Fils\n` },
			{
				code: `{"audience": {"name": "Turkish delight lovers", "segments": [{"name": "Turkije reizen"}]}}`,
				filename: "x.campaign.json",
			},
			// A segment that declares its categories (even none) is not guessed at
			{ code: `audience:\n  segments:\n    - name: Church Street residents\n      categories: []\n` },
			// Transactional mail, and audiences outside the GDPR's reach
			{ code: `kind: transactional\naudience:\n  name: Diabetes patients\n` },
			{ code: `audience:\n  countries: [US]\n  name: Church newsletter\n` },
			{ code: `audience:\n  name: Church newsletter\n`, options: [{ countries: ["CA"] }] },
			// The organisation's own near-miss words
			{
				code: `audience:\n  name: Pastoor van Arskliniek patiënten\n`,
				options: [{ ignoreWords: ["pastoor van arskliniek", "patient*"] }],
			},
			// Empty or odd files: valid-campaign's business
			{ code: `` },
			{ code: `- a\n- b\n` },
			{ code: `audience:\n  segments: Kerkblad\n` },
		],
		invalid: [
			// Declared category, no consent: reported on the categories list
			{
				code: `audience:\n  segments:\n    - name: Lezers Kerkblad\n      categories: [religious-or-philosophical-beliefs, health]\n`,
				errors: [
					{
						message:
							'The segment "Lezers Kerkblad" reveals religious or philosophical beliefs, health: add `consent.explicit: true` and a `consent.record`, or `specialCategoryBasis: own-members` if a non-profit mails its own members (GDPR art. 9(2)(a)).',
						line: 4,
						column: 19,
					},
				],
			},
			// Explicit but unrecorded; recorded but not explicit
			{
				code: `audience:\n  segments:\n    - categories: [criminal]\nconsent: { explicit: true }\n`,
				errors: [
					{
						messageId: "declared",
						data: {
							subject: "segment 1",
							categories: "criminal convictions and offences",
							law: "GDPR art. 10, UAVG art. 32(a)",
							missing: "a `consent.record`",
							evidence: "",
							source: "",
						},
						line: 3,
						column: 19,
					},
				],
			},
			{
				code: `audience:\n  segments:\n    - name: Leden\n      categories: [trade-union-membership]\nconsent: { record: "form v3" }\n`,
				errors: [
					{
						messageId: "declared",
						data: {
							subject: 'segment "Leden"',
							categories: "trade-union membership",
							law: "GDPR art. 9(2)(a)",
							missing: "`consent.explicit: true`",
							evidence: "",
							source: "",
						},
					},
				],
			},
			// Inferred from names: nl (the Dutch DPA's three examples)
			{
				code: `audience:\n  name: Abonnees Reformatorisch Dagblad\n`,
				errors: [
					{
						message:
							'The list name "Abonnees Reformatorisch Dagblad" suggests religious or philosophical beliefs ("reformatorisch"): declare its `categories` and add `consent.explicit: true` and a `consent.record` (GDPR art. 9(2)(a)).',
						line: 2,
						column: 9,
					},
				],
			},
			{
				code: `audience:\n  segments:\n    - name: Turkstalige krant abonnees\n    - name: Homovereniging leden\n`,
				errors: [
					{
						messageId: "inferred",
						data: {
							subject: 'segment name "Turkstalige krant abonnees"',
							evidence: 'racial or ethnic origin ("turkstalige")',
							missing: NEEDS_BOTH,
							law: "GDPR art. 9(2)(a)",
							categories: "racial or ethnic origin",
							source: "",
						},
						line: 3,
						column: 13,
					},
					{
						messageId: "inferred",
						data: {
							subject: 'segment name "Homovereniging leden"',
							evidence: 'sexual orientation ("homovereniging")',
							missing: NEEDS_BOTH,
							law: "GDPR art. 9(2)(a)",
							categories: "sexual orientation",
							source: "",
						},
						line: 4,
						column: 13,
					},
				],
			},
			// en, de, fr; several categories in one name
			{
				code: `audience:\n  owner: Muslim Cancer Support Network\n`,
				errors: [
					{
						messageId: "inferred",
						data: {
							subject: 'list owner "Muslim Cancer Support Network"',
							evidence: 'religious or philosophical beliefs ("muslim"); health ("cancer")',
							missing: NEEDS_BOTH,
							law: "GDPR art. 9(2)(a)",
							categories: "religious or philosophical beliefs, health",
							source: "",
						},
						line: 2,
						column: 10,
					},
				],
			},
			{
				code: `audience:\n  name: Kirchenzeitung Abonnenten\n`,
				errors: [{ messageId: "inferred", line: 2, column: 9 }],
			},
			{
				code: `audience:\n  name: "Syndiqués CGT"\n`,
				errors: [{ messageId: "inferred", line: 2, column: 9 }],
			},
			{
				code: `audience:\n  name: "Ex-gedetineerden nazorg"\n`,
				errors: [
					{
						messageId: "inferred",
						data: {
							subject: 'list name "Ex-gedetineerden nazorg"',
							evidence: 'criminal convictions and offences ("ex-gedetineerden", "gedetineerden")',
							missing: NEEDS_BOTH,
							law: "GDPR art. 10, UAVG art. 32(a)",
							categories: "criminal convictions and offences",
							source: "",
						},
					},
				],
			},
			// JSON sidecar: exact node
			{
				code: `{\n  "audience": {\n    "segments": [{ "name": "LGBTQ+ members" }]\n  }\n}`,
				filename: "x.campaign.json",
				errors: [{ messageId: "inferred", line: 3, column: 28 }],
			},
			// Aliases: the finding is where the value is written
			{
				code: `defaults: &seg\n  name: Vakbondsleden\naudience:\n  segments:\n    - *seg\n`,
				errors: [{ messageId: "inferred", line: 2, column: 9 }],
			},
			// A list rented from a members' association is not the association's own mailing
			{
				code: `audience:\n  source: third-party\n  owner: COC Nederland\nconsent:\n  specialCategoryBasis: own-members\n`,
				errors: [
					{
						message:
							'`specialCategoryBasis: own-members` covers a non-profit mailing its own members, not a third-party list: the list owner "COC Nederland" needs `consent.explicit: true` and a `consent.record` (GDPR art. 9(2)(a), (d)).',
						line: 3,
						column: 10,
					},
				],
			},
			{
				code: `audience:\n  source: purchased\n  segments:\n    - name: Leden\n      categories: [religious-or-philosophical-beliefs]\nconsent: { specialCategoryBasis: own-members, explicit: true }\n`,
				errors: [{ messageId: "ownMembersFromThirdParty", line: 5, column: 19 }],
			},
			// Art. 9(2)(d) is no ground for criminal data (art. 10)
			{
				code: `audience:\n  owner: Stichting Reclassering Vrijwilligers\nconsent: { specialCategoryBasis: own-members }\n`,
				errors: [{ messageId: "ownMembersCriminal", line: 2, column: 10 }],
			},
			// explicit-consent as the declared basis still needs the facts
			{
				code: `audience:\n  name: Diabetesvereniging\nconsent: { specialCategoryBasis: explicit-consent }\n`,
				errors: [{ messageId: "inferred" }],
			},
			// Identifier-style names
			{
				code: `audience:\n  segments:\n    - name: gayMembers_2026\n`,
				errors: [
					{
						messageId: "inferred",
						data: {
							subject: 'segment name "gayMembers_2026"',
							evidence: 'sexual orientation ("gay")',
							missing: NEEDS_BOTH,
							law: "GDPR art. 9(2)(a)",
							categories: "sexual orientation",
							source: "",
						},
					},
				],
			},
		],
	}),
);
