import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { elements, parseTemplate, walk } from "../helpers/template.js";
import { textContent } from "../../src/analyses/text.js";
import type { ChildNode, DocumentNode, TextNode } from "../../src/ast/types.js";
import { MAX_NESTING_DEPTH } from "../../src/template/limits.js";

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
	write(
		"partials/footer.mjml",
		`<mj-section><mj-column><mj-text><a href="*|UNSUB|*">Afmelden</a></mj-text></mj-column></mj-section>`,
	);
	write(
		"partials/full.mjml",
		`<mjml><mj-body><mj-section><mj-column><mj-text>Full doc body</mj-text></mj-column></mj-section></mj-body></mjml>`,
	);
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
		write(
			"mail3.mjml",
			mail(`<mj-include path="partials/style.css" type="css" /><mj-include path="partials/nested.mjml" />`),
		);
		const document = parseFile("mail3.mjml");
		expect(document.problems).toEqual([]);
		expect(elements(document, "a")).toHaveLength(1);
		expect(elements(document, "a")[0]!.loc.start.line).toBe(3);
	});

	const refused: Array<[string, string, RegExp]> = [
		["parent traversal", "../../../../etc/passwd", /outside the include root/],
		["absolute path", "/etc/passwd", /absolute paths are not read/],
		["file: URL", "file:///etc/passwd", /URLs are not read/],
		["http URL", "https://evil.example/x.mjml", /URLs are not read/],
		["missing file", "partials/nope.mjml", /file not found/],
		["symlink out of the root", "partials/link-out.mjml", /symbolic link/],
		["direct cycle", "partials/self.mjml", /include cycle: partials\/self\.mjml → partials\/self\.mjml/],
		[
			"indirect cycle",
			"partials/cycle-a.mjml",
			/include cycle: partials\/cycle-a\.mjml → partials\/cycle-b\.mjml → partials\/cycle-a\.mjml/,
		],
	];

	test.each(refused)("%s is a located problem on the mj-include and is not read", (_name, target, message) => {
		write("bad.mjml", mail(`<mj-include path="${target}" />`));
		const source = fs.readFileSync(path.join(root, "bad.mjml"), "utf8");
		// Includes are read through the sandbox's open(); readFileSync would be a read that bypasses it.
		const spies = [vi.spyOn(fs, "readFileSync"), vi.spyOn(fs, "openSync")];
		const document = parseTemplate(source, "mjml", { path: path.join(root, "bad.mjml"), includeRoot: root });
		const readPaths = spies.flatMap((spy) => spy.mock.calls.map((call) => String(call[0])));
		for (const spy of spies) spy.mockRestore();
		expect(document.problems).toHaveLength(1);
		expect(document.problems[0]).toMatchObject({ kind: "include", loc: { start: { line: 3, column: 1 } } });
		expect(document.problems[0]!.message).toMatch(message);
		for (const file of readPaths) expect(file.startsWith(root)).toBe(true);
		expect(readPaths.some((file) => file.includes("passwd") || file.includes(outside))).toBe(false);
	});

	test("mj-include without path", () => {
		write("nopath.mjml", mail(`<mj-include />`));
		expect(parseFile("nopath.mjml").problems.map((problem) => problem.message)).toEqual([
			"mj-include has no path attribute.",
		]);
	});
});

/** The deepest element nesting of a tree, walked without recursion (the tree may be deeper than the stack). */
function maxDepth(document: DocumentNode): number {
	let deepest = 0;
	const pending: Array<[ChildNode, number]> = document.children.map((child) => [child, 1]);
	while (pending.length > 0) {
		const [node, depth] = pending.pop()!;
		if (node.type !== "Element") continue;
		deepest = Math.max(deepest, depth);
		for (const child of node.children) pending.push([child, depth + 1]);
	}
	return deepest;
}

function texts(document: DocumentNode): string[] {
	return [...walk(document)].flatMap((node) => (node.type === "Text" ? [node.value] : []));
}

/** Files read during `run`, by path relative to the root. */
function readsDuring(run: () => void): Map<string, number> {
	// Includes are read through the sandbox's open().
	const read = vi.spyOn(fs, "openSync");
	try {
		run();
		const counts = new Map<string, number>();
		for (const [file] of read.mock.calls) {
			const relative = path.relative(root, String(file));
			counts.set(relative, (counts.get(relative) ?? 0) + 1);
		}
		return counts;
	} finally {
		read.mockRestore();
	}
}

/** `levels` files of ten includes of the next one, and a leaf: 10^levels leaves. */
function fanOut(folder: string, levels: number): void {
	write(`${folder}/l${levels + 1}.mjml`, "<mj-text>x</mj-text>\n");
	for (let level = 1; level <= levels; level++) {
		write(`${folder}/l${level}.mjml`, `<mj-include path="l${level + 1}.mjml"/>\n`.repeat(10));
	}
}

describe("mj-include: bounded work for bounded input", () => {
	test("each included file is parsed once, however often it is included, and again only when it changes", () => {
		fanOut("fan4", 4);
		write("fan4/mail.mjml", mail(`<mj-section><mj-column><mj-include path="l1.mjml"/></mj-column></mj-section>`));
		let document!: DocumentNode;
		const reads = readsDuring(() => (document = parseFile("fan4/mail.mjml")));
		expect(elements(document, "mj-text")).toHaveLength(10_000);
		expect(document.problems).toEqual([]);
		for (const level of [1, 2, 3, 4, 5]) expect(reads.get(`fan4/l${level}.mjml`), `l${level}.mjml`).toBe(1);

		// Another mail of the same run includes the leaf: it is not read again.
		write("fan4/other.mjml", mail(`<mj-include path="l5.mjml"/>`));
		expect(readsDuring(() => parseFile("fan4/other.mjml")).get("fan4/l5.mjml")).toBeUndefined();
		// A changed file is read again, and its new content is what is included.
		write("fan4/l5.mjml", "<mj-text>changed</mj-text>\n");
		let changed!: DocumentNode;
		expect(readsDuring(() => (changed = parseFile("fan4/other.mjml"))).get("fan4/l5.mjml")).toBe(1);
		expect(textContent(elements(changed, "mj-text")[0]!)).toBe("changed");
	});

	test("each inclusion is a copy: changing one leaves the other and the next parse as they were", () => {
		write("copies/part.mjml", `<mj-text css-class="a">Hallo</mj-text>`);
		write("copies/mail.mjml", mail(`<mj-include path="part.mjml"/>\n<mj-include path="part.mjml"/>`));
		const [first, second] = elements(parseFile("copies/mail.mjml"), "mj-text");
		expect(first).not.toBe(second);
		first!.attributes[0]!.value = "changed";
		(first!.children[0] as TextNode).value = "changed";
		expect(second!.attributes[0]!.value).toBe("a");
		expect(second!.loc.start.line).toBe(4);
		const again = elements(parseFile("copies/mail.mjml"), "mj-text");
		expect(again.map((element) => textContent(element))).toEqual(["Hallo", "Hallo"]);
		expect(again[0]!.loc.start.line).toBe(3);
	});

	test(
		"a fan-out to a million leaves stops at the composed-size bound, with one message on the include",
		{ timeout: 60_000 },
		() => {
			fanOut("fan6", 6);
			write("fan6/mail.mjml", mail(`<mj-section><mj-column><mj-include path="l1.mjml"/></mj-column></mj-section>`));
			const document = parseFile("fan6/mail.mjml");
			expect(document.problems).toHaveLength(1);
			expect(document.problems[0]).toMatchObject({ kind: "include", loc: { start: { line: 3, column: 24 } } });
			expect(document.problems[0]!.message).toMatch(
				/^mj-include "l7\.mjml": with it, this mail would have more than 500,000 elements, attributes and texts once its includes are in place/u,
			);
			expect(elements(document, "mj-text").length).toBeGreaterThan(50_000);
		},
	);

	test("the 20 MB bound holds for the mail as composed, not only for each file", { timeout: 60_000 }, () => {
		write("large/part.mjml", `<mj-raw>${"x".repeat(4.4 * 1024 * 1024)}</mj-raw>`);
		write("large/mail.mjml", mail(Array.from({ length: 5 }, () => `<mj-include path="part.mjml"/>`).join("\n")));
		let document!: DocumentNode;
		const reads = readsDuring(() => (document = parseFile("large/mail.mjml")));
		expect(reads.get("large/part.mjml")).toBe(1);
		expect(elements(document, "mj-raw")).toHaveLength(4);
		expect(document.problems).toHaveLength(1);
		expect(document.problems[0]).toMatchObject({ kind: "include", loc: { start: { line: 7, column: 1 } } });
		expect(document.problems[0]!.message).toMatch(
			/with it, this mail would be larger than 20 MB once its includes are in place/u,
		);
	});

	test.each([32, 40])(
		"the nesting bound holds across a chain of 100 includes of %i wrappers each",
		{ timeout: 30_000 },
		(wrappers) => {
			for (let file = 1; file <= 100; file++) {
				const inner = file < 100 ? `<mj-include path="c${file + 1}.mjml"/>` : "<mj-text>bottom</mj-text>";
				write(
					`chain${wrappers}/c${file}.mjml`,
					`${"<mj-wrapper>".repeat(wrappers)}${inner}${"</mj-wrapper>".repeat(wrappers)}`,
				);
			}
			write(`chain${wrappers}/mail.mjml`, mail(`<mj-include path="c1.mjml"/>`));
			const document = parseFile(`chain${wrappers}/mail.mjml`);
			expect(maxDepth(document)).toBeLessThanOrEqual(MAX_NESTING_DEPTH + 1);
			expect(document.problems.map((problem) => [problem.kind, problem.loc.start.line])).toEqual([["nesting", 3]]);
			expect(document.problems[0]!.message).toMatch(
				/With its includes in place, elements nest more than 512 levels deep/u,
			);
			// Deeper content is placed beside, not dropped.
			expect(elements(document, "mj-wrapper")).toHaveLength(100 * wrappers);
			expect(texts(document)).toContain("bottom");
		},
	);

	test("an include deeper than the bound in the mail itself places its content beside it", () => {
		write("deep/part.mjml", `<mj-section><mj-text>deep</mj-text></mj-section>`);
		write(
			"deep/mail.mjml",
			mail(`${"<mj-wrapper>".repeat(600)}<mj-include path="part.mjml"/>${"</mj-wrapper>".repeat(600)}`),
		);
		const document = parseFile("deep/mail.mjml");
		expect(maxDepth(document)).toBeLessThanOrEqual(MAX_NESTING_DEPTH + 1);
		expect(texts(document)).toContain("deep");
	});
});
