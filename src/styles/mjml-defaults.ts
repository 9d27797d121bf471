/**
 * MJML components' default attributes and allowed attributes, as mjml's own
 * packages define them. The data is generated from `mjml-preset-core` by
 * scripts/generate-mjml-defaults.js (a test fails when it is stale), so a
 * new mjml release's defaults arrive by regenerating, never by hand, and
 * lint time does not pay for loading mjml.
 */
import { MJML_COMPONENT_ATTRIBUTES } from "./mjml-defaults.generated.js";

export interface MjmlComponentInfo {
	defaults: Readonly<Record<string, string>>;
	allowed: ReadonlySet<string>;
}

const components = new Map<string, MjmlComponentInfo>(
	Object.entries(MJML_COMPONENT_ATTRIBUTES).map(([name, { defaults, allowed }]) => [
		name,
		{ defaults, allowed: new Set(allowed) },
	]),
);

/** The component's defaults and allowed attributes; undefined for a tag mjml does not define. */
export function mjmlComponent(name: string): MjmlComponentInfo | undefined {
	return components.get(name);
}
