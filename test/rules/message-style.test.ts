import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { ESLint, type Linter } from "eslint";
import plugin from "../../plugin/index.js";
import { rules } from "../../rules/index.js";
import { createZeroConfig } from "../../src/cli/config.js";

/**
 * The message style every rule keeps (issue 16): what is wrong and how to fix
 * it, in one sentence where possible, with a short legal citation; the full
 * reasoning lives in the rule doc and the SARIF help. Measured on the
 * messages real input produces (examples/ and, where present, the shared
 * corpus), and on the templates, so that a message no example produces
 * keeps the style too. (test/plugin/message-wording.test.ts keeps out the
 * small text bugs: "require(s)", "plain http::".)
 */

/** No finding's message may be longer: about three lines of an 80-column terminal. */
const MESSAGE_MAX = 220;
/** The typical message fits two terminal lines. */
const MEDIAN_MAX = 140;
/** A template without its placeholders; the facts they carry (names, URLs) come on top. */
const TEMPLATE_MAX = 170;

/**
 * Messages not yet rewritten to the style, as `rule/messageId`; this list
 * only shrinks. A new message must keep the style from the start.
 */
const NOT_YET_SHORT = new Set<string>([]);

const examples = path.resolve(import.meta.dirname, "../../examples");
const corpus = path.resolve(import.meta.dirname, "../../../shared/corpus");

interface Produced {
	key: string;
	where: string;
	message: string;
}

function produced(results: ESLint.LintResult[], root: string): Produced[] {
	return results.flatMap((result) =>
		result.messages
			.filter((message: Linter.LintMessage) => message.ruleId?.startsWith("mailcomply/"))
			.map((message) => ({
				key: `${message.ruleId!.slice("mailcomply/".length)}/${message.messageId ?? ""}`,
				where: `${path.relative(root, result.filePath)}:${message.line}`,
				// A finding in an encoded part of an .eml ends with the decoded line it is about: a location, not wording.
				message: message.message.replace(/ \[(?:base64|quoted-printable) [^,\]]*, decoded line \d+(?:: ".*")?\]$/u, ""),
			})),
	);
}

function tooLong(messages: Produced[]): string[] {
	return messages
		.filter(({ key, message }) => message.length > MESSAGE_MAX && !NOT_YET_SHORT.has(key))
		.map(({ key, where, message }) => `${where} ${key} (${message.length}): ${message}`);
}

/** Measured by the tests that lint examples/ and the corpus, checked after them. */
const medians: { examples?: number; corpus?: number } = {};

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

describe("rule messages are short", () => {
	test("every message a rule declares keeps the style", () => {
		const problems: string[] = [];
		for (const [id, rule] of Object.entries(rules)) {
			for (const [messageId, template] of Object.entries(rule.meta?.messages ?? {})) {
				const key = `${id}/${messageId}`;
				const bare = template.replace(/\{\{\s*\w+\s*\}\}/gu, "");
				if (!NOT_YET_SHORT.has(key) && bare.length > TEMPLATE_MAX)
					problems.push(`${key}: ${bare.length} characters without placeholders`);
			}
		}
		expect(problems).toEqual([]);
	});

	test("on examples/: none over the limit", async () => {
		const eslint = new ESLint({ cwd: examples, overrideConfigFile: path.join(examples, "eslint.config.js") });
		const messages = produced(await eslint.lintFiles(["."]), examples);
		expect(messages.length).toBeGreaterThan(40);
		expect(tooLong(messages)).toEqual([]);
		medians.examples = median(messages.map(({ message }) => message.length));
	});

	test.skipIf(!fs.existsSync(corpus))(
		"on the shared corpus without configuration: none over the limit",
		{
			timeout: 120_000,
		},
		async () => {
			const eslint = new ESLint({
				cwd: corpus,
				overrideConfigFile: true,
				overrideConfig: createZeroConfig(plugin, undefined),
			});
			const messages = produced(await eslint.lintFiles(["."]), corpus);
			expect(messages.length).toBeGreaterThan(100);
			expect(tooLong(messages)).toEqual([]);
			medians.corpus = median(messages.map(({ message }) => message.length));
		},
	);

	test("the median message fits two terminal lines", () => {
		expect(medians.examples, "median on examples/").toBeLessThanOrEqual(MEDIAN_MAX);
		if (medians.corpus !== undefined) expect(medians.corpus, "median on the corpus").toBeLessThanOrEqual(MEDIAN_MAX);
	});
});

describe("each rule's one-line fix", () => {
	test("is one line of at most 76 characters, so the summary fits 80 columns", () => {
		for (const [id, rule] of Object.entries(rules)) {
			const fix = (rule.meta?.docs as { fix?: string } | undefined)?.fix;
			if (fix === undefined) continue;
			expect(fix.length, id).toBeLessThanOrEqual(76);
			expect(fix, id).not.toContain("\n");
		}
	});
});
