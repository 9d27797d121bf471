import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, expect, test } from "vitest";
import { tempProject } from "../helpers/lint.js";

/**
 * `--fix` never rewrites a captured message: the message was generated from
 * a template, where the fix belongs. The same HTML in a template is fixed,
 * so the test shows the fix exists and is withheld only from the .eml.
 */
const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dist/src/cli/bin.js");
const HTML =
	'<html lang="nl"><body><p>Lenteactie. Theehuis B.V.</p><p><a href="http://www.theehuis.example/thee">Thee</a> <a href="https://www.theehuis.example/afmelden">Afmelden</a></p></body></html>';
const EML = `From: Theehuis B.V. <nieuws@theehuis.example>\r\nSubject: Lente\r\nDate: Tue, 1 Dec 2026 09:00:00 +0100\r\nMessage-ID: <1@theehuis.example>\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${HTML}\r\n`;
const PLUGIN_URL = new URL("../../dist/plugin/index.js", import.meta.url).href;
const CONFIG = `import mailcomply from ${JSON.stringify(PLUGIN_URL)};
export default [
	...[mailcomply.configs.recommended].flat(),
	{ files: ["**/*.html", "**/*.eml"], rules: { "mailcomply/prefer-https": ["warn", { safeHosts: ["www.theehuis.example"], everyUrl: true }] } },
];
`;

const cleanups: Array<() => void> = [];
afterEach(() => {
	for (const cleanup of cleanups.splice(0)) cleanup();
});

test("mailcomply --fix fixes the template and leaves the .eml byte for byte", { timeout: 60_000 }, () => {
	const project = tempProject({
		"package.json": "{}",
		"eslint.config.mjs": CONFIG,
		"emails/lente.html": HTML,
		"captured/lente.eml": EML,
	});
	cleanups.push(project.cleanup);
	const child = spawnSync(process.execPath, [BIN, "--fix", "--config", "eslint.config.mjs", "emails", "captured"], {
		cwd: project.dir,
		encoding: "utf8",
		timeout: 50_000,
	});
	expect(child.error).toBeUndefined();
	expect(readFileSync(path.join(project.dir, "emails/lente.html"), "utf8")).toContain(
		'href="https://www.theehuis.example/thee"',
	);
	expect(readFileSync(path.join(project.dir, "captured/lente.eml"), "utf8")).toBe(EML);
	// The finding is still reported on the message, without a fix.
	expect(child.stdout).toMatch(/lente\.eml[\s\S]*prefer-https/u);
});

test("a message whose bytes are not UTF-8 is not rewritten either", { timeout: 60_000 }, () => {
	const project = tempProject({ "package.json": "{}", "eslint.config.mjs": CONFIG });
	cleanups.push(project.cleanup);
	const latin1 = Buffer.from(EML.replace("Lente", "Caf\u00e9"), "latin1");
	writeFileSync(path.join(project.dir, "m.eml"), latin1);
	spawnSync(process.execPath, [BIN, "--fix", "--config", "eslint.config.mjs", "m.eml"], {
		cwd: project.dir,
		encoding: "utf8",
		timeout: 50_000,
	});
	expect(readFileSync(path.join(project.dir, "m.eml")).equals(latin1)).toBe(true);
});
