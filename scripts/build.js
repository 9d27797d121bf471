#!/usr/bin/env node
// `npm run build`: types from tsc, code from rolldown.
//
// Start-up is most of a pre-commit run, and Node 20 has no compile cache:
// resolving, reading and compiling some 120 small modules one by one cost
// more than the code in them. rolldown bundles what the CLI and the plugin
// load into a few files; whatever a run may not need (the CLI's `--init`,
// --fix, each formatter) stays behind a dynamic import in a chunk of its own.
//
// The published paths stay as they were (package.json `exports`, `bin`, and
// the worker-thread options module in src/cli/eslint-options.ts, which
// worker threads import by its own URL), so do the `.d.ts` files beside them.
// Shared code goes to dist/chunks/.
import { chmodSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { build } from "rolldown";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.join(root, "dist");

/** Entry name (its path in dist/, without .js) -> source. */
export const ENTRIES = {
	// package.json "." and the plugin users put in eslint.config.js.
	"plugin/index": "plugin/index.ts",
	// package.json "bin".
	"src/cli/bin": "src/cli/bin.ts",
	// Imported by URL in each worker thread (createOptionsModuleUrl): its path must be its own.
	"src/cli/eslint-options": "src/cli/eslint-options.ts",
	// package.json "./sidecar-digest".
	"src/campaign/digest": "src/campaign/digest.ts",
	// package.json "./composition-digest".
	"src/cli/composition-digest": "src/cli/composition-digest.ts",
	// Formatter files for plain ESLint (`eslint -f .../dist/src/formatters/sarif.js`, docs/integrations.md).
	"src/formatters/sarif": "src/formatters/sarif.ts",
	"src/formatters/junit": "src/formatters/junit.ts",
	"src/formatters/html-report": "src/formatters/html-report.ts",
};

/**
 * Dependencies copied into the bundle, with everything they import: small
 * ESM/CJS libraries on the path of every run (the HTML parser alone is some
 * 25 modules). They stay in `dependencies` (the .d.ts files name some of
 * their types); their licences go to dist/THIRD-PARTY-LICENSES.md. ESLint is
 * the user's (a peer), and ajv and yaml are loaded only when a sidecar is
 * read (src/lazy-require.ts): those stay imports.
 */
const BUNDLED = ["@eslint/plugin-kit", "colord", "htmlparser2", "minimatch"];
const packageOf = (id) => /^(?:@[^/]+\/)?[^/]+/u.exec(id)?.[0] ?? id;
const isExternal = (id, importer) => {
	if (id.startsWith("node:") || packageOf(id) === "eslint") return true;
	if (id.startsWith(".") || path.isAbsolute(id)) return false;
	// What a bundled package imports comes along with it; our own code takes only the packages listed.
	return !(importer?.includes(`${path.sep}node_modules${path.sep}`) || BUNDLED.includes(packageOf(id)));
};

/**
 * The campaign schema's validator, written out by ajv at build time (its
 * standalone code) in place of src/campaign/campaign-validator.ts, which
 * compiles it with ajv at run time: a run that lints sidecars then loads
 * neither ajv (some 30 ms) nor compiles the schema (some 45 ms). The options
 * are that module's CAMPAIGN_VALIDATOR_OPTIONS (read from its source, one
 * definition); the generated code imports nothing.
 */
function precompiledCampaignValidator() {
	const validatorModule = path.join(root, "src/campaign/campaign-validator.ts");
	return {
		name: "mailcomply-precompiled-campaign-validator",
		load(id) {
			if (path.resolve(id) !== validatorModule) return undefined;
			const source = readFileSync(validatorModule, "utf8");
			const written = /CAMPAIGN_VALIDATOR_OPTIONS = (\{[^}]*\}) as const/u.exec(source)?.[1];
			if (!written) throw new Error("build: CAMPAIGN_VALIDATOR_OPTIONS not found in campaign-validator.ts");
			const options = JSON.parse(written.replace(/(\w+):/gu, '"$1":'));
			const require = createRequire(path.join(root, "package.json"));
			const { Ajv } = require("ajv");
			const standaloneCode = require("ajv/dist/standalone").default;
			const schema = JSON.parse(readFileSync(path.join(root, "schema/campaign.schema.json"), "utf8"));
			const ajv = new Ajv({ ...options, code: { source: true, esm: true } });
			const code = standaloneCode(ajv, ajv.compile(schema));
			if (/\brequire\(|^import /mu.test(code)) throw new Error("build: the campaign validator's code imports a module");
			return {
				code: `${code}\nexport const CAMPAIGN_VALIDATOR_OPTIONS = ${JSON.stringify(options)};\nexport function campaignValidator() {\n\treturn validate;\n}\n`,
				moduleType: "js",
			};
		},
	};
}

rmSync(dist, { recursive: true, force: true });
// Type-checks the shipped code and writes the .d.ts files the `types` fields point at.
execFileSync(
	process.execPath,
	[path.join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json", "--emitDeclarationOnly"],
	{ cwd: root, stdio: "inherit" },
);

const output = await build({
	cwd: root,
	input: Object.fromEntries(Object.entries(ENTRIES).map(([name, source]) => [name, path.join(root, source)])),
	platform: "node",
	external: isExternal,
	plugins: [precompiledCampaignValidator()],
	// Keeps each entry's exports as written (the options module and the sidecar digest are imported by name).
	preserveEntrySignatures: "strict",
	output: {
		dir: dist,
		format: "esm",
		entryFileNames: "[name].js",
		chunkFileNames: "chunks/[name]-[hash].js",
		sourcemap: true,
	},
	logLevel: "warn",
});

chmodSync(path.join(dist, "src/cli/bin.js"), 0o755);
writeLicences(output.output.flatMap((chunk) => chunk.moduleIds ?? []));

// tsc's .d.ts.map-less declarations are all that should sit beside the bundles.
for (const file of listFiles(dist)) {
	if (
		file.endsWith(".js") &&
		!file.startsWith(path.join(dist, "chunks")) &&
		!Object.keys(ENTRIES).some((name) => file === path.join(dist, `${name}.js`))
	) {
		throw new Error(`build: unexpected ${path.relative(root, file)} in dist/`);
	}
}

function listFiles(directory) {
	return readdirSync(directory).flatMap((name) => {
		const file = path.join(directory, name);
		return statSync(file).isDirectory() ? listFiles(file) : [file];
	});
}

/** The licence of every package the bundle copied code from, as their licences ask. */
function writeLicences(moduleIds) {
	const roots = new Set();
	for (const id of moduleIds) {
		const match = /^(.*[\\/]node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/u.exec(id);
		if (match) roots.add(match[1]);
	}
	const sections = [...roots].sort().map((directory) => {
		const { name, version, license } = JSON.parse(readFileSync(path.join(directory, "package.json"), "utf8"));
		const file = readdirSync(directory).find((entry) => /^(?:licen[cs]e|copying)(?:\.|$)/iu.test(entry));
		const text = file
			? readFileSync(path.join(directory, file), "utf8").trim()
			: `${license} (the package ships no licence file)`;
		return `## ${name} ${version} (${license})\n\n\`\`\`\n${text}\n\`\`\`\n`;
	});
	writeFileSync(
		path.join(dist, "THIRD-PARTY-LICENSES.md"),
		`# Third-party code in this package's dist/\n\nThe build (scripts/build.js) copies these packages into the bundle.\n\n${sections.join("\n")}`,
	);
}
