import fs from "node:fs";
import path from "node:path";
import type { Code, Nodes } from "mdast";
import { describe, expect, test } from "vitest";
import { rules } from "../../rules/index.js";
import { parseMarkdown } from "../../scripts/docs/markdown.js";
import { ruleDocsUrl } from "../../src/rule-docs.js";
import { lintWithRules, tempProject } from "../helpers/lint.js";

/**
 * Every rule's documentation is also its test: each
 * ```<lang> incorrect messageId=<id>[,<id>…] example must draw exactly
 * those findings from the rule (by messageId, one id per finding, in any
 * order), each ```<lang> correct example none, so the docs cannot drift
 * from the behaviour. A ```yaml sidecar or ```json sidecar block is the
 * campaign sidecar of the example after it. The doc is read as Markdown
 * (remark), so a fence is whatever CommonMark calls one; the words of its
 * info string after the language are the verdict and the expected ids.
 * Message ids, not message texts: the texts are rewritten more often than
 * what they report.
 */
interface Example {
	lang: "html" | "mjml" | "yaml" | "json" | "sms" | "whatsapp" | "eml";
	verdict: "correct" | "incorrect";
	/** For an incorrect example: the messageId of each finding it must draw. */
	messageIds: string[];
	code: string;
	sidecar?: { lang: "yaml" | "json"; code: string };
	line: number;
}

const rulesDir = path.resolve(import.meta.dirname, "../../rules");

/** Every fenced code block, in document order, wherever it is (a list item, a block quote). */
function codeBlocks(node: Nodes): Code[] {
	if (node.type === "code") return [node];
	return "children" in node ? (node.children as Nodes[]).flatMap(codeBlocks) : [];
}

function examplesOf(markdown: string): Example[] {
	const examples: Example[] = [];
	let sidecar: Example["sidecar"];
	for (const block of codeBlocks(parseMarkdown(markdown))) {
		const [kind, ...words] = (block.meta ?? "").split(/\s+/u);
		if (!block.lang || (kind !== "correct" && kind !== "incorrect" && kind !== "sidecar")) continue;
		// remark drops the fence's last line break; the examples are files, which end with one.
		const code = `${block.value}\n`;
		if (kind === "sidecar") {
			sidecar = { lang: block.lang as "yaml" | "json", code };
			continue;
		}
		const line = block.position!.start.line;
		const named = words.find((word) => word.startsWith("messageId="))?.slice("messageId=".length);
		const messageIds = named ? named.split(",") : [];
		examples.push({ lang: block.lang as Example["lang"], verdict: kind, messageIds, code, sidecar, line });
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
		test("has correct and incorrect examples; each incorrect one names messageIds the rule has", () => {
			expect(examples.some((example) => example.verdict === "correct")).toBe(true);
			expect(examples.some((example) => example.verdict === "incorrect")).toBe(true);
			const known = Object.keys(rule.meta?.messages ?? {});
			for (const example of examples.filter((candidate) => candidate.verdict === "incorrect")) {
				expect(
					example.messageIds,
					`the incorrect example at line ${example.line} names no finding: write "incorrect messageId=<id>,…" after the language`,
				).not.toEqual([]);
				for (const messageId of example.messageIds)
					expect(known, `line ${example.line}: ${id} has no messageId "${messageId}"`).toContain(messageId);
			}
			for (const example of examples.filter((candidate) => candidate.verdict === "correct"))
				expect(example.messageIds, `the correct example at line ${example.line} names findings`).toEqual([]);
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
					const byId = (ids: string[]) => [...ids].sort();
					// The message text too, on a mismatch, so a failure says what was found.
					expect(
						byId(findings.map((finding) => finding.messageId ?? finding.message)),
						findings.map((finding) => `${finding.messageId}: ${finding.message}`).join("\n"),
					).toEqual(byId(example.messageIds));
				} finally {
					project.cleanup();
				}
			},
		);
	});
}
