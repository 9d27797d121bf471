/**
 * A rule's legal reasoning for the reports that carry it (SARIF `help`, the
 * HTML report): the "Why" section of its doc, `rules/<id>.md`, which the
 * package ships (package.json `files`). Findings cite briefly; the doc holds
 * the full reasoning and its legal sources (the list `npm run docs` writes
 * from the citation catalogue), so the reports read it from there rather
 * than from a second copy.
 *
 * Only the section is cut out, by its headings: the docs are written by
 * this project, and a report reads at most one file per reported rule.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { REPOSITORY_URL } from "../rule-docs.js";
import { packageInfo } from "../package-info.js";
import { plainText } from "./plain-text.js";

export interface RuleReasoning {
	/** The section as Markdown, links made absolute. */
	markdown: string;
	/** The same as plain text: no emphasis marks, a link as `label (url)`. */
	text: string;
	/** Its first paragraph, as plain text. */
	summary: string;
}

/** Where ruleDocsUrl (src/rule-docs.ts) points: the doc's path in the repository, which is its path in the package. */
const DOCS_BASE = `${REPOSITORY_URL}/blob/main/`;

const cache = new Map<string, RuleReasoning | undefined>();

/** The reasoning in the doc at `docsUrl` (a rule's `meta.docs.url`), or undefined for a rule that is not mailcomply's or a doc without it. */
export function ruleReasoning(docsUrl: string | undefined): RuleReasoning | undefined {
	if (!docsUrl?.startsWith(DOCS_BASE) || !/^rules\/[a-z0-9-]+\.md$/u.test(docsUrl.slice(DOCS_BASE.length))) {
		return undefined;
	}
	if (!cache.has(docsUrl)) cache.set(docsUrl, readReasoning(docsUrl));
	return cache.get(docsUrl);
}

function readReasoning(docsUrl: string): RuleReasoning | undefined {
	if (!packageInfo.root) return undefined;
	let doc: string;
	try {
		doc = readFileSync(path.join(packageInfo.root, docsUrl.slice(DOCS_BASE.length)), "utf8");
	} catch {
		return undefined;
	}
	const markdown = whySection(doc, docsUrl);
	if (!markdown) return undefined;
	const text = plainText(markdown);
	return { markdown, text, summary: text.split("\n\n")[0] ?? text };
}

/** The lines under `## Why` up to the next `## ` heading, without the generator's marker comments; relative links made absolute. */
function whySection(doc: string, docsUrl: string): string | undefined {
	const lines = doc.split(/\r?\n/u);
	const start = lines.findIndex((line) => line.trim() === "## Why");
	if (start === -1) return undefined;
	const end = lines.findIndex((line, index) => index > start && line.startsWith("## "));
	const section = lines
		.slice(start + 1, end === -1 ? undefined : end)
		.filter((line) => !/^<!--.*-->$/u.test(line.trim()))
		.join("\n")
		.replace(/\n{3,}/gu, "\n\n")
		.trim();
	return section.replace(/\]\(([^)\s]+)\)/gu, (whole, href: string) =>
		/^[a-z][a-z0-9+.-]*:/iu.test(href) || href.startsWith("#") ? whole : `](${new URL(href, docsUrl).href})`,
	);
}
