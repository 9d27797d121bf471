import type { DocumentNode, ElementNode } from "../ast/types.js";
import type { TemplateSourceCode } from "../languages/template-source-code.js";
import { isSignupPage } from "./signup-form.js";
import { isPlainlyWebPage } from "./web-page.js";

/**
 * The element a whole e-mail hangs from: `<mj-body>` (or `<mjml>`) in MJML,
 * `<body>` (or `<html>`) in HTML. A file without one is a partial — a
 * footer snippet or an `mj-include` target — and is checked where it is
 * used, so whole-mail rules skip it, as they skip an engine file that is
 * a layout or partial (`role`). So is a sign-up page (a document with
 * a form that collects an e-mail address or phone number) and a file that
 * is plainly a web page (src/analyses/web-page.ts): neither is a mail.
 */
export function findPageRoot(sourceCode: TemplateSourceCode): ElementNode | DocumentNode | undefined {
	// A dozen whole-mail rules ask per file; the web-page test reads the whole text and matches the path.
	return sourceCode.memo(pageRootOf);
}

function pageRootOf(sourceCode: TemplateSourceCode): ElementNode | DocumentNode | undefined {
	const document = sourceCode.ast;
	// A layout or partial of a template engine is judged inside the mails that use it (src/template/composition/roles.ts).
	if (document.role) return undefined;
	if (isSignupPage(sourceCode)) return undefined;
	// A web page is no mail either (the CLI skips it before linting; through the ESLint API it gets here).
	if (isPlainlyWebPage(sourceCode)) return undefined;
	if (document.format === "mjml") {
		const mjml = childElement(document.children, "mjml");
		return mjml ? (childElement(mjml.children, "mj-body") ?? mjml) : undefined;
	}
	const html = childElement(document.children, "html");
	const body = findElement(document.children, "body", 3);
	if (body) return body;
	if (html) return html;
	return document.children.some((child) => child.type === "Doctype") ? document : undefined;
}

function childElement(children: DocumentNode["children"], name: string): ElementNode | undefined {
	return children.find((child): child is ElementNode => child.type === "Element" && child.name === name);
}

/** Finds `name` within `depth` levels; `<body>` may sit under `<html>` or, in sloppy markup, elsewhere near the top. */
function findElement(children: DocumentNode["children"], name: string, depth: number): ElementNode | undefined {
	for (const child of children) {
		if (child.type !== "Element") continue;
		if (child.name === name) return child;
		if (depth > 1) {
			const found = findElement(child.children, name, depth - 1);
			if (found) return found;
		}
	}
	return undefined;
}
