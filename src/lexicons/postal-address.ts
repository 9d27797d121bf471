/**
 * Postal addresses written out in a mail's visible text, for the formats of
 * the countries mailcomply supports: NL (`Kerkstraat 12, 3511 AB Utrecht`),
 * BE/DE/AT/CH/FR/ES/IT (`Lindenstraße 5, 10969 Berlin`, `8 rue du Marché,
 * 69002 Lyon`), GB (`… Bristol BS1 4DJ`), IE (`… Dublin 2, D02 X285`), US
 * (`500 Market Street, San Francisco, CA 94105`), CA (`… Ottawa ON K1A 0B1`),
 * and post-office boxes (P.O. Box, Postbus, Postfach, BP, Case postale).
 *
 * A postcode alone is not an address, and numbers that look like postcodes
 * are everywhere in mail (order numbers, prices, years, phone numbers,
 * tracking codes). So an address is a postcode ("anchor") with a street line
 * or a P.O. box before it:
 * - a continental postcode (4–5 digits, or the Dutch `1234 AB`) must follow
 *   its street line or box directly (only a separator between), and be
 *   followed by a capitalised town name;
 * - a British, Irish, Canadian or US postcode, distinctive on its own, needs a
 *   street line or box within the {@link WINDOW} characters before it (the
 *   town sits between them).
 *
 * Every regular expression is built once, at module load. Word runs are
 * separated by exactly one space and their character classes exclude spaces
 * and digits, so no two quantifiers compete for the same characters; the
 * street checks run on a bounded slice before each anchor. Matching is linear
 * in the text.
 */

/** Characters before a postcode searched for the street line (US, GB, IE, CA). */
const WINDOW = 140;
/** Characters before a continental postcode that can hold its street line. */
const STREET_SLICE = 90;

const NOT_WORD_BEFORE = String.raw`(?<![\p{L}\p{N}])`;
const NOT_WORD_AFTER = String.raw`(?![\p{L}\p{N}])`;
/** Between two lines of an address: a comma, a middle dot, a bar, a dash or just a space (a `<br>` becomes one). */
const SEPARATOR = String.raw`(?: ?[,;·•|–—/-] ?| )`;
/** A town: a capitalised word (`Utrecht`, `UTRECHT`, `'s-Hertogenbosch`, `Den Haag`). */
const TOWN = String.raw`(?:'s-)?\p{Lu}[\p{L}'’-]+`;
/** A house number: `12`, `12a`, `12 A`, `101-H`, `5-7`, `12bis`; not a year (`Since 1998, 2500 Stores`). */
const HOUSE_NUMBER = String.raw`(?!(?:19|20)\d\d(?!\d))\d{1,4}(?:bis|ter|[-/]\d{1,4}|-?\p{L}| \p{Lu})?`;

/** Street name then number, as NL, BE, DE, AT and CH write it: `Kerkstraat 12`, `Unter den Linden 77`, `Rue de la Loi 16`. */
const STREET_THEN_NUMBER = String.raw`\p{Lu}[\p{L}'’.-]*(?: [\p{L}'’.-]+){0,3} ${HOUSE_NUMBER}`;
/** Number then a French street type: `8 rue du Marché`, `12 bis, avenue Foch`. */
const FRENCH_STREET = String.raw`\d{1,4}(?: ?(?:bis|ter))?,? (?:rue|avenue|av\.|boulevard|bd|place|pl\.|chemin|allée|allee|impasse|quai|route|cours|square|passage|faubourg|voie|chaussée|chaussee|rond-point)(?: [\p{L}'’.-]+){1,5}`;
/** A post-office box and its number, in the supported languages. */
const PO_BOX = String.raw`(?:p\.? ?o\.? ?box|post office box|postbus|postfach|b\.? ?p\.?|boîte postale|boite postale|case postale|apartado(?: de correos)?|casella postale) ?(?:nr\.? ?|no\.? ?)?\d{1,6}(?: \d{2,3}){0,2}`;
/** Number then a capitalised street name, as GB, IE, US and CA write it: `500 Market Street`, `12 Harbour Street`, `1 N. Main St`. */
const NUMBER_THEN_STREET = String.raw`${NOT_WORD_BEFORE}\d{1,6}[A-Za-z]?(?:-\d{1,5})?,? (?:[NSEW]\.? )?\p{Lu}[\p{L}'’.-]+`;
/** English street words: Irish and British addresses often have no house number (`Main Street, Dublin 2`). */
const STREET_WORD = String.raw`${NOT_WORD_BEFORE}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Square|Sq|Quay|Place|Way|Court|Terrace|Crescent|Close|Row|Hill|Boulevard|Blvd|Parkway|Suite|Floor|Unit|Building|House|Mews|Gardens|Green|Wharf|Business Park)${NOT_WORD_AFTER}`;

const US_STATES =
	"AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|PR|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY";

export type AddressFormat = "nl" | "continental" | "us" | "gb" | "ie" | "ca";

interface Anchor {
	format: AddressFormat;
	pattern: RegExp;
	/** Checks the text just before the anchor for a street line. */
	streetBefore: (before: string) => boolean;
	/** Checks the text just before the anchor for a post-office box. */
	boxBefore: (before: string) => boolean;
	/** The anchor's own text can hold the street line (a US town match may start at `Market Street San Francisco, CA 94105`). */
	includesStreet?: boolean;
}

// Tried from every start, but only on the STREET_SLICE characters before a postcode: bounded work per postcode.
// eslint-disable-next-line regexp/no-super-linear-move
const endsWithStreet = new RegExp(String.raw`(?:${STREET_THEN_NUMBER}|${FRENCH_STREET})${SEPARATOR}$`, "u");
const endsWithBox = new RegExp(String.raw`${NOT_WORD_BEFORE}${PO_BOX}${SEPARATOR}$`, "iu");
const hasNumberedStreet = new RegExp(NUMBER_THEN_STREET, "u");
const hasBox = new RegExp(String.raw`${NOT_WORD_BEFORE}${PO_BOX}${NOT_WORD_AFTER}`, "iu");
const hasStreetWord = new RegExp(STREET_WORD, "u");

/** Words after a 4–5 digit number that make it a quantity, not a postcode and town. */
const NOT_A_TOWN = new Set([
	"euro",
	"eur",
	"usd",
	"gbp",
	"chf",
	"dollar",
	"dollars",
	"pond",
	"punkte",
	"points",
	"punten",
	"stuks",
	"stück",
	"stueck",
	"items",
	"pieces",
	"artikel",
	"articles",
	"kunden",
	"customers",
	"klanten",
	"members",
	"leden",
	"mitglieder",
	"followers",
	"downloads",
	"views",
	"km",
	"kg",
	"mb",
	"gb",
	"kb",
	"uhr",
	"uur",
	"hrs",
	"std",
	"stores",
	"shops",
	"winkels",
	"filialen",
]);

/** "June 2, 2014 Bob Erlicious" is a date followed by a name, not `street number, postcode town`. */
const endsWithMonthDay = new RegExp(
	String.raw`${NOT_WORD_BEFORE}(?:jan|feb|febr|mar|apr|jun|jul|aug|sep|sept|oct|okt|nov|dec|dez|janv|fevr|févr|avr|juil|january|february|march|april|may|june|july|august|september|october|november|december|januari|februari|maart|mei|juni|juli|augustus|oktober|januar|februar|märz|mai|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre)\.? \d{1,2}${SEPARATOR}$`,
	"iu",
);
// "Postbus 123" has the shape of "Kerkstraat 12": a box is never a street.
const continentalStreetBefore = (before: string): boolean =>
	endsWithStreet.test(before) && !endsWithMonthDay.test(before) && !endsWithBox.test(before);
const continentalBoxBefore = (before: string): boolean => endsWithBox.test(before);
const anyBox = new RegExp(String.raw`${NOT_WORD_BEFORE}${PO_BOX}${NOT_WORD_AFTER}`, "giu");
/** A numbered street line, not counting a box's own number ("P.O. Box 1234, Springfield" has no street). */
const numberedStreet = (before: string): boolean => hasNumberedStreet.test(before.replace(anyBox, " "));
const boxWithin = (before: string): boolean => hasBox.test(before);

const ANCHORS: readonly Anchor[] = [
	{
		format: "nl",
		// The letter pairs SA, SD and SS are not used in Dutch postcodes.
		pattern: new RegExp(String.raw`${NOT_WORD_BEFORE}[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2},? ${TOWN}`, "gu"),
		streetBefore: continentalStreetBefore,
		boxBefore: continentalBoxBefore,
	},
	{
		format: "continental",
		pattern: new RegExp(String.raw`${NOT_WORD_BEFORE}(?:[A-Z]{1,2}-)?\d{4,5} (?<town>${TOWN})`, "gu"),
		streetBefore: continentalStreetBefore,
		boxBefore: continentalBoxBefore,
	},
	{
		format: "us",
		pattern: new RegExp(
			String.raw`${NOT_WORD_BEFORE}\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3},? (?:${US_STATES})\.?,? \d{5}(?:-\d{4})?(?!\d)`,
			"gu",
		),
		streetBefore: numberedStreet,
		boxBefore: boxWithin,
		includesStreet: true,
	},
	{
		format: "gb",
		pattern: new RegExp(
			String.raw`${NOT_WORD_BEFORE}(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?|GIR) ?\d[ABD-HJLNP-UW-Z]{2}${NOT_WORD_AFTER}`,
			"gu",
		),
		streetBefore: (before) => numberedStreet(before) || hasStreetWord.test(before),
		boxBefore: boxWithin,
	},
	{
		format: "ie",
		pattern: new RegExp(
			String.raw`${NOT_WORD_BEFORE}(?:[AC-FHKNPRTV-Y]\d{2}|D6W) ?[0-9AC-FHKNPRTV-Y]{4}${NOT_WORD_AFTER}`,
			"gu",
		),
		streetBefore: (before) => numberedStreet(before) || hasStreetWord.test(before),
		boxBefore: boxWithin,
	},
	{
		format: "ca",
		pattern: new RegExp(
			String.raw`${NOT_WORD_BEFORE}[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d${NOT_WORD_AFTER}`,
			"gu",
		),
		streetBefore: numberedStreet,
		boxBefore: boxWithin,
	},
];

export interface FoundAddress {
	format: AddressFormat;
	/** The postcode (with town or state) that anchored the match. */
	postcode: string;
	/** Offset of the postcode in the searched text. */
	index: number;
	/** A post-office box, not a street address (German law asks for the address where the sender is established). */
	box: boolean;
}

export interface AddressSearch {
	/** Skip post-office boxes: find a street address only. */
	streetOnly?: boolean;
}

/**
 * The first postal address in `text` (visible text, whitespace collapsed,
 * not folded: postcodes are told from words by their capitals), or
 * `undefined`. Address lines that sit in separate paragraphs may be joined
 * with a separator such as " | " before the search.
 */
export function findPostalAddress(text: string, { streetOnly = false }: AddressSearch = {}): FoundAddress | undefined {
	let first: FoundAddress | undefined;
	for (const anchor of ANCHORS) {
		anchor.pattern.lastIndex = 0;
		for (const match of text.matchAll(anchor.pattern)) {
			if (first !== undefined && match.index >= first.index) break;
			const town = match.groups?.town;
			if (town !== undefined && NOT_A_TOWN.has(town.toLowerCase())) continue;
			const continental = anchor.format === "nl" || anchor.format === "continental";
			const end = anchor.includesStreet === true ? match.index + match[0].length : match.index;
			const before = text.slice(Math.max(0, match.index - (continental ? STREET_SLICE : WINDOW)), end);
			const street = anchor.streetBefore(before);
			if (!street && (streetOnly || !anchor.boxBefore(before))) continue;
			first = { format: anchor.format, postcode: match[0], index: match.index, box: !street };
			break;
		}
	}
	return first;
}
