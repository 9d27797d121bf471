import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ESLint, type Linter } from "eslint";
import { parseDocument } from "htmlparser2";
import type * as Sarif from "sarif";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";
import { formatJunit } from "../../src/formatters/junit.js";
import { formatSarif } from "../../src/formatters/sarif.js";
import { load as loadHtml } from "cheerio";
import { formatHtmlReport } from "../../src/formatters/html-report.js";
import { ruleDocsUrl } from "../../src/rule-docs.js";
import { ruleReasoning } from "../../src/formatters/rule-reasoning.js";
import { DecodedLines } from "../../src/eml/decoded-lines.js";
import plugin from "../../plugin/index.js";
import { createZeroConfig } from "../../src/cli/config.js";

const RULE = "mailcomply/require-unsubscribe";

const FILES: Record<string, string> = {
	"emails/promo.mjml": `<mjml>
	<mj-body>
		<mj-section><mj-column><mj-text><p>Spring sale.</p></mj-text></mj-column></mj-section>
	</mj-body>
</mjml>
`,
	"emails/welcome.mjml": `<mjml><mj-body><mj-section><mj-column><mj-text>
<p>Welcome. <a href="*|UNSUB|*">Unsubscribe</a></p>
</mj-text></mj-column></mj-section></mj-body></mjml>
`,
	// A space and a # in the path: URIs must encode them.
	"emails/summer sale #2/deal.html": `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Deal</title></head>
<body><p>Deal. <a href="#">Unsubscribe</a></p></body></html>
`,
	// A typo in the sidecar: the kind is ignored and read from the content, where a sale banner makes the receipt marketing.
	"emails/receipt.campaign.yaml": "kind: transactionnal\n",
	"emails/receipt.html": `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Receipt</title></head>
<body><p>Your order has shipped.</p><p>Spring sale: 20% off your next order.</p></body></html>
`,
};

let dir: string;

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
	let stdout = "";
	let stderr = "";
	const code = await run(argv, {
		stdout: { write: (text: string) => (stdout += text) },
		stderr: { write: (text: string) => (stderr += text) },
		cwd: dir,
	});
	return { code, stdout, stderr };
}

/**
 * The CLI's zero config with only these rules on, so that rules other
 * engineers add do not change what these tests count; plus the context
 * ESLint gives a formatter.
 */
async function lintOnly(ruleIds: string[], patterns = ["."]): Promise<[ESLint.LintResult[], ESLint.LintResultData]> {
	const only = (config: Linter.Config): Linter.Config =>
		config.rules
			? { ...config, rules: Object.fromEntries(Object.entries(config.rules).filter(([id]) => ruleIds.includes(id))) }
			: config;
	const eslint = new ESLint({
		cwd: dir,
		overrideConfigFile: true,
		overrideConfig: createZeroConfig(plugin, undefined).map(only),
	});
	const results = await eslint.lintFiles(patterns);
	return [results, { cwd: dir, rulesMeta: eslint.getRulesMetaForResults(results) }];
}

const OUR_RULES = [RULE, "mailcomply/valid-campaign"];

beforeAll(() => {
	dir = mkdtempSync(path.join(tmpdir(), "mailcomply-formatters-"));
	for (const [name, text] of Object.entries(FILES)) {
		mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
		writeFileSync(path.join(dir, name), text);
	}
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("SARIF", () => {
	let log: Sarif.Log;
	beforeAll(async () => {
		log = JSON.parse(formatSarif(...(await lintOnly(OUR_RULES)))) as Sarif.Log;
	});

	it("is a SARIF 2.1.0 log with one run by mailcomply", () => {
		expect(log.version).toBe("2.1.0");
		expect(log.$schema).toBe("https://json.schemastore.org/sarif-2.1.0.json");
		expect(log.runs).toHaveLength(1);
		expect(log.runs[0]?.tool.driver.name).toBe("mailcomply");
		expect(log.runs[0]?.originalUriBaseIds?.["%SRCROOT%"]?.uri).toBe(`${pathToFileURL(dir).href}/`);
	});

	it("has a result per finding with ruleId, level, message and a 1-based region in a relative URI", () => {
		const run0 = log.runs[0];
		const results = run0?.results ?? [];
		const byUri = (uri: string) =>
			results.filter((result) => result.locations?.[0]?.physicalLocation?.artifactLocation?.uri === uri);
		expect(results).toHaveLength(4);
		for (const result of results) {
			expect(result.ruleId).toMatch(/^mailcomply\/[a-z-]+$/);
			expect(result.level).toBe("error");
			expect(result.message.text).not.toBe("");
			const location = result.locations?.[0]?.physicalLocation;
			expect(location?.artifactLocation?.uriBaseId).toBe("%SRCROOT%");
			expect(location?.region?.startLine).toBeGreaterThanOrEqual(1);
			expect(location?.region?.startColumn).toBeGreaterThanOrEqual(1);
			// ruleIndex and artifact index point at the right entries.
			expect(run0?.tool.driver.rules?.[result.ruleIndex ?? -1]?.id).toBe(result.ruleId);
			expect(run0?.artifacts?.[location?.artifactLocation?.index ?? -1]?.location?.uri).toBe(
				location?.artifactLocation?.uri,
			);
		}
		const [promo] = byUri("emails/promo.mjml");
		expect(promo?.ruleId).toBe(RULE);
		expect(promo?.locations?.[0]?.physicalLocation?.region).toMatchObject({ startLine: 2, startColumn: 2 });
		const [deal] = byUri("emails/summer%20sale%20%232/deal.html");
		expect(deal?.ruleId).toBe(RULE);
		expect(deal?.locations?.[0]?.physicalLocation?.region).toMatchObject({ startLine: 3, startColumn: 16 });
		const [sidecar] = byUri("emails/receipt.campaign.yaml");
		expect(sidecar?.ruleId).toBe("mailcomply/valid-campaign");
		expect(sidecar?.locations?.[0]?.physicalLocation?.region).toMatchObject({ startLine: 1, startColumn: 7 });
	});

	it("describes each reported rule once, with helpUri from meta.docs.url", () => {
		const rules = log.runs[0]?.tool.driver.rules ?? [];
		expect(rules.map((rule) => rule.id).sort()).toEqual([RULE, "mailcomply/valid-campaign"]);
		const unsubscribe = rules.find((rule) => rule.id === RULE);
		expect(unsubscribe?.helpUri).toBe(ruleDocsUrl("require-unsubscribe"));
		expect(unsubscribe?.shortDescription?.text).toBe(plugin.rules["require-unsubscribe"]!.meta!.docs!.description);
	});

	it("carries each rule's legal reasoning, the Why section of its doc, as help text and Markdown", () => {
		const rules = log.runs[0]?.tool.driver.rules ?? [];
		const unsubscribe = rules.find((rule) => rule.id === RULE);
		expect(unsubscribe?.help?.markdown).toContain("**ePrivacy Directive 2002/58/EC, art. 13(4)**");
		expect(unsubscribe?.help?.markdown).toContain("Legal sources");
		expect(unsubscribe?.help?.markdown).not.toContain("<!--");
		expect(unsubscribe?.help?.markdown).not.toContain("## What it checks");
		// Plain text: no Markdown emphasis, links written out.
		expect(unsubscribe?.help?.text).toContain("ePrivacy Directive 2002/58/EC, art. 13(4) forbids");
		expect(unsubscribe?.help?.text).not.toContain("**");
		// What users read names no file of mailcomply's own source, in any rule's reasoning.
		for (const [id, rule] of Object.entries(plugin.rules)) {
			const reasoning = ruleReasoning(rule.meta?.docs?.url);
			expect(`${reasoning?.text ?? ""}\n${reasoning?.markdown ?? ""}`, id).not.toMatch(/\bsrc\/|\.ts\b/u);
		}
		expect(unsubscribe?.help?.text).toContain("ePrivacy Directive art. 13(4) (https://eur-lex.europa.eu/");
		expect(unsubscribe?.fullDescription?.text).toMatch(/^Every marketing message must offer an easy, free way/u);
		for (const rule of rules) expect(rule.help?.text, rule.id).toBeTruthy();
	});

	it("lists every linted file as an artifact, clean ones included", () => {
		const uris = (log.runs[0]?.artifacts ?? []).map((artifact) => artifact.location?.uri).sort();
		expect(uris).toEqual([
			"emails/promo.mjml",
			"emails/receipt.campaign.yaml",
			"emails/receipt.html",
			"emails/summer%20sale%20%232/deal.html",
			"emails/welcome.mjml",
		]);
	});

	it("is an empty result list for a clean run", async () => {
		const clean = JSON.parse(formatSarif(...(await lintOnly(OUR_RULES, ["emails/welcome.mjml"])))) as Sarif.Log;
		expect(clean.runs[0]?.results).toEqual([]);
		expect(clean.runs[0]?.artifacts).toEqual([{ location: { uri: "emails/welcome.mjml", uriBaseId: "%SRCROOT%" } }]);
	});
});

/** Hand-made results for what a real run rarely produces. */
function result(filePath: string, messages: Partial<Linter.LintMessage>[]): ESLint.LintResult {
	const full = messages.map(
		(message) => ({ ruleId: null, severity: 2, message: "", line: 1, column: 1, ...message }) as Linter.LintMessage,
	);
	return {
		filePath,
		messages: full,
		suppressedMessages: [],
		errorCount: full.filter((message) => message.severity === 2).length,
		warningCount: full.filter((message) => message.severity === 1).length,
		fatalErrorCount: full.filter((message) => message.fatal).length,
		fixableErrorCount: 0,
		fixableWarningCount: 0,
		usedDeprecatedRules: [],
	};
}

const CONTEXT: ESLint.LintResultData = {
	cwd: "/project",
	rulesMeta: {
		[RULE]: { docs: { description: "Require a working unsubscribe link", url: ruleDocsUrl("require-unsubscribe") } },
	},
};

describe("formatSarif edge cases", () => {
	it("names rule-less messages, maps warnings to level warning, and uses absolute URIs outside cwd", () => {
		const log = JSON.parse(
			formatSarif(
				[
					result("/project/a.mjml", [{ fatal: true, message: "Parsing error: unexpected end" }]),
					result("/elsewhere/b.html", [
						{ severity: 1, message: "Unused eslint-disable directive", line: 4, column: 3 },
					]),
				],
				CONTEXT,
			),
		) as Sarif.Log;
		const [fatal, directive] = log.runs[0]?.results ?? [];
		expect(fatal?.ruleId).toBe("parse-error");
		expect(fatal?.level).toBe("error");
		expect(directive?.ruleId).toBe("eslint-directive");
		expect(directive?.level).toBe("warning");
		expect(directive?.locations?.[0]?.physicalLocation?.artifactLocation).toEqual({
			uri: "file:///elsewhere/b.html",
			index: 1,
		});
		expect(log.runs[0]?.tool.driver.rules?.every((rule) => rule.helpUri === undefined)).toBe(true);
	});
});

describe("JUnit", () => {
	it("is well-formed JUnit XML: one suite per file, a failing case per finding, a passing case per clean file", async () => {
		const stdout = formatJunit(...(await lintOnly(OUR_RULES)));
		expect(
			stdout.startsWith(
				`<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="mailcomply" tests="5" failures="4" errors="0">`,
			),
		).toBe(true);
		const document = parseDocument(stdout, { xmlMode: true });
		const elements = (name: string) =>
			(function collect(
				nodes: typeof document.children,
			): { name: string; attribs: Record<string, string>; text: string }[] {
				return nodes.flatMap((node) => {
					if (node.type !== "tag") return [];
					const own =
						node.name === name
							? [
									{
										name: node.name,
										attribs: node.attribs,
										text: node.children.map((child) => ("data" in child ? child.data : "")).join(""),
									},
								]
							: [];
					return [...own, ...collect(node.children)];
				});
			})(document.children);
		const suites = elements("testsuite");
		expect(suites.map((suite) => [suite.attribs.name, suite.attribs.failures]).sort()).toEqual([
			["emails/promo.mjml", "1"],
			["emails/receipt.campaign.yaml", "1"],
			["emails/receipt.html", "1"],
			["emails/summer sale #2/deal.html", "1"],
			["emails/welcome.mjml", "0"],
		]);
		const failures = elements("failure");
		expect(failures).toHaveLength(4);
		const deal = failures.find(
			(failure) => failure.attribs.type === `error ${RULE}` && failure.text.includes("deal.html"),
		);
		// The finding rests on the kind read from the content, and says so.
		expect(deal?.attribs.message).toMatch(/^Unsubscribe link "Unsubscribe" .* \(Assumed marketing\.\)$/u);
		expect(deal?.text).toContain(`Rule documentation: ${ruleDocsUrl("require-unsubscribe")}`);
		expect(elements("testcase").filter((testcase) => testcase.attribs.name === "emails/welcome.mjml")).toHaveLength(1);
	});

	it("escapes markup and drops characters XML cannot carry", () => {
		const output = formatJunit(
			[result("/project/x&y.html", [{ ruleId: RULE, message: `Link "<a href='#'>" & more\u0007` }])],
			CONTEXT,
		);
		expect(output).toContain(`message="Link &quot;&lt;a href=&apos;#&apos;&gt;&quot; &amp; more\uFFFD"`);
		expect(output).toContain(`<testsuite name="x&amp;y.html"`);
		expect(output).not.toContain("\u0007");
	});
});

describe("formatHtmlReport", () => {
	it("escapes file names and messages, and survives a file it cannot read", () => {
		const output = formatHtmlReport(
			[result("/project/<b>.html", [{ ruleId: RULE, message: "<script>alert(1)</script>", line: 3, column: 2 }])],
			CONTEXT,
		);
		expect(output).toContain("&lt;b&gt;.html");
		expect(output).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
		expect(output).not.toContain("<script>");
		expect(output).not.toContain('class="snippet"');
	});

	it("shows an encoded part's decoded-line quote as a quoted line of its own, escaped", () => {
		// The quote as src/eml/decoded-lines.ts writes it after a finding in a base64 part.
		const decoded = new DecodedLines(`${"<p>filler</p>\n".repeat(8)}<a href="#">Afmelden</a>\n`, "base64 HTML part");
		const target = {};
		decoded.remember(target, 9);
		const message = `This marketing e-mail has no unsubscribe link.${decoded.quote(target)!}`;
		const $ = loadHtml(
			formatHtmlReport([result("/project/promo.eml", [{ ruleId: RULE, message, line: 3, column: 1 }])], CONTEXT),
		);
		expect($(".finding .message").text()).toMatch(/has no unsubscribe link\.$/u);
		const quote = $(".finding blockquote.decoded");
		expect(quote).toHaveLength(1);
		expect(quote.find(".part").text()).toBe("base64 HTML part, decoded line 9");
		expect(quote.find("q").text()).toBe('<a href="#">Afmelden</a>');
		expect(quote.find("a")).toHaveLength(0);
	});

	it("shows each reported rule's legal reasoning once, from its doc, escaped, linked from its findings", () => {
		const HEADERS = "mailcomply/bulk-sender-headers";
		const output = formatHtmlReport(
			[
				result("/project/a.eml", [
					{ ruleId: HEADERS, message: "one", line: 1, column: 1 },
					{ ruleId: HEADERS, message: "two", line: 2, column: 1 },
					{ ruleId: RULE, message: "three", line: 3, column: 1 },
				]),
			],
			{
				...CONTEXT,
				rulesMeta: {
					...CONTEXT.rulesMeta,
					[HEADERS]: { docs: { description: "Headers", url: ruleDocsUrl("bulk-sender-headers") } },
				},
			},
		);
		const $ = loadHtml(output);
		const reasoning = $("details.reasoning");
		expect(reasoning).toHaveLength(2);
		const headers = $("details#why-bulk-sender-headers");
		// The doc's `<id@domain>` shows as text, never as an element.
		expect(headers.text()).toContain("<id@domain>");
		expect(output).toContain("&lt;id@domain&gt;");
		expect(headers.find("id\\@domain")).toHaveLength(0);
		expect(headers.text()).toContain("RFC 5322");
		expect($("details#why-require-unsubscribe").text()).toContain("ePrivacy Directive 2002/58/EC, art. 13(4)");
		expect($('.finding a[href="#why-bulk-sender-headers"]')).toHaveLength(2);
	});

	it("shows a window around the column of a long minified line, marking the finding", () => {
		const line = `${"<td>filler</td>".repeat(40)}<a href="#">Unsubscribe</a>${"<td>more</td>".repeat(40)}`;
		const column = line.indexOf("<a ") + 1;
		const output = formatHtmlReport(
			[
				{
					...result("/project/min.html", [
						{ ruleId: RULE, message: "broken", line: 1, column, endLine: 1, endColumn: column + 12 },
					]),
					source: line,
				},
			],
			CONTEXT,
		);
		// The report is queried as HTML (cheerio), not as text: what is marked, in which line, linking where.
		const $ = loadHtml(output);
		const snippet = $("pre.snippet");
		expect(snippet).toHaveLength(1);
		expect(snippet.find("mark").text()).toBe('<a href="#">');
		expect(snippet.find(".line.flagged .number").text()).toBe("1");
		expect(snippet.find(".line.flagged").text()).toMatch(/^1 …/u);
		expect(snippet.text().length).toBeLessThan(400);
		expect(output).toContain("0 to review");
		expect($(`a[href="${ruleDocsUrl("require-unsubscribe")}"]`).length).toBeGreaterThan(0);
	});
});

describe("formats through the CLI", () => {
	it("--format sarif: every finding of every rule, with its rule described, and the exit code kept", async () => {
		const { code, stdout, stderr } = await cli("--format", "sarif");
		expect({ code, stderr }).toEqual({ code: 1, stderr: "" });
		const log = JSON.parse(stdout) as Sarif.Log;
		const [json] = [JSON.parse((await cli("--format", "json")).stdout) as { messages: unknown[] }[]];
		const results = log.runs[0]?.results ?? [];
		expect(results).toHaveLength(json.reduce((total, file) => total + file.messages.length, 0));
		expect(
			results.some(
				(result) =>
					result.ruleId === RULE &&
					result.locations?.[0]?.physicalLocation?.artifactLocation?.uri === "emails/promo.mjml",
			),
		).toBe(true);
		for (const result of results) {
			const rule = log.runs[0]?.tool.driver.rules?.[result.ruleIndex ?? -1];
			expect(rule?.id).toBe(result.ruleId);
			expect(rule?.helpUri).toBe(ruleDocsUrl(String(result.ruleId).replace("mailcomply/", "")));
		}
	});

	it("--format junit: as many failures as findings", async () => {
		const { code, stdout } = await cli("--format", "junit");
		expect(code).toBe(1);
		const json = JSON.parse((await cli("--format", "json")).stdout) as { messages: unknown[] }[];
		expect(stdout.match(/<failure /gu)?.length).toBe(json.reduce((total, file) => total + file.messages.length, 0));
	});

	it("--format html writes the report to stdout", async () => {
		const { code, stdout } = await cli("--format", "html", "emails/promo.mjml");
		expect(code).toBe(1);
		expect(stdout).toMatch(/^<!DOCTYPE html>/u);
		expect(stdout).toContain("No unsubscribe link");
		expect(stdout).not.toMatch(/<(?:script|link)\b|src="http|url\(http/u);
	});
});
