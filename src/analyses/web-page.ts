/**
 * Whether an HTML file is plainly a web page rather than a mail. The CLI
 * (and so the pre-commit hook and the lint-staged example) lints every
 * `.html` file it is given, and a repository's web pages would otherwise be
 * judged as marketing mail ("no unsubscribe link"). Mail clients run no
 * scripts and a mail has no site navigation; a mail has markers a page
 * lacks: `x-apple-disable-message-reformatting`, Outlook conditional
 * comments and VML, `mso-` styles, layout tables with inline styles, an ESP's
 * merge tags, an opt-out.
 *
 * The decision takes content and folder together: outside the folders the
 * `recommended` config takes HTML mail from (`emails/`, `newsletter/`, …),
 * one page feature without any mail marker makes a web page; inside them, it
 * takes both a script and a site navigation. A mail marker always wins, so
 * is a sign-up page (a form collecting contact details: the form rules
 * check it, src/analyses/signup-form.ts), and `<!-- mailcomply: mail -->`
 * or `<!-- mailcomply: signup-page -->` anywhere in the file decides alone.
 */
import type { ChildNode, DocumentNode, ElementNode, MergeTagNode } from "../ast/types.js";
import type { TemplateSourceCode } from "../languages/template-source-code.js";
import { classifyMergeTag } from "../lexicons/esp-merge-tags/matcher.js";
import { analyseSignupForms, isSignupPage } from "./signup-form.js";
import { getUnsubscribeLinks } from "./unsubscribe-links.js";
import { isUnsubscribeTag } from "./unsubscribe-tags.js";
import { getAttribute, hasAttribute } from "../ast/attributes.js";
import { isMailTemplatePath } from "../../plugin/files.js";

/**
 * Text every page feature below needs (its tag, a site's `<link rel>`, or
 * `role="navigation"`): a quick test before the parse or the walk, not the
 * decision. It may let a mail through; one it wrongly stops is judged as a
 * mail, as before there was a test at all.
 */
const PAGE_TAGS = /<(?:script|nav|iframe|canvas|object|embed|form)\b|navigation/iu;
/** A `<link` tag up to its `>` (or the end of the text). */
const LINK_TAG = /<link[^>]*/giu;
/** The `<link rel>` words of a site's head (PAGE_LINK_RELS are these or contain them). */
const SITE_LINK_WORDS = /icon|manifest|canonical|preload|prefetch|alternate/iu;

export function mayHavePageFeatures(text: string): boolean {
	if (PAGE_TAGS.test(text)) return true;
	// Every mail that loads a web font has a <link>: only one with a site's rel word counts. (No lower-case copy of the whole text.)
	for (const link of text.matchAll(LINK_TAG)) if (SITE_LINK_WORDS.test(link[0])) return true;
	return false;
}

/**
 * Whether the whole-mail rules leave this file alone as plainly a web page
 * (src/analyses/document.ts): the CLI skips such files before linting, but
 * through the ESLint API `configs.html` under `**\/*.html` hands them over.
 * The folder counts as in the CLI, read from the file's whole path (a mail
 * folder anywhere above it asks more of a page, never less).
 */
export function isPlainlyWebPage(sourceCode: TemplateSourceCode): boolean {
	if (sourceCode.ast.format !== "html" || !mayHavePageFeatures(sourceCode.text)) return false;
	const file = sourceCode.physicalPath;
	const inMailFolder = file !== undefined && isMailTemplatePath(file);
	return classifyWebPage(sourceCode, { inMailFolder }).webPage;
}

/** What a page has that a mail does not. */
export type PageFeature = "script" | "navigation" | "embedded content" | "site head link" | "form";

/** What a mail has that a page does not. */
export type MailMarker =
	| "AMP for Email"
	| "x-apple-disable-message-reformatting"
	| "Outlook conditional comment"
	| "Outlook VML"
	| "mso- style"
	| "layout table with inline styles"
	| "ESP merge tag"
	| "opt-out";

export interface PageEvidence {
	/** Page features found, each once, in the order of {@link PageFeature}. */
	features: PageFeature[];
	/** Mail markers found, each once; the opt-out is looked for only when page features and no other marker were found. */
	markers: MailMarker[];
	/** Set by a `<!-- mailcomply: … -->` comment, or a form that collects contact details. */
	declared: "mail" | "signup-page" | undefined;
}

export interface WebPageVerdict {
	webPage: boolean;
	/** What decided it, for the CLI's note: the page features, or the marker or declaration that kept it a mail. */
	evidence: PageEvidence;
}

/** Script types that run; JSON-LD (Gmail's schema.org markup in mails), templates and data blocks do not. */
const RUNNING_SCRIPT_TYPES = /^(?:module|(?:text|application)\/(?:x-)?(?:java|ecma)script(?:1\.\d)?)?$/iu;
/** Elements that embed what no mail client shows. (Not `<noscript>`: Outlook's DPI fix wraps its settings in one.) */
const EMBEDDED_CONTENT = new Set(["iframe", "canvas", "object", "embed"]);
/** `<link rel>` values of a site's head: a mail has no favicon, manifest or canonical page. */
const PAGE_LINK_RELS =
	/(?:^|\s)(?:icon|shortcut|apple-touch-icon|manifest|canonical|preload|modulepreload|prefetch|alternate)(?:\s|$)/iu;
/** Attributes that declare VML or Office XML, which only Outlook mail uses. */
const OFFICE_NAMESPACES = /^xmlns:[vow]$/u;
/** At least this many inline-styled cells in a layout table: how mail is built for clients that drop `<style>`. */
const INLINE_STYLED_CELLS = 3;

/** Whether a document is plainly a web page; `inMailFolder` when its path follows the `recommended` mail-folder convention. */
export function classifyWebPage(
	sourceCode: TemplateSourceCode,
	{ inMailFolder }: { inMailFolder: boolean },
): WebPageVerdict {
	const evidence = getPageEvidence(sourceCode);
	const { features, markers, declared } = evidence;
	if (declared !== undefined || markers.length > 0) return { webPage: false, evidence };
	const webPage = inMailFolder ? features.includes("script") && features.includes("navigation") : features.length > 0;
	return { webPage, evidence };
}

/** The page features and mail markers of a document, computed once per file. */
export function getPageEvidence(sourceCode: TemplateSourceCode): PageEvidence {
	return sourceCode.memo(analysePage);
}

function analysePage(sourceCode: TemplateSourceCode): PageEvidence {
	const document = sourceCode.ast;
	const features = new Set<PageFeature>();
	const markers = new Set<MailMarker>();
	const declaredKind = analyseSignupForms(sourceCode).declaredKind;
	const declared = declaredKind ?? (isSignupPage(sourceCode) ? "signup-page" : undefined);
	// MJML is a mail language: only HTML can be a web page.
	if (document.format !== "html") return { features: [], markers: [], declared: "mail" };
	const scan = { styledCells: 0, layoutTable: false };
	visit(document, features, markers, scan, false);
	if (scan.layoutTable && scan.styledCells >= INLINE_STYLED_CELLS) markers.add("layout table with inline styles");
	// The opt-out analysis reads every link and text block: asked only of a file that looks like a page so far.
	if (features.size > 0 && markers.size === 0 && getUnsubscribeLinks(sourceCode).optOuts.length > 0)
		markers.add("opt-out");
	const order: PageFeature[] = ["script", "navigation", "embedded content", "site head link", "form"];
	return { features: order.filter((feature) => features.has(feature)), markers: [...markers], declared };
}

function visit(
	node: DocumentNode | ElementNode,
	features: Set<PageFeature>,
	markers: Set<MailMarker>,
	scan: { styledCells: number; layoutTable: boolean },
	inTable: boolean,
): void {
	for (const child of node.children) {
		switch (child.type) {
			case "Conditional":
				if (/\bmso\b|outlook/iu.test(child.condition)) markers.add("Outlook conditional comment");
				break;
			case "MergeTag":
				if (isEspTag(child)) markers.add("ESP merge tag");
				break;
			case "Element":
				inspectElement(child, features, markers, scan, inTable);
				visit(child, features, markers, scan, inTable || child.name === "table");
				break;
			default:
				break;
		}
	}
}

function inspectElement(
	element: ElementNode,
	features: Set<PageFeature>,
	markers: Set<MailMarker>,
	scan: { styledCells: number; layoutTable: boolean },
	inTable: boolean,
): void {
	const value = (name: string): string | null | undefined => getAttribute(element, name)?.value;
	for (const attribute of element.attributes) {
		if (OFFICE_NAMESPACES.test(attribute.name)) markers.add("Outlook VML");
		if (attribute.name === "style" && /(?:^|[;\s])mso-/iu.test(attribute.value ?? "")) markers.add("mso- style");
		for (const part of attribute.parts) if (part.type === "MergeTag" && isEspTag(part)) markers.add("ESP merge tag");
	}
	if (/^[vow]:/u.test(element.name)) markers.add("Outlook VML");
	switch (element.name) {
		case "html":
			if (hasAttribute(element, "⚡4email") || hasAttribute(element, "amp4email")) markers.add("AMP for Email");
			break;
		case "meta":
			if ((value("name") ?? "").toLowerCase() === "x-apple-disable-message-reformatting")
				markers.add("x-apple-disable-message-reformatting");
			break;
		case "style":
			if (/(?:^|[;{\s])mso-/iu.test(textOf(element.children))) markers.add("mso- style");
			break;
		case "script":
			if (RUNNING_SCRIPT_TYPES.test((value("type") ?? "").trim())) features.add("script");
			break;
		case "nav":
			features.add("navigation");
			break;
		case "link":
			if (PAGE_LINK_RELS.test(value("rel") ?? "")) features.add("site head link");
			break;
		case "form":
			// A form that collects contact details makes a sign-up page (declared above); any other (a search box) is a page's.
			features.add("form");
			break;
		case "table":
			if (
				(value("role") ?? "").toLowerCase() === "presentation" ||
				value("cellpadding") !== undefined ||
				value("cellspacing") !== undefined
			) {
				scan.layoutTable = true;
			}
			break;
		case "td":
			if (inTable && value("style")) scan.styledCells++;
			break;
		default:
			if (EMBEDDED_CONTENT.has(element.name)) features.add("embedded content");
			break;
	}
	if ((value("role") ?? "").toLowerCase() === "navigation") features.add("navigation");
}

/** Merge-tag syntaxes only ESPs use (`*|FNAME|*`, `%%emailaddr%%`); `{{ … }}` and `{% … %}` are any site generator's too. */
const ESP_ONLY_SYNTAXES: ReadonlySet<MergeTagNode["syntax"]> = new Set(["mailchimp", "double-percent"]);

/** A merge tag in an ESP-only syntax or of some ESP's catalogue, or an unsubscribe variable: `{{ page.title }}` in a site's template is none of these. */
function isEspTag(tag: MergeTagNode): boolean {
	return ESP_ONLY_SYNTAXES.has(tag.syntax) || classifyMergeTag(tag).length > 0 || isUnsubscribeTag(tag);
}

function textOf(children: readonly ChildNode[]): string {
	return children.map((child) => (child.type === "Text" ? child.value : "")).join("");
}
