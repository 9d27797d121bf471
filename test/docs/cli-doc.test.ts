import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { updateCliDoc } from "../../scripts/docs/generated-docs.js";
import { HELP_TEXT } from "../../src/cli/options.js";

/** docs/cli.md shows `mailcomply --help` as it is: the options are written once, in src/cli/options.ts (npm run docs copies them). */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

describe("docs/cli.md", () => {
	const doc = readFileSync(path.join(ROOT, "docs/cli.md"), "utf8");

	it("has the current --help text, every option in it", () => {
		expect(updateCliDoc(doc)).toBe(doc);
		for (const [option] of HELP_TEXT.matchAll(/--[a-z][a-z-]+/gu)) expect(doc).toContain(option);
		expect(doc).toContain("-o, --output-file <file>");
	});
});
