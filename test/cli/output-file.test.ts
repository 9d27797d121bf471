/**
 * `-o/--output-file`, as ESLint has it: the report goes to the file (its
 * folders created), the terminal still gets the one-line summary, and the
 * exit code is the same as without it.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BatchOptions } from "../../src/cli/batches.js";
import { run } from "../../src/cli/run.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const PROMO = `<mjml><mj-body><mj-section><mj-column><mj-text>
<p>Spring sale: 20% off everything.</p>
</mj-text></mj-column></mj-section></mj-body></mjml>
`;

let project: string;
beforeAll(() => {
	project = mkdtempSync(path.join(tmpdir(), "mailcomply-output-file-"));
	mkdirSync(path.join(project, "emails"));
	writeFileSync(path.join(project, "emails/promo.mjml"), PROMO);
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

async function cli(argv: string[], batches?: BatchOptions): Promise<{ code: number; stdout: string; stderr: string }> {
	let stdout = "";
	let stderr = "";
	const code = await run(argv, {
		cwd: project,
		env: {},
		...(batches ? { batches } : {}),
		stdout: { write: (text: string) => (stdout += text) },
		stderr: { write: (text: string) => (stderr += text) },
	});
	return { code, stdout, stderr };
}

describe("-o/--output-file", () => {
	it("writes the JSON report to the file, creating its folders, and prints the summary line", async () => {
		const { code, stdout, stderr } = await cli(["--format", "json", "-o", "reports/2026/mailcomply.json", "emails/"]);
		expect(stderr).toBe("");
		expect(code).toBe(1);
		const results = JSON.parse(readFileSync(path.join(project, "reports/2026/mailcomply.json"), "utf8")) as {
			filePath: string;
			messages: { ruleId: string }[];
		}[];
		expect(results.map((result) => result.filePath)).toEqual([path.join(project, "emails/promo.mjml")]);
		expect(results[0]?.messages.map((message) => message.ruleId)).toContain("mailcomply/require-unsubscribe");
		expect(stdout).toMatch(
			/^✖ \d+ problems? \(\d+ errors?, \d+ warnings?\) in 1 file\. Report written to reports[/\\]2026[/\\]mailcomply\.json\n$/u,
		);
	});

	it("takes the long name and the html format, and streams a batched JSON run to the file too", async () => {
		expect((await cli(["--format", "html", "--output-file", "report.html", "emails/"])).code).toBe(1);
		expect(readFileSync(path.join(project, "report.html"), "utf8")).toMatch(/^<!DOCTYPE html>/iu);
		const batched = await cli(["--format", "json", "--output-file", "batched.json", "emails/"], {
			threshold: 1,
			size: 1,
		});
		expect(batched.code).toBe(1);
		expect(batched.stdout).not.toContain("[");
		expect(JSON.parse(readFileSync(path.join(project, "batched.json"), "utf8"))).toHaveLength(1);
	});

	it("writes the terminal report without colours, and exits 0 with a clean summary when nothing is found", async () => {
		await cli(["--color", "-o", "findings.txt", "emails/"]);
		const text = readFileSync(path.join(project, "findings.txt"), "utf8");
		expect(text).toContain("mailcomply/require-unsubscribe");
		const clean = mkdtempSync(path.join(tmpdir(), "mailcomply-output-clean-"));
		try {
			// A bundled compliant example, which the e2e test keeps free of findings.
			cpSync(path.join(ROOT, "examples/compliant/monthly-digest"), clean, { recursive: true });
			let stdout = "";
			const code = await run(["-o", "out/report.txt", "monthly-digest.html"], {
				cwd: clean,
				env: {},
				stdout: { write: (t: string) => (stdout += t) },
				stderr: { write: () => true },
			});
			expect(code).toBe(0);
			expect(stdout).toBe(`✔ No problems found in 1 file. Report written to ${path.join("out", "report.txt")}\n`);
			expect(existsSync(path.join(clean, "out/report.txt"))).toBe(true);
		} finally {
			rmSync(clean, { recursive: true, force: true });
		}
	});

	it("says so, with exit code 2, when the file cannot be written", async () => {
		mkdirSync(path.join(project, "a-folder"), { recursive: true });
		const { code, stdout, stderr } = await cli(["-o", "a-folder", "emails/"]);
		expect(code).toBe(2);
		expect(stdout).toBe("");
		expect(stderr).toBe("mailcomply: cannot write the report to a-folder: it is a directory\n");
		expect((await cli(["-o", ""])).stderr).toBe("mailcomply: --output-file needs a value\n");
	});

	it("does not lint its own HTML report written into the linted folder, now or in the next run, and says so", async () => {
		const first = await cli(["--format", "html", "-o", "emails/report.html", "emails/"]);
		expect(first.code).toBe(1);
		// -o opens the file before the run: this run already finds it (empty) among the templates.
		expect(first.stdout).toMatch(/ in 1 file\. Report written to emails[/\\]report\.html\n$/u);
		expect(first.stderr).toMatch(/^mailcomply did not lint its own report: emails[/\\]report\.html\n$/u);
		// The next run, with another format and no -o, knows the report by the generator marker it carries.
		const next = await cli(["--format", "json", "emails/"]);
		const results = JSON.parse(next.stdout) as { filePath: string }[];
		expect(results.map((result) => result.filePath)).toEqual([path.join(project, "emails/promo.mjml")]);
		expect(next.stderr).toContain("did not lint its own report: emails");
		// Named on the command line, it is still a report, not a template.
		const named = await cli(["--format", "json", "emails/report.html", "emails/promo.mjml"]);
		expect((JSON.parse(named.stdout) as { filePath: string }[]).map((result) => result.filePath)).toEqual([
			path.join(project, "emails/promo.mjml"),
		]);
		rmSync(path.join(project, "emails/report.html"));
	});

	it("lints an HTML template that only mentions mailcomply", async () => {
		writeFileSync(
			path.join(project, "emails/about.html"),
			'<!DOCTYPE html><html><head><meta name="generator" content="Mailchimp"></head><body><p>Checked with mailcomply.</p></body></html>',
		);
		const { stdout, stderr } = await cli(["--format", "json", "emails/"]);
		expect(stderr).not.toContain("own report");
		expect((JSON.parse(stdout) as { filePath: string }[]).map((result) => result.filePath)).toContain(
			path.join(project, "emails/about.html"),
		);
		rmSync(path.join(project, "emails/about.html"));
	});
});
