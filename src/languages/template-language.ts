import path from "node:path";
import type { File, Language, LanguageContext, OkParseResult, ParseResult } from "@eslint/core";
import type { DocumentNode, TemplateFormat, TemplateNode } from "../ast/types.js";
import { templateVisitorKeys } from "../ast/types.js";
import { LineIndex } from "../ast/line-index.js";
import { parseMarkup } from "../template/parse-markup.js";
import { engineOf } from "../template/engines.js";
import { buildTemplateTree } from "../template/composition/template-tree.js";
import { composeTemplate } from "../template/composition/compose.js";
import { parseComposed } from "../template/composition/placement.js";
import { templateRole } from "../template/composition/roles.js";
import type { LoadedTemplate } from "../template/composition/loader.js";
import { resolveIncludes } from "../template/mj-include.js";
import { MAX_TEMPLATE_BYTES, MAX_TEMPLATE_NODES, NodeLimitExceeded } from "../template/limits.js";
import { TemplateSourceCode } from "./template-source-code.js";
import { encodingProblem, textOf } from "./file-text.js";
import { readRootFor, realPathOr } from "../sandbox/project-root.js";
import { linkedOutside } from "../sandbox/guarded-read.js";
import { validateIncludeRootOption } from "./include-root-option.js";

/** The largest template that is linted, in bytes of UTF-8 (see src/template/limits.ts). */
export { MAX_TEMPLATE_BYTES } from "../template/limits.js";

export interface TemplateLanguageOptions {
	/**
	 * The directory `mj-include` (and the campaign sidecar lookup) may read
	 * from; nothing outside it is ever read. A relative path is taken from
	 * the linted file's project root; without it, that project root is the
	 * include root (see src/sandbox/project-root.ts).
	 */
	includeRoot?: string;
	[key: string]: unknown;
}

/**
 * The `mailcomply/mjml` and `mailcomply/html` languages: one class, since
 * both formats parse into the same AST and only MJML has `mj-include`.
 */
export class TemplateLanguage implements Language<{
	LangOptions: TemplateLanguageOptions;
	Code: TemplateSourceCode;
	RootNode: DocumentNode;
	Node: TemplateNode;
}> {
	readonly fileType = "text" as const;
	readonly lineStart = 1 as const;
	readonly columnStart = 1 as const;
	readonly nodeTypeKey = "type";
	readonly visitorKeys = templateVisitorKeys as unknown as Record<string, string[]>;
	readonly defaultLanguageOptions: TemplateLanguageOptions = {};
	readonly format: TemplateFormat;
	/** The source code made for the file linted last: its tree is released when the next file is parsed. */
	#lastSourceCode: TemplateSourceCode | undefined;

	constructor({ format }: { format: TemplateFormat }) {
		this.format = format;
	}

	validateLanguageOptions(options: TemplateLanguageOptions): void {
		validateIncludeRootOption(options, this.format);
	}

	parse(file: File, context: LanguageContext<TemplateLanguageOptions>): ParseResult<DocumentNode> {
		// ESLint lints one file at a time, start to end, so when it parses the next one it is done with the last.
		this.#lastSourceCode?.releaseTree();
		this.#lastSourceCode = undefined;
		// ESLint aborts the whole run on an exception; a file mailcomply cannot read must fail alone.
		try {
			return this.#parse(file, context);
		} catch (error) {
			const detail = error instanceof Error ? error.message : String(error);
			return {
				ok: false,
				errors: [
					{ message: `mailcomply could not parse this template (${detail}); please report it.`, line: 1, column: 1 },
				],
			};
		}
	}

	#parse(file: File, context: LanguageContext<TemplateLanguageOptions>): ParseResult<DocumentNode> {
		const physicalPath = file.physicalPath ?? file.path;
		const outside = linkedOutside(physicalPath, () => readRootFor(physicalPath, context.languageOptions.includeRoot));
		if (outside) return { ok: false, errors: [{ message: outside.reason, line: 1, column: 1 }] };
		const decoded = textOf(file);
		if (!decoded.ok) return { ok: false, errors: [{ message: decoded.message, line: 1, column: 1 }] };
		const text = decoded.text;
		// A character takes at most 3 UTF-8 bytes (a surrogate pair 4 for 2): only a text near the bound needs counting.
		const bytes = text.length * 3 > MAX_TEMPLATE_BYTES ? Buffer.byteLength(text, "utf8") : text.length;
		if (bytes > MAX_TEMPLATE_BYTES) {
			const megabytes = (bytes / 1024 / 1024).toFixed(1);
			return {
				ok: false,
				errors: [
					{
						message: `This template is ${megabytes} MB; mailcomply lints templates up to ${MAX_TEMPLATE_BYTES / 1024 / 1024} MB, so it was not linted. (Gmail clips messages over 102 KB: a mail this large is not read as written.)`,
						line: 1,
						column: 1,
					},
				],
			};
		}
		const lines = new LineIndex(text);
		// An HTML file written for a template engine (`welcome.hbs`, `base.html.twig`) is read with the engine's tag delimiters, and composed with its layout and partials.
		const engine = this.format === "html" ? engineOf(file.path) : undefined;
		const tree = engine ? buildTemplateTree(text, engine) : undefined;
		let composed: Pick<DocumentNode, "role" | "unseen"> = {};
		let parsed: ReturnType<typeof parseMarkup>;
		try {
			if (tree?.composes) {
				const from = path.resolve(physicalPath);
				const root = readRootFor(from, context.languageOptions.includeRoot);
				const own: LoadedTemplate = { realPath: realPathOr(from), text, tree, lines };
				const composition = composeTemplate(own, tree.engine, root);
				parsed = parseComposed(own, composition, root);
				composed = {
					unseen: composition.unseen.map((part) => ({
						message: part.message,
						tag: part.tag,
						why: part.why,
						layout: part.layout,
						range: part.range,
						loc: lines.loc(part.range),
					})),
				};
				for (const part of composition.unseen)
					if (part.broken)
						parsed.problems.push({
							kind: "include",
							message: part.message,
							range: part.range,
							loc: lines.loc(part.range),
						});
			} else {
				parsed = parseMarkup(text, this.format, lines, tree?.scan);
			}
		} catch (error) {
			if (!(error instanceof NodeLimitExceeded)) throw error;
			const message = `This template has more than ${MAX_TEMPLATE_NODES.toLocaleString("en")} elements, attributes and texts; mailcomply lints templates up to that many, so it was not linted. (Gmail clips messages over 102 KB: a mail this large is not read as written.)`;
			return { ok: false, errors: [{ message, line: 1, column: 1 }] };
		}
		const { children, problems } = parsed;
		const encoding = encodingProblem(text);
		if (encoding) {
			const range: [number, number] = [encoding.offset, encoding.offset + 1];
			problems.unshift({ kind: "encoding", message: encoding.message, range, loc: lines.loc(range) });
		}
		const range: [number, number] = [0, text.length];
		const role = tree ? templateRole(tree, text, physicalPath) : undefined;
		const ast: DocumentNode = {
			type: "Document",
			format: this.format,
			...(engine ? { engine } : {}),
			...(role ? { role } : {}),
			...composed,
			children,
			problems,
			range,
			loc: lines.loc(range),
		};
		// Finding the include root costs a few system calls (cached per folder); most templates include nothing.
		if (this.format === "mjml" && /mj-include/iu.test(text)) {
			const from = path.resolve(physicalPath);
			// From the file, never the process: ESLint passes parse() no working directory, and the process's may be anything.
			const root = readRootFor(from, context.languageOptions.includeRoot);
			resolveIncludes(children, from, {
				root,
				chain: [realPathOr(from)],
				problems,
				own: { bytes: Buffer.byteLength(text, "utf8"), nodes: parsed.nodes },
			});
		}
		return { ok: true, ast, text };
	}

	createSourceCode(
		file: File,
		input: OkParseResult<DocumentNode>,
		context?: LanguageContext<TemplateLanguageOptions>,
	): TemplateSourceCode {
		this.#lastSourceCode = new TemplateSourceCode({
			text: input["text"] as string,
			ast: input.ast,
			physicalPath: file.physicalPath ?? file.path,
			includeRoot: context?.languageOptions.includeRoot,
		});
		return this.#lastSourceCode;
	}
}
