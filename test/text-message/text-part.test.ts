import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { ESLint, type Linter } from "eslint";
import plugin from "../../plugin/index.js";
import { TextMessageLanguage } from "../../src/languages/text-message-language.js";
import { templateOfTextPart } from "../../src/text-message/text-part-file.js";
import { findSidecarFor } from "../../src/campaign/sidecar.js";
import { tempProject } from "../helpers/lint.js";
import { run } from "../../src/cli/run.js";

const text = new TextMessageLanguage({ channel: "email" });

const cleanups: Array<() => void> = [];
afterEach(() => {
	for (const cleanup of cleanups.splice(0)) cleanup();
});

function project(files: Record<string, string>): string {
	const made = tempProject(files);
	cleanups.push(made.cleanup);
	return made.dir;
}

describe("the plain-text part of an e-mail (mailcomply/text)", () => {
	test("is one text part whose URLs and merge tags are located in the file", () => {
		const body = "Hallo {{ first_name }},\n\nLees meer: https://example.nl/nieuws.\nAfmelden: *|UNSUB|*\n";
		const result = text.parse(
			{ body, path: "/x/welkom.txt", physicalPath: "/x/welkom.txt", bom: false } as never,
			{ languageOptions: {} } as never,
		);
		if (!result.ok) throw new Error(JSON.stringify(result.errors));
		expect(result.ast.channel).toBe("email");
		const [part] = result.ast.children;
		expect(part!.role).toBe("text");
		const found = part!.children.map((child) => [
			child.type,
			body.slice(...child.range),
			child.loc.start.line,
			child.loc.start.column,
		]);
		expect(found).toEqual([
			["MessageVariable", "{{ first_name }}", 1, 7],
			["MessageUrl", "https://example.nl/nieuws", 3, 12],
			["MessageVariable", "*|UNSUB|*", 4, 11],
		]);
	});

	test("NAME.txt or NAME.text is a text part only with NAME.mjml, .html, .htm or an engine template beside it", () => {
		const dir = project({
			"a.mjml": "<mjml/>",
			"a.txt": "x",
			"b.html": "<p>x</p>",
			"b.text": "x",
			"c.htm": "",
			"c.txt": "",
			"README.txt": "x",
			"d.sms.txt": "x",
			"d.mjml": "",
			"e.html.twig": "",
			"e.txt": "",
		});
		const at = (name: string) => templateOfTextPart(path.join(dir, name));
		expect(at("a.txt")).toBe(path.join(dir, "a.mjml"));
		expect(at("b.text")).toBe(path.join(dir, "b.html"));
		expect(at("c.txt")).toBe(path.join(dir, "c.htm"));
		expect(at("e.txt")).toBe(path.join(dir, "e.html.twig"));
		expect(at("README.txt")).toBeUndefined();
		// An SMS template is an SMS template even beside an e-mail of the same name.
		expect(at("d.sms.txt")).toBeUndefined();
		expect(at("a.mjml")).toBeUndefined();
	});

	test("shares its template's sidecar", () => {
		const dir = project({ "a.mjml": "", "a.txt": "", "a.campaign.yaml": "kind: marketing\n" });
		expect(findSidecarFor(path.join(dir, "a.txt"))).toBe(path.join(dir, "a.campaign.yaml"));
	});

	test("configs.recommended lints a template's text part and no other .txt", async () => {
		const dir = project({
			"emails/a.mjml": "<mjml><mj-body></mj-body></mjml>",
			"emails/a.txt": "Hallo",
			"emails/notes.txt": "todo",
			"README.txt": "read me",
			"LICENSE.txt": "MIT",
		});
		const eslint = new ESLint({
			cwd: dir,
			overrideConfigFile: true,
			overrideConfig: plugin.configs.recommended as Linter.Config[],
		});
		const linted = (await eslint.lintFiles(["."])).map((result) => path.relative(dir, result.filePath)).sort();
		expect(linted).toEqual(["emails/a.mjml", "emails/a.txt"]);
		const config = await eslint.calculateConfigForFile(path.join(dir, "emails/a.txt"));
		expect(JSON.parse(JSON.stringify(config)).language).toBe("mailcomply/text");
		expect(await eslint.isPathIgnored(path.join(dir, "README.txt"))).toBe(true);
	});

	test("a text part that is binary or over 1 MB is refused with one located message", () => {
		const parse = (body: string) =>
			text.parse(
				{ body, path: "/x/a.txt", physicalPath: "/x/a.txt", bom: false } as never,
				{ languageOptions: {} } as never,
			);
		const binary = parse("PK\u0003\u0004\u0000\u0000");
		expect(binary.ok).toBe(false);
		const huge = parse("a".repeat(1024 * 1024 + 1));
		expect(huge.ok).toBe(false);
		if (!huge.ok) expect(huge.errors[0]!.message).toMatch(/plain-text part is 1\.0 MB; .*102 KB/u);
	});

	test("the CLI lints a text part beside a template and skips other .txt files", async () => {
		const dir = project({
			"package.json": "{}",
			"emails/a.html": "<html><body><p>Hi</p></body></html>",
			"emails/a.txt": "Hallo",
			"notes.txt": "x",
		});
		let stdout = "";
		const code = await run(["--format", "json", "."], {
			cwd: dir,
			stdout: { write: (chunk: string) => (stdout += chunk) },
			stderr: { write: () => true },
		});
		expect(code).not.toBe(2);
		const linted = (JSON.parse(stdout) as Array<{ filePath: string }>)
			.map((result) => path.relative(dir, result.filePath))
			.sort();
		expect(linted).toEqual(["emails/a.html", "emails/a.txt"]);
	});
});
