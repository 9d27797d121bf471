import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import plugin from "../../plugin/index.js";
import { OPTIONS_BEGIN, OPTIONS_END } from "../../src/cli/generated-docs.js";

/**
 * Each rule doc has one Options section: the list `npm run docs` generates
 * from the rule's schema and defaults. A second, hand-written list or a
 * block of defaults beside it drifts (require-lawful-basis once said "no
 * default" in one and "default none, meaning NL" in the other); usage
 * examples (```js) and prose may follow the list.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function optionsSection(id: string): { generated: string; rest: string } {
	const doc = readFileSync(path.join(ROOT, "rules", `${id}.md`), "utf8");
	const start = doc.indexOf(OPTIONS_BEGIN);
	const end = doc.indexOf(OPTIONS_END, start);
	const after = doc.slice(end + OPTIONS_END.length);
	const next = after.search(/^## /mu);
	return { generated: doc.slice(start, end), rest: next === -1 ? after : after.slice(0, next) };
}

describe("rule docs: one Options section", () => {
	it.each(Object.keys(plugin.rules))("%s lists its options once, generated", (id) => {
		const { generated, rest } = optionsSection(id);
		expect(generated).not.toBe("");
		expect(rest).not.toMatch(/^- `[A-Za-z]+`/mu);
		expect(rest).not.toMatch(/^```json\n\{/mu);
		expect(rest).not.toMatch(/has no options/u);
	});
});
