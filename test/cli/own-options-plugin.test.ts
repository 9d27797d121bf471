import { spawnSync } from "node:child_process";
import path from "node:path";
import { Ajv } from "ajv";
import { ESLint } from "eslint";
import { afterEach, describe, expect, it } from "vitest";
import plugin from "../../plugin/index.js";
import { run } from "../../src/cli/run.js";
import { tempProject } from "../helpers/lint.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const cleanups: Array<() => void> = [];
afterEach(() => {
	for (const cleanup of cleanups.splice(0)) cleanup();
});

interface Message {
	ruleId: string | null;
	line: number;
	column: number;
	message: string;
}

const RECEIPT = `<html lang="en"><body><p>Your order has shipped. <a href="http://example.com/track">Track it</a></p></body></html>\n`;
/** Its link carries the reader's id: reported with the rule's default options too. */
const BAD_INLINE = `<!-- eslint mailcomply/prefer-https: ["error", {"everyUrl": true, "nope": 1}] -->\n${RECEIPT.replace("/track", "/track?id={{id}}")}`;
const GOOD_INLINE = `<!-- eslint mailcomply/prefer-https: ["error", {"everyUrl": true}] -->\n${RECEIPT}`;

async function zeroConfigMessages(dir: string, file: string): Promise<Message[]> {
	let stdout = "";
	await run(["--format", "json", file], {
		cwd: dir,
		env: {},
		stdout: { write: (text: string) => (stdout += text) },
		stderr: { write: () => true },
	});
	return (JSON.parse(stdout) as { messages: Message[] }[])[0]?.messages ?? [];
}

/** The same file through ESLint with the published plugin, whose rule options ESLint validates itself. */
async function eslintMessages(dir: string, file: string): Promise<Message[]> {
	const eslint = new ESLint({
		cwd: dir,
		overrideConfigFile: true,
		overrideConfig: [{ files: ["**/*.html"], ...plugin.configs.html[0] }],
	});
	return (await eslint.lintFiles([file]))[0]?.messages ?? [];
}

describe("the zero config's rules, whose options ESLint does not validate", () => {
	it("report a bad inline option at its comment, as ESLint does, and still run", async () => {
		const { dir, cleanup } = tempProject({ "bad.html": BAD_INLINE });
		cleanups.push(cleanup);
		const ours = await zeroConfigMessages(dir, "bad.html");
		const eslints = await eslintMessages(dir, "bad.html");
		const invalid = (messages: Message[]) =>
			messages.find((message) =>
				message.message.startsWith('Inline configuration for rule "mailcomply/prefer-https" is invalid:'),
			);
		expect(invalid(eslints)).toMatchObject({ line: 1, column: 1 });
		expect(invalid(ours)).toMatchObject({ line: 1, column: 1 });
		expect(invalid(ours)?.message).toMatch(
			/Unexpected property "nope"\. Expected properties: "safeHosts", "everyUrl"\./u,
		);
		// The rule still ran, without the comment's options.
		for (const messages of [ours, eslints])
			expect(
				messages.filter((message) => message.ruleId === "mailcomply/prefer-https" && message.line === 2),
			).toHaveLength(1);
	});

	it("apply a valid inline option", async () => {
		const { dir, cleanup } = tempProject({ "good.html": GOOD_INLINE, "plain.html": RECEIPT });
		cleanups.push(cleanup);
		const http = (messages: Message[]) => messages.filter((message) => message.ruleId === "mailcomply/prefer-https");
		// Without it, a plain http: link that carries nothing about the reader is left alone (recommended); with everyUrl it is reported.
		expect(http(await zeroConfigMessages(dir, "plain.html"))).toEqual([]);
		expect(http(await zeroConfigMessages(dir, "good.html"))).toEqual([expect.objectContaining({ line: 2 })]);
		expect(http(await zeroConfigMessages(dir, "good.html"))).toEqual(http(await eslintMessages(dir, "good.html")));
	});

	it("keep ESLint from loading ajv in a zero-config run (it does with a config file)", () => {
		const { dir, cleanup } = tempProject({
			"receipt.html": RECEIPT,
			"eslint.config.mjs": `import mailcomply from ${JSON.stringify(path.join(ROOT, "dist/plugin/index.js"))};\nexport default [{ files: ["**/*.html"], ...mailcomply.configs.html[0] }];\n`,
		});
		cleanups.push(cleanup);
		// The built CLI's options module, as the CLI and its worker threads use it; ajv shows up in the CommonJS module cache once loaded.
		const probe = `
			import { createRequire } from "node:module";
			const { createEslintOptions } = await import(${JSON.stringify(path.join(ROOT, "dist/src/cli/eslint-options.js"))});
			const require = createRequire(${JSON.stringify(path.join(ROOT, "package.json"))});
			const { ESLint } = require("eslint");
			const configFile = process.argv[1] === "config" ? ${JSON.stringify(path.join(dir, "eslint.config.mjs"))} : undefined;
			const eslint = new ESLint(createEslintOptions({ cwd: ${JSON.stringify(dir)}, configFile, quiet: false, countWarnings: false, fix: false, cache: false, concurrency: "off", ignorePatterns: [], includeRoots: [] }));
			const [result] = await eslint.lintFiles(["receipt.html"]);
			console.log(JSON.stringify({ messages: result.messages.map((message) => message.message), ajv: Object.keys(require.cache).some((file) => /[\\\\/]ajv[\\\\/]/.test(file)) }));
		`;
		const loaded = (mode: string) =>
			JSON.parse(
				spawnSync(process.execPath, ["--input-type=module", "-e", probe, mode], { cwd: dir, encoding: "utf8" }).stdout,
			) as { messages: string[]; ajv: boolean };
		expect(loaded("zero")).toEqual({ messages: [], ajv: false });
		expect(loaded("config")).toEqual({ messages: [], ajv: true });
	});

	it("are only ever run with valid options when nobody sets any: every rule's defaultOptions match its schema", () => {
		const ajv = new Ajv({ strict: false });
		for (const [id, rule] of Object.entries(plugin.rules)) {
			const schema = rule.meta?.schema;
			if (schema === false || schema === undefined || !Array.isArray(schema) || schema.length === 0) continue;
			const validate = ajv.compile({ type: "array", items: schema, minItems: 0, maxItems: schema.length });
			expect(
				validate(structuredClone(rule.meta?.defaultOptions ?? [])),
				`${id}: ${JSON.stringify(validate.errors)}`,
			).toBe(true);
		}
	});
});
