import type { MergeTagSyntax } from "../ast/types.js";
import type { TemplateEngine } from "./engines.js";
import { blankMergeTags, findMergeTags, type MergeTagMatch } from "./merge-tags.js";

/**
 * Finds the tags of a template engine in a file written for it, by the
 * engine's own delimiters: `{{ … }}` and `{% … %}` end at their closing
 * delimiter whatever they hold (`{% if a < b %}`, `{{> footer}}`,
 * `<%= link_to "x", url %>`), where the ESP merge-tag patterns, made for
 * tags dropped into plain HTML, stop at a `<`. Comments (`{# … #}`,
 * `{{!-- … --}}`, `{{/* … *\/}}`, `<%# … %>`, `{% comment %}…{% endcomment %}`)
 * are output by no engine: they become hidden spans, masked like Outlook's
 * conditional markers, so markup commented out in them is not read as mail.
 *
 * Every search is an `indexOf` from where the previous tag ended, and a
 * closing delimiter that is not found is not looked for again, so a file
 * full of unclosed `{{` stays linear.
 */
export interface TemplateScan {
	/** Tags, sorted and disjoint: the engine's own and any ESP merge tags between them. */
	tags: MergeTagMatch[];
	/** Comments: text that no engine outputs. Sorted, disjoint, never overlapping a tag. */
	hidden: Span[];
}

export interface Span {
	start: number;
	end: number;
}

type Family = "curly" | "jinja" | "liquid" | "go" | "erb";

const FAMILY: Readonly<Record<TemplateEngine, Family>> = {
	handlebars: "curly",
	mustache: "curly",
	jinja: "jinja",
	twig: "jinja",
	liquid: "liquid",
	go: "go",
	erb: "erb",
};

/** Openers per family, longest first: the first that matches at a position decides. */
interface Delimiter {
	open: string;
	close: string;
	/** A comment: hidden, no merge tag. */
	comment?: boolean;
	syntax: MergeTagSyntax;
}

const CURLY: readonly Delimiter[] = [
	{ open: "{{!--", close: "--}}", comment: true, syntax: "double-curly" },
	{ open: "{{!", close: "}}", comment: true, syntax: "double-curly" },
	{ open: "{{{", close: "}}}", syntax: "triple-curly" },
	{ open: "{{", close: "}}", syntax: "double-curly" },
];

const JINJA: readonly Delimiter[] = [
	{ open: "{#", close: "#}", comment: true, syntax: "curly-percent" },
	{ open: "{{", close: "}}", syntax: "double-curly" },
	{ open: "{%", close: "%}", syntax: "curly-percent" },
];

/** Liquid has no `{# #}`: a `{#` in a Liquid file is text (a CSS id selector in a style attribute, say). */
const LIQUID: readonly Delimiter[] = JINJA.slice(1);

const GO: readonly Delimiter[] = [
	{ open: "{{/*", close: "*/}}", comment: true, syntax: "double-curly" },
	{ open: "{{- /*", close: "*/ -}}", comment: true, syntax: "double-curly" },
	{ open: "{{", close: "}}", syntax: "double-curly" },
];

const ERB: readonly Delimiter[] = [
	{ open: "<%#", close: "%>", comment: true, syntax: "erb" },
	{ open: "<%", close: "%>", syntax: "erb" },
];

const DELIMITERS: Readonly<Record<Family, readonly Delimiter[]>> = {
	curly: CURLY,
	jinja: JINJA,
	liquid: LIQUID,
	go: GO,
	erb: ERB,
};

/** The first character of every opener of a family, to find the next candidate. */
const OPENER_START: Readonly<Record<Family, RegExp>> = {
	curly: /\{\{/gu,
	jinja: /\{[{%#]/gu,
	liquid: /\{[{%]/gu,
	go: /\{\{/gu,
	erb: /<%/gu,
};

/** Block tags whose content the engine does not read as template: comments are dropped, raw blocks are output as written. */
const COMMENT_BLOCK = /^comment\b/u;
const RAW_BLOCK = /^(?:raw|verbatim)\b/u;

export function scanEngineTags(text: string, engine: TemplateEngine): TemplateScan {
	const family = FAMILY[engine];
	const delimiters = DELIMITERS[family];
	const opener = new RegExp(OPENER_START[family].source, "gu");
	const tags: MergeTagMatch[] = [];
	const hidden: Span[] = [];
	/** Closing delimiters known to occur nowhere after some position: never searched for again. */
	const exhausted = new Set<string>();
	let position = 0;
	while (position < text.length) {
		opener.lastIndex = position;
		const candidate = opener.exec(text);
		if (!candidate) break;
		const start = candidate.index;
		const delimiter = delimiters.find((each) => text.startsWith(each.open, start));
		if (!delimiter || exhausted.has(delimiter.close)) {
			position = start + 1;
			continue;
		}
		// `<%%` is ERB's escaped `<%`, output as text.
		if (family === "erb" && text[start + 2] === "%") {
			position = start + 3;
			continue;
		}
		const close = text.indexOf(delimiter.close, start + delimiter.open.length);
		if (close === -1) {
			exhausted.add(delimiter.close);
			position = start + 1;
			continue;
		}
		const end = close + delimiter.close.length;
		if (delimiter.comment) {
			hidden.push({ start, end });
			position = end;
			continue;
		}
		const expression = innerExpression(text.slice(start + delimiter.open.length, close), family);
		if (delimiter.syntax === "curly-percent" && (COMMENT_BLOCK.test(expression) || RAW_BLOCK.test(expression))) {
			const word = COMMENT_BLOCK.test(expression) ? "comment" : expression.startsWith("raw") ? "raw" : "verbatim";
			const blockEnd = findEndTag(text, end, `end${word}`);
			if (blockEnd) {
				if (word === "comment") {
					hidden.push({ start, end: blockEnd.end });
				} else {
					// The raw text between is output as written: markup, never tags.
					tags.push({ start, end, syntax: delimiter.syntax, expression });
					tags.push({ start: blockEnd.start, end: blockEnd.end, syntax: delimiter.syntax, expression: `end${word}` });
				}
				position = blockEnd.end;
				continue;
			}
		}
		tags.push({ start, end, syntax: delimiter.syntax, expression });
		position = end;
	}
	return { tags: withMergeTagsBetween(text, tags, hidden), hidden };
}

/** The expression between the delimiters, without whitespace control (`{%-`, `~}}`, `{%+`) or ERB's output markers (`<%=`, `<%==`, `<%-`). */
function innerExpression(inner: string, family: Family): string {
	let expression = inner.trim();
	if (family === "erb") expression = expression.replace(/^(?:==?|-)/u, "").replace(/-$/u, "");
	else expression = expression.replace(/^[-~+]/u, "").replace(/[-~+]$/u, "");
	return expression.trim();
}

/** `{% endcomment %}` (or `{%- endraw -%}`…) at or after `from`. */
function findEndTag(text: string, from: number, word: string): Span | undefined {
	const pattern = new RegExp(String.raw`\{%[-+~]?\s*${word}\s*[-+~]?%\}`, "gu");
	pattern.lastIndex = from;
	const found = pattern.exec(text);
	return found ? { start: found.index, end: found.index + found[0].length } : undefined;
}

/**
 * ESP merge tags written between the engine's own (`*|UNSUB|*` in a Jinja
 * file sent through Mailchimp): looked for in the text with the engine tags
 * and comments blanked, so the two never overlap and offsets stay exact.
 */
function withMergeTagsBetween(text: string, tags: MergeTagMatch[], hidden: readonly Span[]): MergeTagMatch[] {
	const taken = [...tags, ...hidden].sort((a, b) => a.start - b.start);
	const others = findMergeTags(blankMergeTags(text, taken));
	if (others.length === 0) return tags;
	return [...tags, ...others].sort((a, b) => a.start - b.start);
}
