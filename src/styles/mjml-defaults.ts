/**
 * MJML components' default attributes and allowed attributes, read from
 * mjml's own packages (`mjml-preset-core` lists every core component class;
 * each has static `defaultAttributes` and `allowedAttributes`), so that a
 * new mjml release's defaults arrive with the dependency, not by hand.
 *
 * Loading mjml pulls in mjml-core (about half a second), so it happens on
 * the first MJML file whose styles a rule asks for, not at plugin load.
 */
import { createRequire } from "node:module";

export interface MjmlComponentInfo {
	defaults: Readonly<Record<string, string>>;
	allowed: ReadonlySet<string>;
}

interface ComponentClass {
	componentName?: string;
	defaultAttributes?: Record<string, unknown>;
	allowedAttributes?: Record<string, unknown>;
}

let components: Map<string, MjmlComponentInfo> | undefined;

/** The component's defaults and allowed attributes; undefined for a tag mjml does not define. */
export function mjmlComponent(name: string): MjmlComponentInfo | undefined {
	components ??= loadComponents();
	return components.get(name);
}

function loadComponents(): Map<string, MjmlComponentInfo> {
	const require = createRequire(import.meta.url);
	const preset = require("mjml-preset-core") as { components: ComponentClass[] };
	const map = new Map<string, MjmlComponentInfo>();
	for (const component of preset.components) {
		if (!component.componentName) continue;
		const defaults: Record<string, string> = {};
		for (const [key, value] of Object.entries(component.defaultAttributes ?? {})) {
			// Some defaults are null ("no value") or objects (mj-accordion-element's nested title settings).
			if (typeof value === "string") defaults[key] = value;
		}
		map.set(component.componentName, { defaults, allowed: new Set(Object.keys(component.allowedAttributes ?? {})) });
	}
	return map;
}
