import { describe, expect, it } from "vitest";
import type { TemplateNode } from "../../src/ast/types.js";
import { templateSource } from "../helpers/template.js";

const HTML = `<!DOCTYPE html>
<html><body>
<!-- eslint-disable mailcomply/require-ad-label -->
<p class="intro">Hallo {{ first_name }},</p>
<a href="https://example.nl/u/{{ id }}" {{#if x}}data-x{{/if}}>Afmelden</a>
<!--[if mso]><table><tr><td>Outlook</td></tr></table><![endif]-->
</body></html>`;

describe("TemplateSourceCode", () => {
	it("lists the elements and merge tags in the order the traversal enters them", () => {
		const code = templateSource(HTML);
		const entered = code
			.traverse()
			.filter((step) => step.phase === 1)
			.map((step) => step.target as TemplateNode);
		expect(code.getElements()).toEqual(entered.filter((node) => node.type === "Element"));
		expect(code.getMergeTags()).toEqual(entered.filter((node) => node.type === "MergeTag"));
		expect(code.getMergeTags().map((tag) => tag.raw)).toEqual(["{{ first_name }}", "{{ id }}", "{{#if x}}", "{{/if}}"]);
		expect(code.getInlineConfigNodes().map((comment) => comment.value)).toEqual([
			"eslint-disable mailcomply/require-ad-label",
		]);
	});

	it("gives every node the parent the traversal passes with it: elements, tags, texts, attributes and their parts", () => {
		const code = templateSource(HTML);
		const types = new Set<string>();
		for (const step of code.traverse()) {
			const [node, parent] = step.args as [TemplateNode, TemplateNode | undefined];
			types.add(node.type);
			expect(code.getParent(node)).toBe(parent);
		}
		expect([...types].sort()).toEqual([
			"Attribute",
			"Comment",
			"Conditional",
			"Doctype",
			"Document",
			"Element",
			"MergeTag",
			"Text",
		]);
	});
});
