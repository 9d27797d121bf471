import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { parseCliOptions } from "../../src/cli/options.js";
import { run } from "../../src/cli/run.js";
import { partition, PER_FILE_COST_BYTES, type ShardFile } from "../../src/cli/shard.js";
import { tempProject } from "../helpers/lint.js";

const BIN = path.resolve(import.meta.dirname, "../../dist/src/cli/bin.js");
const cleanups: Array<() => void> = [];
afterEach(() => {
	for (const cleanup of cleanups.splice(0)) cleanup();
});

interface JsonResult {
	filePath: string;
	messages: { ruleId: string | null; line: number; column: number; message: string }[];
}

async function cli(cwd: string, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
	let stdout = "";
	let stderr = "";
	const code = await run(argv, {
		cwd,
		env: {},
		stdout: { write: (text: string) => (stdout += text) },
		stderr: { write: (text: string) => (stderr += text) },
	});
	return { code, stdout, stderr };
}

/** Results in a form two runs can be compared by: per file, its findings. */
function byFile(results: JsonResult[]): Map<string, string[]> {
	return new Map(
		results.map((result) => [
			result.filePath,
			result.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.message}`),
		]),
	);
}

const html = (body: string) =>
	`<!DOCTYPE html><html lang="en"><head><title>Mail</title></head><body>${body}</body></html>\n`;
const mjml = (body: string) =>
	`<mjml><mj-body><mj-section><mj-column><mj-text>${body}</mj-text></mj-column></mj-section></mj-body></mjml>\n`;

/** Templates of very different sizes, some with findings, sidecars and a folder default among them. */
function mixedProject(): string {
	const files: Record<string, string> = {
		"promo/spring.html": html(
			`<p>Spring sale: 20% off everything.</p>${"<p>Our new collection is here.</p>".repeat(400)}`,
		),
		"promo/spring.campaign.yaml": "kind: marketing\naudience:\n  countries: [NL]\n",
		"promo/summer.mjml": mjml('Summer sale: 30% off. <a href="https://example.com/unsubscribe">Unsubscribe</a>'),
		"receipts/order.html": html("<p>Your order 1234 has shipped.</p>"),
		"receipts/defaults.campaign.yaml": "kind: transactional\n",
		"notes.txt": "not a template",
		"scripts/build.js": "not linted (",
	};
	for (let index = 0; index < 14; index++) {
		files[`news/issue-${String(index).padStart(2, "0")}.html`] = html(
			`<p>Issue ${index}: new in store.</p>${"<p>More news.</p>".repeat(index * 25)}`,
		);
	}
	const { dir, cleanup } = tempProject(files);
	cleanups.push(cleanup);
	return dir;
}

describe("partition", () => {
	const files: ShardFile[] = [
		{ key: "a.html", bytes: 90_000 },
		{ key: "b.html", bytes: 1_000 },
		{ key: "c/d.mjml", bytes: 40_000 },
		{ key: "c/e.mjml", bytes: 40_000 },
		{ key: "f.html", bytes: 10 },
		{ key: "g.campaign.yaml", bytes: 30 },
		{ key: "h.html", bytes: 45_000 },
	];

	it("puts every file in exactly one part", () => {
		for (const count of [1, 2, 3, 7, 10]) {
			const parts = partition(files, count);
			expect(parts).toHaveLength(count);
			expect(
				parts
					.flat()
					.map((file) => file.key)
					.sort(),
			).toEqual(files.map((file) => file.key).sort());
		}
	});

	it("gives the same parts whatever order the files were found in", () => {
		const reversed = partition([...files].reverse(), 3);
		const shuffled = partition([files[3]!, files[0]!, files[6]!, files[1]!, files[5]!, files[2]!, files[4]!], 3);
		expect(reversed).toEqual(partition(files, 3));
		expect(shuffled).toEqual(partition(files, 3));
	});

	it("balances the parts by size, each in path order", () => {
		const parts = partition(files, 2);
		const load = (part: ShardFile[]) => part.reduce((sum, file) => sum + file.bytes + PER_FILE_COST_BYTES, 0);
		const [first, second] = parts.map(load) as [number, number];
		// Largest first, each to the lighter part: the parts differ by at most the largest file.
		expect(Math.abs(first - second)).toBeLessThanOrEqual(90_000 + PER_FILE_COST_BYTES);
		expect(parts[0]!.map((file) => file.key)).toEqual(["a.html", "b.html", "f.html", "g.campaign.yaml"]);
		expect(parts[1]!.map((file) => file.key)).toEqual(["c/d.mjml", "c/e.mjml", "h.html"]);
	});

	it("leaves parts empty when there are fewer files than parts", () => {
		const parts = partition(files.slice(0, 2), 4);
		expect(parts.map((part) => part.length)).toEqual([1, 1, 0, 0]);
	});
});

describe("mailcomply --shard i/n", () => {
	it("lints every file exactly once across the shards, with the results of the whole run", async () => {
		const dir = mixedProject();
		const whole = await cli(dir, "--format", "json");
		expect(whole.code).toBe(1);
		const wholeResults = JSON.parse(whole.stdout) as JsonResult[];
		expect(wholeResults.length).toBe(19);

		for (const count of [2, 3, 5]) {
			const union: JsonResult[] = [];
			let worst = 0;
			for (let index = 1; index <= count; index++) {
				const shard = await cli(dir, "--format", "json", "--shard", `${index}/${count}`);
				expect(shard.stderr).toBe("");
				const results = JSON.parse(shard.stdout) as JsonResult[];
				expect(results.length).toBeGreaterThan(0);
				union.push(...results);
				worst = Math.max(worst, shard.code);
			}
			expect(union.map((result) => result.filePath).sort()).toEqual(
				wholeResults.map((result) => result.filePath).sort(),
			);
			expect(byFile(union)).toEqual(byFile(wholeResults));
			expect(worst).toBe(whole.code);
		}
	});

	it("gives the same parts with worker threads and from another checkout location", async () => {
		const dir = mixedProject();
		const files = (output: string) =>
			(JSON.parse(output) as JsonResult[]).map((result) => path.relative(dir, result.filePath)).sort();
		const single = await cli(dir, "--format", "json", "--shard", "2/3");
		// Worker threads import the built options module: the built CLI runs this one.
		const threaded = spawnSync(process.execPath, [BIN, "--format", "json", "--shard", "2/3", "--concurrency", "2"], {
			cwd: dir,
			encoding: "utf8",
		});
		expect(threaded.stderr).not.toMatch(/mailcomply:/u);
		expect(files(threaded.stdout)).toEqual(files(single.stdout));
		// From the folder above, naming the project: the same files (paths are taken relative to the lint root).
		const other = mixedProject();
		const moved = await cli(other, "--format", "json", "--shard", "2/3");
		expect(
			(JSON.parse(moved.stdout) as JsonResult[]).map((result) => path.relative(other, result.filePath)).sort(),
		).toEqual(files(single.stdout));
	});

	it("reports an empty part as a clean run when there are more shards than files", async () => {
		const { dir, cleanup } = tempProject({ "a.html": html("<p>Your order has shipped.</p>") });
		cleanups.push(cleanup);
		const empty = await cli(dir, "--format", "json", "--shard", "2/2");
		expect(empty).toEqual({ code: 0, stdout: "[]\n", stderr: "" });
		const stylish = await cli(dir, "--shard", "2/2");
		expect(stylish).toEqual({ code: 0, stdout: "", stderr: "" });
	});

	it("still says when there is nothing to lint at all", async () => {
		const { dir, cleanup } = tempProject({ "notes.txt": "x" });
		cleanups.push(cleanup);
		const result = await cli(dir, "--shard", "1/2");
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/no templates found/u);
	});

	it.each(["0/3", "4/3", "1/0", "a/b", "2", "1/2/3", ""])("refuses --shard %j", async (value) => {
		const dir = mixedProject();
		const result = await cli(dir, "--shard", value);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/--shard/u);
	});

	it("shards a part of the real corpus like the whole run (skipped without ../shared/corpus)", async (context) => {
		const corpus = path.resolve(import.meta.dirname, "../../../shared/corpus/emailmonday--Cerberus");
		if (!statSync(corpus, { throwIfNoEntry: false })?.isDirectory() || readdirSync(corpus).length === 0)
			return context.skip();
		const whole = await cli(corpus, "--format", "json", ".");
		const union: JsonResult[] = [];
		for (const index of [1, 2, 3])
			union.push(
				...(JSON.parse((await cli(corpus, "--format", "json", "--shard", `${index}/3`, ".")).stdout) as JsonResult[]),
			);
		expect(byFile(union)).toEqual(byFile(JSON.parse(whole.stdout) as JsonResult[]));
	});
});

describe("the sharded CI examples (docs/integrations.md)", () => {
	const example = (name: string) => readFileSync(path.resolve(import.meta.dirname, "../../examples/ci", name), "utf8");
	/** The mailcomply arguments of the example's command line, before its redirection. */
	const mailcomplyArguments = (text: string) => {
		const line = text.split("\n").find((each) => each.includes("npx mailcomply --shard"));
		const command = /npx mailcomply (.*?) >/u.exec(line ?? "")?.[1];
		if (command === undefined) throw new Error("no mailcomply --shard command line");
		return command;
	};

	it("GitHub Actions: one job per part, every part of the matrix, SARIF under a category each", () => {
		const text = example("github-actions-sharded.yml");
		const workflow = parseYaml(text) as {
			jobs: { mailcomply: { strategy: { matrix: { shard: number[] } }; steps: { with?: { category?: string } }[] } };
		};
		const shards = workflow.jobs.mailcomply.strategy.matrix.shard;
		const command = mailcomplyArguments(text);
		const parts = shards.map(
			(shard) => parseCliOptions(command.replaceAll("${{ matrix.shard }}", String(shard)).split(" ")).shard,
		);
		expect(parts).toEqual(shards.map((_, index) => ({ index: index + 1, count: shards.length })));
		expect(
			workflow.jobs.mailcomply.steps.some((step) => step.with?.category === "mailcomply-${{ matrix.shard }}"),
		).toBe(true);
	});

	it("GitLab CI: parallel jobs, each with its node index of the node total", () => {
		const text = example("gitlab-ci-sharded.yml");
		const job = (parseYaml(text) as { mailcomply: { parallel: number } }).mailcomply;
		const command = mailcomplyArguments(text).replaceAll('"', "");
		for (let node = 1; node <= job.parallel; node++) {
			const argv = command
				.replace("$CI_NODE_INDEX", String(node))
				.replace("$CI_NODE_TOTAL", String(job.parallel))
				.split(" ");
			expect(parseCliOptions(argv).shard).toEqual({ index: node, count: job.parallel });
		}
	});
});
