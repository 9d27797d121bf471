import { isSignupPage } from "../src/analyses/signup-form.js";
import type { ElementNode, MergeTagNode, Range, SourceLocation, TemplateNode, TextNode } from "../src/ast/types.js";
import { LineIndex } from "../src/ast/line-index.js";
import type { Esp } from "../src/campaign/types.js";
import { ruleDocsUrl } from "../src/rule-docs.js";
import {
	findUnbalancedTags,
	hasTagDelimiter,
	namesUnsubscribe,
	strayDelimiter,
} from "../src/analyses/unbalanced-merge-tags.js";
import type { UnbalancedTag } from "../src/analyses/unbalanced-merge-tags.js";
import { ESP_CATALOGUE } from "../src/lexicons/esp-merge-tags/catalogue.js";
import { espRendersCurlyTags } from "../src/lexicons/esp-merge-tags/esp-behaviour.js";
import {
	classifyEspElement,
	classifyMergeTag,
	normalizeExpression,
	suggestEquivalent,
} from "../src/lexicons/esp-merge-tags/matcher.js";
import type { TagMatch, TagRole } from "../src/lexicons/esp-merge-tags/catalogue.js";
import { TemplateSourceCode } from "../src/languages/template-source-code.js";
import { EmlSourceCode } from "../src/languages/eml-source-code.js";
import type { MessageRuleDefinition } from "../src/types.js";
import type { MessageVariableNode, TextPartNode } from "../src/text-message/ast.js";
import { partRange } from "../src/text-message/text-part.js";
import { blankMergeTags } from "../src/template/merge-tags.js";
import { textLoc, type TextMessageCode } from "../src/analyses/message-text.js";
import { cite } from "../src/legal/cite.js";

type MessageIds = "foreignTag" | "foreignElement" | "unbalanced" | "strayDelimiter" | "useTag" | "notWhatsAppVariable";

/** Elements whose text is CSS or script, where braces and percent signs are code, not tags. */
const CODE_ELEMENTS: ReadonlySet<string> = new Set(["style", "script", "mj-style"]);

/** Handlebars/Liquid/Jinja syntaxes that generic template engines share with many ESPs. */
const SHARED_SYNTAXES: ReadonlySet<MergeTagNode["syntax"]> = new Set(["double-curly", "triple-curly"]);

const ROLE_WORDS: Readonly<Record<TagRole, string>> = {
	unsubscribe: "unsubscribe",
	preferences: "preference-centre",
	address: "postal-address",
	company: "company-name",
	"view-online": "web-version",
};

const lineIndexOf = (sourceCode: TemplateSourceCode): LineIndex => new LineIndex(sourceCode.text);

/**
 * A merge tag only works in the ESP that fills it in. This rule reports tags
 * of another ESP (an unsubscribe tag of the wrong ESP is a broken unsubscribe
 * link) and tags whose delimiters do not match, which no ESP fills in.
 */
const rule: MessageRuleDefinition<{ RuleOptions: []; MessageIds: MessageIds }> = {
	meta: {
		type: "problem",
		hasSuggestions: true,
		docs: {
			description: "Report merge tags that belong to another ESP than the campaign's, or whose delimiters do not match",
			url: ruleDocsUrl("esp-merge-tags"),
			fix: "Use your ESP's own merge tags, with complete delimiters.",
			citations: ["meta-whatsapp-template-components"],
			recommended: true,
		},
		messages: {
			foreignTag: "{{tag}} is {{owners}}'s {{role}} tag; {{esp}} does not replace it, so {{consequence}}. {{advice}}",
			foreignElement:
				"<{{element}}> is {{owners}}'s {{role}} tag; {{esp}} does not replace it, so {{consequence}}. {{advice}}",
			unbalanced:
				"Merge tag {{text}} is not closed properly, so no ESP replaces it and recipients see it as written{{consequence}}.{{advice}}",
			strayDelimiter:
				"The {{character}} {{side}} {{tag}} makes it part of a broken tag ({{written}}), which recipients see as written{{consequence}}. Remove the stray {{character}} or complete the tag's delimiters.",
			useTag: "Replace with {{replacement}}.",
			notWhatsAppVariable:
				"{{tag}} is no WhatsApp variable, so recipients see it as written: write a numbered {{numbered}} or named {{named}} variable with an example ({{law}}).",
		},
		schema: [],
		languages: ["mailcomply/mjml", "mailcomply/html", "mailcomply/text", "mailcomply/sms", "mailcomply/whatsapp"],
	},

	create(context) {
		const sourceCode = context.sourceCode as TemplateSourceCode;
		// A sign-up page is a web page: its `{{ }}` belong to the site's template engine, not to an ESP.
		if (context.sourceCode instanceof TemplateSourceCode && isSignupPage(sourceCode)) return {};
		const { campaign } = (context.sourceCode as TemplateSourceCode | TextMessageCode).getCampaign(context.settings);
		const esp: Esp | undefined = campaign.esp === "other" ? undefined : campaign.esp;

		/** A broken tag, where it is; with a suggestion to write it whole where `range` may be edited. */
		const reportBroken = (tag: UnbalancedTag, loc: SourceLocation, range: Range | undefined): void => {
			const balanced = tag.balanced;
			context.report({
				loc,
				messageId: "unbalanced",
				data: {
					text: quote(tag.text),
					consequence: unbalancedConsequence(tag),
					advice: balanced
						? ` Write ${quote(balanced)}.`
						: ` Close it with the ${closerOf(tag.syntax)} that matches its opener.`,
				},
				suggest:
					balanced && range
						? [
								{
									messageId: "useTag",
									data: { replacement: quote(balanced) },
									fix: (fixer) => fixer.replaceTextRange(range, balanced),
								},
							]
						: [],
			});
		};

		/**
		 * The ESP substitutes tags in the file as written, before any character
		 * reference is decoded (`&#123;&#123; x }}` is no tag), so a node's own
		 * source is searched; an included node's value stands in for its file.
		 */
		const reportUnbalanced = (node: TextNode): void => {
			// Decoding a character reference never removes a delimiter (none is made of `&#;`, letters or digits),
			// so a value without one was written without one: most text is passed without slicing the source.
			if (!hasTagDelimiter(node.value)) return;
			// An encoded .eml part's nodes all sit on its header: their value stands in, as an included node's does.
			const exact = !node.origin && !(sourceCode instanceof EmlSourceCode && !sourceCode.message.html?.bodyRange);
			const written = exact ? writtenIn(node.range) : node.value;
			for (const tag of findUnbalancedTags(written)) {
				const range: Range | undefined = exact ? [node.range[0] + tag.start, node.range[0] + tag.end] : undefined;
				reportBroken(tag, range ? sourceCode.memo(lineIndexOf).loc(range) : node.loc, range);
			}
		};

		/**
		 * The file's text in a range. An .eml's HTML part is parsed with the
		 * rest of the message blanked (src/eml/message-document.ts), so a Text
		 * node before `<html>` spans the headers and the text part: only the
		 * HTML part's own characters are its (the text part is checked as one).
		 */
		const writtenIn = ([from, to]: Range): string => {
			const text = sourceCode.text.slice(from, to);
			const body = sourceCode instanceof EmlSourceCode ? sourceCode.message.html?.bodyRange : undefined;
			if (!body || (from >= body[0] && to <= body[1])) return text;
			const start = Math.max(from, body[0]);
			const end = Math.min(to, body[1]);
			if (start >= end) return " ".repeat(text.length);
			return " ".repeat(start - from) + sourceCode.text.slice(start, end) + " ".repeat(to - end);
		};

		/**
		 * A tag of another ESP than the campaign's. `where.range` is where a
		 * replacement may be written: not in an included file, nor (when
		 * `quotesEndIt`) a quote inside an attribute (it would end the attribute).
		 */
		const reportForeign = (
			tag: Pick<MergeTagNode, "syntax" | "expression" | "raw">,
			where: { loc: MergeTagNode["loc"]; range: Range | undefined; quotesEndIt: boolean },
		): void => {
			if (!esp) return;
			const matches = classifyMergeTag(tag);
			if (matches.length === 0 || matches.some((match) => match.esp === esp)) return;
			// `{{ unsubscribe }}` or `{{{unsubscribe}}}` may be any engine's variable; only an ESP-specific form is proof,
			// unless the campaign's ESP never fills in that syntax: then no one does, and a HubSpot
			// `{{ unsubscribe_link }}` in a Mailchimp mail is a dead opt-out.
			if (
				SHARED_SYNTAXES.has(tag.syntax) &&
				espRendersCurlyTags(esp) &&
				/^[A-Za-z_][\w.]*$/u.test(normalizeExpression(tag.syntax, tag.expression))
			)
				return;
			const role = matches[0]!.role;
			const replacement = suggestEquivalent(tag, esp, role);
			const {
				owners,
				role: roleWord,
				esp: espName,
				consequence,
				advice,
			} = describeForeign(matches, role, esp, replacement);
			const range = where.range;
			const canReplace =
				replacement !== undefined && range !== undefined && !(where.quotesEndIt && /["']/u.test(replacement));
			context.report({
				loc: where.loc,
				messageId: "foreignTag",
				data: { tag: quote(tag.raw), owners, role: roleWord, esp: espName, consequence, advice },
				suggest: canReplace
					? [
							{
								messageId: "useTag",
								data: { replacement: quote(replacement) },
								fix: (fixer) => fixer.replaceTextRange(range, replacement),
							},
						]
					: [],
			});
		};

		/**
		 * A text part's merge tags, read like a template's text: broken
		 * delimiters, a stray delimiter beside a tag, another ESP's tag, and
		 * in a WhatsApp template any tag that is not a WhatsApp variable. A
		 * WhatsApp text is a JSON string, where a replacement would have to be
		 * escaped: no suggestion is offered there.
		 */
		const checkTextPart = (part: TextPartNode): void => {
			const code = context.sourceCode as TextMessageCode;
			const whatsapp = code.ast.type === "TextMessage" && code.ast.channel === "whatsapp";
			const editable = part.offsets === undefined;
			const locOf = (from: number, to: number) => textLoc(code, part, from, to);
			const variables = part.children.filter((child): child is MessageVariableNode => child.type === "MessageVariable");
			// Between the tags, as a template's Text nodes: a balanced tag is not searched for broken ones.
			const between = blankMergeTags(
				part.text,
				variables.map((variable) => ({ start: variable.start, end: variable.start + variable.raw.length })),
			);
			for (const tag of findUnbalancedTags(between)) {
				const range = partRange(part, tag.start, tag.end);
				reportBroken(tag, locOf(tag.start, tag.end), editable ? range : undefined);
			}
			variables.forEach((variable, index) => {
				const tag = { syntax: variable.syntax, expression: variable.name, raw: variable.raw };
				const end = variable.start + variable.raw.length;
				const previous = variables[index - 1];
				// The text between this tag and its neighbours, as a Text node beside a MergeTag node in a template.
				const before = part.text.slice(previous ? previous.start + previous.raw.length : 0, variable.start);
				const after = part.text.slice(end, variables[index + 1]?.start ?? part.text.length);
				if (reportStrayAt(tag, before, after, locOf(variable.start, end))) return;
				if (whatsapp) {
					if (variable.syntax !== "double-curly")
						context.report({
							loc: locOf(variable.start, end),
							messageId: "notWhatsAppVariable",
							data: {
								tag: quote(variable.raw),
								numbered: quote("{{1}}"),
								named: quote("{{first_name}}"),
								law: cite("meta-whatsapp-template-components"),
							},
						});
					return;
				}
				reportForeign(tag, {
					loc: locOf(variable.start, end),
					range: editable ? partRange(part, variable.start, end) : undefined,
					quotesEndIt: false,
				});
			});
		};

		/** Each node's index among its siblings, computed once per list: searching the list per tag is quadratic in a line of tags. */
		const positions = new WeakMap<ReadonlyArray<{ type: string }>, Map<unknown, number>>();
		const indexIn = (siblings: ReadonlyArray<{ type: string }>, node: MergeTagNode): number => {
			let index = positions.get(siblings);
			if (!index) {
				index = new Map(siblings.map((sibling, at) => [sibling, at]));
				positions.set(siblings, index);
			}
			return index.get(node) ?? -1;
		};

		/** Reports a delimiter beside the tag that makes it a broken, longer tag; true when it did. */
		const reportStray = (node: MergeTagNode, siblings: ReadonlyArray<{ type: string }>): boolean => {
			const index = indexIn(siblings, node);
			if (index === -1) return false;
			const before = siblings[index - 1];
			const after = siblings[index + 1];
			const beforeText =
				before?.type === "Text" && (before as TextNode).range[1] === node.range[0]
					? (before as TextNode).value
					: undefined;
			const afterText =
				after?.type === "Text" && (after as TextNode).range[0] === node.range[1]
					? (after as TextNode).value
					: undefined;
			return reportStrayAt(node, beforeText, afterText, node.loc);
		};

		/** Reports a delimiter in the text beside a tag that makes it part of a broken, longer tag; true when it did. */
		const reportStrayAt = (
			node: Pick<MergeTagNode, "syntax" | "raw" | "expression">,
			beforeText: string | undefined,
			afterText: string | undefined,
			loc: MergeTagNode["loc"],
		): boolean => {
			const stray = strayDelimiter(node, beforeText, afterText);
			if (!stray) return false;
			const written = stray.side === "before" ? `${stray.character}${node.raw}` : `${node.raw}${stray.character}`;
			context.report({
				loc,
				messageId: "strayDelimiter",
				data: {
					character: quote(stray.character),
					side: stray.side === "before" ? "before" : "after",
					tag: quote(node.raw),
					written: quote(written),
					consequence: namesUnsubscribe(node) ? ", and an unsubscribe link built on it is broken" : "",
				},
			});
			return true;
		};

		const siblingsOf = (node: MergeTagNode, parent: TemplateNode | undefined): ReadonlyArray<{ type: string }> => {
			if (parent?.type === "Attribute") return parent.parts;
			if (parent?.type === "Document") return parent.children;
			// Tags between attributes (`<a {% if x %}…>`) have no text beside them.
			if (parent?.type === "Element" && indexIn(parent.tagMergeTags, node) === -1) return parent.children;
			return [];
		};

		const visitors = {
			// Also visits the text parts of attribute values: the traversal walks into `parts`.
			Text(node: TextNode, parent: TemplateNode | undefined) {
				if (parent?.type === "Element" && CODE_ELEMENTS.has(parent.name)) return;
				reportUnbalanced(node);
			},
			MergeTag(node: MergeTagNode, parent: TemplateNode | undefined) {
				if (parent?.type === "Element" && CODE_ELEMENTS.has(parent.name)) return;
				// A broken tag is one problem: the stray delimiter, not also the ESP of what is left.
				if (reportStray(node, siblingsOf(node, parent))) return;
				reportForeign(node, {
					loc: node.loc,
					range: node.origin ? undefined : node.range,
					quotesEndIt: parent?.type === "Attribute",
				});
			},
			TextPart: checkTextPart,
		};
		// Elements are only another ESP's (`<unsubscribe>`) when the campaign names its own: without one, ESLint need not call this on every element.
		if (!esp) return visitors;
		return {
			...visitors,
			Element(node: ElementNode) {
				const matches = classifyEspElement(node.name);
				if (matches.length === 0 || matches.some((match) => match.esp === esp)) return;
				const role = matches[0]!.role;
				const {
					owners,
					role: roleWord,
					esp: espName,
					consequence,
					advice,
				} = describeForeign(matches, role, esp, suggestEquivalentForRole(esp, role));
				context.report({
					loc: node.startTag.loc,
					messageId: "foreignElement",
					data: { element: node.name, owners, role: roleWord, esp: espName, consequence, advice },
				});
			},
		};
	},
};

export default rule;

function quote(text: string): string {
	return `\`${text}\``;
}

interface ForeignDescription {
	owners: string;
	role: string;
	esp: string;
	consequence: string;
	advice: string;
}

function describeForeign(
	matches: readonly TagMatch[],
	role: TagRole,
	esp: Esp,
	replacement: string | undefined,
): ForeignDescription {
	const owners = [...new Set(matches.map((match) => ESP_CATALOGUE[match.esp].name))].join(" or ");
	const espName = ESP_CATALOGUE[esp].name;
	const linkRole = role === "unsubscribe" || role === "preferences";
	return {
		owners,
		role: ROLE_WORDS[role],
		esp: espName,
		consequence: linkRole ? `this ${ROLE_WORDS[role]} link is broken` : "recipients see it as written",
		advice: replacement
			? `Use ${quote(replacement)} instead.`
			: `${espName} has no ${ROLE_WORDS[role]} tag in mailcomply's catalogue; check its documentation.`,
	};
}

/** The configured ESP's first tag for a role, for elements (which have no syntax of their own to match). */
function suggestEquivalentForRole(esp: Esp, role: TagRole): string | undefined {
	return ESP_CATALOGUE[esp].tags.find((tag) => tag.role === role)?.text;
}

function unbalancedConsequence(tag: UnbalancedTag): string {
	return namesUnsubscribe(tag) ? ", and an unsubscribe link built on it is broken" : "";
}

const CLOSERS: Partial<Record<UnbalancedTag["syntax"], string>> = {
	mailchimp: "`|*`",
	"double-curly": "`}}`",
	"triple-curly": "`}}}`",
	"curly-percent": "`%}`",
	erb: "`%>`",
	"double-percent": "`%%`",
	percent: "`%`",
	"double-bracket": "`]]`",
};

function closerOf(syntax: UnbalancedTag["syntax"]): string {
	return CLOSERS[syntax] ?? "closing delimiter";
}
