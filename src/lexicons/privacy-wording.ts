/**
 * Privacy-statement link wording (GDPR art. 13/14 information is usually
 * reached through such a link) in nl, en, de, fr, es, it, pt, pl, sv, da, and
 * URL hints. Folding, word boundaries and phrase compilation are shared with
 * the unsubscribe lexicon.
 *
 * Near misses kept out on purpose: "private" / "privat" (a private sale,
 * Privatkunden), bare Swedish "integritet" (integrity), "confidential".
 */
import { compileLexicon, entries, foldText, trimToWords, type LexiconEntry } from "./lexicon.js";
import { urlHintText, type WordingLanguage } from "./unsubscribe-wording.js";

export type PrivacyKind = "privacy";

export interface PrivacyWordingMatch {
	lang: WordingLanguage;
	/** The lexicon phrase that matched (a trailing `*` marks a word stem). */
	phrase: string;
}

const PRIVACY_PHRASES: ReadonlyArray<LexiconEntry<WordingLanguage, PrivacyKind>> = [
	// Specific compounds come before the generic `privacy*` stem so they keep their language.
	...entries("nl", "privacy", [
		"privacyverklaring",
		"privacybeleid",
		"privacyreglement",
		"privacystatement",
		"privacyvoorwaarden",
		"privacyregels",
		"gegevensbescherming",
		"bescherming van persoonsgegevens",
	]),
	...entries("it", "privacy", [
		"informativa sulla privacy",
		"informativa privacy",
		"informativa sul trattamento dei dati",
		"protezione dei dati",
		"riservatezza",
	]),
	...entries("en", "privacy", [
		"privacy*",
		"data protection",
		"data protection notice",
		"data protection policy",
		"personal data policy",
		"how we use your data",
		"how we use your personal data",
	]),
	...entries("de", "privacy", ["datenschutz*", "schutz ihrer daten", "schutz deiner daten"]),
	...entries("fr", "privacy", [
		"confidentialité",
		"politique de confidentialité",
		"charte de confidentialité",
		"protection des données",
		"données personnelles",
		"vie privée",
	]),
	...entries("es", "privacy", [
		"privacidad",
		"política de privacidad",
		"aviso de privacidad",
		"protección de datos",
		"datos personales",
	]),
	...entries("pt", "privacy", ["privacidade", "política de privacidade", "proteção de dados", "dados pessoais"]),
	...entries("pl", "privacy", [
		"prywatnoś*",
		"polityka prywatności",
		"ochrona danych",
		"ochrony danych",
		"dane osobowe",
		"danych osobowych",
	]),
	...entries("sv", "privacy", ["integritets*", "dataskydd", "personuppgift*"]),
	...entries("da", "privacy", ["privatliv*", "persondata*", "databeskyttelse*"]),
];

const PRIVACY_URL_HINTS: ReadonlyArray<LexiconEntry<WordingLanguage, PrivacyKind>> = entries("en", "privacy", [
	"privacy*",
	"privacidad*",
	"privacidade*",
	"datenschutz*",
	"confidentialite*",
	"politique-de-confidentialite",
	"prywatnosc*",
	"polityka-prywatnosci",
	"integritetspolicy",
	"integritet",
	"privatlivspolitik",
	"privatliv*",
	"persondatapolitik",
	"personuppgift*",
	"gdpr",
	"rgpd",
	"dsgvo",
	"data-protection",
	"gegevensbescherming",
	"protezione-dati",
	"protecao-de-dados",
	"proteccion-de-datos",
]);

const privacyLexicon = compileLexicon(PRIVACY_PHRASES);
const privacyUrlLexicon = compileLexicon(PRIVACY_URL_HINTS);

/** Text that names the privacy statement ("Privacyverklaring", "Datenschutzerklärung", "Politique de confidentialité"…). */
export function matchPrivacyWording(text: string): PrivacyWordingMatch | undefined {
	const folded = foldText(text);
	if (folded === "") return undefined;
	const entry = privacyLexicon.search(folded) ?? privacyLexicon.whole(trimToWords(folded));
	return entry === undefined ? undefined : { lang: entry.lang, phrase: entry.phrase };
}

/** True when a URL's path or query (never its host alone) looks like a privacy statement. */
export function urlLooksLikePrivacy(url: string): boolean {
	// A mailto: local part like privacy@example.com is a contact address, not the statement.
	if (/^\s*mailto:/iu.test(url)) return false;
	const text = urlHintText(url);
	return text !== "" && privacyUrlLexicon.search(text) !== undefined;
}

/** The lexicon as data, for documentation and tests. */
export const PRIVACY_LEXICON = { phrases: PRIVACY_PHRASES, urlHints: PRIVACY_URL_HINTS } as const;
