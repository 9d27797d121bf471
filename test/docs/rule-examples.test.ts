import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { rules } from "../../rules/index.js";
import { ruleDocsUrl } from "../../src/rule-docs.js";
import { lintWithRules, tempProject } from "../helpers/lint.js";

/**
 * Every rule's documentation is also its test: each ```<lang> incorrect
 * example must draw at least one finding from the rule, each ```<lang>
 * correct example none, so the docs cannot drift from the behaviour.
 */
interface Example {
	lang: "html" | "mjml" | "yaml" | "json" | "sms" | "whatsapp";
	verdict: "correct" | "incorrect";
	code: string;
	sidecar?: { lang: "yaml" | "json"; code: string };
	line: number;
}

const rulesDir = path.resolve(import.meta.dirname, "../../rules");

function examplesOf(markdown: string): Example[] {
	const examples: Example[] = [];
	const fence = /^```(\w+)[ \t]+(correct|incorrect|sidecar)[ \t]*\n([\s\S]*?)^```[ \t]*$/gmu;
	let sidecar: Example["sidecar"];
	let match: RegExpExecArray | null;
	while ((match = fence.exec(markdown)) !== null) {
		const [, lang, kind, code] = match;
		if (kind === "sidecar") {
			sidecar = { lang: lang as "yaml" | "json", code: code! };
			continue;
		}
		const line = markdown.slice(0, match.index).split("\n").length;
		examples.push({ lang: lang as Example["lang"], verdict: kind as Example["verdict"], code: code!, sidecar, line });
		sidecar = undefined;
	}
	return examples;
}

function filesFor(example: Example): { files: Record<string, string>; target: string } {
	if (example.lang === "yaml" || example.lang === "json") {
		const target = `example.campaign.${example.lang}`;
		return { files: { [target]: example.code, "example.mjml": "<mjml><mj-body></mj-body></mjml>" }, target };
	}
	// Text messages: ```sms is an SMS template, ```whatsapp a WhatsApp template in Meta's JSON.
	const target =
		example.lang === "sms"
			? "example.sms.txt"
			: example.lang === "whatsapp"
				? "example.whatsapp.json"
				: `example.${example.lang}`;
	const files: Record<string, string> = { [target]: example.code };
	if (example.sidecar) files[`example.campaign.${example.sidecar.lang}`] = example.sidecar.code;
	return { files, target };
}

for (const [id, rule] of Object.entries(rules)) {
	describe(`rules/${id}.md`, () => {
		const docPath = path.join(rulesDir, `${id}.md`);
		const markdown = fs.existsSync(docPath) ? fs.readFileSync(docPath, "utf8") : "";

		test("exists, matches meta.docs.url and names its legal basis or purpose", () => {
			expect(markdown, `${docPath} is missing`).not.toBe("");
			expect(rule.meta?.docs?.url).toBe(ruleDocsUrl(id));
			expect(markdown).toMatch(/^# /mu);
			for (const heading of ["## Why", "## What it checks", "## What it cannot check", "## Options", "## Examples"]) {
				expect(markdown, `${id}.md lacks "${heading}"`).toContain(heading);
			}
		});

		const examples = examplesOf(markdown);
		test("has correct and incorrect examples", () => {
			expect(examples.some((example) => example.verdict === "correct")).toBe(true);
			expect(examples.some((example) => example.verdict === "incorrect")).toBe(true);
		});

		test.each(examples.map((example) => [`${example.verdict} example at line ${example.line}`, example] as const))(
			"%s",
			async (_name, example) => {
				const { files, target } = filesFor(example);
				const project = tempProject(files);
				try {
					const [result] = await lintWithRules(project.dir, { [`mailcomply/${id}`]: "error" }, [target]);
					expect(result!.messages.filter((message) => message.fatal)).toEqual([]);
					const findings = result!.messages.filter((message) => message.ruleId === `mailcomply/${id}`);
					if (example.verdict === "incorrect")
						expect(findings.length, "an incorrect example must be reported").toBeGreaterThan(0);
					else expect(findings.map((finding) => finding.message)).toEqual([]);
				} finally {
					project.cleanup();
				}
			},
		);
	});
}
