/**
 * Whether a reader can see each opt-out of the mail: not hidden by CSS, in a
 * readable font size, in a colour that stands out from its background, and
 * for which mail clients (Outlook conditional comments, `mso-hide:all`).
 */
import type { ChildNode, ClientScope, ElementNode } from "../ast/types.js";
import type { TemplateSourceCode } from "../languages/template-source-code.js";
import { contrastRatio, toHex } from "../styles/colors.js";
import { getStyles, type ComputedStyle, type Hidden } from "../styles/computed-style.js";
import { isRendered, textContent } from "./text.js";
import type { OptOut } from "./unsubscribe-links.js";

export type VisibilityProblem =
	| { kind: "hidden"; reason: string; element: ElementNode | undefined; preheader: boolean }
	| { kind: "small"; fontSize: number }
	| { kind: "contrast"; ratio: number; foreground: string; background: string };

export interface ClientGroups {
	outlook: boolean;
	others: boolean;
}

export interface OptOutVisibility {
	optOut: OptOut;
	/** Undefined when the opt-out is readable, or when we cannot tell (unknown is not hidden). */
	problem: VisibilityProblem | undefined;
	/** Which clients render it at all. */
	shownIn: ClientGroups;
	/** The element that keeps it from Outlook (`mso-hide:all`), if any. */
	msoHiddenBy: ElementNode | undefined;
}

export interface VisibilityThresholds {
	minFontSize: number;
	minContrast: number;
}

/** Problems from mildest to worst: when a link has several text pieces, the reader sees the best one. */
const SEVERITY: Readonly<Record<VisibilityProblem["kind"], number>> = { contrast: 1, small: 2, hidden: 3 };

export function judgeVisibility(
	sourceCode: TemplateSourceCode,
	optOut: OptOut,
	page: ElementNode | undefined,
	thresholds: VisibilityThresholds,
	preheaderText: string | undefined,
): OptOutVisibility {
	const styles = getStyles(sourceCode);
	const carrier = optOut.element;
	const clients: ClientScope = optOut.kind === "text-tag" ? optOut.tag.clients : optOut.element.clients;
	const msoHiddenBy = carrier ? styles.styleOf(carrier).msoHidden : undefined;
	const shownIn: ClientGroups = {
		outlook: (clients === "all" || clients === "mso-only") && msoHiddenBy === undefined,
		others: clients === "all" || clients === "non-mso",
	};
	if (clients === "none") {
		return {
			optOut,
			problem: {
				kind: "hidden",
				reason: "it sits in an <!--[if !mso]> comment that no client renders",
				element: undefined,
				preheader: false,
			},
			shownIn,
			msoHiddenBy,
		};
	}
	if (!carrier) return { optOut, problem: undefined, shownIn, msoHiddenBy };

	// The ESP renders tag and element opt-outs with its own link colour: only their size and display are ours to judge.
	const judgeColour = optOut.kind === "link";
	const holders = optOut.kind === "text-tag" ? [carrier] : textHolders(carrier);
	let best: VisibilityProblem | undefined;
	let first = true;
	for (const holder of holders.length > 0 ? holders : [carrier]) {
		const style = styles.styleOf(holder);
		const problem = problemOf(style.hidden, holders.length > 0 ? style : undefined, judgeColour, thresholds);
		if (!problem) return { optOut, problem: undefined, shownIn, msoHiddenBy };
		if (first || SEVERITY[problem.kind] < SEVERITY[best!.kind]) best = problem;
		first = false;
	}
	if (best?.kind === "hidden" && best.element && page)
		best.preheader = isPreheader(best.element, page, preheaderText, textContent(carrier));
	return { optOut, problem: best, shownIn, msoHiddenBy };
}

function problemOf(
	hidden: Hidden | undefined,
	style: Pick<ComputedStyle, "fontSize" | "textColor" | "background"> | undefined,
	judgeColour: boolean,
	{ minFontSize, minContrast }: VisibilityThresholds,
): VisibilityProblem | undefined {
	if (hidden) return { kind: "hidden", reason: hidden.reason, element: hidden.element, preheader: false };
	if (!style) return undefined;
	if (style.fontSize !== undefined && style.fontSize < minFontSize) return { kind: "small", fontSize: style.fontSize };
	if (judgeColour && style.textColor && style.background) {
		const ratio = contrastRatio(style.textColor, style.background);
		if (ratio < minContrast)
			return { kind: "contrast", ratio, foreground: toHex(style.textColor), background: toHex(style.background) };
	}
	return undefined;
}

/** The elements that directly hold the link's text: its words are painted in their style. */
function textHolders(element: ElementNode): ElementNode[] {
	const holders: ElementNode[] = [];
	const visit = (parent: ElementNode) => {
		let holds = false;
		for (const child of parent.children as ChildNode[]) {
			if ((child.type === "Text" && child.value.trim() !== "") || child.type === "MergeTag") holds = true;
			else if (child.type === "Element" && isRendered(child)) visit(child);
		}
		if (holds) holders.push(parent);
	};
	visit(element);
	return holders;
}

const PREHEADER_NAME = /pre-?header|preview/iu;

/**
 * A hidden block is the preheader (the preview line inbox lists show) when
 * it is named so, holds the campaign's preheader text, or opens the mail
 * with text of its own (more than the link) before the visible content.
 */
function isPreheader(
	hidden: ElementNode,
	page: ElementNode,
	preheaderText: string | undefined,
	linkText: string,
): boolean {
	const names = hidden.attributes.filter(
		(attribute) => attribute.name === "class" || attribute.name === "id" || attribute.name === "css-class",
	);
	if (names.some((attribute) => PREHEADER_NAME.test(attribute.value ?? ""))) return true;
	const text = textContent(hidden);
	if (text === "") return false;
	if (preheaderText && text.toLowerCase().includes(preheaderText.trim().toLowerCase())) return true;
	const pageText = textContent(page);
	return text.length > linkText.length && pageText.length > text.length && pageText.startsWith(text);
}
