import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { Linter } from "eslint";
import plugin from "../../plugin/index.js";

/**
 * Property-based tests over generated and mutated MJML, HTML and campaign
 * sidecars (YAML and JSON).
 * CI runs a short, fixed-seed version; `npm run fuzz` runs a long one with
 * a fresh seed (FUZZ_RUNS, FUZZ_SEED; a failure prints the seed and path to
 * replay it: FUZZ_SEED=<seed> FUZZ_PATH=<path> npm run fuzz; FUZZ_TIMEOUT_S raises
 * the 300 s per property on a busy machine).
 */
const long = process.env["FUZZ_LONG"] === "1";
const runs = Number(process.env["FUZZ_RUNS"] ?? (long ? 2000 : 60));
const seed =
	process.env["FUZZ_SEED"] !== undefined ? Number(process.env["FUZZ_SEED"]) : long ? Date.now() % 2 ** 31 : 20261129;
const replayPath = process.env["FUZZ_PATH"];
// Each property must finish in 300 s: 20,000 HTML runs take about 180 s of one idle core. A machine shared
// with other work may need longer in wall time for a long run (FUZZ_TIMEOUT_S); the runs themselves are the same.
const timeout = Number(process.env["FUZZ_TIMEOUT_S"] ?? 300) * 1000;
const parameters: fc.Parameters<unknown> = {
	numRuns: runs,
	seed,
	...(replayPath ? { path: replayPath } : {}),
	endOnFailure: true,
};

const allRules = (language: string): Linter.RulesRecord =>
	Object.fromEntries(
		Object.entries(plugin.rules)
			.filter(([, rule]) => rule.meta?.languages?.includes(language))
			.map(([id]) => [`mailcomply/${id}`, "error"]),
	);

type FuzzedLanguage = "mjml" | "html" | "campaign" | "campaign-json" | "sms" | "whatsapp" | "eml";

const filenames: Record<FuzzedLanguage, string> = {
	mjml: "fuzz-virtual.mjml",
	html: "fuzz-virtual.html",
	campaign: "fuzz-virtual.campaign.yaml",
	"campaign-json": "fuzz-virtual.campaign.json",
	sms: "fuzz-virtual.sms.txt",
	whatsapp: "fuzz-virtual.whatsapp.json",
	eml: "fuzz-virtual.eml",
};

const buildConfig = (language: FuzzedLanguage): Linter.Config[] => [
	{
		// ESLint does not count a bare `**/*` as matching a file; name the extension.
		files: [`**/*${filenames[language].slice("fuzz-virtual".length)}`],
		plugins: { mailcomply: plugin },
		language: `mailcomply/${language === "campaign-json" ? "campaign" : language}`,
		rules: allRules(`mailcomply/${language === "campaign-json" ? "campaign" : language}`),
		settings: { mailcomply: { campaign: { esp: "mailchimp", audience: { countries: ["NL", "US"] } } } },
	},
];

// Built once: ESLint normalizes a config array the first time it sees it, which would cost more than many a lint.
const configs = {
	mjml: buildConfig("mjml"),
	html: buildConfig("html"),
	campaign: buildConfig("campaign"),
	"campaign-json": buildConfig("campaign-json"),
	sms: buildConfig("sms"),
	whatsapp: buildConfig("whatsapp"),
	eml: buildConfig("eml"),
};
const linter = new Linter({ configType: "flat" });

const corpus = path.resolve(import.meta.dirname, "../../../shared/corpus");
function corpusSamples(extension: string, count: number): string[] {
	if (!fs.existsSync(corpus)) return [];
	return fs
		.readdirSync(corpus, { recursive: true, encoding: "utf8" })
		.filter((file) => file.endsWith(extension))
		.sort()
		.slice(0, count)
		.map((file) => fs.readFileSync(path.join(corpus, file), "utf8").slice(0, 20_000));
}

// Fragments that stress the tokenizer: merge tags of every syntax, conditional comments, broken markup.
const fragments = [
	"*|UNSUB|*",
	"*|UNSUB|",
	"{{ unsubscribe }}",
	"{{ unsubscribe }",
	"{{{unsubscribe}}}",
	"{% unsubscribe %}",
	"{% if x %}",
	"<%asm_group_unsubscribe_raw_url%>",
	"%%unsub_center_url%%",
	"%unsubscribe_url%",
	"[[UNSUB_LINK_EN]]",
	"[unsubscribe]",
	"{$unsubscribe}",
	"##Unsubscribe##",
	"<!--[if mso]>",
	"<![endif]-->",
	"<!--[if !mso]><!-->",
	"<!--<![endif]-->",
	"<!-- eslint-disable -->",
	"<!-- eslint mailcomply/require-unsubscribe: off -->",
	'<a href="#">Afmelden</a>',
	'<a href="*|UNSUB|*">Unsubscribe</a>',
	"</td>",
	"<td>",
	"<p>",
	"</p>",
	"<mj-text>",
	"</mj-text>",
	"<mj-section>",
	"<mj-column>",
	'<mj-include path="../../etc/passwd" />',
	"<style>a{color:#fff}</style>",
	"&amp;",
	"&#x1F600;",
	"&",
	"<",
	">",
	'"',
	"'",
	"\r\n",
	"\r",
	"\u0000",
	"\uFFFD",
	"é",
	"😀",
	'<form><input type="email" name="email"><input type="checkbox" checked> nieuwsbrief</form>',
];

const markupFromGrammar: fc.Arbitrary<string> = fc.letrec((tie) => ({
	node: fc.oneof(
		{ depthSize: "small", withCrossShrink: true },
		fc.constantFrom(...fragments),
		fc.string({ maxLength: 20 }),
		fc
			.record({
				name: fc.constantFrom(
					"a",
					"p",
					"td",
					"table",
					"div",
					"span",
					"mj-text",
					"mj-section",
					"mj-column",
					"mj-button",
					"font",
					"b",
				),
				attributes: fc.array(
					fc.tuple(
						fc.constantFrom("href", "style", "class", "color", "bgcolor", "src", "title"),
						fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 12 })),
					),
					{ maxLength: 3 },
				),
				children: fc.array(tie("node") as fc.Arbitrary<string>, { maxLength: 4 }),
			})
			.map(
				({ name, attributes, children }) =>
					`<${name}${attributes.map(([key, value]) => ` ${key}="${value}"`).join("")}>${children.join("")}</${name}>`,
			),
	),
})).node as fc.Arbitrary<string>;

/** A base document with random splices: inserted fragments, deleted ranges, duplicated ranges. */
function mutated(bases: readonly string[]): fc.Arbitrary<string> {
	return fc
		.tuple(
			fc.constantFrom(...bases),
			fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.oneof(fc.constantFrom(...fragments), markupFromGrammar)), {
				maxLength: 6,
			}),
		)
		.map(([base, edits]) => {
			let text = base;
			for (const [at, remove, insert] of edits) {
				const position = text.length === 0 ? 0 : at % (text.length + 1);
				text = text.slice(0, position) + insert + text.slice(position + remove);
			}
			return text;
		});
}

const mjmlBases = [
	...corpusSamples(".mjml", 8),
	`<mjml><mj-body><mj-section><mj-column><mj-text>Hi <a href="*|UNSUB|*">Afmelden</a></mj-text></mj-column></mj-section></mj-body></mjml>`,
];
const htmlBases = [
	...corpusSamples(".html", 8),
	`<!DOCTYPE html><html><body><p>Hi <a href="#">Unsubscribe</a></p></body></html>`,
];
const yamlBases = [
	"kind: marketing\nesp: mailchimp\naudience:\n  countries: [NL, US]\n  source: third-party\n  owner: Acme\nlawfulBasis: consent\n",
	'sender:\n  name: Bakkerij de Vries B.V.\nheaders:\n  List-Unsubscribe: "<https://x.nl/u>"\n  List-Unsubscribe-Post: List-Unsubscribe=One-Click\n',
	"a: &a [1, 2]\nb: *a\nconsent: { explicit: true, record: crm }\n",
];
const yamlFragments = [
	"\n",
	": ",
	"- ",
	"&x ",
	"*x",
	"[",
	"]",
	"{",
	"}",
	"'",
	'"',
	"#",
	"# eslint-disable\n",
	"\t",
	"!!str ",
	"<<: *a\n",
	"kind: transactional\n",
	"segments: [{name: kerkblad}]\n",
];
const yamlInput = fc
	.tuple(
		fc.constantFrom(...yamlBases),
		fc.array(fc.tuple(fc.nat(), fc.nat({ max: 10 }), fc.constantFrom(...yamlFragments)), { maxLength: 6 }),
	)
	.map(([base, edits]) =>
		edits.reduce((text, [at, remove, insert]) => {
			const position = at % (text.length + 1);
			return text.slice(0, position) + insert + text.slice(position + remove);
		}, base),
	);

const jsonBases = [
	'{\n  "kind": "marketing",\n  "esp": "mailchimp",\n  "audience": { "countries": ["NL", "US"], "source": "third-party", "owner": "Acme" },\n  "lawfulBasis": "consent"\n}\n',
	'{"sender": {"name": "Bakkerij de Vries B.V."}, "headers": {"List-Unsubscribe": "<https://x.nl/u>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}}',
	'{"kind": "transactional", "consent": {"explicit": true, "record": "crm"}, "segments": [{"name": "kerkblad"}]}',
];
const jsonFragments = [
	"\n",
	",",
	":",
	'"',
	"{",
	"}",
	"[",
	"]",
	"// c\n",
	"/* c */",
	"#",
	"'",
	'"kind": "marketing", ',
	'"kind": 1, ',
	"null",
	"true",
	"1e999",
	'"\\u0000"',
	"\uFEFF",
	" ,}",
];
const jsonInput = fc
	.tuple(
		fc.constantFrom(...jsonBases),
		fc.array(fc.tuple(fc.nat(), fc.nat({ max: 10 }), fc.constantFrom(...jsonFragments)), { maxLength: 6 }),
	)
	.map(([base, edits]) =>
		edits.reduce((text, [at, remove, insert]) => {
			const position = at % (text.length + 1);
			return text.slice(0, position) + insert + text.slice(position + remove);
		}, base),
	);

/** Text messages: an SMS with its merge tags and STOP wording, and WhatsApp templates in Meta's JSON, mutated with the fragments that break each. */
const smsBases = [
	"Bakkerij de Vries: hoi {{ first_name }}, 15% korting! Voorwaarden: bakkerijdevries.nl/actie Afmelden? Sms STOP naar 4411\n",
	"Acme: 25% off, %FIRSTNAME%! Reply STOP to opt out. Msg&data rates may apply. {first_name}",
	"Teehaus Berger: 15% Rabatt – „Grüntee“ 🍵 Abmelden: Antworte STOPP\r\n",
];
const smsFragments = [
	"\n",
	"\r\n",
	"{{",
	"}}",
	"{",
	"}",
	"%",
	"STOP",
	'"stop"',
	"https://",
	"www.",
	".nl/",
	"“",
	"🍵",
	"\u00ad",
	"\uFFFD",
	" ",
	"*|UNSUB|*",
	// Segment counting: an extension character (two septets), a lone surrogate, a joiner, a segment's worth of text.
	"€",
	"\uD83C",
	"\u200D",
	"x".repeat(153),
];
const whatsappBases = [
	JSON.stringify(
		{
			name: "spring_sale",
			language: "nl",
			category: "MARKETING",
			components: [
				{ type: "HEADER", format: "TEXT", text: "Lente {{1}}", example: { header_text: ["actie"] } },
				{ type: "BODY", text: "Hoi {{1}},\n20% korting bij {{2}}!", example: { body_text: [["Sanne", "Jansen"]] } },
				{ type: "FOOTER", text: "Geen berichten meer? Stuur STOP" },
				{
					type: "BUTTONS",
					buttons: [
						{ type: "QUICK_REPLY", text: "Afmelden" },
						{ type: "URL", text: "Shop", url: "https://jansen.nl/{{1}}" },
					],
				},
			],
		},
		null,
		2,
	),
	'{"name":"order","language":"en_US","category":"UTILITY","components":[{"type":"BODY","text":"Order {{1}} \\u00e9 shipped. 20% off!"}]}',
];
const whatsappFragments = [
	"\n",
	",",
	":",
	'"',
	"{",
	"}",
	"[",
	"]",
	"\\",
	"\\u",
	"\\n",
	"{{1}}",
	"{{",
	"null",
	"true",
	"1e999",
	'"type": "BODY", ',
	'"category": "UTILITY", ',
	"\uFEFF",
	" ,}",
];
const edited = (bases: readonly string[], fragments: readonly string[]) =>
	fc
		.tuple(
			fc.constantFrom(...bases),
			fc.array(fc.tuple(fc.nat(), fc.nat({ max: 10 }), fc.constantFrom(...fragments)), { maxLength: 6 }),
		)
		.map(([base, edits]) =>
			edits.reduce((text, [at, remove, insert]) => {
				const position = at % (text.length + 1);
				return text.slice(0, position) + insert + text.slice(position + remove);
			}, base),
		);
/** Captured messages: a multipart message with 8bit, quoted-printable and base64 parts, mutated where MIME breaks (boundaries, headers, encodings). */
const emlBases = [
	'From: "Theehuis" <nieuws@theehuis.nl>\r\nSubject: =?UTF-8?Q?Lente_=E2=80=93_20=25?=\r\nList-Unsubscribe: <https://theehuis.nl/u/1>\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\nDKIM-Signature: v=1; d=theehuis.nl;\r\n h=from:list-unsubscribe; b=x\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary="b1"\r\n\r\n--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n20% korting. Afmelden: https://theehuis.nl/u/1\r\n--b1\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n<html><body><p>20% korting</p><a href="*|UNSUB|*">Afmelden</a></body></html>\r\n--b1--\r\n',
	'From: a@b.de\nContent-Type: multipart/mixed; boundary=o\n\n--o\nContent-Type: multipart/alternative; boundary=i\n\n--i\nContent-Type: text/html; charset=windows-1252\nContent-Transfer-Encoding: quoted-printable\n\n<p>Gr=FC=DFe <a href=3D"#">Abmelden</a></p>=\n\n--i--\n--o\nContent-Type: text/html\nContent-Transfer-Encoding: base64\n\nPHA+SGk8L3A+\n--o--\n',
];
const emlFragments = [
	"\r\n",
	"\n",
	"--b1",
	"--b1--",
	"--o\n",
	"--i--",
	"boundary=",
	"Content-Type: multipart/mixed; boundary=x\n\n--x\n",
	"Content-Transfer-Encoding: base64\n",
	"=?x-unknown?B?AAA=?=",
	"=\n",
	"=ZZ",
	": ",
	"\t",
	" ",
	"\u0000",
	"\uFFFD",
	"é",
	'<a href="#">Unsubscribe</a>',
];
const emlInput = fc
	.tuple(
		fc.constantFrom(...emlBases),
		fc.array(fc.tuple(fc.nat(), fc.nat({ max: 10 }), fc.constantFrom(...emlFragments)), { maxLength: 6 }),
	)
	.map(([base, edits]) =>
		edits.reduce((text, [at, remove, insert]) => {
			const position = at % (text.length + 1);
			return text.slice(0, position) + insert + text.slice(position + remove);
		}, base),
	);

function checkProperties(language: FuzzedLanguage, text: string): void {
	const config = configs[language];
	const filename = filenames[language];
	// 1. no exception escapes the language or any rule: verify would throw, and the plugin's
	//    guard would turn it into an internalError finding, which must not appear either
	const first = linter.verify(text, config, filename);
	// The tree ESLint linted (null when parsing failed), as text: compared with the next run's below.
	const firstTree = JSON.stringify(linter.getSourceCode()?.ast ?? null);
	expect(
		first.filter(
			(message) =>
				message.messageId === "internalError" || /could not parse this (template|message)/u.test(message.message),
		),
	).toEqual([]);
	// 2. every message has a valid location inside the file (one expect for all: thousands of runs make each call count)
	const lines = text.replace(/^\uFEFF/u, "").split(/\r\n|[\r\n]/u);
	const misplaced = first.filter(
		(message) =>
			!(
				message.line >= 1 &&
				message.line <= lines.length &&
				message.column >= 1 &&
				message.column <= lines[message.line - 1]!.length + 1
			) ||
			(message.endLine !== undefined && message.endLine > lines.length),
	);
	expect(misplaced).toEqual([]);
	// 3. parsing is stable: the same input gives the same messages and the same tree
	expect(JSON.stringify(linter.verify(text, config, filename))).toBe(JSON.stringify(first));
	expect(JSON.stringify(linter.getSourceCode()?.ast ?? null)).toBe(firstTree);
	// 4. a fix applied twice changes nothing the second time (without a fix there is nothing to apply: verifyAndFix would return the text)
	if (!first.some((message) => message.fix)) return;
	const fixed = linter.verifyAndFix(text, config, filename);
	expect(linter.verifyAndFix(fixed.output, config, filename).output).toBe(fixed.output);
}

describe(`fuzzing (seed ${seed}, ${runs} runs per property)`, () => {
	test("MJML: corpus mutations", { timeout }, () => {
		fc.assert(
			fc.property(mutated(mjmlBases), (text) => checkProperties("mjml", text)),
			parameters,
		);
	});
	test("HTML: corpus mutations", { timeout }, () => {
		fc.assert(
			fc.property(mutated(htmlBases), (text) => checkProperties("html", text)),
			parameters,
		);
	});
	test("HTML and MJML from a grammar", { timeout }, () => {
		fc.assert(
			fc.property(markupFromGrammar, fc.constantFrom("mjml" as const, "html" as const), (text, language) =>
				checkProperties(language, text),
			),
			parameters,
		);
	});
	test("campaign YAML mutations", { timeout }, () => {
		fc.assert(
			fc.property(yamlInput, (text) => checkProperties("campaign", text)),
			parameters,
		);
	});
	test("campaign JSON mutations", { timeout }, () => {
		fc.assert(
			fc.property(jsonInput, (text) => checkProperties("campaign-json", text)),
			parameters,
		);
	});
	test("SMS mutations", { timeout }, () => {
		fc.assert(
			fc.property(edited(smsBases, smsFragments), (text) => checkProperties("sms", text)),
			parameters,
		);
	});
	test("WhatsApp template mutations", { timeout }, () => {
		fc.assert(
			fc.property(edited(whatsappBases, whatsappFragments), (text) => checkProperties("whatsapp", text)),
			parameters,
		);
	});
	test(".eml mutations", { timeout }, () => {
		fc.assert(
			fc.property(emlInput, (text) => checkProperties("eml", text)),
			parameters,
		);
	});
});
