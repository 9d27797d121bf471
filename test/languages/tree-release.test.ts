import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { Linter } from "eslint";
import type { DocumentNode } from "../../src/ast/types.js";
import { TemplateLanguage } from "../../src/languages/template-language.js";
import type { TemplateSourceCode } from "../../src/languages/template-source-code.js";
import plugin from "../../plugin/index.js";

/**
 * A template's source code lets go of its tree when its language parses the
 * next file (TemplateSourceCode.releaseTree): ESLint has finished with it
 * by then, and a tree kept reachable until a full collection is what made
 * long runs slow (bench/README.md).
 */
const file = (name: string, body: string) => ({
	path: `/virtual/${name}`,
	physicalPath: `/virtual/${name}`,
	bom: false,
	body,
});
const context = { languageOptions: {} };

function lint(language: TemplateLanguage, name: string, body: string): TemplateSourceCode {
	const parsed = language.parse(file(name, body), context);
	if (!parsed.ok) throw new Error("parse failed");
	return language.createSourceCode(file(name, body), parsed, context);
}

/** A full collection, from a test: V8 exposes `gc` to a fresh context once the flag is set. */
function collectGarbage(): void {
	setFlagsFromString("--expose-gc");
	(runInNewContext("gc") as () => void)();
}

describe("the tree of a linted template", () => {
	it("stays whole until the language parses the next file", () => {
		const language = new TemplateLanguage({ format: "html" });
		const first = lint(language, "first.html", "<p>Hallo {{ name }}</p>");
		expect(first.ast.children).toHaveLength(1);
		expect(first.getElements().map((element) => element.name)).toEqual(["p"]);
		expect(first.getMergeTags()).toHaveLength(1);

		const second = lint(language, "second.html", "<div>Bonjour</div>");
		expect(() => first.ast).toThrow(/first\.html was released when the next file was parsed/u);
		expect(() => first.getMergeTags()).toThrow(/was released/u);
		expect(second.getElements().map((element) => element.name)).toEqual(["div"]);
	});

	it("is released only by its own language: another language instance's parse leaves it alone", () => {
		const plugins = new TemplateLanguage({ format: "html" });
		const pages = new TemplateLanguage({ format: "html" });
		const linted = lint(plugins, "mail.html", "<p>Guten Tag</p>");
		lint(pages, "page.html", "<p>Page</p>");
		expect(linted.ast.children).toHaveLength(1);
	});

	it("becomes garbage once released, while its source code is still referenced", async () => {
		const language = new TemplateLanguage({ format: "mjml" });
		let tree: WeakRef<DocumentNode> | undefined;
		const kept = (() => {
			const code = lint(language, "kept.mjml", "<mjml><mj-body><mj-text>Hoi</mj-text></mj-body></mjml>");
			tree = new WeakRef(code.ast);
			return code;
		})();
		lint(language, "next.mjml", "<mjml><mj-body></mj-body></mjml>");
		// A WeakRef keeps its target until the job that made it ends.
		await new Promise((resolve) => setTimeout(resolve, 0));
		collectGarbage();
		expect(kept.physicalPath).toBe("/virtual/kept.mjml");
		expect(tree?.deref()).toBeUndefined();
	});

	it("is released between the files of one ESLint run without changing any finding, fixes included", () => {
		const linter = new Linter({ configType: "flat", cwd: "/virtual" });
		const config: Linter.Config[] = [
			{
				files: ["**/*.html"],
				plugins: { mailcomply: plugin },
				language: "mailcomply/html",
				// A listed safe host is fixed automatically: a second pass parses the fixed text.
				rules: { "mailcomply/require-https": ["error", { safeHosts: ["*.shop.nl", "shop.nl"] }] },
			},
		];
		const mail = `<p><a href="http://www.shop.nl/afmelden">Afmelden</a></p><form action="http://shop.nl/subscribe" method="post"><input type="email" name="email"></form>`;
		const alone = new Linter({ configType: "flat", cwd: "/virtual" }).verifyAndFix(mail, config, {
			filename: "/virtual/a.html",
		});
		linter.verifyAndFix("<p>Erst eine andere Mail</p>", config, { filename: "/virtual/z.html" });
		const afterAnother = linter.verifyAndFix(mail, config, { filename: "/virtual/a.html" });
		linter.verifyAndFix("<p>Und noch eine</p>", config, { filename: "/virtual/y.html" });
		expect(afterAnother).toEqual(alone);
		// Both fixed; the first pass's tree was released by the second pass's parse.
		expect(alone.fixed).toBe(true);
		expect(alone.output).toContain(`href="https://www.shop.nl/afmelden"`);
		expect(alone.output).toContain(`action="https://shop.nl/subscribe"`);
	});
});
