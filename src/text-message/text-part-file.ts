/**
 * Which `.txt` files are an e-mail template's plain-text part: `NAME.txt`
 * or `NAME.text` with a template `NAME.mjml`, `NAME.html`, `NAME.htm` or
 * an engine template (`NAME.hbs`, `NAME.html.twig`…) in the same folder. A repository is full of other `.txt` files (READMEs,
 * licences, robots.txt, test data); a plain-text part is only a text part
 * because its HTML twin is beside it, so that twin is the test, and every
 * other `.txt` is left alone. `NAME.sms.txt` is an SMS template, never a
 * text part.
 */
import { statSync } from "node:fs";
import { ENGINE_TEMPLATE_ENDINGS } from "../template/engines.js";

const TEXT_PART = /\.(?:txt|text)$/iu;
const SMS_TEMPLATE = /\.sms\.txt$/iu;

/** The templates whose plain-text part a `NAME.txt` can be, in the order they are looked for. */
export const TEXT_PART_OWNER_EXTENSIONS: readonly string[] = [".mjml", ".html", ".htm", ...ENGINE_TEMPLATE_ENDINGS];

/** The template beside `path` whose plain-text part it is, if `path` is one. */
export function templateOfTextPart(path: string): string | undefined {
	if (!TEXT_PART.test(path) || SMS_TEMPLATE.test(path)) return undefined;
	const stem = path.replace(TEXT_PART, "");
	for (const extension of TEXT_PART_OWNER_EXTENSIONS) {
		const candidate = stem + extension;
		if (isFile(candidate)) return candidate;
	}
	return undefined;
}

/**
 * For the `files` of ESLint configs: a function, because no glob can say
 * "a `.txt` with an `.mjml` beside it". ESLint calls it with the absolute path
 * of each file it meets while walking the folders it is given.
 */
export function isTextPartFile(path: string): boolean {
	return templateOfTextPart(path) !== undefined;
}

function isFile(path: string): boolean {
	try {
		return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
	} catch {
		return false;
	}
}
