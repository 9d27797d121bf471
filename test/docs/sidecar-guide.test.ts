import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint, type Linter } from "eslint";
import { afterAll, describe, expect, it } from "vitest";
import plugin from "../../plugin/index.js";

/**
 * docs/sidecar.md, the guide to writing a campaign sidecar: it names every
 * field of the schema, only rules that exist, and each of its examples is
 * a sidecar `valid-campaign` accepts.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const GUIDE = readFileSync(path.join(ROOT, "docs/sidecar.md"), "utf8");

interface SchemaNode {
	properties?: Record<string, SchemaNode>;
	items?: SchemaNode;
}
const schema = JSON.parse(readFileSync(path.join(ROOT, "schema/campaign.schema.json"), "utf8")) as SchemaNode;

function fieldPaths(node: SchemaNode, prefix = ""): string[] {
	const inner = node.items ?? node;
	return Object.entries(inner.properties ?? {}).flatMap(([name, child]) => [
		`${prefix}${name}`,
		...fieldPaths(child, `${prefix}${name}.`),
	]);
}

const dir = mkdtempSync(path.join(tmpdir(), "mailcomply-sidecar-guide-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("docs/sidecar.md", () => {
	it.each(fieldPaths(schema))("documents %s", (field) => {
		const parts = field.split(".");
		const leaf = parts.at(-1) ?? field;
		const parent = parts.slice(0, -1).join(".");
		const named =
			GUIDE.includes(`\`${field}\``) ||
			(parent !== "" && GUIDE.includes(`\`${parent}\``) && GUIDE.includes(`\`${leaf}\``));
		expect(named).toBe(true);
	});

	it("names only rules that exist", () => {
		const mentioned = new Set(
			[
				...GUIDE.matchAll(
					/`((?:require|no|form|esp|list|one|prefer|promo|sensitive|disclose|unsubscribe|valid)-[a-z-]+)`/gu,
				),
			].map((match) => match[1]),
		);
		const unknown = [...mentioned].filter((id) => id !== undefined && !(id in plugin.rules));
		expect(unknown).toEqual([]);
		expect(mentioned.size).toBeGreaterThan(15);
	});

	it("has only examples that valid-campaign accepts", async () => {
		const eslint = new ESLint({
			cwd: dir,
			overrideConfigFile: true,
			overrideConfig: plugin.configs.recommended as Linter.Config[],
		});
		const blocks = [...GUIDE.matchAll(/```(yaml|json)\n([\s\S]*?)```/gu)];
		expect(blocks.length).toBeGreaterThanOrEqual(8);
		for (const [, language, text] of blocks) {
			const [result] = await eslint.lintText(text ?? "", { filePath: path.join(dir, `example.campaign.${language}`) });
			const problems = (result?.messages ?? []).filter(
				(message) => message.ruleId === "mailcomply/valid-campaign" || message.fatal,
			);
			expect(
				problems.map((message) => message.message),
				text,
			).toEqual([]);
		}
	});
});
