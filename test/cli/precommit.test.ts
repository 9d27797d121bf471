/**
 * The commit hooks, for real, in temporary git repositories:
 * - the pre-commit framework (Debian's `pre-commit`) installing this
 *   repository's .pre-commit-hooks.yaml hook exactly as a user's
 *   .pre-commit-config.yaml would (it clones the hook repository, runs
 *   `npm install`, `npm pack` and a global install into its own cache);
 * - husky's mechanism (core.hooksPath pointing at a .husky folder) running
 *   examples/ci/.husky/pre-commit, which runs lint-staged with
 *   examples/ci/lint-staged.config.js, against the packed package.
 * In both, a broken template blocks the commit and the fixed one passes.
 * Both install from the npm registry, so they take a minute or more.
 */
import { execFileSync, spawnSync, type SpawnSyncReturns } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const hasPreCommit = spawnSync("pre-commit", ["--version"]).status === 0;
if (!hasPreCommit) {
	console.warn(
		"test/cli/precommit.test.ts: pre-commit framework test skipped, `pre-commit` is not installed (apt-get install -y pre-commit; .ci/run installs it)",
	);
}

/** The versions the husky test installs, as a user would. */
const LINT_STAGED_VERSION = "16.4.0";
const ESLINT_VERSION = "10.15.0";

const dirs: string[] = [];
afterAll(() => {
	for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}, 120_000);

function tempDir(name: string): string {
	const dir = mkdtempSync(path.join(tmpdir(), `mailcomply-${name}-`));
	dirs.push(dir);
	return dir;
}

const GIT_ENV = {
	...process.env,
	GIT_AUTHOR_NAME: "Test",
	GIT_AUTHOR_EMAIL: "test@example.com",
	GIT_COMMITTER_NAME: "Test",
	GIT_COMMITTER_EMAIL: "test@example.com",
	GIT_CONFIG_NOSYSTEM: "1",
	HOME: tmpdir(),
	CI: "true",
};

function git(cwd: string, ...args: string[]): SpawnSyncReturns<string> {
	return spawnSync("git", ["-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", ...args], {
		cwd,
		encoding: "utf8",
		env: GIT_ENV,
	});
}

function commitCount(cwd: string): number {
	const result = git(cwd, "rev-list", "--count", "HEAD");
	return result.status === 0 ? Number(result.stdout.trim()) : 0;
}

// The broken template: a marketing mail without any way to unsubscribe.
const BROKEN = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Sale</title></head>
<body><p>Spring sale: 20% off everything.</p></body></html>
`;
// The fixed one: a bundled compliant example, which the e2e test keeps free of findings.
const FIXED_DIR = path.join(ROOT, "examples/compliant/monthly-digest");
const FIXED = readFileSync(path.join(FIXED_DIR, "monthly-digest.html"), "utf8");
const FIXED_SIDECAR = readFileSync(path.join(FIXED_DIR, "monthly-digest.campaign.yaml"), "utf8");

// A web page of the same repository: scripts and a site navigation, no mail marker. It promotes
// and has no opt-out, so it would block the commit if it were judged as a mail.
const WEB_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Acme</title><link rel="icon" href="/favicon.ico"></head>
<body><header><nav><a href="/">Home</a> <a href="/shop">Shop</a></nav></header>
<main><h1>Spring sale: 20% off everything</h1></main>
<script src="/assets/app.js"></script></body></html>
`;

/** Stages the broken template, then the fixed one, committing each time. */
function commitBrokenThenFixed(repo: string): { blocked: SpawnSyncReturns<string>; passed: SpawnSyncReturns<string> } {
	mkdirSync(path.join(repo, "emails"), { recursive: true });
	writeFileSync(path.join(repo, "emails/newsletter.html"), BROKEN);
	git(repo, "add", "emails/newsletter.html");
	const blocked = git(repo, "commit", "-m", "Broken newsletter");
	writeFileSync(path.join(repo, "emails/newsletter.html"), FIXED);
	writeFileSync(path.join(repo, "emails/newsletter.campaign.yaml"), FIXED_SIDECAR);
	git(repo, "add", "emails");
	const passed = git(repo, "commit", "-m", "Compliant newsletter");
	return { blocked, passed };
}

describe.skipIf(!hasPreCommit)("the pre-commit framework hook (.pre-commit-hooks.yaml)", () => {
	it("blocks a commit with a broken template and lets the fixed one through", () => {
		// The hook repository as pre-commit sees it: a git repository with the package's sources at a commit.
		const hookRepo = tempDir("hook-repo");
		for (const entry of [
			"package.json",
			"package-lock.json",
			".npmrc",
			"LICENSE",
			"tsconfig.json",
			"tsconfig.build.json",
			"README.md",
			".pre-commit-hooks.yaml",
			"scripts",
			"src",
			"rules",
			"plugin",
			"schema",
			"docs",
			"examples/ci",
			"packages",
		]) {
			cpSync(path.join(ROOT, entry), path.join(hookRepo, entry), { recursive: true });
		}
		git(hookRepo, "init", "-q");
		git(hookRepo, "add", "-A");
		expect(git(hookRepo, "commit", "-q", "-m", "mailcomply").status).toBe(0);
		const rev = git(hookRepo, "rev-parse", "HEAD").stdout.trim();

		const repo = tempDir("precommit-user");
		git(repo, "init", "-q");
		writeFileSync(
			path.join(repo, ".pre-commit-config.yaml"),
			`repos:\n  - repo: ${hookRepo}\n    rev: ${rev}\n    hooks:\n      - id: mailcomply\n`,
		);
		writeFileSync(path.join(repo, "README.md"), "# Newsletters\n");
		git(repo, "add", "-A");
		expect(git(repo, "commit", "-q", "-m", "Start").status).toBe(0);

		const env = { ...GIT_ENV, PRE_COMMIT_HOME: tempDir("precommit-cache") };
		const install = spawnSync("pre-commit", ["install"], { cwd: repo, encoding: "utf8", env });
		expect(install.status, install.stderr).toBe(0);
		// Build the hook's environment now (npm install, npm pack, npm install -g), outside the commit, with
		// npm as users have it. pre-commit 3 (Debian's) takes all of `npm pack`'s output as the tarball's name:
		// the package's .npmrc keeps the prepack build's banner out of it, so no workaround is needed.
		const installHooks = spawnSync("pre-commit", ["install-hooks"], { cwd: repo, encoding: "utf8", env });
		expect(installHooks.status, installHooks.stdout + installHooks.stderr).toBe(0);

		const commit = (message: string) =>
			spawnSync("git", ["commit", "-m", message], { cwd: repo, encoding: "utf8", env });
		mkdirSync(path.join(repo, "emails"), { recursive: true });
		writeFileSync(path.join(repo, "emails/newsletter.html"), BROKEN);
		git(repo, "add", "emails/newsletter.html");
		const blocked = commit("Broken newsletter");
		expect(blocked.status).not.toBe(0);
		expect(blocked.stdout + blocked.stderr).toMatch(/mailcomply \(e-mail marketing compliance\)\.+Failed/u);
		expect(blocked.stdout + blocked.stderr).toContain("mailcomply/require-unsubscribe");
		expect(commitCount(repo)).toBe(1);

		writeFileSync(path.join(repo, "emails/newsletter.html"), FIXED);
		writeFileSync(path.join(repo, "emails/newsletter.campaign.yaml"), FIXED_SIDECAR);
		git(repo, "add", "emails");
		const passed = commit("Compliant newsletter");
		expect(passed.status, passed.stdout + passed.stderr).toBe(0);
		expect(passed.stdout + passed.stderr).toMatch(/mailcomply \(e-mail marketing compliance\)\.+Passed/u);
		expect(commitCount(repo)).toBe(2);

		// A web page is staged with the hook's glob but skipped as a page, not judged as a mail; the same page declared a mail blocks.
		mkdirSync(path.join(repo, "site"), { recursive: true });
		writeFileSync(path.join(repo, "site/index.html"), WEB_PAGE);
		git(repo, "add", "site/index.html");
		const page = spawnSync("pre-commit", ["run", "--verbose", "--files", "site/index.html", "emails/newsletter.html"], {
			cwd: repo,
			encoding: "utf8",
			env,
		});
		expect(page.status, page.stdout + page.stderr).toBe(0);
		expect(page.stdout).toContain("mailcomply skipped 1 file as a web page");
		const pageCommit = commit("Web page");
		expect(pageCommit.status, pageCommit.stdout + pageCommit.stderr).toBe(0);
		expect(commitCount(repo)).toBe(3);
		writeFileSync(path.join(repo, "site/index.html"), WEB_PAGE.replace("<main>", "<!-- mailcomply: mail -->\n<main>"));
		git(repo, "add", "site/index.html");
		const forced = commit("Web page as a mail");
		expect(forced.status).not.toBe(0);
		expect(forced.stdout + forced.stderr).toContain("mailcomply/require-unsubscribe");
		git(repo, "checkout", "--", ".");
		git(repo, "reset", "-q", "--hard");

		// Files that are not templates, sidecars or text parts are not passed to the hook at all (a .txt is: it may be a text part).
		writeFileSync(path.join(repo, "notes.md"), "not a template\n");
		git(repo, "add", "notes.md");
		const skipped = commit("Notes");
		expect(skipped.status).toBe(0);
		expect(skipped.stdout + skipped.stderr).toMatch(
			/mailcomply \(e-mail marketing compliance\)\.+\(no files to check\)Skipped/u,
		);
	}, 600_000);
});

describe("husky + lint-staged (examples/ci)", () => {
	it("blocks a commit with a broken template and lets the fixed one through", () => {
		// Packed from the dist/ that `npm test` built, without rebuilding it under the other test files.
		const packDir = tempDir("pack");
		execFileSync("npm", ["pack", "--silent", "--ignore-scripts", "--pack-destination", packDir], {
			cwd: ROOT,
			encoding: "utf8",
			stdio: ["ignore", "pipe", "pipe"],
		});
		const [tarball] = readdirSync(packDir).filter((name) => name.endsWith(".tgz"));
		expect(tarball).toBeDefined();

		const repo = tempDir("husky-user");
		git(repo, "init", "-q");
		execFileSync("npm", ["init", "-y"], { cwd: repo, stdio: "ignore" });
		execFileSync(
			"npm",
			[
				"install",
				"--save-dev",
				"--no-audit",
				"--no-fund",
				path.join(packDir, tarball ?? ""),
				`eslint@${ESLINT_VERSION}`,
				`lint-staged@${LINT_STAGED_VERSION}`,
			],
			{ cwd: repo, stdio: "ignore" },
		);
		// lint-staged.config.js is an ES module: the .mjs name says so in this CommonJS package.
		cpSync(path.join(ROOT, "examples/ci/lint-staged.config.js"), path.join(repo, "lint-staged.config.mjs"));
		// What `npx husky init` sets up: git runs the hooks in .husky/.
		mkdirSync(path.join(repo, ".husky"));
		cpSync(path.join(ROOT, "examples/ci/.husky/pre-commit"), path.join(repo, ".husky/pre-commit"));
		execFileSync("chmod", ["+x", path.join(repo, ".husky/pre-commit")]);
		git(repo, "config", "core.hooksPath", ".husky");
		writeFileSync(path.join(repo, ".gitignore"), "node_modules/\n");
		git(repo, "add", "-A");
		expect(git(repo, "commit", "-q", "-m", "Start").status).toBe(0);

		const { blocked, passed } = commitBrokenThenFixed(repo);
		expect(blocked.status).not.toBe(0);
		expect(blocked.stdout + blocked.stderr).toContain("mailcomply/require-unsubscribe");
		expect(passed.status, passed.stdout + passed.stderr).toBe(0);
		expect(commitCount(repo)).toBe(2);

		// A web page matches the lint-staged glob but is skipped as a page, so the commit goes through.
		mkdirSync(path.join(repo, "site"), { recursive: true });
		writeFileSync(path.join(repo, "site/index.html"), WEB_PAGE);
		git(repo, "add", "site/index.html");
		const page = git(repo, "commit", "-m", "Web page");
		expect(page.status, page.stdout + page.stderr).toBe(0);
		expect(commitCount(repo)).toBe(3);

		// A staged sidecar re-lints its template: breaking the campaign through the sidecar alone is caught.
		writeFileSync(
			path.join(repo, "emails/newsletter.campaign.yaml"),
			FIXED_SIDECAR.replace(/^kind: .*$/mu, "kind: marketing\nespAppendsFooter: nope"),
		);
		git(repo, "add", "emails/newsletter.campaign.yaml");
		const sidecarOnly = git(repo, "commit", "-m", "Sidecar");
		expect(sidecarOnly.status).not.toBe(0);
		expect(sidecarOnly.stdout + sidecarOnly.stderr).toContain("mailcomply/valid-campaign");
		expect(existsSync(path.join(repo, "emails/newsletter.html"))).toBe(true);
	}, 600_000);
});
