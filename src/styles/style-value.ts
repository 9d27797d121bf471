/**
 * A declared style value as the style code reads it: the text as written, or
 * `UNKNOWN` when it cannot be known before sending (it holds a merge tag, or a
 * rule may or may not apply). Unknown never counts as hidden.
 */
import type { AttributeNode } from "../ast/types.js";

export const UNKNOWN = Symbol("unknown");
export type StyleValue = string | typeof UNKNOWN;

/** An attribute's value as written; unknown when part of it is a merge tag. */
export function attributeStyleValue(attribute: AttributeNode): StyleValue {
	return attribute.parts.every((part) => part.type === "Text") ? (attribute.value ?? "") : UNKNOWN;
}
