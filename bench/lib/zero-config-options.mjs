import path from "node:path";
import { pathToFileURL } from "node:url";

/**
 * The ESLint options the CLI lints with when the user gives no config (its
 * zero config), for a run in process: one definition for the bench's
 * children that lint through the ESLint API.
 */
export async function zeroConfigOptions(repoRoot, cwd) {
	const { createEslintOptions } = await import(
		pathToFileURL(path.join(repoRoot, "dist", "src", "cli", "eslint-options.js")).href
	);
	return createEslintOptions({
		cwd,
		configFile: undefined,
		quiet: false,
		countWarnings: false,
		fix: false,
		cache: false,
		cacheLocation: undefined,
		cacheStrategy: undefined,
		concurrency: "off",
		ignorePatterns: [],
		sidecarDigest: undefined,
		// The bench lints files under its cwd, which is then their include root.
		includeRoots: [],
	});
}
