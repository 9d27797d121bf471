/**
 * `--fix` and rule options: the HTTPS rules fix an http: URL automatically
 * only for hosts listed in their `safeHosts` option (a host may not serve the
 * page over https:). When `--fix` leaves such URLs, the run says why and
 * which option would let it fix them, instead of silently changing nothing.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

// A mail with a reader id in two http: links on one host, and a compliant footer otherwise.
const PROMO = `<mjml><mj-body><mj-section><mj-column><mj-text>
<p>Spring sale: 20% off. <a href="http://www.bakkerij-jansen.nl/taart?uid={{ subscriber.id }}">Bestel</a>
<a href="http://www.bakkerij-jansen.nl/brood?uid={{ subscriber.id }}">Brood</a></p>
<p>Bakkerij Jansen B.V., Dorpsstraat 1, 1234 AB Ergens. <a href="{{ unsubscribe_url }}">Afmelden</a></p>
</mj-text></mj-column></mj-section></mj-body></mjml>
`;

const dirs: string[] = [];
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
	const dir = mkdtempSync(path.join(tmpdir(), "mailcomply-fix-hints-"));
	dirs.push(dir);
	for (const [name, text] of Object.entries(files)) {
		mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
		writeFileSync(path.join(dir, name), text);
	}
	return dir;
}

async function cli(cwd: string, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
	let stdout = "";
	let stderr = "";
	const code = await run(argv, {
		cwd,
		env: {},
		stdout: { write: (text: string) => (stdout += text) },
		stderr: { write: (text: string) => (stderr += text) },
	});
	return { code, stdout, stderr };
}

describe("--fix with fixable findings left for want of an option", () => {
	it("says which rule option would let --fix change them, naming the hosts", async () => {
		const dir = project({ "emails/promo.mjml": PROMO });
		const { stderr } = await cli(dir, "--fix", "--format", "json");
		expect(readFileSync(path.join(dir, "emails/promo.mjml"), "utf8")).toBe(PROMO);
		expect(stderr).toBe(
			"mailcomply: --fix left 2 http: URLs on 1 host (www.bakkerij-jansen.nl): prefer-https and require-https fix only hosts listed in their safeHosts option, " +
				'because a host may not serve the page over https:. Check that it does, then list it: see "Setting a rule option" in the README.\n',
		);
	});

	it("fixes them, and says nothing, once the host is listed in the option", async () => {
		const config = `import mailcomply from ${JSON.stringify(path.join(ROOT, "dist/plugin/index.js"))};
export default [
	...mailcomply.configs.recommended,
	{ files: ["**/*.mjml"], rules: { "mailcomply/prefer-https": ["warn", { safeHosts: ["www.bakkerij-jansen.nl"] }] } },
];
`;
		const dir = project({ "emails/promo.mjml": PROMO, "eslint.config.mjs": config });
		const { stderr } = await cli(dir, "--fix", "--config", "eslint.config.mjs", "--format", "json", "emails/");
		expect(stderr).toBe("");
		expect(readFileSync(path.join(dir, "emails/promo.mjml"), "utf8")).toBe(
			PROMO.replaceAll("http://www.bakkerij", "https://www.bakkerij"),
		);
	});

	it("gives no hint without --fix, nor when there is nothing such to fix", async () => {
		const dir = project({ "emails/promo.mjml": PROMO });
		expect((await cli(dir, "--format", "json")).stderr).toBe("");
		const clean = project({ "emails/promo.mjml": PROMO.replaceAll("http://", "https://") });
		expect((await cli(clean, "--fix", "--format", "json")).stderr).toBe("");
	});
});
