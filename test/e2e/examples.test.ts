import fs from "node:fs";
import path from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";
import { ESLint } from "eslint";

/**
 * The bundled examples are the end-to-end fixtures: each example folder's
 * README lists its expected findings as "- `file:line` `rule`", and both the
 * CLI and ESLint's API (with examples/eslint.config.js) must produce exactly
 * those, no more and no fewer.
 */
const examples = path.resolve(import.meta.dirname, "../../examples");
const bin = path.resolve(import.meta.dirname, "../../dist/src/cli/bin.js");
const run = promisify(execFile);

function expectedFindings(): string[] {
	const expected: string[] = [];
	for (const group of ["compliant", "non-compliant"]) {
		for (const name of fs.readdirSync(path.join(examples, group))) {
			const readme = path.join(examples, group, name, "README.md");
			const text = fs.readFileSync(readme, "utf8");
			const section = text.split("## Expected findings")[1];
			if (section === undefined) throw new Error(`${readme} has no "## Expected findings" section`);
			for (const match of section.matchAll(/^- `([^`]+):(\d+)` `(mailcomply\/[\w-]+)`/gmu)) {
				expected.push(`${group}/${name}/${match[1]}:${match[2]} ${match[3]}`);
			}
			if (group === "compliant")
				expect(
					expected.filter((line) => line.startsWith(`compliant/${name}/`)),
					`${readme} is compliant`,
				).toEqual([]);
		}
	}
	return expected.sort();
}

function actualFindings(results: ESLint.LintResult[]): string[] {
	return results
		.flatMap((result) =>
			result.messages.map(
				(message) =>
					`${path.relative(examples, result.filePath)}:${message.line} ${message.ruleId ?? `fatal: ${message.message}`}`,
			),
		)
		.sort();
}

describe("examples/", () => {
	test("the CLI reports exactly the documented findings and exits 1", async () => {
		const outcome = await run(process.execPath, [bin, "--format", "json", "."], { cwd: examples }).then(
			() => ({ code: 0, stdout: "" }),
			(error: { code: number; stdout: string }) => error,
		);
		expect(outcome.code).toBe(1);
		expect(actualFindings(JSON.parse(outcome.stdout) as ESLint.LintResult[])).toEqual(expectedFindings());
	});

	test("ESLint's API with examples/eslint.config.js reports the same", async () => {
		const eslint = new ESLint({ cwd: examples, overrideConfigFile: path.join(examples, "eslint.config.js") });
		const results = await eslint.lintFiles(["."]);
		expect(actualFindings(results)).toEqual(expectedFindings());
	});

	test("the eslint-disable-next-line comment silences exactly one finding", async () => {
		const file = path.join(examples, "non-compliant/fake-unsubscribe/black-friday.html");
		const text = fs.readFileSync(file, "utf8");
		const eslint = new ESLint({ cwd: examples, overrideConfigFile: path.join(examples, "eslint.config.js") });
		const [withComment] = await eslint.lintText(text, { filePath: file });
		const [withoutComment] = await eslint.lintText(text.replace(/<!-- eslint-disable-next-line[^>]*-->/u, "<!-- -->"), {
			filePath: file,
		});
		const count = (result: ESLint.LintResult) =>
			result.messages.filter((message) => message.ruleId === "mailcomply/require-unsubscribe").length;
		expect(count(withoutComment!)).toBe(count(withComment!) + 1);
	});
});
