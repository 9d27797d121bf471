import { spawnSync } from "node:child_process";
import {
	chmodSync,
	chownSync,
	existsSync,
	linkSync,
	lstatSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	realpathSync,
	rmSync,
	statSync,
	symlinkSync,
	writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ESLint } from "eslint";
import { afterEach, describe, expect, test } from "vitest";
import { writeFixes, type WriteFixesOptions } from "../../src/cli/write-fixes.js";
import { run } from "../../src/cli/run.js";

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dist/src/cli/bin.js");
const PLUGIN_URL = new URL("../../dist/plugin/index.js", import.meta.url).href;
const IS_ROOT = process.getuid?.() === 0;
const NOBODY = 65534;

const dirs: string[] = [];
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
	const dir = realpathSync(mkdtempSync(path.join(tmpdir(), "mailcomply-fix-")));
	dirs.push(dir);
	return dir;
};
const result = (filePath: string, output?: string) =>
	({ filePath, output, messages: [], errorCount: 0 }) as unknown as ESLint.LintResult;
/** A run that started long ago: every file is as ESLint read it. */
const settled: WriteFixesOptions = { since: Date.now() + 60_000, refix: () => Promise.reject(new Error("not asked")) };
const notWritten = (fixed: ESLint.LintResult) =>
	fixed.messages.filter((message) => message.message.startsWith("Fixes not written"));

const HTTP = `<a href="http://x.nl">x</a>`;
const HTTPS = `<a href="https://x.nl">x</a>`;

describe("writeFixes changes the text and nothing else", () => {
	test("fixed files are replaced whole, keep their mode (against the umask), and leave no temporary file", async () => {
		const dir = tempDir();
		const fixed = path.join(dir, "a.html");
		const shared = path.join(dir, "c.html");
		const untouched = path.join(dir, "b.html");
		writeFileSync(fixed, HTTP);
		writeFileSync(shared, HTTP);
		writeFileSync(untouched, "keep me");
		chmodSync(fixed, 0o640);
		// Group-writable: a umask of 022 would make it 0644.
		chmodSync(shared, 0o664);
		const written = await writeFixes([result(fixed, HTTPS), result(untouched), result(shared, HTTPS)], settled);
		expect(written).toEqual([fixed, shared]);
		expect(readFileSync(fixed, "utf8")).toBe(HTTPS);
		expect(statSync(fixed).mode & 0o7777).toBe(0o640);
		expect(statSync(shared).mode & 0o7777).toBe(0o664);
		expect(readFileSync(untouched, "utf8")).toBe("keep me");
		expect(readdirSync(dir).sort()).toEqual(["a.html", "b.html", "c.html"]);
	});

	test("a symbolic link stays a link, and its target gets the fix", async () => {
		const dir = tempDir();
		mkdirSync(path.join(dir, "shared"));
		const target = path.join(dir, "shared", "footer.html");
		const link = path.join(dir, "footer.html");
		writeFileSync(target, HTTP);
		symlinkSync(path.join("shared", "footer.html"), link);
		const fixed = result(link, HTTPS);
		expect(
			await writeFixes([fixed], { ...settled, refix: async (text) => text.replaceAll("http:", "https:") }),
		).toEqual([link]);
		expect(lstatSync(link).isSymbolicLink()).toBe(true);
		expect(readFileSync(target, "utf8")).toBe(HTTPS);
		expect(readdirSync(path.join(dir, "shared"))).toEqual(["footer.html"]);
	});

	test("a symbolic link changed to point elsewhere after ESLint read it does not aim the fixes at the new target", async () => {
		const dir = tempDir();
		const read = path.join(dir, "read.html");
		const other = path.join(dir, "other.html");
		const link = path.join(dir, "link.html");
		writeFileSync(read, HTTP);
		writeFileSync(other, "<p>someone else's file</p>");
		symlinkSync("read.html", link);
		const fixed = result(link, HTTPS);
		rmSync(link);
		symlinkSync("other.html", link);
		const refix: WriteFixesOptions["refix"] = async (text) => text.replaceAll("http:", "https:");
		expect(await writeFixes([fixed], { ...settled, refix })).toEqual([]);
		expect(readFileSync(other, "utf8")).toBe("<p>someone else's file</p>");
		expect(readFileSync(read, "utf8")).toBe(HTTP);
		expect(notWritten(fixed)).toEqual([
			expect.objectContaining({ message: expect.stringContaining("changed while mailcomply ran") }),
		]);
	});

	test("a file with another hard link is rewritten in place: both names see the fix", async () => {
		const dir = tempDir();
		const file = path.join(dir, "a.html");
		writeFileSync(file, HTTP);
		linkSync(file, path.join(dir, "b.html"));
		await writeFixes([result(file, HTTPS)], settled);
		expect(readFileSync(path.join(dir, "b.html"), "utf8")).toBe(HTTPS);
		expect(statSync(file).nlink).toBe(2);
	});

	test.skipIf(!IS_ROOT)(
		"run by root, a file owned by another user keeps its owner and group (needs root to chown)",
		async () => {
			const dir = tempDir();
			const file = path.join(dir, "a.html");
			writeFileSync(file, HTTP);
			chownSync(file, NOBODY, NOBODY);
			await writeFixes([result(file, HTTPS)], settled);
			expect(readFileSync(file, "utf8")).toBe(HTTPS);
			expect([statSync(file).uid, statSync(file).gid]).toEqual([NOBODY, NOBODY]);
		},
	);

	test.skipIf(!IS_ROOT)(
		"run by root, a read-only (0444) file is not rewritten, with one message (needs root)",
		async () => {
			const dir = tempDir();
			const file = path.join(dir, "a.html");
			writeFileSync(file, HTTP);
			chmodSync(file, 0o444);
			const fixed = result(file, HTTPS);
			expect(await writeFixes([fixed], settled)).toEqual([]);
			expect(readFileSync(file, "utf8")).toBe(HTTP);
			expect(notWritten(fixed)).toEqual([
				expect.objectContaining({ line: 1, column: 1, severity: 2, message: expect.stringContaining("read-only") }),
			]);
			expect(fixed.errorCount).toBe(1);
		},
	);

	test("a file that changed after ESLint read it is not written over; one that changed into the same fix is", async () => {
		const dir = tempDir();
		const edited = path.join(dir, "edited.html");
		const same = path.join(dir, "same.html");
		writeFileSync(edited, `${HTTP}\n<p>an edit made while the run went on</p>`);
		writeFileSync(same, HTTP);
		// The run started now: both files changed around it, so each is fixed again from its current text.
		const refix: WriteFixesOptions["refix"] = async (text) => text.replaceAll("http:", "https:");
		const editedResult = result(edited, HTTPS);
		const written = await writeFixes([editedResult, result(same, HTTPS)], { since: Date.now(), refix });
		expect(written).toEqual([same]);
		expect(readFileSync(edited, "utf8")).toBe(`${HTTP}\n<p>an edit made while the run went on</p>`);
		expect(notWritten(editedResult)).toEqual([
			expect.objectContaining({ message: expect.stringContaining("changed while mailcomply ran") }),
		]);
		expect(readFileSync(same, "utf8")).toBe(HTTPS);
	});

	test("a file deleted before the write is not created again, and the other files are still written", async () => {
		const dir = tempDir();
		const deleted = path.join(dir, "a.html");
		const other = path.join(dir, "b.html");
		writeFileSync(other, HTTP);
		const deletedResult = result(deleted, HTTPS);
		expect(await writeFixes([deletedResult, result(other, HTTPS)], settled)).toEqual([other]);
		expect(readdirSync(dir)).toEqual(["b.html"]);
		expect(readFileSync(other, "utf8")).toBe(HTTPS);
		expect(notWritten(deletedResult)).toEqual([
			expect.objectContaining({ message: expect.stringContaining("deleted or moved") }),
		]);
	});

	test("a file that is not UTF-8 is not written back (its other bytes would become U+FFFD)", async () => {
		const dir = tempDir();
		const file = path.join(dir, "a.html");
		const latin1 = Buffer.from(`${HTTP}<p>Caf\xe9</p>`, "latin1");
		writeFileSync(file, latin1);
		const fixed = result(file, `${HTTPS}<p>Caf\ufffd</p>`);
		expect(await writeFixes([fixed], settled)).toEqual([]);
		expect(readFileSync(file)).toEqual(latin1);
		expect(notWritten(fixed)).toEqual([
			expect.objectContaining({ message: expect.stringContaining("not valid UTF-8") }),
		]);
	});
});

/** A config with one fixable rule (prefer-https for a safe host, on every http: URL: a logo carries nothing about the reader, which recommended alone would not report) and a rule that edits or deletes files while the run goes on. */
function fixProject(files: Record<string, string>): string {
	const dir = tempDir();
	writeFileSync(
		path.join(dir, "eslint.config.mjs"),
		`import fs from "node:fs";
import mailcomply from ${JSON.stringify(PLUGIN_URL)};
// Stands in for a person or a tool changing files while mailcomply runs: after ESLint read them, before the fixes are written.
const meddle = {
	create(context) {
		const file = context.physicalFilename;
		if (file.endsWith("edited.html") && !fs.readFileSync(file, "utf8").includes("edited")) fs.appendFileSync(file, "<!-- edited -->\\n");
		if (file.endsWith("deleted.html") && fs.existsSync(file)) fs.unlinkSync(file);
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
const page = (host: string) =>
	`<!DOCTYPE html><html><body><img src="http://${host}/logo.png" alt="logo"></body></html>\n`;
const SAFE = page("shop.example-store.nl");
const FIXED = SAFE.replace("http://", "https://");

interface JsonResult {
	filePath: string;
	messages: Array<{ ruleId: string | null; message: string; line: number; column: number; severity: number }>;
}
async function cliFix(
	dir: string,
	extra: { batches?: { threshold: number; size: number } } = {},
): Promise<{ code: number; results: JsonResult[]; stderr: string }> {
	let stdout = "";
	let stderr = "";
	const code = await run(["--fix", "--config", "eslint.config.mjs", "--format", "json", "."], {
		stdout: { write: (text: string) => (stdout += text) },
		stderr: { write: (text: string) => (stderr += text) },
		cwd: dir,
		...extra,
	});
	return { code, results: stdout ? (JSON.parse(stdout) as JsonResult[]) : [], stderr };
}
const notWrittenIn = (results: JsonResult[], name: string) =>
	results
		.find((each) => path.basename(each.filePath) === name)
		?.messages.filter((message) => message.message.startsWith("Fixes not written")) ?? [];

describe("mailcomply --fix", () => {
	test("applies a safe fix through the CLI and writes only that file", async () => {
		const dir = fixProject({ "mail.html": SAFE, "other.html": page("cdn.elsewhere.example") });
		const { code } = await cliFix(dir);
		expect(readFileSync(path.join(dir, "mail.html"), "utf8")).toBe(FIXED);
		expect(readFileSync(path.join(dir, "other.html"), "utf8")).toBe(page("cdn.elsewhere.example"));
		expect(code).toBe(1); // the host that is not listed as safe is still reported
		expect(readdirSync(dir).sort()).toEqual(["eslint.config.mjs", "mail.html", "other.html"]);
	});

	test("in batches, writes each fixable file once, and no other", async () => {
		const files = { "a.html": SAFE, "b.html": page("cdn.elsewhere.example"), "c.html": SAFE, "d.html": SAFE };
		const dir = fixProject(files);
		// Every template its own batch: fixes are written batch by batch.
		const { code } = await cliFix(dir, { batches: { threshold: 2, size: 1 } });
		for (const name of ["a.html", "c.html", "d.html"]) expect(readFileSync(path.join(dir, name), "utf8")).toBe(FIXED);
		expect(readFileSync(path.join(dir, "b.html"), "utf8")).toBe(files["b.html"]);
		expect(code).toBe(1);
		expect(readdirSync(dir).sort()).toEqual(["a.html", "b.html", "c.html", "d.html", "eslint.config.mjs"]);
	});

	test("a file edited during the run keeps the edit, a file deleted during the run stays deleted, and the rest is fixed and reported", async () => {
		const dir = fixProject({
			"edited.html": SAFE,
			"deleted.html": SAFE,
			"plain.html": SAFE,
			"bom.html": `\ufeff${SAFE}`,
		});
		const { code, results, stderr } = await cliFix(dir);
		expect(stderr).toBe("");
		expect(code).toBe(1);
		expect(readFileSync(path.join(dir, "edited.html"), "utf8")).toBe(`${SAFE}<!-- edited -->\n`);
		expect(existsSync(path.join(dir, "deleted.html"))).toBe(false);
		expect(readFileSync(path.join(dir, "plain.html"), "utf8")).toBe(FIXED);
		expect(readFileSync(path.join(dir, "bom.html"), "utf8")).toBe(`\ufeff${FIXED}`);
		expect(notWrittenIn(results, "edited.html")).toEqual([
			expect.objectContaining({
				line: 1,
				column: 1,
				severity: 2,
				message: expect.stringContaining("changed while mailcomply ran"),
			}),
		]);
		expect(notWrittenIn(results, "deleted.html")).toEqual([
			expect.objectContaining({
				line: 1,
				column: 1,
				severity: 2,
				message: expect.stringContaining("deleted or moved"),
			}),
		]);
		expect(notWrittenIn(results, "plain.html")).toEqual([]);
		expect(readdirSync(dir).sort()).toEqual(["bom.html", "edited.html", "eslint.config.mjs", "plain.html"]);
	});
});

/**
 * As an ordinary user: permissions mean nothing to root, so these run the
 * built CLI as `nobody` (setpriv, which only root may use).
 */
const setprivWorks = IS_ROOT && spawnSync("setpriv", ["--version"]).status === 0;
describe.skipIf(!setprivWorks)(
	"mailcomply --fix as an ordinary user (runs as nobody through setpriv: needs root and util-linux)",
	() => {
		function asNobody(dir: string): { status: number | null; results: JsonResult[]; stderr: string } {
			const child = spawnSync(
				"setpriv",
				[
					`--reuid=${NOBODY}`,
					`--regid=${NOBODY}`,
					"--clear-groups",
					process.execPath,
					BIN,
					"--fix",
					"--config",
					"eslint.config.mjs",
					"--format",
					"json",
					".",
				],
				{
					cwd: dir,
					encoding: "utf8",
				},
			);
			return {
				status: child.status,
				results: child.stdout ? (JSON.parse(child.stdout) as JsonResult[]) : [],
				stderr: child.stderr,
			};
		}
		/** A project where nobody may work: its folders belong to nobody. */
		function nobodysProject(files: Record<string, string>): string {
			const dir = fixProject(files);
			chmodSync(dir, 0o755);
			for (const name of ["", ...Object.keys(files), "eslint.config.mjs"])
				chownSync(path.join(dir, name), NOBODY, NOBODY);
			return dir;
		}

		test("a read-only (0444) file of the user's own is not rewritten; one message says so; the others are fixed", () => {
			const dir = nobodysProject({ "locked.html": SAFE, "open.html": SAFE });
			chmodSync(path.join(dir, "locked.html"), 0o444);
			const { status, results, stderr } = asNobody(dir);
			expect(stderr).toBe("");
			expect(status).toBe(1);
			expect(readFileSync(path.join(dir, "locked.html"), "utf8")).toBe(SAFE);
			expect(statSync(path.join(dir, "locked.html")).mode & 0o7777).toBe(0o444);
			expect(notWrittenIn(results, "locked.html")).toEqual([
				expect.objectContaining({ line: 1, message: expect.stringContaining("read-only") }),
			]);
			expect(readFileSync(path.join(dir, "open.html"), "utf8")).toBe(FIXED);
		});

		test("a template whose sidecar the user may not read is still linted and fixed, and the run is reported", () => {
			const dir = nobodysProject({
				"e/p.html": SAFE,
				"e/p.campaign.yaml": "kind: transactional\n",
				"other.html": SAFE,
			});
			chownSync(path.join(dir, "e"), NOBODY, NOBODY);
			chmodSync(path.join(dir, "e", "p.campaign.yaml"), 0o000);
			const child = spawnSync(
				"setpriv",
				[
					`--reuid=${NOBODY}`,
					`--regid=${NOBODY}`,
					"--clear-groups",
					process.execPath,
					BIN,
					"--fix",
					"--config",
					"eslint.config.mjs",
					"--format",
					"json",
					"e/p.html",
					"other.html",
				],
				{ cwd: dir, encoding: "utf8" },
			);
			expect(child.stderr).toBe("");
			expect(child.status).not.toBe(2);
			expect(
				(JSON.parse(child.stdout) as JsonResult[]).map((each) => path.relative(dir, each.filePath)).sort(),
			).toEqual([path.join("e", "p.html"), "other.html"]);
			expect(readFileSync(path.join(dir, "e", "p.html"), "utf8")).toBe(FIXED);
			expect(readFileSync(path.join(dir, "other.html"), "utf8")).toBe(FIXED);
		});

		test("in a folder the user may not add files to, a writable file is fixed in place, keeping its mode", () => {
			const dir = nobodysProject({ "mails/a.html": SAFE });
			chownSync(path.join(dir, "mails"), NOBODY, NOBODY);
			chmodSync(path.join(dir, "mails", "a.html"), 0o664);
			chmodSync(path.join(dir, "mails"), 0o555);
			const { status, results, stderr } = asNobody(dir);
			expect(stderr).toBe("");
			expect(status).toBe(0);
			expect(notWrittenIn(results, "a.html")).toEqual([]);
			expect(readFileSync(path.join(dir, "mails", "a.html"), "utf8")).toBe(FIXED);
			expect(statSync(path.join(dir, "mails", "a.html")).mode & 0o7777).toBe(0o664);
			expect(readdirSync(path.join(dir, "mails"))).toEqual(["a.html"]);
		});

		test("a group-writable file of another user is fixed and keeps its owner (a new file would be nobody's)", () => {
			const dir = nobodysProject({ "shared.html": SAFE });
			chownSync(path.join(dir, "shared.html"), 0, NOBODY);
			chmodSync(path.join(dir, "shared.html"), 0o664);
			// nobody in its own group, as setpriv --regid gives it.
			const child = spawnSync(
				"setpriv",
				[
					`--reuid=${NOBODY}`,
					`--regid=${NOBODY}`,
					`--groups=${NOBODY}`,
					process.execPath,
					BIN,
					"--fix",
					"--config",
					"eslint.config.mjs",
					"--format",
					"json",
					".",
				],
				{ cwd: dir, encoding: "utf8" },
			);
			expect(child.stderr).toBe("");
			expect(child.status).toBe(0);
			expect(readFileSync(path.join(dir, "shared.html"), "utf8")).toBe(FIXED);
			expect([statSync(path.join(dir, "shared.html")).uid, statSync(path.join(dir, "shared.html")).gid]).toEqual([
				0,
				NOBODY,
			]);
			expect(statSync(path.join(dir, "shared.html")).mode & 0o7777).toBe(0o664);
		});
	},
);
