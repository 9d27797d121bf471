import { describe, expect, test } from "vitest";
import { ESLint } from "eslint";
import plugin from "../../plugin/index.js";
import { rules } from "../../rules/index.js";
import { isFormRule } from "../../src/rule-docs.js";
import { lintWithRules, tempProject } from "../helpers/lint.js";

const signupPage = `<!DOCTYPE html>
<html><body>
<h2>Nieuwsbrief</h2>
<form action="https://x.nl/s"><input type="email" name="email">
<label><input type="checkbox" name="nb" checked> Ja, stuur mij de nieuwsbrief</label></form>
</body></html>`;

describe("configs.forms", () => {
	test("holds exactly the form rules, at their recommended severity", () => {
		const [forms] = plugin.configs.forms;
		const formRuleIds = Object.entries(rules)
			.filter(([, rule]) => isFormRule(rule))
			.map(([id]) => `mailcomply/${id}`);
		expect(Object.keys(forms!.rules ?? {}).sort()).toEqual(formRuleIds.sort());
		expect(formRuleIds).toEqual(
			expect.arrayContaining(["mailcomply/no-prechecked-consent", "mailcomply/form-disclose-frequency"]),
		);
		expect(forms!.rules!["mailcomply/form-disclose-frequency"]).toBe("warn");
		expect(forms!.rules!["mailcomply/no-prechecked-consent"]).toBe("error");
	});

	test("lints sign-up pages by their folder or name, and nothing else", async () => {
		const project = tempProject({
			"site/signup/index.html": signupPage,
			"site/nieuwsbrief-aanmelden.html": signupPage,
			"site/about.html": signupPage,
		});
		try {
			const eslint = new ESLint({ cwd: project.dir, overrideConfigFile: true, overrideConfig: plugin.configs.forms });
			const results = await eslint.lintFiles(["site/signup/index.html", "site/nieuwsbrief-aanmelden.html"]);
			for (const result of results) {
				expect(result.messages.map((message) => message.ruleId)).toContain("mailcomply/no-prechecked-consent");
				expect(result.messages.every((message) => message.ruleId?.startsWith("mailcomply/"))).toBe(true);
			}
			expect(await eslint.calculateConfigForFile("site/about.html")).toBeUndefined();
		} finally {
			project.cleanup();
		}
	});

	test("the mail rules skip a sign-up page, unless a comment declares it a mail", async () => {
		const project = tempProject({
			"page.html": signupPage,
			"declared.html": `<!-- mailcomply: mail -->\n${signupPage}`,
		});
		try {
			const results = await lintWithRules(
				project.dir,
				{ "mailcomply/require-unsubscribe": "error", "mailcomply/no-prechecked-consent": "error" },
				["page.html", "declared.html"],
			);
			const byFile = Object.fromEntries(
				results.map((result) => [
					result.filePath.split("/").at(-1),
					result.messages.map((message) => message.ruleId).sort(),
				]),
			);
			expect(byFile["page.html"]).toEqual(["mailcomply/no-prechecked-consent"]);
			expect(byFile["declared.html"]).toEqual(["mailcomply/no-prechecked-consent", "mailcomply/require-unsubscribe"]);
		} finally {
			project.cleanup();
		}
	});
});
