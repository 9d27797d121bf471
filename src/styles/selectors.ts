/**
 * A small selector matcher for the CSS that e-mail templates use: type,
 * universal, class, id and attribute selectors, joined by descendant or
 * child combinators. css-tree parses the selector; it has no matcher.
 *
 * Anything this matcher cannot decide from the template alone (sibling
 * combinators, structural pseudo-classes, `:not()`, a class written as a
 * merge tag, a type selector against an MJML component whose rendered tags
 * we do not see) matches "maybe". The resolver turns a "maybe" into an
 * unknown value, and an unknown value never makes text count as hidden.
 */
import { parse, type CssNode, type Selector } from "css-tree";
import type { ElementNode } from "../ast/types.js";

export type Match = "yes" | "maybe" | "no";

export interface SelectorContext {
	/** The parent element, or undefined at the top. */
	parentOf(element: ElementNode): ElementNode | undefined;
	/** The element's classes; `complete` is false when part of the class list is a merge tag. */
	classesOf(element: ElementNode): { classes: ReadonlySet<string>; complete: boolean };
	/** An MJML component (`mj-text`), rendered into tags the template does not show. */
	isComponent(element: ElementNode): boolean;
}

interface AttributeTest {
	name: string;
	matcher: string | null;
	value: string | null;
	caseInsensitive: boolean;
}

interface Compound {
	type?: string;
	ids: string[];
	classes: string[];
	attributes: AttributeTest[];
	/** Pseudo-classes and -elements: "no" when the element at rest never matches (`:hover`, `::before`), "maybe" when we cannot tell. */
	pseudo: Match;
	/** `:link`: matches links with an `href`. */
	link: boolean;
	/** `:root`. */
	root: boolean;
}

interface Step {
	compound: Compound;
	/** The combinator between this compound and the one to its left. */
	combinator?: " " | ">" | "+" | "~";
}

export interface CompiledSelector {
	steps: Step[];
	/** [ids, classes/attributes/pseudo-classes, types/pseudo-elements], packed for comparison. */
	specificity: number;
}

/** Dynamic states a template at rest is never in. */
const STATE_PSEUDO_CLASSES: ReadonlySet<string> = new Set(["hover", "focus", "active", "visited", "focus-within", "focus-visible", "target", "checked"]);

/** Compiles one selector (no commas); undefined when css-tree cannot parse it (the rule then matches "maybe"). */
export function compileSelector(text: string): CompiledSelector | undefined {
	let ast: CssNode;
	try {
		ast = parse(text, { context: "selector", positions: false });
	} catch {
		return undefined;
	}
	if (ast.type !== "Selector") return undefined;
	return compileNode(ast);
}

function compileNode(selector: Selector): CompiledSelector | undefined {
	const steps: Step[] = [];
	let current = emptyCompound();
	let pendingCombinator: Step["combinator"];
	let ids = 0;
	let classes = 0;
	let types = 0;
	let ok = true;
	const push = () => {
		steps.push(pendingCombinator ? { compound: current, combinator: pendingCombinator } : { compound: current });
		current = emptyCompound();
	};
	let hasContent = false;
	selector.children.forEach(child => {
		switch (child.type) {
			case "Combinator": {
				if (!hasContent) {
					ok = false;
					return;
				}
				push();
				hasContent = false;
				const name = child.name.trim() || " ";
				pendingCombinator = name === ">" || name === "+" || name === "~" ? name : " ";
				return;
			}
			case "TypeSelector":
				hasContent = true;
				if (child.name !== "*") {
					current.type = child.name.toLowerCase();
					types++;
				}
				return;
			case "IdSelector":
				hasContent = true;
				current.ids.push(child.name);
				ids++;
				return;
			case "ClassSelector":
				hasContent = true;
				current.classes.push(child.name);
				classes++;
				return;
			case "AttributeSelector":
				hasContent = true;
				current.attributes.push({
					name: child.name.name.toLowerCase(),
					matcher: child.matcher,
					value: child.value ? (child.value.type === "String" ? child.value.value : child.value.name) : null,
					caseInsensitive: (child.flags ?? "").toLowerCase() === "i",
				});
				classes++;
				return;
			case "PseudoClassSelector": {
				hasContent = true;
				const name = child.name.toLowerCase();
				classes++;
				if (name === "link" || name === "any-link") current.link = true;
				else if (name === "root") current.root = true;
				else current.pseudo = lower(current.pseudo, STATE_PSEUDO_CLASSES.has(name) ? "no" : "maybe");
				return;
			}
			case "PseudoElementSelector": {
				hasContent = true;
				const name = child.name.toLowerCase();
				types++;
				// ::first-line styles the element's own text; the others style generated or UI content.
				current.pseudo = lower(current.pseudo, name === "first-line" || name === "first-letter" ? "maybe" : "no");
				return;
			}
			default:
				// Nesting selectors (`&`) and anything newer: cannot decide.
				hasContent = true;
				current.pseudo = lower(current.pseudo, "maybe");
		}
	});
	if (!ok || !hasContent) return undefined;
	push();
	return { steps, specificity: ids * 1_000_000 + classes * 1_000 + types };
}

function emptyCompound(): Compound {
	return { ids: [], classes: [], attributes: [], pseudo: "yes", link: false, root: false };
}

function lower(a: Match, b: Match): Match {
	if (a === "no" || b === "no") return "no";
	if (a === "maybe" || b === "maybe") return "maybe";
	return "yes";
}

/** Whether `selector` matches `element`. */
export function matchSelector(selector: CompiledSelector, element: ElementNode, context: SelectorContext): Match {
	return matchFrom(selector.steps, selector.steps.length - 1, element, context);
}

function matchFrom(steps: readonly Step[], index: number, element: ElementNode, context: SelectorContext): Match {
	const step = steps[index]!;
	const own = matchCompound(step.compound, element, context);
	if (own === "no" || index === 0) return own;
	switch (step.combinator) {
		case ">": {
			const parent = context.parentOf(element);
			return parent ? lower(own, matchFrom(steps, index - 1, parent, context)) : "no";
		}
		case "+":
		case "~":
			// Siblings: not modelled.
			return lower(own, "maybe");
		default: {
			let best: Match = "no";
			for (let ancestor = context.parentOf(element); ancestor; ancestor = context.parentOf(ancestor)) {
				const result = matchFrom(steps, index - 1, ancestor, context);
				if (result === "yes") return own;
				if (result === "maybe") best = "maybe";
			}
			return lower(own, best);
		}
	}
}

function matchCompound(compound: Compound, element: ElementNode, context: SelectorContext): Match {
	let result: Match = compound.pseudo;
	if (result === "no") return "no";
	const component = context.isComponent(element);
	if (compound.type !== undefined) {
		if (component) result = lower(result, "maybe");
		else if (compound.type !== element.name) return "no";
	}
	if (compound.root) {
		if (component) result = lower(result, "maybe");
		else if (element.name !== "html") return "no";
	}
	if (compound.link) {
		if (component) result = lower(result, element.name === "mj-button" || element.name === "mj-navbar-link" ? "yes" : "maybe");
		else if (element.name !== "a" || !element.attributes.some(attribute => attribute.name === "href")) return "no";
	}
	for (const id of compound.ids) {
		if (component) return "no";
		const value = attributeValue(element, "id");
		if (value === undefined) return "no";
		if (value.text !== id) {
			if (value.complete) return "no";
			result = lower(result, "maybe");
		}
	}
	if (compound.classes.length > 0) {
		const { classes, complete } = context.classesOf(element);
		for (const name of compound.classes) {
			if (classes.has(name)) continue;
			if (complete) return "no";
			result = lower(result, "maybe");
		}
	}
	for (const test of compound.attributes) {
		if (component) {
			result = lower(result, "maybe");
			continue;
		}
		const value = attributeValue(element, test.name);
		if (value === undefined) return "no";
		const outcome = matchAttribute(test, value.text);
		if (outcome) continue;
		if (value.complete) return "no";
		result = lower(result, "maybe");
	}
	return result;
}

function attributeValue(element: ElementNode, name: string): { text: string; complete: boolean } | undefined {
	const attribute = element.attributes.find(candidate => candidate.name === name);
	if (!attribute) return undefined;
	return { text: attribute.value ?? "", complete: attribute.parts.every(part => part.type === "Text") };
}

function matchAttribute(test: AttributeTest, actual: string): boolean {
	if (test.matcher === null || test.value === null) return true;
	const value = test.caseInsensitive ? test.value.toLowerCase() : test.value;
	const text = test.caseInsensitive ? actual.toLowerCase() : actual;
	switch (test.matcher) {
		case "=":
			return text === value;
		case "~=":
			return text.split(/\s+/u).includes(value);
		case "|=":
			return text === value || text.startsWith(`${value}-`);
		case "^=":
			return value !== "" && text.startsWith(value);
		case "$=":
			return value !== "" && text.endsWith(value);
		case "*=":
			return value !== "" && text.includes(value);
		default:
			return false;
	}
}
