import { describe, expect, test } from "vitest";
import { rules } from "../../rules/index.js";
import { CITATIONS, CITATION_IDS, citation, isCitationId } from "../../src/legal/citations.js";
import { cite, citeBriefly, citeFor, citeBrieflyForCampaign } from "../../src/legal/cite.js";
import { jurisdictionsOf } from "../../src/analyses/jurisdiction.js";

/**
 * The citation catalogue is the one place a legal source is named; these
 * tests keep rules, messages and the catalogue from drifting apart.
 */
describe("citation catalogue", () => {
	test.each(CITATION_IDS)("%s has a law, a short citation and an https primary-text URL", (id) => {
		const source = CITATIONS[id];
		expect(source.law.trim()).not.toBe("");
		expect(source.cite.trim()).not.toBe("");
		expect(source.says.trim()).not.toBe("");
		expect(source.url).toMatch(/^https:\/\/[^\s/]+\.[a-z]+\//u);
	});

	test.each(CITATION_IDS)("%s says how its wording was verified, or why it was not", (id) => {
		const verification = CITATIONS[id].verification;
		if (verification.status === "unverified") expect(verification.reason.trim()).not.toBe("");
		else {
			expect(verification.on).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
			expect(verification.read).toMatch(/https?:\/\//u);
		}
	});

	test("each short citation is used once, so a message's citation names one entry", () => {
		const cites = CITATION_IDS.map((id) => CITATIONS[id].cite);
		expect(cites.length).toBe(new Set(cites).size);
	});

	test("an unknown id throws instead of printing a made-up citation", () => {
		expect(() => citation("gdpr-99")).toThrow(/not in the citation catalogue/u);
	});

	test("a citation follows the recipients: CAN-SPAM only for US recipients, the Telecommunicatiewet only for Dutch ones", () => {
		const ids = ["eprivacy-13-4", "tw-11-7-identity", "canspam-a-3", "casl-11"] as const;
		expect(citeFor(ids, jurisdictionsOf(["NL"]))).toBe(cite("eprivacy-13-4", "tw-11-7-identity"));
		expect(citeFor(ids, jurisdictionsOf(["FR"]))).toBe(cite("eprivacy-13-4"));
		expect(citeFor(ids, jurisdictionsOf(["US"]))).toBe(cite("canspam-a-3"));
		expect(citeFor(ids, jurisdictionsOf(["CA", "US"]))).toBe(cite("canspam-a-3", "casl-11"));
		expect(citeFor(ids, jurisdictionsOf(["JP"]))).toBe("");
	});

	test("a message cites briefly: the national law before the directive it implements, at most two sources, no catalogue qualifier", () => {
		const ids = ["eprivacy-13-4", "tw-11-7-identity", "uwg-7-2-3", "canspam-a-3", "casl-11"] as const;
		// A Dutch-only mail: the Telecommunicatiewet, never CASL or CAN-SPAM, and not "(identity, opt-out address)".
		expect(citeBriefly(ids, jurisdictionsOf(["NL"]))).toBe("Telecommunicatiewet art. 11.7");
		expect(citeBriefly(ids, jurisdictionsOf(["FR"]))).toBe("ePrivacy Directive art. 13(4)");
		expect(citeBriefly(ids, jurisdictionsOf(["NL", "US"]))).toBe(
			`Telecommunicatiewet art. 11.7, ${cite("canspam-a-3")}`,
		);
		expect(citeBriefly(ids, jurisdictionsOf(["NL", "DE", "US"])).split(", ")).toHaveLength(2);
		expect(citeBriefly(["gdpr-14-2-f", "gdpr-14-3-b"], jurisdictionsOf(["NL"]))).toBe("GDPR art. 14(2)(f)");
		// A regulation applies directly: the GDPR stays beside the national law.
		expect(citeBriefly(["tw-11-7-1", "gdpr-7-1"], jurisdictionsOf(["NL"]))).toBe(
			"Telecommunicatiewet art. 11.7(1), GDPR art. 7(1)",
		);
		// Recipients nobody declared, or in no covered country: one source, as an example.
		expect(citeBrieflyForCampaign(ids, {})).toBe("e.g. ePrivacy Directive art. 13(4)");
		expect(citeBrieflyForCampaign(ids, { audience: { countries: ["JP"] } })).toBe("e.g. ePrivacy Directive art. 13(4)");
		expect(citeBrieflyForCampaign(ids, {}, ["CA"])).toBe(cite("casl-11"));
	});
});

describe("rules cite the catalogue", () => {
	for (const [id, rule] of Object.entries(rules)) {
		const docs = rule.meta?.docs as { citations?: unknown; jurisdictions?: unknown } | undefined;

		test(`${id} declares meta.docs.citations, each in the catalogue`, () => {
			expect(Array.isArray(docs?.citations), `${id} has no meta.docs.citations`).toBe(true);
			for (const cited of docs!.citations as string[])
				expect(isCitationId(cited), `${id} cites "${cited}", which is not in the catalogue`).toBe(true);
		});

		test(`${id}: every catalogue citation its messages print is one the rule declares`, () => {
			const declared = new Set((docs?.citations as string[] | undefined) ?? []);
			const texts = Object.values(rule.meta?.messages ?? {}).join("\n");
			for (const cited of CITATION_IDS) {
				if (texts.includes(CITATIONS[cited].cite))
					expect(declared.has(cited), `${id} prints "${CITATIONS[cited].cite}" but does not declare "${cited}"`).toBe(
						true,
					);
			}
		});
	}

	test("every rule about the law cites at least one source", () => {
		const toolRules = new Set(["valid-template", "valid-campaign", "esp-merge-tags"]);
		for (const [id, rule] of Object.entries(rules)) {
			if (toolRules.has(id)) continue;
			expect(((rule.meta?.docs as { citations?: string[] }).citations ?? []).length, id).toBeGreaterThan(0);
		}
	});
});
