import type { RuleContext } from "@eslint/core";

/**
 * ESLint's rule context with `report` or `options` replaced and every other
 * member read from it: how the plugin's wrappers add to each rule's
 * messages, and how the CLI runs a rule without inline options it refused.
 * One is made for every wrapped rule on every file.
 *
 * A class with getters rather than an object with the context as its
 * prototype (`{ __proto__: context, report }`, `Object.create(context)`):
 * a new prototype per file and rule sends V8 down its slow path for the new
 * object's map (40 of the 1,946 ms the bench's profile of the corpus run
 * sampled), and V8 keeps an object used as a prototype, and the file's
 * source code it holds, alive through young-generation collections
 * (bench/README.md). `implements RuleContext` makes a member ESLint adds to
 * its type a compile error here until it is read through.
 */
class ContextWith implements RuleContext {
	readonly #context: RuleContext;
	readonly report: RuleContext["report"];
	readonly options: RuleContext["options"];

	constructor(context: RuleContext, { report, options }: Partial<Pick<RuleContext, "report" | "options">>) {
		this.#context = context;
		this.report = report ?? context.report;
		this.options = options ?? context.options;
	}

	get id(): string {
		return this.#context.id;
	}

	get cwd(): string {
		return this.#context.cwd;
	}

	get filename(): string {
		return this.#context.filename;
	}

	get physicalFilename(): string {
		return this.#context.physicalFilename;
	}

	get sourceCode(): RuleContext["sourceCode"] {
		return this.#context.sourceCode;
	}

	get settings(): RuleContext["settings"] {
		return this.#context.settings;
	}

	get languageOptions(): RuleContext["languageOptions"] {
		return this.#context.languageOptions;
	}
}

/** The context with `report` replaced. */
export function reportingThrough(context: RuleContext, report: RuleContext["report"]): RuleContext {
	return new ContextWith(context, { report });
}

/** The context with `options` replaced. */
export function withOptions(context: RuleContext, options: RuleContext["options"]): RuleContext {
	return new ContextWith(context, { options });
}
