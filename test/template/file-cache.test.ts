import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { FileCache } from "../../src/template/file-cache.js";

/** The one cache of included files (mj-include parts, engine layouts and partials): while unchanged, bounded, least recently used out first. */
describe("FileCache", () => {
	const folder = mkdtempSync(path.join(tmpdir(), "mailcomply-file-cache-"));
	afterAll(() => rmSync(folder, { recursive: true, force: true }));
	const file = (name: string, text: string) => {
		const written = path.join(folder, name);
		writeFileSync(written, text);
		return written;
	};
	/** Reads a file through the cache as the loaders do: the kept value, or the text read now and kept. */
	const read = (files: FileCache<string>, realPath: string, text: string) => {
		const cached = files.lookup(realPath, realPath);
		if ("value" in cached) return { kept: true, value: cached.value };
		files.keep(realPath, cached.stamp, text);
		return { kept: false, value: text };
	};
	const cache = () => new FileCache<string>(10, (text) => text.length);

	test("returns a kept value while the file is unchanged, and reads a changed file again", () => {
		const files = cache();
		const footer = file("footer.mjml", "abc");
		expect(read(files, footer, "abc")).toEqual({ kept: false, value: "abc" });
		expect(read(files, footer, "abc")).toEqual({ kept: true, value: "abc" });
		writeFileSync(footer, "abcd");
		expect(read(files, footer, "abcd")).toEqual({ kept: false, value: "abcd" });
		expect(read(files, footer, "abcd")).toEqual({ kept: true, value: "abcd" });
	});

	test("keeps nothing for a file it cannot stamp", () => {
		const files = cache();
		const gone = path.join(folder, "gone.mjml");
		expect(read(files, gone, "x")).toEqual({ kept: false, value: "x" });
		expect(read(files, gone, "x")).toEqual({ kept: false, value: "x" });
	});

	test("keeps within its bound, dropping the least recently used first", () => {
		const files = cache();
		const [a, b, c] = ["a", "b", "c"].map((name) => file(`${name}.mjml`, name.repeat(4)));
		read(files, a!, "aaaa");
		read(files, b!, "bbbb");
		// Reading a again makes b the least recently used.
		expect(read(files, a!, "aaaa").kept).toBe(true);
		read(files, c!, "cccc");
		expect(read(files, a!, "aaaa").kept).toBe(true);
		expect(read(files, c!, "cccc").kept).toBe(true);
		expect(read(files, b!, "bbbb").kept).toBe(false);
	});

	test("a stale value no longer counts against the bound", () => {
		const files = cache();
		const big = file("big.mjml", "123456");
		read(files, big, "123456");
		writeFileSync(big, "1234567");
		expect(files.lookup(big, big)).not.toHaveProperty("value");
		const [d, e] = ["d", "e"].map((name) => file(`${name}.mjml`, name.repeat(4)));
		read(files, d!, "dddd");
		read(files, e!, "eeee");
		expect(read(files, d!, "dddd").kept).toBe(true);
		expect(read(files, e!, "eeee").kept).toBe(true);
	});

	test("keeps a value larger than the bound until the next one comes", () => {
		const files = cache();
		const huge = file("huge.mjml", "x".repeat(20));
		const small = file("small.mjml", "y");
		read(files, huge, "x".repeat(20));
		expect(read(files, huge, "x".repeat(20)).kept).toBe(true);
		read(files, small, "y");
		expect(read(files, small, "y").kept).toBe(true);
		expect(read(files, huge, "x".repeat(20)).kept).toBe(false);
	});
});
