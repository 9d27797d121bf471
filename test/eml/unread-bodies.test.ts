import { afterEach, describe, expect, test } from "vitest";
import plugin from "../../plugin/index.js";
import { withoutUnreadBodies } from "../../src/eml/unread-bodies.js";
import { lintWithRules, tempProject } from "../helpers/lint.js";

const crlf = (text: string) => text.replace(/\n/gu, "\r\n");
const base64Lines = (bytes: Buffer) =>
	bytes
		.toString("base64")
		.replace(/(.{76})/gu, "$1\n")
		.trimEnd();
const HTML =
	'<html lang="nl"><body><p>Voorjaarsactie: 20% korting op alle thee.</p>\n<p>Theehuis B.V., Kerkstraat 1, 1234 AB Utrecht</p></body></html>';

/** A marketing message without an opt-out (so rules report), its HTML in base64, a PDF attached last. */
const message = (attachment: Buffer) =>
	crlf(`From: "Theehuis B.V." <nieuws@theehuis.nl>
Subject: Voorjaarsactie
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="outer"

--outer
Content-Type: multipart/alternative;
 boundary="inner"

--inner
Content-Type: text/plain; charset=utf-8

Voorjaarsactie: 20% korting op alle thee.
--inner
Content-Type: text/html; charset=utf-8
Content-Transfer-Encoding: base64

${base64Lines(Buffer.from(HTML))}
--inner--

--outer
Content-Type: application/pdf; name="voorwaarden.pdf"
Content-Disposition: attachment; filename="voorwaarden.pdf"
Content-Transfer-Encoding: base64

${base64Lines(attachment)}
--outer--
`);

const MEGABYTE = Buffer.alloc(1024 * 1024, "%PDF-1.7 voorwaarden ");

const cleanups: Array<() => void> = [];
afterEach(() => {
	for (const cleanup of cleanups.splice(0)) cleanup();
});

describe("attachments are not decoded", () => {
	test("the body of an attached PDF is left out of what the MIME library reads; headers, boundaries and text parts stay", () => {
		const text = message(MEGABYTE);
		const read = withoutUnreadBodies(text);
		expect(text.length).toBeGreaterThan(1_000_000);
		expect(read.length).toBeLessThan(1_000);
		expect(read).toContain('Content-Disposition: attachment; filename="voorwaarden.pdf"\r\n');
		expect(read).toContain(base64Lines(Buffer.from(HTML)).replace(/\n/gu, "\r\n"));
		expect(read).toContain("Voorjaarsactie: 20% korting op alle thee.\r\n--inner");
		expect(read.endsWith("Content-Transfer-Encoding: base64\r\n\r\n\r\n--outer--\r\n")).toBe(true);
	});

	test("a message whose structure is unclear is read whole", () => {
		const text = message(Buffer.from("%PDF-1.7"));
		// A boundary line with text after it, which the library does not read as a boundary.
		expect(
			withoutUnreadBodies(
				text.replace("--outer\r\nContent-Type: application", "--outer x\r\nContent-Type: application"),
			),
		).toBe(text.replace("--outer\r\nContent-Type: application", "--outer x\r\nContent-Type: application"));
		// A nested boundary that starts with the outer one.
		const nested = text.replaceAll("inner", "outer-2");
		expect(withoutUnreadBodies(nested)).toBe(nested);
		// No closing boundary.
		const cut = text.replace("--outer--", "");
		expect(withoutUnreadBodies(cut)).toBe(cut);
		// A lone carriage return.
		expect(withoutUnreadBodies(`${text}\r`)).toBe(`${text}\r`);
	});

	test("every rule finds the same with a 1 MB attachment as with a tiny one", async () => {
		const made = tempProject({
			"package.json": "{}",
			"large.eml": message(MEGABYTE),
			"small.eml": message(Buffer.from("%PDF-1.7")),
		});
		cleanups.push(made.cleanup);
		const rules = Object.fromEntries(
			Object.entries(plugin.rules)
				.filter(([, rule]) => rule.meta?.languages?.includes("mailcomply/eml"))
				.map(([id]) => [`mailcomply/${id}`, "error" as const]),
		);
		const results = await lintWithRules(made.dir, rules);
		const findings = (name: string) =>
			results
				.find((result) => result.filePath.endsWith(name))!
				.messages.map((m) => [m.ruleId, m.line, m.column, m.endLine, m.endColumn, m.message]);
		expect(findings("small.eml").map(([ruleId]) => ruleId)).toContain("mailcomply/require-unsubscribe");
		expect(findings("large.eml")).toEqual(findings("small.eml"));
	});
});
