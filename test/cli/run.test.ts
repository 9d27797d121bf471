import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BatchOptions } from "../../src/cli/batches.js";
import { run, type CliIo } from "../../src/cli/run.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const BIN = path.join(ROOT, "dist/src/cli/bin.js");
const RULE = "mailcomply/require-unsubscribe";

// Everything the recommended rules ask of a marketing mail's footer, so that
// "compliant" fixtures stay compliant as rules are added.
const UNSUBSCRIBE_FOOTER = `<p>Mailcomply Demo B.V., Keizersgracht 1, 1015 CJ Amsterdam, KvK 12345678</p>
<p>You receive this because you signed up. <a href="*|UNSUB|*">Unsubscribe</a> · <a href="https://www.mailcomply-demo.nl/privacy">Privacy policy</a></p>`;

const mjml = (body: string): string => `<mjml>
	<mj-body>
		<mj-section><mj-column><mj-text>
${body}
		</mj-text></mj-column></mj-section>
	</mj-body>
</mjml>
`;
const html = (body: string): string => `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Order</title></head>
<body>
${body}
</body></html>
`;

const FIXTURES: Record<string, string> = {
	// A marketing mail without any way to unsubscribe: the one sure error.
	"emails/promo.mjml": mjml("<p>Spring sale: 20% off everything.</p>"),
	"emails/welcome.mjml": mjml(`<p>Welcome aboard.</p>\n${UNSUBSCRIBE_FOOTER}`),
	// Outside the folders the recommended HTML config looks in: only the CLI's
	// "every .html is a template" widening lints it.
	"web/receipt.html": html("<p>Your order 1234 has shipped.</p>"),
	"web/receipt.campaign.yaml": "kind: transactional\n",
	// Never linted, however non-compliant.
	"node_modules/some-package/promo.mjml": mjml("<p>Buy now</p>"),
	".git/promo.mjml": mjml("<p>Buy now</p>"),
	// A script with a syntax error: the CLI must not parse project scripts.
	"scripts/build.js": "this is not JavaScript (",
	"notes/readme.md": "# not a template\n",
};

interface CliResult {
	code: number;
	stdout: string;
	stderr: string;
}

interface JsonResult {
	filePath: string;
	errorCount: number;
	warningCount: number;
	messages: { ruleId: string | null; severity: number; line: number; message: string }[];
}

async function cli(cwd: string, ...argv: string[]): Promise<CliResult> {
	return cliWith({ cwd }, ...argv);
}

/** The CLI in-process, with `io` fields beside the captured output (the working directory, batching thresholds). */
async function cliWith(io: Omit<CliIo, "stdout" | "stderr">, ...argv: string[]): Promise<CliResult> {
	let stdout = "";
	let stderr = "";
	const code = await run(argv, {
		...io,
		stdout: { write: (text: string) => (stdout += text) },
		stderr: { write: (text: string) => (stderr += text) },
	});
	return { code, stdout, stderr };
}

/** The CLI with its batching thresholds lowered, so that a few templates make several batches. */
async function batchedCli(cwd: string, batches: BatchOptions, ...argv: string[]): Promise<CliResult> {
	return cliWith({ cwd, batches }, ...argv);
}

function spawnCli(cwd: string, ...argv: string[]): CliResult {
	const child = spawnSync(process.execPath, [BIN, ...argv], { cwd, encoding: "utf8" });
	return { code: child.status ?? -1, stdout: child.stdout, stderr: child.stderr };
}

function writeFixtures(dir: string, files: Record<string, string>): void {
	for (const [name, text] of Object.entries(files)) {
		mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
		writeFileSync(path.join(dir, name), text);
	}
}

function makeProject(files: Record<string, string> = FIXTURES): string {
	const dir = mkdtempSync(path.join(tmpdir(), "mailcomply-cli-"));
	projects.push(dir);
	writeFixtures(dir, files);
	return dir;
}

/** The findings of `--format json`, as "relative/path: ruleId" lines. */
function findings(cwd: string, output: string): string[] {
	const results = JSON.parse(output) as JsonResult[];
	return results
		.flatMap((result) => result.messages.map((message) => `${path.relative(cwd, result.filePath)}: ${message.ruleId}`))
		.sort();
}

function lintedFiles(cwd: string, output: string): string[] {
	return (JSON.parse(output) as JsonResult[])
		.map((result) => path.relative(cwd, result.filePath).split(path.sep).join("/"))
		.sort();
}

const projects: string[] = [];
let project: string;

beforeAll(() => {
	project = makeProject();
});

afterAll(() => {
	for (const dir of projects) {
		rmSync(dir, { recursive: true, force: true });
	}
});

describe("linting with the zero config", () => {
	it("exits 1 and reports the marketing mail without an unsubscribe link", async () => {
		const { code, stdout, stderr } = await cli(project, "--format", "json");
		expect(stderr).toBe("");
		expect(code).toBe(1);
		const unsubscribeFindings = findings(project, stdout).filter((line) => line.endsWith(RULE));
		expect(unsubscribeFindings).toEqual([`${path.join("emails", "promo.mjml")}: ${RULE}`]);
	});

	it("lints templates and sidecars everywhere but node_modules, .git and scripts", async () => {
		const { stdout } = await cli(project, "--format", "json");
		expect(lintedFiles(project, stdout)).toEqual([
			"emails/promo.mjml",
			"emails/welcome.mjml",
			"web/receipt.campaign.yaml",
			"web/receipt.html",
		]);
	});

	it("lints paths outside the current directory (ESLint alone would ignore them)", async () => {
		const elsewhere = makeProject({ "sub/here.txt": "not a template" });
		const { code, stdout } = await cli(
			path.join(elsewhere, "sub"),
			"--format",
			"json",
			path.relative(path.join(elsewhere, "sub"), path.join(project, "emails")),
		);
		expect(code).toBe(1);
		expect(lintedFiles(project, stdout)).toEqual(["emails/promo.mjml", "emails/welcome.mjml"]);
	});

	it("lints .html outside the conventional template folders, with the sidecar exempting it", async () => {
		const { stdout } = await cli(project, "--format", "json", "web/receipt.html");
		const [result] = JSON.parse(stdout) as JsonResult[];
		expect(result?.filePath).toBe(path.join(project, "web/receipt.html"));
		expect(result?.messages.filter((message) => message.ruleId === RULE)).toEqual([]);
	});

	it("reports the same .html as a marketing mail when no sidecar exempts it", async () => {
		const dir = makeProject({ "web/offer.htm": html("<p>Last chance: 50% off.</p>") });
		const { code, stdout } = await cli(dir, "--format", "json");
		expect(code).toBe(1);
		expect(findings(dir, stdout)).toContain(`${path.join("web", "offer.htm")}: ${RULE}`);
	});

	it("exits 0 for a compliant template, and prints nothing with stylish", async () => {
		const { code, stdout, stderr } = await cli(project, "emails/welcome.mjml");
		expect({ code, stdout, stderr }).toEqual({ code: 0, stdout: "", stderr: "" });
	});

	it("prints the findings with the stylish formatter by default", async () => {
		const { stdout } = await cli(project, "--no-color", "emails/promo.mjml");
		expect(stdout).toMatch(/^emails\/promo\.mjml$/mu);
		expect(stdout).toMatch(/\d+:\d+\s+error\s+[\s\S]+?mailcomply\/require-unsubscribe/u);
		expect(stdout).not.toContain("\u001b[");
	});

	it("accepts globs", async () => {
		const { stdout } = await cli(project, "--format", "json", "**/*.mjml");
		expect(lintedFiles(project, stdout)).toEqual(["emails/promo.mjml", "emails/welcome.mjml"]);
	});
});

describe("warnings: --max-warnings and --quiet", () => {
	// An unused eslint-disable directive is a warning under ESLint's defaults,
	// which keeps these tests independent of how the rules grade themselves.
	let dir: string;
	beforeAll(() => {
		dir = makeProject({
			"emails/news.mjml": mjml(`<!-- eslint-disable ${RULE} -->\n<p>News.</p>\n${UNSUBSCRIBE_FOOTER}`),
		});
	});

	it("has exactly one warning and no errors", async () => {
		const { code, stdout } = await cli(dir, "--format", "json");
		const [result] = JSON.parse(stdout) as JsonResult[];
		expect({ errors: result?.errorCount, warnings: result?.warningCount, code }).toEqual({
			errors: 0,
			warnings: 1,
			code: 0,
		});
	});

	it("exits 1 with a message when warnings exceed --max-warnings", async () => {
		const { code, stderr } = await cli(dir, "--max-warnings", "0");
		expect(code).toBe(1);
		expect(stderr).toBe("mailcomply: too many warnings (1 found, maximum 0)\n");
	});

	it("exits 0 when warnings stay within --max-warnings", async () => {
		expect((await cli(dir, "--max-warnings", "1")).code).toBe(0);
	});

	it("leaves warnings out with --quiet", async () => {
		const { code, stdout } = await cli(dir, "--quiet", "--format", "json");
		expect(code).toBe(0);
		expect(JSON.parse(stdout)).toEqual([]);
	});

	it("still reports errors with --quiet", async () => {
		const { code, stdout } = await cli(project, "--quiet", "--format", "json", "emails/promo.mjml");
		expect(code).toBe(1);
		expect(findings(project, stdout)).toContain(`${path.join("emails", "promo.mjml")}: ${RULE}`);
	});
});

describe("large runs, linted in batches", () => {
	// Every template its own batch: the batched run must say exactly what one run says.
	const oneEach: BatchOptions = { threshold: 2, size: 1 };
	const byFile = (output: string) =>
		Object.fromEntries(
			(JSON.parse(output) as Array<JsonResult & { source?: string }>).map((result) => [result.filePath, result]),
		);

	it("reports the same files and findings as one run, in ESLint's JSON with the template texts", async () => {
		const whole = await cli(project, "--format", "json");
		const batched = await batchedCli(project, oneEach, "--format", "json");
		expect(batched.stderr).toBe("");
		expect(batched.code).toBe(whole.code);
		expect(lintedFiles(project, batched.stdout)).toEqual(lintedFiles(project, whole.stdout));
		expect(byFile(batched.stdout)).toEqual(byFile(whole.stdout));
		expect(byFile(batched.stdout)[path.join(project, "emails/promo.mjml")]?.source).toContain("Spring sale");
	});

	it("prints the same stylish report", async () => {
		const whole = await cli(project);
		const batched = await batchedCli(project, oneEach);
		expect(batched.code).toBe(whole.code);
		expect(batched.stdout.split("\n").sort()).toEqual(whole.stdout.split("\n").sort());
		expect(batched.stdout).toMatch(/✖ \d+ problems? \(/u);
	});

	it("counts warnings and applies --quiet across batches", async () => {
		const dir = makeProject({
			"emails/a.mjml": mjml(`<!-- eslint-disable ${RULE} -->\n<p>News.</p>\n${UNSUBSCRIBE_FOOTER}`),
			"emails/b.mjml": mjml(`<!-- eslint-disable ${RULE} -->\n<p>More news.</p>\n${UNSUBSCRIBE_FOOTER}`),
			"emails/c.mjml": mjml(`<p>News.</p>\n${UNSUBSCRIBE_FOOTER}`),
		});
		const tooMany = await batchedCli(dir, oneEach, "--max-warnings", "1");
		expect(tooMany.code).toBe(1);
		expect(tooMany.stderr).toBe("mailcomply: too many warnings (2 found, maximum 1)\n");
		expect((await batchedCli(dir, oneEach, "--max-warnings", "2")).code).toBe(0);
		const quiet = await batchedCli(dir, oneEach, "--quiet", "--format", "json");
		expect(JSON.parse(quiet.stdout)).toEqual([]);
	});

	it("waits for a full pipe to drain before writing the next batch", async () => {
		let stdout = "";
		let waits = 0;
		const code = await run(["--format", "json"], {
			// A pipe that is always full: every write asks the writer to wait for "drain".
			stdout: {
				write: (text: string) => ((stdout += text), false),
				once: (_event: "drain", listener: () => void) => (waits++, setImmediate(listener)),
			},
			stderr: { write: () => true },
			cwd: project,
			batches: oneEach,
		});
		expect(code).toBe(1);
		expect(waits).toBe(lintedFiles(project, stdout).length);
	});

	it("leaves globs and single files to ESLint, batching or not", async () => {
		const glob = await batchedCli(project, oneEach, "--format", "json", "**/*.mjml");
		expect(lintedFiles(project, glob.stdout)).toEqual(["emails/promo.mjml", "emails/welcome.mjml"]);
		const file = await batchedCli(project, oneEach, "--format", "json", "web/receipt.html");
		expect(lintedFiles(project, file.stdout)).toEqual(["web/receipt.html"]);
	});
});

describe("usage errors exit 2 with one line on stderr", () => {
	const cases: [string, string[], RegExp][] = [
		["an unknown option", ["--frobnicate"], /^mailcomply: unknown option --frobnicate; see mailcomply --help\n$/],
		["an unknown format", ["--format", "nonesuch"], /^mailcomply: unknown format "nonesuch"; use stylish, json, .+\n$/],
		[
			"a format named like a JavaScript property",
			["--format", "constructor"],
			/^mailcomply: unknown format "constructor"; use stylish, json, .+\n$/,
		],
		["a path that does not exist", ["missing/"], /^mailcomply: no such file or directory: missing\/\n$/],
		[
			"a config file that does not exist",
			["--config", "eslint.config.mjs"],
			/^mailcomply: no such file or directory: eslint.config.mjs\n$/,
		],
		[
			"a directory without templates",
			["notes"],
			/^mailcomply: no templates found in "notes" \(looked for \*\.mjml, .+\)\n$/,
		],
		["a directory with only scripts", ["scripts"], /^mailcomply: no templates found in "scripts" /],
		["a glob that matches nothing", ["**/*.txt"], /^mailcomply: no templates found in "\*\*\/\*\.txt"/],
		[
			"a bad --max-warnings",
			["--max-warnings", "many"],
			/^mailcomply: --max-warnings must be a whole number.+"many"\n$/,
		],
		[
			"a bad --concurrency",
			["--concurrency", "0"],
			/^mailcomply: --concurrency must be a positive whole number, auto or off, got "0"\n$/,
		],
		["a missing option value", ["--format"], /^mailcomply: .*--format.*\n$/],
	];
	it.each(cases)("%s", async (_label, argv, message) => {
		const { code, stdout, stderr } = await cli(project, ...argv);
		expect(code).toBe(2);
		expect(stdout).toBe("");
		expect(stderr).toMatch(message);
	});
});

describe("--config", () => {
	it("uses the given flat config instead of the zero config", async () => {
		const dir = makeProject({
			...FIXTURES,
			// The recommended configs with every rule off for MJML: the promo mail passes.
			"mailcomply.config.mjs": `import mailcomply from ${JSON.stringify(pathToFileURL(path.join(ROOT, "dist/plugin/index.js")).href)};
const off = Object.fromEntries(Object.keys(mailcomply.rules).map((id) => ["mailcomply/" + id, "off"]));
export default [...mailcomply.configs.recommended, { files: ["**/*.mjml"], rules: off }];
`,
		});
		// A user config is loaded by Node, not vitest, so it needs the built plugin.
		const { code, stdout, stderr } = spawnCli(dir, "--config", "mailcomply.config.mjs", "--format", "json", "emails");
		expect(stderr).toBe("");
		expect(findings(dir, stdout).filter((line) => line.endsWith(RULE))).toEqual([]);
		expect(code).toBe(0);
	});

	it("reports a broken config in one line, with the stack only under --debug", async () => {
		const dir = makeProject({ ...FIXTURES, "broken.config.mjs": "export default [{ rules: 42 }];\n" });
		const plain = await cli(dir, "--config", "broken.config.mjs");
		expect(plain.code).toBe(2);
		expect(plain.stderr).toMatch(/^mailcomply: [^\n]+\n$/);
		const debug = await cli(dir, "--config", "broken.config.mjs", "--debug");
		expect(debug.code).toBe(2);
		expect(debug.stderr).toMatch(/^mailcomply: [^\n]+\n[\s\S]*\n\s+at /);
	});
});

describe("--fix", () => {
	// No rule offers a fix yet: this proves the write path runs and touches nothing.
	it.each([["--fix"], ["--fix-dry-run"]])(
		"%s keeps unfixable findings and leaves the file as it was",
		async (option) => {
			const dir = makeProject({ "emails/promo.mjml": FIXTURES["emails/promo.mjml"] ?? "" });
			const { code, stdout } = await cli(dir, option, "--format", "json");
			expect(code).toBe(1);
			expect(findings(dir, stdout)).toContain(`${path.join("emails", "promo.mjml")}: ${RULE}`);
			expect(readFileSync(path.join(dir, "emails/promo.mjml"), "utf8")).toBe(FIXTURES["emails/promo.mjml"]);
		},
	);
});

describe("--cache", () => {
	it("re-lints a template when only its sidecar changed", async () => {
		const dir = makeProject({
			"web/receipt.html": FIXTURES["web/receipt.html"] ?? "",
			"web/receipt.campaign.yaml": "kind: transactional\n",
		});
		const unsubscribeFindings = async (): Promise<string[]> => {
			const { stdout } = await cli(dir, "--cache", "--format", "json");
			return findings(dir, stdout).filter((line) => line.endsWith(RULE));
		};
		expect(await unsubscribeFindings()).toEqual([]);
		expect(existsSync(path.join(dir, ".eslintcache"))).toBe(true);
		writeFileSync(path.join(dir, "web/receipt.campaign.yaml"), "kind: marketing\n");
		expect(await unsubscribeFindings()).toEqual([`${path.join("web", "receipt.html")}: ${RULE}`]);
		writeFileSync(path.join(dir, "web/receipt.campaign.yaml"), "kind: transactional\n");
		expect(await unsubscribeFindings()).toEqual([]);
	});

	it("writes the cache where --cache-location says", async () => {
		const dir = makeProject({ "emails/welcome.mjml": FIXTURES["emails/welcome.mjml"] ?? "" });
		await cli(dir, "--cache", "--cache-location", "tmp/mailcomply-cache.json");
		expect(existsSync(path.join(dir, "tmp/mailcomply-cache.json"))).toBe(true);
		expect(existsSync(path.join(dir, ".eslintcache"))).toBe(false);
	});
});

describe("--help, --version, --print-config", () => {
	it("--help lists options, exit codes, sidecars and --config", async () => {
		const { code, stdout, stderr } = await cli(project, "--help");
		expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
		for (const text of [
			"--format",
			"--max-warnings",
			"--quiet",
			"--fix",
			"--cache",
			"--concurrency",
			"--config",
			"sidecar",
			"Exit codes",
			"Examples",
		]) {
			expect(stdout).toContain(text);
		}
	});

	it("--version prints the package version", async () => {
		const manifest = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
		expect(await cli(project, "--version")).toEqual({ code: 0, stdout: `${manifest.version}\n`, stderr: "" });
	});

	it("--print-config shows the HTML language for an HTML file anywhere", async () => {
		const { code, stdout } = await cli(project, "--print-config", "web/receipt.html");
		expect(code).toBe(0);
		const config = JSON.parse(stdout) as { language: string; rules: Record<string, unknown> };
		expect(config.language).toBe("mailcomply/html");
		expect(Object.keys(config.rules)).toContain(RULE);
	});
});

describe("the built bin", () => {
	beforeAll(() => {
		if (!existsSync(BIN)) {
			throw new Error(`${BIN} is missing: run "npm run build" first (npm test does)`);
		}
	});

	it("starts with a shebang", () => {
		expect(readFileSync(BIN, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
	});

	it("sets the exit code and prints pure JSON", () => {
		const { code, stdout } = spawnCli(project, "--format", "json");
		expect(code).toBe(1);
		expect(findings(project, stdout)).toContain(`${path.join("emails", "promo.mjml")}: ${RULE}`);
	});

	it("exits 2 without a stack trace on a usage error", () => {
		const { code, stdout, stderr } = spawnCli(project, "does-not-exist.mjml");
		expect({ code, stdout, stderr }).toEqual({
			code: 2,
			stdout: "",
			stderr: "mailcomply: no such file or directory: does-not-exist.mjml\n",
		});
	});

	// Worker threads load the built plugin, so concurrency is tested on dist.
	it("gives the same results with --concurrency 2 as without", () => {
		const single = spawnCli(project, "--format", "json");
		const threaded = spawnCli(project, "--format", "json", "--concurrency", "2");
		expect(threaded.code).toBe(single.code);
		expect(findings(project, threaded.stdout)).toEqual(findings(project, single.stdout));
		expect(findings(project, single.stdout).length).toBeGreaterThan(0);
	});
});
