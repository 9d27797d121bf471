/**
 * The per-file cache every source code (template, sidecar, text message)
 * offers its rules as `sourceCode.memo(analysis)`: an analysis is computed
 * once per file however many rules ask, and dies with the file. One
 * implementation, so that no analysis keeps a module-level cache of its own.
 */
export class AnalysisMemo<Source> {
	// A Map, not a WeakMap: it dies with the source code anyway, and the analyses are a handful of module-level functions.
	readonly #results = new Map<(source: Source) => unknown, unknown>();

	get<T>(source: Source, analysis: (source: Source) => T): T {
		// One lookup when the analysis is there, as it is for every request but the first.
		const known = this.#results.get(analysis);
		if (known !== undefined || this.#results.has(analysis)) return known as T;
		const computed = analysis(source);
		this.#results.set(analysis, computed);
		return computed;
	}

	/** Forgets every result (see `TemplateSourceCode.releaseTree`). */
	clear(): void {
		this.#results.clear();
	}
}
