/**
 * Promotional-offer wording (discounts, gifts, contests) and the wording of
 * their conditions, in nl, en, de and fr. Shared by `promo-conditions-link`
 * (an offer needs its conditions) and `require-ad-label` (promotional content
 * under a "this is not a marketing e-mail" claim).
 *
 * Precision first: a false offer costs as much trust as a missed one.
 * - Every phrase is matched on word boundaries: "win" never matches window,
 *   winkel, winter; "korting" never matches ledenkortingskaart's middle.
 * - Phrases that contain an offer word but are no promotional offer are
 *   blanked out before matching: free shipping and free returns (a standing
 *   delivery term, stated in nearly every shop mail), "feel free",
 *   "toll-free", "free of charge" and "gratis afmelden" (legal sentences),
 *   "win-win", "win back".
 * - A bare percentage is no offer (prices, tables, statistics); only a
 *   percentage or amount tied to a discount word is ("20% off", "-20%",
 *   "save 20%", "20 % Rabatt", "20% de réduction").
 * - The plural "kortingen" / "Rabatte" / "offers" talks about offers in
 *   general ("nieuws en kortingen" in a footer) and is left out.
 */
import { combine, compileLexicon, entries, foldText, originalSpelling, type LexiconEntry } from "./lexicon.js";
import { urlHintText } from "./unsubscribe-wording.js";

export type OfferLanguage = "nl" | "en" | "de" | "fr";
export type OfferKind = "discount" | "gift" | "contest";

export interface OfferMatch {
	kind: OfferKind;
	/** The words that matched, as the text spells them (accents and case kept), for messages. */
	text: string;
	/** The language of the matched phrase; absent for a bare quantity ("-20%"). */
	lang?: OfferLanguage;
}

type OfferEntry = LexiconEntry<OfferLanguage, OfferKind>;

const OFFER_PHRASES: readonly OfferEntry[] = [
	...entries("nl", "discount", [
		"korting",
		"extra korting",
		"kortingscode*",
		"kortingsbon*",
		"kortingsactie*",
		"actiecode*",
		"halve prijs",
		"2e halve prijs",
		"tweede halve prijs",
		"1+1",
	]),
	...entries("nl", "gift", [
		"gratis",
		"welkomstcadeau",
		"welkomstgeschenk",
		"cadeau bij aankoop",
		"cadeau bij je bestelling",
		"cadeau bij uw bestelling",
	]),
	...entries("nl", "contest", [
		"win",
		"winnen",
		"maak kans",
		"kans maken op",
		"prijsvraag*",
		"winactie*",
		"verloting",
		"verloten",
		"we verloten",
	]),
	...entries("en", "discount", [
		"discount code*",
		"promo code*",
		"promotional code*",
		"coupon",
		"coupon code*",
		"voucher code*",
		"buy one get one",
		"bogo",
	]),
	...entries("en", "gift", ["free gift*", "free trial", "free sample*"]),
	...entries("en", "contest", [
		"giveaway*",
		"give-away*",
		"sweepstake*",
		"raffle",
		"prize draw*",
		"contest",
		"chance to win",
		"enter to win",
	]),
	...entries("de", "discount", ["rabatt", "rabattcode*", "rabattaktion*", "gutscheincode*"]),
	...entries("de", "gift", ["gratiszugabe", "gratis-zugabe", "gratisgeschenk"]),
	...entries("de", "contest", [
		"gewinnspiel*",
		"gewinnen",
		"gewinne",
		"zu gewinnen",
		"verlosung*",
		"verlosen",
		"preisausschreiben",
	]),
	...entries("fr", "discount", ["code promo*", "bon de reduction", "code de reduction"]),
	...entries("fr", "gift", ["gratuit", "gratuite", "gratuits", "gratuites", "cadeau offert", "offert pour"]),
	...entries("fr", "contest", [
		"concours",
		"jeu-concours",
		"tirage au sort",
		"a gagner",
		"gagnez",
		"tentez votre chance",
	]),
];

/**
 * Phrases blanked out before offer matching: they contain an offer word but
 * announce no promotional offer. Written in natural spelling; folded at load.
 */
const NOT_AN_OFFER: readonly string[] = [
	// Shipping and returns: a standing delivery term, not a promotion with conditions (decision documented in rules/promo-conditions-link.md).
	...combine(
		["gratis"],
		[
			"verzending",
			"verzonden",
			"bezorging",
			"bezorgd",
			"thuisbezorgd",
			"levering",
			"geleverd",
			"retour",
			"retourneren",
			"retouren",
			"ruilen",
			"verzending en retour",
		],
	),
	...combine(
		["free"],
		["shipping", "delivery", "returns", "return shipping", "standard shipping", "express shipping", "exchanges"],
	),
	...combine(["gratis", "kostenloser", "kostenlose"], ["versand", "lieferung", "rückversand", "rücksendung"]),
	"versand gratis",
	...combine(
		["livraison", "retour", "retours", "expedition"],
		["gratuite", "gratuit", "gratuits", "gratuites", "offerte", "offert"],
	),
	// Legal and service sentences.
	"feel free",
	"toll-free",
	"toll free",
	"free of charge",
	"gratis afmelden",
	"afmelden is gratis",
	"gratis en vrijblijvend",
	...combine(
		["appel", "numero", "numéro", "inscription", "desinscription", "désinscription", "desabonnement", "désabonnement"],
		["gratuit", "gratuite"],
	),
	"win-win",
	"win back",
	"win over",
	"win more",
	"how to win",
];

/** Quantified discounts: "20% off", "-20%", "save 20%", "20 % Rabatt", "€10 korting", "20% de réduction". Folded text. */
const NUMBER = String.raw`\d{1,3}(?:[.,]\d{1,2})?`;
const AMOUNT = String.raw`(?:[€$£] ?${NUMBER}|${NUMBER} ?(?:[%€$£]|euro?))`;
const PERCENT = String.raw`${NUMBER} ?%`;
const DISCOUNT_WORD = String.raw`(?:off|korting|rabatt|remise|reduction|de reduction|de remise|discount|nachlass)`;
const QUANTIFIED_DISCOUNTS: readonly RegExp[] = [
	new RegExp(String.raw`(?<![\p{L}\p{N}])${AMOUNT} ?${DISCOUNT_WORD}(?![\p{L}\p{N}])`, "u"),
	new RegExp(
		String.raw`(?<![\p{L}\p{N}])(?:save|bespaar|spaar|spare|sparen sie|economisez) (?:-|maar |nu |ganze |jusqu'a )?${AMOUNT}`,
		"u",
	),
	// "Up to 50%" is a discount; "cadeaus tot €50" is a price range in a gift guide.
	new RegExp(String.raw`(?<![\p{L}\p{N}])(?:up to|tot|bis zu|jusqu'a) -?${PERCENT}`, "u"),
	// "-20%": a minus sign before a percentage, not part of a range ("10-20%") or a number.
	/(?<![\p{L}\p{N}%-])-\d{1,2} ?%(?!\p{N})/u,
];

const HAS_DIGIT = /\d/u;

const offerLexicon = compileLexicon(OFFER_PHRASES);
const notAnOfferPattern = literalAlternation(NOT_AN_OFFER);

/** A promotional offer in `text`: a discount, a gift or a contest. */
export function matchOffer(text: string): OfferMatch | undefined {
	const folded = foldText(text).replace(notAnOfferPattern, " ");
	if (folded.trim() === "") return undefined;
	// Every quantified discount has a number in it; most paragraphs have none.
	if (HAS_DIGIT.test(folded)) {
		for (const pattern of QUANTIFIED_DISCOUNTS) {
			const match = pattern.exec(folded);
			// The discount's own word ("korting", "Rabatt"), when the lexicon knows it, tells the language.
			if (match)
				return {
					kind: "discount",
					text: originalSpelling(text, match[0].trim()),
					lang: offerLexicon.search(match[0])?.lang,
				};
		}
	}
	const entry = offerLexicon.search(folded);
	if (entry === undefined) return undefined;
	const phrase = entry.phrase.replace(/\*$/u, "");
	return { kind: entry.kind, text: originalSpelling(text, foldText(phrase)), lang: entry.lang };
}

/* ------------------------------------------------------------------------ */
/* Conditions                                                               */
/* ------------------------------------------------------------------------ */

type ConditionsEntry = LexiconEntry<OfferLanguage, "conditions">;

const CONDITIONS_PHRASES: readonly ConditionsEntry[] = [
	...entries("nl", "conditions", [
		"voorwaarden",
		"actievoorwaarden",
		"algemene voorwaarden",
		"deelnamevoorwaarden",
		"kortingsvoorwaarden",
		"spelregels",
		"actiereglement",
		"reglement",
	]),
	...entries("en", "conditions", [
		"terms",
		"terms and conditions",
		"terms & conditions",
		"t&c*",
		"t's&c's",
		"tcs apply",
		"conditions",
		"conditions apply",
		"official rules",
		"contest rules",
		"competition rules",
		"giveaway rules",
		"sweepstakes rules",
		"offer details",
		"promotion terms",
	]),
	...entries("de", "conditions", [
		"teilnahmebedingungen",
		"bedingungen",
		"aktionsbedingungen",
		"gewinnspielbedingungen",
		"agb",
		"agbs",
	]),
	...entries("fr", "conditions", [
		"conditions",
		"conditions generales",
		"conditions de l'offre",
		"reglement",
		"reglement du jeu",
		"modalites",
		"cgv",
	]),
];

const CONDITIONS_URL_HINTS: readonly ConditionsEntry[] = entries("en", "conditions", [
	"voorwaarden",
	"actievoorwaarden",
	"algemene-voorwaarden",
	"spelregels",
	"reglement*",
	"terms*",
	"conditions*",
	"tcs",
	"t-c",
	"t-and-c*",
	"official-rules",
	"rules",
	"bedingungen",
	"teilnahmebedingungen",
	"agb",
	"cgv",
	"modalites",
]);

const conditionsLexicon = compileLexicon(CONDITIONS_PHRASES);
const conditionsUrlLexicon = compileLexicon(CONDITIONS_URL_HINTS);

/** Link text that names an offer's conditions ("Actievoorwaarden", "T&Cs apply", "Teilnahmebedingungen", "Règlement du jeu"). */
export function matchConditionsWording(text: string): boolean {
	const folded = foldText(text);
	return folded !== "" && conditionsLexicon.search(folded) !== undefined;
}

/** A URL whose path or query (never its host alone) looks like a conditions page. */
export function urlLooksLikeConditions(url: string): boolean {
	if (/^\s*mailto:/iu.test(url)) return false;
	const text = urlHintText(url);
	return text !== "" && conditionsUrlLexicon.search(text) !== undefined;
}

/**
 * A paragraph that writes the conditions out, introduced by a label:
 * "Actievoorwaarden: geldig t/m 31 mei…", "*Conditions : offre valable…",
 * "Terms: one entry per person…". The label must end within 40 characters.
 */
export function startsWithConditionsLabel(text: string): boolean {
	const folded = foldText(text).replace(/^[*\s†‡¹²³]+/u, "");
	const colon = folded.indexOf(":");
	if (colon <= 0 || colon > 40) return false;
	const label = folded.slice(0, colon).trim();
	return label !== "" && conditionsLexicon.search(label) !== undefined && label.split(" ").length <= 4;
}

/**
 * The wording of an offer's conditions when they are written out, as the
 * footnote under an asterisk usually is: how long it runs, what it excludes,
 * what it cannot be combined with, the minimum spend, the stock limit.
 */
const CONDITION_TERMS: readonly ConditionsEntry[] = [
	...entries("nl", "conditions", [
		"actie geldig",
		"aanbieding geldig",
		"korting geldig",
		"geldig t/m",
		"geldig tot",
		"geldig van",
		"geldig vanaf",
		"geldig op",
		"geldig bij",
		"alleen geldig",
		"niet geldig",
		"zolang de voorraad strekt",
		"op = op",
		"niet in combinatie",
		"niet te combineren",
		"minimale besteding",
		"min. besteding",
		"minimaal besteding",
		"uitgezonderd",
		"exclusief",
		"m.u.v.",
		"met uitzondering van",
		"eenmalig te gebruiken",
		"1 per klant",
		"een per klant",
	]),
	...entries("en", "conditions", [
		"offer valid",
		"offer ends",
		"offer applies",
		"valid until",
		"valid through",
		"valid from",
		"valid on",
		"valid for",
		"not valid",
		"only valid",
		"while stocks last",
		"while supplies last",
		"cannot be combined",
		"not to be combined",
		"can't be combined",
		"minimum spend",
		"minimum order",
		"minimum purchase",
		"excludes",
		"excluding",
		"exclusions apply",
		"one per customer",
		"limit one",
		"single use",
	]),
	...entries("de", "conditions", [
		"angebot gultig",
		"aktion gultig",
		"rabatt gultig",
		"gultig bis",
		"gultig vom",
		"gultig ab",
		"gultig fur",
		"nur gultig",
		"nicht gultig",
		"solange der vorrat reicht",
		"solange vorrat reicht",
		"nicht kombinierbar",
		"nicht mit anderen",
		"mindestbestellwert",
		"ab einem bestellwert",
		"ausgenommen",
		"ausgeschlossen",
		"einmal pro kunde",
		"einmalig einlosbar",
	]),
	...entries("fr", "conditions", [
		"offre valable",
		"valable jusqu'au",
		"valable du",
		"valable a partir",
		"valable sur",
		"valable uniquement",
		"non valable",
		"dans la limite des stocks",
		"jusqu'a epuisement des stocks",
		"non cumulable",
		"hors articles",
		"hors promotions",
		"hors soldes",
		"minimum d'achat",
		"une seule fois",
		"une utilisation par client",
	]),
];
const conditionTermsLexicon = compileLexicon(CONDITION_TERMS);

/** A footnote mark at the start of a paragraph: `*`, `**`, `†`, `¹`, `(1)`. */
const FOOTNOTE_MARK = /^(?:\*{1,3}|[†‡¹²³]|\(\d\))\s?/u;

/**
 * A paragraph that writes an offer's conditions out as a footnote or a
 * validity line: "*Actie geldig t/m 31 mei, zolang de voorraad strekt",
 * "*Offre valable du 1er au 15 juin, hors articles soldés", "Angebot gültig
 * bis 30.06." The e-Commerce Directive asks that the conditions be "easily
 * accessible" and "presented clearly", which a footnote in the mail is. A
 * footnote mark alone is not enough ("*Bekijk ons assortiment"): the text
 * must read as a condition.
 */
export function writesConditionsOut(text: string): boolean {
	const folded = foldText(text);
	const footnote = FOOTNOTE_MARK.exec(folded);
	const body = footnote ? folded.slice(footnote[0].length) : folded;
	if (footnote) return conditionTermsLexicon.search(body) !== undefined;
	// Without a mark, the paragraph must open with the condition ("Actie geldig t/m…"), not mention one in passing.
	const found = conditionTermsLexicon.search(body.slice(0, 40));
	return found !== undefined && body.startsWith(foldText(found.phrase).split(" ")[0] ?? "\u0000");
}

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

/** One global regex of folded literals between word boundaries, longest first so "free shipping" beats "free". */
function literalAlternation(phrases: readonly string[]): RegExp {
	const folded = [...new Set(phrases.map(foldText))].sort((a, b) => b.length - a.length);
	const escaped = folded.map((phrase) => phrase.replace(/[\\^$.*+?()[\]{}|/]/gu, "\\$&").replace(/-/gu, "[- ]?"));
	return new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join("|")})(?![\\p{L}\\p{N}])`, "gu");
}

/** The lexicons as data, for documentation and tests. */
export const OFFER_LEXICON = {
	offers: OFFER_PHRASES,
	notAnOffer: NOT_AN_OFFER,
	conditions: CONDITIONS_PHRASES,
	conditionsUrlHints: CONDITIONS_URL_HINTS,
} as const;
