import { formatBytes } from "./growth.mjs";
import { ratio } from "./stats.mjs";

/**
 * The product targets, checked against one run's measurements. A target
 * whose inputs were not measured in this run (baseline missing, --no-scale
 * or --no-growth given) is "not measured", never "met".
 */
export const LIMITS = {
	oneHtmlVsHtmlhint: 1.5,
	oneMjmlVsMjmlValidate: 0.8,
	htmlVsEslint: 0.2,
	htmlVsHtmlhint: 1.5,
	mjmlVsMjmlValidate: 1.0,
	otherWorkPerParse: 1.0,
	growthExponent: 1.15,
	memoryKbPerFile: 5,
	concurrencySpeedUp: 1.5,
};

export function checkTargets({ comparison, stats, startup, growth, scale, smoke }) {
	const medianOf = (id) => comparison.find((tool) => tool.id === id)?.medianMs;
	const cpuOf = (id) => comparison.find((tool) => tool.id === id)?.medianCpuMs;
	// CPU time ratios beside the wall-time ones: when other work shares the machine, they move less.
	const cpuNote = (ours, theirs) => {
		const value = ratio(cpuOf(ours), cpuOf(theirs));
		return value == null ? undefined : `CPU-time ratio ${value.toFixed(2)}`;
	};
	const targets = [];
	// `known`: a status the figures settle without a value ("not measured" for a growth point that was refused).
	const add = (id, description, value, limit, better = "lower", note, known) => {
		// A smoke run is too small and too cold for its numbers to mean anything.
		const status = smoke
			? "not checked (smoke)"
			: known
				? known
				: value == null
					? "not measured"
					: (better === "lower" ? value <= limit : value >= limit)
						? "met"
						: "not met";
		targets.push({ id, description, value, limit, status, ...(note ? { note } : {}) });
	};
	const versus = (id, description, ours, theirs, limit, floor) =>
		add(
			id,
			description,
			ratio(medianOf(ours), medianOf(theirs)),
			limit,
			"lower",
			[cpuNote(ours, theirs), floor?.(medianOf(theirs), limit)].filter(Boolean).join("; ") || undefined,
		);
	const ms = (value) => `${Math.round(value)} ms`;
	/**
	 * The floors under a run, each against the limit: ESLint alone (what any
	 * ESLint-based linter pays); mailcomply's languages with no rule on the
	 * same files, whole process (ESLint, the plugin loaded, every file read,
	 * parsed and traversed: all but the rules and the CLI's own steps); and
	 * the same with what every duty reads before it can judge a file, the
	 * campaign facts and the mail's kind (reading-floor.mjs).
	 */
	const floors = (noRulesId, set) => (theirs, limit) => {
		if (theirs == null) return undefined;
		const alone = startup?.["eslint-alone"]?.medianMs;
		const noRules = medianOf(noRulesId);
		const reading = medianOf(noRulesId.replace("-no-rules", "-reading"));
		const notes = [];
		if (alone != null) notes.push(floorVerdict(alone, theirs, limit, "ESLint alone on one empty file, no rule"));
		if (noRules != null)
			notes.push(floorVerdict(noRules, theirs, limit, "mailcomply's languages on these files, no rule"));
		if (reading != null) notes.push(floorVerdict(reading, theirs, limit, READING_FLOOR));
		const withRules = stats[set];
		const inProcessNoRules = stats[`${set}-no-rules`];
		// In process the first run pays for loading and compiling the code it runs; the warm run shows the work alone.
		if (set && withRules?.ok && inProcessNoRules?.ok)
			notes.push(
				`in process the rules add ${ms(withRules.runsMs[0] - inProcessNoRules.runsMs[0])} to the first (cold) run, ${ms(withRules.totalMs - inProcessNoRules.totalMs)} to the warm one`,
			);
		// One file: what start-up is made of.
		if (!set)
			for (const id of ["node", "plugin-import", "empty-run"])
				if (startup?.[id]) notes.push(`${startup[id].label} ${ms(startup[id].medianMs)}`);
		return notes.join("; ") || undefined;
	};
	versus(
		"one-html-vs-htmlhint",
		"One HTML template (pre-commit): mailcomply time / htmlhint time",
		"mailcomply-html-one",
		"htmlhint-one",
		LIMITS.oneHtmlVsHtmlhint,
		floors("mailcomply-html-no-rules-one"),
	);
	versus(
		"one-mjml-vs-mjml-validate",
		"One MJML template: mailcomply time / mjml --validate time",
		"mailcomply-mjml-one",
		"mjml-validate-one",
		LIMITS.oneMjmlVsMjmlValidate,
		floors("mailcomply-mjml-no-rules-one"),
	);
	const corpusFloor = (set) => floors(`mailcomply-${set}-no-rules`, set);
	versus(
		"html-vs-eslint",
		"HTML: mailcomply time / eslint+@html-eslint time",
		"mailcomply-html",
		"eslint-html-eslint",
		LIMITS.htmlVsEslint,
		corpusFloor("html"),
	);
	versus(
		"html-vs-htmlhint",
		"HTML: mailcomply time / htmlhint time",
		"mailcomply-html",
		"htmlhint",
		LIMITS.htmlVsHtmlhint,
		corpusFloor("html"),
	);
	versus(
		"mjml-vs-mjml-validate",
		"MJML: mailcomply time / mjml --validate time",
		"mailcomply-mjml",
		"mjml-validate",
		LIMITS.mjmlVsMjmlValidate,
		corpusFloor("mjml"),
	);
	const parse = (stats.html?.parseMs ?? 0) + (stats.mjml?.parseMs ?? 0);
	const total = (stats.html?.totalMs ?? 0) + (stats.mjml?.totalMs ?? 0);
	add(
		"other-work-vs-parse",
		"In-process: (lint time - parse time) / parse time, HTML+MJML",
		parse > 0 ? (total - parse) / parse : null,
		LIMITS.otherWorkPerParse,
		"lower",
		parse > 0
			? [otherWorkNote(stats, parse, total), noRulesFloor(stats), readingFloor(stats)].filter(Boolean).join("; ")
			: undefined,
	);
	add(...growthTarget(growth));
	add(
		"flat-memory",
		"Scale: peak RSS growth per extra file, first part -> all (KB/file)",
		scale?.memory.growthKbPerFile ?? null,
		LIMITS.memoryKbPerFile,
		"lower",
		scale?.memory.growthKbPerFile != null
			? [
					`one process without threads: peak RSS ${Math.round(scale.memory.firstPartMb)} MB after ${scale.memory.firstPartFiles} files, ${Math.round(scale.memory.allMb)} MB after ${scale.memory.allFiles}`,
					liveHeapFloor(scale.memory.liveHeap),
				]
					.filter(Boolean)
					.join("; ")
			: undefined,
	);
	add(...concurrencyTarget(scale));
	return targets;
}

/**
 * The growth target: the steepest CPU-time step of any format. A size that
 * was not linted (refused by a limit, timed out) leaves it "not measured",
 * with the reason: a refusal is fast, and would read as a flat curve.
 */
function growthTarget(growth) {
	const description = "Growth: largest log-log slope of lint CPU time between sizes";
	const id = "linear-growth";
	if (!growth) return [id, description, null, LIMITS.growthExponent];
	const failed = Object.entries(growth).flatMap(([format, result]) =>
		result.points.filter((point) => point.error).map((point) => `${format} ${formatBytes(point.bytes)} ${point.error}`),
	);
	let steepest;
	for (const [format, result] of Object.entries(growth))
		for (const step of result.steps)
			if (step.cpuExponent != null && (!steepest || step.cpuExponent > steepest.cpuExponent))
				steepest = { format, ...step };
	const notes = [];
	if (steepest)
		notes.push(
			`steepest: ${steepest.format} ${formatBytes(steepest.from)} -> ${formatBytes(steepest.to)} (lint time: parse ${steepest.parseExponent?.toFixed(2) ?? "-"}, other ${steepest.otherExponent?.toFixed(2) ?? "-"})`,
		);
	if (failed.length > 0) notes.push(`not measured: ${failed.join("; ")}`);
	return [
		id,
		description,
		steepest?.cpuExponent ?? null,
		LIMITS.growthExponent,
		"lower",
		notes.join("; ") || undefined,
		failed.length > 0 ? "not measured" : undefined,
	];
}

/**
 * The `--concurrency auto` target. Where ESLint's "auto" starts no thread
 * (2 or 3 cores: half the cores, and none instead of one) no speed-up can
 * exist and the run is skipped: "not met", with the machine as the floor.
 */
function concurrencyTarget(scale) {
	const id = "concurrency-auto";
	const description = "Scale: --concurrency off time / --concurrency auto time";
	if (!scale) return [id, description, null, LIMITS.concurrencySpeedUp, "higher"];
	const two = `--concurrency 2 gave ${scale.speedUpTwoThreads?.toFixed(2) ?? "-"}x`;
	if (!scale.autoRun)
		return [
			id,
			description,
			null,
			LIMITS.concurrencySpeedUp,
			"higher",
			`floor: "auto" starts ${scale.autoWorkers} worker threads on this machine's ${scale.cores} cores (ESLint: half the cores, none instead of one), so it cannot be faster than "off" here and was not run; ${two}`,
			"not met",
		];
	return [
		id,
		description,
		scale.speedUpAuto,
		LIMITS.concurrencySpeedUp,
		"higher",
		`"auto" started ${scale.autoWorkers} worker thread(s) here; ${two}`,
	];
}

/** Where the work other than parsing goes: the rule listeners (slowest first), and traversal with the rest. */
function otherWorkNote(stats, parse, total) {
	const rules = {};
	for (const entry of [stats.html, stats.mjml])
		for (const [id, ms] of Object.entries(entry?.rulesMs ?? {})) rules[id] = (rules[id] ?? 0) + ms;
	const rulesMs = Object.values(rules).reduce((sum, ms) => sum + ms, 0);
	const slowest = Object.entries(rules)
		.sort(([, a], [, b]) => b - a)
		.slice(0, 3)
		.map(([id, ms]) => `${id.replace("mailcomply/", "")} ${Math.round(ms)}`)
		.join(", ");
	return `parse ${Math.round(parse)} ms; rule listeners ${Math.round(rulesMs)} ms (slowest: ${slowest}); traversal and the rest ${Math.round(total - parse - rulesMs)} ms`;
}

/**
 * A floor against a limit: what it costs, as a ratio of the other tool's
 * whole run, and whether it alone already breaks the limit (then no work on
 * mailcomply's own code can meet the target) or leaves room (then the rest of
 * the gap is mailcomply's).
 */
function floorVerdict(floorMs, theirsMs, limit, what) {
	const floorRatio = floorMs / theirsMs;
	const verdict = limitVerdict(
		floorRatio,
		limit,
		`it leaves ${Math.round(limit * theirsMs - floorMs)} ms, the rest of the gap is mailcomply's own`,
	);
	return `floor: ${what} ${Math.round(floorMs)} ms = ${floorRatio.toFixed(2)}x the other tool's whole run of ${Math.round(theirsMs)} ms, ${verdict}`;
}

/** Whether a floor's ratio alone breaks a limit; `room` says what is left when it does not. */
function limitVerdict(floorRatio, limit, room) {
	return floorRatio > limit ? "over the limit by itself: this floor blocks the target" : `under the limit: ${room}`;
}

/**
 * The floor under the memory target: how much the live heap (what stays
 * reachable, after a full collection) grows per extra file. Peak RSS also
 * holds what V8 has not collected yet, and V8 grows the heap before a major
 * collection by its own sizing; what the run keeps is this.
 */
function liveHeapFloor(liveHeap) {
	if (liveHeap?.growthKbPerFile == null) return undefined;
	const verdict = limitVerdict(
		liveHeap.growthKbPerFile,
		LIMITS.memoryKbPerFile,
		"the rest of the peak's growth is heap V8 had not collected yet, not memory the run keeps",
	);
	return `floor: live heap after a full collection ${liveHeap.firstPartMb.toFixed(1)} MB -> ${liveHeap.allMb.toFixed(1)} MB (${liveHeap.growthKbPerFile.toFixed(2)} KB per extra file), ${verdict}`;
}

const READING_FLOOR = "mailcomply's languages on these files with the campaign facts and the mail's kind, no rule";

/** The same ratio with no rule running: what parsing's companions (traversal, ESLint's own work per file) cost before any rule. */
function noRulesFloor(stats) {
	const floor = otherWorkOf(stats, "no-rules");
	if (!floor) return undefined;
	const verdict = limitVerdict(floor.ratio, LIMITS.otherWorkPerParse, "the rest is the rules' own work");
	return `floor: with no rule running, (lint - parse) / parse is ${floor.ratio.toFixed(2)} (traversal, directives, ESLint's per-file work: ${Math.round(floor.otherMs)} ms against parse ${Math.round(floor.parseMs)} ms), ${verdict}`;
}

/** The same ratio when the only work beside parsing is what every duty reads first: the campaign facts and the mail's kind. */
function readingFloor(stats) {
	const floor = otherWorkOf(stats, "reading");
	if (!floor) return undefined;
	const verdict = limitVerdict(floor.ratio, LIMITS.otherWorkPerParse, "the rest is the rules' own checks");
	return `floor: with only the campaign facts and the mail's kind read, (lint - parse) / parse is ${floor.ratio.toFixed(2)} (${Math.round(floor.otherMs)} ms against parse ${Math.round(floor.parseMs)} ms), ${verdict}`;
}

/** (lint - parse) / parse of the in-process floor runs of one kind (`no-rules`, `reading`), HTML and MJML together. */
function otherWorkOf(stats, kind) {
	const runs = [stats[`html-${kind}`], stats[`mjml-${kind}`]].filter((entry) => entry?.ok);
	const parseMs = runs.reduce((sum, entry) => sum + entry.parseMs, 0);
	const totalMs = runs.reduce((sum, entry) => sum + entry.totalMs, 0);
	if (runs.length === 0 || parseMs === 0) return undefined;
	return { ratio: (totalMs - parseMs) / parseMs, otherMs: totalMs - parseMs, parseMs };
}
