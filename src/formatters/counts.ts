/** Counts in words, as every human-readable output of mailcomply says them. */

/** `1 file`, `2 files`. */
export function plural(count: number, noun: string): string {
	return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** `3 problems (2 errors, 1 warning)`, the way ESLint's stylish formatter counts. */
export function problemCount(errors: number, warnings: number): string {
	return `${plural(errors + warnings, "problem")} (${plural(errors, "error")}, ${plural(warnings, "warning")})`;
}
