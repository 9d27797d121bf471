import { describe, expect, test } from "vitest";
import {
	dottedPath,
	genericPath,
	nearestName,
	pointerSegments,
	schemaAt,
	schemaPathOfKey,
	valueAt,
} from "../../src/campaign/schema-errors.js";

describe("schema error paths", () => {
	test("a JSON Pointer becomes segments, escapes decoded and list indexes numbers", () => {
		expect(pointerSegments("")).toEqual([]);
		expect(pointerSegments("/audience/countries/0")).toEqual(["audience", "countries", 0]);
		expect(pointerSegments("/headers/a~1b~0c/01")).toEqual(["headers", "a/b~c", "01"]);
	});

	test("segments read as the dotted path a user writes, and as the schema's path", () => {
		expect(dottedPath(["audience", "countries", 1])).toBe("audience.countries[1]");
		expect(dottedPath([])).toBe("");
		expect(genericPath(["audience", "countries", 12])).toBe("audience.countries[]");
	});

	test("the schema and the value at a path", () => {
		expect(schemaAt(["audience", "countries", 0])?.type).toBe("string");
		expect(schemaAt(["nowhere", "at-all"])).toBeUndefined();
		expect(valueAt({ a: { b: [1, 2] } }, ["a", "b", 1])).toBe(2);
		expect(valueAt({ a: "text" }, ["a", "b"])).toBeUndefined();
	});

	test("a key written at the wrong level is found where the schema has it", () => {
		expect(schemaPathOfKey("countries", [])).toBe("audience.countries");
		expect(schemaPathOfKey("countries", ["audience"])).toBeUndefined();
		expect(schemaPathOfKey("no-such-key", [])).toBeUndefined();
	});
});

describe("nearestName", () => {
	test("case, separators, up to two edits (one for short words) and swapped letters", () => {
		expect(nearestName("Double_Opt_In", ["doubleOptIn", "source"])).toBe("doubleOptIn");
		expect(nearestName("langauge", ["language", "kind"])).toBe("language");
		expect(nearestName("kidn", ["kind", "language"])).toBe("kind");
		expect(nearestName("knd", ["kind"])).toBe("kind");
		expect(nearestName("kx", ["kind"])).toBeUndefined();
		expect(nearestName("elephant", ["kind", "language"])).toBeUndefined();
	});

	test("a shortened name is suggested only when exactly one candidate contains it", () => {
		expect(nearestName("members", ["own-members", "purchased"])).toBe("own-members");
		expect(nearestName("members", ["own-members", "members-only"])).toBeUndefined();
	});
});
