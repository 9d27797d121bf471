import { expect, test } from "vitest";
import plugin from "../../plugin/index.js";
import { renderJurisdictionMatrix, renderProfiles } from "../../scripts/docs/generated-docs.js";

test("the rule × jurisdiction table shows what each config turns on", () => {
	const rows = Object.fromEntries(
		renderJurisdictionMatrix(plugin.rules)
			.split("\n")
			.slice(2)
			.map((row) =>
				row
					.split("|")
					.map((cell) => cell.trim())
					.filter(Boolean),
			)
			.map(([rule, ...cells]) => [rule!.replaceAll("`", ""), cells]),
	);
	// columns: eu nl de uk us ca strict
	expect(rows["require-ad-label"]).toEqual(["—", "—", "—", "—", "error", "—", "error"]);
	expect(rows["require-company-number"]).toEqual(["—", "error", "—", "—", "—", "—", "error"]);
	expect(rows["require-unsubscribe"]).toEqual(["error", "error", "error", "error", "error", "error", "error"]);
	expect(Object.keys(rows).sort()).toEqual(Object.keys(plugin.rules).sort());
});

test("docs/configs.md gives every config a section with a reason per rule", () => {
	const doc = renderProfiles(plugin.rules);
	for (const id of ["eu", "nl", "de", "uk", "us", "ca", "strict"]) expect(doc).toContain(`## \`${id}\` — `);
	expect(doc).toMatch(/\| `require-ad-label` \| error \| CAN-SPAM 15 U\.S\.C\. 7704\(a\)\(5\)\(A\)\(i\)/u);
});
