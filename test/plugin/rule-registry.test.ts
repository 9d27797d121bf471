import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { rules } from "../../rules/index.js";
import { ruleDocsUrl } from "../../src/rule-docs.js";

/**
 * rules/index.ts is kept by hand; this keeps it complete: a rule written in
 * rules/ but not registered would never run and no other test would notice.
 */
const rulesDir = path.resolve(import.meta.dirname, "../../rules");
const ruleFiles = fs
	.readdirSync(rulesDir)
	.filter((name) => name.endsWith(".ts") && name !== "index.ts")
	.map((name) => name.slice(0, -".ts".length))
	.sort();

describe("rules/index.ts", () => {
	it("registers every rules/*.ts under its file name, and nothing else", () => {
		expect(Object.keys(rules).sort()).toEqual(ruleFiles);
	});

	it.each(ruleFiles)("registers %s as that file's default export, with its own doc page", async (id) => {
		const module = (await import(path.join(rulesDir, `${id}.js`))) as { default: unknown };
		expect(rules[id]).toBe(module.default);
		expect(rules[id]?.meta?.docs?.url).toBe(ruleDocsUrl(id));
		expect(fs.existsSync(path.join(rulesDir, `${id}.md`)), `rules/${id}.md is missing`).toBe(true);
	});
});
