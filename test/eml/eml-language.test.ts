import { afterEach, describe, expect, test } from "vitest";
import { EmlLanguage } from "../../src/languages/eml-language.js";
import type { EmlSourceCode } from "../../src/languages/eml-source-code.js";
import type { ElementNode } from "../../src/ast/types.js";
import { lintWithRules, tempProject } from "../helpers/lint.js";

const eml = new EmlLanguage();

function sourceOf(body: string): EmlSourceCode {
	const file = { body, path: "/nowhere/m.eml", physicalPath: "/nowhere/m.eml", bom: false } as never;
	const result = eml.parse(file, { languageOptions: {} } as never);
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
	return eml.createSourceCode(file, result, { languageOptions: {} } as never);
}

const crlf = (text: string) => text.replace(/\n/gu, "\r\n");
const HTML =
	'<html lang="nl"><body><p>Voorjaarsactie: 20% korting.</p><p><a href="https://example.nl/afmelden">Afmelden</a></p></body></html>';

const message = (htmlPart: string) =>
	crlf(`From: "Theehuis B.V." <nieuws@theehuis.nl>
Subject: =?UTF-8?Q?Voorjaarsactie_=E2=80=93_20=25?=
List-Unsubscribe: <https://example.nl/u/abc>,
 <mailto:unsub@theehuis.nl>
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="b1"

--b1
Content-Type: text/plain; charset=utf-8

Afmelden: https://example.nl/afmelden
--b1
${htmlPart}
--b1--
`);

const cleanups: Array<() => void> = [];
afterEach(() => {
	for (const cleanup of cleanups.splice(0)) cleanup();
});

describe("mailcomply/eml", () => {
	test("headers are located fields with decoded values and addresses", () => {
		const code = sourceOf(message(`Content-Type: text/html; charset=utf-8\n\n${HTML}`));
		const [unsubscribe] = code.headers("list-unsubscribe");
		expect(code.text.slice(...unsubscribe!.range)).toBe(
			"List-Unsubscribe: <https://example.nl/u/abc>,\r\n <mailto:unsub@theehuis.nl>",
		);
		expect(unsubscribe!.loc).toMatchObject({ start: { line: 3, column: 1 }, end: { line: 4 } });
		expect(code.headers("subject")[0]!.decoded).toBe("Voorjaarsactie – 20%");
		expect(code.headers("from")[0]!.addresses).toEqual([{ name: "Theehuis B.V.", address: "nieuws@theehuis.nl" }]);
		expect(code.getCampaign({}).campaign.sender).toMatchObject({ name: "Theehuis B.V.", email: "nieuws@theehuis.nl" });
	});

	test("an 8bit HTML part is parsed in place: its nodes have the file's own offsets", () => {
		const text = message(`Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n${HTML}`);
		const code = sourceOf(text);
		const link = code
			.traverse()
			.map((step) => step.target)
			.find((node): node is ElementNode => (node as ElementNode).name === "a")!;
		expect(text.slice(...link.range)).toBe('<a href="https://example.nl/afmelden">Afmelden</a>');
		expect(link.loc.start.line).toBe(16);
		const part = code.textPart!.children[0]!;
		expect(text.slice(...part.children[0]!.range)).toBe("https://example.nl/afmelden");
	});

	test("a base64 HTML part is decoded; its nodes point at its Content-Transfer-Encoding header", () => {
		const encoded = Buffer.from(HTML)
			.toString("base64")
			.replace(/(.{76})/gu, "$1\n");
		const code = sourceOf(
			message(`Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: base64\n\n${encoded}`),
		);
		const link = code
			.traverse()
			.map((step) => step.target)
			.find((node): node is ElementNode => (node as ElementNode).name === "a")!;
		expect(link.attributes[0]!.value).toBe("https://example.nl/afmelden");
		expect(code.text.slice(...link.range)).toBe("Content-Transfer-Encoding: base64");
		expect(link.loc.start).toEqual({ line: 14, column: 1 });
		// The finding quotes the decoded line it is about, found by the node or by any of its locations.
		const quote = ' [base64 HTML part, decoded line 1: "' + HTML.slice(0, 97) + '…"]';
		expect(code.decodedQuote(link)).toBe(quote);
		expect(code.decodedQuote(link.startTag.loc)).toBe(quote);
		// A finding about the whole mail, on <body>, quotes nothing; nor does a part sent as 8bit.
		const body = code
			.traverse()
			.map((step) => step.target)
			.find((node): node is ElementNode => (node as ElementNode).name === "body")!;
		expect(code.decodedQuote(body.startTag.loc)).toBeUndefined();
		expect(sourceOf(message(`Content-Type: text/html; charset=utf-8\n\n${HTML}`)).decodedQuote(link)).toBeUndefined();
	});

	test("a quoted-printable part: each node quotes its own decoded line, soft line breaks joined", () => {
		const qp =
			"<p>Lente=\n" +
			'actie: 20% korting.</p>\n<p>Caf=C3=A9 de Vries, Kerkstraat 1</p>\n<p><a href=3D"#">Afmelden</a></p>\n';
		const code = sourceOf(
			message(`Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n${qp}`),
		);
		const link = code
			.traverse()
			.map((step) => step.target)
			.find((node): node is ElementNode => (node as ElementNode).name === "a")!;
		expect(code.decodedQuote(link)).toBe(
			' [quoted-printable HTML part, decoded line 3: "<p><a href="#">Afmelden</a></p>"]',
		);
		const paragraph = code
			.traverse()
			.map((step) => step.target)
			.find((node): node is ElementNode => (node as ElementNode).name === "p")!;
		expect(code.decodedQuote(paragraph)).toBe(
			' [quoted-printable HTML part, decoded line 1: "<p>Lenteactie: 20% korting.</p>"]',
		);
	});

	test("a text part in UTF-16 is decoded to its text, and its URL is found", () => {
		const utf16 = Buffer.concat([
			Buffer.from([0xff, 0xfe]),
			Buffer.from("Afmelden: https://example.nl/afmelden\n", "utf16le"),
		]).toString("base64");
		const code = sourceOf(
			crlf(`From: a@b.nl\nContent-Type: text/plain; charset=utf-16\nContent-Transfer-Encoding: base64\n\n${utf16}\n`),
		);
		expect(code.message.text!.content).toBe("Afmelden: https://example.nl/afmelden\n");
		expect((code.textPart!.children[0]!.children[0] as { value: string }).value).toBe("https://example.nl/afmelden");
		// big-endian, with its byte-order mark
		const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from("Stop\n", "utf16le").swap16()]).toString("base64");
		const bigEndian = sourceOf(
			crlf(`From: a@b.nl\nContent-Type: text/plain; charset="UTF-16"\nContent-Transfer-Encoding: base64\n\n${be}\n`),
		);
		expect(bigEndian.message.text!.content).toBe("Stop\n");
	});

	test("a base64 text part: its URLs quote their decoded line", () => {
		const text = "Beste klant,\n20% korting.\nAfmelden: https://example.nl/afmelden\n";
		const code = sourceOf(
			crlf(
				`From: a@b.nl\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n${Buffer.from(text).toString("base64")}\n`,
			),
		);
		const url = code.textPart!.children[0]!.children[0]!;
		expect(code.decodedQuote(url)).toBe(' [base64 text part, decoded line 3: "Afmelden: https://example.nl/afmelden"]');
		expect(code.decodedQuote(url.loc)).toBe(code.decodedQuote(url));
	});

	test.each([
		["binary data", "\u0000\u0001PK\u0003\u0004"],
		["no headers at all", "just some words\n"],
		[
			"a truncated multipart",
			crlf('From: a@b.nl\nContent-Type: multipart/alternative; boundary="x"\n\n--x\nContent-Type: text/html\n\n<p>Hi'),
		],
		[
			"a lying boundary",
			crlf(
				'From: a@b.nl\nContent-Type: multipart/alternative; boundary="nope"\n\n--x\nContent-Type: text/html\n\n<p>Hi</p>\n--x--\n',
			),
		],
		[
			"a base64 part that is not base64",
			crlf("From: a@b.nl\nContent-Type: text/html\nContent-Transfer-Encoding: base64\n\n<p>not base64!</p>\n"),
		],
		[
			"an encoded word in an unknown charset",
			crlf("From: =?x-unknown?Q?caf=E9?= <a@b.nl>\nContent-Type: text/plain\n\nhi\n"),
		],
	])("%s is a located message or linted, never a crash", (_name, body) => {
		const result = eml.parse(
			{ body, path: "/x/m.eml", physicalPath: "/x/m.eml", bom: false } as never,
			{ languageOptions: {} } as never,
		);
		if (!result.ok) expect(result.errors[0]).toMatchObject({ line: 1, column: 1, message: expect.any(String) });
	});

	test("through ESLint: template rules run on the HTML part, and the rest of the run goes on", async () => {
		const made = tempProject({
			"package.json": "{}",
			"good.eml": message(`Content-Type: text/html; charset=utf-8\n\n${HTML}`),
			"broken.eml": "\u0000binary",
			"promo.eml": message(
				'Content-Type: text/html; charset=utf-8\n\n<html><body><p>20% korting!</p><a href="#">Afmelden</a></body></html>',
			),
		});
		cleanups.push(made.cleanup);
		const results = await lintWithRules(made.dir, { "mailcomply/require-unsubscribe": "error" });
		const byFile = Object.fromEntries(
			results.map((result) => [result.filePath.split("/").pop(), result.messages.map((m) => [m.ruleId, m.line])]),
		);
		expect(byFile["good.eml"]).toEqual([]);
		expect(byFile["broken.eml"]).toEqual([[null, 1]]);
		expect(byFile["promo.eml"]).toEqual([["mailcomply/require-unsubscribe", 15]]);
	});

	test("through ESLint: a finding in a base64 part ends with the decoded line; in an 8bit part it does not", async () => {
		const promo = '<html><body><p>20% korting!</p>\n<p><a href="#">Afmelden</a></p></body></html>';
		const made = tempProject({
			"package.json": "{}",
			"base64.eml": message(
				`Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: base64\n\n${Buffer.from(promo).toString("base64")}`,
			),
			"plain.eml": message(`Content-Type: text/html; charset=utf-8\n\n${promo}`),
		});
		cleanups.push(made.cleanup);
		const results = await lintWithRules(made.dir, { "mailcomply/require-unsubscribe": "error" });
		const byFile = Object.fromEntries(
			results.map((result) => [result.filePath.split("/").pop(), result.messages.map((m) => m.message)]),
		);
		expect(byFile["base64.eml"]).toEqual([
			expect.stringMatching(
				/ \[base64 HTML part, decoded line 2: "<p><a href="#">Afmelden<\/a><\/p><\/body><\/html>"\] \(Assumed/u,
			),
		]);
		expect(byFile["plain.eml"]).toEqual([expect.not.stringMatching(/decoded line|mailcomplyDecoded/u)]);
	});
});
