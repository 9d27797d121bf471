/**
 * The languages a `Content-Language` header lists (RFC 3282 § 2): a
 * comma-separated list of language tags, with white space and parenthesised
 * comments allowed anywhere in it (`fr (français), de-AT`). Tags are returned
 * as written; a value that is not a language tag (`Dutch`) is left out.
 */
export function contentLanguages(value: string): string[] {
	return withoutComments(value)
		.split(",")
		.map((tag) => tag.trim())
		.filter((tag) => LANGUAGE_TAG.test(tag));
}

/** The text outside parenthesised comments, which may nest; one pass, so a megabyte of nested parentheses costs one read. */
function withoutComments(value: string): string {
	let depth = 0;
	let kept = "";
	let from = 0;
	for (let index = 0; index < value.length; index++) {
		const char = value[index];
		if (char === "(") {
			if (depth === 0) kept += value.slice(from, index);
			depth++;
		} else if (char === ")" && depth > 0) {
			depth--;
			if (depth === 0) {
				kept += " ";
				from = index + 1;
			}
		}
	}
	return depth === 0 ? kept + value.slice(from) : kept;
}

/** A language tag's shape (BCP 47): a primary language subtag of two or three letters, then subtags. */
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/iu;

/** Tags that name no one language: undetermined, several, no linguistic content (ISO 639-2). */
const NO_LANGUAGE: ReadonlySet<string> = new Set(["und", "mul", "zxx"]);

/** A tag's primary language subtag, lower-cased (`nl-BE` → `nl`); `undefined` for a tag that names no one language. */
export function primaryLanguage(tag: string): string | undefined {
	const primary = tag.split("-")[0]!.toLowerCase();
	return NO_LANGUAGE.has(primary) ? undefined : primary;
}
