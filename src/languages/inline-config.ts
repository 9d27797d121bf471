import { ConfigCommentParser, Directive } from "@eslint/plugin-kit";
import type { DirectiveType, FileProblem, RulesConfig } from "@eslint/core";
import type { Range, SourceLocation } from "../ast/types.js";

/**
 * A comment that may carry inline configuration: an HTML comment in a
 * template or a `#` comment in a YAML sidecar. Both languages hand their
 * comments to the functions below, so `eslint-disable` and `eslint rule: off`
 * behave the same in every mailcomply file.
 */
export interface InlineConfigComment {
	type: "InlineConfigComment";
	/** The comment body without its delimiters. */
	value: string;
	range: Range;
	loc: SourceLocation;
}

const commentParser = new ConfigCommentParser();
const directiveStart = /^\s*eslint(?:-enable|-disable(?:-next-line|-line)?)?(?:\s|$)/u;

export function isInlineConfigText(body: string): boolean {
	return directiveStart.test(body);
}

export function getDisableDirectives(comments: readonly InlineConfigComment[]): {
	problems: FileProblem[];
	directives: Directive[];
} {
	const problems: FileProblem[] = [];
	const directives: Directive[] = [];
	for (const comment of comments) {
		const parsed = commentParser.parseDirective(comment.value);
		if (!parsed) continue;
		const { label, value, justification } = parsed;
		if (label === "eslint-disable-line" && comment.loc.start.line !== comment.loc.end.line) {
			problems.push({ ruleId: null, message: `${label} comment should not span multiple lines.`, loc: comment.loc });
			continue;
		}
		if (
			label === "eslint-disable" ||
			label === "eslint-enable" ||
			label === "eslint-disable-next-line" ||
			label === "eslint-disable-line"
		) {
			directives.push(
				new Directive({
					type: label.slice("eslint-".length) as DirectiveType,
					node: comment,
					value,
					justification,
				}),
			);
		}
	}
	return { problems, directives };
}

export function applyInlineConfig(comments: readonly InlineConfigComment[]): {
	configs: Array<{ config: { rules: RulesConfig }; loc: SourceLocation }>;
	problems: FileProblem[];
} {
	const configs: Array<{ config: { rules: RulesConfig }; loc: SourceLocation }> = [];
	const problems: FileProblem[] = [];
	for (const comment of comments) {
		const parsed = commentParser.parseDirective(comment.value);
		if (parsed?.label !== "eslint") continue;
		const result = commentParser.parseJSONLikeConfig(parsed.value);
		if (result.ok) {
			configs.push({ config: { rules: result.config }, loc: comment.loc });
		} else {
			problems.push({ ruleId: null, message: result.error.message, loc: comment.loc });
		}
	}
	return { configs, problems };
}
