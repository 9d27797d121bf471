/**
 * `--cache` must never answer with a template's old findings after its
 * campaign facts changed, however the template was named on the command line.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, test } from "vitest";
import { sidecarDigest } from "../../src/campaign/digest.js";
import { compositionDigest } from "../../src/cli/composition-digest.js";
import { run } from "../../src/cli/run.js";

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dist/src/cli/bin.js");
const RULE = "mailcomply/require-unsubscribe";
// A transactional mail needs no unsubscribe link; the same text as marketing does.
const RECEIPT = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Order</title></head>
<body><p>Your order 1234 has shipped.</p></body></html>
`;

const dirs: string[] = [];
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
	const dir = realpathSync(mkdtempSync(path.join(tmpdir(), "mailcomply-cache-")));
	dirs.push(dir);
	for (const [name, text] of Object.entries(files)) {
		mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
		writeFileSync(path.join(dir, name), text);
	}
	return dir;
}

/** Whether the cached run reports the missing unsubscribe link in `file` (e/p.html). */
async function reportsUnsubscribe(dir: string, argv: string[], file = "e/p.html"): Promise<boolean> {
	const args = ["--cache", "--format", "json", ...argv];
	let stdout = "";
	let code: number;
	if (argv.includes("--concurrency")) {
		// Worker threads load the built CLI: spawn it.
		const child = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: "utf8" });
		({ stdout } = child);
		code = child.status ?? -1;
	} else {
		code = await run(args, {
			cwd: dir,
			stdout: { write: (text: string) => (stdout += text) },
			stderr: { write: () => true },
		});
	}
	expect(code).not.toBe(2);
	const results = JSON.parse(stdout) as Array<{
		filePath: string;
		messages: Array<{ ruleId: string | null; messageId?: string }>;
	}>;
	const page = results.find((result) => result.filePath === path.join(dir, file));
	expect(page).toBeDefined();
	// "Could not see the whole mail" (a missing partial) is no report of a missing opt-out.
	return page!.messages.some((message) => message.ruleId === RULE && message.messageId !== "unseen");
}

describe("--cache re-lints a template when its sidecar changes", () => {
	const namings: Array<[string, string[]]> = [
		["the folder", ["e"]],
		["the current folder", ["."]],
		["the template by name", ["e/p.html"]],
		["the template and its sidecar by name", ["e/p.html", "e/p.campaign.yaml"]],
		["a glob", ["e/*.html"]],
		["the template by name, in worker threads", ["--concurrency", "2", "e/p.html"]],
	];
	for (const symlinked of [false, true]) {
		test.each(namings)(
			`%s${symlinked ? ", with a symlinked sidecar" : ""}`,
			{ timeout: 60_000 },
			async (_naming, argv) => {
				const dir = project({ "e/p.html": RECEIPT, "facts/p.yaml": "" });
				// The symlinked sidecar points into another folder of the project (a shared facts folder).
				const facts = symlinked ? path.join(dir, "facts", "p.yaml") : path.join(dir, "e", "p.campaign.yaml");
				if (symlinked) symlinkSync(path.join("..", "facts", "p.yaml"), path.join(dir, "e", "p.campaign.yaml"));
				writeFileSync(facts, "kind: transactional\n");
				expect(await reportsUnsubscribe(dir, argv)).toBe(false);
				writeFileSync(facts, "kind: marketing\n");
				expect(await reportsUnsubscribe(dir, argv)).toBe(true);
				writeFileSync(facts, "kind: transactional\n");
				expect(await reportsUnsubscribe(dir, argv)).toBe(false);
			},
		);
	}

	test.each([
		["the template by name", ["e/p.html"]],
		["the folder", ["e"]],
	])("folder defaults above the template, %s", { timeout: 60_000 }, async (_naming, argv) => {
		const dir = project({ "e/p.html": RECEIPT, "defaults.campaign.yaml": "kind: transactional\n" });
		expect(await reportsUnsubscribe(dir, argv)).toBe(false);
		writeFileSync(path.join(dir, "defaults.campaign.yaml"), "kind: marketing\n");
		expect(await reportsUnsubscribe(dir, argv)).toBe(true);
	});

	test(
		"the built CLI, as the issue ran it: `mailcomply --cache e/p.html` reports the missing opt-out after the sidecar turns marketing",
		{ timeout: 60_000 },
		() => {
			const dir = project({ "e/p.html": RECEIPT, "e/p.campaign.yaml": "kind: transactional\n" });
			const cli = () => spawnSync(process.execPath, [BIN, "--cache", "e/p.html"], { cwd: dir, encoding: "utf8" });
			expect(cli().stdout).not.toContain(RULE);
			writeFileSync(path.join(dir, "e", "p.campaign.yaml"), "kind: marketing\n");
			const after = cli();
			expect(after.stdout).toContain(RULE);
			expect(after.status).toBe(1);
		},
	);
});

describe("--cache re-lints a template when a file it is composed from changes", () => {
	const OPT_OUT =
		'<p>Acme Bikes, Main Street 1, Utrecht. <a href="https://acme-bikes.com/unsubscribe">Unsubscribe</a></p>';
	const page = (body: string) =>
		`<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>News</title></head>\n<body>${body}</body></html>\n`;
	// Each: the project, the linted template, the file it is composed from, and that file without the opt-out.
	const forms: Array<[string, Record<string, string>, string, string, string]> = [
		[
			"a Nunjucks layout ({% extends %})",
			{
				"e/p.njk":
					'{% extends "layouts/base.njk" %}{% block content %}<p>Acme Bikes: new bikes are in.</p>{% endblock %}',
				"layouts/base.njk": page(`{% block content %}{% endblock %}${OPT_OUT}`),
			},
			"e/p.njk",
			"layouts/base.njk",
			page("{% block content %}{% endblock %}"),
		],
		[
			"a Handlebars partial ({{> footer}})",
			{ "e/p.hbs": page("<p>Acme Bikes: new bikes are in.</p>{{> footer}}"), "e/partials/footer.hbs": OPT_OUT },
			"e/p.hbs",
			"e/partials/footer.hbs",
			"<p>Thanks for reading.</p>",
		],
		[
			"an mj-include",
			{
				"e/p.mjml":
					'<mjml><mj-body><mj-section><mj-column><mj-text>Acme Bikes: new bikes are in.</mj-text><mj-include path="../footer.mjml" /></mj-column></mj-section></mj-body></mjml>',
				"footer.mjml": `<mj-text>${OPT_OUT}</mj-text>`,
			},
			"e/p.mjml",
			"footer.mjml",
			"<mj-text><p>Thanks for reading.</p></mj-text>",
		],
	];
	test.each(forms)("%s", { timeout: 60_000 }, async (_form, files, template, dependency, withoutOptOut) => {
		const dir = project(files);
		for (const argv of [[template], [path.dirname(template)]]) {
			writeFileSync(path.join(dir, dependency), files[dependency]!);
			expect(await reportsUnsubscribe(dir, argv, template)).toBe(false);
			writeFileSync(path.join(dir, dependency), withoutOptOut);
			expect(await reportsUnsubscribe(dir, argv, template)).toBe(true);
		}
	});

	test("a partial that was missing and is then written", { timeout: 60_000 }, async () => {
		const dir = project({ "e/p.hbs": page("<p>Acme Bikes: new bikes are in.</p>{{> footer}}") });
		const partial = path.join(dir, "e", "partials", "footer.hbs");
		// Without the footer the rule cannot see the whole mail and stays silent.
		expect(await reportsUnsubscribe(dir, ["e"], "e/p.hbs")).toBe(false);
		mkdirSync(path.dirname(partial), { recursive: true });
		writeFileSync(partial, "<p>Thanks for reading.</p>");
		expect(await reportsUnsubscribe(dir, ["e"], "e/p.hbs")).toBe(true);
	});

	test("a nearer partial that shadows the one found before", { timeout: 60_000 }, async () => {
		const dir = project({
			"e/p.hbs": page("<p>Acme Bikes: new bikes are in.</p>{{> footer}}"),
			"partials/footer.hbs": OPT_OUT,
		});
		expect(await reportsUnsubscribe(dir, ["e/p.hbs"], "e/p.hbs")).toBe(false);
		writeFileSync(path.join(dir, "e", "footer.hbs"), "<p>Thanks for reading.</p>");
		expect(await reportsUnsubscribe(dir, ["e/p.hbs"], "e/p.hbs")).toBe(true);
	});

	test("in worker threads (--concurrency 2)", { timeout: 60_000 }, async () => {
		const dir = project({
			"e/p.hbs": page("<p>Acme Bikes: new bikes are in.</p>{{> footer}}"),
			"e/partials/footer.hbs": OPT_OUT,
		});
		expect(await reportsUnsubscribe(dir, ["--concurrency", "2", "e"], "e/p.hbs")).toBe(false);
		writeFileSync(path.join(dir, "e", "partials", "footer.hbs"), "<p>Thanks for reading.</p>");
		expect(await reportsUnsubscribe(dir, ["--concurrency", "2", "e"], "e/p.hbs")).toBe(true);
	});
});

describe("compositionDigest", () => {
	test("a Go template call counts the file that defines the name, and the folders searched for definitions", () => {
		const dir = project({
			"e/p.tpl": '<html><body><p>Hello</p>{{ template "footer" . }}</body></html>',
			"shared/defs.tpl": '{{ define "footer" }}<p>Bye</p>{{ end }}',
		});
		const digest = () => compositionDigest(dir, ["e"], [dir]);
		const before = digest();
		expect(digest()).toBe(before);
		writeFileSync(path.join(dir, "shared", "defs.tpl"), '{{ define "footer" }}<p>Bye now</p>{{ end }}');
		const edited = digest();
		expect(edited).not.toBe(before);
		writeFileSync(path.join(dir, "shared", "more.tpl"), '{{ define "header" }}<p>Hi</p>{{ end }}');
		expect(digest()).not.toBe(edited);
	});

	test("templates that compose nothing add nothing: editing one leaves the digest alone", () => {
		const dir = project({
			"e/p.hbs": "<html><body><p>Hello {{name}}</p>{{> footer}}</body></html>",
			"e/footer.hbs": "<p>Bye</p>",
			"e/q.hbs": "<html><body><p>Hello {{name}}</p></body></html>",
		});
		const before = compositionDigest(dir, ["e"], [dir]);
		writeFileSync(path.join(dir, "e", "q.hbs"), "<html><body><p>Hello again {{name}}</p></body></html>");
		expect(compositionDigest(dir, ["e"], [dir])).toBe(before);
		writeFileSync(path.join(dir, "e", "footer.hbs"), "<p>Bye now</p>");
		expect(compositionDigest(dir, ["e"], [dir])).not.toBe(before);
	});
});

describe("sidecarDigest covers every campaign file that can govern what a run lints", () => {
	const files = {
		"e/p.html": RECEIPT,
		"e/p.campaign.yaml": "kind: transactional\n",
		"e/sub/q.html": RECEIPT,
		"other/r.campaign.yaml": "kind: marketing\n",
	};
	// Folder defaults (`defaults.campaign.yaml` in a folder or above it) are campaign files by name: they count without being registered.
	test.each([
		["the template's own sidecar", "e/p.campaign.yaml", ["e/p.html"]],
		["folder defaults beside the template", "e/defaults.campaign.yaml", ["e/p.html"]],
		["folder defaults above the template", "defaults.campaign.json", ["e/sub/q.html"]],
		["folder defaults above a linted folder", "defaults.campaign.yml", ["e/sub"]],
		["a sidecar inside a linted folder", "e/sub/q.campaign.yaml", ["e"]],
	])("%s", (_what, changed, paths) => {
		const dir = project(files);
		const before = sidecarDigest(dir, paths);
		expect(sidecarDigest(dir, paths)).toBe(before);
		writeFileSync(path.join(dir, changed), "kind: marketing\n");
		const added = sidecarDigest(dir, paths);
		expect(added).not.toBe(before);
		writeFileSync(path.join(dir, changed), "kind: transactional\n");
		expect(sidecarDigest(dir, paths)).not.toBe(added);
	});

	test("campaign files in folders that govern nothing the run lints do not count", () => {
		const dir = project(files);
		const before = sidecarDigest(dir, ["e/p.html"]);
		writeFileSync(path.join(dir, "other", "r.campaign.yaml"), "kind: transactional\n");
		writeFileSync(path.join(dir, "e", "sub", "q.campaign.yaml"), "kind: transactional\n");
		expect(sidecarDigest(dir, ["e/p.html"])).toBe(before);
	});

	test("a symlinked sidecar counts by its target's content; one pointing out of the root only by its metadata", () => {
		const outside = project({ "secret.campaign.yaml": "kind: transactional\n" });
		const secret = path.join(outside, "secret.campaign.yaml");
		const dir = project({ "e/p.html": RECEIPT, "facts/p.yaml": "kind: transactional\n" });
		symlinkSync(path.join(dir, "facts", "p.yaml"), path.join(dir, "e", "p.campaign.yaml"));
		symlinkSync(secret, path.join(dir, "e", "q.campaign.yaml"));
		const mtime = new Date("2026-01-01T00:00:00Z");
		utimesSync(secret, mtime, mtime);
		const before = sidecarDigest(dir, ["e"]);
		writeFileSync(path.join(dir, "facts", "p.yaml"), "kind: marketing\n");
		const changed = sidecarDigest(dir, ["e"]);
		expect(changed).not.toBe(before);
		// Nothing outside the root is read: new text of the same size under the old mtime goes unseen, a new mtime does not.
		writeFileSync(secret, "kind: transactionaL\n");
		utimesSync(secret, mtime, mtime);
		expect(sidecarDigest(dir, ["e"])).toBe(changed);
		utimesSync(secret, mtime, new Date(mtime.getTime() + 5000));
		expect(sidecarDigest(dir, ["e"])).not.toBe(changed);
	});

	test("a FIFO named like a sidecar is never opened (it would block forever)", { timeout: 10_000 }, () => {
		const dir = project({ "e/p.html": RECEIPT });
		const made = spawnSync("mkfifo", [path.join(dir, "e", "p.campaign.yaml")]);
		if (made.status !== 0) return expect.soft(made.status, "mkfifo is not available here").toBe(0);
		expect(sidecarDigest(dir, ["e"])).toMatch(/^[0-9a-f]{64}$/u);
		expect(sidecarDigest(dir, ["e/p.html"])).toMatch(/^[0-9a-f]{64}$/u);
	});
});
