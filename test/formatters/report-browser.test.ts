/**
 * The HTML report as a privacy officer sees it: rendered by a real browser
 * (Debian's chromium, driven by playwright-core), from a file:// URL, with
 * the network off limits.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ESLint, type Linter } from "eslint";
import plugin from "../../plugin/index.js";
import { createZeroConfig } from "../../src/cli/config.js";
import { formatHtmlReport } from "../../src/formatters/html-report.js";

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
	console.warn(
		`test/formatters/report-browser.test.ts: skipped, ${CHROMIUM} is missing (apt-get install -y chromium; .ci/run installs it)`,
	);
}

const FILES: Record<string, string> = {
	// No unsubscribe link at all.
	"emails/promo.mjml": `<mjml>
	<mj-body>
		<mj-section><mj-column><mj-text>
<p>Spring sale: 20% off everything.</p>
		</mj-text></mj-column></mj-section>
	</mj-body>
</mjml>
`,
	"emails/promo.campaign.yaml": "kind: marketing\nesp: mailchimp\n",
	// An opt-out that goes nowhere, on a line with markup that must show as text, not run.
	"emails/fake.html": `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Deals</title></head>
<body><p>Deals <img src="x" onerror="document.title='pwned'"><script>document.title = "pwned";</script> <a href="#">Unsubscribe</a></p></body></html>
`,
	"emails/welcome.mjml": `<mjml><mj-body><mj-section><mj-column><mj-text>
<p>Welcome. <a href="*|UNSUB|*">Unsubscribe</a></p>
</mj-text></mj-column></mj-section></mj-body></mjml>
`,
	// A sidecar with a typo: its own finding, in the same campaign as its template; the kind is then read from the content, where a sale banner makes it marketing.
	"emails/receipt.campaign.yaml": "kind: transactionnal\n",
	"emails/receipt.html": `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Receipt</title></head>
<body><p>Your order has shipped.</p><p>Spring sale: 20% off your next order.</p></body></html>
`,
};

const RULE = "mailcomply/require-unsubscribe";

/** The CLI's zero config with only these rules on, so that rules added later do not change the counts. */
async function reportWithOnly(cwd: string, ruleIds: string[]): Promise<{ html: string; findings: number }> {
	const only = (config: Linter.Config): Linter.Config =>
		config.rules
			? { ...config, rules: Object.fromEntries(Object.entries(config.rules).filter(([id]) => ruleIds.includes(id))) }
			: config;
	const eslint = new ESLint({
		cwd,
		overrideConfigFile: true,
		overrideConfig: createZeroConfig(plugin, undefined).map(only),
	});
	const results = await eslint.lintFiles(["."]);
	return {
		html: formatHtmlReport(results, { cwd, rulesMeta: eslint.getRulesMetaForResults(results) }),
		findings: results.reduce((total, result) => total + result.messages.length, 0),
	};
}

describe.skipIf(!hasChromium)("the HTML report in a real browser", () => {
	let dir: string;
	let reportPath: string;
	let browserContext: BrowserContext;
	let findingCount: number;

	beforeAll(async () => {
		dir = mkdtempSync(path.join(tmpdir(), "mailcomply-report-"));
		for (const [name, text] of Object.entries(FILES)) {
			mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
			writeFileSync(path.join(dir, name), text);
		}
		const { html, findings } = await reportWithOnly(dir, [RULE, "mailcomply/valid-campaign"]);
		findingCount = findings;
		reportPath = path.join(dir, "report.html");
		writeFileSync(reportPath, html);
		// An empty profile of our own: nothing from an earlier run, nothing to sync.
		browserContext = await chromium.launchPersistentContext(path.join(dir, "chromium-profile"), {
			executablePath: CHROMIUM,
			viewport: { width: 1100, height: 900 },
			args: [
				"--headless",
				"--no-sandbox",
				"--disable-gpu",
				"--no-first-run",
				"--disable-background-networking",
				"--disable-component-update",
				"--disable-sync",
			],
		});
	}, 60_000);

	afterAll(async () => {
		await browserContext?.close();
		if (dir) rmSync(dir, { recursive: true, force: true });
	});

	it("renders every finding, per campaign, with verdicts, and loads nothing from the network", async () => {
		const page = await browserContext.newPage();
		const requested: string[] = [];
		page.on("request", (request) => requested.push(request.url()));
		await page.goto(pathToFileURL(reportPath).href);

		expect(await page.title()).toBe("E-mail compliance report (mailcomply)");
		expect(findingCount).toBe(4);
		expect(await page.locator("li.finding").count()).toBe(findingCount);
		await expect
			.poll(() => page.locator("#summary").innerText())
			.toMatch(/4 campaigns checked: 3 with errors, 0 to review, 1 with no problems found/);

		// Template and sidecar are one campaign; the failing ones come first.
		const names = await page.locator("section.campaign .name").allInnerTexts();
		expect(names).toEqual(["emails/fake", "emails/promo", "emails/receipt", "emails/welcome"]);
		const receipt = page.locator("section.campaign", { hasText: "emails/receipt" });
		expect(await receipt.locator("p.files").innerText()).toContain("emails/receipt.campaign.yaml");
		expect(await receipt.locator(".verdict").innerText()).toBe("Errors found: fix before sending");
		expect(await page.locator("section.campaign.pass .verdict").innerText()).toBe("No problems found by these checks");

		const promo = page.locator("section.campaign", { hasText: "emails/promo.mjml" }).locator("li.finding");
		expect(await promo.count()).toBe(1);
		const promoText = await promo.innerText();
		expect(promoText).toContain("No unsubscribe link");
		expect(promoText).toContain("ePrivacy Directive art. 13(4)");
		expect(promoText).toContain(plugin.rules["require-unsubscribe"]!.meta!.docs!.description!);
		expect(await promo.locator(`a[href$="rules/require-unsubscribe.md"]`).first().innerText()).toBe(RULE);
		expect(await promo.locator("dd").first().innerText()).toBe("emails/promo.mjml, line 2, column 2");

		// The snippet: the lines around the finding, the flagged one marked.
		expect(await promo.locator("pre.snippet .line").allInnerTexts()).toEqual([
			"1 <mjml>",
			"2 \t<mj-body>",
			"3 \t\t<mj-section><mj-column><mj-text>",
			"4 <p>Spring sale: 20% off everything.</p>",
		]);
		expect(await promo.locator("pre.snippet .flagged").innerText()).toBe("2 \t<mj-body>");

		// The template's markup shows as text: nothing in it ran or rendered.
		const fake = page.locator("section.campaign", { hasText: "emails/fake.html" }).locator("li.finding");
		expect(await fake.locator("mark").innerText()).toBe('<a href="#">');
		expect(await fake.locator("pre.snippet .flagged").innerText()).toContain(
			`<script>document.title = "pwned";</script>`,
		);
		expect(await page.title()).not.toBe("pwned");
		expect(await page.locator("pre.snippet img, pre.snippet script").count()).toBe(0);

		// Each rule's legal reasoning, once, folded until opened; its findings link to it.
		const reasoning = page.locator("details.reasoning");
		expect(await reasoning.count()).toBe(2);
		const why = page.locator("details#why-require-unsubscribe");
		await promo.locator('a[href="#why-require-unsubscribe"]').click();
		await why.locator("summary").click();
		await expect.poll(() => why.locator(".reasoning-text").isVisible()).toBe(true);
		expect(await why.locator(".reasoning-text").innerText()).toContain(
			"ePrivacy Directive 2002/58/EC, art. 13(4) forbids sending any direct-marketing mail",
		);
		expect(await why.locator("a, script, img").count()).toBe(0);

		expect(requested.filter((url) => !url.startsWith("file:"))).toEqual([]);

		const screenshot = path.join(dir, "report.png");
		await page.screenshot({ path: screenshot, fullPage: true });
		expect(statSync(screenshot).size).toBeGreaterThan(10_000);
		if (process.env.MAILCOMPLY_KEEP_SCREENSHOT)
			writeFileSync(process.env.MAILCOMPLY_KEEP_SCREENSHOT, await page.screenshot({ fullPage: true }));
		await page.close();
	}, 60_000);
});
