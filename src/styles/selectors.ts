/**
 * A small selector matcher for the CSS that e-mail templates use: type,
 * universal, class, id and attribute selectors, joined by descendant or
 * child combinators. The selector is read with our CSS tokenizer
 * (css-syntax.ts) after the grammar of Selectors Level 4.
 *
 * Anything this matcher cannot decide from the template alone (sibling
 * combinators, structural pseudo-classes, `:not()`, a namespace prefix other
 * than `*|`, the nesting selector `&`, a class written as a merge tag, a type
 * selector against an MJML component whose rendered tags we do not see)
 * matches "maybe". The resolver turns a "maybe" into an unknown value, and an
 * unknown value never makes text count as hidden.
 */
import type { ElementNode } from "../ast/types.js";
import { readTokens, type Token, type TokenList } from "./css-syntax.js";
import { getAttribute, hasAttribute } from "../ast/attributes.js";

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
const STATE_PSEUDO_CLASSES: ReadonlySet<string> = new Set([
	"hover",
	"focus",
	"active",
	"visited",
	"focus-within",
	"focus-visible",
	"target",
	"checked",
]);

/** Pseudo-elements CSS 2 wrote with one colon; they count and match as pseudo-elements. */
const LEGACY_PSEUDO_ELEMENTS: ReadonlySet<string> = new Set(["before", "after", "first-line", "first-letter"]);

const ATTRIBUTE_MATCHER_PREFIXES: ReadonlySet<string> = new Set(["~", "|", "^", "$", "*"]);

/** Counts for the specificity. */
interface Counts {
	ids: number;
	classes: number;
	types: number;
}

/**
 * Compiles one selector (no commas); undefined when it is not a valid
 * selector, including an unclosed bracket or string (the rule then matches
 * "maybe").
 */
export function compileSelector(text: string): CompiledSelector | undefined {
	const list = readTokens(text);
	const { tokens } = list;
	let index = 0;
	let end = tokens.length;
	while (index < end && tokens[index]!.type === "whitespace") index++;
	while (end > index && tokens[end - 1]!.type === "whitespace") end--;
	if (index === end) return undefined;
	const steps: Step[] = [];
	const counts: Counts = { ids: 0, classes: 0, types: 0 };
	let combinator: Step["combinator"];
	for (;;) {
		const compound = emptyCompound();
		const next = readCompound(list, index, end, compound, counts);
		if (next === undefined || next === index) return undefined;
		steps.push(combinator ? { compound, combinator } : { compound });
		index = next;
		if (index === end) break;
		let spaced = false;
		while (tokens[index]!.type === "whitespace") {
			index++;
			spaced = true;
		}
		const token = tokens[index]!;
		if (isDelim(token, ">") || isDelim(token, "+") || isDelim(token, "~")) {
			combinator = token.value as Step["combinator"];
			index++;
			while (index < end && tokens[index]!.type === "whitespace") index++;
		} else if (spaced) combinator = " ";
		else return undefined;
		// A trailing combinator.
		if (index === end) return undefined;
	}
	return { steps, specificity: counts.ids * 1_000_000 + counts.classes * 1_000 + counts.types };
}

function isDelim(token: Token | undefined, character: string): boolean {
	return token !== undefined && token.type === "delim" && token.value === character;
}

function isNameOrStar(token: Token | undefined): boolean {
	return token !== undefined && (token.type === "ident" || isDelim(token, "*"));
}

/**
 * A namespace-qualified name at `index` (`a`, `*`, `ns|a`, `*|a`, `|a`):
 * the name token's index and whether the prefix is one we cannot decide (all
 * but `*|`, which is any namespace). Undefined when there is none.
 */
function readQualifiedName(
	tokens: readonly Token[],
	index: number,
	end: number,
): { name: number; next: number; undecided: boolean } | undefined {
	const first = tokens[index];
	if (index < end && isDelim(first, "|") && index + 1 < end && isNameOrStar(tokens[index + 1]))
		return { name: index + 1, next: index + 2, undecided: true };
	if (index >= end || !isNameOrStar(first)) return undefined;
	if (index + 2 < end && isDelim(tokens[index + 1], "|") && isNameOrStar(tokens[index + 2])) {
		return { name: index + 2, next: index + 3, undecided: !isDelim(first, "*") };
	}
	return { name: index, next: index + 1, undecided: false };
}

/** Reads one compound selector into `compound`; returns the index after it, or undefined when it is invalid. */
function readCompound(
	list: TokenList,
	start: number,
	end: number,
	compound: Compound,
	counts: Counts,
): number | undefined {
	const { tokens, close } = list;
	let index = start;
	const qualified = readQualifiedName(tokens, index, end);
	if (qualified) {
		const name = tokens[qualified.name]!;
		if (name.type === "ident") {
			compound.type = name.value.toLowerCase();
			counts.types++;
		}
		if (qualified.undecided) compound.pseudo = lower(compound.pseudo, "maybe");
		index = qualified.next;
	}
	while (index < end) {
		const token = tokens[index]!;
		if (token.type === "hash") {
			if (!token.id) return undefined;
			compound.ids.push(token.value);
			counts.ids++;
			index++;
		} else if (isDelim(token, ".")) {
			const name = tokens[index + 1];
			if (index + 1 >= end || name!.type !== "ident") return undefined;
			compound.classes.push(name!.value);
			counts.classes++;
			index += 2;
		} else if (token.type === "[") {
			const closing = close[index]!;
			if (closing >= end) return undefined;
			const test = readAttribute(list, index + 1, closing, compound);
			if (!test) return undefined;
			compound.attributes.push(test);
			counts.classes++;
			index = closing + 1;
		} else if (token.type === "colon") {
			const next = readPseudo(list, index, end, compound, counts);
			if (next === undefined) return undefined;
			index = next;
		} else if (isDelim(token, "&")) {
			// The nesting selector: whatever the parent rule matched.
			compound.pseudo = lower(compound.pseudo, "maybe");
			index++;
		} else break;
	}
	return index;
}

/** `:name`, `:name(…)`, `::name`, `::name(…)`; arguments are skipped. Returns the index after it. */
function readPseudo(
	list: TokenList,
	colon: number,
	end: number,
	compound: Compound,
	counts: Counts,
): number | undefined {
	const { tokens, close } = list;
	const element = colon + 1 < end && tokens[colon + 1]!.type === "colon";
	const at = element ? colon + 2 : colon + 1;
	const token = tokens[at];
	if (at >= end || !token) return undefined;
	let next: number;
	if (token.type === "ident") next = at + 1;
	else if (token.type === "function") {
		if (close[at]! >= end) return undefined;
		next = close[at]! + 1;
	} else return undefined;
	const name = token.value.toLowerCase();
	if (element || (token.type === "ident" && LEGACY_PSEUDO_ELEMENTS.has(name))) {
		counts.types++;
		// ::first-line styles the element's own text; the others style generated or UI content.
		compound.pseudo = lower(compound.pseudo, name === "first-line" || name === "first-letter" ? "maybe" : "no");
		return next;
	}
	counts.classes++;
	if (token.type === "ident" && (name === "link" || name === "any-link")) compound.link = true;
	else if (token.type === "ident" && name === "root") compound.root = true;
	else
		compound.pseudo = lower(compound.pseudo, token.type === "ident" && STATE_PSEUDO_CLASSES.has(name) ? "no" : "maybe");
	return next;
}

/** The inside of `[…]`: a name, optionally a matcher, a value (ident or string) and an `i` or `s` flag. */
function readAttribute(list: TokenList, start: number, end: number, compound: Compound): AttributeTest | undefined {
	const { tokens } = list;
	const skipWhitespace = (at: number) => {
		while (at < end && tokens[at]!.type === "whitespace") at++;
		return at;
	};
	let index = skipWhitespace(start);
	const qualified = readQualifiedName(tokens, index, end);
	if (!qualified || tokens[qualified.name]!.type !== "ident") return undefined;
	if (qualified.undecided) compound.pseudo = lower(compound.pseudo, "maybe");
	const name = tokens[qualified.name]!.value.toLowerCase();
	index = skipWhitespace(qualified.next);
	if (index === end) return { name, matcher: null, value: null, caseInsensitive: false };
	let matcher: string;
	const operator = tokens[index]!;
	if (isDelim(operator, "=")) {
		matcher = "=";
		index++;
	} else if (
		operator.type === "delim" &&
		ATTRIBUTE_MATCHER_PREFIXES.has(operator.value) &&
		index + 1 < end &&
		isDelim(tokens[index + 1], "=")
	) {
		matcher = `${operator.value}=`;
		index += 2;
	} else return undefined;
	index = skipWhitespace(index);
	const value = tokens[index];
	if (index >= end || !value || (value.type !== "ident" && value.type !== "string")) return undefined;
	index = skipWhitespace(index + 1);
	let caseInsensitive = false;
	if (index < end) {
		const flag = tokens[index]!;
		const modifier = flag.type === "ident" ? flag.value.toLowerCase() : "";
		if (modifier !== "i" && modifier !== "s") return undefined;
		caseInsensitive = modifier === "i";
		index = skipWhitespace(index + 1);
	}
	if (index !== end) return undefined;
	return { name, matcher, value: value.value, caseInsensitive };
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
		if (component)
			result = lower(result, element.name === "mj-button" || element.name === "mj-navbar-link" ? "yes" : "maybe");
		else if (element.name !== "a" || !hasAttribute(element, "href")) return "no";
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
	const attribute = getAttribute(element, name);
	if (!attribute) return undefined;
	return { text: attribute.value ?? "", complete: attribute.parts.every((part) => part.type === "Text") };
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
