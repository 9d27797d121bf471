import type { File } from "@eslint/core";

/**
 * The text of a file as every mailcomply language reads it. ESLint hands
 * text-type languages a string already; a NUL character in it means the
 * file is binary (or UTF-16 read as UTF-8), which no template or sidecar is.
 */
export type FileText = { ok: true; text: string } | { ok: false; message: string };

export function textOf(file: File): FileText {
	const text = typeof file.body === "string" ? file.body : new TextDecoder("utf-8").decode(file.body);
	const nul = text.indexOf("\0");
	if (nul !== -1) {
		return {
			ok: false,
			message: "This is not a text file: it contains NUL bytes (binary data, or UTF-16 text). Save templates and sidecars as UTF-8.",
		};
	}
	return { ok: true, text };
}
