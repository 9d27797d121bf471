import { afterAll, describe, expect, it } from "vitest";
import { ESLint } from "eslint";
import plugin from "../../plugin/index.js";
import { ALL_HTML_FILES, CAMPAIGN_FILES, MJML_FILES } from "../../plugin/files.js";
import { tempProject } from "../helpers/lint.js";
import { PRECISION_CASES, type PrecisionCase } from "./cases.js";
import { HOLDOUT_CASES, HOLDOUT_CASES_2 } from "./holdout-cases.js";

/** Findings per rule, for the rules the case runs. */
async function findings(testCase: PrecisionCase): Promise<Record<string, number>> {
	const project = tempProject(testCase.files);
	try {
		// Each language gets the case's rules that support it, as the CLI's configs assign them.
		const rulesFor = (language: string) =>
			Object.fromEntries(
				testCase.rules
					.filter((rule) =>
						(
							plugin.rules[rule as keyof typeof plugin.rules]?.meta?.languages as readonly string[] | undefined
						)?.includes(language),
					)
					.map((rule) => [`mailcomply/${rule}`, "error" as const]),
			);
		const eslint = new ESLint({
			cwd: project.dir,
			overrideConfigFile: true,
			overrideConfig: [
				{
					files: MJML_FILES,
					plugins: { mailcomply: plugin },
					language: "mailcomply/mjml",
					rules: rulesFor("mailcomply/mjml"),
				},
				{
					files: ALL_HTML_FILES,
					plugins: { mailcomply: plugin },
					language: "mailcomply/html",
					rules: rulesFor("mailcomply/html"),
				},
				{
					files: CAMPAIGN_FILES,
					plugins: { mailcomply: plugin },
					language: "mailcomply/campaign",
					rules: rulesFor("mailcomply/campaign"),
				},
			],
		});
		const results = await eslint.lintFiles(["."]);
		const counts: Record<string, number> = {};
		for (const result of results) {
			for (const message of result.messages) {
				const rule = message.ruleId?.replace(/^mailcomply\//u, "") ?? `(fatal: ${message.message})`;
				counts[rule] = (counts[rule] ?? 0) + 1;
			}
		}
		return counts;
	} finally {
		project.cleanup();
	}
}

describe.each([
	["precision on real wording (issue #13)", PRECISION_CASES],
	["precision on real wording, held-out set", HOLDOUT_CASES],
	["precision on real wording, second held-out set", HOLDOUT_CASES_2],
] as const)("%s", (name, cases) => {
	const score = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };

	it.each(cases.map((testCase) => [testCase.id, testCase] as const))("%s", async (_id, testCase) => {
		const actual = await findings(testCase);
		for (const rule of new Set([...Object.keys(actual), ...Object.keys(testCase.expect)])) {
			const got = actual[rule] ?? 0;
			const want = testCase.expect[rule] ?? 0;
			score.truePositives += Math.min(got, want);
			score.falsePositives += Math.max(0, got - want);
			score.falseNegatives += Math.max(0, want - got);
		}
		expect(actual).toEqual(testCase.expect);
	});

	afterAll(() => {
		const { truePositives: tp, falsePositives: fp, falseNegatives: fn } = score;
		const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
		const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
		// Printed for the record; each case above is the assertion.
		console.info(
			`${name}: ${cases.length} cases, TP ${tp}, FP ${fp}, FN ${fn}, precision ${precision.toFixed(2)}, recall ${recall.toFixed(2)}`,
		);
	});
});
