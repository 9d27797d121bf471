import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ESLint, type Linter } from "eslint";
import { afterAll, describe, expect, test } from "vitest";
import plugin from "../../plugin/index.js";
import { run } from "../../src/cli/run.js";

/**
 * A finding that rests on a fact nobody declared says so, through one
 * wrapper (plugin/assumption-notes.ts), and the CLI says once per run what
 * it assumed.
 */
const PROMO = `<!DOCTYPE html>\n<html lang="en"><body>\n<p>Spring sale: 20% off all teas.</p>\n<p>© 2026 Teashop Ltd</p>\n</body></html>`;
const RESET = `<!DOCTYPE html>\n<html lang="en"><body>\n<p>You asked to reset your password. <a href="{{reset_url}}">Reset it</a>.</p>\n</body></html>`;

const GREEK = `<!DOCTYPE html>\n<html lang="en"><body>\n<p>Επαναφέρετε τον κωδικό πρόσβασής σας πατώντας το κουμπί παρακάτω.</p>\n<p>© 2026 Teashop Ltd</p>\n</body></html>`;
const POLISH_EML = [
	"From: Teashop <shop@teashop.example>",
	"To: anna@example.com",
	"Subject: Zamowienie",
	"Content-Language: pl",
	"MIME-Version: 1.0",
	"Content-Type: text/html; charset=utf-8",
	"",
	"<html><body><p>Dziekujemy za zamowienie w Teashop.</p></body></html>",
	"",
].join("\r\n");

async function lint(
	code: string,
	settings: Record<string, unknown> = {},
	filePath = "emails/promo.html",
): Promise<Linter.LintMessage[]> {
	const eslint = new ESLint({
		cwd: import.meta.dirname,
		overrideConfigFile: true,
		overrideConfig: [...(plugin.configs.recommended as Linter.Config[]), { settings }],
	});
	const [result] = await eslint.lintText(code, { filePath });
	return result!.messages;
}

describe("the assumption note on findings", () => {
	test("a finding on an inferred kind ends with what was assumed, and keeps its messageId", async () => {
		const [finding] = (await lint(PROMO)).filter((message) => message.ruleId === "mailcomply/require-unsubscribe");
		expect(finding?.messageId).toBe("missing");
		expect(finding?.message).toMatch(/ \(Assumed marketing: it says "20% off"\.\)$/u);
		// the suggestion's description carries no note and no unfilled placeholder
		expect(finding?.suggestions?.length).toBeGreaterThan(0);
		expect(
			finding?.suggestions?.every(
				(suggestion) => !suggestion.desc.includes("mailcomplyAssumed") && !suggestion.desc.includes("Assumed"),
			),
		).toBe(true);
	});

	test("the evidence quoted from an SMS is the text's own words, whatever emoji come before them", async () => {
		const sms = "🎉🌷 Bakkerij Jansen: lenteactie! 20% korting op alle taarten t/m zondag.";
		const [finding] = (await lint(sms, {}, "sms/lente.sms.txt")).filter(
			(message) => message.ruleId === "mailcomply/require-unsubscribe",
		);
		expect(finding?.message).toMatch(/ \(Assumed marketing: it says "20% korting"\.\)$/u);
	});

	test("a declared kind adds no note", async () => {
		const [finding] = (await lint(PROMO, { mailcomply: { campaign: { kind: "marketing" } } })).filter(
			(message) => message.ruleId === "mailcomply/require-unsubscribe",
		);
		expect(finding?.message).not.toContain("Assumed");
		expect(finding?.message).not.toContain("mailcomplyAssumed");
	});

	test("a mail in a language mailcomply cannot read says so instead of what it read", async () => {
		const [finding] = (await lint(GREEK)).filter((message) => message.ruleId === "mailcomply/require-unsubscribe");
		expect(finding?.messageId).toBe("missing");
		expect(finding?.message).toMatch(/ \(Assumed marketing: mailcomply cannot read Greek\.\)$/u);
		const [eml] = (await lint(POLISH_EML, {}, "mail/order.eml")).filter(
			(message) => message.ruleId === "mailcomply/require-unsubscribe",
		);
		expect(eml?.message).toMatch(/ \(Assumed marketing: mailcomply cannot read Polish\.\)$/u);
	});

	test("a password reset without a declared kind is transactional: no marketing-only finding", async () => {
		expect((await lint(RESET)).map((message) => message.ruleId)).not.toContain("mailcomply/require-unsubscribe");
	});
});

describe("the CLI's summary of assumptions", () => {
	const dirs: string[] = [];
	afterAll(() => {
		for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
	});
	async function cli(files: Record<string, string>, ...argv: string[]) {
		const dir = mkdtempSync(path.join(tmpdir(), "mailcomply-assumed-"));
		dirs.push(dir);
		for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
		let stdout = "";
		let stderr = "";
		const code = await run(argv, {
			cwd: dir,
			stdout: { write: (text: string) => (stdout += text) },
			stderr: { write: (text: string) => (stderr += text) },
		});
		return { code, stdout, stderr };
	}

	test("says once, under human-readable findings, what was assumed and how to declare it", async () => {
		const { stdout: wrapped, stderr } = await cli({ "promo.html": PROMO, "reset.html": RESET }, "--no-color");
		// The note is wrapped to the terminal: read it as one paragraph.
		const stdout = wrapped.replace(/\s+/gu, " ");
		expect(stderr).toBe("");
		expect(stdout.match(/mailcomply assumed:/gu)).toHaveLength(1);
		expect(stdout).toContain("2 of 2 templates had `kind` read from content");
		expect(stdout).toContain("2 had no countries: only duties common to all jurisdictions checked");
		expect(stdout).toContain("Declare both once per folder in defaults.campaign.yaml");
	});

	test("counts what a folder's defaults declare", async () => {
		const stdout = (
			await cli({ "promo.html": PROMO, "defaults.campaign.yaml": "kind: marketing\n" }, "--no-color")
		).stdout.replace(/\s+/gu, " ");
		expect(stdout).not.toContain("read from content");
		expect(stdout).toContain("1 of 1 templates had no countries");
	});

	test("keeps machine-readable output clean", async () => {
		const { stdout } = await cli({ "promo.html": PROMO }, "--format", "json");
		expect(() => JSON.parse(stdout) as unknown).not.toThrow();
		expect(stdout).not.toContain("mailcomply assumed");
	});
});
