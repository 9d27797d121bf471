import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { ESLint, type Linter } from "eslint";
import plugin from "../../plugin/index.js";
import { tempProject } from "../helpers/lint.js";
import { sidecarDigest } from "../../src/campaign/digest.js";

const packageJson = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, "../../package.json"), "utf8")) as {
	name: string;
	version: string;
};

// A marketing mail whose only problem is the missing unsubscribe link.
const marketing = `<mjml><mj-body><mj-section><mj-column><mj-text>Sale! <a href="https://shop.nl/privacy">Privacy</a> © Shop</mj-text></mj-column></mj-section></mj-body></mjml>`;

function configFile(dir: string, extra = ""): string {
	const file = path.join(dir, "eslint.config.js");
	const pluginUrl = new URL("../../dist/plugin/index.js", import.meta.url).href;
	fs.writeFileSync(
		file,
		`import mailcomply from ${JSON.stringify(pluginUrl)};\nexport default [...mailcomply.configs.recommended, { files: ["**/*.html"], ...mailcomply.configs.html[0] }${extra}];\n`,
	);
	return file;
}

describe("plugin object", () => {
	test("meta names the package, its version and the namespace", () => {
		expect(plugin.meta).toEqual({ name: packageJson.name, version: packageJson.version, namespace: "mailcomply" });
	});

	test("defines the seven languages: e-mail templates, sidecars, text messages, e-mail text parts and captured messages", () => {
		expect(Object.keys(plugin.languages).sort()).toEqual([
			"campaign",
			"eml",
			"html",
			"mjml",
			"sms",
			"text",
			"whatsapp",
		]);
		for (const language of Object.values(plugin.languages)) {
			expect(language).toMatchObject({ fileType: "text", lineStart: 1, columnStart: 1, nodeTypeKey: "type" });
		}
	});

	test("every rule declares languages, docs and a schema; recommended configs only use existing rules", () => {
		for (const [id, rule] of Object.entries(plugin.rules)) {
			expect(rule.meta?.languages?.length, id).toBeGreaterThan(0);
			expect(rule.meta?.docs?.description, id).toBeTruthy();
			expect(rule.meta?.schema, id).toBeDefined();
		}
		for (const config of plugin.configs.recommended) {
			expect(config.plugins?.["mailcomply"]).toBe(plugin);
			for (const ruleId of Object.keys(config.rules ?? {})) {
				const rule = plugin.rules[ruleId.replace("mailcomply/", "")];
				expect(rule, ruleId).toBeDefined();
				expect(rule!.meta?.languages).toContain(config.language);
			}
		}
	});

	test("recommended does not lint every .html page of a web project", async () => {
		const eslint = new ESLint({
			cwd: import.meta.dirname,
			overrideConfigFile: true,
			overrideConfig: plugin.configs.recommended as Linter.Config[],
		});
		expect(await eslint.isPathIgnored("site/index.html")).toBe(true);
		expect(await eslint.calculateConfigForFile("site/index.html")).toBeUndefined();
		const languageOf = async (file: string) =>
			JSON.parse(JSON.stringify(await eslint.calculateConfigForFile(file))).language as string;
		expect(await languageOf("emails/welcome.html")).toBe("mailcomply/html");
		expect(await languageOf("src/newsletters/2026/march.htm")).toBe("mailcomply/html");
		expect(await languageOf("src/promo.email.html")).toBe("mailcomply/html");
		expect(await languageOf("a/b.mjml")).toBe("mailcomply/mjml");
		expect(await languageOf("a/b.campaign.yml")).toBe("mailcomply/campaign");
		expect(await languageOf("a/b.campaign.json")).toBe("mailcomply/campaign");
	});
});

describe("jurisdiction configs", () => {
	test.each(["eu", "nl", "de", "uk", "us", "ca", "strict"])(
		"configs.%s assigns the seven languages and only existing rules",
		async (id) => {
			const configs = (plugin.configs as unknown as Record<string, Linter.Config[]>)[id]!;
			expect(configs.map((config) => config.language)).toEqual([
				"mailcomply/mjml",
				"mailcomply/html",
				"mailcomply/campaign",
				"mailcomply/sms",
				"mailcomply/whatsapp",
				"mailcomply/text",
				"mailcomply/eml",
				undefined,
			]);
			// the last one gives every file the profile's audience, whichever config turned the rules on
			expect(configs.at(-1)).toEqual({
				name: `mailcomply/${id}/audience`,
				settings: { mailcomply: { campaign: { audience: { countries: expect.any(Array) } } } },
			});
			for (const config of configs) {
				for (const ruleId of Object.keys(config.rules ?? {})) {
					expect(plugin.rules[ruleId.replace("mailcomply/", "")]?.meta?.languages, `${id}: ${ruleId}`).toContain(
						config.language,
					);
				}
			}
			// ESLint accepts every rule's options as the profile sets them.
			const eslint = new ESLint({ cwd: import.meta.dirname, overrideConfigFile: true, overrideConfig: configs });
			const [result] = await eslint.lintText(marketing, { filePath: "x.mjml" });
			expect(result!.messages.filter((message) => message.fatal)).toEqual([]);
		},
	);

	test("a US-only profile and a Dutch one judge the same mail differently", async () => {
		const lint = async (id: string) => {
			const eslint = new ESLint({
				cwd: import.meta.dirname,
				overrideConfigFile: true,
				overrideConfig: (plugin.configs as unknown as Record<string, Linter.Config[]>)[id]!,
			});
			// An offer shows the mail to be commercial: a kind inferred from a bare "Sale!" is no advertisement for the US label.
			const [result] = await eslint.lintText(
				marketing.replace("Sale!", 'Spring sale: 20% off! <a href="*|UNSUB|*">Unsubscribe</a>'),
				{ filePath: "x.mjml" },
			);
			return result!.messages.map((message) => message.ruleId);
		};
		expect(await lint("us")).toContain("mailcomply/require-ad-label");
		expect(await lint("nl")).not.toContain("mailcomply/require-ad-label");
	});
});

describe("plugin through ESLint", () => {
	test("calculateConfigForFile output serialises (as --print-config needs)", async () => {
		const eslint = new ESLint({
			cwd: import.meta.dirname,
			overrideConfigFile: true,
			overrideConfig: plugin.configs.recommended as Linter.Config[],
		});
		for (const file of ["emails/a.html", "b.mjml", "b.campaign.yaml"]) {
			const config = await eslint.calculateConfigForFile(file);
			const json = JSON.parse(JSON.stringify(config)) as { language: string; plugins: string[] };
			expect(json.language).toMatch(/^mailcomply\//u);
			expect(json.plugins).toContain(`mailcomply:${packageJson.name}@${packageJson.version}`);
		}
	});

	test("inline config comments work in templates: disable, enable, rule config", async () => {
		const eslint = new ESLint({
			cwd: import.meta.dirname,
			overrideConfigFile: true,
			overrideConfig: plugin.configs.recommended as Linter.Config[],
		});
		const lint = async (text: string) => (await eslint.lintText(text, { filePath: "x.mjml" }))[0]!.messages;
		expect(await lint(marketing)).toHaveLength(1);
		expect(await lint(`<!-- eslint-disable mailcomply/require-unsubscribe -->\n${marketing}`)).toHaveLength(0);
		expect(await lint(`<!-- eslint mailcomply/require-unsubscribe: off -->\n${marketing}`)).toHaveLength(0);
		expect(await lint(`<!-- eslint-disable-next-line mailcomply/require-unsubscribe -->\n${marketing}`)).toHaveLength(
			0,
		);
		const otherRule = await lint(`<!-- eslint-disable-next-line mailcomply/valid-template -->\n${marketing}`);
		expect(otherRule.map((message) => message.ruleId ?? message.message)).toEqual([
			"Unused eslint-disable directive (no problems were reported from 'mailcomply/valid-template').",
			"mailcomply/require-unsubscribe",
		]);
		const bad = await lint(`<!-- eslint mailcomply/require-unsubscribe: nonsense -->\n${marketing}`);
		expect(
			bad.some((message) => message.ruleId === null && /nonsense|severity|configuration/iu.test(message.message)),
		).toBe(true);
	});

	test("--cache works, and a sidecar change re-lints the template when the digest is in settings", async () => {
		const project = tempProject({ "mail.mjml": marketing, "mail.campaign.yaml": "kind: marketing\n" });
		try {
			const lint = async () => {
				const eslint = new ESLint({
					cwd: project.dir,
					cache: true,
					cacheLocation: path.join(project.dir, ".eslintcache"),
					overrideConfigFile: true,
					overrideConfig: [
						...(plugin.configs.recommended as Linter.Config[]),
						{ settings: { mailcomply: { sidecarDigest: sidecarDigest(project.dir) } } },
					],
				});
				const results = await eslint.lintFiles(["mail.mjml"]);
				return results[0]!.messages.map((message) => message.ruleId);
			};
			expect(await lint()).toEqual(["mailcomply/require-unsubscribe"]);
			expect(fs.existsSync(path.join(project.dir, ".eslintcache"))).toBe(true);
			expect(await lint()).toEqual(["mailcomply/require-unsubscribe"]);
			fs.writeFileSync(
				path.join(project.dir, "mail.campaign.yaml"),
				"kind: transactional\naudience:\n  countries: [GB]\n",
			);
			expect(await lint()).toEqual([]);
		} finally {
			project.cleanup();
		}
	});

	test("--concurrency gives the same results as a single thread", async () => {
		const project = tempProject({
			"a.mjml": marketing,
			"b.mjml": marketing.replace("Sale!", '<a href="*|UNSUB|*">Afmelden</a>'),
			"c.html": "<!DOCTYPE html><html><body><p>x</p></body></html>",
			"c.campaign.yaml": "kind: transactional\naudience:\n  countries: [GB]\n",
			"d.campaign.yaml": "kind: nonsense\n",
		});
		try {
			const overrideConfigFile = configFile(project.dir);
			const summarise = (results: ESLint.LintResult[]) =>
				results
					.filter((result) => !result.filePath.endsWith(".js"))
					.map(
						(result) =>
							`${path.basename(result.filePath)}:${result.messages.map((message) => message.ruleId).join(",")}`,
					)
					.sort();
			const single = await new ESLint({ cwd: project.dir, overrideConfigFile }).lintFiles(["."]);
			const parallel = await new ESLint({ cwd: project.dir, overrideConfigFile, concurrency: 2 }).lintFiles(["."]);
			expect(summarise(parallel)).toEqual(summarise(single));
			expect(summarise(single)).toEqual([
				"a.mjml:mailcomply/require-unsubscribe",
				"b.mjml:",
				"c.campaign.yaml:",
				"c.html:",
				"d.campaign.yaml:mailcomply/one-click-unsubscribe,mailcomply/valid-campaign,mailcomply/valid-campaign",
			]);
		} finally {
			project.cleanup();
		}
	});
});
