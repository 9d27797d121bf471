/**
 * What npm shows and does with the two published packages, checked without
 * installing anything: the manifest fields npm's site and `npm install` read,
 * the license, the scripts a consumer's install would run, what `npm pack`
 * puts in each tarball, and that the links in the packed Markdown lead to
 * packed files. Installing the tarballs for real is test/e2e/package.test.ts.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const CLI_PACKAGE = path.join(ROOT, "packages/mailcomply");

interface Manifest {
	name: string;
	version: string;
	license: string;
	author?: unknown;
	repository?: { type: string; url: string; directory?: string };
	homepage?: string;
	bugs?: { url: string };
	engines: { node: string };
	bin: Record<string, string>;
	exports?: Record<string, unknown>;
	scripts?: Record<string, string>;
	workspaces?: string[];
	dependencies?: Record<string, string>;
	peerDependencies?: Record<string, string>;
	files?: string[];
}

function readManifest(dir: string): Manifest {
	return JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as Manifest;
}

const plugin = readManifest(ROOT);

/** The files `npm pack` would put in the tarball of the package in `dir` (no scripts run, nothing written). */
function packedFiles(dir: string): string[] {
	const output = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
		cwd: dir,
		encoding: "utf8",
		env: { ...process.env, npm_config_loglevel: "silent" },
	});
	const [packed] = JSON.parse(output) as { files: { path: string }[] }[];
	return (packed?.files ?? []).map((file) => file.path);
}

describe("the plugin's manifest, as npm's site and a consumer's install read it", () => {
	it("has a LICENSE file with the license the manifest names", () => {
		expect(plugin.license).toBe("MIT");
		const license = readFileSync(path.join(ROOT, "LICENSE"), "utf8");
		expect(license).toMatch(/^MIT License\n/u);
		expect(license).toContain("Permission is hereby granted, free of charge");
	});

	it("says where the code, the documentation and the issue tracker are, and who wrote it", () => {
		expect(plugin.repository).toEqual({
			type: "git",
			url: "git+https://github.com/mailcomply/eslint-plugin-mailcomply.git",
		});
		expect(plugin.homepage).toBe("https://github.com/mailcomply/eslint-plugin-mailcomply#readme");
		expect(plugin.bugs).toEqual({ url: "https://github.com/mailcomply/eslint-plugin-mailcomply/issues" });
		expect(plugin.author).toBeTruthy();
	});

	it("runs no script when a consumer installs it, and builds when it is packed", () => {
		// npm lists these for a tarball or git install ("install scripts not yet covered by allowScripts").
		for (const script of ["preinstall", "install", "postinstall", "prepare"]) {
			expect(plugin.scripts?.[script], script).toBeUndefined();
		}
		expect(plugin.scripts?.prepack).toBe("npm run build");
	});

	it("builds a fresh clone on `npm ci` through the root-only `dependencies` script, so the README's first command runs", () => {
		// npm runs `dependencies` for the project itself after changing its node_modules, never for a package installed into another project.
		expect(plugin.scripts?.dependencies).toBe("npm run build");
	});

	it("lets `npm pack` print only the tarball's name, as pre-commit 3 reads it", () => {
		// pack and publish run their scripts in the foreground by default, printing a banner into stdout.
		const npmrc = readFileSync(path.join(ROOT, ".npmrc"), "utf8");
		expect(npmrc).toMatch(/^foreground-scripts=false$/mu);
	});

	it("declares every package its shipped code and types import, so that strict installs (pnpm, Yarn PnP) resolve them", () => {
		// A package found only because npm hoists it (@eslint/core comes with eslint) is missing under pnpm.
		const declared = new Set([
			...Object.keys(plugin.dependencies ?? {}),
			...Object.keys(plugin.peerDependencies ?? {}),
		]);
		const builtins = new Set(builtinModules);
		const shipped = packedFiles(ROOT).filter((file) => /^dist\/.*\.(?:js|d\.ts)$/u.test(file));
		expect(shipped.length).toBeGreaterThan(10);
		const undeclared = new Map<string, string>();
		for (const file of shipped) {
			const text = readFileSync(path.join(ROOT, file), "utf8");
			// TypeScript's own pre-processor lists import specifiers, skipping comments and strings.
			for (const { fileName: specifier } of ts.preProcessFile(text, true, true).importedFiles) {
				if (specifier.startsWith(".") || specifier.startsWith("node:") || builtins.has(specifier)) continue;
				const name = specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0];
				if (name !== undefined && !declared.has(name)) undeclared.set(name, file);
			}
		}
		expect(Object.fromEntries(undeclared)).toEqual({});
	});

	it("keeps packed tarballs out of git", () => {
		for (const file of ["eslint-plugin-mailcomply-0.1.0.tgz", "packages/mailcomply/mailcomply-0.1.0.tgz"]) {
			expect(spawnSync("git", ["check-ignore", "-q", file], { cwd: ROOT }).status, file).toBe(0);
		}
	});
});

describe("the mailcomply package (packages/mailcomply), so that `npx mailcomply` finds a package of that name", () => {
	const cli = existsSync(CLI_PACKAGE) ? readManifest(CLI_PACKAGE) : undefined;

	it("is an npm workspace of this repository, released with the plugin's version", () => {
		expect(plugin.workspaces).toEqual(["packages/mailcomply"]);
		expect(cli?.name).toBe("mailcomply");
		expect(cli?.version).toBe(plugin.version);
		expect(cli?.engines).toEqual(plugin.engines);
		expect(cli?.license).toBe(plugin.license);
		expect(cli?.repository).toEqual({ ...plugin.repository, directory: "packages/mailcomply" });
		expect(readFileSync(path.join(CLI_PACKAGE, "LICENSE"), "utf8")).toBe(
			readFileSync(path.join(ROOT, "LICENSE"), "utf8"),
		);
	});

	it("depends on exactly this version of the plugin and on ESLint, and adds nothing but the bin", () => {
		expect(cli?.dependencies).toEqual({ "eslint-plugin-mailcomply": plugin.version, eslint: "^10.2.0" });
		expect(cli?.bin).toEqual({ mailcomply: "bin.js" });
		expect(cli?.scripts ?? {}).toEqual({});
		expect(packedFiles(CLI_PACKAGE).sort()).toEqual(["LICENSE", "README.md", "bin.js", "package.json"]);
		expect(readFileSync(path.join(CLI_PACKAGE, "bin.js"), "utf8")).toMatch(
			/^#!\/usr\/bin\/env node\n[\s\S]*^import "eslint-plugin-mailcomply\/cli";$/mu,
		);
	});

	it("runs the plugin's own bin, whatever file that is built to", () => {
		expect(plugin.exports?.["./cli"]).toBe(`./${plugin.bin.mailcomply}`);
	});

	it("links to the plugin in this repository's lock file, so `npm ci` never asks the registry for it", () => {
		const lock = JSON.parse(readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as {
			packages: Record<string, { resolved?: string; link?: boolean }>;
		};
		expect(lock.packages["node_modules/eslint-plugin-mailcomply"]).toEqual({ resolved: "", link: true });
		expect(lock.packages["node_modules/mailcomply"]).toEqual({ resolved: "packages/mailcomply", link: true });
	});
});

describe("the plugin's tarball", () => {
	const files = packedFiles(ROOT);

	it("ships the license and the user documentation the README links to", () => {
		expect(files).toContain("LICENSE");
		expect(files).toContain("docs/configs.md");
		expect(files).toContain("examples/ci/github-actions.yml");
	});

	it("has its command where a newcomer looks, bin/mailcomply.js, which starts the built CLI", () => {
		expect(plugin.bin).toEqual({ mailcomply: "bin/mailcomply.js" });
		expect(files).toContain("bin/mailcomply.js");
		expect(files).toContain("dist/src/cli/bin.js");
		const version = spawnSync(process.execPath, [path.join(ROOT, plugin.bin.mailcomply!), "--version"], {
			encoding: "utf8",
		});
		expect(version.stdout.trim()).toBe(plugin.version);
	});

	it("has no relative link in its Markdown that leads outside the tarball", () => {
		const broken: string[] = [];
		for (const file of files.filter((name) => name.endsWith(".md"))) {
			const text = readFileSync(path.join(ROOT, file), "utf8");
			for (const [, target] of text.matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/gu)) {
				if (target === undefined || /^[a-z][a-z+.-]*:/iu.test(target)) continue;
				const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file), target));
				if (!files.includes(resolved)) broken.push(`${file} -> ${target}`);
			}
		}
		expect(broken).toEqual([]);
	});
});
