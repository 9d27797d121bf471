import fs from "node:fs";
import path from "node:path";
import type { ChildNode, ElementNode, Origin, Range, SourceLocation, TemplateProblem } from "../ast/types.js";
import { LineIndex } from "../ast/line-index.js";
import { parseMarkup } from "./parse-markup.js";

/**
 * Resolves `<mj-include path="…">` the way mjml does (relative to the
 * including file, `.mjml` added when the path has no extension), but reads
 * only regular files inside `root`: a template must never make the linter
 * read `/etc/passwd`, follow a symlink out of the project, or loop.
 */
export interface IncludeContext {
	/** Absolute, real path of the directory includes may not leave. */
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
	let text: string;
	try {
		text = fs.readFileSync(resolved.realPath, "utf8");
	} catch (error) {
		report(`mj-include "${written}" cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
		return;
	}
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
	if (!isInside(target, root)) {
		return { error: `the path leaves the lint root ${root}; only files inside it are read.` };
	}
	let realPath: string;
	try {
		// One system call for the whole path; fs.realpathSync would lstat each of its components.
		realPath = fs.realpathSync.native(target);
	} catch {
		return { error: "file not found." };
	}
	if (!isInside(realPath, root)) {
		return { error: `the path leads (through a symbolic link) outside the lint root ${root}; it was not read.` };
	}
	const stat = fs.statSync(realPath);
	if (!stat.isFile()) return { error: "not a regular file." };
	if (stat.size > MAX_INCLUDE_BYTES) return { error: `the file is larger than ${MAX_INCLUDE_BYTES / 1024 / 1024} MB; it was not read.` };
	return { realPath };
}

function isInside(file: string, root: string): boolean {
	const relative = path.relative(root, file);
	return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
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
