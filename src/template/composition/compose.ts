/**
 * Composes an engine template into the mail its engine would send, without
 * executing anything: a child is placed in its layout (`{% extends %}`,
 * `{% layout %}`), its blocks in the layout's blocks (`{{ super() }}` keeps
 * the layout's own), included partials and called definitions in place
 * (`{% include %}`, `{% render %}`, `{{> footer}}`, `{{#> layout}}…{{/layout}}`,
 * `{{ template "footer" . }}`). Data tags stay in the mail as merge tags.
 *
 * The result is text made of pieces of files, each remembered with the file
 * and offset it came from, so the composed mail is parsed as HTML once and
 * every node can be placed back (src/template/composition/placement.ts).
 * Pieces from other files are placed at the tag in the linted file that
 * brought them in, the line the user can change, as for `mj-include`.
 *
 * Work is bounded as for `mj-include`: every file is read through the
 * sandbox, cycles are cut and reported, nesting is limited, and the mail
 * stops growing at the template size limit.
 */
import path from "node:path";
import type { Range } from "../../ast/types.js";
import type { MergeTagMatch } from "../merge-tags.js";
import type { TemplateEngine } from "../engines.js";
import { MAX_TEMPLATE_BYTES } from "../limits.js";
import { goDefinitionFile, loadTemplate, locateTemplate, type LoadedTemplate } from "./loader.js";
import type { TreeNode } from "./template-tree.js";

/** A stretch of the composed text: `length` characters from `file` at `fileStart`, placed at `at`. */
export interface Piece {
	at: number;
	length: number;
	file: LoadedTemplate;
	fileStart: number;
	/** For a piece of another file: the tag in the linted file through which it came. */
	anchor?: Range;
}

/** Part of the mail mailcomply could not see, and where the linted file brings it in. */
export interface UnseenPart {
	range: Range;
	/** What is missing, for messages: `{% include "footer.html" %}: not found (…)`. */
	message: string;
	/** The tag as written in the linted file, shortened: `{% include "footer.html" %}`. */
	tag: string;
	/** Why it is out of sight, briefly: "it could not be read", "it is an include named by a variable". */
	why: string;
	/** Whether it is a broken template (valid-template reports it) or only chosen at send time. */
	broken: boolean;
	/** Whether the part is the file's layout: the page itself, so the file is a mail although no `<body>` of it is in sight. */
	layout: boolean;
}

export interface Composition {
	text: string;
	pieces: Piece[];
	tags: MergeTagMatch[];
	unseen: UnseenPart[];
}

/** How deep includes and layouts may nest; real templates use two or three levels. */
const MAX_DEPTH = 64;

interface Region {
	nodes: readonly TreeNode[];
	file: LoadedTemplate;
}

interface Scope {
	file: LoadedTemplate;
	/** The tag in the linted file that brought this content in; undefined while the linted file's own text is written. */
	anchor: Range | undefined;
	/** Block overrides, nearest child first (Jinja, Twig, Liquid `{% block %}`). */
	blocks: ReadonlyMap<string, readonly Region[]>;
	/** What `{{ super() }}` writes inside the block being written. */
	parents: readonly Region[];
	/** What a layout's slot writes: the child's content (`{{> @partial-block}}`, `{{ content_for_layout }}`). */
	slot: { region: Region; scope: Scope; skipBlocks: boolean } | undefined;
	/** Handlebars inline partials and Go definitions in reach. */
	definitions: ReadonlyMap<string, Region>;
	/** Real paths (and definition names) being written, outermost first: a repeat is a cycle. */
	chain: readonly string[];
}

export function composeTemplate(own: LoadedTemplate, engine: TemplateEngine, root: string): Composition {
	return new Composer(own, engine, root).compose();
}

class Composer {
	readonly #own: LoadedTemplate;
	readonly #engine: TemplateEngine;
	readonly #root: string;
	readonly #parts: string[] = [];
	readonly #pieces: Piece[] = [];
	readonly #tags: MergeTagMatch[] = [];
	readonly #unseen: UnseenPart[] = [];
	readonly #reported = new Set<string>();
	#length = 0;
	#full = false;
	/** Offsets of the linted file's tags that bring in its page: without what they name, the file is still a mail (see {@link layoutTags}). */
	readonly #layoutTags: ReadonlySet<number>;

	constructor(own: LoadedTemplate, engine: TemplateEngine, root: string) {
		this.#own = own;
		this.#engine = engine;
		this.#root = root;
		this.#layoutTags = layoutTags(own);
	}

	compose(): Composition {
		const scope: Scope = {
			file: this.#own,
			anchor: undefined,
			blocks: new Map(),
			parents: [],
			slot: undefined,
			definitions: definitionsOf(this.#own),
			chain: [this.#own.realPath],
		};
		this.#writeFile(this.#own, scope);
		return { text: this.#parts.join(""), pieces: this.#pieces, tags: this.#tags, unseen: this.#unseen };
	}

	/** A whole file as its engine renders it: through its layout when it has one. */
	#writeFile(file: LoadedTemplate, scope: Scope): void {
		const tree = file.tree;
		if (!tree.extendsTag) {
			this.#write(tree.children, scope);
			return;
		}
		const tag = tree.extendsTag;
		// A child writes nothing outside its blocks, but what it imports there (macros) is used in them: out of sight all the same.
		for (const node of tree.children)
			if (node.type === "directive" && (node.directive.kind === "dynamic" || node.directive.kind === "import"))
				this.#writeDirective(node, scope);
		const layout = this.#open(tag.name, tag, scope, "layout");
		if (!layout) {
			// Without its layout the child is linted as written, blocks in place: its own content still counts.
			this.#write(tree.children, scope);
			return;
		}
		const blocks = new Map<string, Region[]>();
		for (const [name, regions] of scope.blocks) blocks.set(name, [...regions]);
		for (const [name, nodes] of tree.blocks) blocks.set(name, [...(blocks.get(name) ?? []), { nodes, file }]);
		const inner = this.#enterRegion({ nodes: layout.tree.children, file: layout }, tag, scope);
		if (!inner) {
			this.#write(tree.children, scope);
			return;
		}
		const slotRegion: Region = { nodes: tree.children, file };
		this.#writeFile(layout, {
			...inner,
			blocks,
			slot: { region: slotRegion, scope: { ...scope, blocks }, skipBlocks: true },
			definitions: new Map([...scope.definitions, ...definitionsOf(layout)]),
		});
	}

	#write(nodes: readonly TreeNode[], scope: Scope, skipBlocks = false): void {
		for (const node of nodes) {
			if (this.#full && node.type !== "text" && node.type !== "tag") continue;
			switch (node.type) {
				case "text":
					this.#emit(scope, node.start, node.end);
					break;
				case "tag":
					this.#emitTag(scope, node.tag);
					break;
				case "group":
					this.#writeGroup(node, scope, skipBlocks);
					break;
				case "directive":
					this.#writeDirective(node, scope);
					break;
			}
		}
	}

	#writeGroup(node: TreeNode & { type: "group" }, scope: Scope, skipBlocks: boolean): void {
		const { directive } = node;
		switch (directive.kind) {
			case "define":
				return;
			case "block": {
				if (skipBlocks) return;
				const own: Region = { nodes: node.children, file: scope.file };
				if (this.#engine === "go") {
					// A Go block calls the definition of its name, its own content unless one is defined elsewhere.
					const defined = scope.definitions.get(directive.name);
					if (!defined) {
						this.#writeRegion(own, scope, []);
						return;
					}
					const inner = this.#enterRegion(defined, node.open, scope);
					if (inner) this.#writeRegion(defined, inner, []);
					return;
				}
				const chain = [...(scope.blocks.get(directive.name) ?? []), own];
				this.#writeRegion(chain[0]!, scope, chain.slice(1));
				return;
			}
			case "embed": {
				const file = this.#open(directive.name, node.open, scope, "partial");
				if (!file) {
					// Without the embedded file its blocks are linted as written: the file's own content still counts.
					this.#write(node.children, scope);
					return;
				}
				const inner = this.#enterRegion({ nodes: file.tree.children, file }, node.open, scope);
				if (!inner) return;
				const blocks = new Map<string, Region[]>();
				for (const [name, nodes] of embeddedBlocks(node.children)) blocks.set(name, [{ nodes, file: scope.file }]);
				this.#writeFile(file, {
					...inner,
					blocks,
					slot: undefined,
					definitions: new Map([...scope.definitions, ...definitionsOf(file)]),
				});
				return;
			}
			case "partial-block": {
				const partial = this.#findPartial(directive.name, node.open, scope);
				if (!partial) {
					// Handlebars renders the block's content when the partial is missing.
					this.#write(node.children, scope);
					return;
				}
				const inner = this.#enterRegion(partial, node.open, scope);
				if (!inner) return;
				const definitions = new Map([...scope.definitions, ...inlineDefinitions(node.children, scope.file)]);
				this.#writeRegion(
					partial,
					{
						...inner,
						definitions,
						slot: { region: { nodes: node.children, file: scope.file }, scope, skipBlocks: false },
					},
					[],
				);
				return;
			}
			default:
				this.#emitTag(scope, node.open);
				this.#write(node.children, scope, skipBlocks);
				if (node.close) this.#emitTag(scope, node.close);
		}
	}

	#writeDirective(node: TreeNode & { type: "directive" }, scope: Scope): void {
		const { directive, tag } = node;
		switch (directive.kind) {
			case "include": {
				const region = this.#findPartial(directive.name, tag, scope);
				if (!region) return;
				const inner = this.#enterRegion(region, tag, scope);
				if (!inner) return;
				if (region.nodes === region.file.tree.children)
					this.#writeFile(region.file, { ...inner, blocks: new Map(), slot: undefined });
				else this.#writeRegion(region, { ...inner, slot: undefined }, []);
				return;
			}
			case "dynamic":
				this.#note(tag, scope, `it is ${directive.what}`, false, directive.layout === true);
				return;
			case "import":
				// Read now, so that a missing file is reported on the import; the macros are written where they are called.
				this.#open(directive.name, tag, scope, "partial");
				return;
			case "call": {
				const macro = this.#findMacro(directive, tag, scope);
				if (!macro) {
					// A function or filter of the engine, or data: it stays in the mail as a merge tag.
					this.#emitTag(scope, tag);
					return;
				}
				const inner = this.#enterRegion(macro, tag, scope);
				if (inner) this.#writeRegion(macro, { ...inner, slot: undefined }, []);
				return;
			}
			case "slot": {
				const slot = scope.slot;
				if (slot) this.#writeRegion(slot.region, slot.scope, [], slot.skipBlocks);
				return;
			}
			case "super": {
				const [parent, ...rest] = scope.parents;
				if (parent) this.#writeRegion(parent, scope, rest);
				return;
			}
			default:
				// An `extends` below the top level, which the engines ignore or reject.
				return;
		}
	}

	/** Writes a region of some file (a block, a definition, a partial) in the scope it is used in. */
	#writeRegion(region: Region, scope: Scope, parents: readonly Region[], skipBlocks = false): void {
		this.#write(region.nodes, { ...scope, file: region.file, parents }, skipBlocks);
	}

	/**
	 * The partial, layout or definition `name` refers to, read and checked:
	 * a definition in reach first (Handlebars inline partials, Go defines),
	 * then a Go definition anywhere under the root, then a file.
	 */
	#findPartial(name: string, tag: MergeTagMatch, scope: Scope): Region | undefined {
		const defined = scope.definitions.get(name);
		if (defined) return defined;
		if (this.#engine === "go") {
			const file = goDefinitionFile(name, this.#root);
			if (file) {
				const loaded = this.#load(file, tag, scope, name);
				const nodes = loaded?.tree.defines.get(name) ?? loaded?.tree.blocks.get(name);
				if (loaded && nodes) return { nodes, file: loaded };
			}
		}
		const file = this.#open(name, tag, scope, "partial");
		return file ? { nodes: file.tree.children, file } : undefined;
	}

	/**
	 * The macro a call names: one defined in the file the call is written in,
	 * or one it imports (by name or through a namespace). Undefined for any
	 * other call; a missing imported file was reported on its import.
	 */
	#findMacro(call: { name: string; namespace?: string }, tag: MergeTagMatch, scope: Scope): Region | undefined {
		const file = scope.file;
		if (call.namespace === undefined) {
			const own = file.tree.defines.get(call.name);
			if (own && file.tree.engine !== "go") return { nodes: own, file };
		}
		for (const imported of file.tree.imports) {
			const macroName =
				call.namespace === undefined
					? imported.macros?.get(call.name)
					: imported.namespace === call.namespace
						? call.name
						: undefined;
			if (macroName === undefined) continue;
			const located = locateTemplate(imported.name, file.realPath, this.#engine, this.#root);
			if ("error" in located) return undefined;
			const loaded = this.#load(located.realPath, tag, scope, imported.name);
			if (!loaded) return undefined;
			const nodes = loaded.tree.defines.get(macroName);
			if (!nodes) {
				this.#note(tag, scope, `the macro "${macroName}" is not defined in "${imported.name}"`, true);
				return undefined;
			}
			return { nodes, file: loaded };
		}
		return undefined;
	}

	/** Locates and reads a layout or partial file named in `tag`; reports why not. */
	#open(name: string, tag: MergeTagMatch, scope: Scope, what: "layout" | "partial"): LoadedTemplate | undefined {
		const located = locateTemplate(name, scope.file.realPath, this.#engine, this.#root);
		if ("error" in located) {
			this.#note(tag, scope, `the ${what} "${name}" could not be read: ${located.error}`, true);
			return undefined;
		}
		return this.#load(located.realPath, tag, scope, name);
	}

	#load(realPath: string, tag: MergeTagMatch, scope: Scope, name: string): LoadedTemplate | undefined {
		const loaded = loadTemplate(realPath, this.#engine);
		if ("error" in loaded) {
			this.#note(tag, scope, `"${name}" could not be read: ${loaded.error}`, true);
			return undefined;
		}
		return loaded;
	}

	/** The scope inside a file or definition brought in by `tag`, or undefined (reported) for a cycle or too deep a nesting. */
	#enterRegion(region: Region, tag: MergeTagMatch, scope: Scope): Scope | undefined {
		const key =
			region.nodes === region.file.tree.children
				? region.file.realPath
				: `${region.file.realPath}#${[...region.file.tree.defines, ...region.file.tree.blocks].find(([, nodes]) => nodes === region.nodes)?.[0] ?? "?"}`;
		if (scope.chain.includes(key)) {
			const cycle = [...scope.chain.slice(scope.chain.indexOf(key)), key]
				.map((each) => this.#relative(each))
				.join(" → ");
			this.#note(tag, scope, `it creates an include cycle: ${cycle}`, true);
			return undefined;
		}
		if (scope.chain.length >= MAX_DEPTH) {
			this.#note(
				tag,
				scope,
				`includes and layouts nest more than ${MAX_DEPTH} levels deep here; mailcomply stops there`,
				true,
			);
			return undefined;
		}
		// Content of another file is placed at the nearest tag of the linted file that brought it in.
		const anchor: Range | undefined = scope.file === this.#own ? [tag.start, tag.end] : scope.anchor;
		return { ...scope, file: region.file, anchor, chain: [...scope.chain, key] };
	}

	#relative(key: string): string {
		return path.relative(this.#root, key) || path.basename(key);
	}

	/** Records part of the mail as unseen, at the tag in the linted file (or the one that brought the failing file in). */
	#note(tag: MergeTagMatch, scope: Scope, detail: string, broken: boolean, dynamicLayout = false): void {
		const inOwn = scope.file === this.#own;
		// The linted file's own layout: without it the page is out of sight, but the file is still a mail.
		const layout = inOwn && (dynamicLayout || this.#layoutTags.has(tag.start));
		const range: Range = inOwn ? [tag.start, tag.end] : (scope.anchor ?? [tag.start, tag.end]);
		const where = inOwn
			? ""
			: `in ${this.#relative(scope.file.realPath)} line ${scope.file.lines.loc([tag.start, tag.end]).start.line}: `;
		const written = tagText(scope.file.text, tag);
		const message = `${where}${written}: ${detail}.`;
		const key = `${range[0]}\0${message}`;
		if (this.#reported.has(key)) return;
		this.#reported.add(key);
		const anchorTag = inOwn ? written : tagText(this.#own.text, { start: range[0], end: range[1] });
		this.#unseen.push({
			range,
			message,
			tag: anchorTag,
			why: broken ? "it could not be read" : detail,
			broken,
			layout,
		});
	}

	#emit(scope: Scope, start: number, end: number): void {
		if (end <= start) return;
		if (this.#length + (end - start) > MAX_TEMPLATE_BYTES) {
			this.#stop(scope);
			return;
		}
		const file = scope.file;
		const piece: Piece = { at: this.#length, length: end - start, file, fileStart: start };
		if (file !== this.#own) piece.anchor = scope.anchor;
		this.#pieces.push(piece);
		this.#parts.push(file.text.slice(start, end));
		this.#length += end - start;
	}

	#emitTag(scope: Scope, tag: MergeTagMatch): void {
		const at = this.#length;
		this.#emit(scope, tag.start, tag.end);
		if (this.#length > at) this.#tags.push({ ...tag, start: at, end: this.#length });
	}

	#stop(scope: Scope): void {
		if (this.#full) return;
		this.#full = true;
		this.#unseen.push({
			range: scope.anchor ?? [0, 0],
			message: `With its layouts and partials in place this mail would be larger than ${MAX_TEMPLATE_BYTES / 1024 / 1024} MB, more than mailcomply lints; the rest was not read. A partial included over and over makes a mail this large.`,
			tag: tagText(this.#own.text, { start: (scope.anchor ?? [0, 0])[0], end: (scope.anchor ?? [0, 0])[1] }),
			why: "the mail would be too large to lint with it",
			broken: true,
			layout: false,
		});
	}
}

function tagText(text: string, tag: { start: number; end: number }): string {
	const written = text.slice(tag.start, tag.end).replace(/\s+/gu, " ");
	return written.length > 80 ? `${written.slice(0, 77)}…` : written;
}

/**
 * The tags of a file that wrap it in a layout: `{% extends %}` or
 * `{% layout %}`, a Handlebars partial block (`{{#> layout}}…{{/layout}}`),
 * a Twig embed or Mustache parent (`{{< base}}…{{/base}}`),
 * and a Go template call that is all the file outputs besides its
 * definitions (`{{ template "base" . }}` with `{{ define "content" }}`).
 */
function layoutTags(file: LoadedTemplate): Set<number> {
	const tags = new Set<number>();
	const tree = file.tree;
	if (tree.extendsTag) tags.add(tree.extendsTag.start);
	const pending = [...tree.children];
	while (pending.length > 0) {
		const node = pending.pop()!;
		if (node.type !== "group") continue;
		if (node.directive.kind === "partial-block" || node.directive.kind === "embed") tags.add(node.open.start);
		pending.push(...node.children);
	}
	if (tree.engine === "go") {
		const output = tree.children.filter(
			(node) =>
				!(node.type === "group" && node.directive.kind === "define") &&
				!(node.type === "text" && file.text.slice(node.start, node.end).trim() === ""),
		);
		const only = output.length === 1 ? output[0]! : undefined;
		if (only?.type === "directive" && only.directive.kind === "include") tags.add(only.tag.start);
	}
	return tags;
}

function definitionsOf(file: LoadedTemplate): Map<string, Region> {
	return new Map([...file.tree.defines].map(([name, nodes]) => [name, { nodes, file }]));
}

/** The blocks written inside an embed (`{% block %}`, Mustache `{{$name}}`), not those of an embed nested in it. */
function embeddedBlocks(nodes: readonly TreeNode[]): Map<string, TreeNode[]> {
	const found = new Map<string, TreeNode[]>();
	const pending = [...nodes];
	while (pending.length > 0) {
		const node = pending.shift()!;
		if (node.type !== "group" || node.directive.kind === "embed") continue;
		if (node.directive.kind === "block" && !found.has(node.directive.name))
			found.set(node.directive.name, node.children);
		else pending.push(...node.children);
	}
	return found;
}

/** Handlebars `{{#*inline "name"}}` definitions inside a partial block: in reach of the partial it renders. */
function inlineDefinitions(nodes: readonly TreeNode[], file: LoadedTemplate): Map<string, Region> {
	const found = new Map<string, Region>();
	for (const node of nodes)
		if (node.type === "group" && node.directive.kind === "define")
			found.set(node.directive.name, { nodes: node.children, file });
	return found;
}
