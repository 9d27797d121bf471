import type { AttributeNode, ElementNode } from "./types.js";

/**
 * An element's attribute by name. Names are stored lower-cased by the parser,
 * so `name` is given in lower case; the first of duplicates wins, as in browsers.
 */
export function getAttribute(element: ElementNode, name: string): AttributeNode | undefined {
	return element.attributes.find((attribute) => attribute.name === name);
}

/** Whether the element carries the attribute at all, with or without a value (`<input checked>`). */
export function hasAttribute(element: ElementNode, name: string): boolean {
	return getAttribute(element, name) !== undefined;
}
