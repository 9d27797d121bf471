/**
 * The CLI's default output on the bundled examples, as a marketer at an
 * 80-column terminal reads it: every line fits (but a documentation URL,
 * which a terminal keeps clickable only when whole), findings are grouped
 * under their file, and the run ends with what to act on first.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";
import { rules } from "../../rules/index.js";
import { formatTerminal } from "../../src/formatters/terminal.js";
import { terminalWidth, wrapText } from "../../src/formatters/wrap.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

async function cli(
	argv: string[],
	stdout: { isTTY?: boolean; columns?: number } = {},
	env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; out: string }> {
	let out = "";
	const code = await run(argv, {
		cwd: ROOT,
		env,
		stdout: { ...stdout, write: (text: string) => (out += text) },
		stderr: { write: () => true },
	});
	return { code, out };
}

describe("mailcomply examples/ at an 80-column terminal", () => {
	let coloured: string;
	let out: string;
	beforeAll(async () => {
		({ out: coloured } = await cli(["examples/"], { isTTY: true, columns: 80 }));
		// eslint-disable-next-line no-control-regex -- the colour codes themselves
		out = coloured.replace(/\u001b\[\d+m/gu, "");
	}, 120_000);

	it("keeps every line within 80 columns, the summary included", () => {
		const long = out.split("\n").filter((line) => line.length > 80);
		expect(long).toEqual([]);
	});

	it("says in at most 3 lines what it assumed for templates without declared facts, and where to declare them", () => {
		const start = out.indexOf("\nmailcomply assumed:") + 1;
		expect(start).toBeGreaterThan(0);
		const paragraph = out.slice(start).split("\n\n")[0]!.trimEnd();
		expect(paragraph.split("\n").length, paragraph).toBeLessThanOrEqual(3);
		const text = paragraph.replace(/\s+/gu, " ");
		expect(text).toMatch(/\d+ of \d+ templates had `kind` read from content/u);
		expect(text).toMatch(/\d+ had no countries: only duties common to all jurisdictions checked/u);
		expect(text).toContain("once per folder in defaults.campaign.yaml (`npx mailcomply --init`)");
	});

	it("prints each file once, relative to where it ran, with its findings under it", () => {
		const headers = out.split("\n").filter((line) => /^examples\//u.test(line));
		expect(new Set(headers).size).toBe(headers.length);
		expect(headers).toContain(path.join("examples", "non-compliant", "fake-unsubscribe", "black-friday.html"));
		expect(out).toMatch(
			/^examples\/non-compliant\/fake-unsubscribe\/black-friday\.html\n {2}18:38 {2}error {4}Unsubscribe link "Unsubscribe" goes nowhere/mu,
		);
		expect(out).not.toContain(ROOT);
	});

	it("ends with the counts, the most frequent rules each with its one-line fix, and the other rules' counts", () => {
		expect(out).toMatch(
			/✖ \d+ problems \(\d+ errors, \d+ warnings\) in \d+ of \d+ files checked; \d+ files with\s+errors\./u,
		);
		const [, frequent = ""] = /Most frequent, and how to fix them:\n([\s\S]*?)\n {2}Also:/u.exec(out) ?? [];
		const ruleIds = frequent.match(/^ {2}\d+× mailcomply\/[a-z-]+$/gmu) ?? [];
		expect(ruleIds).toHaveLength(3);
		// Under each rule, its fix from meta.docs.fix.
		for (const line of ruleIds) {
			const id = line.replace(/^ {2}\d+× mailcomply\//u, "");
			const fix = (rules as Record<string, { meta?: { docs?: { fix?: string } } }>)[id]?.meta?.docs?.fix ?? "";
			expect(fix, id).not.toBe("");
			expect(frequent.replace(/\n {5}/gu, " ")).toContain(`${line.trim()} ${fix}`.replace(/^\d+× /u, "").slice(-20));
		}
		expect(out).toMatch(/^ {2}Also: [a-z-]+ \d+,/mu);
		expect(out).toMatch(/^Rule docs: github\.com\/mailcomply\/eslint-plugin-mailcomply\/tree\/main\/rules$/mu);
	});

	it("uses colour only on a terminal, or when asked", async () => {
		expect(coloured).toContain("\u001b[31merror\u001b[39m");
		expect((await cli(["examples/non-compliant/fake-unsubscribe/"])).out).not.toContain("\u001b[");
		expect((await cli(["--color", "examples/non-compliant/fake-unsubscribe/"])).out).toContain("\u001b[");
		expect(
			(await cli(["examples/non-compliant/fake-unsubscribe/"], { isTTY: true, columns: 80 }, { NO_COLOR: "1" })).out,
		).not.toContain("\u001b[");
	});
});

describe("the terminal layout", () => {
	const result = (messages: { line: number; column: number; severity: 1 | 2; message: string; ruleId: string }[]) => ({
		filePath: path.join(ROOT, "emails/promo.html"),
		messages,
		errorCount: messages.filter((message) => message.severity === 2).length,
		warningCount: messages.filter((message) => message.severity === 1).length,
		fatalErrorCount: 0,
		fixableErrorCount: 0,
		fixableWarningCount: 0,
		suppressedMessages: [],
		usedDeprecatedRules: [],
	});

	it("wraps a message under its first word and ends it with the rule id, or puts the id on a line of its own", () => {
		const text = formatTerminal(
			[
				result([
					{
						line: 3,
						column: 1,
						severity: 2,
						message: "word ".repeat(30).trim(),
						ruleId: "mailcomply/require-unsubscribe",
					},
					{ line: 12, column: 40, severity: 1, message: "short", ruleId: "mailcomply/prefer-https" },
				]),
			] as never,
			{ cwd: ROOT, rulesMeta: {}, width: 68 },
		);
		const lines = text.split("\n");
		expect(lines.slice(0, 5)).toEqual([
			path.join("emails", "promo.html"),
			"  3:1    error    word word word word word word word word word word",
			"                  word word word word word word word word word word",
			"                  word word word word word word word word word word",
			"                  mailcomply/require-unsubscribe",
		]);
		expect(lines[5]).toBe("  12:40  warning  short  mailcomply/prefer-https");
		expect(text.replace(/\s+/gu, " ")).toContain(
			"✖ 2 problems (1 error, 1 warning) in 1 of 1 file checked; 1 file with errors.",
		);
	});

	it("prints nothing for a clean run", () => {
		expect(formatTerminal([result([])] as never, { cwd: ROOT, rulesMeta: {} })).toBe("");
	});

	it("takes the terminal's width, else COLUMNS, else 80, within 40 to 120", () => {
		expect(terminalWidth({ isTTY: true, columns: 100 }, {})).toBe(100);
		expect(terminalWidth({ isTTY: true, columns: 300 }, {})).toBe(120);
		expect(terminalWidth({ isTTY: false, columns: 100 }, { COLUMNS: "60" })).toBe(60);
		expect(terminalWidth(undefined, {})).toBe(80);
		expect(terminalWidth({ isTTY: true, columns: 20 }, {})).toBe(40);
		expect(wrapText("a https://example.com/a-very-long-url b", 10)).toEqual([
			"a",
			"https://example.com/a-very-long-url",
			"b",
		]);
	});
});
