/**
 * MJML components' attributes as mjml itself resolves them: the element's
 * own attribute > `mj-class` (the last class wins) > `mj-attributes` per tag >
 * `mj-all` > the component's default, read from mjml's packages
 * (`./mjml-defaults.ts`). The HTML cascade (`./computed-style.ts`) asks this
 * module for a component's styling attributes and for the backgrounds it
 * paints.
 *
 * Not resolved: the nested defaults of `<mj-class>` children
 * (`<mj-class name="x"><mj-text …/></mj-class>`).
 */
import { getAttribute } from "../ast/attributes.js";
import type { AttributeNode, ElementNode } from "../ast/types.js";
import type { TemplateSourceCode } from "../languages/template-source-code.js";
import { ownValue } from "../own-value.js";
import { parseColor, type Rgba } from "./colors.js";
import { mjmlComponent } from "./mjml-defaults.js";
import { attributeStyleValue, UNKNOWN, type StyleValue } from "./style-value.js";

export interface MjmlAttributes {
	/** The attribute's resolved value; undefined when neither the element nor any default sets it. */
	attribute(element: ElementNode, name: string): StyleValue | undefined;
}

/** Which MJML attributes paint a background behind a component's content, outermost first. */
const MJML_BACKGROUND_LAYERS: Readonly<Record<string, readonly string[]>> = {
	"mj-body": ["background-color"],
	"mj-wrapper": ["background-color", "background-url"],
	"mj-section": ["background-color", "background-url"],
	"mj-hero": ["background-color", "background-url"],
	"mj-column": ["background-color", "inner-background-color"],
	"mj-group": ["background-color"],
	"mj-button": ["container-background-color", "background-color"],
	"mj-accordion-element": ["background-color"],
	"mj-accordion-title": ["background-color"],
	"mj-accordion-text": ["background-color"],
};

/**
 * A styling attribute of a component (`font-size`, `color`), only where the
 * component takes it: mjml ignores an attribute a component does not allow.
 */
export function componentStyleAttribute(
	attributes: MjmlAttributes,
	element: ElementNode,
	name: string,
): StyleValue | undefined {
	const info = mjmlComponent(element.name);
	if (!info?.allowed.has(name)) return undefined;
	return attributes.attribute(element, name);
}

/**
 * The backgrounds a component paints behind its content, outermost first: a
 * colour, or unknown for a background image or a colour that cannot be read.
 */
export function componentBackgrounds(attributes: MjmlAttributes, element: ElementNode): Array<Rgba | typeof UNKNOWN> {
	const layers: Array<Rgba | typeof UNKNOWN> = [];
	for (const name of ownValue(MJML_BACKGROUND_LAYERS, element.name) ?? ["container-background-color"]) {
		const value = componentStyleAttribute(attributes, element, name);
		if (value === undefined || (value !== UNKNOWN && value.trim() === "")) continue;
		if (name === "background-url") layers.push(UNKNOWN);
		else layers.push(value === UNKNOWN ? UNKNOWN : (parseColor(value) ?? UNKNOWN));
	}
	return layers;
}

/** `mj-attributes` (`mj-all`, per-tag defaults, `mj-class`) and mjml's component defaults, read once per file. */
export function readMjmlAttributes(sourceCode: TemplateSourceCode): MjmlAttributes {
	const all = new Map<string, StyleValue>();
	const perTag = new Map<string, Map<string, StyleValue>>();
	const classes = new Map<string, Map<string, StyleValue>>();
	const valuesOf = (element: ElementNode, skip?: string) => {
		const values = new Map<string, StyleValue>();
		for (const attribute of element.attributes) {
			if (attribute.name === skip) continue;
			values.set(attribute.name, attributeStyleValue(attribute));
		}
		return values;
	};
	const assign = (target: Map<string, StyleValue>, source: Map<string, StyleValue>) => {
		for (const [key, value] of source) target.set(key, value);
	};
	for (const node of sourceCode.getElements()) {
		if (node.name !== "mj-attributes") continue;
		for (const child of node.children) {
			if (child.type !== "Element") continue;
			if (child.name === "mj-all") assign(all, valuesOf(child));
			else if (child.name === "mj-class") {
				const name = getAttribute(child, "name")?.value;
				if (!name) continue;
				const existing = classes.get(name) ?? new Map<string, StyleValue>();
				assign(existing, valuesOf(child, "name"));
				classes.set(name, existing);
			} else {
				const existing = perTag.get(child.name) ?? new Map<string, StyleValue>();
				assign(existing, valuesOf(child));
				perTag.set(child.name, existing);
			}
		}
	}
	const cache = new WeakMap<ElementNode, Map<string, StyleValue | undefined>>();
	return {
		attribute(element, name) {
			let resolved = cache.get(element);
			if (!resolved) cache.set(element, (resolved = new Map()));
			if (resolved.has(name)) return resolved.get(name);
			const value = resolve(element, name);
			resolved.set(name, value);
			return value;
		},
	};

	// Same precedence as mjml-core (see the top of this file).
	function resolve(element: ElementNode, name: string): StyleValue | undefined {
		const own = getAttribute(element, name);
		const info = mjmlComponent(element.name);
		if (name === "css-class") return cssClasses(element, own);
		if (own) return attributeStyleValue(own);
		const mjClass = getAttribute(element, "mj-class");
		if (mjClass && mjClass.parts.some((part) => part.type !== "Text")) return UNKNOWN;
		let fromClass: StyleValue | undefined;
		for (const className of (mjClass?.value ?? "").split(/\s+/u).filter(Boolean)) {
			const value = classes.get(className)?.get(name);
			if (value !== undefined) fromClass = value;
		}
		if (fromClass !== undefined) return fromClass;
		const tagValue = perTag.get(element.name)?.get(name);
		if (tagValue !== undefined) return tagValue;
		if (info && !info.allowed.has(name)) return undefined;
		return all.get(name) ?? info?.defaults[name];
	}

	function cssClasses(element: ElementNode, own: AttributeNode | undefined): StyleValue | undefined {
		if (own && own.parts.some((part) => part.type !== "Text")) return UNKNOWN;
		const names: string[] = [];
		const mjClass = getAttribute(element, "mj-class");
		if (mjClass && mjClass.parts.some((part) => part.type !== "Text")) return UNKNOWN;
		for (const className of (mjClass?.value ?? "").split(/\s+/u).filter(Boolean)) {
			const value = classes.get(className)?.get("css-class");
			if (value === UNKNOWN) return UNKNOWN;
			if (value) names.push(value);
		}
		if (own?.value) names.push(own.value);
		else if (names.length === 0) {
			const fallback = perTag.get(element.name)?.get("css-class") ?? all.get("css-class");
			if (fallback !== undefined) return fallback;
		}
		return names.join(" ");
	}
}
