import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { componentsOf } from "../../src/template/mjml-config.js";
import { sidecarDigest } from "../../src/campaign/digest.js";
import { lintWithRules, tempProject } from "../helpers/lint.js";

// Bitwarden's templates use <mj-bw-hero> and friends, registered in the .mjmlconfig beside their emails/ folder.
const body = (inner: string) => `<mjml>\n<mj-body>\n${inner}\n</mj-body>\n</mjml>\n`;
const template = body(`<mj-bw-hero title="Welkom" />\n<mj-bw-footer />`);

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/** The names valid-template reports as unknown components in `emails/welcome.mjml` of a project with these files. */
async function unknownComponents(files: Record<string, string>): Promise<string[]> {
	// package.json marks the project root, which is the include root through the ESLint API.
	const project = tempProject({ "package.json": "{}", "emails/welcome.mjml": template, ...files });
	cleanup = project.cleanup;
	const [result] = await lintWithRules(project.dir, { "mailcomply/valid-template": "error" }, ["emails/welcome.mjml"]);
	return result!.messages
		.filter((message) => message.messageId === "unknownComponent")
		.map((message) => /<([^>]+)>/u.exec(message.message)![1]!);
}

describe("valid-template reads the custom components a .mjmlconfig registers", () => {
	it("reports both custom tags when no .mjmlconfig registers them", async () => {
		expect(await unknownComponents({})).toEqual(["mj-bw-hero", "mj-bw-footer"]);
	});

	it("knows a component by its file's name, and still reports one the file does not register", async () => {
		const config = JSON.stringify({ packages: ["components/mj-bw-hero.js"] });
		expect(await unknownComponents({ ".mjmlconfig": config })).toEqual(["mj-bw-footer"]);
	});

	it("reads the nearest .mjmlconfig in a folder above the template", async () => {
		const config = JSON.stringify({ packages: ["./components/mj-bw-hero", "./components/mj-bw-footer.js"] });
		expect(await unknownComponents({ ".mjmlconfig": config })).toEqual([]);
		const nearer = JSON.stringify({ packages: ["./components/mj-bw-hero.js"] });
		expect(await unknownComponents({ ".mjmlconfig": config, "emails/.mjmlconfig": nearer })).toEqual(["mj-bw-footer"]);
	});

	it("gives up judging mj- names when a package's name does not tell its tags, or the config is code", async () => {
		const unnamed = JSON.stringify({ packages: ["components/hero.js"] });
		expect(await unknownComponents({ ".mjmlconfig": unnamed })).toEqual([]);
		expect(await unknownComponents({ ".mjmlconfig.js": "module.exports = { packages: ['./x.js'] };" })).toEqual([]);
	});

	it("registers nothing from an invalid .mjmlconfig, as mjml goes on without it", async () => {
		expect(await unknownComponents({ ".mjmlconfig": "{ packages: [mj-bw-hero" })).toEqual([
			"mj-bw-hero",
			"mj-bw-footer",
		]);
		expect(await unknownComponents({ ".mjmlconfig": JSON.stringify({ packages: "mj-bw-hero" }) })).toEqual([
			"mj-bw-hero",
			"mj-bw-footer",
		]);
	});

	it("counts the nearest .mjmlconfig even when it cannot be read, as mjml reads only that one", async () => {
		const above = JSON.stringify({ packages: ["components/mj-bw-hero.js", "components/mj-bw-footer.js"] });
		// 70 KB: over the 64 KB a package list is given, so it registers nothing, and the one above is not read instead.
		const huge = JSON.stringify({ packages: ["components/mj-bw-hero.js"], padding: "x".repeat(70_000) });
		expect(await unknownComponents({ ".mjmlconfig": above, "emails/.mjmlconfig": huge })).toEqual([
			"mj-bw-hero",
			"mj-bw-footer",
		]);
	});

	it("never reads a .mjmlconfig outside the include root", async () => {
		// The project root is the folder with package.json; the .mjmlconfig above it is not the project's.
		const project = tempProject({
			".mjmlconfig": JSON.stringify({ packages: ["mj-bw-hero.js", "mj-bw-footer.js"] }),
			"shop/package.json": "{}",
			"shop/emails/welcome.mjml": template,
		});
		cleanup = project.cleanup;
		const [result] = await lintWithRules(path.join(project.dir, "shop"), { "mailcomply/valid-template": "error" }, [
			"emails/welcome.mjml",
		]);
		expect(result!.messages.map((message) => message.messageId)).toEqual(["unknownComponent", "unknownComponent"]);
	});

	it("does not follow a .mjmlconfig that is a link leading outside the include root", async () => {
		const outside = tempProject({ ".mjmlconfig": JSON.stringify({ packages: ["mj-bw-hero.js", "mj-bw-footer.js"] }) });
		try {
			const names = await (async () => {
				const project = tempProject({ "package.json": "{}", "emails/welcome.mjml": template });
				cleanup = project.cleanup;
				fs.symlinkSync(path.join(outside.dir, ".mjmlconfig"), path.join(project.dir, ".mjmlconfig"));
				const [result] = await lintWithRules(project.dir, { "mailcomply/valid-template": "error" }, [
					"emails/welcome.mjml",
				]);
				return result!.messages.map((message) => message.messageId);
			})();
			expect(names).toEqual(["unknownComponent", "unknownComponent"]);
		} finally {
			outside.cleanup();
		}
	});
});

describe("componentsOf", () => {
	it("tells tag names from file and package names", () => {
		const { names, anyName } = componentsOf(
			JSON.stringify({
				packages: [
					"components/mj-bw-hero.js",
					"mjml-chart",
					"@acme/mjml-price-table",
					"./mj-x.mjs",
					"C:\\c\\mj-win.cjs",
				],
			}),
		);
		expect([...names]).toEqual(["mj-bw-hero", "mj-chart", "mj-price-table", "mj-x", "mj-win"]);
		expect(anyName).toBe(false);
	});

	it("counts a package it cannot name, and ignores entries that are no path", () => {
		expect(componentsOf(JSON.stringify({ packages: ["./lib/components.js"] })).anyName).toBe(true);
		expect(componentsOf(JSON.stringify({ packages: [42, null, "mj-ok.js"] }))).toEqual({
			names: new Set(["mj-ok"]),
			anyName: false,
		});
		expect(componentsOf("null")).toEqual({ names: new Set(), anyName: false });
	});
});

describe("the --cache digest", () => {
	it("changes when a .mjmlconfig above the linted folder changes", () => {
		const project = tempProject({ "emails/welcome.mjml": template, ".mjmlconfig": '{"packages":[]}' });
		cleanup = project.cleanup;
		const before = sidecarDigest(project.dir, ["emails"]);
		fs.writeFileSync(path.join(project.dir, ".mjmlconfig"), '{"packages":["mj-bw-hero.js"]}');
		expect(sidecarDigest(project.dir, ["emails"])).not.toBe(before);
	});
});
