import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";

/**
 * No import circles among the shipped modules (src/, rules/, plugin/): each
 * layer imports only downwards, so a module can be read, tested and loaded
 * without the ones above it. Imports that TypeScript erases (`import type`,
 * `export type … from`) are left out: they cost nothing at run time and are
 * how a lower layer names a higher layer's type.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const FOLDERS = ["src", "rules", "plugin"];

function sourceFiles(folder: string): string[] {
	return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(folder, entry.name);
		if (entry.isDirectory()) return sourceFiles(full);
		return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [full] : [];
	});
}

/** Relative module specifiers of the value imports and re-exports of a file (`import type` and `export type` dropped). */
function runtimeImports(text: string): string[] {
	const statements = /^\s*(import|export)\s+(type\s+)?([^;]*?)\s+from\s+["'](\.[^"']+)["']/gmu;
	const bare = /^\s*import\s+["'](\.[^"']+)["']/gmu;
	const specifiers: string[] = [];
	for (const match of text.matchAll(statements)) {
		if (match[2]) continue;
		// `import { type A, type B } from` is erased too.
		const names = /^\{([^}]*)\}$/u.exec(match[3]!.trim())?.[1];
		if (names !== undefined && names.split(",").every((name) => /^\s*(?:type\s|$)/u.test(name))) continue;
		specifiers.push(match[4]!);
	}
	for (const match of text.matchAll(bare)) specifiers.push(match[1]!);
	return specifiers;
}

function resolveImport(from: string, specifier: string): string {
	return path.resolve(path.dirname(from), specifier).replace(/\.js$/u, ".ts");
}

/** The first circle found by a depth-first walk, as the files in order; undefined when there is none. */
function findCircle(graph: ReadonlyMap<string, readonly string[]>): string[] | undefined {
	const state = new Map<string, "open" | "done">();
	const trail: string[] = [];
	const visit = (file: string): string[] | undefined => {
		state.set(file, "open");
		trail.push(file);
		for (const next of graph.get(file) ?? []) {
			if (state.get(next) === "open") return [...trail.slice(trail.indexOf(next)), next];
			if (!state.has(next)) {
				const circle = visit(next);
				if (circle) return circle;
			}
		}
		trail.pop();
		state.set(file, "done");
		return undefined;
	};
	for (const file of graph.keys()) {
		if (state.has(file)) continue;
		const circle = visit(file);
		if (circle) return circle;
	}
	return undefined;
}

describe("import circles", () => {
	test("the check finds a circle and reads type-only imports as erased", () => {
		expect(
			findCircle(
				new Map([
					["a", ["b"]],
					["b", ["c"]],
					["c", ["a"]],
				]),
			),
		).toEqual(["a", "b", "c", "a"]);
		expect(
			findCircle(
				new Map([
					["a", ["b"]],
					["b", []],
				]),
			),
		).toBeUndefined();
		expect(
			runtimeImports(
				[
					`import type { A } from "./a.js";`,
					`import { type B, type C } from "./b.js";`,
					`import { d, type E } from "./d.js";`,
					`export { f } from "./f.js";`,
					`export type { G } from "./g.js";`,
					`import "./h.js";`,
					`import {\n\tx,\n\ty,\n} from "./x.js";`,
				].join("\n"),
			),
		).toEqual(["./d.js", "./f.js", "./x.js", "./h.js"]);
	});

	test("src/, rules/ and plugin/ import each other without a circle", () => {
		const graph = new Map<string, string[]>();
		for (const file of FOLDERS.flatMap((folder) => sourceFiles(path.join(root, folder)))) {
			const imports = runtimeImports(readFileSync(file, "utf8"))
				.map((specifier) => resolveImport(file, specifier))
				.filter((target) => target.endsWith(".ts"));
			graph.set(file, imports);
		}
		expect(graph.size).toBeGreaterThan(100);
		const circle = findCircle(graph)?.map((file) => path.relative(root, file));
		expect(circle, `import circle: ${circle?.join(" -> ")}`).toBeUndefined();
	});
});
