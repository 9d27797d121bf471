/**
 * CSS text → declarations and rules, through our own forgiving reader
 * (css-syntax.ts): a syntax error drops one declaration or one rule, never
 * the whole block or sheet. Values are kept as text; the resolver interprets
 * only the few properties that decide whether text is visible.
 */
import {
	readBlockContents,
	readRuleList,
	readTokens,
	splitAtCommas,
	textOf,
	type BlockItem,
	type TokenList,
	type TokenRange,
} from "./css-syntax.js";

export interface Declaration {
	/** Lower-cased property name. */
	property: string;
	/** The value as written, trimmed, without `!important`. */
	value: string;
	important: boolean;
}

/** How sure we are that a rule applies, before its selector is matched. */
export type RuleCondition =
	/** Applies in every rendering we judge. */
	| "always"
	/** Applies in some renderings only (`@media (max-width: …)`, `@supports`): a declaration from it makes the property unknown. */
	| "sometimes";

export interface StyleRule {
	/** The selector list as written. */
	selectors: string[];
	declarations: Declaration[];
	condition: RuleCondition;
}

/**
 * Rules nested deeper than this (in `@media`, or CSS Nesting) are ignored: no
 * real template comes close, and it bounds the recursion on hostile input.
 */
const MAX_NESTING = 32;

/** Parses the body of a `style` attribute. Rules and at-rules in it are ignored, as browsers do. */
export function parseDeclarations(text: string): Declaration[] {
	const list = readTokens(text);
	const declarations: Declaration[] = [];
	for (const item of readBlockContents(list, { start: 0, end: list.tokens.length })) {
		if (item.type === "declaration") declarations.push(toDeclaration(list, item));
	}
	return declarations;
}

/**
 * Parses a style sheet into flat rules. Rules in `@media` queries that only
 * narrow the screen (`max-width`, `min-width`…) or `@supports` are kept as
 * "sometimes"; dark-mode and print rules are dropped: we judge the default
 * light rendering on screen, which is what most readers get. A nested rule
 * (CSS Nesting) becomes a rule of its own, its selector written relative to
 * its parent's.
 */
export function parseStyleSheet(text: string): StyleRule[] {
	const list = readTokens(text);
	const rules: StyleRule[] = [];
	collectRuleList(list, readRuleList(list, { start: 0, end: list.tokens.length }, true), "always", 0, rules);
	return rules;
}

function collectRuleList(
	list: TokenList,
	items: readonly BlockItem[],
	condition: RuleCondition,
	depth: number,
	rules: StyleRule[],
): void {
	if (depth > MAX_NESTING) return;
	for (const item of items) {
		if (item.type === "qualified-rule") {
			const selectors = splitAtCommas(list, item.prelude)
				.map((part) => textOf(list, part))
				.filter((selector) => selector !== "");
			collectStyleBlock(list, item.block, selectors, condition, depth + 1, rules);
		} else if (item.type === "at-rule" && item.block) {
			const nested = atRuleCondition(list, item);
			if (nested !== undefined)
				collectRuleList(list, readRuleList(list, item.block, false), combine(condition, nested), depth + 1, rules);
		}
	}
}

/** A style rule's block, or a conditional group rule nested in one (whose declarations apply to the same selectors). */
function collectStyleBlock(
	list: TokenList,
	block: TokenRange,
	selectors: string[],
	condition: RuleCondition,
	depth: number,
	rules: StyleRule[],
): void {
	if (depth > MAX_NESTING) return;
	const rule: StyleRule = { selectors, declarations: [], condition };
	rules.push(rule);
	for (const item of readBlockContents(list, block)) {
		if (item.type === "declaration") rule.declarations.push(toDeclaration(list, item));
		else if (item.type === "qualified-rule")
			collectStyleBlock(list, item.block, nestedSelectors(list, item.prelude, selectors), condition, depth + 1, rules);
		else if (item.block) {
			const nested = atRuleCondition(list, item);
			if (nested !== undefined)
				collectStyleBlock(list, item.block, selectors, combine(condition, nested), depth + 1, rules);
		}
	}
}

function combine(outer: RuleCondition, inner: RuleCondition): RuleCondition {
	return outer === "always" && inner === "always" ? "always" : "sometimes";
}

function atRuleCondition(list: TokenList, rule: BlockItem & { type: "at-rule" }): RuleCondition | undefined {
	const name = rule.name.toLowerCase();
	const prelude = textOf(list, rule.prelude).toLowerCase();
	if (name === "media") {
		if (/prefers-color-scheme\s*:\s*dark/u.test(prelude)) return undefined;
		if (/^(?:only\s+)?print$/u.test(prelude)) return undefined;
		if (/^(?:(?:only\s+)?(?:screen|all))?$/u.test(prelude)) return "always";
		return "sometimes";
	}
	if (name === "supports" || name === "container" || name === "layer") return "sometimes";
	// @font-face, @keyframes, @page, @import, @-ms-viewport…: no rules for elements.
	return undefined;
}

/**
 * The selectors of a nested rule, made absolute: `.x` in `.a, .b` is
 * `.a .x, .b .x`; a `&` stands for `:is(.a, .b)`, a pseudo-class the matcher
 * treats as "maybe".
 */
function nestedSelectors(list: TokenList, prelude: TokenRange, parents: readonly string[]): string[] {
	if (parents.length === 0) return [];
	const selectors: string[] = [];
	for (const part of splitAtCommas(list, prelude)) {
		const relative = textOf(list, part);
		if (relative === "") continue;
		let nesting = false;
		let absolute = "";
		let copied = list.tokens[part.start]!.start;
		for (let index = part.start; index < part.end; index++) {
			const token = list.tokens[index]!;
			if (token.type !== "delim" || token.value !== "&") continue;
			nesting = true;
			absolute += `${list.text.slice(copied, token.start)}:is(${parents.join(", ")})`;
			copied = token.end;
		}
		if (nesting) selectors.push(`${absolute}${list.text.slice(copied, list.tokens[part.end - 1]!.end)}`.trim());
		else for (const parent of parents) selectors.push(`${parent} ${relative}`);
	}
	return selectors;
}

function toDeclaration(list: TokenList, item: BlockItem & { type: "declaration" }): Declaration {
	return { property: item.name.toLowerCase(), value: textOf(list, item.value), important: item.important };
}
