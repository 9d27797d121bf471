import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ESLint } from "eslint";
import { afterEach, expect, test } from "vitest";
import { writeFixesAtomically } from "../src/cli/write-fixes.js";
import { run } from "../src/cli/run.js";

const dirs: string[] = [];
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
	const dir = mkdtempSync(path.join(tmpdir(), "mailcomply-fix-"));
	dirs.push(dir);
	return dir;
};
const result = (filePath: string, output?: string) => ({ filePath, output, messages: [] }) as unknown as ESLint.LintResult;

test("fixed files are replaced whole, keep their mode, and leave no temporary file", async () => {
	const dir = tempDir();
	const fixed = path.join(dir, "a.html");
	const untouched = path.join(dir, "b.html");
	writeFileSync(fixed, "<a href=\"http://x.nl\">x</a>");
	writeFileSync(untouched, "keep me");
	chmodSync(fixed, 0o640);
	const written = await writeFixesAtomically([result(fixed, "<a href=\"https://x.nl\">x</a>"), result(untouched)]);
	expect(written).toEqual([fixed]);
	expect(readFileSync(fixed, "utf8")).toBe("<a href=\"https://x.nl\">x</a>");
	expect(statSync(fixed).mode & 0o777).toBe(0o640);
	expect(readFileSync(untouched, "utf8")).toBe("keep me");
	expect(readdirSync(dir).sort()).toEqual(["a.html", "b.html"]);
});

test("a failed write leaves the original file as it was", async () => {
	const dir = tempDir();
	const file = path.join(dir, "a.html");
	writeFileSync(file, "original");
	// The target vanishes between lint and write: nothing is created in its place.
	rmSync(file);
	await expect(writeFixesAtomically([result(file, "fixed")])).rejects.toThrow(/ENOENT/u);
	expect(readdirSync(dir)).toEqual([]);
});

test("mailcomply --fix applies a safe fix through the CLI and writes only that file", async () => {
	const dir = tempDir();
	writeFileSync(path.join(dir, "eslint.config.mjs"), `import mailcomply from ${JSON.stringify(new URL("../dist/plugin/index.js", import.meta.url).href)};
export default [{ files: ["**/*.html"], plugins: { mailcomply }, language: "mailcomply/html", rules: { "mailcomply/prefer-https": ["error", { safeHosts: ["shop.example-store.nl"] }] } }];\n`);
	const page = `<!DOCTYPE html><html><body><img src="http://shop.example-store.nl/logo.png" alt="logo"></body></html>`;
	writeFileSync(path.join(dir, "mail.html"), page);
	writeFileSync(path.join(dir, "other.html"), page.replace("shop.example-store.nl", "cdn.elsewhere.example"));
	const before = readFileSync(path.join(dir, "other.html"), "utf8");
	const code = await run(["--fix", "--config", "eslint.config.mjs", "."], { stdout: { write: () => true }, stderr: { write: () => true }, cwd: dir });
	expect(readFileSync(path.join(dir, "mail.html"), "utf8")).toBe(page.replace("http://", "https://"));
	expect(readFileSync(path.join(dir, "other.html"), "utf8")).toBe(before);
	expect(code).toBe(1); // the host that is not listed as safe is still reported
	expect(readdirSync(dir).sort()).toEqual(["eslint.config.mjs", "mail.html", "other.html"]);
});

test("mailcomply --fix in batches writes each fixable file once, and no other", async () => {
	const dir = tempDir();
	writeFileSync(path.join(dir, "eslint.config.mjs"), `import mailcomply from ${JSON.stringify(new URL("../dist/plugin/index.js", import.meta.url).href)};
export default [{ files: ["**/*.html"], plugins: { mailcomply }, language: "mailcomply/html", rules: { "mailcomply/prefer-https": ["error", { safeHosts: ["shop.example-store.nl"] }] } }];\n`);
	const page = (host: string) => `<!DOCTYPE html><html><body><img src="http://${host}/logo.png" alt="logo"></body></html>`;
	const files = { "a.html": page("shop.example-store.nl"), "b.html": page("cdn.elsewhere.example"), "c.html": page("shop.example-store.nl"), "d.html": page("shop.example-store.nl") };
	for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
	// Every template its own batch: fixes are written batch by batch.
	const code = await run(["--fix", "--config", "eslint.config.mjs", "."], { stdout: { write: () => true }, stderr: { write: () => true }, cwd: dir, batches: { threshold: 2, size: 1 } });
	for (const name of ["a.html", "c.html", "d.html"]) expect(readFileSync(path.join(dir, name), "utf8")).toBe(files[name as keyof typeof files].replace("http://", "https://"));
	expect(readFileSync(path.join(dir, "b.html"), "utf8")).toBe(files["b.html"]);
	expect(code).toBe(1);
	expect(readdirSync(dir).sort()).toEqual(["a.html", "b.html", "c.html", "d.html", "eslint.config.mjs"]);
});
