import { describe, expect, it } from "vitest";
import { ESLint } from "eslint";
import plugin from "../../plugin/index.js";
import { HTML_TEMPLATE_FILES } from "../../plugin/files.js";
import { createZeroConfig } from "../../src/cli/config.js";

/** The zero config: the recommended configs, with every HTML file a template. */
describe("the CLI's zero config", () => {
	const eslint = new ESLint({
		cwd: "/virtual",
		overrideConfigFile: true,
		overrideConfig: createZeroConfig(plugin, undefined),
	});
	const configFor = async (file: string) =>
		(await eslint.calculateConfigForFile(`/virtual/${file}`)) as { language?: unknown; rules?: object };

	it("gives an HTML file outside a mail folder what the recommended config gives one inside", async () => {
		const inMailFolder = await configFor("emails/welkom.html");
		const elsewhere = await configFor("site/nieuwsbrief.html");
		expect(inMailFolder.rules).toEqual(elsewhere.rules);
		expect(elsewhere.language).toBe(inMailFolder.language);
		expect(Object.keys(elsewhere.rules ?? {}).length).toBeGreaterThan(10);
		const engine = await configFor("templates/bestelling.html.erb");
		expect(engine.rules).toEqual(inMailFolder.rules);
	});

	it("matches HTML through one entry: the mail-folder patterns, which every file would be tried against, are not in it", () => {
		const entries = createZeroConfig(plugin, undefined);
		const html = entries.filter((entry) => entry.language === "mailcomply/html");
		expect(html.map((entry) => entry.name)).toEqual(["mailcomply/cli/all-html"]);
		const patterns = entries.flatMap((entry) => (entry.files ?? []).flat());
		for (const pattern of HTML_TEMPLATE_FILES) expect(patterns).not.toContain(pattern);
	});
});
