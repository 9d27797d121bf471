/**
 * Whether a message is written in a language mailcomply's wording lists do
 * not read (they read nl, en, de and fr), and which. The kind of a mail is
 * read from its wording (mail-kind.ts); a Greek password reset has none that
 * a Dutch, English, German or French list knows, so reading it would call it
 * marketing for saying "too little". Such a mail gets the kind assumed for a
 * mail that says nothing either way, and its findings say why.
 *
 * What tells the language, strongest first:
 * 1. the `language` its campaign facts declare (or a WhatsApp template's own);
 * 2. its letters: most of them in a script other than Latin (Greek, Cyrillic,
 *    Japanese kana…), which no `lang` attribute copied from a boilerplate
 *    can overrule;
 * 3. the root element's `lang` (`<html lang="pl">`, `<mjml lang="pl">`);
 * 4. Latin letters that none of the four languages uses (ł, ą, ř, ñ, å…),
 *    often enough that the text is not an English one with a name in it,
 *    and no function words of the four.
 */
import { guessLanguage } from "../lexicons/subject-wording.js";

/** The languages the lexicons read, by their BCP 47 primary subtag. */
const READ_LANGUAGES: ReadonlySet<string> = new Set(["nl", "en", "de", "fr"]);

/**
 * English names of languages, for notes ("Polish"), made on first use:
 * building one loads ICU's display-name data, some 25-30 ms of CPU at
 * start-up, and a mail in a language the lexicons read never needs a name.
 */
let languageNames: Intl.DisplayNames | undefined;

/** Scripts other than Latin, each with the name a note gives a text written in it. */
const SCRIPTS: ReadonlyArray<readonly [RegExp, string]> = [
	[/\p{Script=Greek}/u, "Greek"],
	[/\p{Script=Cyrillic}/u, "Cyrillic"],
	[/[\p{Script=Hiragana}\p{Script=Katakana}]/u, "Japanese"],
	[/\p{Script=Hangul}/u, "Korean"],
	[/\p{Script=Han}/u, "Chinese"],
	[/\p{Script=Arabic}/u, "Arabic"],
	[/\p{Script=Hebrew}/u, "Hebrew"],
	[/\p{Script=Thai}/u, "Thai"],
	[/\p{Script=Devanagari}/u, "Devanagari"],
];

/** A text is in another script when at least this share of its letters is, and at least this many. */
const OTHER_SCRIPT_SHARE = 0.5;
const LETTER = /^\p{L}$/u;
const OTHER_SCRIPT_MIN = 8;

/**
 * Latin letters of nl, en, de and fr (Dutch also stresses á, í, ó, ú: "vóór"); any other Latin letter is
 * foreign to them. A text is in another Latin-script language when its function words name none of the
 * four and at least this share of its letters, and this many, are foreign.
 */
const READ_LATIN = /[a-zàáâäæçéèêëíîïóôöœúùûüÿßĳ]/u;
const FOREIGN_LATIN_SHARE = 0.02;
const FOREIGN_LATIN_MIN = 3;

/**
 * The name of the language (or script) the message is written in, for a
 * note ("Greek", "Polish", "Japanese"; "its language" for Latin letters of
 * an unnamed one), when the lexicons do not read it; `undefined` when they
 * do or nothing says.
 */
export function unreadLanguage(
	texts: readonly string[],
	declared: { language?: string | undefined; rootLang?: string | undefined },
): string | undefined {
	const byFacts = languageOfTag(declared.language);
	if (byFacts !== undefined) return byFacts.read ? undefined : byFacts.name;
	const counts = letterCounts(texts);
	if (counts.otherScript !== undefined) return counts.otherScript;
	const byRoot = languageOfTag(declared.rootLang);
	if (byRoot !== undefined) return byRoot.read ? undefined : byRoot.name;
	if (
		counts.foreignLatin >= FOREIGN_LATIN_MIN &&
		counts.foreignLatin >= counts.latin * FOREIGN_LATIN_SHARE &&
		guessLanguage(texts.join("\n")) === undefined
	)
		return "its language";
	return undefined;
}

/** A BCP 47 tag's language (`pl`, `el-GR`, `en_US`), or `undefined` for no tag, `und`, a template variable or private use. */
function languageOfTag(tag: string | undefined): { read: true } | { read: false; name: string } | undefined {
	const primary = /^\s*([a-z]{2,3})(?:[-_][a-z\d]{1,8})*\s*$/iu.exec(tag ?? "")?.[1]?.toLowerCase();
	if (primary === undefined) return undefined;
	if (READ_LANGUAGES.has(primary)) return { read: true };
	if (primary === "und" || primary === "mul" || primary === "zxx") return undefined;
	languageNames ??= new Intl.DisplayNames(["en"], { type: "language", fallback: "none" });
	const name = languageNames.of(primary);
	return name === undefined ? undefined : { read: false, name };
}

function letterCounts(texts: readonly string[]): { latin: number; foreignLatin: number; otherScript?: string } {
	let letters = 0;
	let latin = 0;
	let foreignLatin = 0;
	const other = new Map<string, number>();
	for (const text of texts) {
		const lowered = text.normalize("NFC").toLowerCase();
		for (let at = 0; at < lowered.length; at++) {
			const code = lowered.charCodeAt(at);
			// ASCII, most of any mail, is counted from its code: its letters (a-z, once lowered) are all read Latin letters.
			if (code < 0x80) {
				if (code >= 0x61 && code <= 0x7a) {
					letters++;
					latin++;
				}
				continue;
			}
			const char = String.fromCodePoint(lowered.codePointAt(at)!);
			at += char.length - 1;
			if (!LETTER.test(char)) continue;
			letters++;
			// Latin-1 and Latin Extended-A/B hold the Latin letters of most languages: no script test for them.
			if (char <= "\u024f" || /\p{Script=Latin}/u.test(char)) {
				latin++;
				if (!READ_LATIN.test(char)) foreignLatin++;
				continue;
			}
			const script = SCRIPTS.find(([pattern]) => pattern.test(char))?.[1];
			if (script !== undefined) other.set(script, (other.get(script) ?? 0) + 1);
		}
	}
	// Japanese writes kanji (Han) between its kana: a text with kana is Japanese, not Chinese.
	if (other.has("Japanese")) {
		other.set("Japanese", other.get("Japanese")! + (other.get("Chinese") ?? 0));
		other.delete("Chinese");
	}
	const [script, count] = [...other].sort((a, b) => b[1] - a[1])[0] ?? [undefined, 0];
	return script !== undefined && count >= OTHER_SCRIPT_MIN && count >= letters * OTHER_SCRIPT_SHARE
		? { latin, foreignLatin, otherScript: script }
		: { latin, foreignLatin };
}
