import { expect, test } from "vitest";
import { Linter } from "eslint";
import type { RuleDefinition } from "@eslint/core";
import plugin from "../../plugin/index.js";
import { guardRule } from "../../plugin/guard.js";

const throwing = (where: "create" | "visit"): RuleDefinition =>
	({
		meta: { type: "problem", messages: { x: "x" }, schema: [], languages: ["mailcomply/html"] },
		create() {
			if (where === "create") throw new TypeError("boom in create");
			return {
				Element() {
					throw new RangeError("boom in a visitor");
				},
			};
		},
	}) as unknown as RuleDefinition;

function lint(rule: RuleDefinition) {
	const linter = new Linter({ configType: "flat" });
	const local = { ...plugin, rules: { ...plugin.rules, broken: rule } };
	return linter.verify(
		"<!DOCTYPE html><html><body><p>a</p><p>b</p></body></html>",
		[
			{
				files: ["**/*.html"],
				plugins: { mailcomply: local },
				language: "mailcomply/html",
				rules: { "mailcomply/broken": "error", "mailcomply/require-unsubscribe": "error" },
			},
		],
		"mail.html",
	);
}

test("an unguarded rule that throws aborts linting (what the guard prevents)", () => {
	expect(() => lint(throwing("visit"))).toThrow(/boom in a visitor/u);
});

test.each(["create", "visit"] as const)(
	"an exception in %s becomes one finding, and the other rules still run",
	(where) => {
		const messages = lint(guardRule(throwing(where)));
		const internal = messages.filter((message) => message.ruleId === "mailcomply/broken");
		expect(internal).toHaveLength(1);
		expect(internal[0]!.message).toMatch(
			new RegExp(
				`mailcomply could not finish this check on this file \\((TypeError|RangeError): boom in ${where === "create" ? "create" : "a visitor"}\\)`,
				"u",
			),
		);
		expect(messages.some((message) => message.ruleId === "mailcomply/require-unsubscribe")).toBe(true);
	},
);

test("every rule the plugin exports is guarded", () => {
	for (const rule of Object.values(plugin.rules)) expect(rule.meta?.messages).toHaveProperty("internalError");
});
