/**
 * Advertisement labels ("Advertisement", "[Ad]", "Reclame", "Anzeige",
 * "Publicité") and claims that a mail is not marketing ("This is not a
 * marketing e-mail", "Dit is geen reclame", "Dies ist keine Werbung",
 * "Ceci n'est pas un e-mail promotionnel"), in en, nl, de, fr.
 *
 * Near misses kept out on purpose:
 * - "advertising" (privacy footers talk about "advertising partners");
 * - "ad" inside a sentence ("ad hoc", Latin, names): "Ad" only counts as a
 *   label, i.e. the whole text or in front of a colon or in brackets;
 * - "keine Werbung mehr?" / "geen reclame meer?": an unsubscribe invitation,
 *   not a label and not a claim.
 */
import { combine, compileLexicon, entries, foldText, type LexiconEntry } from "./lexicon.js";

type Lang = "en" | "nl" | "de" | "fr";

const LABEL_PHRASES: ReadonlyArray<LexiconEntry<Lang, "label">> = [
	...entries("en", "label", [
		"advertisement",
		"this is an ad",
		"solicitation",
		...combine(["promotional", "marketing", "commercial"], ["email", "e-mail", "message"]),
	]),
	...entries("nl", "label", [
		"reclame",
		"advertentie",
		...combine(["commerciele", "commercieel"], ["e-mail", "mail", "bericht", "boodschap"]),
	]),
	...entries("de", "label", ["anzeige", "werbung", "werbe-e-mail", "werbemail", "werbenachricht"]),
	...entries("fr", "label", [
		"publicite",
		"message publicitaire",
		"e-mail publicitaire",
		"courriel publicitaire",
		"e-mail promotionnel",
	]),
];

/** An advertisement label must not be read into an unsubscribe invitation ("keine Werbung mehr"). */
const NOT_A_LABEL =
	/(?<![\p{L}\p{N}])(?:keine werbung|geen reclame|no more (?:marketing|promotional) (?:e-?mails?|messages?)|plus de publicite)(?![\p{L}\p{N}])/gu;

/** "Ad" as a label: the whole text, before a colon or dash, or in brackets: "Ad", "[Ad]", "(Ad)", "Ad: …", "Ad | …". */
const AD_LABEL = /^ad\s*(?:[:|]|\s[\u2013\u2014-]\s|$)|[[(]\s*ad\s*[\])]/u;

const CLAIM_NOUNS_EN = ["email", "e-mail", "message", "mail", "communication"];

const CLAIM_PHRASES: ReadonlyArray<LexiconEntry<Lang, "claim">> = [
	...entries("en", "claim", [
		...combine(["not a"], ["marketing", "promotional", "commercial", "sales"], CLAIM_NOUNS_EN),
		"not an advertisement",
		"not an advertising email",
		"not an advertising e-mail",
		...combine(
			["this is a", "this is an"],
			["service", "transactional", "account", "administrative", "service-only"],
			CLAIM_NOUNS_EN,
		),
		"contains important information about your account",
		"important information regarding your account",
	]),
	...entries("nl", "claim", [
		...combine(
			["dit is", "dit bericht is", "deze e-mail is", "deze mail is", "deze nieuwsbrief is"],
			[
				"geen reclame",
				"geen reclamebericht",
				"geen commerciele e-mail",
				"geen commerciele mail",
				"geen commercieel bericht",
			],
		),
		...combine(
			["dit is een"],
			["servicebericht", "service-e-mail", "servicemail", "service e-mail", "transactionele e-mail"],
		),
	]),
	...entries("de", "claim", [
		...combine(
			["dies ist", "diese e-mail ist", "diese nachricht ist", "das ist"],
			["keine werbung", "keine werbe-e-mail", "keine werbemail", "keine werbenachricht"],
		),
		...combine(
			["dies ist eine", "diese e-mail ist eine", "das ist eine"],
			["servicemitteilung", "service-e-mail", "servicenachricht", "service-mail", "transaktionsmail"],
		),
	]),
	...entries("fr", "claim", [
		...combine(
			[
				"ceci n'est pas",
				"ce message n'est pas",
				"cet e-mail n'est pas",
				"cet email n'est pas",
				"ce courriel n'est pas",
			],
			[
				"une publicite",
				"un message publicitaire",
				"un e-mail promotionnel",
				"un email promotionnel",
				"un courriel promotionnel",
				"un message promotionnel",
				"un e-mail commercial",
			],
		),
		...combine(
			["ceci est un", "ce message est un", "cet e-mail est un"],
			["message de service", "e-mail de service", "email de service", "courriel de service", "e-mail transactionnel"],
		),
	]),
];

const labelLexicon = compileLexicon(LABEL_PHRASES);
const claimLexicon = compileLexicon(CLAIM_PHRASES);

/** Text that identifies the mail as an advertisement; returns the label as folded text. */
export function matchAdLabel(text: string): string | undefined {
	const folded = foldText(text).replace(NOT_A_LABEL, " ").trim();
	// "This is not a commercial e-mail" contains a label's words but says the opposite.
	if (folded === "" || claimLexicon.search(folded) !== undefined) return undefined;
	if (AD_LABEL.test(folded)) return "ad";
	return labelLexicon.search(folded)?.phrase;
}

/** Text that claims the mail is not marketing ("This is not a marketing e-mail", "Dit is een servicebericht"). */
export function matchNotMarketingClaim(text: string): string | undefined {
	const folded = foldText(text);
	if (folded === "") return undefined;
	return claimLexicon.search(folded)?.phrase;
}

/** The lexicons as data, for documentation and tests. */
export const AD_LABEL_LEXICON = { labels: LABEL_PHRASES, claims: CLAIM_PHRASES } as const;
