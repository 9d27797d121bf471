/**
 * Sidecar text -> campaign AST. Used by the `mailcomply/campaign` language
 * (which lints the sidecar itself) and by `resolveCampaign` (which reads the
 * sidecar of a template). It never throws: every problem comes back as a
 * located error.
 *
 * Decisions worth knowing:
 * - An empty, whitespace-only or comments-only file parses to `body: null`
 *   in both formats: it declares nothing, like having no sidecar.
 * - A list or scalar at the top level parses fine; `valid-campaign` reports it.
 * - YAML is read as YAML 1.2 (core schema), so `lastCleaned: 2026-09-01`
 *   stays a string and `language: no` is Norwegian, not `false`. A file that
 *   asks for `%YAML 1.1` gets 1.1 booleans, but a 1.1 timestamp still stays
 *   the string it was written as.
 * - JSON is checked strictly with `JSON.parse` first (no comments, no
 *   trailing commas), then read with the YAML parser for positions.
 */
import type * as YamlLibrary from "yaml";
import type { Document, Node as YamlNode, ParsedNode } from "yaml";
import { lazyRequire } from "../lazy-require.js";
import { LineIndex } from "../ast/line-index.js";
import type { Range } from "../ast/types.js";
import type { InlineConfigComment } from "../languages/inline-config.js";
import { encodingProblem, textOf } from "../languages/file-text.js";
import { megabytes } from "../sandbox/guarded-read.js";
import type { CampaignDocument, CampaignPair, CampaignScalar, CampaignValue } from "./ast.js";

const yaml = lazyRequire<typeof YamlLibrary>("yaml");

export type SidecarFormat = "yaml" | "json";

export interface SidecarParseError {
	message: string;
	/** 1-based. */
	line: number;
	/** 1-based. */
	column: number;
}

export type SidecarParseResult =
	{ ok: true; ast: CampaignDocument; comments: InlineConfigComment[] } | { ok: false; errors: SidecarParseError[] };

/**
 * A sidecar is a few hundred bytes; anything this large is not one. The
 * bound holds both where a template's sidecar is read and where ESLint
 * lints a sidecar itself, and keeps the YAML parser's time and memory small.
 */
export const MAX_SIDECAR_BYTES = 1024 * 1024;

/** The yaml library's own alias guard (see `Document.toJS`); a real sidecar uses a handful of aliases at most. */
const MAX_ALIAS_COUNT = 50;
/** How many values the document may hold once aliases are expanded; a "billion laughs" file is refused above this. */
export const MAX_EXPANDED_VALUES = 10_000;

export function sidecarFormat(path: string): SidecarFormat {
	return /\.json$/iu.test(path) ? "json" : "yaml";
}

class SidecarSyntaxError extends Error {
	constructor(
		message: string,
		readonly offset: number,
	) {
		super(message);
	}
}

/** ESLint strips the BOM before a language sees the text; a direct read must do the same so offsets agree. */
export function stripBom(text: string): string {
	return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function parseSidecar(input: string, format: SidecarFormat): SidecarParseResult {
	const text = stripBom(input);
	const lines = new LineIndex(text);
	const fail = (message: string, offset: number): SidecarParseResult => {
		const { line, column } = lines.position(offset);
		return { ok: false, errors: [{ message, line, column }] };
	};

	// A character takes at most 3 UTF-8 bytes: only a text near the bound needs counting.
	const bytes = text.length * 3 > MAX_SIDECAR_BYTES ? Buffer.byteLength(text, "utf8") : text.length;
	if (bytes > MAX_SIDECAR_BYTES) {
		return fail(
			`This sidecar is ${megabytes(bytes)}; mailcomply reads campaign sidecars up to ${megabytes(MAX_SIDECAR_BYTES)} (a real one is a few hundred bytes), so it was not read.`,
			0,
		);
	}

	const decoded = textOf({ path: "", physicalPath: "", bom: false, body: text });
	if (!decoded.ok) return fail(decoded.message, text.indexOf("\0"));

	if (format === "json" && text.trim() !== "") {
		const jsonError = strictJsonError(text);
		if (jsonError) return fail(jsonError.message, jsonError.offset);
	}

	// YAML counts a lone CR as a line break, the yaml library does not; LF has the same length, so offsets stay true.
	const yamlText = text.replace(/\r(?!\n)/gu, "\n");
	// Duplicate keys are checked below: the library's own check compares each key with every key before it.
	const doc = yaml().parseDocument(yamlText, { uniqueKeys: false, prettyErrors: true, version: "1.2" });
	const errors = withDuplicateKeys(
		doc.errors.map((error) => ({ offset: error.pos[0], message: withoutPrettyContext(error.message) })),
		duplicateKeyOffsets(doc.contents, yamlText),
	);
	if (errors.length > 0) {
		return {
			ok: false,
			errors: errors.map(({ offset, message }) => ({ message, ...lines.position(offset) })),
		};
	}

	let body: CampaignValue | null;
	try {
		body = doc.contents ? new AstBuilder(yamlText, lines).value(doc.contents) : null;
		if (body && hasAlias(doc)) guardAliasExpansion(doc, body);
	} catch (error) {
		if (error instanceof SidecarSyntaxError) return fail(error.message, error.offset);
		throw error;
	}

	const ast: CampaignDocument = {
		type: "CampaignDocument",
		body,
		range: [0, text.length],
		loc: lines.loc([0, text.length]),
	};
	const encoding = encodingProblem(text);
	if (encoding) {
		const range: Range = [encoding.offset, encoding.offset + 1];
		ast.encoding = { message: encoding.message, range, loc: lines.loc(range) };
	}
	return { ok: true, ast, comments: format === "yaml" ? yamlComments(yamlText, lines) : [] };
}

/**
 * Where a mapping repeats a key, by the yaml library's rule for `uniqueKeys`
 * (scalar keys are equal when their values are) at the offset where it
 * reports one, but with one Set per mapping: the library compares each key
 * with every key before it, minutes for a sidecar with 100,000 keys.
 */
function duplicateKeyOffsets(root: unknown, text: string): number[] {
	const offsets: number[] = [];
	// A stack, not recursion: flow collections may nest deeper than the call stack goes.
	const pending: unknown[] = [root];
	while (pending.length > 0) {
		const node = pending.pop();
		if (yaml().isMap(node)) {
			const seen = new Set<unknown>();
			for (const pair of node.items) {
				const key = pair.key;
				// Keys that are not scalars (or NaN, which equals nothing) are equal only to themselves.
				if (yaml().isScalar(key) && !Number.isNaN(key.value) && (key.value === null || typeof key.value !== "object")) {
					if (seen.has(key.value))
						offsets.push(key.range![0] === key.range![1] ? emptyKeyOffset(text, key.range![0]) : key.range![0]);
					else seen.add(key.value);
				}
				pending.push(pair.value, pair.key);
			}
		} else if (yaml().isSeq(node)) {
			for (let index = node.items.length - 1; index >= 0; index--) pending.push(node.items[index]);
		} else if (yaml().isPair(node)) {
			pending.push(node.value, node.key);
		}
	}
	return offsets.sort((a, b) => a - b);
}

/** An empty key is placed where the space before it starts; the library reports it where the next token (its `:`) starts. */
function emptyKeyOffset(text: string, offset: number): number {
	let at = offset;
	for (;;) {
		while (at < text.length && /\s/u.test(text[at]!)) at++;
		if (text[at] !== "#") return at;
		while (at < text.length && text[at] !== "\n") at++;
	}
}

/** The parser's errors with a "Map keys must be unique" error at each duplicate key, in the order the library reports them. */
function withDuplicateKeys(
	errors: Array<{ offset: number; message: string }>,
	duplicates: readonly number[],
): Array<{ offset: number; message: string }> {
	if (duplicates.length === 0) return errors;
	const merged: Array<{ offset: number; message: string }> = [];
	let next = 0;
	for (const error of errors) {
		while (next < duplicates.length && duplicates[next]! < error.offset)
			merged.push({ offset: duplicates[next++]!, message: "Map keys must be unique" });
		merged.push(error);
	}
	while (next < duplicates.length) merged.push({ offset: duplicates[next++]!, message: "Map keys must be unique" });
	return merged;
}

/** yaml's pretty errors end with " at line N, column M:" and a code excerpt; ESLint shows its own location. */
function withoutPrettyContext(message: string): string {
	return message.replace(/ at line \d+, column \d+:[\s\S]*$/u, "").trim();
}

/** Turns yaml nodes into campaign nodes, checking aliases as it goes. */
class AstBuilder {
	/** Anchors seen so far, by name: the YAML rule is that an alias refers to the nearest one before it. */
	readonly #anchors = new Map<string, CampaignValue>();
	/** Anchored nodes still being built: an alias to one of them would be a cycle. */
	readonly #open = new Set<CampaignValue>();

	constructor(
		private readonly text: string,
		private readonly lines: LineIndex,
	) {}

	/** Ranges end at the last character that belongs to the value: yaml counts a block value's final line break in. */
	#position(range: Range): { range: Range; loc: CampaignDocument["loc"] } {
		let end = range[1];
		while (end > range[0] && /\s/u.test(this.text[end - 1]!)) end--;
		const trimmed: Range = [range[0], end];
		return { range: trimmed, loc: this.lines.loc(trimmed) };
	}

	value(node: YamlNode): CampaignValue {
		const range: Range = [node.range![0], node.range![1]];
		if (yaml().isAlias(node)) {
			const target = this.#anchors.get(node.source);
			if (!target) {
				throw new SidecarSyntaxError(`Alias *${node.source} has no anchor &${node.source} before it.`, range[0]);
			}
			if (this.#open.has(target)) {
				throw new SidecarSyntaxError(
					`Alias *${node.source} refers to a value that contains it; that would never end.`,
					range[0],
				);
			}
			return { type: "CampaignAlias", name: node.source, ...this.#position(range) };
		}
		const anchor = (node as { anchor?: string }).anchor;
		if (yaml().isScalar(node)) {
			const scalar: CampaignScalar = {
				type: "CampaignScalar",
				value: scalarValue(node.value, node.source),
				...this.#position(range),
			};
			if (anchor !== undefined) {
				scalar.anchor = anchor;
				this.#anchors.set(anchor, scalar);
			}
			return scalar;
		}
		if (yaml().isMap(node) || yaml().isSeq(node)) {
			const collection: CampaignValue = yaml().isMap(node)
				? { type: "CampaignMapping", pairs: [], ...this.#position(range) }
				: { type: "CampaignSequence", items: [], ...this.#position(range) };
			if (anchor !== undefined) {
				collection.anchor = anchor;
				this.#anchors.set(anchor, collection);
				this.#open.add(collection);
			}
			if (collection.type === "CampaignMapping") {
				for (const item of (node as { items: unknown[] }).items) {
					if (yaml().isPair(item))
						collection.pairs.push(this.#pair(item.key as YamlNode | null, item.value as YamlNode | null, range));
				}
			} else {
				for (const item of (node as { items: unknown[] }).items) collection.items.push(this.value(item as YamlNode));
			}
			this.#open.delete(collection);
			// A block collection ends with its last entry, not with the comments and blank lines after it.
			const children: CampaignValue[] | CampaignPair[] =
				collection.type === "CampaignMapping" ? collection.pairs : collection.items;
			const last = children.at(-1);
			if (!node.flow && last) Object.assign(collection, this.#position([range[0], last.range[1]]));
			return collection;
		}
		throw new SidecarSyntaxError("Unsupported YAML node.", range[0]);
	}

	#pair(keyNode: YamlNode | null, valueNode: YamlNode | null, parentRange: Range): CampaignPair {
		if (!keyNode || !yaml().isScalar(keyNode) || keyNode.range![0] === keyNode.range![1]) {
			const offset = keyNode?.range?.[0] ?? valueNode?.range?.[0] ?? parentRange[0];
			throw new SidecarSyntaxError(
				"A key in a campaign sidecar must be a plain name (like `kind`), not a list, mapping, alias or nothing.",
				offset,
			);
		}
		const key = this.value(keyNode) as CampaignScalar;
		// `consent:` with nothing after it parses as an empty null scalar; the AST says "no value" instead.
		const isEmpty =
			!valueNode ||
			(yaml().isScalar(valueNode) && valueNode.range![0] === valueNode.range![1] && valueNode.anchor === undefined);
		const value = isEmpty ? null : this.value(valueNode);
		const range: Range = [key.range[0], (value ?? key).range[1]];
		return { type: "CampaignPair", key, value, ...this.#position(range) };
	}
}

function scalarValue(value: unknown, source: string | undefined): CampaignScalar["value"] {
	if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean")
		return value;
	// A YAML 1.1 timestamp (Date) or !!binary: keep what the user wrote.
	return source ?? String(value);
}

function hasAlias(doc: Document.Parsed<ParsedNode>): boolean {
	let found = false;
	const scan = (node: unknown): void => {
		if (found || !node) return;
		if (yaml().isAlias(node)) found = true;
		else if (yaml().isMap(node) || yaml().isSeq(node)) for (const item of node.items) scan(item);
		else if (yaml().isPair(node)) {
			scan(node.key);
			scan(node.value);
		}
	};
	scan(doc.contents);
	return found;
}

/**
 * Refuses alias bombs twice over: the yaml library's own `maxAliasCount`
 * check, and a count of the values the document holds with every alias
 * expanded (memoised, so the count itself stays cheap).
 */
function guardAliasExpansion(doc: Document.Parsed<ParsedNode>, body: CampaignValue): void {
	const firstAlias = findFirstAlias(body);
	const refuse = (): never => {
		throw new SidecarSyntaxError(
			`Aliases expand this file too far (beyond ${MAX_EXPANDED_VALUES} values, or about ${MAX_ALIAS_COUNT} uses of one anchor); refused as a resource-exhaustion ("billion laughs") attack.`,
			firstAlias?.range[0] ?? 0,
		);
	};
	try {
		doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
	} catch {
		refuse();
	}
	const sizes = new Map<CampaignValue, number>();
	const anchors = new Map<string, CampaignValue>();
	const size = (node: CampaignValue): number => {
		if (node.type === "CampaignAlias") {
			const target = anchors.get(node.name);
			return target ? (sizes.get(target) ?? 1) : 1;
		}
		let total = 1;
		if (node.type === "CampaignMapping")
			for (const pair of node.pairs) total += 1 + (pair.value ? size(pair.value) : 0);
		else if (node.type === "CampaignSequence") for (const item of node.items) total += size(item);
		if (total > MAX_EXPANDED_VALUES) refuse();
		sizes.set(node, total);
		if (node.anchor !== undefined) anchors.set(node.anchor, node);
		return total;
	};
	size(body);
}

function findFirstAlias(node: CampaignValue | null): CampaignValue | undefined {
	if (!node) return undefined;
	if (node.type === "CampaignAlias") return node;
	if (node.type === "CampaignMapping") {
		for (const pair of node.pairs) {
			const found = findFirstAlias(pair.value);
			if (found) return found;
		}
	}
	if (node.type === "CampaignSequence") {
		for (const item of node.items) {
			const found = findFirstAlias(item);
			if (found) return found;
		}
	}
	return undefined;
}

/** Every `#` comment with its position, read from the concrete syntax tree (document AST nodes drop comment positions). */
function yamlComments(text: string, lines: LineIndex): InlineConfigComment[] {
	const found = new Map<number, string>();
	const walk = (token: unknown): void => {
		if (Array.isArray(token)) {
			for (const item of token) walk(item);
			return;
		}
		if (!token || typeof token !== "object") return;
		const { type, offset, source } = token as { type?: unknown; offset?: unknown; source?: unknown };
		if (type === "comment" && typeof offset === "number" && typeof source === "string") {
			found.set(offset, source);
			return;
		}
		for (const child of Object.values(token)) if (child && typeof child === "object") walk(child);
	};
	for (const token of new (yaml().Parser)().parse(text)) walk(token);
	return [...found.entries()]
		.sort(([a], [b]) => a - b)
		.map(([offset, source]) => {
			const range: Range = [offset, offset + source.length];
			return { type: "InlineConfigComment", value: source.slice(1), range, loc: lines.loc(range) };
		});
}

/**
 * `undefined` when the text is strict JSON. Otherwise the first problem,
 * named plainly for the two mistakes people make most (comments and
 * trailing commas), else the engine's message.
 */
function strictJsonError(text: string): { message: string; offset: number } | undefined {
	try {
		JSON.parse(text);
		return undefined;
	} catch (error) {
		const common = commonJsonMistake(text);
		if (common) return common;
		const raw = error instanceof Error ? error.message : String(error);
		const position = /at position (\d+)/u.exec(raw);
		const message = raw
			.replace(/,? ".*" is not valid JSON$/su, "")
			.replace(/ in JSON at position \d.*$/su, "")
			.trim();
		return { message: `Invalid JSON: ${message}.`, offset: position ? Number(position[1]) : 0 };
	}
}

function commonJsonMistake(text: string): { message: string; offset: number } | undefined {
	const commentHint =
		"JSON does not allow comments; remove it, or use NAME.campaign.yaml, where `# comments` are allowed.";
	for (let i = 0; i < text.length; i++) {
		const char = text[i];
		if (char === '"') {
			for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === "\\") i++;
			continue;
		}
		if (char === "/" && (text[i + 1] === "/" || text[i + 1] === "*")) return { message: commentHint, offset: i };
		if (char === "#") return { message: commentHint, offset: i };
		if (char === "'") return { message: "JSON strings need double quotes, not single quotes.", offset: i };
		if (char === ",") {
			let next = i + 1;
			while (next < text.length && /\s/u.test(text[next]!)) next++;
			if (text[next] === "}" || text[next] === "]") {
				return {
					message: `JSON does not allow a trailing comma before \`${text[next]}\`; remove the comma.`,
					offset: i,
				};
			}
		}
	}
	return undefined;
}
