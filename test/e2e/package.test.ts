/**
 * The published package as a user gets it: `npm pack`, then a fresh project
 * that installs the tarball and ESLint from the npm registry and follows the
 * README's instructions (its install command and its eslint.config.js), then
 * lints a small MJML file through ESLint and through `npx mailcomply`; and
 * `npx mailcomply` in a folder with no package.json, from the packed
 * `mailcomply` package (packages/mailcomply) and the packed plugin.
 * Installs from the registry, so it takes a while.
 */
import { execFileSync, spawnSync } from "node:child_process";
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** The ESLint this package is tested with (the devDependency's installed version). */
const ESLINT_VERSION = (
	JSON.parse(readFileSync(path.join(ROOT, "node_modules/eslint/package.json"), "utf8")) as { version: string }
).version;
const manifest = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
	name: string;
	version: string;
	bin: Record<string, string>;
	exports: Record<string, string | Record<string, string>>;
	engines: { node: string };
	peerDependencies: Record<string, string>;
	files: string[];
};
const README = readFileSync(path.join(ROOT, "README.md"), "utf8");

const PROMO = `<mjml>
	<mj-body>
		<mj-section><mj-column><mj-text>Spring sale: 20% off everything.</mj-text></mj-column></mj-section>
	</mj-body>
</mjml>
`;

/** A fenced block of the README: the first one whose text includes `marker`. */
function readmeBlock(language: string, marker: string): string {
	const blocks = [...README.matchAll(new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``, "gu"))].map(
		(match) => match[1] ?? "",
	);
	const block = blocks.find((text) => text.includes(marker));
	if (block === undefined) throw new Error(`README.md has no \`\`\`${language} block with ${marker}`);
	return block;
}

describe("the package manifest", () => {
	it("exports ESM with types for the plugin and the sidecar digest, and the schema", () => {
		expect(manifest.exports["."]).toEqual({ types: "./dist/plugin/index.d.ts", default: "./dist/plugin/index.js" });
		expect(manifest.exports["./sidecar-digest"]).toEqual({
			types: "./dist/src/campaign/digest.d.ts",
			default: "./dist/src/campaign/digest.js",
		});
		expect(manifest.exports["./campaign.schema.json"]).toBe("./schema/campaign.schema.json");
	});

	it("builds its bin executable, so that npx runs it after every rebuild", () => {
		const bin = path.join(ROOT, manifest.bin.mailcomply ?? "(no mailcomply bin)");
		expect(existsSync(bin)).toBe(true);
		if (process.platform !== "win32") expect(statSync(bin).mode & 0o111).toBe(0o111);
	});

	it("asks for the Node and ESLint versions that are tested", () => {
		expect(manifest.engines.node).toBe(">=20.19.0");
		expect(manifest.peerDependencies.eslint).toBe("^10.2.0");
		const [major] = ESLINT_VERSION.split(".");
		expect(major).toBe("10");
	});
});

describe("npm pack, installed in a fresh project with the README's instructions", () => {
	let project: string;
	const dirs: string[] = [];
	let packedFiles: string[] = [];

	beforeAll(() => {
		// `npm test` has just built dist/; packing without the prepare script keeps
		// this file from rebuilding dist/ while other test files read it.
		if (!existsSync(path.join(ROOT, "dist/plugin/index.js")))
			throw new Error('dist/ is missing: run "npm run build" first (npm test does)');
		const packDir = mkdtempSync(path.join(tmpdir(), "mailcomply-pack-"));
		project = mkdtempSync(path.join(tmpdir(), "mailcomply-user-"));
		dirs.push(packDir, project);
		const packed = JSON.parse(
			execFileSync("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", packDir], {
				cwd: ROOT,
				encoding: "utf8",
				env: { ...process.env, npm_config_loglevel: "silent" },
			}),
		) as { filename: string; files: { path: string }[] }[];
		packedFiles = packed[0]?.files.map((file) => file.path) ?? [];
		const [tarball] = readdirSync(packDir).filter((name) => name.endsWith(".tgz"));
		execFileSync("npm", ["init", "-y"], { cwd: project, stdio: "ignore" });
		// The README's install line, with the packed tarball for the package and the tested ESLint.
		const install = readmeBlock("sh", "npm install --save-dev eslint eslint-plugin-mailcomply").trim();
		expect(install).toBe("npm install --save-dev eslint eslint-plugin-mailcomply");
		execFileSync(
			"npm",
			[
				"install",
				"--save-dev",
				"--no-audit",
				"--no-fund",
				`eslint@${ESLINT_VERSION}`,
				path.join(packDir, tarball ?? ""),
			],
			{ cwd: project, stdio: "ignore" },
		);
		mkdirSync(path.join(project, "emails"));
		writeFileSync(path.join(project, "emails/promo.mjml"), PROMO);
	}, 300_000);

	afterAll(() => {
		for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
	}, 120_000);

	it("packs the built code, schema and rule docs, and no sources or tests", () => {
		expect(packedFiles).toContain("dist/plugin/index.js");
		expect(packedFiles).toContain("dist/plugin/index.d.ts");
		expect(packedFiles).toContain("dist/src/cli/bin.js");
		expect(packedFiles).toContain("schema/campaign.schema.json");
		expect(packedFiles).toContain("rules/require-unsubscribe.md");
		// The docs generator is built for `npm run docs` only: users do not get it.
		expect(packedFiles.filter((file) => file.includes("generated-docs"))).toEqual([]);
		expect(
			packedFiles.filter((file) => /^(?:test|src|bench)\//u.test(file) || /\.ts$/u.test(file.replace(/\.d\.ts$/u, ""))),
		).toEqual([]);
	});

	it("lints an MJML file through ESLint with the README's eslint.config.js", () => {
		const config = readmeBlock("js", "// eslint.config.js");
		// The README's config is an ES module; `npm init -y` makes a CommonJS package, where it must be named .mjs.
		writeFileSync(path.join(project, "eslint.config.mjs"), config);
		const eslint = spawnSync("npx", ["eslint", "--format", "json", "emails/"], { cwd: project, encoding: "utf8" });
		expect(eslint.stderr).toBe("");
		expect(eslint.status).toBe(1);
		const [result] = JSON.parse(eslint.stdout) as { filePath: string; messages: { ruleId: string; line: number }[] }[];
		expect(result?.filePath).toBe(path.join(project, "emails/promo.mjml"));
		expect(result?.messages).toContainEqual(
			expect.objectContaining({ ruleId: "mailcomply/require-unsubscribe", line: 2 }),
		);
	});

	it("lints the README's opted-in HTML folder by glob, and fixes http: on the hosts its rule-option example lists", () => {
		const option = readmeBlock("js", "// eslint.config.js, after the two entries above");
		const config = readmeBlock("js", "// eslint.config.js (name it").replace(
			/\n\]\);\s*$/u,
			`\n${option.split("\n").slice(1).join("\n")}]);\n`,
		);
		writeFileSync(path.join(project, "eslint.config.mjs"), config);
		mkdirSync(path.join(project, "templates"), { recursive: true });
		const offer = `<!DOCTYPE html>\n<html lang="en"><body>\n<p>Spring sale: 20% off. <a href="http://www.bakkerij-jansen.nl/taart?uid={{ id }}">Order</a></p>\n</body></html>\n`;
		writeFileSync(path.join(project, "templates/offer.html"), offer);
		const byGlob = spawnSync("npx", ["eslint", "--format", "json", "templates/*.html"], {
			cwd: project,
			encoding: "utf8",
		});
		expect(byGlob.stderr).toBe("");
		const [result] = JSON.parse(byGlob.stdout) as { messages: { ruleId: string }[] }[];
		expect(result?.messages.map((message) => message.ruleId)).toEqual(
			expect.arrayContaining(["mailcomply/require-unsubscribe", "mailcomply/prefer-https"]),
		);
		spawnSync("npx", ["eslint", "--fix", "templates/"], { cwd: project, encoding: "utf8" });
		expect(readFileSync(path.join(project, "templates/offer.html"), "utf8")).toBe(offer.replace("http://", "https://"));
	});

	it("runs npx mailcomply with its exit code and formats", () => {
		const stylish = spawnSync("npx", ["mailcomply", "--no-color"], { cwd: project, encoding: "utf8" });
		expect(stylish.status).toBe(1);
		expect(stylish.stdout).toMatch(/2:2\s+error\s+No unsubscribe link[\s\S]+?mailcomply\/require-unsubscribe/u);
		const sarif = spawnSync("npx", ["mailcomply", "--format", "sarif", "emails/promo.mjml"], {
			cwd: project,
			encoding: "utf8",
		});
		expect(sarif.status).toBe(1);
		expect((JSON.parse(sarif.stdout) as { version: string }).version).toBe("2.1.0");
		expect(spawnSync("npx", ["mailcomply", "--version"], { cwd: project, encoding: "utf8" }).stdout.trim()).toBe(
			(JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version,
		);
	});

	it("resolves the sidecar schema and the sidecar digest through the exports map", () => {
		const script = `
const schemaPath = import.meta.resolve("eslint-plugin-mailcomply/campaign.schema.json");
const { sidecarDigest } = await import("eslint-plugin-mailcomply/sidecar-digest");
const plugin = (await import("eslint-plugin-mailcomply")).default;
console.log(JSON.stringify({ schemaPath, digest: typeof sidecarDigest, namespace: plugin.meta.namespace }));
`;
		const output = JSON.parse(
			execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: project, encoding: "utf8" }),
		) as Record<string, string>;
		expect(output).toEqual({
			schemaPath: `file://${path.join(project, "node_modules/eslint-plugin-mailcomply/schema/campaign.schema.json")}`,
			digest: "function",
			namespace: "mailcomply",
		});
	});

	it("type-checks a config that imports the plugin, from the exported types and the packages they name", () => {
		// No --skipLibCheck: the published .d.ts files import @eslint/core, which must be a dependency, not a devDependency.
		writeFileSync(
			path.join(project, "check.mts"),
			`import mailcomply from "eslint-plugin-mailcomply";\nimport type { Linter } from "eslint";\nconst configs: Linter.Config[] = [...mailcomply.configs.recommended];\nexport default configs;\n`,
		);
		const tsc = spawnSync(
			process.execPath,
			[
				path.join(ROOT, "node_modules/typescript/bin/tsc"),
				"--noEmit",
				"--strict",
				"--module",
				"nodenext",
				"--moduleResolution",
				"nodenext",
				"check.mts",
			],
			{ cwd: project, encoding: "utf8" },
		);
		expect(tsc.stdout + tsc.stderr).toBe("");
		expect(tsc.status).toBe(0);
	});

	it("--init in the project writes a config that ESLint then runs", () => {
		const dir = path.join(project, "init");
		mkdirSync(dir);
		writeFileSync(
			path.join(dir, "package.json"),
			JSON.stringify({ name: "init-check", private: true, type: "module" }),
		);
		mkdirSync(path.join(dir, "emails"));
		writeFileSync(path.join(dir, "emails/promo.mjml"), PROMO);
		const init = spawnSync("npx", ["mailcomply", "--init"], { cwd: dir, encoding: "utf8" });
		expect(init.status).toBe(0);
		const eslint = spawnSync("npx", ["eslint", "--format", "json", "emails/"], { cwd: dir, encoding: "utf8" });
		expect(eslint.status).toBe(1);
		const [result] = JSON.parse(eslint.stdout) as { messages: { ruleId: string }[] }[];
		expect(result?.messages.map((message) => message.ruleId)).toContain("mailcomply/require-unsubscribe");
	});
});

describe("npx mailcomply in a template folder with no package.json (the mailcomply package)", () => {
	let bare: string;
	let tarballs: string[] = [];
	const dirs: string[] = [];

	beforeAll(() => {
		const packDir = mkdtempSync(path.join(tmpdir(), "mailcomply-pack-cli-"));
		bare = mkdtempSync(path.join(tmpdir(), "mailcomply-bare-"));
		dirs.push(packDir, bare);
		// Packed from the dist/ that `npm test` built; the mailcomply package has no scripts.
		for (const dir of [ROOT, path.join(ROOT, "packages/mailcomply")]) {
			execFileSync("npm", ["pack", "--silent", "--ignore-scripts", "--pack-destination", packDir], {
				cwd: dir,
				stdio: "ignore",
			});
		}
		tarballs = readdirSync(packDir).map((name) => path.join(packDir, name));
		mkdirSync(path.join(bare, "emails"));
		writeFileSync(path.join(bare, "emails/promo.mjml"), PROMO);
	}, 300_000);

	afterAll(() => {
		for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
	}, 120_000);

	/** `npx mailcomply …` as a user in that folder runs it, with the unpublished packages given as tarballs. */
	function npx(...args: string[]) {
		const packages = tarballs.flatMap((tarball) => ["--package", tarball]);
		return spawnSync("npx", ["--yes", ...packages, "--", ...args], { cwd: bare, encoding: "utf8" });
	}

	it("packs both packages", () => {
		expect(tarballs.map((file) => path.basename(file)).sort()).toEqual([
			`eslint-plugin-mailcomply-${manifest.version}.tgz`,
			`mailcomply-${manifest.version}.tgz`,
		]);
	});

	it("lints the folder, with findings and exit code 1, and writes nothing into it", () => {
		const run = npx("mailcomply", "--no-color");
		expect(run.stderr).not.toMatch(/ERR|EBADENGINE|allowScripts/u);
		expect(run.status).toBe(1);
		expect(run.stdout).toContain("mailcomply/require-unsubscribe");
		expect(readdirSync(bare)).toEqual(["emails"]);
	});

	it("runs the mailcomply package's own bin, which starts the plugin's CLI", () => {
		// Both packages name their bin mailcomply; run the mailcomply package's file itself.
		const where = npx("node", "-e", "process.stdout.write(process.env.PATH ?? '')");
		const binDir = where.stdout
			.split(path.delimiter)
			.find((dir) => /_npx[\\/][^\\/]+[\\/]node_modules[\\/]\.bin$/u.test(dir));
		expect(binDir).toBeDefined();
		const bin = path.join(path.dirname(binDir ?? ""), "mailcomply/bin.js");
		const run = spawnSync(process.execPath, [bin, "--format", "json", "emails/"], { cwd: bare, encoding: "utf8" });
		expect(run.status).toBe(1);
		const [result] = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string }[] }[];
		expect(result?.filePath).toBe(path.join(bare, "emails/promo.mjml"));
		expect(result?.messages.map((message) => message.ruleId)).toContain("mailcomply/require-unsubscribe");
		expect(spawnSync(process.execPath, [bin, "--version"], { cwd: bare, encoding: "utf8" }).stdout.trim()).toBe(
			manifest.version,
		);
	});
});
