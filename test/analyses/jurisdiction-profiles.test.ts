import { Linter } from "eslint";
import { describe, expect, test } from "vitest";
import plugin from "../../plugin/index.js";
import { rules } from "../../rules/index.js";
import {
	JURISDICTION_PROFILES,
	PROFILE_IDS,
	profileHasRule,
	profileReason,
	profileRules,
	profileSettings,
} from "../../src/analyses/jurisdiction-profiles.js";

const HTML = "mailcomply/html";

describe("profileRules", () => {
	test("derives each profile's rules from the rules' jurisdictions", () => {
		const nl = profileRules(rules, "nl", HTML);
		// the audience is a setting (profileSettings), not a rule option
		expect(nl["mailcomply/require-company-number"]).toBe("error");
		expect(nl["mailcomply/require-privacy-link"]).toBe("warn");
		expect(nl["mailcomply/promo-conditions-link"]).toBe("warn");
		expect(nl["mailcomply/require-ad-label"]).toBeUndefined();
		expect(nl["mailcomply/require-unsubscribe"]).toBe("error");

		const us = profileRules(rules, "us", HTML);
		expect(us["mailcomply/require-ad-label"]).toBe("error");
		expect(us["mailcomply/require-privacy-link"]).toBeUndefined();
		expect(us["mailcomply/promo-conditions-link"]).toBeUndefined();
		expect(us["mailcomply/require-company-number"]).toBeUndefined();
		expect(us["mailcomply/require-unsubscribe"]).toBe("error");

		const eu = profileRules(rules, "eu", HTML);
		expect(eu["mailcomply/require-privacy-link"]).toBe("warn");
		expect(eu["mailcomply/require-company-number"]).toBeUndefined();

		const uk = profileRules(rules, "uk", HTML);
		expect(uk["mailcomply/require-privacy-link"]).toBe("warn");
		expect(uk["mailcomply/require-company-number"]).toBeUndefined();
	});

	test("strict turns every rule on at error, with its option overrides", () => {
		const strict = profileRules(rules, "strict", HTML);
		expect(strict["mailcomply/promo-conditions-link"]).toBe("error");
		expect(strict["mailcomply/require-company-number"]).toEqual(["error", { reportMarketing: true }]);
		for (const entry of Object.values(strict)) expect(Array.isArray(entry) ? entry[0] : entry).toBe("error");
	});

	test("gives each profile's audience as a campaign fact in settings", () => {
		expect(profileSettings("nl")).toEqual({ mailcomply: { campaign: { audience: { countries: ["NL"] } } } });
		expect(profileSettings("eu").mailcomply.campaign.audience.countries).toEqual(["EU"]);
		expect(profileSettings("strict").mailcomply.campaign.audience.countries).toEqual(["NL", "DE", "GB", "US", "CA"]);
	});

	test("filters by language", () => {
		expect(profileRules(rules, "nl", "mailcomply/campaign")["mailcomply/require-company-number"]).toBeUndefined();
	});

	test.each(PROFILE_IDS)("the %s profile's options pass every rule's schema, for every language", (id) => {
		for (const language of ["mailcomply/mjml", "mailcomply/html", "mailcomply/campaign"]) {
			const config = {
				plugins: { mailcomply: plugin },
				language,
				rules: profileRules(rules, id, language),
			} as Linter.Config;
			const file = language === "mailcomply/campaign" ? "x.campaign.yaml" : language === HTML ? "x.html" : "x.mjml";
			const code = language === "mailcomply/campaign" ? "kind: marketing\n" : "<mjml><mj-body></mj-body></mjml>";
			// Invalid options make verify throw; a config that matched nothing would come back as a null-rule message.
			const messages = new Linter({ configType: "flat" }).verify(code, { files: [`**/${file}`], ...config }, file);
			expect(messages.filter((message) => message.ruleId === null)).toEqual([]);
		}
	});

	test("every profile gives a reason for each of its rules", () => {
		for (const id of PROFILE_IDS) {
			for (const [ruleId, rule] of Object.entries(rules)) {
				if (!profileHasRule(JURISDICTION_PROFILES[id], rule)) continue;
				expect(profileReason(id, ruleId, rule).length, `${id}/${ruleId}`).toBeGreaterThan(10);
			}
		}
	});

	test("a profile's reasons name only rules it turns on", () => {
		for (const id of PROFILE_IDS) {
			for (const ruleId of Object.keys(JURISDICTION_PROFILES[id].reasons)) {
				const rule = rules[ruleId];
				expect(rule, `${id} gives a reason for unknown rule ${ruleId}`).toBeDefined();
				expect(profileHasRule(JURISDICTION_PROFILES[id], rule!), `${id}/${ruleId}`).toBe(true);
			}
		}
	});
});
