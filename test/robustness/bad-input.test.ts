import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { ESLint } from "eslint";
import plugin from "../../plugin/index.js";
import { createZeroConfig } from "../../src/cli/config.js";
import { tempProject } from "../helpers/lint.js";

/**
 * Every class of bad input gets a clear, located message, and never stops
 * the other files from being linted: each case is linted beside a good
 * template, which must still produce its one finding.
 */
const good = `<mjml><mj-body><mj-section><mj-column><mj-text>Sale</mj-text></mj-column></mj-section></mj-body></mjml>`;

async function lintBeside(
	name: string,
	content: string | Buffer,
): Promise<{ bad: ESLint.LintResult; good: ESLint.LintResult }> {
	const project = tempProject({ "good.mjml": good });
	try {
		fs.writeFileSync(path.join(project.dir, name), content);
		const eslint = new ESLint({
			cwd: project.dir,
			overrideConfigFile: true,
			overrideConfig: createZeroConfig(plugin, undefined),
		});
		const results = await eslint.lintFiles(["."]);
		const byName = (file: string) => results.find((result) => path.basename(result.filePath) === file)!;
		return { bad: byName(name), good: byName("good.mjml") };
	} finally {
		project.cleanup();
	}
}

const summary = (result: ESLint.LintResult) =>
	result.messages.map((message) => `${message.line}:${message.column} ${message.ruleId ?? "fatal"} ${message.message}`);

/** Whether the file was parsed and judged: no fatal error and no parse-level finding. Other rules may report on the content. */
const parsedCleanly = (result: ESLint.LintResult) =>
	result.messages.filter(
		(message) =>
			message.fatal || message.ruleId === "mailcomply/valid-template" || message.ruleId === "mailcomply/valid-campaign",
	);

/** The good template still gets linted: its missing opt-out is found. */
const stillLinted = (result: ESLint.LintResult) =>
	result.messages.some((message) => message.ruleId === "mailcomply/require-unsubscribe");

describe("bad input never stops the run", () => {
	const cases: Array<[string, string, string | Buffer, RegExp]> = [
		[
			"unclosed MJML",
			"a.mjml",
			`<mjml><mj-body><mj-section>`,
			/1:16 mailcomply\/valid-template <mj-section> is never closed/,
		],
		[
			"misnested MJML",
			"a.mjml",
			`<mjml><mj-body><mj-section><mj-column></mj-section></mj-body></mjml>`,
			/1:28 mailcomply\/valid-template <mj-column> is not closed before <\/mj-section>/,
		],
		[
			"unknown mj-* component",
			"a.mjml",
			`<mjml><mj-body><mj-colum></mj-colum></mj-body></mjml>`,
			/1:16 mailcomply\/valid-template <mj-colum> is no mjml component/,
		],
		[
			"text outside mj-text",
			"a.mjml",
			`<mjml><mj-body><mj-section><mj-column>Hello</mj-column></mj-section></mj-body></mjml>`,
			/1:39 mailcomply\/valid-template Text directly inside <mj-column>/,
		],
		[
			"unclosed HTML tags",
			"a.html",
			`<!DOCTYPE html><html><body><table><tr><td><p>Sale`,
			/mailcomply\/require-unsubscribe/,
		],
		[
			"unquoted attributes and ESP tags in odd places",
			"a.html",
			`<!DOCTYPE html><html><body><a class=x {% if y %}href="<%asm_group_unsubscribe_raw_url%>"{% endif %}>Unsubscribe</a><img alt="{{ name | default: "you" }}" src=x.png></body></html>`,
			/^$/,
		],
		[
			"binary data",
			"a.html",
			Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
			/1:1 fatal .*not a text file/,
		],
		[
			"UTF-16",
			"a.html",
			Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("<html><body>x</body></html>", "utf16le")]),
			/1:1 fatal .*UTF-16/,
		],
		[
			"Latin-1",
			"a.html",
			Buffer.from(
				'<!DOCTYPE html>\n<html><body><p>Caf\xe9 <a href="*|UNSUB|*">Afmelden</a></p></body></html>',
				"latin1",
			),
			/2:19 mailcomply\/valid-template This file is not valid UTF-8/,
		],
		[
			"Latin-1 sidecar",
			"a.campaign.yaml",
			Buffer.from("kind: transactional\nsender:\n  name: Caf\xe9 de Vries\n", "latin1"),
			/^3:12 mailcomply\/valid-campaign This file is not valid UTF-8/,
		],
		[
			"Latin-1 JSON sidecar",
			"a.campaign.json",
			Buffer.from('{\n  "subject": "Caf\xe9"\n}', "latin1"),
			/^2:18 mailcomply\/valid-campaign This file is not valid UTF-8/,
		],
		[
			"elements nested 100,000 deep",
			"a.html",
			`<!DOCTYPE html><html><body>${"<div>".repeat(100_000)}x${"</div>".repeat(100_000)}</body></html>`,
			/1:\d+ mailcomply\/valid-template Elements nest more than 512 levels deep here/,
		],
		["empty file", "a.mjml", "", /^$/],
		["whitespace only", "a.html", " \n\t\r\n  ", /^$/],
		["invalid YAML sidecar", "a.campaign.yaml", "kind: [marketing\n", /fatal/],
		[
			"sidecar with duplicate keys",
			"a.campaign.yaml",
			"kind: marketing\nkind: transactional\n",
			/2:1 fatal .*[Dd]uplicate|2:1 fatal .*unique/,
		],
		["JSON sidecar with comments", "a.campaign.json", `{\n  // no\n  "kind": "marketing"\n}`, /2:3 fatal .*comment/i],
		["sidecar that is a list", "a.campaign.yaml", "- kind: marketing\n", /mailcomply\/valid-campaign/],
		[
			"invalid JSON WhatsApp template",
			"a.whatsapp.json",
			'{\n  "name": "x",\n  "language" "nl"\n}',
			/^3:14 fatal Parsing error: This WhatsApp template is not valid JSON: Expected a colon/,
		],
		[
			"WhatsApp template that is not an object",
			"a.whatsapp.json",
			"[1, 2]",
			/^1:1 mailcomply\/valid-template A WhatsApp template is a JSON object/,
		],
		[
			"WhatsApp template with 10,000 components",
			"a.whatsapp.json",
			JSON.stringify({
				name: "x",
				language: "nl",
				category: "MARKETING",
				components: Array.from({ length: 10_000 }, () => ({ type: "BODY", text: "Hoi {{1}}" })),
			}),
			/mailcomply\/valid-template This template has 10,000 components/,
		],
		[
			"WhatsApp template nested 100,000 deep",
			"a.whatsapp.json",
			"[".repeat(100_000),
			/^1:\d+ fatal Parsing error: This WhatsApp template is not valid JSON: JSON nested deeper than 64 levels/,
		],
		[
			"a 5 MB SMS",
			"a.sms.txt",
			"Sale! ".repeat(900_000),
			/^1:1 fatal Parsing error: This SMS template is 5\.1 MB; mailcomply lints text messages up to 1 MB/,
		],
		["binary SMS", "a.sms.txt", Buffer.from([0x00, 0x01, 0x02, 0x53, 0x54, 0x4f, 0x50]), /1:1 fatal .*not a text file/],
		[
			"Latin-1 SMS",
			"a.sms.txt",
			Buffer.from("Caf\xe9 de Vries: 10% korting. Sms STOP naar 4411", "latin1"),
			/^1:4 mailcomply\/valid-template This file is not valid UTF-8/,
		],
		["empty SMS", "a.sms.txt", "", /^$/],
		// Captured messages (.eml): broken MIME is one located message or is linted; never a crash.
		[
			"truncated MIME",
			"a.eml",
			'From: a@b.nl\nContent-Type: multipart/alternative; boundary="x"\n\n--x\nContent-Type: text/html\n\n<p>20% off <a href="#">Unsubscribe',
			/^7:\d+ mailcomply\/valid-template This multipart message is cut off or malformed: its closing boundary "--x--" is missing/,
		],
		[
			"a lying MIME boundary",
			"a.eml",
			'From: a@b.nl\nContent-Type: multipart/alternative; boundary="nope"\n\n--x\nContent-Type: text/html\n\n<p>x</p>\n--x--\n',
			/mailcomply\/valid-template This multipart message is cut off or malformed: its closing boundary "--nope--" is missing/,
		],
		[
			"multiparts nested 1,000 deep",
			"a.eml",
			"From: a@b.nl\n" +
				Array.from({ length: 1000 }, (_, i) => `Content-Type: multipart/mixed; boundary="b${i}"\n\n--b${i}\n`).join(
					"",
				) +
				"Content-Type: text/html\n\n<p>x</p>\n",
			/1:1 fatal .*not a MIME message mailcomply can read/,
		],
		[
			"a header of 1 MB",
			"a.eml",
			`From: a@b.nl\nSubject: ${"x".repeat(1024 * 1024)}\nContent-Type: text/html\n\n<p>x</p>\n`,
			/^$/,
		],
		[
			"an encoded word in an unknown charset",
			"a.eml",
			"From: =?x-unknown?Q?caf=E9?= <a@b.nl>\nSubject: =?x-foo?B?AAAA?=\nContent-Type: text/html\n\n<p>x</p>\n",
			/^$/,
		],
		[
			"a base64 part that is not base64",
			"a.eml",
			"From: a@b.nl\nContent-Type: text/html\nContent-Transfer-Encoding: base64\n\n<p>not base64!</p>\n",
			/^$/,
		],
		[
			"a text part in UTF-16",
			"a.eml",
			"From: a@b.nl\nContent-Type: text/plain; charset=utf-16\nContent-Transfer-Encoding: base64\n\n//5oAGkA\n",
			/^$/,
		],
		[
			"a message that is binary",
			"a.eml",
			Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff]),
			/1:1 fatal .*not a text file/,
		],
		[
			"a message without headers",
			"a.eml",
			"just words\n",
			/1:1 mailcomply\/valid-template This file has no message headers/,
		],
		[
			"YAML alias bomb",
			"a.campaign.yaml",
			'a: &a ["x","x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]\n',
			/fatal .*alias/i,
		],
	];

	test.each(cases)(
		"%s: located message, and the other file is still linted",
		async (_name, file, content, expected) => {
			const { bad, good: goodResult } = await lintBeside(file, content);
			const messages = summary(bad);
			if (expected.source === "^$") expect(parsedCleanly(bad)).toEqual([]);
			else
				expect(
					messages.some((message) => expected.test(message)),
					messages.join("\n"),
				).toBe(true);
			expect(stillLinted(goodResult)).toBe(true);
		},
	);
});

describe("line endings and byte-order marks keep positions right", () => {
	const template = (newline: string) =>
		["<!DOCTYPE html>", "<html><body>", `<p><a href="#">Unsubscribe</a></p>`, "</body></html>"].join(newline);
	test.each([
		["LF", "\n", ""],
		["CRLF", "\r\n", ""],
		["lone CR", "\r", ""],
		["UTF-8 BOM + CRLF", "\r\n", "\uFEFF"],
	])("%s", async (_name, newline, bom) => {
		const { bad } = await lintBeside("a.html", bom + template(newline));
		expect(summary(bad).filter((line) => line.includes("require-unsubscribe"))).toEqual([
			expect.stringMatching(/^3:4 mailcomply\/require-unsubscribe Unsubscribe link "Unsubscribe" goes nowhere/),
		]);
	});
});

describe("huge input", () => {
	const section = `<tr><td style="padding:8px"><p>Offer *|FNAME|* &amp; more: <a href="https://shop.example-store.nl/p?id=1">Bekijk</a></p></td></tr>\n`;
	const page = (megabytes: number, extra: string) =>
		`<!DOCTYPE html>\n<html><body><table>\n${section.repeat(Math.ceil((megabytes * 1024 * 1024) / section.length))}</table>\n${extra}\n<p><a href="#">Afmelden</a></p>\n</body></html>`;

	test(
		"a 5 MB line in a 2 MB newsletter is linted, with the finding after it located",
		{ timeout: 120_000 },
		async () => {
			const text = page(2, `<p>${"x".repeat(5 * 1024 * 1024)}</p>`);
			const lines = text.split("\n").length;
			const { bad } = await lintBeside("long-line.html", text);
			expect(summary(bad).filter((line) => line.includes("require-unsubscribe"))).toEqual([
				expect.stringMatching(new RegExp(`^${lines - 1}:4 mailcomply/require-unsubscribe`, "u")),
			]);
		},
	);

	test("a 50 MB template is refused with a clear message, and the run goes on", { timeout: 120_000 }, async () => {
		const { bad } = await lintBeside("huge.html", page(50, ""));
		expect(summary(bad)).toEqual([
			expect.stringMatching(
				/^1:1 fatal Parsing error: This template is 50\.0 MB; mailcomply lints templates up to 20 MB/u,
			),
		]);
	});
});

describe("names that are also JavaScript's", () => {
	// Element names, attribute names and CSS keywords come from the template: a lookup table keyed by them must not answer for `constructor` or `toString`.
	const names = ["constructor", "tostring", "valueof", "hasownproperty", "__proto__", "prototype"];
	test.each([
		[
			"html",
			"a.html",
			names
				.map((name) => `<${name} src="x" background="y" style="font-size: ${name}; color: ${name}">${name}</${name}>`)
				.join("\n"),
		],
		[
			"mjml",
			"a.mjml",
			`<mjml><mj-body><mj-section><mj-column>${names.map((name) => `<mj-text css-class="${name}" font-size="${name}"><${name}>${name}</${name}></mj-text>`).join("")}</mj-column></mj-section></mj-body></mjml>`,
		],
	])("%s: every rule finishes", async (_format, name, body) => {
		const { bad } = await lintBeside(
			name,
			body.replace(
				/<\/(?:mj-column|body)>|$/u,
				(match) => `<p><a href="https://x.nl/afmelden">Afmelden</a></p>${match}`,
			),
		);
		expect(
			bad.messages.filter((message) => message.messageId === "internalError").map((message) => message.message),
		).toEqual([]);
		expect(bad.messages.filter((message) => message.fatal)).toEqual([]);
	});
});

/**
 * Files ESLint would read before mailcomply's parser could refuse them: a
 * named pipe blocks the read forever, `/dev/zero` and a 600 MB file end the
 * run with "Invalid string length". The CLI keeps them out of ESLint's hands
 * and reports each at line 1; the other files are linted, the exit code is
 * that of an error. The built CLI runs in a child process with a time limit,
 * so a regression fails the test instead of hanging it.
 */
describe("files ESLint cannot read are kept from it by the CLI", () => {
	const BIN = path.resolve(import.meta.dirname, "../../dist/src/cli/bin.js");

	function lintWithCli(setUp: (dir: string) => void, ...argv: string[]) {
		const project = tempProject({ "good.mjml": good });
		try {
			setUp(project.dir);
			const child = spawnSync(process.execPath, [BIN, "--format", "json", ...argv], {
				cwd: project.dir,
				encoding: "utf8",
				timeout: 25_000,
				maxBuffer: 64 * 1024 * 1024,
			});
			expect(child.error, "the run must end by itself").toBeUndefined();
			const results = JSON.parse(child.stdout) as ESLint.LintResult[];
			const byName = (file: string) => results.find((result) => path.basename(result.filePath) === file);
			return { code: child.status, byName };
		} finally {
			project.cleanup();
		}
	}

	const cases: Array<[string, string, (file: string) => void, RegExp]> = [
		[
			"a named pipe called *.campaign.yaml",
			"p.campaign.yaml",
			(file) => execFileSync("mkfifo", [file]),
			/^1:1 fatal mailcomply did not lint this file: it is a named pipe \(FIFO\), not a regular file/u,
		],
		[
			"a symbolic link to /dev/zero called *.mjml",
			"z.mjml",
			(file) => fs.symlinkSync("/dev/zero", file),
			/^1:1 fatal mailcomply did not lint this file: it is a device, not a regular file/u,
		],
		[
			"a 600 MB *.mjml (sparse on disk)",
			"big.mjml",
			(file) => fs.truncateSync((fs.writeFileSync(file, ""), file), 600 * 1024 * 1024),
			/^1:1 fatal mailcomply did not lint this file: it is 600 MB on disk, over the 20 MB limit/u,
		],
		[
			"a symbolic link to a folder called *.mjml",
			"dir.mjml",
			(file) => fs.symlinkSync(path.dirname(file), file),
			/^1:1 fatal mailcomply did not lint this file: it is a folder, not a regular file/u,
		],
	];

	test("an mj-include of a named pipe is refused on the mj-include, without blocking", { timeout: 60_000 }, () => {
		const { code, byName } = lintWithCli((dir) => {
			execFileSync("mkfifo", [path.join(dir, "partial.mjml")]);
			fs.writeFileSync(
				path.join(dir, "mail.mjml"),
				good.replace("<mj-text>Sale</mj-text>", `<mj-include path="./partial.mjml" /><mj-text>Sale</mj-text>`),
			);
		}, ".");
		// valid-template's own findings (the mail rules' "could not see the whole mail" refers to it by name).
		expect(summary(byName("mail.mjml")!).filter((line) => /^\d+:\d+ mailcomply\/valid-template /u.test(line))).toEqual([
			expect.stringMatching(
				/^1:39 mailcomply\/valid-template mj-include "\.\/partial\.mjml": it is a named pipe \(FIFO\), not a regular file/u,
			),
		]);
		// The pipe is itself named like a template: the CLI refuses it too.
		expect(summary(byName("partial.mjml")!)).toEqual([expect.stringMatching(/^1:1 fatal .*named pipe/u)]);
		expect(code).toBe(1);
	});

	test(
		"a symbolic link to nothing, found in a folder, is one located error instead of ending the run",
		{ timeout: 60_000 },
		() => {
			const { code, byName } = lintWithCli(
				(dir) => fs.symlinkSync("/nonexistent/mail.mjml", path.join(dir, "broken.mjml")),
				".",
			);
			expect(summary(byName("broken.mjml")!)).toEqual([
				"1:1 fatal mailcomply did not lint this file: it is a symbolic link to a file that does not exist.",
			]);
			expect(stillLinted(byName("good.mjml")!)).toBe(true);
			expect(code).toBe(1);
		},
	);

	test(
		"every format reports them without reading them (the HTML report shows source lines)",
		{ timeout: 90_000 },
		() => {
			const project = tempProject({ "good.mjml": good });
			try {
				execFileSync("mkfifo", [path.join(project.dir, "p.campaign.yaml")]);
				fs.symlinkSync("/dev/zero", path.join(project.dir, "z.mjml"));
				fs.symlinkSync("/etc/passwd", path.join(project.dir, "q.campaign.yaml"));
				for (const format of ["html", "stylish", "sarif", "junit"]) {
					const child = spawnSync(process.execPath, [BIN, "--format", format, "."], {
						cwd: project.dir,
						encoding: "utf8",
						timeout: 25_000,
						maxBuffer: 64 * 1024 * 1024,
					});
					expect(child.error, `${format}: the run must end by itself`).toBeUndefined();
					expect(child.status, format).toBe(1);
					expect(child.stdout, format).toMatch(/named pipe/u);
					expect(child.stdout, format).not.toMatch(/root:x:0/u);
				}
			} finally {
				project.cleanup();
			}
		},
	);

	test.each(cases)(
		"%s: one located error, the rest of the run completes",
		{ timeout: 90_000 },
		(_name, name, make, expected) => {
			for (const argv of [["."], [name, "good.mjml"], ["*.{mjml,yaml}"]]) {
				const { code, byName } = lintWithCli((dir) => make(path.join(dir, name)), ...argv);
				expect(summary(byName(name)!), argv.join(" ")).toEqual([expect.stringMatching(expected)]);
				expect(stillLinted(byName("good.mjml")!)).toBe(true);
				expect(code).toBe(1);
			}
		},
	);
});

describe("size is counted in bytes on disk, not characters", () => {
	test("51 MB of CJK text (under 20 M characters) is refused as a 51 MB template", { timeout: 120_000 }, async () => {
		const text = `<!DOCTYPE html><html><body><p>${"日本語のテキスト".repeat(Math.ceil((51 * 1024 * 1024) / 24))}</p></body></html>`;
		expect(text.length).toBeLessThan(20 * 1024 * 1024);
		const { bad } = await lintBeside("cjk.html", text);
		expect(summary(bad)).toEqual([
			expect.stringMatching(
				/^1:1 fatal Parsing error: This template is 51\.0 MB; mailcomply lints templates up to 20 MB/u,
			),
		]);
	});
});
