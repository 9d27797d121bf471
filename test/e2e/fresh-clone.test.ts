/**
 * The README's first command on a fresh clone, as a new user runs it: a git
 * clone of the committed tree (no dist/, no node_modules), then the command
 * exactly as the README writes it. It must install without a warning on the
 * Node version the README promises (no EBADENGINE from a dev dependency that
 * wants a newer Node), build, and lint the examples with findings.
 * Installs every dependency (from npm's cache where it can), so it takes a
 * minute or two.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const isGitCheckout = spawnSync("git", ["rev-parse", "HEAD"], { cwd: ROOT }).status === 0;
if (!isGitCheckout) console.warn("test/e2e/fresh-clone.test.ts skipped: not a git checkout");

const README = readFileSync(path.join(ROOT, "README.md"), "utf8");
const FIRST_COMMAND = /## Try it[\s\S]*?```sh\n(.+)\n```/u.exec(README)?.[1];

describe.skipIf(!isGitCheckout)("the README's first command on a fresh clone", () => {
	const clone = mkdtempSync(path.join(tmpdir(), "mailcomply-clone-"));
	afterAll(() => rmSync(clone, { recursive: true, force: true }), 120_000);

	it("installs without warnings, builds, and lints the examples", () => {
		expect(FIRST_COMMAND).toBe("npm ci && npx mailcomply examples/");
		execFileSync("git", ["clone", "--quiet", ROOT, clone], { stdio: "ignore" });
		const run = spawnSync("sh", ["-c", FIRST_COMMAND ?? ""], {
			cwd: clone,
			encoding: "utf8",
			// npm's own defaults, not the ones of the npm that runs this test (`npm test` sets npm_config_* variables).
			env: Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/iu.test(name))),
		});
		const output = run.stdout + run.stderr;
		expect(output).not.toMatch(/npm warn/iu);
		expect(output).not.toContain("EBADENGINE");
		// The non-compliant examples have findings: exit code 1, not 2 (a usage or internal error).
		expect(run.status, output).toBe(1);
		expect(run.stdout).toContain("mailcomply/require-unsubscribe");
		expect(run.stdout).toMatch(/^examples\/non-compliant\//mu);
	}, 600_000);
});
