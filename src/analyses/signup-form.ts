import type { ChildNode, ElementNode } from "../ast/types.js";
import type { TemplateSourceCode } from "../languages/template-source-code.js";
import { isBlock, isRendered, shortenText, textContent } from "./text.js";
import {
	matchContactFieldWording,
	matchLoginWording,
	matchNewsletterWording,
	matchRegistrationWording,
	type ContactKind,
} from "../lexicons/form-wording.js";
import { getAttribute, hasAttribute } from "../ast/attributes.js";

/**
 * E-mail clients do not submit forms, so a document with a form that
 * collects an e-mail address or phone number is a sign-up page, not a mail:
 * the form rules apply to it and the mail-only rules do not.
 *
 * A comment anywhere in the file (not in an included partial) overrides the
 * classification: `<!-- mailcomply: signup-page -->` or `<!-- mailcomply: mail -->`.
 * It lives in the file because the classification is a fact about the file,
 * and because `findPageRoot(sourceCode)` has no access to ESLint settings.
 */
export type PageKind = "signup-page" | "mail";

export interface FormField {
	element: ElementNode;
	/** The input type in lower case (`text` when absent), or `select` / `textarea`. */
	type: string;
	name: string;
	/** What the field is called: its `<label for>` and wrapping labels, `aria-labelledby`, `aria-label`, `placeholder` and `title`. */
	label: string;
	/** The same, one entry per source. */
	labels: string[];
	required: boolean;
	/**
	 * Ticked as written (`default`), possibly ticked by template output
	 * (`template`), ticked only when a template condition holds (`conditional`:
	 * `{% if x %}checked{% endif %}`, how a preference page restores the
	 * subscriber's saved choice), or not ticked.
	 */
	checked: "default" | "template" | "conditional" | false;
	value: string;
	/** The contact detail the field collects, if any. */
	contact: ContactKind | undefined;
}

/**
 * `login`: an e-mail and password to sign in with (nothing new is collected);
 * `newsletter`: the form mentions a newsletter or marketing mail outside its
 * checkbox labels and has no message field; `other`: contact, order, account forms.
 */
export type FormPurpose = "login" | "newsletter" | "other";

export interface SignupForm {
	element: ElementNode;
	fields: FormField[];
	collects: ContactKind[];
	/** The form's visible text, with the values of its submit buttons. */
	text: string;
	/** The form's text and that of the block it sits in (its heading, intro, small print). */
	nearbyText: string;
	purpose: FormPurpose;
}

export interface SignupAnalysis {
	/** Every form that collects an e-mail address or phone number, log-in forms included. */
	forms: SignupForm[];
	/** Set by a `<!-- mailcomply: … -->` comment. */
	declaredKind: PageKind | undefined;
}

const CONTACT_FIELD_NAME =
	/(?:^|[^a-z])(?:e-?mail|mail|phone|tel|telefoon|telefon|téléphone|telephone|mobile|mobiel|gsm|handy)(?:[^a-z]|$)/iu;
const SEARCH_FIELD_NAME = /^(?:q|s|query|search|zoek\w*|suche\w*|recherche|keywords?)$/iu;
const PAGE_KIND_COMMENT = /^\s*mailcomply:\s*(signup-page|mail)\s*$/iu;
/** Containers too large to count as "near" a form. */
const PAGE_LEVEL = new Set(["html", "body", "mjml", "mj-body", "main"]);
const NEARBY_TEXT_LIMIT = 1500;

export function isContactField(element: ElementNode, label = ""): boolean {
	return contactKindOf(element, label) !== undefined;
}

/** The `<form>` elements that collect an e-mail address or phone number. */
export function findSignupForms(sourceCode: TemplateSourceCode): ElementNode[] {
	return analyseSignupForms(sourceCode).forms.map((form) => form.element);
}

/** Whether the document is a sign-up page rather than a mail: declared so, or holding a form that collects contact details. */
export function isSignupPage(sourceCode: TemplateSourceCode): boolean {
	const analysis = analyseSignupForms(sourceCode);
	return analysis.declaredKind ? analysis.declaredKind === "signup-page" : analysis.forms.length > 0;
}

/** The sign-up forms of a document with their fields and wording, computed once per file. */
export function analyseSignupForms(sourceCode: TemplateSourceCode): SignupAnalysis {
	return sourceCode.memo(analyse);
}

interface Scan {
	labelsFor: Map<string, string[]>;
	byId: Map<string, ElementNode>;
	forms: Array<{ element: ElementNode; ancestors: ElementNode[] }>;
	declaredKind: PageKind | undefined;
}

function analyse({ ast: document }: TemplateSourceCode): SignupAnalysis {
	const scan: Scan = { labelsFor: new Map(), byId: new Map(), forms: [], declaredKind: undefined };
	scanTree(document.children, [], scan);
	const forms: SignupForm[] = [];
	for (const { element, ancestors } of scan.forms) {
		const fields = collectFields(element, scan);
		const collects = new Set<ContactKind>();
		for (const field of fields) if (field.contact) collects.add(field.contact);
		if (collects.size === 0 || attribute(element, "role").toLowerCase() === "search") continue;
		const text = formText(element);
		const nearbyText = nearText(element, ancestors, scan, text);
		forms.push({
			element,
			fields,
			collects: [...collects],
			text,
			nearbyText,
			purpose: purposeOf(fields, text, nearbyText),
		});
	}
	return { forms, declaredKind: scan.declaredKind };
}

function scanTree(children: readonly ChildNode[], ancestors: ElementNode[], scan: Scan): void {
	for (const child of children) {
		if (child.type === "Comment") {
			const declared = child.origin ? null : PAGE_KIND_COMMENT.exec(child.value);
			if (declared) scan.declaredKind = declared[1]!.toLowerCase() as PageKind;
			continue;
		}
		if (child.type !== "Element") continue;
		const id = attribute(child, "id");
		if (id !== "" && !scan.byId.has(id)) scan.byId.set(id, child);
		if (child.name === "label") {
			const target = attribute(child, "for");
			if (target !== "") {
				const labels = scan.labelsFor.get(target);
				if (labels) labels.push(textContent(child));
				else scan.labelsFor.set(target, [textContent(child)]);
			}
		}
		// One shared stack, copied only for a form: a copy per element costs the depth of the tree each time.
		if (child.name === "form") scan.forms.push({ element: child, ancestors: [...ancestors] });
		ancestors.push(child);
		scanTree(child.children, ancestors, scan);
		ancestors.pop();
	}
}

const FIELD_ELEMENTS = new Set(["input", "select", "textarea"]);

function collectFields(form: ElementNode, scan: Scan): FormField[] {
	const fields: FormField[] = [];
	const visit = (children: readonly ChildNode[], wrappingLabel: ElementNode | undefined, parent: ElementNode) => {
		for (const child of children) {
			if (child.type !== "Element") continue;
			if (FIELD_ELEMENTS.has(child.name)) fields.push(describeField(child, wrappingLabel, parent, scan));
			// A nested form is invalid HTML; browsers drop its start tag, so its fields belong to this form.
			visit(child.children, child.name === "label" ? child : wrappingLabel, child);
		}
	};
	visit(form.children, undefined, form);
	return fields;
}

function describeField(
	element: ElementNode,
	wrappingLabel: ElementNode | undefined,
	parent: ElementNode,
	scan: Scan,
): FormField {
	const type = element.name === "input" ? attribute(element, "type").toLowerCase() || "text" : element.name;
	const labels: string[] = [];
	const id = attribute(element, "id");
	// A loop, not push(...labels): a field may have more labels than a call takes arguments.
	if (id !== "") for (const label of scan.labelsFor.get(id) ?? []) labels.push(label);
	if (wrappingLabel) labels.push(textContent(wrappingLabel));
	for (const reference of attribute(element, "aria-labelledby").split(/\s+/u)) {
		const labelElement = reference === "" ? undefined : scan.byId.get(reference);
		if (labelElement) labels.push(textContent(labelElement));
	}
	for (const name of ["aria-label", "placeholder", "title"]) {
		const value = attribute(element, name).trim();
		if (value !== "") labels.push(value);
	}
	// An unlabelled box often sits in a small block with its text: `<p><input type="checkbox"> Ja, graag</p>`.
	if (
		labels.length === 0 &&
		(type === "checkbox" || type === "radio") &&
		parent.name !== "form" &&
		countControls(parent) === 1
	) {
		const text = textContent(parent);
		if (text.length <= 300) labels.push(text);
	}
	const label = labels.join(" ");
	return {
		element,
		type,
		name: attribute(element, "name"),
		label,
		labels,
		required: hasAttribute(element, "required") || attribute(element, "aria-required").toLowerCase() === "true",
		checked: checkedState(element),
		value: attribute(element, "value"),
		contact: contactKindOf(element, label),
	};
}

function countControls(element: ElementNode): number {
	let count = 0;
	for (const child of element.children) {
		if (child.type !== "Element") continue;
		if (FIELD_ELEMENTS.has(child.name) || child.name === "button") count++;
		count += countControls(child);
	}
	return count;
}

/**
 * The opener of a positive template condition: Liquid/Jinja `{% if %}`,
 * Handlebars `{{#if}}`, Mailchimp `*|IF:…|*` and `*|INTERESTED:…|*`,
 * AMPscript `%%[IF … THEN]%%`. It ticks the box only when a stored value
 * says yes. A negative one (`{% unless opted_out %}`, `*|IFNOT:…|*`) ticks
 * it when the value is absent, as for every new visitor: that is a default.
 */
const CONDITION_OPENER = /^(?:#?if\b|\[?\s*if\b|(?:IF|INTERESTED|ELSEIF):)/iu;

function checkedState(element: ElementNode): FormField["checked"] {
	const checked = getAttribute(element, "checked");
	// `checked="{{ x }}"` ticks the box whatever x is: the attribute's presence is what counts.
	if (checked?.parts.some((part) => part.type === "MergeTag")) return "template";
	// Template logic between the attributes (`{% if x %}checked{% endif %}`) emits it only when its condition holds.
	const templated = element.tagMergeTags.length > 0;
	if (checked && templated)
		return element.tagMergeTags.some((tag) => CONDITION_OPENER.test(tag.expression.trim()))
			? "conditional"
			: "template";
	if (checked) return "default";
	if (element.tagMergeTags.some((tag) => /(?<![a-z])checked(?![a-z])/iu.test(tag.expression))) return "template";
	return false;
}

function contactKindOf(element: ElementNode, label: string): ContactKind | undefined {
	if (element.name !== "input") return undefined;
	const type = attribute(element, "type").toLowerCase();
	if (type === "email") return "email";
	if (type === "tel") return "phone";
	if (type !== "" && type !== "text") return undefined;
	const name = attribute(element, "name");
	if (SEARCH_FIELD_NAME.test(name)) return undefined;
	for (const hint of [name, attribute(element, "id"), attribute(element, "autocomplete")]) {
		const match = CONTACT_FIELD_NAME.exec(hint);
		if (match) return /mail/iu.test(match[0]) ? "email" : "phone";
	}
	return matchContactFieldWording(label)?.kind;
}

/** Form controls are inline in HTML but read as separate words: "Onthoud mij" + "Inloggen". */
const SEPARATE_WORDS = new Set([
	"label",
	"button",
	"input",
	"select",
	"option",
	"textarea",
	"legend",
	"fieldset",
	"span",
	"small",
	"a",
]);

/** The text of an element as the words a reader sees, submit-button values included. */
function formText(form: ElementNode): string {
	const parts: string[] = [];
	const visit = (children: readonly ChildNode[]) => {
		for (const child of children) {
			if (child.type === "Text") parts.push(child.value);
			else if (child.type === "MergeTag") parts.push(child.raw);
			else if (child.type === "Element" && isRendered(child)) {
				const separate = SEPARATE_WORDS.has(child.name) || isBlock(child);
				if (separate) parts.push(" ");
				if (child.name === "input" && ["submit", "button"].includes(attribute(child, "type").toLowerCase()))
					parts.push(attribute(child, "value"));
				visit(child.children);
				if (separate) parts.push(" ");
			}
		}
	};
	visit(form.children);
	return parts.join("").replace(/\s+/gu, " ").trim();
}

/**
 * The text a reader takes in with the form: the largest block around it that
 * holds no other form and stays short, or else the form's neighbours.
 */
function nearText(form: ElementNode, ancestors: readonly ElementNode[], scan: Scan, text: string): string {
	const others = scan.forms.filter((other) => other.element !== form);
	let anchor = form;
	let depth = ancestors.length;
	for (let index = ancestors.length - 1; index >= 0; index--) {
		const ancestor = ancestors[index]!;
		if (PAGE_LEVEL.has(ancestor.name)) break;
		if (others.some((other) => other.ancestors.includes(ancestor))) break;
		if (textContent(ancestor).length > NEARBY_TEXT_LIMIT) break;
		anchor = ancestor;
		depth = index;
	}
	const parent = ancestors[depth - 1];
	const own = anchor === form ? text : formText(anchor);
	// Directly under the page (or a block shared with other forms): the neighbours are what is near.
	if (!parent || !(PAGE_LEVEL.has(parent.name) || others.some((other) => other.ancestors.includes(parent)))) return own;
	const siblings = parent.children.filter((child): child is ElementNode => child.type === "Element");
	const at = siblings.indexOf(anchor);
	const near = siblings
		.slice(Math.max(0, at - 2), at + 3)
		.filter((sibling) => sibling === anchor || !containsForm(sibling, others));
	return near.map((sibling) => (sibling === anchor ? own : formText(sibling))).join(" ");
}

function containsForm(element: ElementNode, forms: Scan["forms"]): boolean {
	return forms.some((form) => form.element === element || form.ancestors.includes(element));
}

function purposeOf(fields: readonly FormField[], text: string, nearbyText: string): FormPurpose {
	const passwords = fields.filter((field) => field.type === "password");
	const signsIn =
		passwords.length === 1 &&
		!passwords.some((field) => attribute(field.element, "autocomplete").toLowerCase() === "new-password") &&
		matchRegistrationWording(text) === undefined &&
		(matchLoginWording(text) !== undefined ||
			attribute(passwords[0]!.element, "autocomplete").toLowerCase() === "current-password");
	if (signsIn) return "login";
	if (fields.some((field) => field.type === "textarea")) return "other";
	// An opt-in box in a contact or order form does not make it a newsletter form.
	let wording = nearbyText;
	for (const field of fields) {
		if (field.type !== "checkbox" && field.type !== "radio") continue;
		for (const label of field.labels) if (label !== "") wording = wording.replaceAll(label, " ");
	}
	return matchNewsletterWording(wording) ? "newsletter" : "other";
}

function attribute(element: ElementNode, name: string): string {
	return getAttribute(element, name)?.value ?? "";
}

/** How a finding names a field: its label, shortened, or else its `name`. */
export function shortLabel(field: FormField): string {
	const label = field.label.replace(/\s+/gu, " ").trim();
	if (label === "") return field.name === "" ? `(unlabelled ${field.type})` : `name=${field.name}`;
	return shortenText(label);
}
