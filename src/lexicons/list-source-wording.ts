/**
 * List names, owners and segment names that give away where the addresses
 * came from: bought or rented ("gekocht bestand", "purchased list",
 * "gekaufte Adressen", "fichier acheté") or collected from websites
 * ("scraped", "Google Maps export", "LinkedIn export"), in nl, en, de, fr.
 *
 * Precision decisions (tested in test/lexicons/list-source-wording.test.ts):
 * - "bought", "purchased", "gekocht", "gekauft", "acheté" alone describe
 *   customers far more often than lists ("Purchased in the last 90 days",
 *   "Klanten die gekocht hebben"): only the list words next to them count.
 * - "leads" alone is a sales word for people who asked to be contacted
 *   ("Webinar leads", "leads from our webinar sign-up"). A "lead list" /
 *   "leadbestand" is what data brokers sell, but sales teams use the same
 *   words for their own inbound leads, so it is `ambiguous`: the rule
 *   reports it only when the sidecar does not declare an own source.
 * - "Google Maps", "LinkedIn" alone are channels, not sources: only an
 *   export, scrape or extract from them counts.
 */
import { combine, compileLexicon, entries, foldText, type LexiconEntry } from "./lexicon.js";

type Lang = "en" | "nl" | "de" | "fr";
/** `purchased`: bought or rented; `scraped`: harvested from websites or directories; `ambiguous`: a broker's word that in-house lists use too. */
export type ListSourceKind = "purchased" | "scraped" | "ambiguous";

const LIST_WORDS_EN = [
	"list",
	"lists",
	"database",
	"data",
	"contacts",
	"emails",
	"e-mails",
	"addresses",
	"email addresses",
	"e-mail addresses",
	"leads",
	"file",
];
const LIST_WORDS_NL = [
	"bestand",
	"adressenbestand",
	"adresbestand",
	"lijst",
	"adressen",
	"e-mailadressen",
	"emailadressen",
	"leads",
	"contacten",
	"data",
	"database",
];
const LIST_WORDS_DE = [
	"adressen",
	"liste",
	"adressliste",
	"e-mail-adressen",
	"emailadressen",
	"leads",
	"kontakte",
	"daten",
	"datei",
];
const LIST_WORDS_FR = [
	"fichier",
	"fichiers",
	"liste",
	"listes",
	"adresses",
	"e-mails",
	"emails",
	"leads",
	"contacts",
	"base",
];

/** Directories and networks whose listings are harvested; not "website": a "website export" is usually your own sign-up form. */
const SCRAPE_SOURCES = [
	"google maps",
	"google-maps",
	"linkedin",
	"sales navigator",
	"kvk",
	"gouden gids",
	"yellow pages",
	"gelbe seiten",
	"pages jaunes",
];
const SCRAPE_VERBS = [
	"export",
	"exports",
	"scrape",
	"scraper",
	"scraping",
	"extract",
	"extraction",
	"extractor",
	"crawl",
	"harvest",
];

/**
 * Trade and company registers, whose extracts and exports are sold as B2B
 * address lists: the people in them registered a company, not for mail.
 * Joined to the export word with `-`, which matches a hyphen, a space or
 * nothing: "KvK-export", "KvK export", "Handelsregisterauszug".
 */
const REGISTERS = [
	"kvk",
	"kamer van koophandel",
	"handelsregister",
	"companies house",
	"company register",
	"companies register",
	"trade register",
	"business register",
	"unternehmensregister",
	"northdata",
	"north data",
	"kbo",
	"bce",
	"kbis",
	"infogreffe",
	"registre du commerce",
	"registre des entreprises",
];
const REGISTER_EXTRACTS = [
	"export",
	"exports",
	"extract",
	"extracts",
	"extraction",
	"uittreksel",
	"uittreksels",
	"auszug",
	"auszuge",
	"abzug",
	"bestand",
	"lijst",
	"list",
	"liste",
	"data",
	"download",
	"scrape",
];
const REGISTER_PHRASES = [
	...REGISTERS.flatMap((register) => REGISTER_EXTRACTS.map((extract) => `${register}-${extract}`)),
	...combine(
		["export", "extract", "extraction", "extrait", "fichier", "liste", "uittreksel", "auszug"],
		["", "du", "de", "uit het", "aus dem", "from"],
		["registre du commerce", "kbis", "infogreffe", "handelsregister", "companies house", "kvk"],
	),
];

const PHRASES: ReadonlyArray<LexiconEntry<Lang, ListSourceKind>> = [
	// Collected from the web: these words have no innocent reading in a list name.
	...entries("en", "scraped", [
		"scraped",
		"scraping",
		"scrape",
		"scraper",
		"harvested",
		"web-scraped",
		"crawled",
		"email extractor",
		"email finder",
		"guessed addresses",
		"dictionary attack",
	]),
	...entries("en", "scraped", combine(SCRAPE_SOURCES, SCRAPE_VERBS)),
	...entries("en", "scraped", ["linkedin connections", "linkedin contacts"]),
	...entries("nl", "scraped", [
		"gescraped",
		"gescrapet",
		"gescrapete",
		"geschraapt",
		"geoogst",
		"kvk-bestand",
		"kvk bestand",
		"linkedin contacten",
		"linkedin connecties",
		...combine(SCRAPE_SOURCES, ["lijst", "bestand"]),
	]),
	...entries("de", "scraped", [
		"gescrapt",
		"gescraped",
		"gescrapte",
		"geerntet",
		"adressen gesammelt",
		...combine(SCRAPE_SOURCES, ["liste", "adressen"]),
	]),
	...entries("fr", "scraped", [
		"scrappe",
		"scrappes",
		"scrappees",
		"scrapping",
		"adresses aspirees",
		"e-mails aspires",
		"emails aspires",
		"adresses collectees sur le web",
		"extraction google maps",
		"extraction linkedin",
	]),

	// Bought or rented.
	// Not "paid", "rental", "acquired", "broker": "Paid contacts", "Rental list", "Broker list" name customers.
	...entries("en", "purchased", combine(["purchased", "bought", "rented"], LIST_WORDS_EN)),
	...entries("en", "purchased", [
		"list purchase",
		"list rental",
		"list broker",
		"data broker",
		"list vendor",
		"list bought",
		"list purchased",
	]),
	...entries("nl", "purchased", [
		...combine(
			["gekocht", "gekochte", "ingekocht", "ingekochte", "gehuurd", "gehuurde", "aangekocht", "aangekochte"],
			LIST_WORDS_NL,
		),
		...combine(
			["bestand", "adressenbestand", "adresbestand", "lijst", "adressen", "leads"],
			["gekocht", "ingekocht", "gehuurd", "aangekocht"],
		),
		"adressenhandel",
		"lijstenmakelaar",
		"adressenleverancier",
	]),
	...entries("de", "purchased", [
		...combine(
			["gekaufte", "gekaufter", "gekauftes", "gemietete", "gemieteter", "zugekaufte", "angekaufte"],
			LIST_WORDS_DE,
		),
		...combine(["adressen", "liste", "leads", "kontakte"], ["gekauft", "gemietet", "zugekauft"]),
		"adresskauf",
		"adressmiete",
		"adresshandel",
		"adresshaendler",
		"adresshandler",
		"listbroker",
	]),
	...entries("fr", "purchased", [
		...combine(LIST_WORDS_FR, ["achete", "achetee", "achetes", "achetees", "loue", "louee", "loues", "louees"]),
		"location de fichier",
		"location de fichiers",
		"achat de fichier",
		"achat de fichiers",
		"achat de leads",
		"courtier en fichiers",
	]),

	// A broker's word that an in-house sales list may also carry.
	// After the language lists, so that their own entries ("kvk-bestand", nl) keep their language.
	...entries("en", "scraped", REGISTER_PHRASES),

	...entries("en", "ambiguous", [
		"lead list",
		"leads list",
		"leadlist",
		"lead database",
		"prospect list",
		"prospects list",
		"cold list",
		"cold leads",
		"cold outreach",
	]),
	...entries("nl", "ambiguous", [
		"leadlijst",
		"leadbestand",
		"leadslijst",
		"prospectlijst",
		"prospectbestand",
		"koude leads",
		"koud bestand",
	]),
	...entries("de", "ambiguous", ["leadliste", "lead-liste", "interessentenliste", "kaltakquise"]),
	...entries("fr", "ambiguous", [
		"liste de leads",
		"liste de prospects",
		"fichier de prospects",
		"fichier prospects",
		"prospection a froid",
	]),
];

// Two passes, so "Lead list (gekocht bestand)" is read as purchased, not merely ambiguous.
const strongLexicon = compileLexicon(PHRASES.filter((entry) => entry.kind !== "ambiguous"));
const ambiguousLexicon = compileLexicon(PHRASES.filter((entry) => entry.kind === "ambiguous"));

export interface ListSourceMatch {
	kind: ListSourceKind;
	lang: Lang;
	/** The lexicon phrase that matched, folded. */
	phrase: string;
}

/**
 * What a list, owner or segment name says about where the addresses came
 * from: a bought or scraped source before a merely ambiguous one. Separators (`_`, `.`, `/`) count as spaces,
 * so `google_maps_export_2025` is read as words.
 */
export function matchListSource(text: string): ListSourceMatch | undefined {
	const folded = foldText(text.replace(/[_./\\|]+/gu, " "));
	if (folded === "") return undefined;
	const entry = strongLexicon.search(folded) ?? ambiguousLexicon.search(folded);
	return entry === undefined ? undefined : { kind: entry.kind, lang: entry.lang, phrase: foldText(entry.phrase) };
}

/** The lexicon as data, for documentation and tests. */
export const LIST_SOURCE_LEXICON = PHRASES;
