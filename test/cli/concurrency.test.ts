import { describe, expect, test } from "vitest";
import { effectiveConcurrency } from "../../src/cli/concurrency.js";

/**
 * `--concurrency` as ESLint carries it out (lib/eslint/eslint.js,
 * calculateWorkerCount): where it would start no worker thread, the CLI runs
 * as with `off`, so that a large run is linted in batches.
 */
describe("effectiveConcurrency", () => {
	test.each([1, 2, 3])(
		"auto on %i cores starts no thread (half the cores, rounded down, is at most one): off",
		(cores) => expect(effectiveConcurrency("auto", cores)).toBe("off"),
	);
	test.each([4, 5, 16])("auto on %i cores may start threads: auto", (cores) =>
		expect(effectiveConcurrency("auto", cores)).toBe("auto"),
	);
	test("a count of one starts no thread: off", () => expect(effectiveConcurrency(1, 16)).toBe("off"));
	test.each([2, 4])("a count of %i is kept, whatever the cores", (threads) =>
		expect(effectiveConcurrency(threads, 2)).toBe(threads),
	);
	test("off stays off", () => expect(effectiveConcurrency("off", 16)).toBe("off"));
});
