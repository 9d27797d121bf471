/**
 * The kind-inference confusion table of docs/zero-config.md, re-measurable:
 * a sample of shared-corpus templates, each labelled by reading it
 * (mail-kind-labels.tsv: marketing, transactional, partial, layout, web
 * page), against what mailcomply infers with no sidecar. The corpus is not
 * part of the project; where it is absent the test is skipped.
 * `MAILCOMPLY_PRINT_CONFUSION=1` prints the table and each disagreement.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { TemplateLanguage } from "../../src/languages/template-language.js";
import { inferMailKind } from "../../src/analyses/mail-kind.js";
import { findPageRoot } from "../../src/analyses/document.js";
import { classifyWebPage } from "../../src/analyses/web-page.js";

const corpus = path.resolve(import.meta.dirname, "../../../shared/corpus");
const present = fs.existsSync(corpus);
const LABELS = ["marketing", "transactional", "partial", "layout", "web page"] as const;
type Label = (typeof LABELS)[number];

function labelled(): Array<{ file: string; label: Label }> {
	const text = fs.readFileSync(path.join(import.meta.dirname, "mail-kind-labels.tsv"), "utf8");
	return text
		.split("\n")
		.filter((line) => line.trim() !== "" && !line.startsWith("#"))
		.map((line) => {
			const [file, label] = line.split("\t");
			if (!LABELS.includes(label as Label)) throw new Error(`unknown label "${label}" for ${file}`);
			return { file: file!, label: label as Label };
		});
}

/** What mailcomply makes of a corpus file with no sidecar: skipped as a web page, not judged as a whole mail, or a kind. */
function inferredCategory(file: string): Label {
	const format = file.endsWith(".mjml") ? "mjml" : "html";
	const language = new TemplateLanguage({ format });
	const physicalPath = path.join(corpus, file);
	const input = { path: physicalPath, physicalPath, bom: false, body: fs.readFileSync(physicalPath, "utf8") };
	const context = { languageOptions: { includeRoot: corpus } };
	const parsed = language.parse(input, context);
	if (!parsed.ok) throw new Error(`${file} does not parse`);
	const sourceCode = language.createSourceCode(input, parsed, context);
	if (format === "html" && classifyWebPage(sourceCode, { inMailFolder: false }).webPage) return "web page";
	if (sourceCode.ast.role === "layout") return "layout";
	if (!findPageRoot(sourceCode)) return "partial";
	return inferMailKind(sourceCode).kind;
}

describe.skipIf(!present)("kind inference on the hand-labelled corpus sample", () => {
	test("agrees with the labels as docs/zero-config.md says", { timeout: 120_000 }, () => {
		const sample = labelled();
		const table = new Map<string, number>();
		const disagreements: string[] = [];
		for (const { file, label } of sample) {
			const inferred = inferredCategory(file);
			table.set(`${label}\0${inferred}`, (table.get(`${label}\0${inferred}`) ?? 0) + 1);
			if (inferred !== label) disagreements.push(`${label} → ${inferred}: ${file}`);
		}
		if (process.env["MAILCOMPLY_PRINT_CONFUSION"]) {
			const columns = LABELS;
			const rows = [`| label ↓ / inferred → | ${columns.join(" | ")} | total |`];
			for (const row of LABELS) {
				const counts = columns.map((column) => table.get(`${row}\0${column}`) ?? 0);
				const total = counts.reduce((sum, count) => sum + count, 0);
				if (total > 0) rows.push(`| ${row} | ${counts.join(" | ")} | ${total} |`);
			}
			console.log(`${rows.join("\n")}\n\n${disagreements.join("\n")}`);
		}
		const count = (label: Label, inferred: Label) => table.get(`${label}\0${inferred}`) ?? 0;
		// The numbers docs/zero-config.md gives: a change to the inference that moves them must move the doc too.
		expect(sample.length).toBe(EXPECTED.total);
		expect(sample.length - disagreements.length).toBe(EXPECTED.agree);
		// The dangerous direction: marketing read as transactional loses its opt-out check.
		expect(count("marketing", "transactional")).toBe(EXPECTED.marketingAsTransactional);
	});
});

const EXPECTED = { total: 110, agree: 94, marketingAsTransactional: 1 };
