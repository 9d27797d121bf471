import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../src/cli/run.js";

/**
 * The CLI reads includes and sidecars from inside the folder it runs in (the
 * user chose it), whatever the process's own working directory and whatever
 * project markers there are: a designer's folder of templates has none.
 */
const projects: string[] = [];
afterAll(() => {
	for (const dir of projects) rmSync(dir, { recursive: true, force: true });
});

function makeProject(files: Record<string, string>): string {
	const dir = realpathSync(mkdtempSync(path.join(tmpdir(), "mailcomply-cli-root-")));
	projects.push(dir);
	for (const [name, text] of Object.entries(files)) {
		mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
		writeFileSync(path.join(dir, name), text);
	}
	return dir;
}

async function lintJson(cwd: string, ...argv: string[]): Promise<{ code: number; messages: string[] }> {
	let stdout = "";
	const code = await run(["--format", "json", ...argv], { cwd, stdout: { write: (text: string) => (stdout += text) }, stderr: { write: () => true } });
	const results = JSON.parse(stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string | null; line: number; column: number; message: string }> }>;
	return {
		code,
		messages: results.flatMap(result => result.messages.map(message => `${path.relative(cwd, result.filePath)}:${message.line}:${message.column} ${message.ruleId ?? "fatal"} ${message.message}`)),
	};
}

const mail = (include: string) => `<mjml><mj-body><mj-section><mj-column>${include}</mj-column></mj-section></mj-body></mjml>`;
const footer = `<mj-text>Mailcomply Demo B.V., Keizersgracht 1, 1015 CJ Amsterdam <a href="*|UNSUB|*">Afmelden</a> <a href="https://example.nl/privacy">Privacy</a></mj-text>`;

describe("the CLI's include root", () => {
	it("is the folder the CLI runs in: a partial in a sibling folder is read, ../../etc/passwd is not", async () => {
		const dir = makeProject({
			"newsletters/2026/spring.mjml": mail(`<mj-include path="../../partials/footer.mjml" /><mj-include path="../../../../../../../../etc/passwd" type="html" />`),
			"partials/footer.mjml": footer,
		});
		const { messages } = await lintJson(dir, "newsletters");
		const valid = messages.filter(message => message.includes("valid-template"));
		expect(valid).toEqual([expect.stringMatching(/^newsletters\/2026\/spring\.mjml:1:\d+ mailcomply\/valid-template mj-include ".*etc\/passwd": the path leaves the lint root/u)]);
		expect(messages.filter(message => message.includes("require-unsubscribe"))).toEqual([]);
	});
});
