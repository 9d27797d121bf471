import fs from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { rules } from "../../rules/index.js";
import { summariseRules } from "../../src/cli/rule-catalog.js";

/**
 * docs/configs.md explains, rule by rule, why each has its severity in
 * `configs.recommended`. A rule added or re-graded without a line there
 * fails here, so the policy cannot drift from the rules' meta.
 */
test("the severity policy names every recommended rule with its current severity", () => {
	const doc = fs.readFileSync(path.resolve(import.meta.dirname, "../../docs/configs.md"), "utf8");
	const table = doc.slice(doc.indexOf("<!-- begin severity policy -->"), doc.indexOf("<!-- end severity policy -->"));
	expect(table).not.toBe("");
	const rows = new Map(
		[...table.matchAll(/^\| `([a-z-]+)` \| (error|warn) \| (.+) \|$/gmu)].map((match) => [
			match[1]!,
			{ severity: match[2], why: match[3]!.trim() },
		]),
	);
	for (const summary of summariseRules(rules)) {
		if (summary.recommended === "off") continue;
		const row = rows.get(summary.id);
		expect(row, `docs/configs.md has no severity line for ${summary.id}`).toBeDefined();
		expect(row!.severity, `docs/configs.md gives ${summary.id} the wrong severity`).toBe(summary.recommended);
		expect(row!.why.length).toBeGreaterThan(20);
	}
	expect([...rows.keys()].filter((id) => !(id in rules))).toEqual([]);
});

test("the old promise that errors are right whenever they fire is gone", () => {
	const doc = fs.readFileSync(path.resolve(import.meta.dirname, "../../docs/configs.md"), "utf8");
	expect(doc).not.toContain("right when they fire");
});

test("docs/precision.md has a row for every rule that reports as error in recommended", () => {
	const doc = fs.readFileSync(path.resolve(import.meta.dirname, "../../docs/precision.md"), "utf8");
	const rows = new Set([...doc.matchAll(/^\| `([a-z-]+)` \|/gmu)].map((match) => match[1]));
	const missing = summariseRules(rules)
		.filter((summary) => summary.recommended === "error")
		.map((summary) => summary.id)
		.filter((id) => !rows.has(id));
	expect(missing, "error rules without a precision row in docs/precision.md").toEqual([]);
});
