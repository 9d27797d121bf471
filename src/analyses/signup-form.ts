import type { ChildNode, DocumentNode, ElementNode } from "../ast/types.js";

/**
 * E-mail clients do not submit forms, so a document with a form that
 * collects an e-mail address or phone number is a sign-up page, not a mail:
 * the form rules apply to it and the mail-only rules do not.
 */
const CONTACT_INPUT_TYPES = new Set(["email", "tel"]);
const CONTACT_FIELD_NAME = /(?:^|[^a-z])(?:e-?mail|mail|phone|tel|telefoon|telefon|téléphone|telephone|mobile|mobiel|gsm|handy)(?:[^a-z]|$)/iu;

export function isContactField(element: ElementNode): boolean {
	if (element.name !== "input") return false;
	const attribute = (name: string) => element.attributes.find(candidate => candidate.name === name)?.value ?? "";
	const type = attribute("type").toLowerCase();
	if (CONTACT_INPUT_TYPES.has(type)) return true;
	if (type !== "" && type !== "text") return false;
	return CONTACT_FIELD_NAME.test(attribute("name")) || CONTACT_FIELD_NAME.test(attribute("id")) || CONTACT_FIELD_NAME.test(attribute("autocomplete"));
}

/** The `<form>` elements that collect an e-mail address or phone number. */
export function findSignupForms(document: DocumentNode): ElementNode[] {
	const forms: ElementNode[] = [];
	const visit = (children: readonly ChildNode[]) => {
		for (const child of children) {
			if (child.type !== "Element") continue;
			if (child.name === "form" && containsContactField(child.children)) forms.push(child);
			else visit(child.children);
		}
	};
	visit(document.children);
	return forms;
}

export function isSignupPage(document: DocumentNode): boolean {
	return findSignupForms(document).length > 0;
}

function containsContactField(children: readonly ChildNode[]): boolean {
	for (const child of children) {
		if (child.type !== "Element") continue;
		if (isContactField(child) || containsContactField(child.children)) return true;
	}
	return false;
}
