import fs from "node:fs";
import { SourceMap } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Reads a V8 `.cpuprofile` (from `node --cpu-prof`) into the functions that
 * cost the most: self time (samples in the function itself) and total time
 * (samples with the function anywhere on the stack), by function and source
 * line. Lines in mailcomply's compiled `dist/` are mapped back to the `.ts`
 * sources through their source maps.
 */

export function newestProfile(directory) {
	const files = fs.readdirSync(directory).filter((file) => file.endsWith(".cpuprofile"));
	if (files.length === 0) return undefined;
	files.sort((a, b) => fs.statSync(path.join(directory, b)).mtimeMs - fs.statSync(path.join(directory, a)).mtimeMs);
	return path.join(directory, files[0]);
}

export function summariseProfile(profileFile, { repoRoot, top = 15 }) {
	const profile = JSON.parse(fs.readFileSync(profileFile, "utf8"));
	const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
	const parents = new Map();
	for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
	const mapper = sourceMapper(repoRoot);
	const labels = new Map();
	const labelOf = (id) => {
		if (!labels.has(id)) labels.set(id, describe(nodes.get(id).callFrame, mapper, repoRoot));
		return labels.get(id);
	};

	const self = new Map();
	const total = new Map();
	const byArea = new Map();
	let sampledMs = 0;
	profile.samples.forEach((id, index) => {
		const ms = (profile.timeDeltas[index] ?? 0) / 1000;
		sampledMs += ms;
		const label = labelOf(id);
		self.set(label.key, add(self.get(label.key), label, ms));
		byArea.set(label.area, (byArea.get(label.area) ?? 0) + ms);
		const onStack = new Set();
		for (let current = id; current !== undefined; current = parents.get(current)) {
			const frame = labelOf(current);
			if (onStack.has(frame.key)) continue;
			onStack.add(frame.key);
			total.set(frame.key, add(total.get(frame.key), frame, ms));
		}
	});
	// V8 also counts samples per source line of each function: the hottest line says where inside it.
	const lineTicks = new Map();
	for (const node of profile.nodes) {
		if (!node.positionTicks) continue;
		const label = labelOf(node.id);
		const lines = lineTicks.get(label.key) ?? new Map();
		lineTicks.set(label.key, lines);
		for (const { line, ticks } of node.positionTicks) lines.set(line, (lines.get(line) ?? 0) + ticks);
	}
	for (const [key, entry] of self) {
		const lines = [...(lineTicks.get(key) ?? new Map()).entries()].sort(([, a], [, b]) => b - a);
		if (lines.length === 0) continue;
		const frame = profile.nodes.find((node) => labelOf(node.id).key === key).callFrame;
		const file = frame.url.startsWith("file:") ? fileURLToPath(frame.url) : frame.url;
		const [line, ticks] = lines[0];
		const total = lines.reduce((sum, [, count]) => sum + count, 0);
		// positionTicks lines are 1-based; source maps take 0-based lines. The last mapping on the line names it.
		const mapped = mapper(file, line - 1, 100_000);
		entry.hottestLine = `${mapped ?? `${shorten(file, repoRoot)}:${line}`} (${Math.round((ticks / total) * 100)}% of its samples)`;
	}
	const rank = (map) => [...map.values()].sort((a, b) => b.ms - a.ms);
	const isOurs = (entry) => entry.area.startsWith("mailcomply");
	return {
		profile: path.relative(repoRoot, profileFile),
		sampledMs,
		byArea: Object.fromEntries([...byArea.entries()].sort(([, a], [, b]) => b - a)),
		topSelf: rank(self).slice(0, top),
		topSelfMailcomply: rank(self).filter(isOurs).slice(0, top),
		topTotalMailcomply: rank(total).filter(isOurs).slice(0, top),
	};
}

function add(entry, label, ms) {
	if (entry) {
		entry.ms += ms;
		return entry;
	}
	return { function: label.name, location: label.location, area: label.area, ms };
}

function describe(frame, mapper, repoRoot) {
	const name = frame.functionName || "(anonymous)";
	if (!frame.url) {
		// (garbage collector), (program), (idle) and native builtins.
		return { key: name, name, location: "", area: name.startsWith("(") ? name : "V8 builtins" };
	}
	const file = frame.url.startsWith("file:") ? fileURLToPath(frame.url) : frame.url;
	const mapped = mapper(file, frame.lineNumber, frame.columnNumber);
	const location = mapped ?? `${shorten(file, repoRoot)}:${frame.lineNumber + 1}`;
	return { key: `${name} ${location}`, name, location, area: areaOf(mapped ?? file, repoRoot) };
}

function areaOf(file, repoRoot) {
	const relative = file.startsWith(repoRoot) ? path.relative(repoRoot, file) : file;
	if (relative.startsWith("node:")) return "Node.js internals";
	const packageMatch = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/u.exec(relative);
	if (packageMatch) return packageMatch[1].replace(/\\/gu, "/");
	const ours = /^(?:dist[\\/])?(src[\\/][^\\/]+|rules|plugin)/u.exec(relative);
	if (ours) return `mailcomply ${ours[1].replace(/\\/gu, "/")}`;
	return "other";
}

function shorten(file, repoRoot) {
	return file.startsWith(repoRoot) ? path.relative(repoRoot, file) : file.replace(/^.*node_modules[\\/]/u, "");
}

/** Maps a position in `dist/**.js` to `<source>.ts:line` using the emitted `.js.map`. */
function sourceMapper(repoRoot) {
	const maps = new Map();
	const dist = path.join(repoRoot, "dist") + path.sep;
	return (file, line, column) => {
		if (!file.startsWith(dist) || !file.endsWith(".js")) return undefined;
		if (!maps.has(file)) {
			try {
				maps.set(file, new SourceMap(JSON.parse(fs.readFileSync(`${file}.map`, "utf8"))));
			} catch {
				maps.set(file, null);
			}
		}
		const map = maps.get(file);
		if (!map) return undefined;
		const entry = map.findEntry(line, column);
		if (!entry || entry.originalLine === undefined) return undefined;
		const source = path.resolve(path.dirname(file), entry.originalSource.replace(/^file:\/\//u, ""));
		return `${path.relative(repoRoot, source)}:${entry.originalLine + 1}`;
	};
}
