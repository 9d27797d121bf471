import { describe, expect, it } from "vitest";
import { Linter } from "eslint";
import type { File } from "@eslint/core";
import { CampaignLanguage } from "../../src/languages/campaign-language.js";
import { CampaignSourceCode } from "../../src/languages/campaign-source-code.js";
import { parseSidecar } from "../../src/campaign/parse.js";
import type { SidecarFormat } from "../../src/campaign/parse.js";
import { getPair, getPath, keyName, locatePath } from "../../src/campaign/ast.js";
import type { CampaignMapping, CampaignNode, CampaignScalar } from "../../src/campaign/ast.js";
import { campaignFromDocument, toPlainValue } from "../../src/campaign/model.js";
import validCampaign from "../../rules/valid-campaign.js";

const language = new CampaignLanguage();

function file(body: string, path = "/virtual/newsletter.campaign.yaml"): File {
	return { body, path, physicalPath: path, bom: false };
}

function parseOk(text: string, format: SidecarFormat = "yaml") {
	const result = parseSidecar(text, format);
	if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors)}`);
	return result;
}

function parseErrors(text: string, format: SidecarFormat = "yaml") {
	const result = parseSidecar(text, format);
	if (result.ok) throw new Error("expected a parse error");
	return result.errors;
}

function text(source: string, node: { range: [number, number] }): string {
	return source.slice(node.range[0], node.range[1]);
}

describe("parse positions", () => {
	it("gives exact ranges and 1-based locations to keys and values", () => {
		const source = "kind: marketing\naudience:\n  source: signup-form\n  countries: [NL, BE]\n";
		const { ast } = parseOk(source);
		const source_ = getPath(ast, ["audience", "source"]) as CampaignScalar;
		expect(source_.type).toBe("CampaignScalar");
		expect(source_.value).toBe("signup-form");
		expect(text(source, source_)).toBe("signup-form");
		expect(source_.loc).toEqual({ start: { line: 3, column: 11 }, end: { line: 3, column: 22 } });
		const be = getPath(ast, ["audience", "countries", 1]) as CampaignScalar;
		expect(be.value).toBe("BE");
		expect(be.loc.start).toEqual({ line: 4, column: 19 });
		const audience = getPair(ast.body as CampaignMapping, "audience")!;
		expect(audience.key.loc.start).toEqual({ line: 2, column: 1 });
		expect(text(source, audience)).toBe("audience:\n  source: signup-form\n  countries: [NL, BE]");
	});

	it.each([
		["LF", "\n"],
		["CRLF", "\r\n"],
		["lone CR", "\r"],
	])("counts %s line breaks the way ESLint does", (_name, newline) => {
		const source = ["kind: marketing", "# note", "esp: mailchimp", ""].join(newline);
		const { ast, comments } = parseOk(source);
		expect(getPath(ast, ["esp"])).toMatchObject({
			value: "mailchimp",
			loc: { start: { line: 3, column: 6 }, end: { line: 3, column: 15 } },
		});
		expect((getPath(ast, ["kind"]) as CampaignScalar).value).toBe("marketing");
		expect(comments).toHaveLength(1);
		expect(comments[0]).toMatchObject({
			value: " note",
			loc: { start: { line: 2, column: 1 }, end: { line: 2, column: 7 } },
		});
	});

	it("strips a BOM so offsets match the text ESLint hands rules", () => {
		const { ast } = parseOk("\uFEFFkind: transactional\n");
		const kind = getPath(ast, ["kind"])!;
		expect(kind.range).toEqual([6, 19]);
		expect(kind.loc.start).toEqual({ line: 1, column: 7 });
	});

	it("ends a block collection at its last entry, not at the comments and blank lines after it", () => {
		const source = "audience:\n  source: signup-form\n  # more later\n\nkind: marketing\nsubject: |\n  Hello\n\n";
		const { ast } = parseOk(source);
		const audience = getPair(ast.body as CampaignMapping, "audience")!;
		expect(text(source, audience)).toBe("audience:\n  source: signup-form");
		expect(audience.loc.end).toEqual({ line: 2, column: 22 });
		expect(text(source, ast.body!)).toBe(source.slice(0, source.indexOf("Hello") + 5));
		expect((getPath(ast, ["subject"]) as CampaignScalar).value).toBe("Hello\n");
	});

	it("keeps YAML 1.2 meanings: dates and `no` stay text, true stays boolean", () => {
		const { ast } = parseOk("audience:\n  lastCleaned: 2026-09-01\nlanguage: no\nespAppendsFooter: true\n");
		expect((getPath(ast, ["audience", "lastCleaned"]) as CampaignScalar).value).toBe("2026-09-01");
		expect((getPath(ast, ["language"]) as CampaignScalar).value).toBe("no");
		expect((getPath(ast, ["espAppendsFooter"]) as CampaignScalar).value).toBe(true);
	});

	it("keeps a YAML 1.1 timestamp as the text written, not a Date", () => {
		const { ast } = parseOk("%YAML 1.1\n---\naudience:\n  lastCleaned: 2026-09-01\n");
		expect((getPath(ast, ["audience", "lastCleaned"]) as CampaignScalar).value).toBe("2026-09-01");
	});

	it("gives `key:` with nothing after it a null value", () => {
		const { ast } = parseOk("consent:\nkind: marketing\n");
		const pair = getPair(ast.body as CampaignMapping, "consent")!;
		expect(pair.value).toBeNull();
		expect(locatePath(ast, ["consent"])).toEqual({ node: null, pair });
	});

	it("parses strict JSON with positions", () => {
		const source = '{\n  "kind": "marketing",\n  "audience": { "countries": ["NL"] }\n}\n';
		const { ast, comments } = parseOk(source, "json");
		expect(comments).toEqual([]);
		const nl = getPath(ast, ["audience", "countries", 0])!;
		expect(text(source, nl)).toBe('"NL"');
		expect(nl.loc.start).toEqual({ line: 3, column: 31 });
	});
});

describe("parse errors", () => {
	it("locates invalid YAML", () => {
		const errors = parseErrors("kind: marketing\naudience: [NL, BE\n");
		expect(errors[0]!.line).toBeGreaterThanOrEqual(2);
		expect(errors[0]!.message).not.toMatch(/at line \d+/u);
		expect(errors[0]!.message).not.toContain("\n");
	});

	it("refuses duplicate keys at the second one", () => {
		const [error] = parseErrors("kind: marketing\nesp: mailchimp\nkind: transactional\n");
		expect(error).toMatchObject({ line: 3, column: 1 });
		expect(error!.message).toMatch(/unique/iu);
	});

	it("explains comments in JSON", () => {
		const [error] = parseErrors('{\n  "kind": "marketing" // newsletter\n}\n', "json");
		expect(error).toMatchObject({ line: 2, column: 23 });
		expect(error!.message).toMatch(/JSON does not allow comments/u);
		const [hash] = parseErrors('{\n  # note\n  "kind": "marketing"\n}\n', "json");
		expect(hash).toMatchObject({ line: 2, column: 3 });
		expect(hash!.message).toMatch(/JSON does not allow comments/u);
	});

	it("explains trailing commas in JSON but not commas inside strings", () => {
		const [error] = parseErrors('{\n  "kind": "marketing",\n}\n', "json");
		expect(error).toMatchObject({ line: 2, column: 22 });
		expect(error!.message).toMatch(/trailing comma/u);
		parseOk('{ "subject": "a, }" }', "json");
		parseOk('{ "subject": "// not a comment # nor this" }', "json");
	});

	it("reports other JSON errors with a position", () => {
		const [error] = parseErrors('{ "kind": "marketing" "esp": "ses" }', "json");
		expect(error).toMatchObject({ line: 1, column: 23 });
		expect(error!.message).toMatch(/^Invalid JSON: /u);
	});

	it("refuses an alias bomb quickly", () => {
		const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
		for (let level = 1; level < 9; level++) {
			const previous = String.fromCharCode(96 + level);
			const name = String.fromCharCode(97 + level);
			lines.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(",")}]`);
		}
		const started = performance.now();
		const errors = parseErrors(lines.join("\n"));
		expect(performance.now() - started).toBeLessThan(500);
		expect(errors[0]!.message).toMatch(/billion laughs/u);
		expect(errors[0]!.line).toBe(2);
	});

	it("refuses a wide expansion that the yaml library's own alias count lets through", () => {
		const big = `big: &big [${Array.from({ length: 300 }, (_, i) => `v${i}`).join(", ")}]`;
		const uses = Array.from({ length: 40 }, (_, i) => `u${i}: *big`);
		const errors = parseErrors([big, ...uses].join("\n"));
		expect(errors[0]!.message).toMatch(/beyond 10000 values/u);
		expect(errors[0]).toMatchObject({ line: 2, column: 5 });
	});

	it("accepts an anchor reused a reasonable number of times", () => {
		const uses = Array.from({ length: 20 }, (_, i) => `  s${i}: *owner`);
		const { ast } = parseOk(["audience:", "  owner: &owner Acme BV", ...uses].join("\n"));
		expect(getPath(ast, ["audience", "s19"])).toMatchObject({ value: "Acme BV" });
	});

	it("accepts a few aliases and resolves them in the model", () => {
		const { ast } = parseOk(
			"sender: &org\n  name: Acme BV\nsentBy:\n  name: Acme BV\naudience:\n  owner: &owner Acme BV\n  name: *owner\n",
		);
		expect(campaignFromDocument(ast).audience).toEqual({ owner: "Acme BV", name: "Acme BV" });
		expect(getPath(ast, ["audience", "name"])).toMatchObject({
			type: "CampaignScalar",
			value: "Acme BV",
			anchor: "owner",
		});
		expect(locatePath(ast, ["audience", "name"])!.viaAlias).toMatchObject({ type: "CampaignAlias", name: "owner" });
	});

	it("refuses an alias without an anchor and an alias inside its own anchor", () => {
		expect(parseErrors("kind: marketing\nesp: *missing\n")[0]).toMatchObject({ line: 2, column: 6 });
		expect(parseErrors("audience: &a\n  segments: [*a]\n")[0]!.message).toMatch(/contains it/u);
	});

	it("refuses binary content", () => {
		const [error] = parseErrors("kind: mar\0keting\n");
		expect(error!.message).toMatch(/not a text file/u);
		expect(error).toMatchObject({ line: 1, column: 10 });
	});

	it("refuses a complex key", () => {
		expect(parseErrors("? [a, b]\n: c\n")[0]!.message).toMatch(/plain name/u);
	});

	it("refuses several documents in one file", () => {
		expect(parseErrors("kind: marketing\n---\nkind: transactional\n")[0]).toMatchObject({ line: 2 });
	});
});

describe("unusual but valid files", () => {
	it.each([
		["empty", "", "yaml"],
		["whitespace only", "  \n\n\t\n", "yaml"],
		["comments only", "# nothing yet\n", "yaml"],
		["empty JSON", "", "json"],
		["whitespace-only JSON", "\n  \n", "json"],
	] as const)("%s parses to an empty document", (_name, source, format) => {
		const { ast } = parseOk(source, format);
		expect(ast.body).toBeNull();
		expect(campaignFromDocument(ast)).toEqual({});
	});

	it("parses a list or a scalar at the top level (valid-campaign reports it)", () => {
		expect(parseOk("- kind: marketing\n").ast.body!.type).toBe("CampaignSequence");
		expect(parseOk("marketing\n").ast.body!.type).toBe("CampaignScalar");
		expect(campaignFromDocument(parseOk("- kind: marketing\n").ast)).toEqual({});
	});
});

describe("model", () => {
	it("drops unknown keys and wrong types, keeps the rest", () => {
		const { ast } = parseOk(
			"kind: transactional\nesp: mailchip\nespAppendsFooter: yes\nfoo: bar\naudience:\n  countries: [nl, BE, Netherlands]\n  lastCleaned: 1 sept\nheaders:\n  list-unsubscribe: <https://x.example/u>\nsender:\n  companyNumber: 12345678\n",
		);
		expect(campaignFromDocument(ast)).toEqual({
			kind: "transactional",
			audience: { countries: ["NL", "BE"] },
			headers: { "List-Unsubscribe": "<https://x.example/u>" },
		});
	});

	it("treats a `__proto__` key as an ordinary unknown key", () => {
		const { ast } = parseOk("__proto__:\n  kind: transactional\n");
		const plain = toPlainValue(ast) as Record<string, unknown>;
		expect(Object.getPrototypeOf(plain)).toBe(Object.prototype);
		expect(Object.keys(plain)).toEqual(["__proto__"]);
		expect(campaignFromDocument(ast)).toEqual({});
	});
});

describe("CampaignLanguage", () => {
	it("reports parse errors through ESLint's contract, never throwing", () => {
		const result = language.parse(file("kind: [\n"), { languageOptions: {} });
		expect(result.ok).toBe(false);
		expect(language.parse(file("kind: marketing\n", "/x/a.campaign.json"), { languageOptions: {} }).ok).toBe(false);
	});

	it("decides YAML or JSON from the path", () => {
		const yaml = language.parse(file("kind: marketing # comment\n"), { languageOptions: {} });
		expect(yaml).toMatchObject({ ok: true, format: "yaml" });
		const json = language.parse(file('{"kind": "marketing"}', "/x/a.campaign.json"), { languageOptions: {} });
		expect(json).toMatchObject({ ok: true, format: "json" });
	});

	it("rejects language options it does not know", () => {
		expect(() => language.validateLanguageOptions({})).not.toThrow();
		expect(() => language.validateLanguageOptions({ mode: "json5" })).toThrow(/no options but "includeRoot".*"mode"/u);
	});

	it("builds source code with traversal, parents and the campaign model", () => {
		const body = "kind: transactional\naudience:\n  countries: [NL]\n";
		const parsed = language.parse(file(body), { languageOptions: {} });
		if (!parsed.ok) throw new Error("parse failed");
		const code = language.createSourceCode(file(body), parsed, { languageOptions: {} });
		expect(code).toBeInstanceOf(CampaignSourceCode);
		expect(code.format).toBe("yaml");
		expect(code.campaign).toEqual({ kind: "transactional", audience: { countries: ["NL"] } });
		const steps = [...code.traverse()];
		const entered = steps.filter((step) => step.phase === 1).map((step) => (step.target as CampaignNode).type);
		expect(entered).toEqual([
			"CampaignDocument",
			"CampaignMapping",
			"CampaignPair",
			"CampaignScalar",
			"CampaignScalar",
			"CampaignPair",
			"CampaignScalar",
			"CampaignMapping",
			"CampaignPair",
			"CampaignScalar",
			"CampaignSequence",
			"CampaignScalar",
		]);
		expect(steps.filter((step) => step.phase === 2)).toHaveLength(entered.length);
		expect([...code.traverse()]).toEqual(steps);
		const nl = getPath(code.ast, ["audience", "countries", 0])!;
		expect(code.getParent(nl)!.type).toBe("CampaignSequence");
		expect(code.getAncestors(nl).map((node) => node.type)).toEqual([
			"CampaignDocument",
			"CampaignMapping",
			"CampaignPair",
			"CampaignMapping",
			"CampaignPair",
			"CampaignSequence",
		]);
		expect(code.getText(nl)).toBe("NL");
		expect(keyName((code.ast.body as CampaignMapping).pairs[0]!.key)).toBe("kind");
	});
});

describe("through ESLint's Linter", () => {
	const plugin = {
		meta: { name: "mailcomply-test" },
		languages: { campaign: language },
		rules: { "valid-campaign": validCampaign },
	};
	const config = (rules: Linter.RulesRecord = { "mailcomply/valid-campaign": "error" }): Linter.Config[] => [
		{
			files: ["**/*.campaign.yaml", "**/*.campaign.json"],
			plugins: { mailcomply: plugin as never },
			language: "mailcomply/campaign",
			rules,
		},
	];
	const linter = new Linter();
	const lint = (source: string, filename = "newsletter.campaign.yaml", rules?: Linter.RulesRecord) =>
		linter.verify(source, config(rules), { filename });

	it("reports a rule finding at the exact value", () => {
		const messages = lint("kind: marketing\nesp: mailchip\n");
		expect(messages).toHaveLength(1);
		expect(messages[0]).toMatchObject({
			ruleId: "mailcomply/valid-campaign",
			line: 2,
			column: 6,
			endLine: 2,
			endColumn: 14,
		});
	});

	it("reports a parse error as a fatal message with its location", () => {
		const messages = lint('{\n  "kind": "marketing",\n}\n', "newsletter.campaign.json");
		expect(messages).toHaveLength(1);
		expect(messages[0]).toMatchObject({ fatal: true, line: 2, column: 22 });
	});

	it("honours # eslint-disable-next-line", () => {
		expect(
			lint("kind: marketing\n# eslint-disable-next-line mailcomply/valid-campaign -- legacy value\nesp: mailchip\n"),
		).toEqual([]);
		// The directive covers the next line only (and is then reported as unused).
		const messages = lint("# eslint-disable-next-line mailcomply/valid-campaign\nkind: marketing\nesp: mailchip\n");
		expect(messages.filter((message) => message.ruleId === "mailcomply/valid-campaign")).toMatchObject([{ line: 3 }]);
		expect(messages.filter((message) => message.ruleId === null)).toMatchObject([
			{ line: 1, message: expect.stringMatching(/Unused eslint-disable/u) },
		]);
	});

	it("honours trailing # eslint-disable-line and block eslint-disable / eslint-enable", () => {
		expect(lint("esp: mailchip # eslint-disable-line mailcomply/valid-campaign\n")).toEqual([]);
		expect(
			lint(
				"# eslint-disable mailcomply/valid-campaign\nesp: mailchip\n# eslint-enable mailcomply/valid-campaign\nkind: promo\n",
			),
		).toHaveLength(1);
	});

	it("honours # eslint rule: off", () => {
		expect(lint("# eslint mailcomply/valid-campaign: off\nesp: mailchip\n")).toEqual([]);
		const bad = lint("# eslint mailcomply/valid-campaign: [\nesp: mailchip\n");
		expect(bad.some((message) => message.ruleId === null && message.line === 1)).toBe(true);
	});

	it("does not read a # inside a quoted value as a comment", () => {
		expect(lint('subject: "# eslint-disable-line mailcomply/valid-campaign"\nesp: mailchip\n')).toHaveLength(1);
	});

	it("locates findings in a CRLF file", () => {
		const messages = lint("kind: marketing\r\nesp: mailchip\r\n");
		expect(messages[0]).toMatchObject({ line: 2, column: 6 });
	});
});
