/**
 * CSS text → declarations and rules, through css-tree (a real, forgiving CSS
 * parser: a syntax error drops one declaration, never the whole block).
 * Values are kept as text (`parseValue: false`); the resolver interprets only
 * the few properties that decide whether text is visible.
 */
import { generate, parse, walk, type Atrule, type CssNode, type Declaration as CssDeclaration, type Rule } from "css-tree";

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

/** Parses the body of a `style` attribute. */
export function parseDeclarations(text: string): Declaration[] {
	const declarations: Declaration[] = [];
	const ast = parse(text, { context: "declarationList", parseValue: false, positions: false });
	walk(ast, {
		visit: "Declaration",
		enter(node: CssDeclaration) {
			declarations.push(toDeclaration(node));
		},
	});
	return declarations;
}

/**
 * Parses a style sheet into flat rules. Rules in `@media` queries that only
 * narrow the screen (`max-width`, `min-width`…) or `@supports` are kept as
 * "sometimes"; dark-mode and print rules are dropped: we judge the default
 * light rendering on screen, which is what most readers get.
 */
export function parseStyleSheet(text: string): StyleRule[] {
	const rules: StyleRule[] = [];
	const ast = parse(text, { parseValue: false, parseAtrulePrelude: false, parseRulePrelude: false, positions: false });
	collectRules(ast, "always", rules);
	return rules;
}

function collectRules(node: CssNode, condition: RuleCondition, rules: StyleRule[]): void {
	if (node.type === "StyleSheet" || node.type === "Block") {
		node.children.forEach(child => collectRules(child, condition, rules));
		return;
	}
	if (node.type === "Rule") {
		rules.push(toRule(node, condition));
		return;
	}
	if (node.type === "Atrule" && node.block) {
		const nested = atRuleCondition(node);
		if (nested === undefined) return;
		collectRules(node.block, nested === "always" && condition === "always" ? "always" : "sometimes", rules);
	}
}

function atRuleCondition(node: Atrule): RuleCondition | undefined {
	const name = node.name.toLowerCase();
	const prelude = node.prelude ? generate(node.prelude).toLowerCase().trim() : "";
	if (name === "media") {
		if (/prefers-color-scheme\s*:\s*dark/u.test(prelude)) return undefined;
		if (/^(?:only\s+)?print$/u.test(prelude)) return undefined;
		if (/^(?:(?:only\s+)?(?:screen|all))?$/u.test(prelude)) return "always";
		return "sometimes";
	}
	if (name === "supports" || name === "container" || name === "layer") return "sometimes";
	// @font-face, @keyframes, @page, @import…: no rules for elements.
	return undefined;
}

function toRule(node: Rule, condition: RuleCondition): StyleRule {
	const prelude = generate(node.prelude);
	const declarations: Declaration[] = [];
	walk(node.block, {
		visit: "Declaration",
		enter(declaration: CssDeclaration) {
			declarations.push(toDeclaration(declaration));
		},
	});
	return { selectors: splitSelectorList(prelude), declarations, condition };
}

/** Splits `a, b[x=","]` at top-level commas only. */
function splitSelectorList(prelude: string): string[] {
	const selectors: string[] = [];
	let depth = 0;
	let quote: string | undefined;
	let start = 0;
	for (let index = 0; index < prelude.length; index++) {
		const char = prelude[index]!;
		if (quote) {
			if (char === "\\") index++;
			else if (char === quote) quote = undefined;
		} else if (char === '"' || char === "'") quote = char;
		else if (char === "(" || char === "[") depth++;
		else if (char === ")" || char === "]") depth--;
		else if (char === "," && depth === 0) {
			selectors.push(prelude.slice(start, index).trim());
			start = index + 1;
		}
	}
	selectors.push(prelude.slice(start).trim());
	return selectors.filter(selector => selector !== "");
}

function toDeclaration(node: CssDeclaration): Declaration {
	return {
		property: node.property.toLowerCase(),
		value: generate(node.value).trim(),
		important: node.important !== false,
	};
}
