/** Shared builders for the sign-up form rule tests. */
export const page = (body: string) => `<!DOCTYPE html>\n<html><body>\n${body}\n</body></html>`;

/** Line and column (1-based) of the first occurrence of `needle` in `code`, for asserting where a finding points. */
export function at(code: string, needle: string, occurrence = 1): { line: number; column: number } {
	let index = -1;
	for (let count = 0; count < occurrence; count++) {
		index = code.indexOf(needle, index + 1);
		if (index === -1) throw new Error(`${needle} not found ${occurrence}×`);
	}
	const before = code.slice(0, index).split("\n");
	return { line: before.length, column: before.at(-1)!.length + 1 };
}

/** Findings quote at most 60 characters of a label (see shortLabel in src/analyses/signup-form.ts). */
export function shown(label: string): string {
	return label.length > 60 ? `${label.slice(0, 57)}…` : label;
}
