import fs from "node:fs";
import path from "node:path";
import { newsletter } from "./synthetic.mjs";

/**
 * The templates the benchmark lints: the shared corpus when it is there,
 * else a handful of generated newsletters (so the harness still runs in CI).
 * Paths are relative to `root`, which is the working directory of every
 * timed tool: ESLint ignores files outside its base path.
 */

const SKIPPED_DIRECTORIES = new Set(["node_modules", ".git"]);

export function listTemplates(root) {
	const html = [];
	const mjml = [];
	const walk = (directory) => {
		for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
			if (entry.isDirectory()) {
				if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(path.join(directory, entry.name));
				continue;
			}
			const relative = path.relative(root, path.join(directory, entry.name));
			if (/\.html?$/iu.test(entry.name)) html.push(relative);
			else if (/\.mjml$/iu.test(entry.name)) mjml.push(relative);
		}
	};
	walk(root);
	return { root, html: html.sort(), mjml: mjml.sort() };
}

/** Writes `count` generated newsletters of each format into `directory` and lists them. */
export function generateTemplates(directory, count) {
	fs.rmSync(directory, { recursive: true, force: true });
	fs.mkdirSync(directory, { recursive: true });
	for (let index = 0; index < count; index++) {
		fs.writeFileSync(
			path.join(directory, `newsletter-${index}.html`),
			newsletter("html", { seed: index + 1, sections: 6 + index }),
		);
		fs.writeFileSync(
			path.join(directory, `newsletter-${index}.mjml`),
			newsletter("mjml", { seed: index + 101, sections: 4 + index }),
		);
	}
	return listTemplates(directory);
}

export function bytesOf(root, files) {
	return files.reduce((total, file) => total + fs.statSync(path.join(root, file)).size, 0);
}
