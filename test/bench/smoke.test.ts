import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The benchmark is plain JS run on the built dist/ (`npm test` builds first).
// This runs its smoke mode and checks that every part completed and reported
// in the documented shape; timings are never asserted (see bench/README.md).

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const benchScript = path.join(repoRoot, "bench", "run.mjs");

interface ToolResult {
	id: string;
	set: string;
	files: number;
	runsMs: number[];
	medianMs: number;
	report: { ok: boolean; results: number; ignored: number; fatal: number; messages: number };
}

interface StatsResult {
	ok: boolean;
	files: number;
	parseMs: number;
	totalMs: number;
	runsMs: number[];
	messages: number;
	rulesMs: Record<string, number>;
	mjmlCompileCalls: number;
	parse: { filesParsed: number; maxParsesOfOneFile: number };
	memo: Array<{ analysis: string; files: number; requests: number; computations: number }>;
}

interface SmokeReport {
	schema: number;
	smoke: boolean;
	rounds: number;
	templates: { html: number; mjml: number };
	comparison: ToolResult[];
	formats: Array<{ set: string; comparator: string }>;
	stats: Record<string, StatsResult>;
	startup: Record<string, { medianMs: number; exitCode: number }>;
	growth: Record<
		string,
		{
			points: Array<{ bytes: number; cpuMs: number; lintMs: number; parseMs: number; nodes: number; error?: string }>;
			steps: Array<{ cpuExponent: number; lintExponent: number }>;
		}
	>;
	scale: {
		total: number;
		runs: Record<string, { files: number; linted: number; concurrency: string }>;
		speedUpAuto: number;
		memory: { growthKbPerFile: number | null };
	};
	targets: Array<{ id: string; status: string; limit: number }>;
}

let directory: string;
let report: SmokeReport;
let run: SpawnSyncReturns<string>;

beforeAll(() => {
	if (!fs.existsSync(path.join(repoRoot, "dist", "src", "cli", "bin.js"))) {
		throw new Error("dist/ is missing: run `npm run build` (npm test does) before this test");
	}
	directory = fs.mkdtempSync(path.join(os.tmpdir(), "mailcomply-bench-"));
	const out = path.join(directory, "smoke.json");
	run = spawnSync(process.execPath, [benchScript, "--smoke", "--out", out], {
		cwd: repoRoot,
		encoding: "utf8",
		timeout: 240_000,
	});
	if (run.status === 0) report = JSON.parse(fs.readFileSync(out, "utf8")) as SmokeReport;
}, 260_000);

afterAll(() => {
	if (directory) fs.rmSync(directory, { recursive: true, force: true });
});

describe("npm run bench:smoke", () => {
	it("completes and prints the targets table", () => {
		expect(run.stderr).not.toMatch(/Error|at .*\.mjs:\d+/u);
		expect(run.status).toBe(0);
		expect(run.stdout).toContain("Targets:");
	});

	it("times mailcomply on every format, every file linted and none ignored", () => {
		expect(report.schema).toBe(1);
		expect(report.smoke).toBe(true);
		expect(report.rounds).toBe(1);
		const ids = report.comparison.map((tool) => tool.id);
		expect(ids).toEqual([
			"mailcomply-html",
			"mailcomply-mjml",
			"mailcomply-html-no-rules",
			"mailcomply-html-reading",
			"mailcomply-mjml-no-rules",
			"mailcomply-mjml-reading",
			"mailcomply-engine",
			"mailcomply-eml",
			"mailcomply-sms",
			"mailcomply-whatsapp",
			"mailcomply-html-one",
			"mailcomply-mjml-one",
			"mailcomply-html-no-rules-one",
			"mailcomply-html-reading-one",
			"mailcomply-mjml-no-rules-one",
			"mailcomply-mjml-reading-one",
		]);
		for (const tool of report.comparison) {
			// The one-file runs (the pre-commit case) time one template of their format.
			const expected = tool.set.endsWith("-one")
				? 1
				: tool.set === "html"
					? report.templates.html
					: tool.set === "mjml"
						? report.templates.mjml
						: tool.files;
			expect(tool.files).toBe(expected);
			expect(tool.files).toBeGreaterThan(0);
			expect(tool.runsMs).toHaveLength(1);
			expect(tool.medianMs).toBeGreaterThan(0);
			expect(tool.report).toMatchObject({ ok: true, results: expected, ignored: 0, fatal: 0 });
			// The floor runs lint every file with no rule of mailcomply's: no finding at all.
			if (tool.id.includes("-no-rules") || tool.id.includes("-reading")) expect(tool.report.messages).toBe(0);
		}
		// One row per other format; SMS and WhatsApp have no comparator (baselines are off in a smoke run anyway).
		expect(report.formats.map((row) => row.set)).toEqual(["engine", "eml", "sms", "whatsapp"]);
		expect(report.formats.find((row) => row.set === "sms")!.comparator).toBe("none");
	});

	it("reports in-process parse and rule times, one parse per file, MJML never compiled", () => {
		for (const set of ["html", "mjml"]) {
			const stats = report.stats[set]!;
			expect(stats.ok).toBe(true);
			expect(stats.parseMs).toBeGreaterThan(0);
			expect(stats.totalMs).toBeGreaterThanOrEqual(stats.parseMs);
			expect(Object.keys(stats.rulesMs).length).toBeGreaterThan(0);
			expect(Object.keys(stats.rulesMs).every((id) => id.startsWith("mailcomply/"))).toBe(true);
			expect(stats.parse).toEqual({ filesParsed: stats.files, parseCalls: stats.files, maxParsesOfOneFile: 1 });
			expect(stats.mjmlCompileCalls).toBe(0);
			for (const use of stats.memo) expect(use.computations).toBeLessThanOrEqual(use.files);
		}
	});

	it("measures the floor under the rules: the same files parsed and traversed with no rule", () => {
		for (const set of ["html", "mjml"]) {
			const floor = report.stats[`${set}-no-rules`]!;
			expect(floor.ok).toBe(true);
			expect(floor.files).toBe(report.stats[set]!.files);
			expect(floor.rulesMs).toEqual({});
			expect(floor.messages).toBe(0);
			expect(floor.parse).toEqual({ filesParsed: floor.files, parseCalls: floor.files, maxParsesOfOneFile: 1 });
		}
	});

	it("measures the second floor: the campaign facts and the mail's kind read for every file, no rule of mailcomply's", () => {
		for (const set of ["html", "mjml"]) {
			const floor = report.stats[`${set}-reading`]!;
			expect(floor.ok).toBe(true);
			expect(floor.files).toBe(report.stats[set]!.files);
			expect(Object.keys(floor.rulesMs)).toEqual(["mailcomply-bench/read-campaign"]);
			expect(floor.messages).toBe(0);
			// The kind is inferred from the text blocks, once per file, as the rules would have it.
			expect(floor.memo.find((use) => use.analysis === "infer")).toMatchObject({
				files: floor.files,
				computations: floor.files,
			});
		}
	});

	it("measures start-up, growth and scale", () => {
		expect(Object.keys(report.startup).sort()).toEqual([
			"empty-run",
			"eslint-alone",
			"eslint-import",
			"node",
			"plugin-import",
			"version",
		]);
		for (const item of Object.values(report.startup)) {
			expect(item.exitCode).toBe(0);
			expect(item.medianMs).toBeGreaterThan(0);
		}
		for (const format of ["html", "mjml"]) {
			const growth = report.growth[format]!;
			expect(growth.points).toHaveLength(2);
			expect(growth.points[1]!.bytes).toBeGreaterThan(growth.points[0]!.bytes);
			// Each size was linted (not refused by a limit), and the larger one has more nodes.
			expect(growth.points.every((point) => point.error === undefined)).toBe(true);
			expect(growth.points[1]!.nodes).toBeGreaterThan(growth.points[0]!.nodes);
			expect(growth.steps).toHaveLength(1);
			expect(Number.isFinite(growth.steps[0]!.lintExponent)).toBe(true);
			expect(Number.isFinite(growth.steps[0]!.cpuExponent)).toBe(true);
		}
		// 40 files: ESLint's "auto" would start no thread (one per 50 files), so that run is left out.
		expect(Object.keys(report.scale.runs)).toEqual(["off-all", "off-live-heap", "threads-2-all"]);
		for (const scaleRun of Object.values(report.scale.runs)) expect(scaleRun.linted).toBe(scaleRun.files);
		expect(report.scale.runs["off-all"]!.files).toBe(report.scale.total);
	});

	it("lists every target, unchecked in a smoke run", () => {
		expect(report.targets.map((target) => target.id)).toEqual([
			"one-html-vs-htmlhint",
			"one-mjml-vs-mjml-validate",
			"html-vs-eslint",
			"html-vs-htmlhint",
			"mjml-vs-mjml-validate",
			"other-work-vs-parse",
			"linear-growth",
			"flat-memory",
			"concurrency-auto",
		]);
		expect(report.targets.every((target) => target.status === "not checked (smoke)")).toBe(true);
	});
});

describe("benchmark helpers", () => {
	const load = async (relative: string): Promise<Record<string, (...args: never[]) => unknown>> =>
		(await import(pathToFileURL(path.join(repoRoot, "bench", "lib", relative)).href)) as Record<
			string,
			(...args: never[]) => unknown
		>;

	it("takes medians and log-log slopes", async () => {
		const { median, logLogSlope } = (await load("stats.mjs")) as unknown as {
			median: (values: number[]) => number | null;
			logLogSlope: (a: number, ta: number, b: number, tb: number) => number | null;
		};
		expect(median([5, 1, 3])).toBe(3);
		expect(median([4, 1, 3, 2])).toBe(2.5);
		expect(median([Number.NaN, 2])).toBe(2);
		expect(median([])).toBeNull();
		expect(logLogSlope(1_000, 10, 10_000, 100)).toBeCloseTo(1);
		expect(logLogSlope(1_000, 10, 10_000, 1_000)).toBeCloseTo(2);
		expect(logLogSlope(1_000, 0, 10_000, 100)).toBeNull();
	});

	it("does not count a run that ignored files as a good run", async () => {
		const { summariseEslintJson } = (await load("check-output.mjs")) as unknown as {
			summariseEslintJson: (file: string) => { ok: boolean; results?: number; ignored?: number; error?: string };
		};
		const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "mailcomply-bench-")), "out.json");
		fs.writeFileSync(
			file,
			JSON.stringify([
				{ filePath: "/a.html", messages: [] },
				{
					filePath: "/b.html",
					messages: [
						{ ruleId: null, fatal: false, severity: 1, message: "File ignored because outside of base path." },
					],
				},
			]),
		);
		expect(summariseEslintJson(file)).toMatchObject({ ok: false, results: 2, ignored: 1 });
		fs.writeFileSync(file, "not json");
		expect(summariseEslintJson(file).ok).toBe(false);
		fs.rmSync(path.dirname(file), { recursive: true, force: true });
	});

	it("reads memory growth from one process's samples, and none from an unbatched run", async () => {
		const { memoryGrowth } = (await load("scale.mjs")) as unknown as {
			memoryGrowth: (
				samples: Array<{ files: number; maxRssMb: number }>,
				partSize: number,
			) => { growthKbPerFile: number | null; firstPartFiles: number | null };
		};
		const samples = [500, 1000, 1500, 2000, 2500, 5000, 7500, 10_000].map((files) => ({
			files,
			maxRssMb: 200 + files / 1024,
		}));
		expect(memoryGrowth(samples, 2500)).toMatchObject({ firstPartFiles: 2500, growthKbPerFile: 1 });
		expect(memoryGrowth([{ files: 40, maxRssMb: 120 }], 10).growthKbPerFile).toBeNull();
	});

	it("reads the live heap's growth from the samples taken after a full collection", async () => {
		const { liveHeapGrowth } = (await load("scale.mjs")) as unknown as {
			liveHeapGrowth: (
				samples: Array<{ files: number; maxRssMb: number; liveHeapMb?: number }>,
				partSize: number,
			) => { firstPartMb: number | null; allMb: number | null; growthKbPerFile: number | null };
		};
		// 46 MB reachable after 2,500 files and after 10,000: nothing kept, whatever the peak did.
		const flat = [2500, 5000, 10_000].map((files, index) => ({ files, maxRssMb: 216 + 30 * index, liveHeapMb: 46 }));
		expect(liveHeapGrowth(flat, 2500)).toEqual({ firstPartMb: 46, allMb: 46, growthKbPerFile: 0 });
		const kept = [2500, 10_000].map((files) => ({ files, maxRssMb: 300, liveHeapMb: 40 + (files * 2) / 1024 }));
		expect(liveHeapGrowth(kept, 2500).growthKbPerFile).toBeCloseTo(2);
		// A run sampled without the collections has no live heap to read.
		expect(liveHeapGrowth([{ files: 2500, maxRssMb: 200 }], 2500).growthKbPerFile).toBeNull();
	});

	it("leaves growth unmeasured, not met, when a size was refused", async () => {
		const { checkTargets } = (await load("targets.mjs")) as unknown as {
			checkTargets: (report: object) => Array<{ id: string; status: string; note?: string }>;
		};
		const point = (bytes: number, cpuMs: number) => ({ bytes, cpuMs, lintMs: cpuMs, parseMs: 1, otherMs: cpuMs - 1 });
		const growth = {
			html: {
				points: [
					point(100_000, 100),
					point(1_000_000, 1000),
					{ bytes: 10_000_000, error: "not linted: too many nodes" },
				],
				steps: [{ from: 100_000, to: 1_000_000, cpuExponent: 1, parseExponent: 1, otherExponent: 1 }],
				complete: false,
			},
		};
		const target = checkTargets({ comparison: [], stats: {}, growth, smoke: false }).find(
			(entry) => entry.id === "linear-growth",
		)!;
		expect(target.status).toBe("not measured");
		expect(target.note).toContain("not linted: too many nodes");
	});

	it("says whether a measured floor alone breaks a limit, or what it leaves", async () => {
		const { checkTargets } = (await load("targets.mjs")) as unknown as {
			checkTargets: (report: object) => Array<{ id: string; status: string; note?: string }>;
		};
		const tool = (id: string, medianMs: number) => ({ id, medianMs });
		const startup = (eslintAloneMs: number) => ({
			node: { label: "node -e 0 (floor)", medianMs: 90 },
			"eslint-alone": { label: "ESLint alone on one empty file, no rule", medianMs: eslintAloneMs },
			"empty-run": { label: "mailcomply on one empty .html", medianMs: 380 },
		});
		const stats = (parseMs: number, totalMs: number, noRulesTotalMs: number) => ({
			html: {
				ok: true,
				parseMs,
				totalMs,
				runsMs: [1600, totalMs],
				rulesMs: { "mailcomply/a": totalMs - noRulesTotalMs },
			},
			"html-no-rules": { ok: true, parseMs, totalMs: noRulesTotalMs, runsMs: [600, noRulesTotalMs], rulesMs: {} },
		});
		const comparison = (noRulesOneMs: number, noRulesMs: number) => [
			tool("mailcomply-html-one", 410),
			tool("mailcomply-html-no-rules-one", noRulesOneMs),
			tool("htmlhint-one", 180),
			tool("mailcomply-html", 1950),
			tool("mailcomply-html-no-rules", noRulesMs),
			tool("htmlhint", 680),
		];
		const noteOf = (report: object, id: string) =>
			checkTargets({ smoke: false, ...report }).find((target) => target.id === id)!.note!;

		// ESLint alone 230 ms against htmlhint's 180: 1.28x, under 1.5x, leaving 40 ms; the languages alone take 260 ms: 1.44x.
		const room = { comparison: comparison(260, 950), startup: startup(230), stats: stats(200, 700, 400) };
		expect(noteOf(room, "one-html-vs-htmlhint")).toContain(
			"ESLint alone on one empty file, no rule 230 ms = 1.28x the other tool's whole run of 180 ms, under the limit: it leaves 40 ms",
		);
		expect(noteOf(room, "one-html-vs-htmlhint")).toContain(
			"mailcomply's languages on these files, no rule 260 ms = 1.44x the other tool's whole run of 180 ms, under the limit: it leaves 10 ms",
		);
		// 950 ms against 680: 1.40x, under the corpus limit; in process the rules add 1000 ms cold and 300 ms warm.
		expect(noteOf(room, "html-vs-htmlhint")).toContain("no rule 950 ms = 1.40x");
		expect(noteOf(room, "html-vs-htmlhint")).toContain(
			"the rules add 1000 ms to the first (cold) run, 300 ms to the warm one",
		);
		// With no rule, (400 - 200) / 200 = 1.00: at the limit, not over it.
		expect(noteOf(room, "other-work-vs-parse")).toContain("(lint - parse) / parse is 1.00");
		expect(noteOf(room, "other-work-vs-parse")).toContain("under the limit");

		const blocked = { comparison: comparison(300, 1100), startup: startup(300), stats: stats(200, 700, 500) };
		expect(noteOf(blocked, "one-html-vs-htmlhint")).toContain(
			"no rule 300 ms = 1.67x the other tool's whole run of 180 ms, over the limit by itself: this floor blocks the target",
		);
		expect(noteOf(blocked, "html-vs-htmlhint")).toContain(
			"no rule 1100 ms = 1.62x the other tool's whole run of 680 ms, over the limit by itself",
		);
		expect(noteOf(blocked, "other-work-vs-parse")).toContain("is 1.50");
		expect(noteOf(blocked, "other-work-vs-parse")).toContain("this floor blocks the target");

		// Peak RSS 216 -> 282 MB over 7,500 files (9 KB per file) while the live heap stays at 46 MB: the floor is not what the run keeps.
		const memory = (liveAllMb: number) => ({
			comparison: [],
			stats: {},
			scale: {
				runs: {},
				memory: {
					firstPartFiles: 2500,
					firstPartMb: 216,
					allFiles: 10_000,
					allMb: 282,
					growthKbPerFile: 9,
					liveHeap: { firstPartMb: 46, allMb: liveAllMb, growthKbPerFile: ((liveAllMb - 46) * 1024) / 7500 },
				},
			},
		});
		expect(noteOf(memory(46), "flat-memory")).toContain(
			"floor: live heap after a full collection 46.0 MB -> 46.0 MB (0.00 KB per extra file), under the limit: the rest of the peak's growth is heap V8 had not collected yet",
		);
		expect(noteOf(memory(100), "flat-memory")).toContain("(7.37 KB per extra file), over the limit by itself");
	});

	it("says whether the reading floor (campaign facts and kind, no rule) breaks a limit, whole process and in process", async () => {
		const { checkTargets } = (await load("targets.mjs")) as unknown as {
			checkTargets: (report: object) => Array<{ id: string; status: string; note?: string }>;
		};
		const report = (readingMs: number, readingTotalMs: number) => ({
			smoke: false,
			comparison: [
				{ id: "mailcomply-html", medianMs: 1950 },
				{ id: "mailcomply-html-no-rules", medianMs: 950 },
				{ id: "mailcomply-html-reading", medianMs: readingMs },
				{ id: "htmlhint", medianMs: 680 },
			],
			stats: {
				html: { ok: true, parseMs: 200, totalMs: 700, runsMs: [1600, 700], rulesMs: { "mailcomply/a": 400 } },
				"html-no-rules": { ok: true, parseMs: 200, totalMs: 300, runsMs: [600, 300], rulesMs: {} },
				"html-reading": { ok: true, parseMs: 200, totalMs: readingTotalMs, runsMs: [900, readingTotalMs], rulesMs: {} },
			},
		});
		const noteOf = (input: object, id: string) => checkTargets(input).find((target) => target.id === id)!.note!;

		// 1100 ms against htmlhint's 680: 1.62x, over 1.5x; in process (450 - 200) / 200 = 1.25, over 1.
		const blocked = report(1100, 450);
		expect(noteOf(blocked, "html-vs-htmlhint")).toContain(
			"with the campaign facts and the mail's kind, no rule 1100 ms = 1.62x the other tool's whole run of 680 ms, over the limit by itself: this floor blocks the target",
		);
		expect(noteOf(blocked, "other-work-vs-parse")).toContain(
			"with only the campaign facts and the mail's kind read, (lint - parse) / parse is 1.25 (250 ms against parse 200 ms), over the limit by itself",
		);
		// 990 ms: 1.46x, leaving 30 ms; (380 - 200) / 200 = 0.90, under the limit.
		const room = report(990, 380);
		expect(noteOf(room, "html-vs-htmlhint")).toContain("no rule 990 ms = 1.46x");
		expect(noteOf(room, "html-vs-htmlhint")).toContain("under the limit: it leaves 30 ms");
		expect(noteOf(room, "other-work-vs-parse")).toContain(
			"is 0.90 (180 ms against parse 200 ms), under the limit: the rest is the rules' own checks",
		);
	});

	it("varies a template without breaking its markup", async () => {
		const { mutate } = (await load("scale.mjs")) as unknown as {
			mutate: (text: string, format: string, index: number) => string;
		};
		const html = "<html><body><p>Thanks for the order</p></body></html>";
		const varied = mutate(html, "html", 3);
		expect(varied).not.toBe(html);
		expect(varied).toMatch(/^<html><body><div class="variant" data-variant="3"/u);
		expect(varied.endsWith("</p></body></html>")).toBe(true);
		expect(mutate(html, "html", 4)).not.toBe(varied);
		const mjml =
			"<mjml><mj-body><mj-section><mj-column><mj-text>Hello</mj-text></mj-column></mj-section></mj-body></mjml>";
		expect(mutate(mjml, "mjml", 1)).toContain('<mj-section css-class="variant-1"><mj-column><mj-text>Edition 1 for');
	});
});
