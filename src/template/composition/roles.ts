/**
 * What an engine file is for, when it is not a mail of its own: a layout
 * (a page whose content its children fill: an empty `{% block %}`, a
 * `{{> @partial-block}}`, `{{ content_for_layout }}`) or a partial (a file
 * of definitions only, or one kept where the engines keep partials:
 * `partials/`, `includes/`, `snippets/`, a `_name` file). Either is judged
 * inside the mails that use it, so the mail-level rules skip it
 * (src/analyses/document.ts); its markup is still checked.
 */
import path from "node:path";
import type { TemplateRole } from "../../ast/types.js";
import { isBlank, type TemplateTree, type TreeNode } from "./template-tree.js";

const LAYOUT_FOLDERS = new Set(["layouts", "_layouts"]);
const PARTIAL_FOLDERS = new Set(["partials", "_partials", "includes", "_includes", "snippets"]);

export function templateRole(tree: TemplateTree, text: string, file: string): TemplateRole | undefined {
	if (!tree.extendsTag) {
		if (hasSlot(tree.children)) return "layout";
		if ([...tree.blocks.values()].some((nodes) => isBlank(nodes, text))) return "layout";
	}
	const output = tree.children.filter((node) => !(node.type === "group" && node.directive.kind === "define"));
	if (tree.defines.size > 0 && isBlank(output, text)) return "partial";
	const folders = path
		.dirname(file)
		.split(/[\\/]/u)
		.map((folder) => folder.toLowerCase());
	if (folders.some((folder) => LAYOUT_FOLDERS.has(folder))) return tree.extendsTag ? undefined : "layout";
	if (folders.some((folder) => PARTIAL_FOLDERS.has(folder)) || path.basename(file).startsWith("_")) return "partial";
	return undefined;
}

function hasSlot(nodes: readonly TreeNode[]): boolean {
	return nodes.some(
		(node) =>
			(node.type === "directive" && node.directive.kind === "slot") ||
			(node.type === "group" && hasSlot(node.children)),
	);
}
