/**
 * The CLI judges only mail: web pages among the HTML files it is given are
 * skipped with one note per run, and files named on the command line that
 * are not templates (a shell glob's images) are skipped without warnings.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";

interface JsonResult {
	filePath: string;
	messages: { ruleId: string | null; severity: number; message: string }[];
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

const page = (head: string, body: string) =>
	`<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n${head}\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
const NAV = `<header><nav><a href="/">Home</a> <a href="/shop">Shop</a> <a href="/about">About</a></nav></header>`;
const SCRIPT = `<script src="/assets/app.js" defer></script>`;
// A marketing mail without an opt-out: the finding that proves a file was judged as mail.
const PROMO = "<p>Spring sale: 20% off everything at Acme.</p>";

const FILES: Record<string, string> = {
	"site/index.html": page(
		`<title>Acme</title><link rel="icon" href="/favicon.ico">`,
		`${NAV}\n<main><h1>Spring sale: 20% off</h1></main>\n${SCRIPT}`,
	),
	"site/about.html": page(`<title>About Acme</title>`, `${NAV}\n<main><p>Acme bakes bread since 1921.</p></main>`),
	// A page of the site that says it is a mail after all (a mock-up kept beside the pages).
	"site/mockup.html": page(`<title>Mock-up</title>`, `<!-- mailcomply: mail -->\n${NAV}\n${PROMO}\n${SCRIPT}`),
	// A sign-up page: its form rules still run (a pre-ticked consent box), however page-like it is.
	"site/signup.html": page(
		`<title>Newsletter</title>`,
		`${NAV}\n<form action="/subscribe"><label for="e">E-mail address</label><input id="e" type="email" name="email">\n<label><input type="checkbox" name="offers" checked> Send me offers</label><button>Sign up</button></form>\n${SCRIPT}`,
	),
	"emails/promo.html": page(`<title>Sale</title>`, PROMO),
	// In a mail folder a navigation alone does not make a page: mails have menus of links too.
	"emails/menu.html": page(
		`<title>New in</title>`,
		`<nav><a href="https://acme.example/new">New</a> <a href="https://acme.example/sale">Sale</a></nav>\n${PROMO}`,
	),
	// The template folder's preview page: scripts and a navigation, no mail marker.
	"emails/index.html": page(
		`<title>Templates</title>`,
		`${NAV}\n<ul><li><a href="promo.html">promo</a></li></ul>\n${SCRIPT}`,
	),
	"emails/logo.png": "\u0089PNG\r\n",
	"emails/notes.txt": "not a template\n",
};

let dir: string;
beforeAll(() => {
	dir = mkdtempSync(path.join(tmpdir(), "mailcomply-only-mail-"));
	for (const [name, text] of Object.entries(FILES)) {
		mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
		writeFileSync(path.join(dir, name), text);
	}
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const linted = (output: string): string[] =>
	(JSON.parse(output) as JsonResult[])
		.map((result) => path.relative(dir, result.filePath).split(path.sep).join("/"))
		.sort();
const rulesOf = (output: string, file: string): string[] =>
	(JSON.parse(output) as JsonResult[])
		.filter((result) => result.filePath === path.join(dir, file))
		.flatMap((result) => result.messages.map((message) => message.ruleId ?? ""));

describe("web pages are not judged as mail", () => {
	it("lints the mails, the forced mail and the sign-up page, and skips the web pages", async () => {
		const { code, stdout, stderr } = await cli(dir, "--format", "json");
		expect(linted(stdout)).toEqual(["emails/menu.html", "emails/promo.html", "site/mockup.html", "site/signup.html"]);
		expect(rulesOf(stdout, "emails/promo.html")).toContain("mailcomply/require-unsubscribe");
		expect(rulesOf(stdout, "site/mockup.html")).toContain("mailcomply/require-unsubscribe");
		expect(rulesOf(stdout, "site/signup.html")).toContain("mailcomply/no-prechecked-consent");
		expect(rulesOf(stdout, "site/signup.html")).not.toContain("mailcomply/require-unsubscribe");
		expect(code).toBe(1);
		// JSON keeps stdout to itself: the note goes to stderr, once.
		expect(stderr).toBe(
			"mailcomply skipped 3 files as web pages, not mail (scripts, a site navigation, a favicon or canonical link; no mail markers): emails/index.html, site/about.html, site/index.html. To lint one as a mail, put <!-- mailcomply: mail --> in it.\n",
		);
	});

	it("says once, under the report, which files it skipped", async () => {
		const { stdout } = await cli(dir);
		expect(stdout.match(/skipped 3 files as web pages/gu)).toHaveLength(1);
		expect(stdout.trimEnd().endsWith("put <!-- mailcomply: mail --> in it.")).toBe(true);
	});

	it("passes, with the note, when every file given is a web page", async () => {
		const { code, stdout, stderr } = await cli(dir, "site/index.html", "site/about.html");
		expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
		expect(stdout).toBe(
			"mailcomply skipped 2 files as web pages, not mail (scripts, a site navigation, a favicon or canonical link; no mail markers): site/about.html, site/index.html. To lint one as a mail, put <!-- mailcomply: mail --> in it.\n",
		);
	});

	it("says nothing about web pages when there are none", async () => {
		const { stdout, stderr } = await cli(dir, "--format", "json", "emails/promo.html");
		expect(linted(stdout)).toEqual(["emails/promo.html"]);
		expect(stderr).toBe("");
	});
});

describe("web pages written for a template engine", () => {
	it("skips a Nunjucks site layout and a Liquid page, and lints a Handlebars mail", async () => {
		const engineDir = mkdtempSync(path.join(tmpdir(), "mailcomply-only-mail-engines-"));
		try {
			const files: Record<string, string> = {
				"_includes/layouts/base.njk": page(
					`<title>{{ title }}</title><link rel="canonical" href="{{ page.url }}">`,
					`${NAV}\n<main>{{ content | safe }}</main>\n${SCRIPT}`,
				),
				"theme/page.liquid": page(
					`<title>{{ page.title }}</title>`,
					`${NAV}\n{% for post in site.posts %}<a href="{{ post.url }}">{{ post.title }}</a>{% endfor %}`,
				),
				"templates/welcome.hbs": page(
					`<title>Welcome</title>`,
					`<p>Hi {{first_name}}, spring sale: 20% off everything at Acme.</p>`,
				),
			};
			for (const [name, text] of Object.entries(files)) {
				mkdirSync(path.dirname(path.join(engineDir, name)), { recursive: true });
				writeFileSync(path.join(engineDir, name), text);
			}
			const { stdout, stderr } = await cli(engineDir, "--format", "json");
			expect((JSON.parse(stdout) as JsonResult[]).map((result) => path.relative(engineDir, result.filePath))).toEqual([
				path.join("templates", "welcome.hbs"),
			]);
			expect(stderr).toMatch(
				/^mailcomply skipped 2 files as web pages, not mail \(.+\): _includes\/layouts\/base\.njk, theme\/page\.liquid\. /u,
			);
		} finally {
			rmSync(engineDir, { recursive: true, force: true });
		}
	});
});

describe("files named on the command line that are not templates", () => {
	const shellGlob = () =>
		["index.html", "logo.png", "menu.html", "notes.txt", "promo.html"].map((name) => `emails/${name}`);

	it("are skipped without warnings when a shell glob named them (--max-warnings 0 passes on a clean folder)", async () => {
		const { code, stdout, stderr } = await cli(dir, "--format", "json", "--max-warnings", "0", ...shellGlob());
		expect(linted(stdout)).toEqual(["emails/menu.html", "emails/promo.html"]);
		expect(
			(JSON.parse(stdout) as JsonResult[])
				.flatMap((result) => result.messages)
				.filter((message) => message.severity === 1),
		).toEqual([]);
		expect(stderr).not.toMatch(/no matching configuration|not linted/u);
		expect(code).toBe(1);
	});

	it("get one clear line when a single one is named", async () => {
		const { code, stdout, stderr } = await cli(dir, "emails/logo.png");
		expect({ code, stdout }).toEqual({ code: 0, stdout: "" });
		expect(stderr).toMatch(
			/^mailcomply: emails\/logo\.png was not linted: it is not a template or campaign sidecar, or it is ignored \(mailcomply lints \*\.mjml, \*\.html, [^\n]+\)\n$/u,
		);
	});

	it("get one line, and the rest is linted, when one is named beside a folder", async () => {
		const { stdout, stderr } = await cli(dir, "--format", "json", "emails/notes.txt", "site");
		expect(linted(stdout)).toEqual(["site/mockup.html", "site/signup.html"]);
		const lines = stderr.split("\n").filter(Boolean);
		expect(lines).toHaveLength(2);
		expect(lines[0]).toMatch(/^mailcomply: emails\/notes.txt was not linted/u);
		expect(lines[1]).toMatch(/^mailcomply skipped 2 files as web pages/u);
	});

	it("exit 0 with one line when none of several named files is a template", async () => {
		const { code, stderr } = await cli(dir, "emails/logo.png", "emails/notes.txt");
		expect(code).toBe(0);
		expect(stderr).toMatch(
			/^mailcomply: none of the 2 files given is a template or campaign sidecar \(mailcomply lints .+\)\n$/u,
		);
	});
});
