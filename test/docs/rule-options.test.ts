import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { RootContent } from "mdast";
import { describe, expect, it } from "vitest";
import plugin from "../../plugin/index.js";
import { OPTIONS_BEGIN, OPTIONS_END } from "../../scripts/docs/generated-docs.js";
import { headingNode, markerNode, parseMarkdown, textOf } from "../../scripts/docs/markdown.js";

/**
 * Each rule doc has one Options section: the list `npm run docs` generates
 * from the rule's schema and defaults. A second, hand-written list or a
 * block of defaults beside it drifts (require-lawful-basis once said "no
 * default" in one and "default none, meaning NL" in the other); usage
 * examples (```js) and prose may follow the list.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The blocks of the Options section after the generated list (up to the next `##` heading). */
function afterGeneratedOptions(id: string): RootContent[] {
	const tree = parseMarkdown(readFileSync(path.join(ROOT, "rules", `${id}.md`), "utf8"));
	const heading = headingNode(tree, 2, "Options");
	const begin = markerNode(tree, OPTIONS_BEGIN);
	const end = markerNode(tree, OPTIONS_END);
	expect(heading, `${id}.md has no "## Options"`).toBeDefined();
	expect(begin, `${id}.md has no generated options list`).toBeDefined();
	const children = tree.children;
	// The generated list comes first in the section.
	expect(children.indexOf(begin!)).toBe(children.indexOf(heading!) + 1);
	const after = children.slice(children.indexOf(end!) + 1);
	const next = after.findIndex((node) => node.type === "heading" && node.depth <= 2);
	return next === -1 ? after : after.slice(0, next);
}

describe("rule docs: one Options section", () => {
	it.each(Object.keys(plugin.rules))("%s lists its options once, generated", (id) => {
		for (const node of afterGeneratedOptions(id)) {
			// A hand-written options list: items that start with an option name in code.
			if (node.type === "list")
				expect(
					node.children.some(
						(item) =>
							textOf(item).length > 0 &&
							item.children[0]?.type === "paragraph" &&
							item.children[0].children[0]?.type === "inlineCode",
					),
				).toBe(false);
			// A block of defaults.
			if (node.type === "code") expect(node.lang === "json" && node.value.startsWith("{")).toBe(false);
			expect(textOf(node)).not.toMatch(/has no options/u);
		}
	});
});
