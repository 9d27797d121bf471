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
	if (nul === -1) return { ok: true, text };
	// ESLint decodes every file as UTF-8; a UTF-16 byte-order mark comes out as two replacement characters.
	if (text.startsWith("\uFFFD\uFFFD")) {
		return {
			ok: false,
			message: "This file is UTF-16 encoded. ESLint reads files as UTF-8, so it was not linted; save it as UTF-8 (every ESP and mjml expect UTF-8).",
		};
	}
	return {
		ok: false,
		message: "This is not a text file: it contains NUL bytes (binary data). Templates and sidecars are UTF-8 text.",
	};
}

/** Where a UTF-8 decoding error left a replacement character, if anywhere: the file is probably Latin-1 or Windows-1252. */
export function firstReplacementCharacter(text: string): number {
	return text.indexOf("\uFFFD");
}
