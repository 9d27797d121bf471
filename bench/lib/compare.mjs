import path from "node:path";
import { runNode } from "./measure.mjs";
import { median } from "./stats.mjs";

/**
 * Times the tools side by side: one untimed warm-up of each (so every tool
 * meets a warm file cache), then `rounds` rounds in which every tool runs
 * once, the order rotating each round so no tool always goes first after
 * another's garbage. Medians over the rounds are reported.
 */
export async function compareTools({ tools, templates, rounds, workDirectory, log, warmUp: warm = true }) {
	const samples = new Map(tools.map((tool) => [tool.id, []]));
	const runTool = async (tool, round) => {
		const files = templates[tool.set];
		const outputFile = path.join(workDirectory, "out", `${tool.id}.out`);
		// A set of its own folder (formats.mjs) runs from there: ESLint ignores files outside its base path.
		const cwd = templates.roots?.[tool.set] ?? templates.root;
		const result = await runNode({ nodeArgs: tool.nodeArgs(files), cwd, outputFile });
		result.outputFile = outputFile;
		if (round >= 0) samples.get(tool.id).push(result);
		return result;
	};

	const warmUp = new Map();
	if (warm) {
		log(`warm-up: ${tools.map((tool) => tool.id).join(", ")}`);
		for (const tool of tools) warmUp.set(tool.id, await runTool(tool, -1));
	}

	for (let round = 0; round < rounds; round++) {
		const order = tools.map((_, index) => tools[(index + round) % tools.length]);
		const line = [];
		for (const tool of order) {
			const result = await runTool(tool, round);
			line.push(`${tool.id} ${Math.round(result.ms)} ms`);
		}
		log(`round ${round + 1}/${rounds}: ${line.join(", ")}`);
	}

	return tools.map((tool) => {
		const runs = samples.get(tool.id);
		const files = templates[tool.set].length;
		const medianMs = median(runs.map((run) => run.ms));
		return {
			id: tool.id,
			label: tool.label,
			set: tool.set,
			version: tool.version,
			files,
			runsMs: runs.map((run) => run.ms),
			runsCpuMs: runs.map((run) => run.cpuMs),
			medianMs,
			filesPerSecond: medianMs ? (files / medianMs) * 1000 : null,
			medianCpuMs: median(runs.map((run) => run.cpuMs ?? Number.NaN)),
			medianMaxRssMb: median(runs.map((run) => run.maxRssMb ?? Number.NaN)),
			exitCodes: [...new Set(runs.map((run) => run.exitCode))],
			stderrSample: (runs.at(-1)?.stderr ?? "").slice(0, 300),
			outputFile: runs.at(-1)?.outputFile,
			reportsJson: tool.reportsJson,
		};
	});
}
