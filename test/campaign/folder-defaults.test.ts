import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { clearSidecarCache, resolveCampaign } from "../../src/campaign/sidecar.js";
import { clearProjectRootCache } from "../../src/sandbox/project-root.js";
import { lintWithRules, tempProject } from "../helpers/lint.js";

/**
 * `defaults.campaign.yaml|yml|json` gives facts to every template in its
 * folder and below: nearer files win key by key, a template's own sidecar
 * wins over all, `settings.mailcomply.campaign` sits under everything.
 */
const projects: Array<{ cleanup: () => void }> = [];
function project(files: Record<string, string>) {
	// A package.json makes the temporary folder the project, the read root.
	const made = tempProject({ "package.json": "{}\n", ...files });
	projects.push(made);
	return made;
}
afterEach(() => {
	for (const made of projects.splice(0)) made.cleanup();
	clearSidecarCache();
	clearProjectRootCache();
});
const settings = (campaign: Record<string, unknown>) => ({ mailcomply: { campaign } });

describe("folder defaults cascade", () => {
	test("nearer folder defaults win key by key; the sidecar wins over all; settings sit under everything", () => {
		const { dir } = project({
			"defaults.campaign.yaml":
				"kind: marketing\nesp: mailchimp\naudience:\n  countries: [NL]\n  source: signup-form\n",
			"emails/defaults.campaign.yml": "esp: brevo\naudience:\n  countries: [DE]\n",
			"emails/promo/defaults.campaign.json":
				'{ "$schema": "../../node_modules/eslint-plugin-mailcomply/schema/campaign.schema.json", "sender": { "name": "Teehaus Berger GmbH" } }\n',
			"emails/promo/spring.html": "<p>x</p>",
			"emails/promo/receipt.html": "<p>x</p>",
			"emails/promo/receipt.campaign.yaml": "kind: transactional\n",
			"other/news.html": "<p>x</p>",
		});
		const spring = resolveCampaign(
			path.join(dir, "emails/promo/spring.html"),
			settings({ channel: "email", esp: "sendgrid", language: "de" }),
		);
		expect(spring.campaign).toMatchObject({
			kind: "marketing", // root defaults
			esp: "brevo", // emails/ beats the root and the settings
			language: "de", // settings, under everything
			audience: { countries: ["DE"], source: "signup-form" }, // key by key: countries from emails/, source from the root
			sender: { name: "Teehaus Berger GmbH" },
		});
		expect(spring.campaign).not.toHaveProperty("$schema");
		expect(spring.folderDefaultsPaths.map((file) => path.relative(dir, file))).toEqual([
			"defaults.campaign.yaml",
			"emails/defaults.campaign.yml",
			"emails/promo/defaults.campaign.json",
		]);
		expect(spring.declared.has("kind")).toBe(true);

		const receipt = resolveCampaign(path.join(dir, "emails/promo/receipt.html"), undefined);
		expect(receipt.campaign.kind).toBe("transactional");
		expect(receipt.campaign.audience?.countries).toEqual(["DE"]);

		const news = resolveCampaign(path.join(dir, "other/news.html"), undefined);
		expect(news.campaign).toMatchObject({ kind: "marketing", esp: "mailchimp", audience: { countries: ["NL"] } });
	});

	test("no defaults outside the read root, and none behind a symbolic link that leads out of it", () => {
		const outside = project({ "defaults.campaign.yaml": "kind: transactional\n" });
		const { dir } = project({ "emails/news.html": "<p>x</p>" });
		fs.symlinkSync(path.join(outside.dir, "defaults.campaign.yaml"), path.join(dir, "emails/defaults.campaign.yaml"));
		const resolved = resolveCampaign(path.join(dir, "emails/news.html"), undefined);
		expect(resolved.declared.has("kind")).toBe(false);
		expect(resolved.sidecarError).toMatch(/defaults\.campaign\.yaml/u);
		// The project above the temporary folder is never read: the file's project root stops the walk.
		expect(resolved.folderDefaultsPaths.every((file) => file.startsWith(dir))).toBe(true);
	});

	test("a broken defaults file is ignored with a message; the other facts still apply", () => {
		const { dir } = project({
			"defaults.campaign.yaml": "esp: brevo\n",
			"emails/defaults.campaign.yaml": "kind: [\n",
			"emails/news.html": "<p>x</p>",
		});
		const resolved = resolveCampaign(path.join(dir, "emails/news.html"), undefined);
		expect(resolved.campaign.esp).toBe("brevo");
		expect(resolved.sidecarError).toMatch(/^defaults\.campaign\.yaml:\d+:\d+: /u);
	});
});

describe("through ESLint", () => {
	test("valid-campaign checks a folder-defaults file like a sidecar, and never calls it an orphan", async () => {
		const { dir } = project({
			"emails/defaults.campaign.yaml": "kind: marketting\n",
			"emails/ok/defaults.campaign.json": '{ "$schema": "x.json", "kind": "marketing" }\n',
		});
		const results = await lintWithRules(dir, { "mailcomply/valid-campaign": "error" }, ["emails"]);
		const byFile = Object.fromEntries(
			results.map((result) => [path.relative(dir, result.filePath), result.messages.map((message) => message.message)]),
		);
		expect(byFile["emails/defaults.campaign.yaml"]).toHaveLength(1);
		expect(byFile["emails/defaults.campaign.yaml"]![0]).toMatch(/marketting/u);
		expect(byFile["emails/ok/defaults.campaign.json"]).toEqual([]);
	});

	test("a template's rules read the folder's facts: the declared kind and countries change the findings", async () => {
		const mail = "<!DOCTYPE html><html><body><p>Your order #12345 has shipped. © Shop B.V.</p></body></html>";
		const { dir } = project({
			"a/receipt.html": mail,
			"b/receipt.html": mail,
			"b/defaults.campaign.yaml": "kind: marketing\naudience:\n  countries: [NL]\n",
		});
		const rules = { "mailcomply/require-unsubscribe": "error", "mailcomply/require-privacy-link": "error" } as const;
		const results = await lintWithRules(dir, rules, ["a/receipt.html", "b/receipt.html"]);
		const fired = Object.fromEntries(
			results.map((result) => [path.relative(dir, result.filePath), result.messages.map((message) => message.ruleId)]),
		);
		// a/: inferred transactional, no countries: nothing
		expect(fired["a/receipt.html"]).toEqual([]);
		// b/: declared marketing to NL
		expect(fired["b/receipt.html"]).toEqual(["mailcomply/require-unsubscribe", "mailcomply/require-privacy-link"]);
	});
});
