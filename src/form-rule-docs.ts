import type { MailcomplyDocs } from "./rule-docs.js";

/**
 * The `meta.docs` of a sign-up form rule. The category lets the plugin build
 * its `forms` config (sign-up pages, form rules only) from the rules' own
 * metadata rather than from a second list of rule ids.
 */
// A type literal, not `MailcomplyDocs & …`: ESLint's ExtRuleDocs must be assignable to Record<string, unknown>.
export type FormRuleDocs = {
	severity?: MailcomplyDocs["severity"];
	jurisdictions?: MailcomplyDocs["jurisdictions"];
	category: "form";
	citations: MailcomplyDocs["citations"];
};

export function isFormRuleDocs(docs: unknown): docs is FormRuleDocs {
	return typeof docs === "object" && docs !== null && (docs as { category?: unknown }).category === "form";
}

/** Where a form rule runs: HTML pages, and MJML templates whose `mj-raw` holds a form. */
export const FORM_RULE_LANGUAGES = ["mailcomply/html", "mailcomply/mjml"];
