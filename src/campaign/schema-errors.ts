/**
 * Ajv's errors for a sidecar read against the campaign schema: which of them
 * to report, the JSON Pointer of each as path segments and as the dotted path
 * a user would write, what the schema and the sidecar hold at that path, and
 * which allowed name a misspelt key or value most likely meant. The wording of
 * the findings is `valid-campaign`'s.
 */
import type { ErrorObject } from "ajv";
import { campaignSchema, type CampaignSchemaNode } from "./model.js";

/** One finding per value: a wrong type makes the `enum` and `pattern` errors on the same value noise. */
export function mostUsefulErrors(errors: ErrorObject[]): ErrorObject[] {
	const typed = new Set(errors.filter((error) => error.keyword === "type").map((error) => error.instancePath));
	return errors.filter(
		(error) => error.keyword === "type" || error.keyword === "additionalProperties" || !typed.has(error.instancePath),
	);
}

/** JSON Pointer (`/audience/countries/0`) -> segments, list indexes as numbers. */
export function pointerSegments(pointer: string): Array<string | number> {
	if (pointer === "") return [];
	return pointer
		.slice(1)
		.split("/")
		.map((segment) => segment.replace(/~1/gu, "/").replace(/~0/gu, "~"))
		.map((segment) => (/^(?:0|[1-9]\d*)$/u.test(segment) ? Number(segment) : segment));
}

/** `audience.countries[1]`, as a user would name the value. */
export function dottedPath(path: ReadonlyArray<string | number>): string {
	return path.reduce<string>(
		(label, segment) =>
			typeof segment === "number" ? `${label}[${segment}]` : label ? `${label}.${segment}` : segment,
		"",
	);
}

/** The dotted path with list indexes left out (`audience.countries[]`): the schema's path for the value. */
export function genericPath(path: ReadonlyArray<string | number>): string {
	return dottedPath(path).replace(/\[\d+\]/gu, "[]");
}

/** The schema node that describes the value at the path; undefined where the schema has none. */
export function schemaAt(path: ReadonlyArray<string | number>): CampaignSchemaNode | undefined {
	let schema: CampaignSchemaNode | undefined = campaignSchema;
	for (const segment of path) {
		schema = typeof segment === "number" ? schema?.items : schema?.properties?.[segment];
	}
	return schema;
}

/** The sidecar's plain value at the path; undefined where there is none. */
export function valueAt(root: unknown, path: ReadonlyArray<string | number>): unknown {
	let value = root;
	for (const segment of path) {
		if (typeof value !== "object" || value === null) return undefined;
		value = (value as Record<string | number, unknown>)[segment];
	}
	return value;
}

/** All property paths of the schema, to say where a misplaced key belongs. */
const SCHEMA_KEYS: Array<{ key: string; path: string }> = [];
(function collect(schema: CampaignSchemaNode, prefix: string): void {
	for (const [key, child] of Object.entries(schema.properties ?? {})) {
		const path = prefix ? `${prefix}.${key}` : key;
		SCHEMA_KEYS.push({ key, path });
		collect(child.items ?? child, child.items ? `${path}[]` : path);
	}
})(campaignSchema, "");

/**
 * Where else in the schema a key belongs (`audience.countries` for a
 * `countries` written at the top level), as a dotted schema path; undefined
 * when the key is nowhere else.
 */
export function schemaPathOfKey(key: string, path: ReadonlyArray<string | number>): string | undefined {
	const here = genericPath(path);
	return SCHEMA_KEYS.find((entry) => entry.key === key && entry.path !== (here ? `${here}.${key}` : key))?.path;
}

/** The candidate a typo most likely meant: same letters ignoring case and separators, at most 2 edits away (1 for short words), or the one candidate that contains it. */
export function nearestName(written: string, candidates: string[]): string | undefined {
	const squash = (text: string): string => text.toLowerCase().replace(/[-_\s]/gu, "");
	const target = squash(written);
	let best: { candidate: string; distance: number } | undefined;
	for (const candidate of candidates) {
		const distance = squash(candidate) === target ? 0 : editDistance(target, squash(candidate));
		if (!best || distance < best.distance) best = { candidate, distance };
	}
	if (!best) return undefined;
	const limit = target.length <= 4 ? 1 : 2;
	if (best.distance <= limit) return best.candidate;
	// A shortened value (`members` for `own-members`): suggest it when exactly one candidate contains it.
	const containing = target.length >= 4 ? candidates.filter((candidate) => squash(candidate).includes(target)) : [];
	return containing.length === 1 ? containing[0] : undefined;
}

/** Optimal string alignment distance (Levenshtein plus adjacent swaps). */
function editDistance(a: string, b: string): number {
	const rows = Array.from({ length: a.length + 1 }, (_, i) =>
		Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
	);
	for (let i = 1; i <= a.length; i++) {
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let value = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
				value = Math.min(value, rows[i - 2]![j - 2]! + 1);
			rows[i]![j] = value;
		}
	}
	return rows[a.length]![b.length]!;
}
