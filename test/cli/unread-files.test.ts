/**
 * ESLint reads each file itself, and one file it cannot read ends its whole
 * `lintFiles` call. A file deleted while the run goes on, or one its user may
 * not read, must instead get one located result of its own while the rest of
 * the run is linted, fixed and reported.
 */
import { spawnSync } from "node:child_process";
import {
	chmodSync,
	chownSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	realpathSync,
	rmSync,
	writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, test } from "vitest";
import { run } from "../../src/cli/run.js";

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dist/src/cli/bin.js");
const PLUGIN_URL = new URL("../../dist/plugin/index.js", import.meta.url).href;
const NOBODY = 65534;

const dirs: string[] = [];
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Templates, a fixable rule, and a rule that deletes `zz-deleted.html` while the first file is linted (before ESLint reads it in a later batch). */
function project(files: Record<string, string>): string {
	const dir = realpathSync(mkdtempSync(path.join(tmpdir(), "mailcomply-unread-")));
	dirs.push(dir);
	writeFileSync(
		path.join(dir, "eslint.config.mjs"),
		`import fs from "node:fs";
import path from "node:path";
import mailcomply from ${JSON.stringify(PLUGIN_URL)};
const meddle = {
	create(context) {
		const doomed = path.join(path.dirname(context.physicalFilename), "zz-deleted.html");
		if (path.basename(context.physicalFilename) === "a.html" && fs.existsSync(doomed)) fs.unlinkSync(doomed);
		return {};
	},
};
export default [{ files: ["**/*.html"], plugins: { mailcomply, test: { rules: { meddle } } }, language: "mailcomply/html",
	rules: { "mailcomply/prefer-https": ["error", { safeHosts: ["shop.example-store.nl"], everyUrl: true }], "test/meddle": "error" } }];
`,
	);
	for (const [name, text] of Object.entries(files)) {
		mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
		writeFileSync(path.join(dir, name), text);
	}
	return dir;
}
const SAFE = `<!DOCTYPE html><html><body><img src="http://shop.example-store.nl/logo.png" alt="logo"></body></html>\n`;
const FIXED = SAFE.replace("http://", "https://");

interface JsonResult {
	filePath: string;
	messages: Array<{ ruleId: string | null; message: string; line: number; column: number; severity: number }>;
}

describe("a file that cannot be read any more is one result; the run goes on", () => {
	test("in batches: a template deleted before its batch is reached", async () => {
		const dir = project({ "a.html": SAFE, "b.html": SAFE, "zz-deleted.html": SAFE });
		let stdout = "";
		let stderr = "";
		const code = await run(["--fix", "--config", "eslint.config.mjs", "--format", "json", "."], {
			cwd: dir,
			stdout: { write: (text: string) => (stdout += text) },
			stderr: { write: (text: string) => (stderr += text) },
			// Every template its own batch: zz-deleted.html is gone when its batch comes.
			batches: { threshold: 2, size: 1 },
		});
		expect(stderr).toBe("");
		expect(code).toBe(1);
		const results = JSON.parse(stdout) as JsonResult[];
		expect(
			results
				.map((result) => path.basename(result.filePath))
				.filter((name) => name.endsWith(".html"))
				.sort(),
		).toEqual(["a.html", "b.html", "zz-deleted.html"]);
		const deleted = results.find((result) => result.filePath.endsWith("zz-deleted.html"))!;
		expect(deleted.messages).toEqual([
			expect.objectContaining({
				ruleId: null,
				line: 1,
				column: 1,
				severity: 2,
				message: expect.stringContaining("deleted or moved"),
			}),
		]);
		expect(existsSync(path.join(dir, "zz-deleted.html"))).toBe(false);
		expect(readFileSync(path.join(dir, "a.html"), "utf8")).toBe(FIXED);
		expect(readFileSync(path.join(dir, "b.html"), "utf8")).toBe(FIXED);
	});
});

const setprivWorks = process.getuid?.() === 0 && spawnSync("setpriv", ["--version"]).status === 0;
describe.skipIf(!setprivWorks)(
	"as an ordinary user (runs as nobody through setpriv: needs root and util-linux)",
	() => {
		test("a sidecar its user may not read is one result, and its template and the other files are linted and fixed", () => {
			const dir = project({ "e/p.html": SAFE, "e/p.campaign.yaml": "kind: transactional\n", "e/q.html": SAFE });
			chmodSync(dir, 0o755);
			for (const name of ["", "e", "e/p.html", "e/q.html", "e/p.campaign.yaml"])
				chownSync(path.join(dir, name), NOBODY, NOBODY);
			chmodSync(path.join(dir, "e", "p.campaign.yaml"), 0o000);
			// The zero config, so that the sidecar is linted too.
			rmSync(path.join(dir, "eslint.config.mjs"));
			const child = spawnSync(
				"setpriv",
				[
					`--reuid=${NOBODY}`,
					`--regid=${NOBODY}`,
					"--clear-groups",
					process.execPath,
					BIN,
					"--fix",
					"--format",
					"json",
					"e",
				],
				{ cwd: dir, encoding: "utf8" },
			);
			expect(child.stderr).toBe("");
			expect(child.status).toBe(1);
			const results = JSON.parse(child.stdout) as JsonResult[];
			expect(results.map((result) => path.relative(dir, result.filePath)).sort()).toEqual([
				path.join("e", "p.campaign.yaml"),
				path.join("e", "p.html"),
				path.join("e", "q.html"),
			]);
			const sidecar = results.find((result) => result.filePath.endsWith("p.campaign.yaml"))!;
			expect(sidecar.messages).toEqual([
				expect.objectContaining({
					ruleId: null,
					line: 1,
					column: 1,
					severity: 2,
					message: expect.stringContaining("EACCES"),
				}),
			]);
		});
	},
);
