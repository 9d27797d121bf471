/**
 * The commit hooks hand mailcomply the staged files their globs match: the
 * pre-commit framework by the `files` regex of .pre-commit-hooks.yaml,
 * lint-staged by the keys of examples/ci/lint-staged.config.js. Both are
 * written out by hand (a user's copy cannot import the plugin), so this
 * keeps them in step with every template and sidecar ending the CLI lints.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { minimatch } from "minimatch";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import {
	SIDECAR_EXTENSIONS,
	SIDECAR_NAME,
	TEMPLATE_EXTENSION,
	TEMPLATE_EXTENSIONS,
} from "../../src/campaign/sidecar.js";
import { TEXT_PART_OWNER_EXTENSIONS } from "../../src/text-message/text-part-file.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const [hook] = parse(readFileSync(path.join(ROOT, ".pre-commit-hooks.yaml"), "utf8")) as Array<{ files: string }>;
// pre-commit searches the path with Python's re.search; these patterns read the same in JavaScript.
const hookFiles = new RegExp(hook!.files, "u");
const lintStaged = (await import(path.join(ROOT, "examples/ci/lint-staged.config.js"))) as {
	default: Record<string, (files: string[]) => string>;
};
// lint-staged matches a pattern without a slash against the file's base name.
const lintStagedKeys = (file: string): string[] =>
	Object.keys(lintStaged.default).filter((glob) => minimatch(path.basename(file), glob, { dot: true }));

/**
 * Every ending the CLI lints: templates, sidecars, and a template's plain-text part (`welcome.txt`, `welcome.text`).
 * No regex or glob can see whether a `.txt` has its template beside it, so the hooks pass every `.txt` and `.text`
 * and the CLI decides (src/text-message/text-part-file.ts): it lints a text part, and skips any other `.txt` with exit 0.
 */
const LINTED = [...TEMPLATE_EXTENSIONS, ...SIDECAR_EXTENSIONS, ".txt", ".text"].map(
	(ending) => `emails/welcome${ending}`,
);
const NOT_LINTED = [
	"emails/logo.png",
	"package.json",
	"config/database.yml.erb",
	"app.js",
	"welcome.erb",
	"styles.css",
	"notes.txt.bak",
	"emails/welcome.campaign.toml",
];
/** What the CLI takes by its file name (src/campaign/sidecar.ts), before it looks for a text part's template. */
const cliTakes = (file: string) => TEMPLATE_EXTENSION.test(file) || SIDECAR_NAME.test(file);

describe("the commit hooks' globs", () => {
	it.each(LINTED)("the pre-commit hook passes %s", (file) => {
		expect(hookFiles.test(file)).toBe(true);
	});

	it.each(LINTED)("exactly one lint-staged task takes %s", (file) => {
		expect(lintStagedKeys(file)).toHaveLength(1);
	});

	it.each([...LINTED, ...NOT_LINTED, ...TEXT_PART_OWNER_EXTENSIONS.map((ending) => `a/b${ending}`)])(
		"the pre-commit hook takes %s exactly when the CLI's file patterns do",
		(file) => {
			expect(hookFiles.test(file)).toBe(cliTakes(file));
		},
	);

	it.each(NOT_LINTED)("neither takes %s", (file) => {
		expect(hookFiles.test(file)).toBe(false);
		expect(lintStagedKeys(file)).toEqual([]);
	});

	it("lint-staged re-lints the templates beside a staged sidecar, whatever their ending", () => {
		const dir = mkdtempSync(path.join(tmpdir(), "mailcomply-lint-staged-"));
		try {
			for (const name of ["welcome.hbs", "receipt.html.twig", "reminder.sms.txt"])
				writeFileSync(path.join(dir, name), "x");
			const task = lintStaged.default["*.campaign.{yaml,yml,json}"]!;
			const command = task(
				["welcome", "receipt", "reminder", "other"].map((name) => path.join(dir, `${name}.campaign.yaml`)),
			);
			for (const name of ["welcome.hbs", "receipt.html.twig", "reminder.sms.txt"])
				expect(command).toContain(`"${path.join(dir, name)}"`);
			expect(command).not.toMatch(/other\.(?!campaign\.yaml)/u);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
