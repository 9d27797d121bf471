/**
 * Generic template variables whose name says they are an unsubscribe,
 * opt-out or preference-centre link (`{{ unsubscribe_url }}`,
 * `{{ afmeldlink }}`), whatever the ESP: the catalogue lists each ESP's own
 * tags; this recognises a sender's own variable by its words.
 */
import type { MergeTagSyntax } from "../../ast/types.js";
import { variableWords } from "../personal-data-fields.js";
import { normalizeExpression } from "./matcher.js";

/**
 * Folded stems that name an unsubscribe or opt-out in a variable name, in any
 * supported language; `=` marks a whole word (`unsub` but not `unsubmitted`,
 * `baja` but not `bajar`). A stem may span up to three words of the name
 * (`opt_out`, `profile_center`, `manage_subscription`).
 */
const UNSUBSCRIBE_NAME_STEMS = [
	"unsubscri",
	"=unsub",
	"optout",
	"afmeld",
	"uitschrijf",
	"uitschrijv",
	"abmeld",
	"abbestell",
	"=austragen",
	"desabonn",
	"desinscri",
	"desuscri",
	"=baja",
	"disiscri",
	"descadastr",
	"wypisz",
	"wypisanie",
	"rezygnacja",
	"avregistrer",
	"avprenumerer",
	"avanmal",
	"frameld",
];
/** Stems that name a preference centre. */
const PREFERENCE_NAME_STEMS = [
	"preference",
	"=prefs",
	"prefcent",
	"managesubscription",
	"subscriptioncent",
	"subscriptionpreference",
	"profilecent",
	"voorkeuren",
	"preferencias",
	"preferenze",
	"preferencje",
	"preferenser",
	"praeferencer",
	"emailsettings",
];
/** Words that make an unsubscribe-ish name a state rather than a link. */
const STATE_WORDS = new Set(["unsubscribed", "unsubscribes", "unsubscribers", "unsubscriber", "unsubscribing"]);
/** Words after the stem that make the variable a number, a flag or a label rather than a link. */
const NOT_A_LINK_AFTER = new Set([
	"count",
	"counts",
	"rate",
	"rates",
	"total",
	"totals",
	"number",
	"num",
	"date",
	"at",
	"on",
	"time",
	"timestamp",
	"reason",
	"reasons",
	"status",
	"state",
	"flag",
	"stats",
	"text",
	"label",
	"title",
	"copy",
	"caption",
	"heading",
	"id",
	"ids",
	"language",
	"lang",
	"locale",
	"timezone",
	"frequency",
	"format",
	"enabled",
	"disabled",
	"allowed",
	"visible",
]);
/** Words before the stem that make the variable a flag or a number. */
const NOT_A_LINK_BEFORE = new Set([
	"is",
	"has",
	"was",
	"did",
	"can",
	"should",
	"show",
	"hide",
	"enable",
	"disable",
	"allow",
	"num",
	"count",
	"total",
]);
/** Liquid/Jinja/HubL keywords that open a control structure rather than output a value. */
const CONTROL_KEYWORDS = new Set([
	"if",
	"elsif",
	"elif",
	"else",
	"unless",
	"for",
	"endfor",
	"endif",
	"endunless",
	"case",
	"when",
	"assign",
	"set",
	"capture",
	"endcapture",
	"with",
	"macro",
	"call",
	"include",
	"render",
	"comment",
	"raw",
	"block",
	"extends",
	"import",
	"from",
]);

/** The variable an expression outputs: its first token, or `undefined` for comments, partials, blocks and control tags. */
function outputIdentifier(syntax: MergeTagSyntax, expression: string): string | undefined {
	const normalized = normalizeExpression(syntax, expression);
	if (normalized === "" || /^[#/!>^&=@]/u.test(normalized)) return undefined;
	const head = /^[\p{L}\p{N}_$.:{}[\]'"-]+/u.exec(normalized)?.[0];
	if (head === undefined) return undefined;
	if (syntax === "curly-percent" && CONTROL_KEYWORDS.has(head.toLowerCase())) return undefined;
	return head;
}

function stemMatches(joined: string, stem: string): boolean {
	return stem.startsWith("=") ? joined === stem.slice(1) : joined.startsWith(stem);
}

/** The first run of words (at most three) that a stem names, shortest run first. */
function findStem(words: readonly string[], stems: readonly string[]): { start: number; end: number } | undefined {
	for (let start = 0; start < words.length; start++) {
		let joined = "";
		for (let end = start; end < Math.min(words.length, start + 3); end++) {
			joined += words[end] ?? "";
			if (stems.some((stem) => stemMatches(joined, stem))) return { start, end };
		}
	}
	return undefined;
}

/**
 * A generic template variable whose name says it is an unsubscribe, opt-out
 * or preference-centre link, in any supported language: `{{ UnsubscribeURL }}`,
 * `{{unsubscribe_url}}`, `{{ afmeldlink }}`, `%%unsub_center_url%%`,
 * `{{ links.unsubscribe }}`. Not: `{{ subscribe_url }}`, `{{ unsubscribe_count }}`,
 * `{{ is_unsubscribed }}`, `{{ unsubscribe_text }}`, `{% if unsubscribe_url %}`.
 */
export function isGenericUnsubscribeVariable(tag: { syntax: MergeTagSyntax; expression: string }): boolean {
	const identifier = outputIdentifier(tag.syntax, tag.expression);
	if (identifier === undefined) return false;
	const words = variableWords(identifier);
	if (words.some((word) => STATE_WORDS.has(word))) return false;
	const found = findStem(words, UNSUBSCRIBE_NAME_STEMS) ?? findStem(words, PREFERENCE_NAME_STEMS);
	if (found === undefined) return false;
	const before = words.slice(0, found.start);
	const after = words.slice(found.end + 1);
	return !after.some((word) => NOT_A_LINK_AFTER.has(word)) && !before.some((word) => NOT_A_LINK_BEFORE.has(word));
}
