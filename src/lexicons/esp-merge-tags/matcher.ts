/**
 * Template merge tags matched against the ESP catalogue (`./catalogue.ts`):
 * which ESPs' tag a tag is and in which role, Campaign Monitor's tag
 * elements, and the configured ESP's equivalent for a suggestion.
 *
 * Catalogue tags are split with the tokenizer's own delimiter table, so a
 * tag's expression is the text between the delimiters, trimmed, exactly as
 * in `MergeTagNode` (src/ast/types.ts).
 */
import type { MergeTagSyntax } from "../../ast/types.js";
import type { Esp } from "../../campaign/types.js";
import { ownValue } from "../../own-value.js";
import { MERGE_TAG_DELIMITERS } from "../../template/merge-tags.js";
import { ESP_CATALOGUE, type EspDefinition, type EspTagDefinition, type TagMatch, type TagRole } from "./catalogue.js";

/* ------------------------------------------------------------------------ */
/* Splitting tag text and normalising expressions                           */
/* ------------------------------------------------------------------------ */

/** The tokenizer's delimiters, longest opening first: the order a tag's text is tried in (`{{{` before `{{` before `{`). */
const DELIMITERS: ReadonlyArray<readonly [open: string, close: string, syntax: MergeTagSyntax]> = (
	Object.entries(MERGE_TAG_DELIMITERS) as Array<[MergeTagSyntax, readonly [string, string]]>
)
	.map(([syntax, [open, close]]) => [open, close, syntax] as const)
	.sort((a, b) => b[0].length - a[0].length);

/** Splits a tag written in the catalogue into its syntax and trimmed expression. */
export function splitTagText(text: string): { syntax: MergeTagSyntax; expression: string } {
	for (const [open, close, syntax] of DELIMITERS) {
		if (text.startsWith(open) && text.endsWith(close) && text.length >= open.length + close.length) {
			return { syntax, expression: text.slice(open.length, text.length - close.length).trim() };
		}
	}
	throw new Error(`Not a merge tag: ${text}`);
}

const CURLY_SYNTAXES: ReadonlySet<MergeTagSyntax> = new Set(["triple-curly", "double-curly", "curly-percent"]);

/**
 * The expression reduced to what identifies the tag: whitespace collapsed,
 * Handlebars/Liquid whitespace control (`{{- x -}}`, `{{~ x ~}}`) and output
 * filters (`| escape`) removed, Braze's `${name}` unwrapped to `${name}` even
 * when a tokeniser left a brace on either side.
 */
export function normalizeExpression(syntax: MergeTagSyntax, expression: string): string {
	let text = expression.replace(/\s+/gu, " ").trim();
	if (CURLY_SYNTAXES.has(syntax)) {
		text = text.replace(/^[-~]/u, "").replace(/[-~]$/u, "").trim();
		const pipe = text.indexOf("|");
		if (pipe !== -1) text = text.slice(0, pipe).trim();
	}
	const braze = /^\{?\$\{ ?([\w.]+) ?\}{0,2}$/u.exec(text);
	if (braze !== null) text = `\${${braze[1] ?? ""}}`;
	return text;
}

interface CompiledTag {
	esp: Esp;
	definition: EspTagDefinition;
	syntaxes: ReadonlySet<MergeTagSyntax>;
	/** The normalised expression, lower-cased when the tag is case-insensitive. */
	name: string;
	/** What separates the name from arguments. */
	separator: string;
	caseInsensitive: boolean;
	args: "none" | "optional" | "required";
	/** Mailjet's per-locale variables: the name is a prefix followed by a locale code. */
	localeSuffix: boolean;
}

function compileTag(definition: EspDefinition, tag: EspTagDefinition): CompiledTag {
	const { syntax, expression } = splitTagText(tag.text);
	const caseInsensitive = tag.caseInsensitive ?? definition.caseInsensitive;
	const normalized = normalizeExpression(syntax, expression);
	const args = tag.args ?? "none";
	// The catalogue writes the argument in the example text; the name is what comes before it.
	const separator = syntax === "mailchimp" ? ":" : " ";
	const name = args === "none" ? normalized : (normalized.split(separator)[0] ?? normalized);
	const localeSuffix = /^UNSUB_LINK_[A-Z]{2}$/u.test(name);
	const key = localeSuffix ? "UNSUB_LINK_" : name;
	return {
		esp: definition.esp,
		definition: tag,
		syntaxes: new Set([syntax, ...(tag.alsoSyntaxes ?? [])]),
		name: caseInsensitive ? key.toLowerCase() : key,
		separator,
		caseInsensitive,
		args,
		localeSuffix,
	};
}

const COMPILED_TAGS: readonly CompiledTag[] = Object.values(ESP_CATALOGUE).flatMap((definition) =>
	definition.tags.map((tag) => compileTag(definition, tag)),
);

function tagMatches(tag: CompiledTag, syntax: MergeTagSyntax, normalized: { text: string; lower: string }): boolean {
	if (!tag.syntaxes.has(syntax)) return false;
	const text = tag.caseInsensitive ? normalized.lower : normalized.text;
	if (tag.localeSuffix)
		return text.startsWith(tag.name) && /^[a-z]{2}(?:_[a-z]{2})?$/iu.test(text.slice(tag.name.length));
	if (text === tag.name) return tag.args !== "required";
	if (tag.args === "none") return false;
	return text.startsWith(tag.name + tag.separator);
}

function findTags(tag: { syntax: MergeTagSyntax; expression: string }): CompiledTag[] {
	const text = normalizeExpression(tag.syntax, tag.expression);
	// Lower-cased once, not once per catalogue entry: a long expression would be copied hundreds of times.
	const normalized = { text, lower: text.toLowerCase() };
	return COMPILED_TAGS.filter((compiled) => tagMatches(compiled, tag.syntax, normalized));
}

/**
 * Which ESPs' tags this merge tag is, with its role for each. A tag can
 * belong to several ESPs (`{{ unsubscribe }}` is Brevo; `[unsubscribe]` is
 * Campaign Monitor). An empty result means no ESP in the catalogue uses it.
 */
export function classifyMergeTag(tag: { syntax: MergeTagSyntax; expression: string }): TagMatch[] {
	const seen = new Set<string>();
	const matches: TagMatch[] = [];
	for (const compiled of findTags(tag)) {
		const key = `${compiled.esp}\u0000${compiled.definition.role}`;
		if (seen.has(key)) continue;
		seen.add(key);
		matches.push({ esp: compiled.esp, role: compiled.definition.role });
	}
	return matches;
}

/** Campaign Monitor style tags written as HTML elements (`<unsubscribe>…</unsubscribe>`). */
export function classifyEspElement(elementName: string): TagMatch[] {
	const name = elementName.toLowerCase();
	const matches: TagMatch[] = [];
	for (const definition of Object.values(ESP_CATALOGUE)) {
		const role = definition.elements && ownValue(definition.elements, name);
		if (role !== undefined) matches.push({ esp: definition.esp, role });
	}
	return matches;
}

/* ------------------------------------------------------------------------ */
/* Suggestions                                                              */
/* ------------------------------------------------------------------------ */

/** Every tag the ESP documents for a role, the default first. */
export function equivalentTags(targetEsp: Esp, role: TagRole): string[] {
	return ESP_CATALOGUE[targetEsp].tags.filter((tag) => tag.role === role).map((tag) => tag.text);
}

/**
 * The configured ESP's tag for the same role, for the `esp-merge-tags` rule's
 * suggestion: keeps what the source tag renders (a bare URL for `href`, or a
 * whole link) when the target has such a tag, else its default (the first in
 * the catalogue; see `defaultNote`). `undefined` when the ESP has no tag for the role.
 */
export function suggestEquivalent(
	tag: { syntax: MergeTagSyntax; expression: string },
	targetEsp: Esp,
	role: TagRole,
): string | undefined {
	const candidates = ESP_CATALOGUE[targetEsp].tags.filter((candidate) => candidate.role === role);
	if (candidates.length === 0) return undefined;
	const source = findTags(tag).find((compiled) => compiled.definition.role === role && compiled.esp !== targetEsp);
	const renders = source?.definition.renders ?? "url";
	const fitting = candidates.find((candidate) => {
		const candidateRenders = candidate.renders ?? "url";
		return candidateRenders === renders || candidateRenders === "either" || renders === "either";
	});
	return (fitting ?? candidates[0])?.text;
}
