import { describe, expect, it } from "vitest";
import { AnalysisMemo } from "../../src/languages/analysis-memo.js";

describe("AnalysisMemo (sourceCode.memo of every language)", () => {
	it("runs an analysis once per file, however often it is asked for, also when it finds nothing", () => {
		const memo = new AnalysisMemo<{ name: string }>();
		const file = { name: "a" };
		let runs = 0;
		const nothing = (): undefined => {
			runs++;
			return undefined;
		};
		expect(memo.get(file, nothing)).toBeUndefined();
		expect(memo.get(file, nothing)).toBeUndefined();
		expect(runs).toBe(1);
	});

	it("keeps each analysis apart, and each file's memo its own", () => {
		const length = (file: { name: string }) => file.name.length;
		const upper = (file: { name: string }) => file.name.toUpperCase();
		const first = new AnalysisMemo<{ name: string }>();
		const second = new AnalysisMemo<{ name: string }>();
		expect(first.get({ name: "abc" }, length)).toBe(3);
		expect(first.get({ name: "abc" }, upper)).toBe("ABC");
		expect(second.get({ name: "de" }, length)).toBe(2);
	});

	it("forgets every result when cleared, so that a released file's analyses can go with its tree", () => {
		const memo = new AnalysisMemo<{ name: string }>();
		const file = { name: "a" };
		let runs = 0;
		const count = () => ++runs;
		expect(memo.get(file, count)).toBe(1);
		memo.clear();
		expect(memo.get(file, count)).toBe(2);
	});
});
