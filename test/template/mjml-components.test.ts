import { expect, test } from "vitest";
import { MJML_CORE_COMPONENTS } from "../../src/template/mjml-components.js";

// The list is kept in the source to avoid loading mjml at lint time; this keeps it honest against the installed mjml.
test("MJML_CORE_COMPONENTS matches mjml-preset-core's components and the children they allow", async () => {
	const { default: preset } = await import("mjml-preset-core");
	const registered = preset.components.map((component) => component.componentName);
	const allowedChildren = Object.values(preset.dependencies)
		.flat()
		.filter((name): name is string => typeof name === "string");
	for (const name of registered) expect(MJML_CORE_COMPONENTS.has(name), name).toBe(true);
	// mj-attributes accepts any child (its dependency is a pattern), of which mjml documents mj-all and mj-class.
	const known = new Set([
		...registered,
		...allowedChildren,
		...Object.keys(preset.dependencies),
		"mjml",
		"mj-include",
		"mj-all",
		"mj-class",
	]);
	for (const name of MJML_CORE_COMPONENTS) expect(known.has(name), name).toBe(true);
});
