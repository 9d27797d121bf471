import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";
import type { BatchOptions } from "../../src/cli/batches.js";

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
	return lintJsonWith(cwd, undefined, ...argv);
}

async function lintJsonWith(
	cwd: string,
	batches: BatchOptions | undefined,
	...argv: string[]
): Promise<{ code: number; messages: string[] }> {
	let stdout = "";
	const code = await run(["--format", "json", ...argv], {
		cwd,
		stdout: { write: (text: string) => (stdout += text) },
		stderr: { write: () => true },
		...(batches ? { batches } : {}),
	});
	const results = JSON.parse(stdout) as Array<{
		filePath: string;
		messages: Array<{ ruleId: string | null; line: number; column: number; message: string }>;
	}>;
	return {
		code,
		messages: results.flatMap((result) =>
			result.messages.map(
				(message) =>
					`${path.relative(cwd, result.filePath)}:${message.line}:${message.column} ${message.ruleId ?? "fatal"} ${message.message}`,
			),
		),
	};
}

const mail = (include: string) =>
	`<mjml><mj-body><mj-section><mj-column>${include}</mj-column></mj-section></mj-body></mjml>`;
const footer = `<mj-text>Mailcomply Demo B.V., Keizersgracht 1, 1015 CJ Amsterdam <a href="*|UNSUB|*">Afmelden</a> <a href="https://example.nl/privacy">Privacy</a></mj-text>`;

describe("the CLI's include root", () => {
	it("is the folder the CLI runs in: a partial in a sibling folder is read, ../../etc/passwd is not", async () => {
		const dir = makeProject({
			"newsletters/2026/spring.mjml": mail(
				`<mj-include path="../../partials/footer.mjml" /><mj-include path="../../../../../../../../etc/passwd" type="html" />`,
			),
			"partials/footer.mjml": footer,
		});
		const { messages } = await lintJson(dir, "newsletters");
		const valid = messages.filter((message) => message.includes("valid-template"));
		expect(valid).toEqual([
			expect.stringMatching(
				/^newsletters\/2026\/spring\.mjml:1:\d+ mailcomply\/valid-template mj-include ".*etc\/passwd": outside the include root/u,
			),
		]);
		expect(messages.filter((message) => message.includes("require-unsubscribe"))).toEqual([]);
	});
});

describe("the include root for paths outside the CLI's folder", () => {
	it("is each file's project root: `mailcomply ../templates` reads the partials of that project, nothing above it", async () => {
		const dir = makeProject({
			"work/partials/footer.mjml": footer,
			"work/own.mjml": mail(
				`<mj-include path="partials/footer.mjml" /><mj-include path="../templates/partials/footer.mjml" />`,
			),
			"templates/package.json": "{}",
			"templates/mails/spring.mjml": mail(
				`<mj-include path="../partials/footer.mjml" /><mj-include path="../../secret.mjml" />`,
			),
			"templates/partials/footer.mjml": footer,
			"secret.mjml": "<mj-text>SECRET</mj-text>",
		});
		const { messages } = await lintJson(path.join(dir, "work"), ".", "../templates");
		expect(messages.filter((message) => message.includes("valid-template"))).toEqual([
			expect.stringMatching(
				/^\.\.\/templates\/mails\/spring\.mjml:1:\d+ mailcomply\/valid-template mj-include "\.\.\/\.\.\/secret\.mjml": outside the include root \(.*templates\);/u,
			),
			// Files in the CLI's folder keep it as their root, though ESLint runs from the folder above.
			expect.stringMatching(
				/^own\.mjml:1:\d+ mailcomply\/valid-template mj-include "\.\.\/templates\/partials\/footer\.mjml": outside the include root \(.*work\);/u,
			),
		]);
		expect(messages.filter((message) => message.includes("require-unsubscribe"))).toEqual([]);
	});
});

describe("a folder named from outside the CLI's folder", () => {
	// A designer's folder of templates has no package.json or .git: its project root would be each file's own folder.
	const corpus = {
		"brand/emails/spring.mjml": mail(
			`<mj-include path="../partials/footer.mjml" /><mj-include path="../../../secret.mjml" />`,
		),
		"brand/partials/footer.mjml": footer,
		"secret.mjml": "<mj-text>SECRET</mj-text>",
	};

	it("is the include root of the files under it, as if the CLI ran in it: the same findings from anywhere", async () => {
		const dir = makeProject({
			...Object.fromEntries(Object.entries(corpus).map(([name, text]) => [`shared/${name}`, text])),
			"main/.keep": "",
		});
		const inside = await lintJson(path.join(dir, "shared/brand"), ".");
		const beside = await lintJson(path.join(dir, "main"), "../shared/brand");
		const above = await lintJson(dir, "shared/brand");
		const relativeTo = (from: string) => (line: string) =>
			path.relative(path.join(dir, "shared/brand"), path.resolve(from, line));
		const located = (cwd: string, messages: string[]) =>
			messages.map((message) => message.replace(/^[^:]+/u, (file) => relativeTo(cwd)(file))).sort();
		expect(located(path.join(dir, "shared/brand"), inside.messages)).toEqual(
			located(path.join(dir, "main"), beside.messages),
		);
		expect(beside.messages.filter((message) => message.includes("valid-template"))).toEqual([
			expect.stringMatching(
				/^\.\.\/shared\/brand\/emails\/spring\.mjml:1:\d+ mailcomply\/valid-template mj-include "\.\.\/\.\.\/\.\.\/secret\.mjml"/u,
			),
		]);
		expect(beside.messages.filter((message) => message.includes("require-unsubscribe"))).toEqual([]);
		// From the folder above it, the CLI's own folder is the root: the partial is read there too.
		expect(above.messages.filter((message) => message.includes("require-unsubscribe"))).toEqual([]);
	});
});

/** The file guard works where the run is split in batches too (bad-input.test.ts covers the single run through the built CLI). */
describe("files ESLint cannot read, in a run linted in batches", () => {
	it("are reported once each at line 1, and every other template is linted", { timeout: 60_000 }, async () => {
		const files: Record<string, string> = {};
		for (let index = 0; index < 6; index++) files[`t${index}.mjml`] = mail(`<mj-text>Sale ${index}</mj-text>`);
		const dir = makeProject(files);
		execFileSync("mkfifo", [path.join(dir, "t0.campaign.yaml")]);
		symlinkSync("/dev/zero", path.join(dir, "zero.mjml"));
		const { code, messages } = await lintJsonWith(dir, { threshold: 2, size: 2 }, ".");
		expect(code).toBe(1);
		expect(messages.filter((message) => message.includes("fatal"))).toEqual([
			expect.stringMatching(/^t0\.campaign\.yaml:1:1 fatal mailcomply did not lint this file: it is a named pipe/u),
			expect.stringMatching(/^zero\.mjml:1:1 fatal mailcomply did not lint this file: it is a device/u),
		]);
		expect(
			new Set(
				messages.filter((message) => message.includes("require-unsubscribe")).map((message) => message.split(":")[0]),
			).size,
		).toBe(6);
	});

	it(
		"are never read for the HTML report, which shows source lines (a batched run drops the texts it keeps)",
		{ timeout: 60_000 },
		async () => {
			const files: Record<string, string> = {};
			for (let index = 0; index < 4; index++) files[`t${index}.mjml`] = mail(`<mj-text>Sale ${index}</mj-text>`);
			const dir = makeProject(files);
			symlinkSync("/etc/passwd", path.join(dir, "t0.campaign.yaml"));
			let stdout = "";
			const code = await run(["--format", "html", "."], {
				cwd: dir,
				stdout: { write: (text: string) => (stdout += text) },
				stderr: { write: () => true },
				batches: { threshold: 2, size: 2 },
			});
			expect(code).toBe(1);
			expect(stdout).toMatch(/symbolic link leading outside the include root/u);
			expect(stdout).not.toMatch(/root:x:0/u);
		},
	);
});

describe("a symbolic link among the files to lint", () => {
	const BIN = path.resolve(import.meta.dirname, "../../dist/src/cli/bin.js");
	const PLUGIN = pathToFileURL(path.resolve(import.meta.dirname, "../../dist/plugin/index.js")).href;

	function spawnJson(cwd: string, ...argv: string[]) {
		const child = spawnSync(process.execPath, [BIN, "--format", "json", ...argv], {
			cwd,
			encoding: "utf8",
			timeout: 25_000,
		});
		const results = JSON.parse(child.stdout) as Array<{
			filePath: string;
			messages: Array<{ fatal?: boolean; message: string }>;
		}>;
		return results.map(
			(result) =>
				`${path.relative(cwd, result.filePath)}: ${result.messages
					.filter((message) => message.fatal)
					.map((message) => message.message)
					.join(" | ")}`,
		);
	}

	it("is refused when it leads out of the CLI's folder, and linted when the configured includeRoot holds its target", () => {
		const dir = makeProject({
			"shared/promo.mjml": mail(`<mj-text>Sale</mj-text>`),
			"site/package.json": "{}",
			"site/mailcomply.config.mjs": `import mailcomply from ${JSON.stringify(PLUGIN)};\nexport default [...mailcomply.configs.recommended, { files: ["**/*.mjml"], languageOptions: { includeRoot: ".." } }];\n`,
		});
		mkdirSync(path.join(dir, "site/emails"));
		symlinkSync(path.join(dir, "shared/promo.mjml"), path.join(dir, "site/emails/promo.mjml"));
		const site = path.join(dir, "site");
		expect(spawnJson(site, "emails")).toEqual([
			expect.stringMatching(
				/^emails\/promo\.mjml: This file is a symbolic link leading outside the include root \(the current folder\), so it was not linted/u,
			),
		]);
		expect(spawnJson(site, "--config", "mailcomply.config.mjs", "emails")).toEqual(["emails/promo.mjml: "]);
	});
});
