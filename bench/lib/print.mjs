import { formatBytes } from "./growth.mjs";

/** The human-readable report on stdout; the JSON file holds everything. */

const fixed = (value, digits = 0) => (value == null || !Number.isFinite(value) ? "-" : value.toFixed(digits));

function table(rows, header) {
	const widths = header.map((title, column) =>
		Math.max(title.length, ...rows.map((row) => String(row[column]).length)),
	);
	const line = (cells) => cells.map((cell, column) => String(cell).padEnd(widths[column])).join("  ");
	return [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join("\n");
}

export function printReport(report, write) {
	const { comparison, stats, startup, profile, growth, scale, targets } = report;
	write(
		`\nmailcomply benchmark — ${report.templates.source}: ${report.templates.html} HTML, ${report.templates.mjml} MJML; ${report.rounds} round(s), medians; ${report.machine.cpus} CPUs, Node ${report.machine.node}\n\n`,
	);
	write(
		table(
			comparison.map((tool) => [
				tool.label,
				tool.set.toUpperCase(),
				tool.files,
				fixed(tool.medianMs),
				fixed(tool.medianCpuMs),
				fixed(tool.filesPerSecond),
				fixed(tool.medianMaxRssMb),
				tool.check ?? "",
			]),
			["tool", "set", "files", "median ms", "CPU ms", "files/s", "max RSS MB", "report"],
		) + "\n",
	);
	if (report.formats?.length > 0) {
		write("\nOther formats (whole process; no target in the issue, the ratio is reported):\n");
		write(
			table(
				report.formats.map((row) => [
					row.set,
					row.files,
					fixed(row.mailcomplyMs),
					fixed(row.filesPerSecond),
					row.comparator,
					fixed(row.comparatorMs),
					fixed(row.ratio, 2),
					fixed(row.cpuRatio, 2),
				]),
				["format", "files", "mailcomply ms", "files/s", "against", "its ms", "ratio", "CPU ratio"],
			) + "\n",
		);
	}
	if (stats.html || stats.mjml) {
		write("\nIn-process (ESLint API, stats: true, warm run):\n");
		const rows = Object.entries(stats)
			.filter(([, entry]) => entry?.ok)
			.map(([set, entry]) => [
				set,
				entry.files,
				fixed(entry.parseMs),
				fixed(entry.totalMs - entry.parseMs),
				fixed((entry.totalMs - entry.parseMs) / entry.parseMs, 2),
				fixed(Object.values(entry.rulesMs).reduce((a, b) => a + b, 0)),
				entry.parse ? `${entry.parse.maxParsesOfOneFile}` : "-",
			]);
		write(table(rows, ["run", "files", "parse ms", "other ms", "other/parse", "rules ms", "max parses/file"]) + "\n");
		for (const [set, entry] of Object.entries(stats)) {
			// The no-rule runs have no rule times to show.
			if (!entry?.ok || !entry.rulesMs || Object.keys(entry.rulesMs).length === 0) continue;
			const rules = Object.entries(entry.rulesMs)
				.slice(0, 8)
				.map(([id, ms]) => `${id} ${ms.toFixed(0)} ms`);
			write(`  rules (${set}): ${rules.join(", ") || "none"}\n`);
		}
	}
	if (startup) {
		write(
			`\nStart-up: ${Object.values(startup)
				.map((item) => `${item.label} ${fixed(item.medianMs)} ms`)
				.join("; ")}\n`,
		);
	}
	if (profile?.topSelfMailcomply) {
		write(
			`\nCPU profile of the corpus run (${fixed(profile.sampledMs)} ms sampled), by area: ${Object.entries(
				profile.byArea,
			)
				.slice(0, 8)
				.map(([area, ms]) => `${area} ${ms.toFixed(0)}`)
				.join(", ")}\n`,
		);
		write("Top mailcomply functions (self time):\n");
		for (const entry of profile.topSelfMailcomply.slice(0, 10)) {
			write(
				`  ${fixed(entry.ms).padStart(5)} ms  ${entry.function}  ${entry.location}${entry.hottestLine ? `  hottest: ${entry.hottestLine}` : ""}\n`,
			);
		}
	}
	if (growth) {
		write("\nGrowth (one template, in-process lint time):\n");
		for (const [format, result] of Object.entries(growth)) {
			write(
				`  ${format}: ${result.points.map((point) => (point.error ? `${formatBytes(point.bytes)} ${point.error}` : `${formatBytes(point.bytes)} (${point.nodes ?? "?"} nodes) CPU ${fixed(point.cpuMs)} ms, lint ${fixed(point.lintMs)} (parse ${fixed(point.parseMs)})`)).join(" -> ")}\n`,
			);
			write(
				`  ${format} exponents: ${result.steps.map((step) => `${formatBytes(step.from)}->${formatBytes(step.to)} CPU ${fixed(step.cpuExponent, 2)} (lint ${fixed(step.lintExponent, 2)}: parse ${fixed(step.parseExponent, 2)}, other ${fixed(step.otherExponent, 2)})`).join("; ")}\n`,
			);
		}
	}
	if (scale) {
		write(`\nScale (${scale.total} generated templates):\n`);
		write(
			table(
				Object.entries(scale.runs).map(([id, run]) => [
					id,
					run.files,
					run.concurrency,
					fixed(run.ms),
					fixed(run.cpuMs),
					fixed(run.filesPerSecond),
					fixed(run.maxRssMb),
					run.linted,
				]),
				["run", "files", "concurrency", "ms", "CPU ms", "files/s", "max RSS MB", "linted"],
			) + "\n",
		);
		const { memory } = scale;
		write(
			`  speed-up auto ${scale.autoRun ? `${fixed(scale.speedUpAuto, 2)}x` : `not run (${scale.autoWorkers} threads on ${scale.cores} cores)`}, 2 threads ${fixed(scale.speedUpTwoThreads, 2)}x\n`,
		);
		write(
			`  peak RSS of the run without threads: ${fixed(memory.firstPartMb)} MB after ${memory.firstPartFiles ?? "-"} files, ${fixed(memory.allMb)} MB after ${memory.allFiles ?? "-"}: ${fixed(memory.growthKbPerFile, 2)} KB per extra file\n`,
		);
		if (memory.liveHeap)
			write(
				`  live heap after a full collection (run off-live-heap): ${fixed(memory.liveHeap.firstPartMb, 1)} MB after ${memory.firstPartFiles ?? "-"} files, ${fixed(memory.liveHeap.allMb, 1)} MB after ${memory.allFiles ?? "-"}: ${fixed(memory.liveHeap.growthKbPerFile, 2)} KB per extra file\n`,
			);
	}
	write("\nTargets:\n");
	write(
		table(
			targets.map((target) => [
				target.status,
				target.description,
				fixed(target.value, 2),
				`${target.id === "concurrency-auto" ? ">=" : "<="} ${target.limit}`,
			]),
			["status", "target", "value", "limit"],
		) + "\n",
	);
	for (const target of targets) if (target.note) write(`  ${target.id}: ${target.note}\n`);
	write(`\nJSON: ${report.outputFile}; the bench took ${report.elapsedSeconds} s\n`);
}
