import { describe, expect, it } from "vitest";
import { RuleTester } from "eslint";
import plugin from "../../plugin/index.js";
import rule from "../../rules/list-hygiene.js";
import { addMonths, judgeListAge, parseIsoDate } from "../../src/analyses/list-age.js";

const tester = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/campaign" });
const now = [{ now: "2026-11-29" }];
const cleaned = (date: string, source = "signup-form") => `audience:\n  source: ${source}\n  lastCleaned: ${date}\n`;

tester.run("list-hygiene", rule as never, {
	valid: [
		{ code: cleaned("2026-09-01"), options: now },
		// exactly twelve months is still current; the day after is not (see invalid)
		{ code: cleaned("2025-11-29"), options: now },
		{ code: cleaned("2026-11-29"), options: now },
		// a longer limit
		{ code: cleaned("2024-12-01"), options: [{ now: "2026-11-29", maxAgeMonths: 24 }] },
		// own lists need no date; purchased and scraped are no-harvested-addresses' business
		{ code: "audience:\n  source: signup-form\n", options: now },
		{ code: "audience:\n  source: own-customers\n", options: now },
		{ code: "audience:\n  source: purchased\n", options: now },
		{ code: "audience:\n  source: scraped\n", options: now },
		{ code: "kind: marketing\n", options: now },
		// transactional mail is not sent to a list
		{ code: `kind: transactional\n${cleaned("2019-01-01")}`, options: now },
		{ code: `kind: opt-in-confirmation\n${cleaned("2019-01-01")}`, options: now },
		// a date from the organisation's settings, for a partner list
		{
			code: "audience:\n  source: third-party\n",
			options: now,
			settings: { mailcomply: { campaign: { audience: { lastCleaned: "2026-10-01" } } } },
		},
		"",
	],
	invalid: [
		{
			code: cleaned("2025-11-28"),
			options: now,
			errors: [
				{
					message:
						"The list was cleaned over 12 months ago (limit 12): remove bounces and opt-outs, then update `audience.lastCleaned` (GDPR art. 5(1)(d)–(e)).",
					line: 3,
					column: 16,
				},
			],
		},
		{
			code: cleaned("2019-03-01"),
			options: now,
			errors: [{ messageId: "stale", data: { date: "2019-03-01", months: "92", limit: "12" } }],
		},
		{
			code: cleaned("2026-05-01"),
			options: [{ now: "2026-11-29", maxAgeMonths: 6 }],
			errors: [{ messageId: "stale", data: { date: "2026-05-01", months: "6", limit: "6" } }],
		},
		{
			code: cleaned("2026-11-30"),
			options: now,
			errors: [{ messageId: "future", data: { date: "2026-11-30", today: "2026-11-29" }, line: 3, column: 16 }],
		},
		{ code: cleaned("2026-02-30"), options: now, errors: [{ messageId: "notADate", data: { date: "2026-02-30" } }] },
		{
			code: "audience:\n  source: third-party\n",
			options: now,
			errors: [{ messageId: "missing", data: { source: "third-party" }, line: 2, column: 11 }],
		},
		// without the option the system clock is used: far past and far future are stable
		{ code: cleaned("2000-01-01"), errors: [{ messageId: "stale" }] },
		{ code: cleaned("2999-01-01"), errors: [{ messageId: "future" }] },
	],
});

describe("list age", () => {
	it("adds calendar months, clamping to the month's last day", () => {
		expect(addMonths(parseIsoDate("2026-01-31")!, 1).toISOString().slice(0, 10)).toBe("2026-02-28");
		expect(addMonths(parseIsoDate("2024-02-29")!, 12).toISOString().slice(0, 10)).toBe("2025-02-28");
	});
	it("rejects impossible dates", () => {
		expect(parseIsoDate("2026-02-29")).toBeUndefined();
		expect(parseIsoDate("2028-02-29")).toBeDefined();
		expect(parseIsoDate("26-02-01")).toBeUndefined();
	});
	it("counts whole months of staleness", () => {
		expect(judgeListAge(parseIsoDate("2025-01-15")!, parseIsoDate("2026-03-14")!, 12)).toEqual({
			kind: "stale",
			months: 13,
		});
		expect(judgeListAge(parseIsoDate("2025-01-15")!, parseIsoDate("2026-01-15")!, 12)).toEqual({ kind: "fresh" });
	});
});
