import type { ChildNode, DocumentNode, ElementNode, TemplateFormat, TemplateNode } from "../../src/ast/types.js";
import { TemplateLanguage } from "../../src/languages/template-language.js";
import type { TemplateSourceCode } from "../../src/languages/template-source-code.js";

/** Parses a template the way ESLint would, failing the test on a fatal parse error. */
export function parseTemplate(
	text: string,
	format: TemplateFormat = "html",
	options: { path?: string; includeRoot?: string } = {},
): DocumentNode {
	const language = new TemplateLanguage({ format });
	const path = options.path ?? `/virtual/template.${format}`;
	const result = language.parse(
		{ path, physicalPath: path, bom: false, body: text },
		{ languageOptions: options.includeRoot ? { includeRoot: options.includeRoot } : {} },
	);
	if (!result.ok) throw new Error(`parse failed: ${JSON.stringify(result.errors)}`);
	return result.ast;
}

/** The source code ESLint would hand a rule for this template: for analyses that take it (`sourceCode.memo`). */
export function templateSource(
	text: string,
	format: TemplateFormat = "html",
	options: { path?: string } = {},
): TemplateSourceCode {
	const language = new TemplateLanguage({ format });
	const path = options.path ?? `/virtual/template.${format}`;
	const file = { path, physicalPath: path, bom: false, body: text };
	const context = { languageOptions: {} };
	const result = language.parse(file, context);
	if (!result.ok) throw new Error(`parse failed: ${JSON.stringify(result.errors)}`);
	return language.createSourceCode(file, result, context);
}

export function* walk(node: TemplateNode): Generator<TemplateNode> {
	yield node;
	if (node.type === "Document" || node.type === "Element") for (const child of node.children) yield* walk(child);
	if (node.type === "Element") {
		for (const attribute of node.attributes) yield* walk(attribute);
		for (const tag of node.tagMergeTags) yield* walk(tag);
	}
	if (node.type === "Attribute") for (const part of node.parts) yield* walk(part);
}

export function elements(root: TemplateNode, name: string): ElementNode[] {
	return [...walk(root)].filter((node): node is ElementNode => node.type === "Element" && node.name === name);
}

export function firstOf<T extends ChildNode["type"]>(root: TemplateNode, type: T): Extract<TemplateNode, { type: T }> {
	const found = [...walk(root)].find((node) => node.type === type);
	if (!found) throw new Error(`no ${type} node`);
	return found as Extract<TemplateNode, { type: T }>;
}

/** The source text a node's range covers. */
export function slice(text: string, node: { range: [number, number] }): string {
	return text.slice(node.range[0], node.range[1]);
}
