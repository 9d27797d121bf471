/**
 * What docs/editors.md promises: the plugin works through ESLint's
 * `lintText` with a file path, as editor integrations call it (the text is
 * unsaved, the sidecar is on disk), and the schema modeline resolves.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ESLint } from "eslint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import plugin from "../../plugin/index.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const DOC = readFileSync(path.join(ROOT, "docs/editors.md"), "utf8");
const UNSUBSCRIBE = "mailcomply/require-unsubscribe";

const blocks = (language: string) =>
	[...DOC.matchAll(new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``, "gu"))].map((match) => match[1] ?? "");

// Unsaved editor text: a marketing-style mail without an unsubscribe link.
const UNSAVED = `<mjml>
	<mj-body>
		<mj-section><mj-column><mj-text>Your order 1234 has shipped.</mj-text></mj-column></mj-section>
	</mj-body>
</mjml>
`;

describe("ESLint's lintText with a file path, as editors call it", () => {
	let dir: string;
	let eslint: ESLint;
	beforeAll(() => {
		dir = mkdtempSync(path.join(tmpdir(), "mailcomply-editor-"));
		mkdirSync(path.join(dir, "emails"));
		// Only the sidecar is on disk; the templates exist only in the editor.
		writeFileSync(path.join(dir, "emails/receipt.campaign.yaml"), "kind: transactional\n");
		eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: plugin.configs.recommended });
	});
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	const ruleIds = (results: ESLint.LintResult[]) =>
		results.flatMap((result) => result.messages.map((message) => message.ruleId));

	it("finds the sidecar beside the virtual path: the receipt is transactional", async () => {
		const filePath = path.join(dir, "emails/receipt.mjml");
		expect(existsSync(filePath)).toBe(false);
		const results = await eslint.lintText(UNSAVED, { filePath });
		expect(results[0]?.filePath).toBe(filePath);
		expect(ruleIds(results)).not.toContain(UNSUBSCRIBE);
	});

	it("without a sidecar, the same text is a marketing mail and is reported where it is", async () => {
		const results = await eslint.lintText(UNSAVED, { filePath: path.join(dir, "emails/promo.mjml") });
		const finding = results[0]?.messages.find((message) => message.ruleId === UNSUBSCRIBE);
		expect(finding).toMatchObject({ line: 2, column: 2 });
	});

	it("lints HTML in an e-mail folder, and leaves a web page elsewhere alone", async () => {
		const page = `<!DOCTYPE html>\n<html lang="en"><head><title>Sale</title></head><body><p>Sale!</p></body></html>\n`;
		const mail = await eslint.lintText(page, { filePath: path.join(dir, "emails/sale.html") });
		expect(ruleIds(mail)).toContain(UNSUBSCRIBE);
		const web = await eslint.lintText(page, { filePath: path.join(dir, "site/index.html"), warnIgnored: true });
		expect(ruleIds(web)).not.toContain(UNSUBSCRIBE);
	});

	it("lints an unsaved sidecar as a sidecar", async () => {
		const results = await eslint.lintText("kind: transactionnal\n", {
			filePath: path.join(dir, "emails/receipt.campaign.yaml"),
		});
		expect(results[0]?.messages).toContainEqual(
			expect.objectContaining({ ruleId: "mailcomply/valid-campaign", line: 1, column: 7 }),
		);
	});
});

describe("docs/editors.md", () => {
	it("configures the VS Code ESLint extension for mjml and html", () => {
		const settings = JSON.parse(blocks("json")[0] ?? "{}") as Record<string, string[]>;
		for (const key of ["eslint.validate", "eslint.probe"]) {
			expect(settings[key]).toEqual(expect.arrayContaining(["mjml", "html", "yaml", "json"]));
		}
	});

	it("shows a modeline whose path reaches the packaged schema from a sidecar in emails/", () => {
		const [example] = blocks("yaml");
		const modeline = /^# yaml-language-server: \$schema=(\S+)$/mu.exec(example ?? "")?.[1];
		expect(modeline).toBe("../node_modules/eslint-plugin-mailcomply/schema/campaign.schema.json");
		// In an installed project, node_modules/eslint-plugin-mailcomply/schema/ holds the same file as this repository's schema/.
		const fromSidecar = path.resolve("/project/emails", modeline ?? "");
		expect(fromSidecar).toBe("/project/node_modules/eslint-plugin-mailcomply/schema/campaign.schema.json");
		const files = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { files: string[] }).files;
		expect(files).toContain("schema/");
	});

	it("the export eslint-plugin-mailcomply/campaign.schema.json resolves to the schema", () => {
		// A package can import itself by name through its own exports map.
		const resolved = execFileSync(
			process.execPath,
			[
				"--input-type=module",
				"-e",
				`console.log(import.meta.resolve("eslint-plugin-mailcomply/campaign.schema.json"))`,
			],
			{ cwd: ROOT, encoding: "utf8" },
		).trim();
		expect(resolved).toBe(pathToFileURL(path.join(ROOT, "schema/campaign.schema.json")).href);
		const schema = JSON.parse(readFileSync(fileURLToPath(resolved), "utf8")) as { title: string };
		expect(schema.title).toBe("mailcomply campaign sidecar");
	});
});
