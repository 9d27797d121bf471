/**
 * What an engine tag does to the composition of a mail, read from the tag
 * as written (nothing is executed): include another file here, inherit a
 * layout, open or close a block or definition, mark where a layout takes
 * its child's content. Tags that only output data or control flow are
 * `undefined`: they stay in the mail as merge tags.
 */
import type { MergeTagMatch } from "../merge-tags.js";
import type { TemplateEngine } from "../engines.js";

export type Directive =
	/** `{% include "x" %}`, `{% render 'x' %}`, `{{> x}}`, `{{ template "x" . }}`, `<%= render "x" %>`: another file's output in place. */
	| { kind: "include"; name: string }
	/** `{% extends "x" %}`, `{% layout 'x' %}`: this file's blocks placed in the layout `x`. */
	| { kind: "extends"; name: string }
	/** A file chosen at send time (`{% include template_name %}`, `{{> (lookup . 'x')}}`): out of sight. */
	| { kind: "dynamic"; what: string; layout?: true }
	/** `{% block x %}`, Go `{{ block "x" . }}`: a named, overridable region (Liquid's unnamed `{% block %}` takes the child's content). */
	| { kind: "block"; name: string }
	/** Go `{{ define "x" }}`, Handlebars `{{#*inline "x"}}`: a definition, output only where it is called. */
	| { kind: "define"; name: string }
	/** Handlebars `{{#> layout}}`: the partial `layout`, with this block's content at its `{{> @partial-block}}`. */
	| { kind: "partial-block"; name: string }
	/** Where a layout places its child's content: `{{> @partial-block}}`, `{{ content_for_layout }}`, `{{{@content}}}`. */
	| { kind: "slot" }
	/** `{{ super() }}`, `{{ parent() }}`: the overridden block's content from the layout. */
	| { kind: "super" }
	/**
	 * Twig `{% embed "x" %}…{% endembed %}`, Mustache `{{< x}}…{{/x}}`: the file `x` in place, with
	 * the blocks written inside the tag pair (`{% block %}`, `{{$name}}`) overriding its own.
	 */
	| { kind: "embed"; name: string }
	/**
	 * Jinja, Nunjucks, Twig `{% import "x" as ns %}`, `{% from "x" import a, b as c %}`: macros of
	 * file `x` in reach, by namespace or by their (local) names. Writes nothing itself.
	 */
	| { kind: "import"; name: string; namespace?: string; macros?: ReadonlyMap<string, string> }
	/** `{{ footer() }}`, `{{ m.footer(args) }}`: a call that writes a macro's output, when it names one in reach. */
	| { kind: "call"; name: string; namespace?: string }
	/** The end of a block, definition or partial block (`{% endblock %}`, `{{/layout}}`, Go's `{{ end }}` of a define). */
	| { kind: "end"; name?: string }
	/** A Go `if`/`range`/`with` or a Handlebars `{{#each}}`: only counted, so that `{{ end }}` or `{{/each}}` closes the right group. */
	| { kind: "group"; name: string };

/** A name in double, single or back quotes: three groups, one of which matches. */
const QUOTED_NAME = String.raw`"([^"]+)"|'([^']+)'|\x60([^\x60]+)\x60`;
const QUOTED = `(?:${QUOTED_NAME})`;
const quoted = (match: RegExpExecArray, from = 1) => match[from] ?? match[from + 1] ?? match[from + 2];

const JINJA_INCLUDE = new RegExp(String.raw`^include\s+${QUOTED}`, "u");
const JINJA_EXTENDS = new RegExp(String.raw`^extends\s+${QUOTED}`, "u");
const JINJA_EMBED = new RegExp(String.raw`^embed\s+${QUOTED}`, "u");
const JINJA_IMPORT = new RegExp(String.raw`^import\s+${QUOTED}\s+as\s+(\w+)\s*$`, "u");
const JINJA_FROM_IMPORT = new RegExp(String.raw`^from\s+${QUOTED}\s+import\s(.+)$`, "u");
/** `footer()`, `m.footer(year)`, `m.footer() | safe`: a macro call as the whole output. */
const MACRO_CALL = /^(\w+)(?:\.(\w+))?\s*\([^()]*\)\s*(?:\|\s*\w+\s*)?$/u;
const TWIG_INCLUDE_FUNCTION = new RegExp(String.raw`^include\(\s*${QUOTED}`, "u");
const LIQUID_INCLUDE = new RegExp(String.raw`^(?:include|render)\s+${QUOTED}`, "u");
/** Jekyll writes the file name bare: `{% include footer.html %}`. */
const LIQUID_BARE_INCLUDE = /^include\s+([\w./-]+\.\w+)(?=\s|$)/u;
const LIQUID_LAYOUT = new RegExp(String.raw`^layout\s+${QUOTED}`, "u");
const HANDLEBARS_PARTIAL = new RegExp(String.raw`^>\s*(?:${QUOTED_NAME}|([^\s()"'\x60]+))`, "u");
const HANDLEBARS_PARTIAL_BLOCK = new RegExp(String.raw`^#>\s*(?:${QUOTED_NAME}|([^\s()"'\x60]+))`, "u");
const MUSTACHE_PARENT = new RegExp(String.raw`^<\s*(?:${QUOTED_NAME}|([^\s()"'\x60]+))\s*$`, "u");
const MUSTACHE_BLOCK = /^\$\s*([\w.-]+)\s*$/u;
const HANDLEBARS_INLINE = new RegExp(String.raw`^#\*inline\s+${QUOTED}`, "u");
const GO_CALL = new RegExp(String.raw`^template\s+${QUOTED}`, "u");
const GO_DEFINE = new RegExp(String.raw`^define\s+${QUOTED}`, "u");
const GO_BLOCK = new RegExp(String.raw`^block\s+${QUOTED}`, "u");
const ERB_RENDER = new RegExp(String.raw`^render\s*(?:\(\s*)?(?:partial:\s*)?${QUOTED}`, "u");

/** The directive a tag carries in a file written for `engine`, if any. */
export function directiveOf(tag: MergeTagMatch, engine: TemplateEngine): Directive | undefined {
	const expression = tag.expression;
	switch (engine) {
		case "jinja":
		case "twig":
			return tag.syntax === "curly-percent" ? jinjaStatement(expression) : jinjaOutput(expression, engine);
		case "liquid":
			return tag.syntax === "curly-percent" ? liquidStatement(expression) : liquidOutput(expression);
		case "handlebars":
		case "mustache":
			return handlebars(expression, tag.syntax);
		case "go":
			return go(expression);
		case "erb":
			return erb(expression);
		default:
			return undefined;
	}
}

function jinjaStatement(expression: string): Directive | undefined {
	let match: RegExpExecArray | null;
	if ((match = JINJA_EXTENDS.exec(expression))) return { kind: "extends", name: quoted(match)! };
	if (/^extends\b/u.test(expression)) return { kind: "dynamic", what: "a layout named by a variable", layout: true };
	if ((match = JINJA_INCLUDE.exec(expression))) return { kind: "include", name: quoted(match)! };
	if (/^include\b/u.test(expression)) return { kind: "dynamic", what: "an include named by a variable" };
	// A macro's output is written where it is called (`{{ forms.field(…) }}`): its file is read at the import.
	if ((match = JINJA_IMPORT.exec(expression))) return { kind: "import", name: quoted(match)!, namespace: match[4]! };
	if ((match = JINJA_FROM_IMPORT.exec(expression))) {
		const macros = importedNames(match[4]!);
		if (macros) return { kind: "import", name: quoted(match)!, macros };
	}
	if (/^(?:import|from)\s/u.test(expression))
		return { kind: "dynamic", what: "an import of macros from a file named by a variable" };
	if ((match = JINJA_EMBED.exec(expression))) return { kind: "embed", name: quoted(match)! };
	if (/^embed\b/u.test(expression)) return { kind: "dynamic", what: "an embed of a template named by a variable" };
	if (/^endembed\b/u.test(expression)) return { kind: "end", name: "embed" };
	const macro = /^macro\s+(\w+)\s*\(/u.exec(expression);
	if (macro) return { kind: "define", name: macro[1]! };
	if (/^endmacro\b/u.test(expression)) return { kind: "end", name: "macro" };
	const block = /^block\s+(\w+)/u.exec(expression);
	if (block) return { kind: "block", name: block[1]! };
	if (/^endblock\b/u.test(expression)) return { kind: "end", name: "block" };
	return undefined;
}

function jinjaOutput(expression: string, engine: TemplateEngine): Directive | undefined {
	if (/^(?:super|parent)\(\s*\)$/u.test(expression)) return { kind: "super" };
	const match = engine === "twig" ? TWIG_INCLUDE_FUNCTION.exec(expression) : null;
	if (match) return { kind: "include", name: quoted(match)! };
	// Any function call may be a macro's; composition writes it as a plain tag when no macro of that name is in reach.
	const call = MACRO_CALL.exec(expression);
	if (call) return call[2] ? { kind: "call", namespace: call[1]!, name: call[2] } : { kind: "call", name: call[1]! };
	return undefined;
}

/** `a, b as c` → local name → macro name; undefined when the list is not plain names. */
function importedNames(written: string): Map<string, string> | undefined {
	const names = new Map<string, string>();
	const list = written.replace(/\s(?:with|without) context\s*$/u, "");
	for (const item of list.split(",")) {
		const match = /^\s*(\w+)(?:\s+as\s+(\w+))?\s*$/u.exec(item);
		if (!match) return undefined;
		names.set(match[2] ?? match[1]!, match[1]!);
	}
	return names.size > 0 ? names : undefined;
}

function liquidStatement(expression: string): Directive | undefined {
	let match: RegExpExecArray | null;
	if ((match = LIQUID_LAYOUT.exec(expression))) return { kind: "extends", name: quoted(match)! };
	if (/^layout\s+none\b/u.test(expression)) return undefined;
	if (/^layout\b/u.test(expression)) return { kind: "dynamic", what: "a layout named by a variable", layout: true };
	if ((match = LIQUID_INCLUDE.exec(expression))) return { kind: "include", name: quoted(match)! };
	if ((match = LIQUID_BARE_INCLUDE.exec(expression))) return { kind: "include", name: match[1]! };
	if (/^(?:include|render)\b/u.test(expression)) return { kind: "dynamic", what: "an include named by a variable" };
	const block = /^block(?:\s+(\w+))?\s*$/u.exec(expression);
	if (block) return block[1] ? { kind: "block", name: block[1] } : { kind: "slot" };
	if (/^endblock\b/u.test(expression)) return { kind: "end", name: "block" };
	return undefined;
}

function liquidOutput(expression: string): Directive | undefined {
	return /^content_for_layout$/u.test(expression) ? { kind: "slot" } : undefined;
}

function handlebars(expression: string, syntax: MergeTagMatch["syntax"]): Directive | undefined {
	if (syntax === "triple-curly") return /^@content$/u.test(expression) ? { kind: "slot" } : undefined;
	let match: RegExpExecArray | null;
	if (/^>\s*@partial-block$/u.test(expression)) return { kind: "slot" };
	if ((match = HANDLEBARS_PARTIAL.exec(expression))) return { kind: "include", name: quoted(match) ?? match[4]! };
	if (/^>/u.test(expression)) return { kind: "dynamic", what: "a partial chosen at send time" };
	if ((match = HANDLEBARS_PARTIAL_BLOCK.exec(expression)))
		return { kind: "partial-block", name: quoted(match) ?? match[4]! };
	if (/^#>/u.test(expression)) return { kind: "dynamic", what: "a partial chosen at send time" };
	if ((match = HANDLEBARS_INLINE.exec(expression))) return { kind: "define", name: quoted(match)! };
	// Mustache inheritance: `{{< parent}}` embeds `parent` with the `{{$block}}`s inside it overriding the parent's.
	if ((match = MUSTACHE_PARENT.exec(expression))) return { kind: "embed", name: quoted(match) ?? match[4]! };
	if ((match = MUSTACHE_BLOCK.exec(expression))) return { kind: "block", name: match[1]! };
	const open = /^#\*?\s*([\w-]+)/u.exec(expression);
	if (open) return { kind: "group", name: open[1]! };
	const close = /^\/\s*([^\s}]+)/u.exec(expression);
	if (close) return { kind: "end", name: close[1]! };
	return undefined;
}

function go(expression: string): Directive | undefined {
	let match: RegExpExecArray | null;
	if ((match = GO_CALL.exec(expression))) return { kind: "include", name: quoted(match)! };
	if ((match = GO_DEFINE.exec(expression))) return { kind: "define", name: quoted(match)! };
	if ((match = GO_BLOCK.exec(expression))) return { kind: "block", name: quoted(match)! };
	if (/^(?:if|range|with)\b/u.test(expression)) return { kind: "group", name: "end" };
	if (expression === "end") return { kind: "end" };
	return undefined;
}

function erb(expression: string): Directive | undefined {
	const match = ERB_RENDER.exec(expression);
	if (match) return { kind: "include", name: quoted(match)! };
	if (/^render\b/u.test(expression)) return { kind: "dynamic", what: "a partial named by a variable" };
	if (/^yield\b/u.test(expression)) return { kind: "slot" };
	return undefined;
}
