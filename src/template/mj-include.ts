import path from "node:path";
import type {
	AttributeNode,
	ChildNode,
	ElementNode,
	MergeTagNode,
	Origin,
	Range,
	SourceLocation,
	TemplateProblem,
	TextNode,
} from "../ast/types.js";
import { LineIndex } from "../ast/line-index.js";
import { parseMarkup } from "./parse-markup.js";
import { MAX_NESTING_DEPTH, MAX_TEMPLATE_BYTES, MAX_TEMPLATE_NODES, NodeLimitExceeded } from "./limits.js";
import { readRegularFile, realPathInside } from "../sandbox/guarded-read.js";
import { getAttribute } from "../ast/attributes.js";
import { FileCache } from "./file-cache.js";

/**
 * Resolves `<mj-include path="…">` the way mjml does (relative to the
 * including file, `.mjml` added when the path has no extension), but reads
 * only regular files inside `root`: a template must never make the linter
 * read `/etc/passwd`, follow a symlink out of the project, block on a FIFO,
 * or loop (reads go through src/sandbox/guarded-read.ts).
 *
 * The work is bounded by the mail as composed, not by its files: each file
 * is parsed once (and kept while it is unchanged), each inclusion places a
 * copy of that parse, and the composed mail stays within the template
 * limits (characters, nodes, nesting depth) however often a partial is
 * included.
 */
export interface IncludeContext {
	/** Absolute, real path of the directory includes may not leave (src/sandbox/project-root.ts). */
	root: string;
	/** Real paths of the files currently being included, outermost first. */
	chain: string[];
	/** Where problems are collected; they are reported on the outermost `mj-include`. */
	problems: TemplateProblem[];
	/** The size of the including file itself, which the composed mail starts from. */
	own: { bytes: number; nodes: number };
}

/** mjml itself refuses nothing; this bound only keeps a stray include of a huge file from stalling the run. */
const MAX_INCLUDE_BYTES = 5 * 1024 * 1024;

export function resolveIncludes(nodes: ChildNode[], fromFile: string, context: IncludeContext): void {
	new Composer(context).resolveOwn(nodes, 1, fromFile);
}

/** A parsed include, shared by every place it is included: it is copied, never changed. */
interface ParsedInclude {
	children: readonly ChildNode[];
	problems: readonly TemplateProblem[];
	bytes: number;
	nodes: number;
}

/** What one step of composing still has to do; a stack of these replaces recursion, which an include chain could take past the call stack. */
type Task =
	| { kind: "nodes"; nodes: readonly ChildNode[]; next: number; into: ChildNode[]; depth: number; file: string }
	| { kind: "include"; element: ElementNode; into: ChildNode[]; depth: number; file: string }
	| { kind: "leave" };

/** Where included nodes are placed: at the outermost `mj-include`, the line the user can change. */
interface Anchor {
	element: ElementNode;
	startTag: ElementNode["startTag"];
}

class Composer {
	readonly #context: IncludeContext;
	/** What the composed mail may still grow by. */
	readonly #budget: { bytes: number; nodes: number };
	/** Problems already reported, per anchor: a partial included ten thousand times is one problem. */
	readonly #reported = new Set<string>();
	#tooDeep = false;
	/** Set once the composed mail is full: names the limit that was reached. */
	#full: string | undefined;
	/** Resolved include paths, by including file, type and path as written: a partial included a thousand times is looked up once. */
	readonly #resolved = new Map<string, Resolution>();

	constructor(context: IncludeContext) {
		this.#context = context;
		this.#budget = { bytes: MAX_TEMPLATE_BYTES - context.own.bytes, nodes: MAX_TEMPLATE_NODES - context.own.nodes };
	}

	/**
	 * Walks the including file's own tree, which the parser kept within the
	 * nesting bound: an element at depth MAX_NESTING_DEPTH + 1 has no
	 * children, so an include there places its content beside itself.
	 */
	resolveOwn(list: ChildNode[], depth: number, file: string): void {
		let rebuilt: ChildNode[] | undefined;
		for (let index = 0; index < list.length; index++) {
			const node = list[index]!;
			rebuilt?.push(node);
			if (node.type !== "Element") continue;
			if (node.name === "mj-include") {
				const anchor: Anchor = { element: node, startTag: node.startTag };
				if (depth <= MAX_NESTING_DEPTH) {
					this.#compose({ kind: "include", element: node, into: node.children, depth: depth + 1, file }, anchor);
				} else {
					rebuilt ??= list.slice(0, index + 1);
					this.#compose({ kind: "include", element: node, into: rebuilt, depth, file }, anchor);
				}
			} else if (depth <= MAX_NESTING_DEPTH) {
				this.resolveOwn(node.children, depth + 1, file);
			}
		}
		if (rebuilt) {
			// Not splice(…rebuilt): an include may add more nodes than a call takes arguments.
			list.length = 0;
			for (const node of rebuilt) list.push(node);
		}
	}

	#compose(first: Task, anchor: Anchor): void {
		const tasks: Task[] = [first];
		while (tasks.length > 0) {
			const task = tasks[tasks.length - 1]!;
			if (task.kind === "leave") {
				tasks.pop();
				this.#context.chain.pop();
			} else if (task.kind === "include") {
				tasks.pop();
				const parsed = this.#open(task.element, task.file, anchor);
				if (!parsed) continue;
				tasks.push(
					{ kind: "leave" },
					{
						kind: "nodes",
						nodes: parsed.children,
						next: 0,
						into: task.into,
						depth: task.depth,
						file: this.#context.chain.at(-1)!,
					},
				);
			} else if (task.next >= task.nodes.length) {
				tasks.pop();
			} else {
				const source = task.nodes[task.next++]!;
				const copy = copyNode(source, anchor, task.file);
				task.into.push(copy);
				if (copy.type !== "Element" || source.type !== "Element") continue;
				// Deeper than the bound, an element holds nothing: what it contains goes beside it, as the parser does.
				const holds = task.depth <= MAX_NESTING_DEPTH;
				if (!holds && (source.children.length > 0 || copy.name === "mj-include")) this.#reportTooDeep(anchor);
				const into = holds ? copy.children : task.into;
				const depth = holds ? task.depth + 1 : task.depth;
				// Written children first, then what the include adds: the stack runs the last pushed first.
				if (copy.name === "mj-include") tasks.push({ kind: "include", element: copy, into, depth, file: task.file });
				if (source.children.length > 0)
					tasks.push({ kind: "nodes", nodes: source.children, next: 0, into, depth, file: task.file });
			}
		}
	}

	/** Resolves, reads and parses one include within the budget; pushes its real path on the chain when it is to be placed. */
	#open(element: ElementNode, fromFile: string, anchor: Anchor): ParsedInclude | undefined {
		const context = this.#context;
		const report = (message: string) => this.#report(anchor, "include", message);
		const written = getAttribute(element, "path")?.value?.trim();
		const type = getAttribute(element, "type")?.value?.trim() ?? "mjml";
		if (!written) {
			report("mj-include has no path attribute.");
			return undefined;
		}
		const resolutionKey = `${fromFile}\0${type}\0${written}`;
		let resolved = this.#resolved.get(resolutionKey);
		if (!resolved) {
			resolved = resolveWithinRoot(written, type, fromFile, context.root);
			this.#resolved.set(resolutionKey, resolved);
		}
		if ("error" in resolved) {
			report(`mj-include "${written}": ${resolved.error}`);
			return undefined;
		}
		if (context.chain.includes(resolved.realPath)) {
			const cycle = [...context.chain.slice(context.chain.indexOf(resolved.realPath)), resolved.realPath]
				.map((file) => path.relative(context.root, file))
				.join(" → ");
			report(`mj-include "${written}" creates an include cycle: ${cycle}.`);
			return undefined;
		}
		const parsed = parseOnce(resolved.realPath, type);
		if ("error" in parsed) {
			report(`mj-include "${written}": ${parsed.error}`);
			return undefined;
		}
		// Once one include does not fit, none after it is read (and only the first says so): the mail is linted as far as it fits.
		if (this.#full) return undefined;
		if (parsed.bytes > this.#budget.bytes) this.#full = `be larger than ${MAX_TEMPLATE_BYTES / 1024 / 1024} MB`;
		else if (parsed.nodes > this.#budget.nodes)
			this.#full = `have more than ${MAX_TEMPLATE_NODES.toLocaleString("en")} elements, attributes and texts`;
		if (this.#full) {
			report(
				`mj-include "${written}": with it, this mail would ${this.#full} once its includes are in place, more than mailcomply lints, so it and every include after it were not read. A partial included over and over makes a mail this large.`,
			);
			return undefined;
		}
		this.#budget.bytes -= parsed.bytes;
		this.#budget.nodes -= parsed.nodes;
		for (const problem of parsed.problems) {
			report(`in ${path.relative(context.root, resolved.realPath)} line ${problem.loc.start.line}: ${problem.message}`);
		}
		context.chain.push(resolved.realPath);
		return parsed;
	}

	#reportTooDeep(anchor: Anchor): void {
		if (this.#tooDeep) return;
		this.#tooDeep = true;
		this.#report(
			anchor,
			"nesting",
			`With its includes in place, elements nest more than ${MAX_NESTING_DEPTH} levels deep here; like Chromium, mailcomply places deeper elements beside each other, so checks of what they contain may be incomplete.`,
		);
	}

	#report(anchor: Anchor, kind: TemplateProblem["kind"], message: string): void {
		const key = `${anchor.startTag.range[0]}\0${message}`;
		if (this.#reported.has(key)) return;
		this.#reported.add(key);
		this.#context.problems.push({ kind, message, ...anchor.startTag });
	}
}

/**
 * Parses of included files, by type and real path, kept while the file is
 * unchanged (same size, times and inode): a run that includes one footer in
 * every mail reads it once. Bounded by the bytes it holds, dropping the
 * least recently used.
 */
const parses = new FileCache<ParsedInclude>(32 * 1024 * 1024, (parsed) => parsed.bytes);

function parseOnce(realPath: string, type: string): ParsedInclude | { error: string } {
	const key = `${type}\0${realPath}`;
	const cached = parses.lookup(key, realPath);
	if ("value" in cached) return cached.value;
	const read = readRegularFile(realPath, MAX_INCLUDE_BYTES);
	if (!read.ok) return { error: read.reason };
	let parsed: ParsedInclude;
	try {
		parsed = parseInclude(read.text, type);
	} catch (error) {
		if (error instanceof NodeLimitExceeded) {
			return {
				error: `it has more than ${MAX_TEMPLATE_NODES.toLocaleString("en")} elements, attributes and texts, more than mailcomply lints in a mail; it was not read.`,
			};
		}
		throw error;
	}
	parses.keep(key, cached.stamp, parsed);
	return parsed;
}

function parseInclude(text: string, type: string): ParsedInclude {
	const lines = new LineIndex(text);
	const bytes = Buffer.byteLength(text, "utf8");
	if (type === "css") {
		const range: Range = [0, text.length];
		return {
			children: [{ type: "Text", value: text, clients: "all", range, loc: lines.loc(range) }],
			problems: [],
			bytes,
			nodes: 1,
		};
	}
	const parsed = parseMarkup(text, type === "html" ? "html" : "mjml", lines);
	return {
		children: type === "html" ? parsed.children : unwrapMjmlRoot(parsed.children),
		problems: parsed.problems,
		bytes,
		nodes: parsed.nodes,
	};
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
	return mjml.children.flatMap((child) =>
		child.type === "Element" && (child.name === "mj-body" || child.name === "mj-head") ? child.children : [],
	);
}

/**
 * A copy of an included node (without its children, which the composer
 * places) at the include element's position, its own kept in `origin`.
 * The cached parse stays as it was, ready for the next inclusion.
 */
function copyNode(node: ChildNode, anchor: Anchor, file: string): ChildNode {
	const { range, loc } = anchor.element;
	const origin: Origin = { file, range: node.range };
	switch (node.type) {
		case "Element":
			return {
				...node,
				attributes: node.attributes.map((attribute) => copyAttribute(attribute, range, loc, file)),
				tagMergeTags: node.tagMergeTags.map((tag) => copyLeaf(tag, range, loc, file)),
				children: [],
				startTag: { range, loc },
				range,
				loc,
				origin,
			};
		default:
			return { ...node, range, loc, origin };
	}
}

function copyAttribute(node: AttributeNode, range: Range, loc: SourceLocation, file: string): AttributeNode {
	return {
		...node,
		parts: node.parts.map((part) => copyLeaf(part, range, loc, file)),
		range,
		loc,
		origin: { file, range: node.range },
	};
}

function copyLeaf<T extends TextNode | MergeTagNode>(node: T, range: Range, loc: SourceLocation, file: string): T {
	return { ...node, range, loc, origin: { file, range: node.range } };
}
