/**
 * A self-contained HTML report for people who do not read terminals
 * (`mailcomply --format html > report.html`): one section per campaign
 * (a template and its sidecar) with a verdict, and for every finding what is
 * wrong, the rule and its legal basis with a link to its documentation, how
 * to fix it, and the template lines around it; at the end, each reported
 * rule's legal reasoning from its doc, once. Inline CSS, no scripts, no
 * fonts or images from the network: it opens from a mail attachment or a CI
 * artifact as it is.
 */
import { generatorMeta } from "./report-marker.js";
import { readFileSync } from "node:fs";
import { checkOnDisk } from "../sandbox/guarded-read.js";
import { MAX_TEMPLATE_BYTES } from "../template/limits.js";
import type { ESLint, Linter } from "eslint";
import { findSidecarFor, SIDECAR_NAME, TEMPLATE_EXTENSION } from "../campaign/sidecar.js";
import { packageInfo } from "../package-info.js";
import { displayPath, messageRuleId, ruleDocsOf } from "./results.js";
import { REPORT_CSS } from "./html-report-style.js";
import { splitDecodedQuote } from "../eml/decoded-lines.js";
import { ruleReasoning } from "./rule-reasoning.js";

type Verdict = "fail" | "review" | "pass";

interface Campaign {
	name: string;
	results: ESLint.LintResult[];
	/** The sidecar found beside the template, linted or not. */
	sidecar: string | undefined;
	hasTemplate: boolean;
	errors: number;
	warnings: number;
}

/** The duties no template check can see; the README lists the same. */
const NOT_CHECKED =
	"mailcomply cannot check: SPF, DKIM and DMARC; whether opt-outs are processed in time; breach notification within 72 hours; the landing page behind the unsubscribe link.";

const VERDICT_TEXT: Record<Verdict, string> = {
	fail: "Errors found: fix before sending",
	review: "Review: warnings only",
	// Never "compliant": the checks cannot see everything the law asks (see NOT_CHECKED).
	pass: "No problems found by these checks",
};

/** Lines shown around a finding, and how much of a long (minified) line. */
const CONTEXT_LINES = 2;
const MAX_SNIPPET_LINES = 12;
const LINE_WINDOW = 160;
const LEAD_BEFORE_COLUMN = 60;

export function formatHtmlReport(results: ESLint.LintResult[], context: ESLint.LintResultData): string {
	const campaigns = groupByCampaign(results, context.cwd);
	const errors = campaigns.reduce((total, campaign) => total + campaign.errors, 0);
	const warnings = campaigns.reduce((total, campaign) => total + campaign.warnings, 0);
	const count = (verdict: Verdict) => campaigns.filter((campaign) => verdictOf(campaign) === verdict).length;
	return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${generatorMeta(escapeHtml(packageInfo.version))}
<title>E-mail compliance report (mailcomply)</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header>
<h1>E-mail compliance report</h1>
<p class="meta">mailcomply ${escapeHtml(packageInfo.version)} · ${escapeHtml(context.cwd)} · ${escapeHtml(new Date().toISOString().slice(0, 16).replace("T", " "))} UTC</p>
<p class="summary" id="summary"><strong>${plural(campaigns.length, "campaign")}</strong> checked: <span class="fail">${count("fail")} with errors</span>, <span class="review">${count("review")} to review</span>, <span class="pass">${count("pass")} with no problems found</span>. <span class="totals">${plural(errors, "error")}, ${plural(warnings, "warning")}.</span></p>
<p class="legend">Errors break a legal requirement or an inbox provider's rule and must be fixed before the campaign is sent. Warnings need a person to judge. Every finding links to its rule's documentation, which cites the law and explains the fix.</p>
<p class="legend" id="limits">No problems found means that these checks found none, not that a campaign is lawful. This report is not legal advice. ${NOT_CHECKED}</p>
</header>
<main>
${campaigns.map((campaign, index) => campaignSection(campaign, index, context)).join("\n")}
${reasoningSection(results, context)}
</main>
</body>
</html>
`;
}

function groupByCampaign(results: ESLint.LintResult[], cwd: string): Campaign[] {
	const campaigns = new Map<string, Campaign>();
	for (const result of results) {
		const isTemplate = TEMPLATE_EXTENSION.test(result.filePath);
		const stem = isTemplate
			? result.filePath.replace(TEMPLATE_EXTENSION, "")
			: result.filePath.replace(SIDECAR_NAME, "");
		let campaign = campaigns.get(stem);
		if (!campaign) {
			campaign = {
				name: displayPath(stem, cwd),
				results: [],
				sidecar: undefined,
				hasTemplate: false,
				errors: 0,
				warnings: 0,
			};
			campaigns.set(stem, campaign);
		}
		campaign.results.push(result);
		campaign.errors += result.errorCount;
		campaign.warnings += result.warningCount;
		if (isTemplate) {
			campaign.hasTemplate = true;
			campaign.sidecar ??= findSidecarFor(result.filePath);
		} else if (SIDECAR_NAME.test(result.filePath)) {
			campaign.sidecar = result.filePath;
		}
	}
	const rank: Record<Verdict, number> = { fail: 0, review: 1, pass: 2 };
	return [...campaigns.values()].sort(
		(a, b) => rank[verdictOf(a)] - rank[verdictOf(b)] || a.name.localeCompare(b.name),
	);
}

function verdictOf(campaign: Campaign): Verdict {
	if (campaign.errors > 0) return "fail";
	return campaign.warnings > 0 ? "review" : "pass";
}

function campaignSection(campaign: Campaign, index: number, context: ESLint.LintResultData): string {
	const verdict = verdictOf(campaign);
	const files = campaign.results.map((result) => displayPath(result.filePath, context.cwd));
	const sidecarNote = !campaign.hasTemplate
		? ""
		: campaign.sidecar
			? `Campaign facts from <code>${escapeHtml(displayPath(campaign.sidecar, context.cwd))}</code>.`
			: "No sidecar: treated as a marketing e-mail whose other facts are unknown.";
	const findings = campaign.results.flatMap((result) =>
		result.messages.map((message) => findingItem(result, message, context)),
	);
	return `<section class="campaign ${verdict}" id="campaign-${index + 1}">
<h2><span class="name">${escapeHtml(campaign.name)}</span> <span class="verdict">${VERDICT_TEXT[verdict]}</span></h2>
<p class="files">Checked: ${files.map((file) => `<code>${escapeHtml(file)}</code>`).join(", ")}. ${sidecarNote}</p>
${findings.length > 0 ? `<ol class="findings">\n${findings.join("\n")}\n</ol>` : ""}
</section>`;
}

function findingItem(result: ESLint.LintResult, message: Linter.LintMessage, context: ESLint.LintResultData): string {
	const severity = message.severity === 2 ? "error" : "warning";
	const ruleId = messageRuleId(message);
	const docs = ruleDocsOf(context, message.ruleId);
	const file = displayPath(result.filePath, context.cwd);
	const rule = docs.url
		? `<a href="${escapeHtml(docs.url)}"><code>${escapeHtml(ruleId)}</code></a>`
		: `<code>${escapeHtml(ruleId)}</code>`;
	const basis = docs.description ? `${escapeHtml(docs.description)}. ` : "";
	const why = ruleReasoning(docs.url) ? ` <a href="#${reasoningId(ruleId)}">Why: the legal reasoning</a>.` : "";
	const docLink = docs.url ? `${why} <a href="${escapeHtml(docs.url)}">Legal basis, examples and fixes</a>.` : "";
	const jurisdictions = docs.jurisdictions?.length
		? `<dt>Applies in</dt><dd>${docs.jurisdictions.map((code) => escapeHtml(code.toUpperCase())).join(", ")}</dd>`
		: "";
	// A finding in a base64 or quoted-printable part quotes the decoded line it is about: shown as a quote of its own.
	const { text, part, line } = splitDecodedQuote(message.message);
	const decodedQuote = part
		? `<blockquote class="decoded"><span class="part">${escapeHtml(part)}</span>${line === undefined ? "" : ` <q>${escapeHtml(line)}</q>`}</blockquote>\n`
		: "";
	return `<li class="finding ${severity}">
<p class="message"><span class="badge">${severity === "error" ? "Error" : "Warning"}</span> ${escapeHtml(text)}</p>
${decodedQuote}<dl>
<dt>Where</dt><dd><code>${escapeHtml(file)}</code>, line ${message.line}, column ${message.column}</dd>
<dt>Rule</dt><dd>${rule}: ${basis}${docLink}</dd>
${jurisdictions}<dt>Fix</dt><dd>${fixAdvice(message)}</dd>
</dl>
${snippet(result, message)}
</li>`;
}

/** Each reported rule's legal reasoning (the Why section of its doc), once per rule, however many findings it has. */
function reasoningSection(results: ESLint.LintResult[], context: ESLint.LintResultData): string {
	const shown = new Set<string>();
	const items: string[] = [];
	for (const message of results.flatMap((result) => result.messages)) {
		const ruleId = messageRuleId(message);
		if (shown.has(ruleId)) continue;
		shown.add(ruleId);
		const docs = ruleDocsOf(context, message.ruleId);
		const reasoning = ruleReasoning(docs.url);
		if (!reasoning) continue;
		const description = docs.description ? `: ${escapeHtml(docs.description)}` : "";
		items.push(`<details class="reasoning" id="${reasoningId(ruleId)}">
<summary><code>${escapeHtml(ruleId)}</code>${description}</summary>
<div class="reasoning-text">${escapeHtml(reasoning.text)}</div>
</details>`);
	}
	if (items.length === 0) return "";
	return `<section class="rules" id="reasoning">
<h2>Why: the legal reasoning behind these rules</h2>
${items.join("\n")}
</section>`;
}

/** The fragment id of a rule's reasoning: `why-require-unsubscribe`. */
function reasoningId(ruleId: string): string {
	return `why-${ruleId.replace(/^.*\//u, "").replace(/[^\w-]/gu, "-")}`;
}

function fixAdvice(message: Linter.LintMessage): string {
	const advice: string[] = [];
	if (message.fix) advice.push("<code>mailcomply --fix</code> corrects this automatically.");
	for (const suggestion of message.suggestions ?? []) {
		advice.push(`Suggested: ${escapeHtml(suggestion.desc)}`);
	}
	if (advice.length === 0)
		advice.push("Follow the message above; the rule documentation shows an example without findings.");
	return advice.join("<br>");
}

function snippet(result: ESLint.LintResult, message: Linter.LintMessage): string {
	const lines = sourceOf(result)?.split(/\r\n|\r|\n/u);
	// A final line break does not start a line worth showing.
	if (lines?.length && lines.at(-1) === "") lines.pop();
	if (!lines || message.line < 1 || message.line > lines.length) return "";
	const endLine = Math.min(Math.max(message.endLine ?? message.line, message.line), lines.length);
	const first = Math.max(1, message.line - CONTEXT_LINES);
	const last = Math.min(lines.length, endLine + CONTEXT_LINES, first + MAX_SNIPPET_LINES - 1);
	// Minified templates put everything on one line: show a window around the column.
	const windowStart = Math.max(0, message.column - 1 - LEAD_BEFORE_COLUMN);
	const width = String(last).length;
	const rows: string[] = [];
	for (let number = first; number <= last; number++) {
		const text = lines[number - 1] ?? "";
		const flagged = number >= message.line && number <= endLine;
		const highlightFrom = number === message.line ? message.column - 1 : 0;
		const highlightTo = number === endLine && message.endColumn !== undefined ? message.endColumn - 1 : text.length;
		rows.push(
			`<span class="line${flagged ? " flagged" : ""}"><span class="number">${String(number).padStart(width)}</span> ${
				flagged ? highlighted(text, windowStart, highlightFrom, highlightTo) : clipped(text, windowStart)
			}</span>`,
		);
	}
	// Each line is a block of its own: joining them with line breaks too would double the spacing.
	return `<pre class="snippet"><code>${rows.join("")}</code></pre>`;
}

function highlighted(text: string, windowStart: number, from: number, to: number): string {
	const windowEnd = windowStart + LINE_WINDOW;
	const start = Math.max(windowStart, Math.min(from, windowEnd));
	const end = Math.max(start, Math.min(to, windowEnd));
	return (
		(windowStart > 0 ? "…" : "") +
		escapeHtml(text.slice(windowStart, start)) +
		(end > start ? `<mark>${escapeHtml(text.slice(start, end))}</mark>` : "") +
		escapeHtml(text.slice(end, windowEnd)) +
		(text.length > windowEnd ? "…" : "")
	);
}

function clipped(text: string, flaggedWindowStart: number): string {
	// A context line shorter than where the flagged line's window starts is shown from its start.
	const windowStart = text.length > flaggedWindowStart ? flaggedWindowStart : 0;
	const windowEnd = windowStart + LINE_WINDOW;
	return (
		(windowStart > 0 && text.length > 0 ? "…" : "") +
		escapeHtml(text.slice(windowStart, windowEnd)) +
		(text.length > windowEnd ? "…" : "")
	);
}

/** The text the line numbers refer to: the fixed output after --fix, else the file as linted. */
function sourceOf(result: ESLint.LintResult): string | undefined {
	if (result.output !== undefined) return result.output;
	if (result.source !== undefined) return result.source;
	// Never a named pipe, a device or a huge file: the read would block or never end (src/sandbox/guarded-read.ts).
	if (!checkOnDisk(result.filePath, MAX_TEMPLATE_BYTES).ok) return undefined;
	try {
		return readFileSync(result.filePath, "utf8");
	} catch {
		return undefined;
	}
}

function plural(count: number, noun: string): string {
	return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/gu, (character) => HTML_ESCAPES[character] ?? character);
}

export default formatHtmlReport;
