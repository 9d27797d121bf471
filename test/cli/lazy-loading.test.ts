/**
 * A run loads what its files need: a run over HTML templates does not load
 * the YAML parser (sidecars), ajv (inline rule options; the sidecar schema
 * is compiled at build time) or the MIME
 * parser (.eml, some 90 ms with its ramda). Each is seen in Node's CommonJS
 * module cache of a process that linted through the built CLI's options.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { tempProject } from "../helpers/lint.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const LIBRARIES = ["ajv", "yaml", "emailjs-mime-parser"] as const;
const cleanups: Array<() => void> = [];
afterEach(() => {
	for (const cleanup of cleanups.splice(0)) cleanup();
});

const RECEIPT = `<html lang="en"><body><p>Your order 1234 has shipped.</p></body></html>\n`;
const EML =
	"From: Shop <shop@example.com>\r\nTo: you@example.com\r\nSubject: Your order\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Your order 1234 has shipped.</p>\r\n";

/** The libraries among LIBRARIES that linting `files` (zero config) loaded, and how many files were linted. */
function loadedBy(project: Record<string, string>, files = Object.keys(project)): { linted: number; loaded: string[] } {
	const { dir, cleanup } = tempProject(project);
	cleanups.push(cleanup);
	const probe = `
		import { createRequire } from "node:module";
		const { createEslintOptions } = await import(${JSON.stringify(path.join(ROOT, "dist/src/cli/eslint-options.js"))});
		const require = createRequire(${JSON.stringify(path.join(ROOT, "package.json"))});
		const { ESLint } = require("eslint");
		const eslint = new ESLint(createEslintOptions({ cwd: ${JSON.stringify(dir)}, configFile: undefined, quiet: false, countWarnings: false, fix: false, cache: false, concurrency: "off", ignorePatterns: [], includeRoots: [] }));
		const results = await eslint.lintFiles(${JSON.stringify(files)});
		const cached = Object.keys(require.cache);
		const loaded = ${JSON.stringify(LIBRARIES)}.filter((name) => cached.some((file) => file.includes("/node_modules/" + name + "/")));
		console.log(JSON.stringify({ linted: results.length, loaded }));
	`;
	const child = spawnSync(process.execPath, ["--input-type=module", "-e", probe], { cwd: dir, encoding: "utf8" });
	if (child.status !== 0) throw new Error(child.stderr);
	return JSON.parse(child.stdout) as { linted: number; loaded: string[] };
}

describe("what a zero-config run loads", () => {
	it("an HTML template alone: no YAML parser, no ajv, no MIME parser", () => {
		expect(loadedBy({ "receipt.html": RECEIPT })).toEqual({ linted: 1, loaded: [] });
	});

	it("a sidecar: the YAML parser, not ajv (the build precompiled its schema), still no MIME parser", () => {
		expect(loadedBy({ "receipt.html": RECEIPT, "receipt.campaign.yaml": "kind: transactional\n" })).toEqual({
			linted: 2,
			loaded: ["yaml"],
		});
	});

	it("a template beside its sidecar: the YAML parser, which reads the facts (no ajv: the sidecar itself is not linted)", () => {
		expect(
			loadedBy({ "receipt.html": RECEIPT, "receipt.campaign.yaml": "kind: transactional\n" }, ["receipt.html"]),
		).toEqual({ linted: 1, loaded: ["yaml"] });
	});

	it("an .eml message: the MIME parser", () => {
		expect(loadedBy({ "order.eml": EML }).loaded).toContain("emailjs-mime-parser");
	});
});
