import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ESLint, type Linter } from "eslint";
import plugin from "../../plugin/index.js";
import {
	ALL_HTML_FILES,
	CAMPAIGN_FILES,
	MJML_FILES,
	SMS_FILES,
	TEXT_PART_FILES,
	WHATSAPP_FILES,
	EML_FILES,
} from "../../plugin/files.js";

/** A temporary directory with the given files, removed by the returned cleanup. */
export function tempProject(files: Record<string, string>): { dir: string; cleanup: () => void } {
	const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "mailcomply-test-")));
	for (const [name, text] of Object.entries(files)) {
		const full = path.join(dir, name);
		fs.mkdirSync(path.dirname(full), { recursive: true });
		fs.writeFileSync(full, text);
	}
	return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Lints files in `dir` with only the given rules on (all seven languages
 * assigned as the CLI assigns them), and returns the messages per file.
 */
export async function lintWithRules(
	dir: string,
	rules: Linter.RulesRecord,
	patterns: string[] = ["."],
	settings: Record<string, unknown> = {},
): Promise<ESLint.LintResult[]> {
	const eslint = new ESLint({
		cwd: dir,
		overrideConfigFile: true,
		overrideConfig: [
			{ files: MJML_FILES, plugins: { mailcomply: plugin }, language: "mailcomply/mjml", rules, settings },
			{ files: ALL_HTML_FILES, plugins: { mailcomply: plugin }, language: "mailcomply/html", rules, settings },
			{ files: CAMPAIGN_FILES, plugins: { mailcomply: plugin }, language: "mailcomply/campaign", rules, settings },
			{ files: SMS_FILES, plugins: { mailcomply: plugin }, language: "mailcomply/sms", rules, settings },
			{ files: WHATSAPP_FILES, plugins: { mailcomply: plugin }, language: "mailcomply/whatsapp", rules, settings },
			{ files: EML_FILES, plugins: { mailcomply: plugin }, language: "mailcomply/eml", rules, settings },
			{ files: TEXT_PART_FILES, plugins: { mailcomply: plugin }, language: "mailcomply/text", rules, settings },
		],
	});
	return eslint.lintFiles(patterns);
}
