/**
 * The AST of a campaign sidecar (`NAME.campaign.yaml|yml|json`). It keeps the
 * file's own shape, so rules can report at the exact key or value the user
 * wrote. Aliases (`*name`) stay unexpanded here; `resolveAlias` and
 * `locatePath` follow them when a rule needs the value behind one.
 */
import type { Range, SourceLocation } from "../ast/types.js";

interface BaseNode {
	range: Range;
	loc: SourceLocation;
}

interface AnchorableNode extends BaseNode {
	/** The anchor (`&name`) written on this node, if any. */
	anchor?: string;
}

export interface CampaignDocument extends BaseNode {
	type: "CampaignDocument";
	/** `null` for a file with no content (empty, whitespace or comments only). */
	body: CampaignValue | null;
	/** Where the first byte that is not UTF-8 is (a Latin-1 file read as UTF-8); `valid-campaign` reports it. */
	encoding?: { message: string; range: Range; loc: SourceLocation };
}

export interface CampaignMapping extends AnchorableNode {
	type: "CampaignMapping";
	pairs: CampaignPair[];
}

export interface CampaignPair extends BaseNode {
	type: "CampaignPair";
	key: CampaignScalar;
	/** `null` when nothing follows the colon (`consent:`). */
	value: CampaignValue | null;
}

export interface CampaignSequence extends AnchorableNode {
	type: "CampaignSequence";
	items: CampaignValue[];
}

export interface CampaignScalar extends AnchorableNode {
	type: "CampaignScalar";
	value: string | number | boolean | null;
}

export interface CampaignAlias extends BaseNode {
	type: "CampaignAlias";
	/** The anchor name without `*`. */
	name: string;
}

export type CampaignValue = CampaignMapping | CampaignSequence | CampaignScalar | CampaignAlias;
export type CampaignNode = CampaignDocument | CampaignPair | CampaignValue;

export const campaignVisitorKeys: Record<CampaignNode["type"], string[]> = {
	CampaignDocument: ["body"],
	CampaignMapping: ["pairs"],
	CampaignPair: ["key", "value"],
	CampaignSequence: ["items"],
	CampaignScalar: [],
	CampaignAlias: [],
};

export interface CampaignNodeVisitor {
	CampaignDocument?: (node: CampaignDocument, parent: undefined) => void;
	CampaignMapping?: (node: CampaignMapping, parent: CampaignNode | undefined) => void;
	CampaignPair?: (node: CampaignPair, parent: CampaignNode | undefined) => void;
	CampaignSequence?: (node: CampaignSequence, parent: CampaignNode | undefined) => void;
	CampaignScalar?: (node: CampaignScalar, parent: CampaignNode | undefined) => void;
	CampaignAlias?: (node: CampaignAlias, parent: CampaignNode | undefined) => void;
}

/** The key of a pair as the string a JS object (and the JSON Schema) sees. */
export function keyName(key: CampaignScalar): string {
	return key.value === null ? "" : String(key.value);
}

export function getPair(mapping: CampaignMapping, key: string): CampaignPair | undefined {
	return mapping.pairs.find((pair) => keyName(pair.key) === key);
}

const aliasTargetsCache = new WeakMap<CampaignDocument, Map<CampaignAlias, CampaignValue>>();

/**
 * Which node each alias refers to: the nearest anchor of that name written
 * before the alias, the YAML rule. Computed once per document.
 */
function aliasTargets(doc: CampaignDocument): Map<CampaignAlias, CampaignValue> {
	let targets = aliasTargetsCache.get(doc);
	if (targets) return targets;
	targets = new Map();
	const anchors = new Map<string, CampaignValue>();
	const visit = (node: CampaignValue | null): void => {
		if (!node) return;
		if (node.type === "CampaignAlias") {
			const target = anchors.get(node.name);
			if (target) targets!.set(node, target);
			return;
		}
		if (node.anchor !== undefined) anchors.set(node.anchor, node);
		if (node.type === "CampaignMapping") {
			for (const pair of node.pairs) {
				visit(pair.key);
				visit(pair.value);
			}
		} else if (node.type === "CampaignSequence") {
			for (const item of node.items) visit(item);
		}
	};
	visit(doc.body);
	aliasTargetsCache.set(doc, targets);
	return targets;
}

/** The node an alias stands for, or `undefined` when its anchor is missing. */
export function resolveAlias(doc: CampaignDocument, alias: CampaignAlias): CampaignValue | undefined {
	return aliasTargets(doc).get(alias);
}

/** Follows aliases (a chain of them included) to the node that holds the value. */
export function dereference(doc: CampaignDocument, node: CampaignValue | null): CampaignValue | null {
	let current = node;
	for (let hops = 0; current?.type === "CampaignAlias"; hops++) {
		if (hops > 100) return null;
		current = resolveAlias(doc, current) ?? null;
	}
	return current;
}

export interface LocatedPath {
	/** The node at the path, behind any aliases; `null` when the path ends at an empty value. */
	node: CampaignValue | null;
	/** The pair whose value the path ends at, when it ends at a mapping key. */
	pair?: CampaignPair;
	/** The first alias the path went through: where the value is used, as opposed to where it is written. */
	viaAlias?: CampaignAlias;
}

/**
 * Walks a key path (`["audience", "countries", 0]`) through mappings,
 * sequences and aliases. Returns `undefined` when the path does not exist.
 */
export function locatePath(doc: CampaignDocument, path: ReadonlyArray<string | number>): LocatedPath | undefined {
	let viaAlias: CampaignAlias | undefined;
	const follow = (node: CampaignValue | null): CampaignValue | null => {
		if (node?.type === "CampaignAlias") viaAlias ??= node;
		return dereference(doc, node);
	};
	let located: LocatedPath = { node: follow(doc.body) };
	for (const segment of path) {
		const node = located.node;
		if (node?.type === "CampaignMapping") {
			const pair = getPair(node, String(segment));
			if (!pair) return undefined;
			located = { node: follow(pair.value), pair };
		} else if (node?.type === "CampaignSequence") {
			const index = typeof segment === "number" ? segment : Number(segment);
			const item = Number.isInteger(index) ? node.items[index] : undefined;
			if (!item) return undefined;
			located = { node: follow(item) };
		} else {
			return undefined;
		}
	}
	if (viaAlias) located.viaAlias = viaAlias;
	return located;
}

/** The node for a key path, behind aliases; `undefined` when absent or empty. */
export function getPath(doc: CampaignDocument, path: ReadonlyArray<string | number>): CampaignValue | undefined {
	return locatePath(doc, path)?.node ?? undefined;
}
