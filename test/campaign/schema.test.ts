/**
 * Keeps schema/campaign.schema.json and src/campaign/types.ts in step: the
 * enum lists must equal the arrays in types.ts, and every key of the
 * `Campaign` interface must be a schema property (the `Record<keyof …>`
 * objects below fail the type check when the interface gains or loses a key).
 */
import { describe, expect, it } from "vitest";
import { Ajv } from "ajv";
import { campaignSchema } from "../../src/campaign/model.js";
import type { CampaignSchemaNode } from "../../src/campaign/model.js";
import { AUDIENCE_SOURCES, ESP_TRACKING, ESPS, LAWFUL_BASES, SENSITIVE_CATEGORIES } from "../../src/campaign/types.js";
import type { Campaign, Segment } from "../../src/campaign/types.js";

type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const KINDS = ["marketing", "transactional", "opt-in-confirmation"] as const;
const CHANNELS = ["email", "sms", "whatsapp"] as const;
const ROLES = ["processor", "joint-controller"] as const;
const SPECIAL_CATEGORY_BASES = ["explicit-consent", "own-members"] as const;
const listsAreComplete: [
	Exactly<(typeof KINDS)[number], Campaign["kind"]>,
	Exactly<(typeof CHANNELS)[number], Campaign["channel"]>,
	Exactly<(typeof ROLES)[number], NonNullable<NonNullable<Campaign["sentBy"]>["role"]>>,
	Exactly<
		(typeof SPECIAL_CATEGORY_BASES)[number],
		NonNullable<NonNullable<Campaign["consent"]>["specialCategoryBasis"]>
	>,
] = [true, true, true, true];

const keys = {
	"": {
		kind: true,
		channel: true,
		esp: true,
		espAppendsFooter: true,
		espAddsHeaders: true,
		espTracking: true,
		language: true,
		subject: true,
		preheader: true,
		sender: true,
		sentBy: true,
		audience: true,
		lawfulBasis: true,
		consent: true,
		headers: true,
	} satisfies Record<keyof Campaign, true>,
	sender: { name: true, address: true, email: true, companyNumber: true } satisfies Record<
		keyof NonNullable<Campaign["sender"]>,
		true
	>,
	sentBy: { name: true, role: true } satisfies Record<keyof NonNullable<Campaign["sentBy"]>, true>,
	audience: {
		countries: true,
		source: true,
		name: true,
		owner: true,
		lastCleaned: true,
		segments: true,
	} satisfies Record<keyof NonNullable<Campaign["audience"]>, true>,
	"audience.segments[]": { name: true, categories: true } satisfies Record<keyof Segment, true>,
	consent: {
		explicit: true,
		thirdParty: true,
		record: true,
		specialCategoryBasis: true,
		tracking: true,
	} satisfies Record<keyof NonNullable<Campaign["consent"]>, true>,
};

function at(path: string): CampaignSchemaNode {
	let node: CampaignSchemaNode | undefined = campaignSchema;
	for (const segment of path.split(".").filter(Boolean)) {
		const [name, list] = segment.endsWith("[]") ? [segment.slice(0, -2), true] : [segment, false];
		node = node?.properties?.[name];
		if (list) node = node?.items;
	}
	if (!node) throw new Error(`no schema at ${path}`);
	return node;
}

function everyNode(
	visit: (node: CampaignSchemaNode, path: string) => void,
	node: CampaignSchemaNode = campaignSchema,
	path = "",
): void {
	visit(node, path);
	for (const [name, child] of Object.entries(node.properties ?? {}))
		everyNode(visit, child, path ? `${path}.${name}` : name);
	if (node.items) everyNode(visit, node.items, `${path}[]`);
}

describe("campaign schema", () => {
	it("has enums equal to the lists in types.ts", () => {
		expect(listsAreComplete).toEqual([true, true, true, true]);
		expect(at("esp").enum).toEqual([...ESPS]);
		expect(at("audience.source").enum).toEqual([...AUDIENCE_SOURCES]);
		expect(at("lawfulBasis").enum).toEqual([...LAWFUL_BASES]);
		expect(at("audience.segments[].categories[]").enum).toEqual([...SENSITIVE_CATEGORIES]);
		expect(at("kind").enum).toEqual([...KINDS]);
		expect(at("channel").enum).toEqual([...CHANNELS]);
		expect(at("sentBy.role").enum).toEqual([...ROLES]);
		expect(at("consent.specialCategoryBasis").enum).toEqual([...SPECIAL_CATEGORY_BASES]);
		expect(at("espTracking").enum).toEqual([...ESP_TRACKING]);
	});

	it("has exactly the keys of the Campaign interface", () => {
		for (const [path, expected] of Object.entries(keys)) {
			// `$schema` is for editors (a JSON sidecar may name its schema), not a campaign fact.
			expect(
				Object.keys(at(path).properties ?? {})
					.filter((key) => key !== "$schema")
					.sort(),
				path,
			).toEqual(Object.keys(expected).sort());
		}
		expect(Object.keys(at("headers").properties ?? {})).toEqual([
			"List-Unsubscribe",
			"List-Unsubscribe-Post",
			"List-Id",
		]);
	});

	it("describes every property and closes every object", () => {
		const allowedKeywords = new Set([
			"$schema",
			"$id",
			"title",
			"description",
			"type",
			"enum",
			"pattern",
			"additionalProperties",
			"properties",
			"items",
		]);
		expect(campaignSchema.$id).toMatch(/^https:\/\//u);
		everyNode((node, path) => {
			expect(node.description, `${path || "(root)"} needs a description`).toBeTruthy();
			for (const keyword of Object.keys(node))
				expect(allowedKeywords.has(keyword), `${path}: ${keyword} is not handled by src/campaign/model.ts`).toBe(true);
			if (node.type === "object") expect(node.additionalProperties, path).toBe(false);
			if (node.type === "array") expect(node.items, path).toBeDefined();
			if (node.enum) expect(node.type, path).toBe("string");
		});
	});

	it("compiles in ajv's strict mode and accepts a full sidecar", () => {
		const validate = new Ajv({ strict: true, allErrors: true }).compile(campaignSchema);
		const full: Campaign = {
			kind: "marketing",
			channel: "email",
			esp: "laposta",
			espAppendsFooter: true,
			espAddsHeaders: false,
			espTracking: "aggregate",
			language: "nl-BE",
			subject: "Hallo",
			preheader: "Nieuw",
			sender: { name: "Acme BV", address: "Straat 1", email: "news@acme.example", companyNumber: "01234567" },
			sentBy: { name: "Bureau", role: "joint-controller" },
			audience: {
				countries: ["NL"],
				source: "own-customers",
				name: "Klanten",
				owner: "Acme",
				lastCleaned: "2026-02-28",
				segments: [{ name: "s", categories: ["criminal"] }],
			},
			lawfulBasis: "soft-opt-in",
			consent: {
				explicit: false,
				thirdParty: false,
				record: "crm",
				specialCategoryBasis: "own-members",
				tracking: true,
			},
			headers: {
				"List-Unsubscribe": "<https://acme.example/u>",
				"List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
				"List-Id": "x",
			},
		};
		expect(validate(full), JSON.stringify(validate.errors)).toBe(true);
		expect(validate({ ...full, extra: 1 })).toBe(false);
		expect(validate({ audience: { countries: ["nl"] } })).toBe(false);
		expect(validate({ audience: { lastCleaned: "2026-9-1" } })).toBe(false);
	});
});
