import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The package's own name and version, read from its package.json. The file
 * sits one level up from the sources and two from the compiled output, so
 * it is found by walking up rather than by a fixed relative path.
 */
export const PACKAGE_NAME = "eslint-plugin-mailcomply";

function readPackageJson(): { name: string; version: string; root: string | undefined } {
	let directory = path.dirname(fileURLToPath(import.meta.url));
	for (;;) {
		const candidate = path.join(directory, "package.json");
		if (fs.existsSync(candidate)) {
			const parsed = JSON.parse(fs.readFileSync(candidate, "utf8")) as { name?: string; version?: string };
			if (parsed.name === PACKAGE_NAME)
				return { name: parsed.name, version: parsed.version ?? "0.0.0", root: directory };
		}
		const parent = path.dirname(directory);
		if (parent === directory) return { name: PACKAGE_NAME, version: "0.0.0", root: undefined };
		directory = parent;
	}
}

/** The package's name, version and folder (where package.json and the shipped rules/*.md docs are). */
export const packageInfo = readPackageJson();
