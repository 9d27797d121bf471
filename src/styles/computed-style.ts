/**
 * The effective style that decides whether a reader can see an element:
 * whether it is displayed at all, its font size and line height, its text
 * colour and the background behind it, and whether Outlook hides it.
 *
 * What is resolved:
 * - HTML: inline `style`, `<style>` blocks (selector specificity, source
 *   order, `!important`), inherited properties, presentational attributes
 *   (`bgcolor`, `background`, `<font color|size>`, `<body text|link>`,
 *   `hidden`), the browser defaults that matter here (links are blue, not
 *   the parent's colour; headings and `<small>` change the font size) and
 *   backgrounds painted by any ancestor.
 * - MJML: each component's attributes as mjml itself resolves them
 *   (`./mjml-attributes.ts`), the backgrounds of body, wrapper, section,
 *   column and container, and `mj-style` rules that reach a component
 *   through `css-class`.
 *
 * What is not resolved, and so comes back unknown (never "hidden"):
 * - `@media` rules other than plain `screen`/`all` (responsive rules apply
 *   to some screens only); dark mode (`prefers-color-scheme: dark`, Outlook's
 *   and Gmail's colour inversion) and print rules are ignored: we judge the
 *   default light rendering on screen.
 * - Sibling combinators, structural pseudo-classes, `:not()`/`:is()`, class
 *   or style values written as merge tags, `var()` and `calc()`.
 * - Background images (the text may sit on any part of the picture).
 * - Positioning (`position:absolute; left:-9999px`), `text-indent`, `clip`,
 *   `transform`, and how a client rewrites CSS (Gmail dropping a `<style>`
 *   block it cannot parse, Outlook ignoring `display:none` on some tags).
 *
 * Each element's style is computed once (a WeakMap per file, the resolver
 * itself memoised on the source code) from its parent's, so resolving every
 * element of a file is linear in its size.
 */
import type { ElementNode, MergeTagNode, TemplateNode } from "../ast/types.js";
import type { TemplateSourceCode } from "../languages/template-source-code.js";
import { ownValue } from "../own-value.js";
import { BLACK, composite, parseColor, WHITE, type Rgba } from "./colors.js";
import { parseDeclarations, parseStyleSheet, type Declaration, type RuleCondition } from "./css.js";
import { readTokens, splitAtWhitespace, textOf } from "./css-syntax.js";
import {
	DEFAULT_FONT_SIZE,
	fontSizeAttribute,
	plainNumber,
	resolveFontSize,
	resolveLength,
	resolveLineHeight,
} from "./lengths.js";
import { componentBackgrounds, componentStyleAttribute, readMjmlAttributes } from "./mjml-attributes.js";
import { compileSelector, matchSelector, type CompiledSelector, type SelectorContext } from "./selectors.js";
import { attributeStyleValue, UNKNOWN, type StyleValue } from "./style-value.js";
import { getAttribute, hasAttribute } from "../ast/attributes.js";

/** Why an element is not displayed, and which element's style does it. */
export interface Hidden {
	/** The CSS that hides it, e.g. `display:none` or `max-height:0 with overflow:hidden`. */
	reason: string;
	element: ElementNode;
}

export interface ComputedStyle {
	/** Set when the element is not displayed in any client; undefined when it is displayed or we cannot tell. */
	hidden: Hidden | undefined;
	/** The element with `mso-hide: all` that hides this one from Outlook for Windows. */
	msoHidden: ElementNode | undefined;
	/** Font size in px; undefined when unknown. */
	fontSize: number | undefined;
	/** Line height in px; undefined when unknown. */
	lineHeight: number | undefined;
	/** The CSS `color` (may be translucent); undefined when unknown. */
	color: Rgba | undefined;
	/** The opaque colour painted behind the element; undefined when unknown (a background image, a merge tag). */
	background: Rgba | undefined;
	/** The product of the element's and its ancestors' opacity; undefined when unknown. */
	opacity: number | undefined;
	/** The text colour as the reader sees it: `color` with opacity, composited on `background`. */
	textColor: Rgba | undefined;
}

export interface StyleResolver {
	styleOf(element: ElementNode): ComputedStyle;
}

export function getStyles(sourceCode: TemplateSourceCode): StyleResolver {
	return sourceCode.memo(createResolver);
}

/** The properties that decide visibility; all others are dropped while parsing. */
const RELEVANT = new Set([
	"display",
	"visibility",
	"opacity",
	"font-size",
	"line-height",
	"max-height",
	"height",
	"overflow",
	"overflow-y",
	"color",
	"background-color",
	"background-image",
	"mso-hide",
]);

/** Where a declaration comes from, in cascade order (later wins at equal importance). */
const enum Origin {
	Presentational = 0,
	StyleSheet = 1,
	Inline = 2,
}

interface Candidate {
	property: string;
	value: StyleValue;
	important: boolean;
	origin: Origin;
	specificity: number;
	order: number;
	/** False when the rule may or may not apply (a "maybe" selector, a media query, an Outlook-only style block). */
	certain: boolean;
}

interface SheetRule {
	selectors: Array<CompiledSelector | undefined>;
	declarations: ValueDeclaration[];
	condition: RuleCondition;
	certain: boolean;
	order: number;
}

type ValueDeclaration = Omit<Declaration, "value"> & { value: StyleValue };

type LineHeightSpec = { factor: number } | { px: number } | undefined;

interface State extends ComputedStyle {
	/** Display-level hiding, which no descendant can undo (display:none, clipping, opacity:0). */
	blocked: Hidden | undefined;
	visibility: { hidden: boolean; element?: ElementNode } | undefined;
	lineHeightSpec: LineHeightSpec;
	/** The colour links get when they set none (`<body link>` or the browser's blue). */
	linkColor: Rgba | undefined;
}

/** Browsers' unvisited link colour. */
const LINK_BLUE: Rgba = { r: 0, g: 0, b: 238, a: 1 };

const ROOT: State = {
	hidden: undefined,
	blocked: undefined,
	visibility: { hidden: false },
	msoHidden: undefined,
	fontSize: DEFAULT_FONT_SIZE,
	lineHeight: DEFAULT_FONT_SIZE * 1.2,
	lineHeightSpec: { factor: 1.2 },
	color: BLACK,
	background: WHITE,
	opacity: 1,
	textColor: BLACK,
	linkColor: LINK_BLUE,
};

/** Browser default font sizes, as a factor of the parent's. */
const UA_FONT_SCALE: Readonly<Record<string, number>> = {
	h1: 2,
	h2: 1.5,
	h3: 1.17,
	h5: 0.83,
	h6: 0.67,
	small: 1 / 1.2,
	sub: 1 / 1.2,
	sup: 1 / 1.2,
	big: 1.2,
};

function createResolver(sourceCode: TemplateSourceCode): StyleResolver {
	const mjml = sourceCode.format === "mjml" ? readMjmlAttributes(sourceCode) : undefined;
	const sheets = collectStyleSheets(sourceCode);
	const states = new WeakMap<ElementNode, State>();

	const parentOf = (element: ElementNode): ElementNode | undefined => {
		for (let node: TemplateNode | undefined = sourceCode.getParent(element); node; node = sourceCode.getParent(node)) {
			if (node.type === "Element") return node;
			if (node.type === "Document") return undefined;
		}
		return undefined;
	};
	const isComponent = (element: ElementNode) => mjml !== undefined && element.name.startsWith("mj-");
	const mjmlAttribute = (element: ElementNode, name: string): StyleValue | undefined =>
		mjml ? mjml.attribute(element, name) : undefined;
	const selectorContext: SelectorContext = {
		parentOf,
		isComponent,
		classesOf(element) {
			const attribute = isComponent(element) ? mjmlAttribute(element, "css-class") : attributeText(element, "class");
			if (attribute === UNKNOWN) return { classes: new Set(), complete: false };
			return { classes: new Set((attribute ?? "").split(/\s+/u).filter(Boolean)), complete: true };
		},
	};

	function declared(element: ElementNode): Map<string, StyleValue> {
		const candidates: Candidate[] = [];
		if (!isComponent(element)) candidates.push(...presentationalHints(element));
		for (const rule of sheets) {
			let best: "yes" | "maybe" | "no" = "no";
			let specificity = 0;
			for (const selector of rule.selectors) {
				const match = selector ? matchSelector(selector, element, selectorContext) : "maybe";
				if (match === "no") continue;
				const selectorSpecificity = selector?.specificity ?? 0;
				if (match === "yes" && (best !== "yes" || selectorSpecificity > specificity)) {
					best = "yes";
					specificity = selectorSpecificity;
				} else if (best !== "yes") {
					best = "maybe";
					specificity = Math.max(specificity, selectorSpecificity);
				}
			}
			if (best === "no") continue;
			const certain = best === "yes" && rule.certain && rule.condition === "always";
			for (const declaration of rule.declarations) {
				candidates.push({ ...declaration, origin: Origin.StyleSheet, specificity, order: rule.order, certain });
			}
		}
		if (!isComponent(element)) {
			const style = getAttribute(element, "style");
			if (style?.value) {
				for (const declaration of relevantDeclarations(style.value, mergeTagsOf(style.parts))) {
					candidates.push({ ...declaration, origin: Origin.Inline, specificity: 0, order: 0, certain: true });
				}
			}
		}
		return cascade(candidates);
	}

	function compute(element: ElementNode, parent: State): State {
		const values = declared(element);
		const component = isComponent(element);
		const own = (property: string): StyleValue | undefined => values.get(property);
		const componentValue = (name: string): StyleValue | undefined =>
			component && mjml ? componentStyleAttribute(mjml, element, name) : undefined;

		const msoHide = own("mso-hide");
		const msoHidden = typeof msoHide === "string" && msoHide.toLowerCase() === "all" ? element : parent.msoHidden;

		// Opacity multiplies down the tree.
		const opacityValue = own("opacity");
		const ownOpacity =
			opacityValue === undefined ? 1 : opacityValue === UNKNOWN ? undefined : parseOpacity(opacityValue);
		const opacity = parent.opacity === undefined || ownOpacity === undefined ? undefined : parent.opacity * ownOpacity;

		const fontSize = resolveOwnFontSize(element, parent, own("font-size"), componentValue("font-size"));
		const lineHeightSpec = resolveLineHeightSpec(parent, own("line-height"), componentValue("line-height"), fontSize);
		const lineHeight =
			lineHeightSpec === undefined
				? undefined
				: "px" in lineHeightSpec
					? lineHeightSpec.px
					: fontSize === undefined
						? undefined
						: lineHeightSpec.factor * fontSize;

		const blocked =
			parent.blocked ??
			displayNone(element, own("display")) ??
			clipped(element, own, fontSize) ??
			(opacity === 0 && ownOpacity === 0 ? { reason: "opacity:0", element } : undefined);

		const visibilityValue = own("visibility");
		let visibility: State["visibility"] = parent.visibility;
		if (visibilityValue === UNKNOWN) visibility = undefined;
		else if (visibilityValue !== undefined) {
			const keyword = visibilityValue.toLowerCase();
			if (keyword === "hidden" || keyword === "collapse") visibility = { hidden: true, element };
			else if (keyword === "visible") visibility = { hidden: false };
			else if (keyword !== "inherit" && keyword !== "unset") visibility = undefined;
		}

		const linkColor =
			!component && element.name === "body"
				? (legacyColor(attributeText(element, "link")) ?? parent.linkColor)
				: parent.linkColor;
		const color = resolveColor(element, parent, own("color"), componentValue("color"), component);
		const background = resolveBackground(element, parent.background, own);

		const hidden =
			blocked ??
			(visibility?.hidden && visibility.element
				? { reason: "visibility:hidden", element: visibility.element }
				: undefined) ??
			(fontSize === 0 ? { reason: "font-size:0", element: fontSizeOrigin(element, parent, fontSize) } : undefined);

		return {
			hidden,
			blocked,
			visibility,
			msoHidden,
			fontSize,
			lineHeight,
			lineHeightSpec,
			color,
			background,
			opacity,
			textColor: paint(color, opacity, background),
			linkColor,
		};
	}

	function resolveOwnFontSize(
		element: ElementNode,
		parent: State,
		css: StyleValue | undefined,
		attribute: StyleValue | undefined,
	): number | undefined {
		if (attribute !== undefined) return attribute === UNKNOWN ? undefined : resolveFontSize(attribute, parent.fontSize);
		if (css === UNKNOWN) return undefined;
		if (css !== undefined) {
			const keyword = css.toLowerCase();
			if (keyword === "inherit" || keyword === "unset") return parent.fontSize;
			if (keyword === "initial") return DEFAULT_FONT_SIZE;
			return resolveFontSize(css, parent.fontSize);
		}
		// Own keys only: an element may be called `<constructor>`.
		const scale = isComponent(element) ? undefined : ownValue(UA_FONT_SCALE, element.name);
		if (scale !== undefined) return parent.fontSize === undefined ? undefined : parent.fontSize * scale;
		return parent.fontSize;
	}

	function resolveColor(
		element: ElementNode,
		parent: State,
		css: StyleValue | undefined,
		attribute: StyleValue | undefined,
		component: boolean,
	): Rgba | undefined {
		if (attribute !== undefined) return attribute === UNKNOWN ? undefined : parseColor(attribute);
		if (css === UNKNOWN) return undefined;
		if (css !== undefined) {
			const keyword = css.toLowerCase();
			if (keyword === "inherit" || keyword === "currentcolor" || keyword === "unset") return parent.color;
			if (keyword === "initial") return BLACK;
			return parseColor(css, { legacy: true });
		}
		// Browsers give links their own colour instead of the parent's.
		if (!component && element.name === "a" && hasAttribute(element, "href")) return parent.linkColor;
		return parent.color;
	}

	function resolveBackground(
		element: ElementNode,
		below: Rgba | undefined,
		own: (property: string) => StyleValue | undefined,
	): Rgba | undefined {
		let background = below;
		const layer = (value: Rgba | typeof UNKNOWN | undefined) => {
			if (value === undefined) return;
			if (value === UNKNOWN) background = undefined;
			else if (value.a >= 1) background = value;
			else if (value.a > 0) background = background === undefined ? undefined : composite(value, background);
		};
		const image = own("background-image");
		if (image !== undefined) layer(image === UNKNOWN || image.trim().toLowerCase() !== "none" ? UNKNOWN : undefined);
		const color = own("background-color");
		if (color !== undefined) layer(color === UNKNOWN ? UNKNOWN : cssBackgroundColor(color, below));
		if (mjml && isComponent(element)) for (const color of componentBackgrounds(mjml, element)) layer(color);
		return background;
	}

	function fontSizeOrigin(element: ElementNode, parent: State, fontSize: number | undefined): ElementNode {
		// The element that set font-size:0 is where the reader would fix it.
		if (parent.fontSize !== 0 || fontSize !== 0) return element;
		let origin = element;
		for (let ancestor = parentOf(element); ancestor; ancestor = parentOf(ancestor)) {
			if (styleOf(ancestor).fontSize !== 0) break;
			origin = ancestor;
		}
		return origin;
	}

	function styleOf(element: ElementNode): State {
		const cached = states.get(element);
		if (cached) return cached;
		// Compute the uncached ancestors top-down, so deep trees need no recursion.
		const chain: ElementNode[] = [];
		let parentState: State = ROOT;
		for (let current: ElementNode | undefined = element; current; current = parentOf(current)) {
			const known = states.get(current);
			if (known) {
				parentState = known;
				break;
			}
			chain.push(current);
		}
		for (let index = chain.length - 1; index >= 0; index--) {
			const current = chain[index]!;
			parentState = compute(current, parentState);
			states.set(current, parentState);
		}
		return parentState;
	}

	return { styleOf };
}

function cascade(candidates: readonly Candidate[]): Map<string, StyleValue> {
	const byProperty = new Map<string, Candidate[]>();
	for (const candidate of candidates) {
		const list = byProperty.get(candidate.property);
		if (list) list.push(candidate);
		else byProperty.set(candidate.property, [candidate]);
	}
	const result = new Map<string, StyleValue>();
	for (const [property, list] of byProperty) {
		let winner: Candidate | undefined;
		for (const candidate of list) if (candidate.certain && (!winner || outranks(candidate, winner))) winner = candidate;
		// A declaration that might apply and would win makes the value unknown.
		const doubt = list.some((candidate) => !candidate.certain && (!winner || outranks(candidate, winner)));
		result.set(property, doubt || !winner ? UNKNOWN : winner.value);
	}
	return result;
}

function outranks(a: Candidate, b: Candidate): boolean {
	if (a.important !== b.important) return a.important;
	if (a.origin !== b.origin) return a.origin > b.origin;
	if (a.specificity !== b.specificity) return a.specificity > b.specificity;
	return a.order >= b.order;
}

function displayNone(element: ElementNode, value: StyleValue | undefined): Hidden | undefined {
	return typeof value === "string" && value.toLowerCase() === "none" ? { reason: "display:none", element } : undefined;
}

function clipped(
	element: ElementNode,
	own: (property: string) => StyleValue | undefined,
	fontSize: number | undefined,
): Hidden | undefined {
	const overflow = own("overflow-y") ?? own("overflow");
	if (typeof overflow !== "string" || !/^(?:hidden|clip)$/iu.test(overflow.trim())) return undefined;
	for (const property of ["max-height", "height"]) {
		const value = own(property);
		if (typeof value === "string" && resolveLength(value, fontSize, undefined) === 0) {
			return { reason: `${property}:0 with overflow:hidden`, element };
		}
	}
	return undefined;
}

function resolveLineHeightSpec(
	parent: State,
	css: StyleValue | undefined,
	attribute: StyleValue | undefined,
	fontSize: number | undefined,
): LineHeightSpec {
	const value = attribute ?? css;
	if (value === UNKNOWN) return undefined;
	if (value === undefined) return parent.lineHeightSpec;
	const text = value.trim().toLowerCase();
	if (text === "inherit" || text === "unset") return parent.lineHeightSpec;
	if (text === "normal" || text === "initial") return { factor: 1.2 };
	const factor = plainNumber(text);
	if (factor !== undefined) return { factor };
	const px = resolveLineHeight(text, fontSize);
	return px === undefined ? undefined : { px };
}

function parseOpacity(value: string): number | undefined {
	const match = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(%?)$/u.exec(value.trim());
	if (!match) return undefined;
	const number = Number(match[1]) / (match[2] ? 100 : 1);
	return Math.min(Math.max(number, 0), 1);
}

function cssBackgroundColor(value: string, below: Rgba | undefined): Rgba | typeof UNKNOWN | undefined {
	const keyword = value.trim().toLowerCase();
	if (keyword === "transparent" || keyword === "initial" || keyword === "unset" || keyword === "none") return undefined;
	// `inherit` repaints the parent's own background, which is already below.
	if (keyword === "inherit") return below ?? UNKNOWN;
	return parseColor(value, { legacy: true }) ?? UNKNOWN;
}

function paint(color: Rgba | undefined, opacity: number | undefined, background: Rgba | undefined): Rgba | undefined {
	if (!color || opacity === undefined || !background) return undefined;
	// Opacity fades the text towards what is behind it; approximated with the effective background.
	return composite({ ...color, a: color.a * opacity }, background);
}

function legacyColor(value: string | undefined): Rgba | undefined {
	return value === undefined ? undefined : parseColor(value, { legacy: true });
}

function attributeText(element: ElementNode, name: string): string | undefined {
	return getAttribute(element, name)?.value ?? undefined;
}

/** Presentational HTML attributes, which any author CSS overrides. */
function presentationalHints(element: ElementNode): Candidate[] {
	const hints: Candidate[] = [];
	const hint = (property: string, value: StyleValue) =>
		hints.push({
			property,
			value,
			important: false,
			origin: Origin.Presentational,
			specificity: 0,
			order: 0,
			certain: true,
		});
	for (const attribute of element.attributes) {
		const value = attributeStyleValue(attribute);
		switch (attribute.name) {
			case "bgcolor":
				hint("background-color", value === UNKNOWN ? UNKNOWN : normaliseLegacyColor(value));
				break;
			case "background":
				if (value === UNKNOWN || value.trim() !== "") hint("background-image", "url()");
				break;
			case "color":
				if (element.name === "font" || element.name === "basefont")
					hint("color", value === UNKNOWN ? UNKNOWN : normaliseLegacyColor(value));
				break;
			case "text":
				if (element.name === "body") hint("color", value === UNKNOWN ? UNKNOWN : normaliseLegacyColor(value));
				break;
			case "size":
				if (element.name === "font") {
					const px = value === UNKNOWN ? undefined : fontSizeAttribute(value);
					hint("font-size", px === undefined ? UNKNOWN : `${px}px`);
				}
				break;
			case "hidden":
				hint("display", "none");
				break;
			default:
				break;
		}
	}
	return hints;
}

function normaliseLegacyColor(value: string): StyleValue {
	const trimmed = value.trim();
	if (parseColor(trimmed)) return trimmed;
	return parseColor(trimmed, { legacy: true }) ? `#${trimmed}` : UNKNOWN;
}

function mergeTagsOf(parts: ReadonlyArray<{ type: string }>): string[] {
	return parts.filter((part): part is MergeTagNode => part.type === "MergeTag").map((tag) => tag.raw);
}

/** The relevant declarations of a declaration list, shorthands expanded; values holding a merge tag are unknown. */
function relevantDeclarations(text: string, mergeTags: readonly string[]): ValueDeclaration[] {
	return expand(parseDeclarations(text), mergeTags);
}

function expand(declarations: readonly Declaration[], mergeTags: readonly string[]): ValueDeclaration[] {
	const result: ValueDeclaration[] = [];
	for (const declaration of declarations) {
		const tagged = mergeTags.some((tag) => declaration.value.includes(tag));
		const push = (property: string, value: StyleValue) =>
			result.push({ property, value: tagged ? UNKNOWN : value, important: declaration.important });
		if (declaration.property === "background") {
			const { color, image } = splitBackground(declaration.value);
			push("background-image", image);
			push("background-color", color);
		} else if (declaration.property === "font") {
			const { size, lineHeight } = splitFont(declaration.value);
			push("font-size", size);
			push("line-height", lineHeight);
		} else if (RELEVANT.has(declaration.property)) {
			push(declaration.property, declaration.value);
		}
	}
	return result;
}

/** `background: #fff url(x.png) no-repeat` → its colour and whether it has an image. */
function splitBackground(value: string): { color: StyleValue; image: StyleValue } {
	const text = value.trim();
	if (/\b(?:url|image-set|[\w-]*gradient)\s*\(/iu.test(text)) return { color: UNKNOWN, image: "url()" };
	const keyword = text.toLowerCase();
	if (keyword === "none") return { color: "transparent", image: "none" };
	if (keyword === "inherit") return { color: "inherit", image: "none" };
	const list = readTokens(text);
	for (const part of splitAtWhitespace(list, { start: 0, end: list.tokens.length })) {
		const component = textOf(list, part);
		if (parseColor(component)) return { color: component, image: "none" };
	}
	return { color: "transparent", image: "none" };
}

/** `font: bold 12px/1.5 Arial` → `12px` and `1.5` (unknown when it cannot be read). */
function splitFont(value: string): { size: StyleValue; lineHeight: StyleValue } {
	const match =
		/(?:^|\s)((?:\d+(?:\.\d*)?|\.\d+)(?:px|pt|em|rem|%)|xx-small|x-small|small|medium|large|x-large|xx-large)(?:\s*\/\s*(\S+))?/iu.exec(
			value,
		);
	if (!match) return { size: UNKNOWN, lineHeight: UNKNOWN };
	return { size: match[1]!, lineHeight: match[2] ?? "normal" };
}

/** Every `<style>` and `mj-style` block, compiled once per file. */
function collectStyleSheets(sourceCode: TemplateSourceCode): SheetRule[] {
	const rules: SheetRule[] = [];
	let order = 0;
	for (const node of sourceCode.getElements()) {
		if (node.name !== "style" && node.name !== "mj-style") continue;
		if (node.clients === "none") continue;
		const mergeTags: string[] = [];
		const text = node.children
			.map((child) => {
				if (child.type === "Text") return child.value;
				if (child.type === "MergeTag") {
					mergeTags.push(child.raw);
					return child.raw;
				}
				return "";
			})
			.join("");
		for (const rule of parseStyleSheet(text)) {
			const declarations = expand(rule.declarations, mergeTags);
			if (declarations.length === 0) continue;
			rules.push({
				selectors: rule.selectors.map(compileSelector),
				declarations,
				condition: rule.condition,
				// A style block in an Outlook conditional comment applies to some clients only.
				certain: node.clients === "all",
				order: order++,
			});
		}
	}
	return rules;
}
