import fs from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
// @ts-expect-error -- a plain JS build script without types
import { mjmlPresetVersion, readMjmlComponents, renderGenerated } from "../../scripts/generate-mjml-defaults.js";

test("src/styles/mjml-defaults.generated.ts matches the installed mjml-preset-core (run npm run generate:mjml-defaults)", () => {
	const file = path.resolve(import.meta.dirname, "../../src/styles/mjml-defaults.generated.ts");
	expect(fs.readFileSync(file, "utf8")).toBe(renderGenerated(readMjmlComponents(), mjmlPresetVersion()));
});
