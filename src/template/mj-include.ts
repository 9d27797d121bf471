import path from "node:path";
import type { ChildNode, ElementNode, Origin, Range, SourceLocation, TemplateProblem } from "../ast/types.js";
import { LineIndex } from "../ast/line-index.js";
import { parseMarkup } from "./parse-markup.js";
import { readRegularFile, realPathInside } from "../sandbox/guarded-read.js";

/**
 * Resolves `<mj-include path="…">` the way mjml does (relative to the
 * including file, `.mjml` added when the path has no extension), but reads
 * only regular files inside `root` (through src/sandbox/guarded-read.ts): a
 * template must never make the linter read `/etc/passwd`, follow a symlink
 * out of the project, block on a FIFO, or loop.
 */
export interface IncludeContext {
	/** Absolute, real path of the directory includes may not leave (src/sandbox/project-root.ts). */
	root: string;
	/** Real paths of the files currently being included, outermost first. */
	chain: string[];
	/** Where problems are collected; they are reported on the outermost `mj-include`. */
	problems: TemplateProblem[];
}

/** mjml itself refuses nothing; this bound only keeps a stray include of a huge file from stalling the run. */
const MAX_INCLUDE_BYTES = 5 * 1024 * 1024;

export function resolveIncludes(nodes: readonly ChildNode[], fromFile: string, context: IncludeContext, anchor?: ElementNode): void {
	for (const node of nodes) {
		if (node.type !== "Element") continue;
		if (node.name === "mj-include") {
			includeInto(node, fromFile, context, anchor ?? node);
		} else {
			resolveIncludes(node.children, fromFile, context, anchor);
		}
	}
}

function includeInto(element: ElementNode, fromFile: string, context: IncludeContext, anchor: ElementNode): void {
	const report = (message: string) =>
		context.problems.push({ kind: "include", message, ...anchor.startTag });
	const written = element.attributes.find(attribute => attribute.name === "path")?.value?.trim();
	const type = element.attributes.find(attribute => attribute.name === "type")?.value?.trim() ?? "mjml";
	if (!written) {
		report("mj-include has no path attribute.");
		return;
	}
	const resolved = resolveWithinRoot(written, type, fromFile, context.root);
	if ("error" in resolved) {
		report(`mj-include "${written}": ${resolved.error}`);
		return;
	}
	if (context.chain.includes(resolved.realPath)) {
		const cycle = [...context.chain.slice(context.chain.indexOf(resolved.realPath)), resolved.realPath]
			.map(file => path.relative(context.root, file))
			.join(" → ");
		report(`mj-include "${written}" creates an include cycle: ${cycle}.`);
		return;
	}
	const read = readRegularFile(resolved.realPath, MAX_INCLUDE_BYTES);
	if (!read.ok) {
		report(`mj-include "${written}": ${read.reason}`);
		return;
	}
	const text = read.text;
	const lines = new LineIndex(text);
	const origin = (range: Range): Origin => ({ file: resolved.realPath, range });
	let children: ChildNode[];
	if (type === "css") {
		children = [{ type: "Text", value: text, clients: "all", range: [0, text.length], loc: lines.loc([0, text.length]) }];
	} else {
		const parsed = parseMarkup(text, type === "html" ? "html" : "mjml", lines);
		for (const problem of parsed.problems) {
			report(`in ${path.relative(context.root, resolved.realPath)} line ${problem.loc.start.line}: ${problem.message}`);
		}
		children = type === "html" ? parsed.children : unwrapMjmlRoot(parsed.children);
		context.chain.push(resolved.realPath);
		resolveIncludes(children, resolved.realPath, context, anchor);
		context.chain.pop();
	}
	for (const child of children) relocate(child, anchor.range, anchor.loc, origin);
	for (const child of children) element.children.push(child);
}

type Resolution = { realPath: string } | { error: string };

function resolveWithinRoot(written: string, type: string, fromFile: string, root: string): Resolution {
	if (/^[a-z][a-z0-9+.-]*:/iu.test(written) && !/^[a-z]:[\\/]/iu.test(written)) {
		return { error: "URLs are not read; use a path relative to this file." };
	}
	if (path.isAbsolute(written) || /^[a-z]:[\\/]/iu.test(written)) {
		return { error: "absolute paths are not read; use a path relative to this file." };
	}
	let target = path.resolve(path.dirname(fromFile), written);
	if (type === "mjml" && path.extname(target) === "") target += ".mjml";
	const located = realPathInside(target, root);
	return located.ok ? { realPath: located.realPath } : { error: located.reason };
}

/** An included file may be a whole `<mjml>` document; mjml then includes what its head and body hold. */
function unwrapMjmlRoot(children: ChildNode[]): ChildNode[] {
	const mjml = children.find((child): child is ElementNode => child.type === "Element" && child.name === "mjml");
	if (!mjml) return children;
	return mjml.children.flatMap(child =>
		child.type === "Element" && (child.name === "mj-body" || child.name === "mj-head") ? child.children : [],
	);
}

/** Gives included nodes the include element's position, keeping their own in `origin`. */
function relocate(node: ChildNode | ElementNode["attributes"][number], range: Range, loc: SourceLocation, origin: (range: Range) => Origin): void {
	node.origin ??= origin(node.range);
	node.range = range;
	node.loc = loc;
	if (node.type === "Element") {
		node.startTag = { range, loc };
		for (const attribute of node.attributes) relocate(attribute, range, loc, origin);
		for (const tag of node.tagMergeTags) relocate(tag, range, loc, origin);
		for (const child of node.children) relocate(child, range, loc, origin);
	} else if (node.type === "Attribute") {
		for (const part of node.parts) relocate(part, range, loc, origin);
	}
}
