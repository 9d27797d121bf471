import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ESLint } from "eslint";
import plugin from "../../plugin/index.js";
import { templatesToBatch } from "../../src/cli/batches.js";
import { createZeroConfig } from "../../src/cli/config.js";
import { tempProject } from "../helpers/lint.js";

const cleanups: Array<() => void> = [];
afterEach(() => {
	for (const cleanup of cleanups.splice(0)) cleanup();
});

function project(files: Record<string, string>): { dir: string; eslint: ESLint } {
	const { dir, cleanup } = tempProject(files);
	cleanups.push(cleanup);
	return {
		dir,
		eslint: new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: createZeroConfig(plugin, undefined) }),
	};
}

describe("templatesToBatch", () => {
	const options = { threshold: 3, size: 2 };

	it("lists what ESLint would lint, in path order, once there are enough templates", async () => {
		const { dir, eslint } = project({
			"b/news.mjml": "<mjml></mjml>",
			"a/promo.html": "<p>x</p>",
			"a/promo.campaign.yaml": "kind: marketing\n",
			"a/notes.txt": "not linted",
			"node_modules/pkg/ad.html": "<p>never</p>",
		});
		expect(await templatesToBatch(eslint, dir, ["."], options)).toEqual(
			["a/promo.campaign.yaml", "a/promo.html", "b/news.mjml"].map((file) => path.join(dir, file)),
		);
	});

	it("does not ask ESLint about every file of a project with few templates", async () => {
		const { dir, eslint } = project({
			"mail.mjml": "<mjml></mjml>",
			"a.txt": "",
			"b.txt": "",
			"c.txt": "",
			"d.txt": "",
		});
		const asked = vi.spyOn(eslint, "isPathIgnored");
		expect(await templatesToBatch(eslint, dir, ["."], options)).toBeUndefined();
		expect(asked).not.toHaveBeenCalled();
	});

	it("leaves globs and files to ESLint", async () => {
		const { dir, eslint } = project({ "a.mjml": "", "b.mjml": "", "c.mjml": "" });
		expect(await templatesToBatch(eslint, dir, ["*.mjml"], options)).toBeUndefined();
		expect(await templatesToBatch(eslint, dir, ["a.mjml"], options)).toBeUndefined();
		expect(await templatesToBatch(eslint, dir, ["."], options)).toHaveLength(3);
	});
});
