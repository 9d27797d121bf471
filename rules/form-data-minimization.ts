import type { TemplateRuleDefinition } from "../src/types.js";
import { FORM_RULE_LANGUAGES, ruleDocsUrl } from "../src/rule-docs.js";
import { cite } from "../src/legal/cite.js";
import { analyseSignupForms, shortLabel, type FormField, type SignupForm } from "../src/analyses/signup-form.js";
import { compileFieldWording, fieldNameWords, matchPersonalFieldWording } from "../src/lexicons/form-wording.js";
import { getAttribute } from "../src/ast/attributes.js";

type MessageIds = "excessive" | "custom" | "bsn";
type Options = [{ fields?: string[] }];

const WHAT: Record<string, string> = {
	"birth-date": "a birth date",
	address: "a postal address",
	gender: "a gender",
	nationality: "a nationality",
	phone: "a phone number",
};

/** Fields that carry no personal data of their own. */
const IGNORED_TYPES = new Set(["hidden", "submit", "button", "reset", "image", "checkbox", "password"]);

/**
 * A newsletter needs an address to send it to; everything a form makes
 * mandatory beyond that is collected without need.
 */
const rule: TemplateRuleDefinition<{ RuleOptions: Options; MessageIds: MessageIds }> = {
	meta: {
		type: "problem",
		docs: {
			description:
				"Disallow newsletter forms that require more personal data than a newsletter needs, and any BSN field",
			url: ruleDocsUrl("form-data-minimization"),
			fix: "Ask only for the e-mail address; make other fields optional.",
			citations: ["gdpr-5-1-c", "gdpr-25-2", "uavg-46"],
			recommended: true,
			severity: "warn",
			category: "form",
		},
		messages: {
			excessive:
				'A newsletter does not need {{what}} ("{{label}}"): make the field optional or remove it (' +
				cite("gdpr-5-1-c") +
				").",
			custom:
				'This newsletter form requires "{{label}}", which your configuration says a newsletter does not need: make it optional or remove it (' +
				cite("gdpr-5-1-c") +
				").",
			bsn:
				'This form asks for a BSN ("{{label}}"), which only a law can allow, never a newsletter or contact form: remove the field (' +
				cite("uavg-46") +
				").",
		},
		schema: [
			{
				type: "object",
				properties: {
					fields: {
						type: "array",
						items: { type: "string", minLength: 1, maxLength: 100 },
						description:
							'Extra field wording a newsletter form may not require, e.g. "klantnummer" or "loyalty card*" (a trailing * matches a word stem).',
					},
				},
				additionalProperties: false,
			},
		],
		defaultOptions: [{ fields: [] }],
		languages: FORM_RULE_LANGUAGES,
	},
	create(context) {
		const [{ fields: extra = [] }] = context.options;
		const matchExtra = extra.length > 0 ? compileFieldWording(extra) : () => undefined;
		return {
			"Document:exit"() {
				for (const form of analyseSignupForms(context.sourceCode).forms) {
					for (const field of form.fields) {
						if (IGNORED_TYPES.has(field.type) || field.contact) continue;
						if (matchPersonalFieldWording(fieldText(field))?.kind === "bsn") {
							context.report({ loc: field.element.startTag.loc, messageId: "bsn", data: { label: shortLabel(field) } });
						}
					}
					if (form.purpose !== "newsletter") continue;
					const reported = new Set<string>();
					for (const field of form.fields) {
						if (!field.required || IGNORED_TYPES.has(field.type)) continue;
						// A radio group is one question: report it once.
						if (field.type === "radio" && field.name !== "") {
							if (reported.has(field.name)) continue;
							reported.add(field.name);
						}
						const kind = unneededKind(field, form);
						if (kind) {
							context.report({
								loc: field.element.startTag.loc,
								messageId: "excessive",
								data: { what: WHAT[kind]!, label: shortLabel(field) },
							});
						} else if (!field.contact && matchExtra(fieldText(field))) {
							context.report({
								loc: field.element.startTag.loc,
								messageId: "custom",
								data: { label: shortLabel(field) },
							});
						}
					}
				}
			},
		};
	},
};

function unneededKind(field: FormField, form: SignupForm): string | undefined {
	// A phone number is what an SMS newsletter is sent to; next to an e-mail address it is extra.
	if (field.contact === "phone") return form.collects.includes("email") ? "phone" : undefined;
	if (field.contact) return undefined;
	const kind = matchPersonalFieldWording(fieldText(field))?.kind;
	return kind === "bsn" ? undefined : kind;
}

/** The label and, as words, the name, id and autocomplete token: `dateOfBirth` reads "date of birth". */
function fieldText(field: FormField): string {
	const attribute = (name: string) => getAttribute(field.element, name)?.value ?? "";
	return [field.label, ...[field.name, attribute("id"), attribute("autocomplete")].map(fieldNameWords)].join(" . ");
}

export default rule;
