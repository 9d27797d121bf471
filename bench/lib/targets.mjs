import { ratio } from "./stats.mjs";

/**
 * The product targets, checked against one run's measurements. A target
 * whose inputs were not measured in this run (baseline missing, --scale or
 * --growth not given) is "not measured", never "met".
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
	const add = (id, description, value, limit, better = "lower", note) => {
		// A smoke run is too small and too cold for its numbers to mean anything.
		const status = smoke
			? "not checked (smoke)"
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
			[cpuNote(ours, theirs), floor?.(medianOf(theirs))].filter(Boolean).join("; ") || undefined,
		);
	// What no work on mailcomply's own code can go below: Node itself, and loading ESLint (and the plugin).
	const startupFloor = (theirs) => {
		if (!startup?.node || theirs == null) return undefined;
		const part = (id) => (startup[id] ? `${startup[id].label} ${Math.round(startup[id].medianMs)} ms` : undefined);
		return `floor: ${[part("node"), part("eslint-import"), part("plugin-import"), part("empty-run")].filter(Boolean).join(", ")}; the other tool's whole run ${Math.round(theirs)} ms`;
	};
	versus(
		"one-html-vs-htmlhint",
		"One HTML template (pre-commit): mailcomply time / htmlhint time",
		"mailcomply-html-one",
		"htmlhint-one",
		LIMITS.oneHtmlVsHtmlhint,
		startupFloor,
	);
	versus(
		"one-mjml-vs-mjml-validate",
		"One MJML template: mailcomply time / mjml --validate time",
		"mailcomply-mjml-one",
		"mjml-validate-one",
		LIMITS.oneMjmlVsMjmlValidate,
		startupFloor,
	);
	versus(
		"html-vs-eslint",
		"HTML: mailcomply time / eslint+@html-eslint time",
		"mailcomply-html",
		"eslint-html-eslint",
		LIMITS.htmlVsEslint,
	);
	versus(
		"html-vs-htmlhint",
		"HTML: mailcomply time / htmlhint time",
		"mailcomply-html",
		"htmlhint",
		LIMITS.htmlVsHtmlhint,
	);
	versus(
		"mjml-vs-mjml-validate",
		"MJML: mailcomply time / mjml --validate time",
		"mailcomply-mjml",
		"mjml-validate",
		LIMITS.mjmlVsMjmlValidate,
	);
	const parse = (stats.html?.parseMs ?? 0) + (stats.mjml?.parseMs ?? 0);
	const total = (stats.html?.totalMs ?? 0) + (stats.mjml?.totalMs ?? 0);
	add(
		"other-work-vs-parse",
		"In-process: (lint time - parse time) / parse time, HTML+MJML",
		parse > 0 ? (total - parse) / parse : null,
		LIMITS.otherWorkPerParse,
	);
	const exponents = growth
		? Object.values(growth).map((format) => (format.complete ? format.maxExponent : Number.POSITIVE_INFINITY))
		: [];
	add(
		"linear-growth",
		"Growth: largest log-log slope of lint CPU time between sizes",
		exponents.length > 0 ? Math.max(...exponents) : null,
		LIMITS.growthExponent,
	);
	add(
		"flat-memory",
		"Scale: peak RSS growth per extra file, first part -> all (KB/file)",
		scale?.memory.growthKbPerFile ?? null,
		LIMITS.memoryKbPerFile,
	);
	add(
		"concurrency-auto",
		"Scale: --concurrency off time / --concurrency auto time",
		scale?.speedUpAuto ?? null,
		LIMITS.concurrencySpeedUp,
		"higher",
		scale
			? `"auto" started ${scale.autoWorkers} worker thread(s) here (ESLint: half the cores, none instead of one), so any difference from "off" is noise; --concurrency 2 gave ${scale.speedUpTwoThreads.toFixed(2)}x`
			: undefined,
	);
	return targets;
}
