/**
 * Subject-line wording: the prefixes mail clients put before a reply or a
 * forward, and a small stop-word language guess (nl, en, de, fr) for
 * comparing a subject with its preheader.
 */
import { blankMergeTags, findMergeTags } from "../template/merge-tags.js";
import { foldText } from "./lexicon.js";

/**
 * Reply and forward prefixes as clients write them: Re/RE, Fwd/Fw/FW (en),
 * Antw and Doorst (Dutch Outlook), AW and WG (German), TR (French
 * "transféré"), RV (Spanish "reenviado"). Optionally in brackets, with a
 * count (`Re[2]:`), with a space before the colon (`Re :`, French typography).
 * A space after the colon is required, so "re:Invent 2026" (a conference) is
 * not a reply.
 */
const REPLY_PREFIX = /^\s*(?:\[\s*)?(?:re|fwd?|antw|doorst|aw|wg|tr|rv)(?:\s?\[\d{1,3}\])?\s?:(?:\s|$)/iu;

/** The reply or forward prefix a subject starts with, as written (`RE:`), or `undefined`. */
export function matchReplyPrefix(subject: string): string | undefined {
	const match = REPLY_PREFIX.exec(subject);
	return match ? match[0].trim().replace(/^\[\s*/u, "") : undefined;
}

export type GuessedLanguage = "nl" | "en" | "de" | "fr";

/**
 * Function words that are frequent in one language and rare in the others.
 * Shared ones are left out on purpose: "de" (nl, fr), "en" (nl, fr), "die"
 * (de, nl), "je" (nl, fr), "on" (en, fr), "in", "is", "was", "of", "we", "over", "hier".
 */
const STOP_WORDS: Readonly<Record<GuessedLanguage, readonly string[]>> = {
	en: [
		"the",
		"and",
		"your",
		"you",
		"for",
		"with",
		"our",
		"this",
		"now",
		"to",
		"are",
		"from",
		"get",
		"off",
		"just",
		"what",
		"it",
		"more",
		"today",
		"new",
		"all",
		"at",
		"here's",
		"don't",
		"only",
		"ends",
		"save",
		"free",
	],
	nl: [
		"het",
		"een",
		"van",
		"voor",
		"met",
		"onze",
		"ons",
		"jouw",
		"jij",
		"uw",
		"nu",
		"niet",
		"ook",
		"op",
		"aan",
		"bij",
		"naar",
		"wat",
		"deze",
		"dit",
		"dat",
		"zijn",
		"wordt",
		"nog",
		"meer",
		"alle",
		"al",
		"gratis",
		"nieuw",
		"nieuwe",
		"vandaag",
	],
	de: [
		"der",
		"das",
		"und",
		"ist",
		"nicht",
		"mit",
		"fur",
		"ihr",
		"ihre",
		"unsere",
		"unser",
		"jetzt",
		"auf",
		"eine",
		"ein",
		"dem",
		"den",
		"zum",
		"zur",
		"sie",
		"wir",
		"noch",
		"neue",
		"neu",
		"von",
		"bei",
		"auch",
		"nur",
		"mehr",
		"heute",
		"kostenlos",
		"alle",
	],
	fr: [
		"le",
		"la",
		"les",
		"des",
		"du",
		"et",
		"pour",
		"vous",
		"votre",
		"vos",
		"nos",
		"notre",
		"avec",
		"est",
		"une",
		"sur",
		"dans",
		"au",
		"aux",
		"ce",
		"cette",
		"plus",
		"nouveau",
		"nouvelle",
		"nouveautes",
		"gratuit",
		"aujourd'hui",
		"jusqu'a",
		"decouvrez",
	],
};

const LANGUAGE_OF = new Map<string, GuessedLanguage[]>();
for (const [language, words] of Object.entries(STOP_WORDS) as Array<[GuessedLanguage, readonly string[]]>) {
	for (const word of words) LANGUAGE_OF.set(word, [...(LANGUAGE_OF.get(word) ?? []), language]);
}

/** At least this many distinct stop words of the winning language … */
const MIN_HITS = 2;
/** … and at least this many times the runner-up's count. */
const MIN_LEAD = 2;

/**
 * The language of a short text, when its function words say so clearly:
 * at least two distinct stop words of one language and twice as many as
 * of any other. Merge tags are ignored (`{{ first_name }}`). `undefined`
 * when unsure: subject lines are short, and a wrong guess is a false alarm.
 */
export function guessLanguage(text: string): GuessedLanguage | undefined {
	const withoutTags = blankMergeTags(text, findMergeTags(text), () => " ");
	const words = new Set(
		foldText(withoutTags)
			.split(/[^\p{L}']+/u)
			.map(trimApostrophes)
			.filter(Boolean),
	);
	const counts: Record<GuessedLanguage, number> = { nl: 0, en: 0, de: 0, fr: 0 };
	for (const word of words) for (const language of LANGUAGE_OF.get(word) ?? []) counts[language]++;
	const ranked = (Object.entries(counts) as Array<[GuessedLanguage, number]>).sort((a, b) => b[1] - a[1]);
	const [best, second] = ranked as [[GuessedLanguage, number], [GuessedLanguage, number]];
	if (best[1] < MIN_HITS || best[1] < second[1] * MIN_LEAD) return undefined;
	return best[0];
}

function trimApostrophes(word: string): string {
	let start = 0;
	let end = word.length;
	while (start < end && word[start] === "'") start++;
	while (end > start && word[end - 1] === "'") end--;
	return word.slice(start, end);
}

export const LANGUAGE_NAMES: Readonly<Record<GuessedLanguage, string>> = {
	nl: "Dutch",
	en: "English",
	de: "German",
	fr: "French",
};
