/**
 * Compile-time tests, checked by `npm run typecheck` (no runtime part): a
 * rule's `meta.docs` is typed, so a misspelt jurisdiction or an id that is
 * not in the citation catalogue fails the type check. Each `@ts-expect-error`
 * fails the check in turn if the error it expects ever stops being one.
 */
import type { MailcomplyDocs } from "../../src/rule-docs.js";
import type { TemplateRuleDefinition } from "../../src/types.js";

const docs = { description: "d", url: "u", recommended: true, citations: [] } satisfies MailcomplyDocs;

export const unknownJurisdiction: TemplateRuleDefinition = {
	// @ts-expect-error "xx" is not a jurisdiction mailcomply knows
	meta: { docs: { ...docs, jurisdictions: ["xx"] } },
	create: () => ({}),
};

export const unknownCitation: TemplateRuleDefinition = {
	// @ts-expect-error "gdpr-99" is not in src/legal/citations.ts
	meta: { docs: { ...docs, citations: ["gdpr-99"] } },
	create: () => ({}),
};

export const noCitations: TemplateRuleDefinition = {
	// @ts-expect-error every rule names its legal sources (an empty list for the tool's own input checks)
	meta: { docs: { description: "d", url: "u", recommended: true } },
	create: () => ({}),
};

export const knownJurisdiction: TemplateRuleDefinition = {
	meta: { docs: { ...docs, jurisdictions: ["nl"], citations: ["gdpr-13"] } },
	create: () => ({}),
};
