import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, test } from "vitest";
import { clearProjectRootCache, projectRootOf, readRootFor } from "../../src/sandbox/project-root.js";

const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "mailcomply-root-")));
let counter = 0;

function project(files: Record<string, string>): string {
	const dir = path.join(base, `case-${++counter}`);
	for (const [name, text] of Object.entries(files)) {
		fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
		fs.writeFileSync(path.join(dir, name), text);
	}
	return dir;
}

beforeEach(() => clearProjectRootCache());
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

describe("projectRootOf", () => {
	test("the nearest folder with an ESLint config, whichever of its six names", () => {
		for (const name of [
			"eslint.config.js",
			"eslint.config.mjs",
			"eslint.config.cjs",
			"eslint.config.ts",
			"eslint.config.mts",
			"eslint.config.cts",
		]) {
			const dir = project({ [name]: "", "emails/2026/a.mjml": "" });
			expect(projectRootOf(path.join(dir, "emails/2026/a.mjml")), name).toBe(dir);
		}
	});

	test("in a monorepo, the ESLint config at the top wins over a package's package.json", () => {
		const dir = project({
			"eslint.config.js": "",
			"package.json": "{}",
			"packages/mail/package.json": "{}",
			"packages/mail/templates/a.mjml": "",
		});
		expect(projectRootOf(path.join(dir, "packages/mail/templates/a.mjml"))).toBe(dir);
	});

	test("without an ESLint config, the nearest package.json; without one, .git", () => {
		const withPackage = project({ ".git/HEAD": "", "site/package.json": "{}", "site/emails/a.mjml": "" });
		expect(projectRootOf(path.join(withPackage, "site/emails/a.mjml"))).toBe(path.join(withPackage, "site"));
		const withGit = project({ ".git/HEAD": "", "emails/a.mjml": "" });
		expect(projectRootOf(path.join(withGit, "emails/a.mjml"))).toBe(withGit);
	});

	test("without any marker, the file's own folder", () => {
		const dir = project({ "emails/a.mjml": "" });
		expect(projectRootOf(path.join(dir, "emails/a.mjml"))).toBe(path.join(dir, "emails"));
	});

	test("the home folder never counts as a project: a stray ~/package.json does not open the whole home", () => {
		const home = project({ "package.json": "{}", ".git/HEAD": "", "Downloads/agency/a.mjml": "" });
		const saved = process.env["HOME"];
		process.env["HOME"] = home;
		try {
			expect(os.homedir()).toBe(home);
			expect(projectRootOf(path.join(home, "Downloads/agency/a.mjml"))).toBe(path.join(home, "Downloads/agency"));
		} finally {
			process.env["HOME"] = saved;
		}
	});

	test("answers a real path: a project reached through a symbolic link", () => {
		const dir = project({ "package.json": "{}", "emails/a.mjml": "" });
		const link = path.join(base, `link-${counter}`);
		fs.symlinkSync(dir, link);
		expect(projectRootOf(path.join(link, "emails/a.mjml"))).toBe(dir);
	});
});

describe("readRootFor", () => {
	test("an absolute includeRoot is used as it is; a relative one is taken from the project root, not the process", () => {
		const dir = project({
			"eslint.config.js": "",
			"packages/mail/eslint.config.js": "",
			"packages/mail/a.mjml": "",
			"shared/x.mjml": "",
		});
		const file = path.join(dir, "packages/mail/a.mjml");
		expect(readRootFor(file, path.join(dir, "shared"))).toBe(path.join(dir, "shared"));
		expect(readRootFor(file, ".")).toBe(path.join(dir, "packages/mail"));
		expect(readRootFor(file, "../..")).toBe(dir);
		expect(readRootFor(file, undefined)).toBe(path.join(dir, "packages/mail"));
	});
});
