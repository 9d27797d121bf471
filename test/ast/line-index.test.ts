import { describe, expect, it } from "vitest";
import { LineIndex } from "../../src/ast/line-index.js";
import type { ElementNode } from "../../src/ast/types.js";
import { parseTemplate } from "../helpers/template.js";

const TEXT = "<p>Hallo</p>\r\n<p>Afmelden\nhier</p>\r<p>Ende</p>";

describe("LineIndex", () => {
	it("gives a lazy location the same positions as an eager one, on CRLF, LF and lone CR", () => {
		const lines = new LineIndex(TEXT);
		for (const range of [
			[0, 12],
			[14, 30],
			[31, 42],
			[0, TEXT.length],
		] as Array<[number, number]>) {
			const lazy = lines.lazyLoc(range);
			expect({ start: lazy.start, end: lazy.end }).toEqual(lines.loc(range));
			expect(JSON.parse(JSON.stringify(lazy))).toEqual(lines.loc(range));
		}
	});

	it("searches the lines only when a position is read, and once", () => {
		let searches = 0;
		class CountingIndex extends LineIndex {
			override position(offset: number) {
				searches++;
				return super.position(offset);
			}
		}
		const location = new CountingIndex(TEXT).lazyLoc([14, 30]);
		expect(searches).toBe(0);
		expect(location.start).toEqual({ line: 2, column: 1 });
		expect(location.start).toBe(location.start);
		expect(searches).toBe(1);
		expect(location.end).toEqual({ line: 3, column: 5 });
		expect(searches).toBe(2);
	});

	it("locates a parsed template's nodes as before: the lines ESLint shows", () => {
		const document = parseTemplate(TEXT);
		const [first, second, third] = document.children.filter((node): node is ElementNode => node.type === "Element");
		expect(first!.loc.start).toEqual({ line: 1, column: 1 });
		expect(second!.loc.start).toEqual({ line: 2, column: 1 });
		expect(second!.loc.end).toEqual({ line: 3, column: 9 });
		expect(third!.startTag.loc.start).toEqual({ line: 4, column: 1 });
	});
});
