/** The `meta.docs` every mailcomply rule declares. */
export interface MailcomplyDocs {
	description: string;
	url: string;
	/** In `configs.recommended`. */
	recommended: boolean;
	/** Severity in the recommended config; `error` when absent. */
	severity?: "error" | "warn";
	/**
	 * The legal regimes the rule enforces (see src/analyses/jurisdiction.ts);
	 * absent for rules that apply everywhere. The per-jurisdiction configs are built from this.
	 */
	jurisdictions?: Array<"eu" | "nl" | "de" | "uk" | "us" | "ca">;
	/**
	 * The legal sources the rule rests on: ids in the citation catalogue
	 * (src/legal/citations.ts); empty for rules that check the tool's own input.
	 */
	citations: readonly string[];
	/**
	 * The campaign facts whose absence changes what the rule reports
	 * (src/analyses/assumptions.ts): its findings say when they rest on an
	 * assumed `kind` or on undeclared audience countries, and its doc says how
	 * to declare them.
	 */
	assumes?: Array<"kind" | "countries">;
	/** `form`: a sign-up form rule, collected in `configs.forms`. */
	category?: "form";
}
