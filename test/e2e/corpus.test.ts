import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { ESLint } from "eslint";
import plugin from "../../plugin/index.js";
import { createZeroConfig } from "../../src/cli/config.js";

/**
 * Robustness on real templates: every MJML and HTML file of the shared
 * corpus is linted with every recommended rule, and none may crash, be
 * skipped, or fail to parse. The corpus is not part of the project; where
 * it is absent the test is skipped.
 */
const corpus = path.resolve(import.meta.dirname, "../../../shared/corpus");
const present = fs.existsSync(corpus);

function templatesIn(dir: string): string[] {
	return fs
		.readdirSync(dir, { recursive: true, encoding: "utf8" })
		.filter((file) => /\.(?:mjml|html?)$/iu.test(file))
		.map((file) => path.join(dir, file))
		.sort();
}

describe.skipIf(!present)("shared corpus", () => {
	test("every template lints without a crash, a skip or a fatal parse error", { timeout: 120_000 }, async () => {
		const files = templatesIn(corpus);
		expect(files.length).toBeGreaterThan(250);
		const eslint = new ESLint({
			cwd: corpus,
			overrideConfigFile: true,
			overrideConfig: createZeroConfig(plugin, undefined),
		});
		const results = await eslint.lintFiles(files);
		expect(results.map((result) => result.filePath).sort()).toEqual(files);
		const fatal = results.flatMap((result) =>
			result.messages
				.filter((message) => message.fatal)
				.map((message) => `${path.relative(corpus, result.filePath)}: ${message.message}`),
		);
		expect(fatal).toEqual([]);
	});
});
