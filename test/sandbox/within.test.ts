import path from "node:path";
import { describe, expect, test } from "vitest";
import { isInside, isWithin } from "../../src/sandbox/within.js";

const root = path.resolve("/project");

describe("isWithin / isInside", () => {
	test.each([
		["the root itself", root, true, false],
		["a file below it", path.join(root, "emails/p.mjml"), true, true],
		["a folder whose name starts with two dots", path.join(root, "..drafts/p.mjml"), true, true],
		["the parent", path.dirname(root), false, false],
		["a sibling", path.resolve("/project-other/p.mjml"), false, false],
		["a path that climbs out", path.join(root, "../etc/passwd"), false, false],
	])("%s", (_name, file, within, inside) => {
		expect(isWithin(file, root)).toBe(within);
		expect(isInside(file, root)).toBe(inside);
	});
});
