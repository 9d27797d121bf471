import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv } from "ajv";
import { parse as parseYaml } from "yaml";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import plugin from "../../plugin/index.js";
import { run } from "../../src/cli/run.js";
import { summariseRules, type RuleSummary } from "../../src/cli/rule-catalog.js";
import { shouldShowProgress, startProgress } from "../../src/cli/progress.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dirs: string[] = [];

function makeDir(files: Record<string, string> = {}): string {
	const dir = mkdtempSync(path.join(tmpdir(), "mailcomply-cli-int-"));
	dirs.push(dir);
	for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
	return dir;
}

async function cli(cwd: string, argv: string[], stderrIsTTY = false, env: NodeJS.ProcessEnv = {}) {
	let stdout = "";
	let stderr = "";
	const code = await run(argv, {
		stdout: { write: (text: string) => (stdout += text) },
		stderr: { write: (text: string) => (stderr += text), isTTY: stderrIsTTY },
		cwd,
		env,
	});
	return { code, stdout, stderr };
}

afterAll(() => {
	for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("--print-rules", () => {
	it("lists every registered rule with languages, jurisdictions and recommended severity", async () => {
		const { code, stdout, stderr } = await cli(ROOT, ["--print-rules"]);
		expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
		const lines = stdout.trimEnd().split("\n");
		expect(lines[0]).toMatch(/^rule\s+languages\s+jurisdictions\s+recommended\s+description$/u);
		expect(lines).toHaveLength(Object.keys(plugin.rules).length + 1);
		expect(stdout).toMatch(
			/^mailcomply\/require-unsubscribe\s+mjml, html, sms, whatsapp, text, eml\s+all\s+error\s+Require a working opt-out in every marketing message: an unsubscribe link in e-mail, a STOP instruction or opt-out link in an SMS, an opt-out button or instruction in a WhatsApp template$/mu,
		);
		expect(stdout).toMatch(/^mailcomply\/valid-campaign\s+campaign\s+all\s+error\s+Require campaign sidecars/mu);
	});

	it("prints the same facts as JSON with --format json", async () => {
		const { code, stdout } = await cli(ROOT, ["--print-rules", "--format", "json"]);
		expect(code).toBe(0);
		const listed = JSON.parse(stdout) as RuleSummary[];
		expect(listed).toEqual(summariseRules(plugin.rules));
		expect(listed.find((rule) => rule.id === "require-unsubscribe")).toMatchObject({
			languages: ["mjml", "html", "sms", "whatsapp", "text", "eml"],
			jurisdictions: [],
			recommended: "error",
			fixable: false,
		});
	});

	it("refuses other formats", async () => {
		const { code, stderr } = await cli(ROOT, ["--print-rules", "--format", "sarif"]);
		expect(code).toBe(2);
		expect(stderr).toBe('mailcomply: --print-rules prints a table, or JSON with --format json; not "sarif"\n');
	});
});

describe("summariseRules", () => {
	it("reads jurisdictions, warn severity, fixability and suggestions from meta, and marks rules outside recommended as off", () => {
		const meta = (docs: object, extra: object = {}) => ({
			meta: { docs: { description: "d", url: "u", ...docs }, languages: ["mailcomply/html"], ...extra },
			create: () => ({}),
		});
		const summaries = summariseRules({
			b: meta(
				{ recommended: true, severity: "warn", jurisdictions: ["nl", "eu"] },
				{ fixable: "code", hasSuggestions: true },
			),
			a: meta({ recommended: false }),
		} as never);
		expect(summaries).toEqual([
			{
				id: "a",
				description: "d",
				url: "u",
				languages: ["html"],
				jurisdictions: [],
				recommended: "off",
				fixable: false,
				hasSuggestions: false,
			},
			{
				id: "b",
				description: "d",
				url: "u",
				languages: ["html"],
				jurisdictions: ["nl", "eu"],
				recommended: "warn",
				fixable: true,
				hasSuggestions: true,
			},
		]);
	});
});

describe("--init", () => {
	it("writes a starter eslint.config.js and commented folder defaults that match the schema", async () => {
		const dir = makeDir();
		const { code, stdout, stderr } = await cli(dir, ["--init"]);
		expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
		expect(stdout).toMatch(/^Wrote eslint\.config\.js and defaults\.campaign\.yaml\./u);
		const config = readFileSync(path.join(dir, "eslint.config.js"), "utf8");
		expect(config).toContain(`import mailcomply from "eslint-plugin-mailcomply";`);
		expect(config).toContain("mailcomply.configs.recommended,");
		const defaults = readFileSync(path.join(dir, "defaults.campaign.yaml"), "utf8");
		expect(defaults.split("\n")[0]).toBe(
			"# yaml-language-server: $schema=./node_modules/eslint-plugin-mailcomply/schema/campaign.schema.json",
		);
		// kind, countries, esp and sender, each commented out until the user says what holds
		for (const key of ["# kind: marketing", "#   countries: [NL]", "# esp: mailchimp", "# sender:"])
			expect(defaults).toContain(key);
		const schema = JSON.parse(readFileSync(path.join(ROOT, "schema/campaign.schema.json"), "utf8")) as object;
		const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
		const uncommented = parseYaml(
			defaults
				.split("\n")
				.map((line) => (/^# ?\s*[a-zA-Z]+: ?/u.test(line) ? line.replace(/^# ?/u, "") : line))
				.join("\n"),
		) as object;
		expect(validate(uncommented), JSON.stringify(validate.errors)).toBe(true);
		expect(uncommented).toMatchObject({
			kind: "marketing",
			esp: "mailchimp",
			audience: { countries: ["NL"] },
			sender: { companyNumber: "12345678" },
		});
	});

	it("writes folder defaults that make the next run no worse: no finding on the file, the facts reach the templates", async () => {
		const dir = makeDir({
			"news.html": "<!DOCTYPE html><html><body><p>Spring sale: 20% off. © Shop B.V.</p></body></html>",
		});
		await cli(dir, ["--init"]);
		const { stdout } = await cli(dir, ["--format", "json", "defaults.campaign.yaml"]);
		const [result] = JSON.parse(stdout) as { messages: { ruleId: string; message: string }[] }[];
		expect(result?.messages).toEqual([]);
		// Uncommenting the countries makes them the templates' audience.
		const file = path.join(dir, "defaults.campaign.yaml");
		writeFileSync(
			file,
			readFileSync(file, "utf8").replace("# audience:\n#   countries: [NL]", "audience:\n  countries: [NL]"),
		);
		const after = JSON.parse((await cli(dir, ["--format", "json", "news.html"])).stdout) as {
			messages: { ruleId: string }[];
		}[];
		expect(after[0]?.messages.map((message) => message.ruleId)).toContain("mailcomply/require-privacy-link");
	});

	it.each([
		["the config", { "eslint.config.js": "export default [];\n" }],
		["another flat config", { "eslint.config.mjs": "export default [];\n" }],
		["the folder defaults", { "defaults.campaign.yaml": "kind: marketing\n" }],
	])("exits 2 and writes nothing when %s exists", async (_label, existing) => {
		const dir = makeDir(existing);
		const { code, stdout, stderr } = await cli(dir, ["--init"]);
		expect(code).toBe(2);
		expect(stdout).toBe("");
		expect(stderr).toMatch(/^mailcomply: \S+ already exists; --init never overwrites a file/u);
		for (const [name, text] of Object.entries(existing)) expect(readFileSync(path.join(dir, name), "utf8")).toBe(text);
		const written = ["eslint.config.js", "eslint.config.mjs", "defaults.campaign.yaml"].filter(
			(name) => !(name in existing) && existsSync(path.join(dir, name)),
		);
		expect(written).toEqual([]);
	});

	it("names the config .mjs in a CommonJS package, and .js in an ES module package", async () => {
		const commonjs = makeDir({ "package.json": JSON.stringify({ name: "x", type: "commonjs" }) });
		expect((await cli(commonjs, ["--init"])).stdout).toMatch(/^Wrote eslint\.config\.mjs and/u);
		expect(existsSync(path.join(commonjs, "eslint.config.mjs"))).toBe(true);
		const esm = makeDir({ "package.json": JSON.stringify({ name: "x", type: "module" }) });
		await cli(esm, ["--init"]);
		expect(existsSync(path.join(esm, "eslint.config.js"))).toBe(true);
	});
});

describe("progress on long runs", () => {
	afterEach(() => {
		vi.useRealTimers();
	});

	it.each([
		["an interactive terminal", true, {}, false, true],
		["stderr redirected", false, {}, false, false],
		["CI=true", true, { CI: "true" }, false, false],
		["CI=1", true, { CI: "1" }, false, false],
		["CI=false", true, { CI: "false" }, false, true],
		["a machine-readable format", true, {}, true, false],
	])("is shown for %s: %s", (_label, isTTY, env, machine, expected) => {
		expect(shouldShowProgress({ write: () => {}, isTTY }, env, machine)).toBe(expected);
	});

	it("says nothing for 2 s, then keeps one updated line, and erases it when done", () => {
		vi.useFakeTimers();
		let clock = 0;
		const written: string[] = [];
		const stop = startProgress({ write: (text: string) => written.push(text) }, { now: () => clock });
		clock = 1999;
		vi.advanceTimersByTime(1999);
		expect(written).toEqual([]);
		clock = 2000;
		vi.advanceTimersByTime(1);
		clock = 3000;
		vi.advanceTimersByTime(1000);
		expect(written).toEqual([
			"\rmailcomply: linting templates… 2 s\u001b[K",
			"\rmailcomply: linting templates… 3 s\u001b[K",
		]);
		stop();
		expect(written.at(-1)).toBe("\r\u001b[K");
		vi.advanceTimersByTime(5000);
		expect(written).toHaveLength(3);
	});

	it("leaves no trace when the run ends within 2 s", () => {
		vi.useFakeTimers();
		const written: string[] = [];
		const stop = startProgress({ write: (text: string) => written.push(text) });
		vi.advanceTimersByTime(1500);
		stop();
		vi.advanceTimersByTime(5000);
		expect(written).toEqual([]);
	});

	it("keeps machine-readable output and a terminal's stderr clean in a real run", async () => {
		const dir = makeDir({ "promo.mjml": "<mjml><mj-body><mj-text>Sale</mj-text></mj-body></mjml>\n" });
		for (const format of ["json", "sarif", "junit", "html"]) {
			const { stderr } = await cli(dir, ["--format", format], true, {});
			expect(stderr).toBe("");
		}
	});
});
