/**
 * One engine file read as the engine reads it: literal text and tags, with
 * the blocks, definitions and partial blocks that group them. Built from
 * the tag scan alone (src/template/engine-tags.ts), before any markup is
 * parsed, so that composition follows the engine's structure and the HTML
 * is parsed once, as the composed mail.
 */
import type { MergeTagMatch } from "../merge-tags.js";
import type { TemplateEngine } from "../engines.js";
import { scanEngineTags, type TemplateScan } from "../engine-tags.js";
import { directiveOf, type Directive } from "./directives.js";

export type TreeNode =
	| { type: "text"; start: number; end: number }
	/** A tag that stays in the mail as a merge tag. */
	| { type: "tag"; tag: MergeTagMatch }
	/** A tag that composes: include, extends, dynamic, slot, super. */
	| { type: "directive"; tag: MergeTagMatch; directive: Directive }
	/** A block, definition, partial block or control group, from its opening tag to its closing one. */
	| {
			type: "group";
			open: MergeTagMatch;
			close: MergeTagMatch | undefined;
			directive: Directive & { name: string };
			children: TreeNode[];
	  };

export interface TemplateTree {
	engine: TemplateEngine;
	/** The tags and comments the tree was built from, for parsing the file as it is. */
	scan: TemplateScan;
	children: TreeNode[];
	/** Named definitions anywhere in the file: Go `define`, Handlebars inline partials. */
	defines: Map<string, TreeNode[]>;
	/** Named blocks anywhere in the file (Jinja, Twig, Liquid, Go `block`): what a child overrides. */
	blocks: Map<string, TreeNode[]>;
	/** The file's layout (`{% extends %}`, `{% layout %}`), when it has one outside any group. */
	extendsTag?: MergeTagMatch & { name: string };
	/** Macro imports (`{% import "m.njk" as m %}`, `{% from "m.njk" import footer %}`), in file order. */
	imports: Array<Directive & { kind: "import" }>;
	/** Whether any tag composes the mail from other files or definitions. */
	composes: boolean;
}

/** Which closing directive ends a group opened by `directive`. */
function closes(
	group: Directive & { name: string },
	end: Directive & { kind: "end" },
	engine: TemplateEngine,
): boolean {
	if (engine === "go") return true;
	if (engine === "handlebars" || engine === "mustache") {
		if (group.kind === "define") return end.name === "inline";
		return end.name === group.name;
	}
	if (group.kind === "embed") return end.name === "embed";
	if (group.kind === "define") return end.name === "macro";
	return group.kind === "block" && end.name === "block";
}

export function buildTemplateTree(text: string, engine: TemplateEngine): TemplateTree {
	const scan = scanEngineTags(text, engine);
	const { tags, hidden } = scan;
	const tree: TemplateTree = {
		engine,
		scan,
		children: [],
		defines: new Map(),
		blocks: new Map(),
		imports: [],
		composes: false,
	};
	const stack: Array<TreeNode & { type: "group" }> = [];
	const into = () => (stack.length > 0 ? stack[stack.length - 1]!.children : tree.children);
	// Tags and comments in file order; text is what lies between them.
	const marks = [
		...tags.map((tag) => ({ start: tag.start, end: tag.end, tag })),
		...hidden.map((span) => ({ start: span.start, end: span.end, tag: undefined })),
	].sort((a, b) => a.start - b.start);
	let position = 0;
	for (const mark of marks) {
		if (mark.start > position) into().push({ type: "text", start: position, end: mark.start });
		position = mark.end;
		const tag = mark.tag;
		if (!tag) continue;
		const directive = directiveOf(tag, engine);
		if (!directive) {
			into().push({ type: "tag", tag });
			continue;
		}
		switch (directive.kind) {
			case "block":
			case "define":
			case "partial-block":
			case "embed":
			case "group": {
				const group: TreeNode & { type: "group" } = {
					type: "group",
					open: tag,
					close: undefined,
					directive,
					children: [],
				};
				// A block inside an embed overrides the embedded file's block, not one of this file's layout.
				const inEmbed = stack.some((open) => open.directive.kind === "embed");
				into().push(group);
				stack.push(group);
				if (directive.kind === "block" && !inEmbed) tree.blocks.set(directive.name, group.children);
				// A definition is output only where it is called: the file must be composed to leave it out.
				if (directive.kind === "define") tree.defines.set(directive.name, group.children);
				if (directive.kind === "partial-block" || directive.kind === "define" || directive.kind === "embed")
					tree.composes = true;
				break;
			}
			case "end": {
				let index = stack.length - 1;
				while (index >= 0 && !closes(stack[index]!.directive, directive, engine)) index--;
				if (index < 0) {
					into().push({ type: "tag", tag });
					break;
				}
				stack[index]!.close = tag;
				stack.length = index;
				break;
			}
			case "extends":
				if (stack.length === 0 && !tree.extendsTag) tree.extendsTag = { ...tag, name: directive.name };
				tree.composes = true;
				into().push({ type: "directive", tag, directive });
				break;
			default:
				if (directive.kind === "import") tree.imports.push(directive);
				if (directive.kind === "include" || directive.kind === "dynamic" || directive.kind === "import")
					tree.composes = true;
				into().push({ type: "directive", tag, directive });
		}
	}
	if (position < text.length) into().push({ type: "text", start: position, end: text.length });
	return tree;
}

/** Whether nodes output nothing but white space (an empty block, the space between definitions). */
export function isBlank(nodes: readonly TreeNode[], text: string): boolean {
	return nodes.every((node) => node.type === "text" && text.slice(node.start, node.end).trim() === "");
}
