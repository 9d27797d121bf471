/**
 * The language a page or mail is written in, for suggestions that must be
 * in that language (an English sentence is no help on a German checkout
 * page): the root element's `lang`, else a guess from the given text, else
 * English.
 */
import type { DocumentNode, ElementNode } from "../ast/types.js";
import { guessLanguage } from "../lexicons/subject-wording.js";
import { getAttribute } from "../ast/attributes.js";

export type SuggestionLanguage = "nl" | "en" | "de" | "fr";

const LANGUAGES: ReadonlySet<string> = new Set(["nl", "en", "de", "fr"]);

export function pageLanguage(document: DocumentNode, text: string): SuggestionLanguage {
	const declared = (rootLang(document) ?? "").trim().toLowerCase().split(/[-_]/u)[0] ?? "";
	if (LANGUAGES.has(declared)) return declared as SuggestionLanguage;
	return guessLanguage(text) ?? "en";
}

/** The `lang` attribute of the root element (`<html lang="nl">`, `<mjml lang="nl">`), as written. */
export function rootLang(document: DocumentNode): string | undefined {
	const root = document.children.find(
		(child): child is ElementNode => child.type === "Element" && (child.name === "html" || child.name === "mjml"),
	);
	return (root && getAttribute(root, "lang")?.value) ?? undefined;
}
