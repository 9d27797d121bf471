/**
 * Which paths a piece of work looked at through the sandbox: every path it
 * asked for (found or not) and every folder it listed. The CLI's `--cache`
 * uses it to learn what a template is composed from (layouts, partials,
 * `mj-include`d files, and the places a name was looked for and not found)
 * by composing it the way the lint does; nothing else turns it on.
 */
let active: Set<string> | undefined;

/** Runs `work` and returns the paths it looked at, besides its result. */
export function logReads<T>(work: () => T): { result: T; paths: Set<string> } {
	const outer = active;
	const paths = new Set<string>();
	active = paths;
	try {
		return { result: work(), paths };
	} finally {
		active = outer;
		if (outer) for (const each of paths) outer.add(each);
	}
}

/** Notes a path looked at (an absolute path), when a log is kept. */
export function noteRead(path: string): void {
	active?.add(path);
}

/** Whether a log is kept: callers with many paths to note ask first. */
export function readsLogged(): boolean {
	return active !== undefined;
}
