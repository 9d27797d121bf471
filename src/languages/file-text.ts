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
			message:
				"This file is UTF-16 encoded. ESLint reads files as UTF-8, so it was not linted; save it as UTF-8 (every ESP and mjml expect UTF-8).",
		};
	}
	return {
		ok: false,
		message: "This is not a text file: it contains NUL bytes (binary data). Templates and sidecars are UTF-8 text.",
	};
}

/**
 * A text file that is not valid UTF-8 (saved as Latin-1 or Windows-1252):
 * ESLint decodes it anyway, leaving a replacement character where each
 * byte could not be read. Templates and sidecars get this one message, at
 * the first such character, from their validity rule.
 */
export interface EncodingProblem {
	/** Offset of the first replacement character in the text. */
	offset: number;
	message: string;
}

export function encodingProblem(text: string): EncodingProblem | undefined {
	const offset = text.indexOf("\uFFFD");
	if (offset === -1) return undefined;
	return {
		offset,
		message:
			"This file is not valid UTF-8 (probably Latin-1 or Windows-1252): characters such as é or € are misread from here on. Save it as UTF-8.",
	};
}
