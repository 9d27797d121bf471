/**
 * Everything a rule declares about itself beyond ESLint's own `meta`: the
 * `meta.docs` type every mailcomply rule is written against (through the rule
 * types in src/types.ts, so a misspelt jurisdiction or citation id does not
 * compile), where its documentation lives, and the readers that configs,
 * formatters and the docs generator use instead of casting `meta.docs`.
 */
import type { CitationId } from "./legal/citations.js";
import type { Jurisdiction } from "./analyses/jurisdiction.js";

/** A rule's severity in a config mailcomply builds; `off` rules are left out of those configs. */
export type Severity = "error" | "warn";

// A type literal, not an interface: ESLint's ExtRuleDocs must be assignable to Record<string, unknown>.
/** The `meta.docs` every mailcomply rule declares. */
export type MailcomplyDocs = {
	description: string;
	url: string;
	/**
	 * How to fix a finding, in one imperative line (at most 76 characters):
	 * the end-of-run summary prints it beside the most frequent rules.
	 */
	fix?: string;
	/** In `configs.recommended`. */
	recommended: boolean;
	/** Severity in the recommended config; `error` when absent. */
	severity?: Severity;
	/**
	 * The legal regimes the rule enforces (see src/analyses/jurisdiction.ts);
	 * absent for rules that apply everywhere. The per-jurisdiction configs are built from this.
	 */
	jurisdictions?: readonly Jurisdiction[];
	/**
	 * The legal sources the rule rests on: ids in the citation catalogue
	 * (src/legal/citations.ts); empty for rules that check the tool's own input.
	 */
	citations: readonly CitationId[];
	/**
	 * The campaign facts whose absence changes what the rule reports
	 * (src/analyses/assumptions.ts): its findings say when they rest on an
	 * assumed `kind` or on undeclared audience countries, and its doc says how
	 * to declare them.
	 */
	assumes?: ReadonlyArray<"kind" | "countries">;
	/**
	 * `form`: a sign-up form rule. The plugin builds its `forms` config
	 * (sign-up pages, form rules only) from this rather than from a second
	 * list of rule ids.
	 */
	category?: "form";
};

/** Where each rule's documentation lives; used in every rule's `meta.docs.url`. */
export const REPOSITORY_URL = "https://github.com/mailcomply/eslint-plugin-mailcomply";

export function ruleDocsUrl(ruleId: string): string {
	return `${REPOSITORY_URL}/blob/main/rules/${ruleId}.md`;
}

/** Where a form rule runs: HTML pages, and MJML templates whose `mj-raw` holds a form. */
export const FORM_RULE_LANGUAGES = ["mailcomply/html", "mailcomply/mjml"];

/**
 * The mailcomply `meta.docs` of a registered rule. ESLint's `RuleDefinition`
 * types `docs` loosely; every rule in rules/ is typed against
 * {@link MailcomplyDocs}, so this is the one place that narrows it back.
 */
export function mailcomplyDocs(rule: { meta?: { docs?: unknown } | undefined }): MailcomplyDocs | undefined {
	return rule.meta?.docs as MailcomplyDocs | undefined;
}

export function isFormRule(rule: { meta?: { docs?: unknown } | undefined }): boolean {
	return mailcomplyDocs(rule)?.category === "form";
}
