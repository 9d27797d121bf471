import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { elements, parseTemplate } from "../helpers/template.js";
import { textContent } from "../../src/analyses/text.js";

let root: string;
let outside: string;

function write(file: string, text: string): string {
	const full = path.join(root, file);
	fs.mkdirSync(path.dirname(full), { recursive: true });
	fs.writeFileSync(full, text);
	return full;
}

function parseFile(file: string) {
	const full = path.join(root, file);
	return parseTemplate(fs.readFileSync(full, "utf8"), "mjml", { path: full, includeRoot: root });
}

beforeAll(() => {
	root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "mailcomply-include-")));
	outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "mailcomply-outside-")));
	fs.writeFileSync(path.join(outside, "secret.mjml"), "<mj-text>SECRET</mj-text>");
	write("partials/footer.mjml", `<mj-section><mj-column><mj-text><a href="*|UNSUB|*">Afmelden</a></mj-text></mj-column></mj-section>`);
	write("partials/full.mjml", `<mjml><mj-body><mj-section><mj-column><mj-text>Full doc body</mj-text></mj-column></mj-section></mj-body></mjml>`);
	write("partials/style.css", `.footer a { color: #999 }`);
	write("partials/nested.mjml", `<mj-include path="./footer.mjml" />`);
	write("partials/cycle-a.mjml", `<mj-include path="./cycle-b.mjml" />`);
	write("partials/cycle-b.mjml", `<mj-include path="./cycle-a.mjml" />`);
	write("partials/self.mjml", `<mj-include path="./self.mjml" />`);
	fs.symlinkSync(path.join(outside, "secret.mjml"), path.join(root, "partials/link-out.mjml"));
});

afterAll(() => {
	fs.rmSync(root, { recursive: true, force: true });
	fs.rmSync(outside, { recursive: true, force: true });
});

const mail = (include: string) => `<mjml>\n<mj-body>\n${include}\n</mj-body>\n</mjml>`;

describe("mj-include", () => {
	test("included content is in the tree, located at the mj-include, with its origin kept", () => {
		write("mail.mjml", mail(`<mj-include path="./partials/footer.mjml" />`));
		const document = parseFile("mail.mjml");
		expect(document.problems).toEqual([]);
		const [link] = elements(document, "a");
		expect(link!.attributes[0]!.value).toBe("*|UNSUB|*");
		expect(link!.loc.start).toEqual({ line: 3, column: 1 });
		expect(link!.origin?.file).toBe(path.join(root, "partials/footer.mjml"));
	});

	test("a path without extension gets .mjml; a whole <mjml> document includes its body", () => {
		write("mail2.mjml", mail(`<mj-include path="partials/full" />`));
		const document = parseFile("mail2.mjml");
		expect(document.problems).toEqual([]);
		expect(textContent(elements(document, "mj-include")[0]!)).toBe("Full doc body");
	});

	test("an include written in capitals is followed too (tag names ignore case)", () => {
		write("mail-upper.mjml", mail(`<MJ-INCLUDE PATH="./partials/footer.mjml" />`));
		const document = parseFile("mail-upper.mjml");
		expect(document.problems).toEqual([]);
		expect(elements(document, "a")[0]!.attributes[0]!.value).toBe("*|UNSUB|*");
	});

	test("css and nested includes", () => {
		write("mail3.mjml", mail(`<mj-include path="partials/style.css" type="css" /><mj-include path="partials/nested.mjml" />`));
		const document = parseFile("mail3.mjml");
		expect(document.problems).toEqual([]);
		expect(elements(document, "a")).toHaveLength(1);
		expect(elements(document, "a")[0]!.loc.start.line).toBe(3);
	});

	const refused: Array<[string, string, RegExp]> = [
		["parent traversal", "../../../../etc/passwd", /leaves the lint root/],
		["absolute path", "/etc/passwd", /absolute paths are not read/],
		["file: URL", "file:///etc/passwd", /URLs are not read/],
		["http URL", "https://evil.example/x.mjml", /URLs are not read/],
		["missing file", "partials/nope.mjml", /file not found/],
		["symlink out of the root", "partials/link-out.mjml", /symbolic link/],
		["direct cycle", "partials/self.mjml", /include cycle: partials\/self\.mjml → partials\/self\.mjml/],
		["indirect cycle", "partials/cycle-a.mjml", /include cycle: partials\/cycle-a\.mjml → partials\/cycle-b\.mjml → partials\/cycle-a\.mjml/],
	];

	test.each(refused)("%s is a located problem on the mj-include and is not read", (_name, target, message) => {
		write("bad.mjml", mail(`<mj-include path="${target}" />`));
		const source = fs.readFileSync(path.join(root, "bad.mjml"), "utf8");
		// Includes are read through the sandbox's open(); readFileSync would be a read that bypasses it.
		const spies = [vi.spyOn(fs, "readFileSync"), vi.spyOn(fs, "openSync")];
		const document = parseTemplate(source, "mjml", { path: path.join(root, "bad.mjml"), includeRoot: root });
		const readPaths = spies.flatMap(spy => spy.mock.calls.map(call => String(call[0])));
		for (const spy of spies) spy.mockRestore();
		expect(document.problems).toHaveLength(1);
		expect(document.problems[0]).toMatchObject({ kind: "include", loc: { start: { line: 3, column: 1 } } });
		expect(document.problems[0]!.message).toMatch(message);
		for (const file of readPaths) expect(file.startsWith(root)).toBe(true);
		expect(readPaths.some(file => file.includes("passwd") || file.includes(outside))).toBe(false);
	});

	test("mj-include without path", () => {
		write("nopath.mjml", mail(`<mj-include />`));
		expect(parseFile("nopath.mjml").problems.map(problem => problem.message)).toEqual(["mj-include has no path attribute."]);
	});
});
