import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { includeRootOf, includeRootsFor } from "../../src/cli/include-roots.js";

const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), "mailcomply-roots-")));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
for (const folder of ["work/emails", "shared/brand/emails", "other"])
	mkdirSync(path.join(dir, folder), { recursive: true });
writeFileSync(path.join(dir, "other/one.mjml"), "");
const at = (...parts: string[]) => path.join(dir, ...parts);

describe("the CLI's include roots", () => {
	test("are each named folder outside the CLI's folder (the outermost of nested ones), then the CLI's folder", () => {
		const roots = includeRootsFor(at("work"), [
			at("work/emails"),
			at("shared/brand/emails"),
			at("shared/brand"),
			at("other/one.mjml"),
			path.parse(dir).root,
			os.homedir(),
		]);
		expect(roots).toEqual([at("shared/brand"), at("work")]);
	});

	test("a file takes the root that holds it; the CLI's folder wins for its own files under a named folder above it", () => {
		const roots = includeRootsFor(at("work"), [dir]);
		expect(roots).toEqual([dir, at("work")]);
		expect(includeRootOf(at("work/emails/a.mjml"), roots)).toBe(at("work"));
		expect(includeRootOf(at("shared/brand/emails/a.mjml"), roots)).toBe(dir);
		expect(includeRootOf(at("other/one.mjml"), [at("work")])).toBeUndefined();
	});
});
