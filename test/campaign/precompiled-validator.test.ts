/**
 * The build replaces the campaign schema's run-time ajv compile with the
 * validator ajv wrote out at build time (scripts/build.js). This lints the
 * same sidecars with the built plugin and from source: the findings must be
 * the same, message for message.
 */
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ESLint } from "eslint";
import sourcePlugin from "../../plugin/index.js";
import { CAMPAIGN_FILES } from "../../plugin/files.js";
import { tempProject } from "../helpers/lint.js";

const DIST_PLUGIN = new URL("../../dist/plugin/index.js", import.meta.url).href;

const SIDECARS: Record<string, string> = {
	"typo.campaign.yaml": "kind: marketting\nlanguag: nl\nsender: { name: Acme, emial: x@example.com }\n",
	"types.campaign.yaml":
		"kind: marketing\nlanguage: 42\naudience: { countries: nl, lastCleaned: yesterday, source: [a] }\nconsent: { explicit: maybe }\n",
	"format.campaign.yaml":
		"kind: marketing\nlanguage: dutch\nsender: { email: not-an-address }\naudience: { countries: [NL, nld, be] }\n",
	"case.campaign.yaml":
		"Kind: marketing\nLawfulBasis: consent\nheaders: { list-unsubscribe: '<https://x.example/u>' }\n",
	"list.campaign.yaml": "- kind: marketing\n",
	"good.campaign.yaml": "kind: transactional\nlanguage: en-GB\naudience: { countries: [GB] }\n",
};

const project = tempProject(
	Object.fromEntries(
		Object.entries(SIDECARS).flatMap(([name, text]) => [
			[name, text],
			[name.replace(".campaign.yaml", ".html"), "<html><body></body></html>"],
		]),
	),
);
afterAll(() => project.cleanup());

async function findings(plugin: ESLint.Plugin): Promise<Record<string, unknown[]>> {
	const eslint = new ESLint({
		cwd: project.dir,
		overrideConfigFile: true,
		overrideConfig: [
			{
				files: CAMPAIGN_FILES,
				plugins: { mailcomply: plugin },
				language: "mailcomply/campaign",
				rules: { "mailcomply/valid-campaign": "error" },
			},
		],
	});
	const results = await eslint.lintFiles(["*.campaign.yaml"]);
	return Object.fromEntries(
		results.map((result) => [
			path.basename(result.filePath),
			result.messages.map(({ ruleId, messageId, line, column, endLine, endColumn, message }) => ({
				ruleId,
				messageId,
				line,
				column,
				endLine,
				endColumn,
				message,
			})),
		]),
	);
}

describe("the precompiled campaign validator", () => {
	it("reports what the run-time compiled one reports, on good and bad sidecars", async () => {
		const { default: distPlugin } = (await import(DIST_PLUGIN)) as { default: ESLint.Plugin };
		const fromSource = await findings(sourcePlugin as ESLint.Plugin);
		const fromDist = await findings(distPlugin);
		expect(Object.keys(fromSource).sort()).toEqual(Object.keys(SIDECARS).sort());
		// The cases do exercise the schema: every bad sidecar has findings, the good one none.
		for (const [file, messages] of Object.entries(fromSource))
			expect(messages.length > 0, file).toBe(file !== "good.campaign.yaml");
		expect(fromDist).toEqual(fromSource);
	});
});
