import { ESLint, type Linter } from "eslint";
import { defineConfig } from "eslint/config";
import { describe, expect, test } from "vitest";
import plugin from "../../plugin/index.js";

/**
 * A country config must reach every file the user lints, however HTML was
 * opted in: the README's way is a country config (or `recommended`) plus
 * `{ files, extends: [configs.html] }` for the user's own HTML folders.
 */
const configs = plugin.configs as unknown as Record<string, Linter.Config[]>;
const RECEIPT = `<!DOCTYPE html>\n<html lang="en"><body>\n<p>Your receipt for order #12345. Total: €20.</p>\n<p>© 2026 Teashop Ltd</p>\n</body></html>`;
/** The KvK number is asked of a sender something shows to be Dutch (here a B.V. and a Dutch mail); configs.strict declares recipients everywhere. */
const DUTCH_RECEIPT = `<!DOCTYPE html>\n<html lang="nl"><body>\n<p>Je bon voor bestelling #12345. Totaal: €20.</p>\n<p>© 2026 Theehuis B.V.</p>\n</body></html>`;
const OFFER = `<!DOCTYPE html>\n<html lang="en"><body>\n<p>Spring sale: 20% off all teas.</p>\n<p>© 2026 Teashop Ltd</p>\n</body></html>`;

async function rulesFired(base: Linter.Config[], code: string, filePath: string): Promise<string[]> {
	// Exactly as the README writes it: defineConfig resolves `extends`.
	const overrideConfig = defineConfig([
		...base,
		{ files: ["templates/**/*.html"], extends: [configs["html"]!] },
	]) as Linter.Config[];
	const eslint = new ESLint({ cwd: import.meta.dirname, overrideConfigFile: true, overrideConfig });
	const [result] = await eslint.lintText(code, { filePath });
	return [...new Set(result!.messages.map((message) => message.ruleId ?? message.message))].sort();
}

describe("country configs compose with the HTML opt-in", () => {
	// A folder the recommended globs do not cover, so only `extends: [configs.html]` lints it.
	const optedIn = "templates/receipt.html";
	// A folder both the country config and the opt-in cover.
	const both = "templates/mail/receipt.html";

	test.each([optedIn, both])(
		"recommended + configs.html: no country is assumed, so no KvK number is asked (%s)",
		async (file) => {
			expect(await rulesFired(configs["recommended"]!, RECEIPT, file)).not.toContain(
				"mailcomply/require-company-number",
			);
		},
	);

	test.each(["eu", "de", "uk", "us", "ca"])("configs.%s + configs.html: no Dutch KvK rule on a receipt", async (id) => {
		for (const file of [optedIn, both])
			expect(await rulesFired(configs[id]!, RECEIPT, file), `${id} ${file}`).not.toContain(
				"mailcomply/require-company-number",
			);
	});

	test.each(["nl", "strict"])(
		"configs.%s + configs.html: the Dutch KvK rule reaches the opted-in files",
		async (id) => {
			for (const file of [optedIn, both])
				expect(await rulesFired(configs[id]!, DUTCH_RECEIPT, file), `${id} ${file}`).toContain(
					"mailcomply/require-company-number",
				);
		},
	);

	test("configs.us + configs.html: the US ad label reaches the opted-in files, the EU privacy link does not", async () => {
		for (const file of [optedIn, both]) {
			const fired = await rulesFired(configs["us"]!, OFFER, file);
			expect(fired).toContain("mailcomply/require-ad-label");
			expect(fired).not.toContain("mailcomply/require-privacy-link");
		}
	});

	test("configs.uk + configs.html: the privacy link is asked, the US ad label is not", async () => {
		for (const file of [optedIn, both]) {
			const fired = await rulesFired(configs["uk"]!, OFFER, file);
			expect(fired).toContain("mailcomply/require-privacy-link");
			expect(fired).not.toContain("mailcomply/require-ad-label");
		}
	});
});
