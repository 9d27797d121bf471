import { ESLint, type Linter } from "eslint";
import { defineConfig } from "eslint/config";
import { describe, expect, test } from "vitest";
import plugin from "../../plugin/index.js";

/**
 * Through the ESLint API, `configs.html` under `**\/*.html` hands a project's
 * web pages to the mail rules, which the CLI would have skipped: the
 * whole-mail rules must leave a plain web page alone there too.
 */
const configs = plugin.configs as unknown as Record<string, Linter.Config[]>;
const PAGE = `<!DOCTYPE html>\n<html lang="en"><head><title>Docs</title><script src="/app.js"></script></head>\n<body><nav><a href="/">Home</a> <a href="/blog">Blog</a></nav>\n<h1>Our product</h1><p>Spring sale: 20% off.</p></body></html>`;
const MAIL = `<!DOCTYPE html>\n<html lang="en"><head><title>News</title></head>\n<body><p>Spring sale: 20% off.</p><p>© 2026 Teashop Ltd</p></body></html>`;

async function messageIds(code: string, filePath: string): Promise<Array<string | null | undefined>> {
	const overrideConfig = defineConfig([{ files: ["**/*.html"], extends: [configs["html"]!] }]) as Linter.Config[];
	const eslint = new ESLint({ cwd: import.meta.dirname, overrideConfigFile: true, overrideConfig });
	const [result] = await eslint.lintText(code, { filePath });
	return result!.messages
		.filter((message) => message.ruleId === "mailcomply/require-unsubscribe")
		.map((m) => m.messageId);
}

describe("configs.html through the ESLint API: web pages are not judged as mail", () => {
	test("a page with a script and a site navigation gets no 'no unsubscribe link'", async () => {
		expect(await messageIds(PAGE, "site/index.html")).toEqual([]);
	});

	test("a mail with the same offer still does", async () => {
		expect(await messageIds(MAIL, "site/news.html")).toEqual(["missing"]);
	});

	test("<!-- mailcomply: mail --> makes the page a mail", async () => {
		expect(await messageIds(`<!-- mailcomply: mail -->\n${PAGE}`, "site/index.html")).toEqual(["missing"]);
	});

	test("in a mail folder one page feature is not enough: a mail with a script is still a mail", async () => {
		const withScript = MAIL.replace("</head>", '<script src="/track.js"></script></head>');
		expect(await messageIds(withScript, "emails/news.html")).toEqual(["missing"]);
		expect(await messageIds(withScript, "site/news.html")).toEqual([]);
	});
});
