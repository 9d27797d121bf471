import type { RuleDefinition } from "@eslint/core";
import { mailcomplyDocs, type MailcomplyDocs, type Severity } from "../rule-docs.js";

/** One rule as users see it in `--print-rules` and in the README's rule table. */
export interface RuleSummary {
	/** Without the `mailcomply/` prefix. */
	id: string;
	description: string;
	url: string;
	/** `mjml`, `html`, `campaign`. */
	languages: string[];
	/** Empty when the rule applies in every jurisdiction. */
	jurisdictions: string[];
	/** Its severity in `configs.recommended`, or `off` when it is not in it. */
	recommended: Severity | "off";
	fixable: boolean;
	hasSuggestions: boolean;
}

/** Every rule, sorted by id, described from its own `meta` so nothing has to be kept in step by hand. */
export function summariseRules(rules: Record<string, RuleDefinition>): RuleSummary[] {
	return Object.entries(rules)
		.map(([id, rule]) => {
			const meta = rule.meta ?? {};
			const docs: Partial<MailcomplyDocs> = mailcomplyDocs(rule) ?? {};
			return {
				id,
				description: docs.description ?? "",
				url: docs.url ?? "",
				languages: (meta.languages ?? [])
					.map((language) => language.replace(/^mailcomply\//u, ""))
					.sort(byLanguageOrder),
				jurisdictions: [...(docs.jurisdictions ?? [])],
				recommended: docs.recommended ? (docs.severity ?? "error") : "off",
				fixable: meta.fixable !== undefined,
				hasSuggestions: meta.hasSuggestions === true,
			} satisfies RuleSummary;
		})
		.sort((a, b) => a.id.localeCompare(b.id));
}

const LANGUAGE_ORDER = ["mjml", "html", "campaign", "sms", "whatsapp", "text", "eml"];

// Templates before sidecars, in the same order everywhere, whatever order a rule lists them in.
function byLanguageOrder(a: string, b: string): number {
	const rank = (language: string) =>
		LANGUAGE_ORDER.includes(language) ? LANGUAGE_ORDER.indexOf(language) : LANGUAGE_ORDER.length;
	return rank(a) - rank(b) || a.localeCompare(b);
}

/** "all" for rules without jurisdictions, else the upper-case codes: `EU, NL`. */
export function jurisdictionText(summary: RuleSummary): string {
	return summary.jurisdictions.length === 0
		? "all"
		: summary.jurisdictions.map((code) => code.toUpperCase()).join(", ");
}

/** `--print-rules`: an aligned plain-text table. */
export function formatRuleList(summaries: RuleSummary[]): string {
	const header = ["rule", "languages", "jurisdictions", "recommended", "description"];
	const rows = summaries.map((summary) => [
		`mailcomply/${summary.id}`,
		summary.languages.join(", "),
		jurisdictionText(summary),
		summary.recommended,
		summary.description,
	]);
	const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
	const line = (cells: string[]) =>
		cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join("  ");
	return [line(header), ...rows.map(line), ""].join("\n");
}
