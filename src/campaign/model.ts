/**
 * Sidecar AST -> the normalised campaign model rules read.
 *
 * The model is forgiving on purpose: unknown keys and values of the wrong
 * type or shape are dropped, so a template rule only ever sees facts it can
 * trust. Telling the user about them is `valid-campaign`'s job, not this
 * file's. What "the right shape" means comes from the JSON Schema, the
 * single source of truth for keys and values.
 */
import campaignSchemaJson from "../../schema/campaign.schema.json" with { type: "json" };
import { dereference, keyName } from "./ast.js";
import type { CampaignDocument, CampaignValue } from "./ast.js";
import { MAX_EXPANDED_VALUES } from "./parse.js";
import type { Campaign } from "./types.js";

/** The subset of JSON Schema the campaign schema uses (a test keeps it that way). */
export interface CampaignSchemaNode {
	$id?: string;
	description?: string;
	type?: "object" | "array" | "string" | "boolean";
	enum?: readonly string[];
	pattern?: string;
	additionalProperties?: boolean;
	properties?: Record<string, CampaignSchemaNode>;
	items?: CampaignSchemaNode;
}

export const campaignSchema = campaignSchemaJson as CampaignSchemaNode;

/** Header names are case-insensitive in mail (RFC 5322 §1.2.2), so `list-unsubscribe` still counts. */
const CASE_INSENSITIVE_KEYS = new Set(["headers"]);
/** Country codes written in lower case still count (`valid-campaign` asks for upper case). */
const UPPER_CASED_VALUES = new Set(["audience.countries[]"]);

/**
 * The sidecar as a plain JS value, aliases expanded, everything kept
 * (unknown keys, wrong types): what the JSON Schema validates. Expansion
 * stops at `budget` values; anything past it is left out.
 */
export function toPlainValue(doc: CampaignDocument, budget = MAX_EXPANDED_VALUES): unknown {
	let remaining = budget;
	const convert = (node: CampaignValue | null, depth: number): unknown => {
		const value = dereference(doc, node);
		if (!value || remaining <= 0 || depth > 64) return value ? undefined : null;
		remaining--;
		switch (value.type) {
			case "CampaignScalar":
				return value.value;
			case "CampaignSequence":
				return value.items.map((item) => convert(item, depth + 1)).filter((item) => item !== undefined);
			case "CampaignMapping": {
				const object: Record<string, unknown> = {};
				for (const pair of value.pairs) {
					const converted = convert(pair.value, depth + 1);
					// defineProperty, so a `__proto__` key is an ordinary (and unknown) key, not a prototype.
					if (converted !== undefined)
						Object.defineProperty(object, keyName(pair.key), {
							value: converted,
							enumerable: true,
							writable: true,
							configurable: true,
						});
				}
				return object;
			}
			default:
				return undefined;
		}
	};
	return convert(doc.body, 0);
}

/** Keeps only what the schema allows, in the shape it allows; see the file comment. */
export function normaliseCampaign(value: unknown): Partial<Campaign> {
	const normalised = normalise(value, campaignSchema, "");
	return isPlainObject(normalised) ? (normalised as Partial<Campaign>) : {};
}

export function campaignFromDocument(doc: CampaignDocument): Partial<Campaign> {
	return normaliseCampaign(toPlainValue(doc));
}

/** A JSON sidecar's `"$schema"`: where editors find the schema, allowed by it, and no campaign fact. */
export const SCHEMA_KEY = "$schema";

function normalise(value: unknown, schema: CampaignSchemaNode, path: string): unknown {
	switch (schema.type) {
		case "object": {
			if (!isPlainObject(value)) return undefined;
			const result: Record<string, unknown> = {};
			for (const [name, propertySchema] of Object.entries(schema.properties ?? {})) {
				if (path === "" && name === SCHEMA_KEY) continue;
				const childPath = path ? `${path}.${name}` : name;
				const child = normalise(lookup(value, name, CASE_INSENSITIVE_KEYS.has(path)), propertySchema, childPath);
				if (child !== undefined) result[name] = child;
			}
			// An object with nothing usable in it declares nothing.
			return path === "" || Object.keys(result).length > 0 ? result : undefined;
		}
		case "array": {
			if (!Array.isArray(value) || !schema.items) return undefined;
			const items = schema.items;
			return value.map((item) => normalise(item, items, `${path}[]`)).filter((item) => item !== undefined);
		}
		case "string": {
			if (typeof value !== "string") return undefined;
			const text = UPPER_CASED_VALUES.has(path) ? value.toUpperCase() : value;
			if (schema.enum && !schema.enum.includes(text)) return undefined;
			if (schema.pattern && !new RegExp(schema.pattern, "u").test(text)) return undefined;
			return text;
		}
		case "boolean":
			return typeof value === "boolean" ? value : undefined;
		default:
			return undefined;
	}
}

function lookup(object: Record<string, unknown>, name: string, caseInsensitive: boolean): unknown {
	if (Object.hasOwn(object, name)) return object[name];
	if (!caseInsensitive) return undefined;
	const lower = name.toLowerCase();
	const match = Object.keys(object).find((key) => key.toLowerCase() === lower);
	return match === undefined ? undefined : object[match];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Organisation defaults overlaid by a sidecar: objects merge key by key,
 * anything else (arrays included) from the sidecar replaces the default.
 */
export function mergeCampaign(defaults: Partial<Campaign>, sidecar: Partial<Campaign>): Partial<Campaign> {
	return deepMerge(defaults, sidecar) as Partial<Campaign>;
}

function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
	const result: Record<string, unknown> = { ...base };
	for (const [key, value] of Object.entries(over)) {
		if (value === undefined) continue;
		const current = result[key];
		result[key] = isPlainObject(current) && isPlainObject(value) ? deepMerge(current, value) : value;
	}
	return result;
}

/**
 * Dotted paths of everything a (normalised) campaign declares, parents
 * included: `audience`, `audience.source`. Arrays count as one leaf.
 */
export function declaredPaths(campaign: Partial<Campaign>): Set<string> {
	const paths = new Set<string>();
	const visit = (object: Record<string, unknown>, prefix: string): void => {
		for (const [key, value] of Object.entries(object)) {
			if (value === undefined) continue;
			const path = prefix ? `${prefix}.${key}` : key;
			paths.add(path);
			if (isPlainObject(value)) visit(value, path);
		}
	};
	visit(campaign, "");
	return paths;
}
