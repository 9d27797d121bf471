/**
 * The template engines whose HTML files mailcomply lints as HTML, and the
 * file names that say which engine a file is written for. One table: the
 * ESLint configs and the CLI build their globs from it (plugin/files.ts),
 * the language reads a file's engine from it.
 */
export type TemplateEngine = "handlebars" | "mustache" | "liquid" | "jinja" | "twig" | "go" | "erb";

/** File endings, without the dot, per engine. `html.erb` is the only two-part one: a bare `.erb` is as often Ruby-generated text or YAML. */
export const ENGINE_EXTENSIONS: Readonly<Record<TemplateEngine, readonly string[]>> = {
	handlebars: ["hbs", "handlebars"],
	mustache: ["mustache"],
	liquid: ["liquid"],
	jinja: ["njk", "nunjucks", "jinja", "jinja2", "j2"],
	twig: ["twig"],
	go: ["tpl", "gohtml", "tmpl"],
	erb: ["html.erb"],
};

/** Every engine ending, for globs (`**\/*.{hbs,…}`). */
export const ENGINE_FILE_EXTENSIONS: readonly string[] = Object.values(ENGINE_EXTENSIONS).flat();

/**
 * The endings of an engine template, as a file name ends (`.hbs`,
 * `.html.hbs`): each engine ending, and the same after `.html` unless it
 * already starts with it (`.html.erb`). A sidecar or a text part drops all
 * of it to find its template's name.
 */
export const ENGINE_TEMPLATE_ENDINGS: readonly string[] = ENGINE_FILE_EXTENSIONS.flatMap((ending) => [
	`.${ending}`,
	...(ending.startsWith("html.") ? [] : [`.html.${ending}`]),
]);

const byEnding = new Map<string, TemplateEngine>(
	(Object.entries(ENGINE_EXTENSIONS) as Array<[TemplateEngine, readonly string[]]>).flatMap(([engine, endings]) =>
		endings.map((ending) => [ending, engine] as const),
	),
);

/** The engine a file is written for, from its name; undefined for plain `.html` and anything else. */
export function engineOf(fileName: string): TemplateEngine | undefined {
	const base = fileName.slice(Math.max(fileName.lastIndexOf("/"), fileName.lastIndexOf("\\")) + 1).toLowerCase();
	const parts = base.split(".");
	if (parts.length < 2) return undefined;
	// The two-part ending first: `welcome.html.erb`.
	if (parts.length >= 3) {
		const two = byEnding.get(`${parts.at(-2)}.${parts.at(-1)}`);
		if (two) return two;
	}
	return byEnding.get(parts.at(-1)!);
}
