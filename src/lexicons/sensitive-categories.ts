/**
 * Words in list, segment and owner names that suggest the people on the list
 * share a special category of personal data (GDPR art. 9(1)) or criminal data
 * (art. 10): the subscribers of a church magazine, of a Turkish-language
 * paper, the members of a gay association or a trade union.
 *
 * Precision matters as much as recall, so matching is by whole words, never
 * by substring: Dutch and German write compounds as one word, and a stem that
 * runs into the next word part is how "kerk*" would match Kerkstraat and
 * "homo*" homogeen. Compounds are therefore listed explicitly, by their head
 * (`kerkblad*`, `kirchen*`) or by their tail (`*kirche` for Pfarrkirche), and
 * the near-miss list below removes what still slips through (street names,
 * Turkish delight, golf handicaps). Christmas (kerstmis, Weihnachten) is not
 * in the lexicon: a Christmas offer says nothing about anyone's faith.
 *
 * Pattern syntax (every pattern is folded with `foldText` at load):
 * - `word`: the whole word;
 * - `stem*`: a word that starts with the stem;
 * - `*tail`: a word that ends with the tail (the head of a Dutch or German compound);
 * - words separated by a space, `-` or `.`: consecutive words, each a pattern
 *   (`trade union*`, `burn-out`, `ver.di`).
 *
 * Matching cost: the text is split into words once; each word is looked up
 * in hash maps by each of its prefixes and suffixes up to the longest pattern,
 * and each phrase is tried at each word. That is linear in the text for a
 * fixed lexicon, with no regular expression per entry and no backtracking.
 */
import type { SensitiveCategory } from "../campaign/types.js";
import { foldText } from "./lexicon.js";

export type SensitiveLanguage = "nl" | "en" | "de" | "fr" | "any";

export type SensitiveLexicon = Readonly<
	Record<SensitiveCategory, Readonly<Partial<Record<SensitiveLanguage, readonly string[]>>>>
>;

export const SENSITIVE_LEXICON: SensitiveLexicon = {
	"racial-or-ethnic-origin": {
		// A language is a proxy for origin: the Dutch DPA's example is the subscriber file of a Turkish-language paper.
		nl: [
			"etnisch*",
			"etniciteit*",
			"allochto*",
			"migrant*",
			"migranten*",
			"turks",
			"turkse",
			"turkstalig*",
			"marokkaan*",
			"surinaams*",
			"surinaamse",
			"surinamer*",
			"antilli*",
			"koerd*",
			"poolse",
			"poolstalig*",
			"arabischtalig*",
			"sinti",
			"roma en sinti",
			"diaspora",
		],
		en: [
			"ethnic*",
			"racial*",
			"bame",
			"hispanic*",
			"latino*",
			"latina*",
			"latinx",
			"migrant*",
			"immigrant*",
			"diaspora",
			"turkish",
			"kurdish",
			"kurds",
			"afro-caribbean",
			"african american*",
			"black-owned",
			"travellers community",
		],
		de: [
			"ethnisch*",
			"migrationshintergrund",
			"migrant*",
			"turkisch*",
			"turkeistammig*",
			"turkischsprachig*",
			"kurde",
			"kurden",
			"kurdisch*",
			"sinti",
			"sinti und roma",
		],
		fr: [
			"ethni*",
			"immigre*",
			"immigres",
			"maghreb*",
			"turc",
			"turque*",
			"turcs",
			"turcophone*",
			"kurde*",
			"arabophone*",
			"diaspora",
		],
		any: ["turkce"],
	},
	"political-opinions": {
		// Party acronyms of two letters (SP, PS, LR) and ambiguous ones (BBB, Volt) are left out on purpose.
		nl: [
			"politieke partij*",
			"partijlid",
			"partijleden",
			"partijcongres*",
			"partijblad*",
			"kiezer*",
			"pvv",
			"vvd",
			"d66",
			"groenlinks",
			"groen links",
			"pvda",
			"gl-pvda",
			"cda",
			"fvd",
			"sgp",
			"christenunie",
			"pvdd",
			"ja21",
			"partij voor de dieren",
			"forum voor democratie",
		],
		en: [
			"political",
			"party member*",
			"democrats",
			"republicans",
			"democratic party",
			"republican party",
			"labour party",
			"labour members",
			"tory",
			"tories",
			"conservative party",
			"lib dem*",
			"liberal democrats",
			"voter*",
			"gop",
			"maga",
		],
		de: [
			"partei*",
			"cdu",
			"csu",
			"spd",
			"afd",
			"fdp",
			"linkspartei",
			"die linke",
			"die grunen",
			"bundnis 90*",
			"wahler*",
			"wahlerinnen",
		],
		fr: [
			"parti* politique*",
			"militant*",
			"electeur*",
			"electrice*",
			"insoumis*",
			"rassemblement national",
			"la france insoumise",
		],
	},
	"religious-or-philosophical-beliefs": {
		nl: [
			"kerk",
			"kerken",
			"kerkelijk*",
			"kerkblad*",
			"kerkbode*",
			"kerknieuws*",
			"kerkgemeen*",
			"kerkdienst*",
			"kerkkoor*",
			"kerkenraad*",
			"kerkbalans",
			"kerkgangers",
			"*kerk",
			"parochie*",
			"geloof",
			"gelovig*",
			"geloofsgemeenschap*",
			"geloofsovertuiging*",
			"christelijk*",
			"christen",
			"christenen",
			"christendom",
			"katholie*",
			"protestant*",
			"gereformeerd*",
			"hervormd*",
			"reformatorisch*",
			"evangelisch*",
			"moskee*",
			"islam*",
			"moslim*",
			"synagoge*",
			"joods*",
			"jodendom",
			"hindoe*",
			"boeddhis*",
			"halal",
			"koosjer",
			"ramadan",
			"bijbel*",
			"humanist*",
			"imam",
			"imams",
			"rabbijn*",
			"dominee*",
			"pastoor*",
		],
		en: [
			"church",
			"churches",
			"churchgoer*",
			"parish*",
			"faith-based",
			"faith community",
			"interfaith",
			"christians",
			"christianity",
			"catholic*",
			"protestant*",
			"evangelical*",
			"mosque*",
			"muslim*",
			"islamic",
			"jewish",
			"synagogue*",
			"kosher",
			"halal",
			"hindu*",
			"sikh*",
			"buddhis*",
			"bible*",
			"atheis*",
			"congregation*",
			"diocese*",
			"quaker*",
			"mormon*",
			"ramadan",
		],
		de: [
			"kirche",
			"kirchen*",
			"kirchlich*",
			"*kirche",
			"kirchgemeinde*",
			"pfarr*",
			"christlich*",
			"katholisch*",
			"evangelisch*",
			"freikirch*",
			"konfession*",
			"glaubensgemeinschaft*",
			"moschee*",
			"muslim*",
			"islam*",
			"judisch*",
			"synagoge*",
			"koscher",
			"halal",
			"bibel*",
			"buddhis*",
			"hindu*",
			"atheis*",
		],
		fr: [
			"eglise*",
			"paroiss*",
			"chretien*",
			"catholique*",
			"protestant*",
			"evangelique*",
			"mosquee*",
			"musulman*",
			"islam*",
			"juif",
			"juifs",
			"juive*",
			"judaisme",
			"synagogue*",
			"kasher",
			"casher",
			"halal",
			"bible*",
			"bouddhis*",
			"hindou*",
			"diocese*",
			"athee",
			"athees",
		],
	},
	"trade-union-membership": {
		nl: ["vakbond*", "vakbeweging", "fnv", "cnv"],
		en: [
			"trade union*",
			"labor union*",
			"labour union*",
			"union member*",
			"unionized",
			"unionised",
			"teamsters",
			"afl-cio",
		],
		de: ["gewerkschaft*", "ver.di", "ig metall", "ig bce", "dgb"],
		fr: ["syndicat*", "syndique*", "syndical*", "cgt", "cfdt", "cfe-cgc"],
	},
	genetic: {
		nl: [
			"genetisch*",
			"erfelijk*",
			"gentest*",
			"dna-test*",
			"dnatest*",
			"dna-onderzoek*",
			"dna-analyse*",
			"dna-profiel*",
			"genoom*",
		],
		en: [
			"genetic*",
			"genome*",
			"genomic*",
			"dna test*",
			"dna kit*",
			"ancestry dna",
			"ancestry test*",
			"23andme",
			"hereditary",
		],
		de: ["genetisch*", "gentest*", "erbkrank*", "dna-test*", "gendiagnostik*"],
		fr: ["genetique*", "test* adn", "genome*"],
	},
	biometric: {
		nl: ["biometri*", "vingerafdruk*", "gezichtsherkenning*", "irisscan*"],
		en: ["biometric*", "fingerprint*", "facial recognition", "face recognition", "iris scan*", "voiceprint*"],
		de: ["biometri*", "fingerabdru*", "gesichtserkennung*"],
		fr: ["biometri*", "empreinte* digitale*", "reconnaissance faciale"],
	},
	health: {
		nl: [
			"insuline*",
			"dialyse*",
			"chemotherap*",
			"chemokuur*",
			"incontinen*",
			"stoma*",
			"hoortoestel*",
			"migraine*",
			"menopauze*",
			"endometriose",
			"crohn*",
			"coeliakie",
			"hepatitis",
			"diabet*",
			"suikerziekte",
			"zwanger*",
			"kanker*",
			"hiv",
			"depress*",
			"burn-out",
			"burnout",
			"ggz",
			"verslav*",
			"patient*",
			"*patient",
			"*patienten",
			"gehandicapt*",
			"handicap*",
			"rolstoel*",
			"ivf",
			"vruchtbaarheid*",
			"onvruchtbaar*",
			"dementie*",
			"alzheimer*",
			"autis*",
			"adhd",
			"chronisch ziek*",
			"reuma*",
			"astma*",
			"epilep*",
			"psychiatr*",
			"revalidatie*",
			"parkinson*",
		],
		en: [
			"insulin*",
			"dialysis",
			"chemotherap*",
			"incontinen*",
			"stoma*",
			"hearing aid*",
			"migraine*",
			"menopaus*",
			"endometriosis",
			"crohn*",
			"coeliac*",
			"celiac*",
			"hepatitis",
			"glucose monitor*",
			"diabet*",
			"pregnan*",
			"cancer*",
			"hiv",
			"depress*",
			"mental health",
			"rehab*",
			"addiction*",
			"patient*",
			"disabilit*",
			"disabled people",
			"wheelchair*",
			"ivf",
			"fertility",
			"infertil*",
			"dementia",
			"alzheimer*",
			"autis*",
			"adhd",
			"chronic illness*",
			"chronic pain",
			"oncology",
			"hearing loss",
			"asthma*",
			"epilep*",
			"parkinson*",
			"multiple sclerosis",
			"psychiatr*",
			"erectile dysfunction",
		],
		de: [
			"insulin*",
			"dialyse*",
			"chemotherap*",
			"inkontinenz*",
			"stoma*",
			"horgerat*",
			"migrane*",
			"wechseljahr*",
			"endometriose",
			"morbus crohn",
			"zoliakie",
			"hepatitis",
			"diabet*",
			"schwanger*",
			"krebs",
			"krebskrank*",
			"krebserkrank*",
			"krebspatient*",
			"hiv",
			"depression*",
			"suchtkrank*",
			"suchtberatung*",
			"suchthilfe",
			"patient*",
			"behinder*",
			"rollstuhl*",
			"kinderwunsch*",
			"demenz*",
			"autis*",
			"adhs",
			"psychiatr*",
			"chronisch krank*",
			"reha",
			"epilep*",
			"pflegebedurftig*",
		],
		fr: [
			"insuline*",
			"dialyse*",
			"chimiotherap*",
			"incontinen*",
			"stomie*",
			"appareil* auditif*",
			"migraine*",
			"menopause*",
			"endometriose",
			"maladie de crohn",
			"maladie coeliaque",
			"hepatite*",
			"diabet*",
			"femme* enceinte*",
			"grossesse*",
			"cancer*",
			"vih",
			"sida",
			"depression*",
			"addiction*",
			"patient*",
			"handicap*",
			"fiv",
			"demence*",
			"autis*",
			"alzheimer*",
			"maladie* chronique*",
			"sante mentale",
		],
	},
	"sex-life": {
		nl: ["eroti*", "seksspeel*", "seksshop*", "swinger*", "sekswerk*"],
		en: ["eroti*", "sex toy*", "sex shop*", "sexshop*", "swinger*", "bdsm", "fetish*", "sex work*"],
		de: ["eroti*", "sexspielzeug*", "sexshop*", "swinger*", "sexarbeit*"],
		fr: ["eroti*", "sextoy*", "libertin*"],
	},
	"sexual-orientation": {
		// `homo*` would match homogeen and homogenized; the compounds are listed instead.
		nl: [
			"homo",
			"homos",
			"homoseksu*",
			"homofiel*",
			"homobar*",
			"homoclub*",
			"homovereniging*",
			"homostel*",
			"biseks*",
			"lhbt*",
			"lhbti*",
			"coc nederland",
			"roze zaterdag",
			"transgender*",
			"transseks*",
			"transpersonen",
		],
		en: [
			"gay",
			"gays",
			"lesb*",
			"homosexu*",
			"bisexu*",
			"lgbt*",
			"queer*",
			"transgender*",
			"transsexu*",
			"gay pride",
			"pride month",
			"pride parade",
		],
		de: [
			"schwul*",
			"lesb*",
			"homosexu*",
			"bisexu*",
			"lsbti*",
			"lgbt*",
			"queer*",
			"christopher street day",
			"csd",
			"transgender*",
		],
		fr: ["gay", "gays", "lesbienne*", "homosexu*", "bisexu*", "lgbt*", "queer*", "transgenre*", "marche des fiertes"],
	},
	criminal: {
		nl: [
			"strafblad*",
			"veroordeelde*",
			"ex-gedetineerd*",
			"gedetineerd*",
			"reclassering*",
			"tbs",
			"tbs-kliniek*",
			"gevangene*",
			"justitiabel*",
		],
		en: [
			"criminal record*",
			"convicts",
			"convicted",
			"ex-convict*",
			"offender*",
			"inmate*",
			"parolee*",
			"on parole",
			"parole board",
			"on probation",
			"probation service",
			"prisoner*",
			"felon*",
			"incarcerat*",
		],
		de: [
			"vorbestraft*",
			"vorstrafe*",
			"straftater*",
			"haftling*",
			"strafgefangen*",
			"justizvollzug*",
			"straffallig*",
			"bewahrungshelfer*",
			"bewahrungsstraf*",
			"auf bewahrung",
		],
		fr: [
			"casier* judiciaire*",
			"condamne",
			"condamnes",
			"condamnee*",
			"detenus",
			"detenu",
			"ancien* detenu*",
			"liberation conditionnelle",
			"prisonnier*",
		],
	},
};

/**
 * Words and phrases that contain or look like a sensitive word and are not
 * one. A lexicon hit that lies within one of these is dropped. Street-type
 * tails catch compounds named after a church or parish (Kerkstraat,
 * Kirchenstraße, Pfarrgasse), which say where someone lives, not what they believe.
 */
export const NOT_SENSITIVE: readonly string[] = [
	// Streets, squares and lanes: nl, de, fr.
	"*straat",
	"*plein",
	"*laan",
	"*weg",
	"*steeg",
	"*pad",
	"*gracht",
	"*singel",
	"*dijk",
	"*hof",
	"*strasse",
	"*platz",
	"*gasse",
	"*allee",
	"rue de l'eglise",
	"place de l'eglise",
	// Food and trade names.
	"turkish delight",
	"turks fruit",
	"turkish airlines",
	"turkse pizza",
	"turkse peper*",
	"turks and caicos",
	"turks en caicos*",
	// Not beliefs.
	"parish council*",
	"islamabad",
	// A barn owl (Kerk-uil; "kerkuil" as one word matches no entry) nests in churches but does not attend them.
	"kerk-uil*",
	// Not trade unions: a French property-owners' association and tourist office, a credit union.
	"syndicat* de copropriete*",
	"syndicat* des coproprietaires",
	"syndicat* d'initiative",
	"syndicat* intercommunal*",
	"syndicat* mixte*",
	"credit union member*",
	// Not parties or voters.
	"wahlerisch*",
	"partei* des vertrags",
	// Not health.
	"golf handicap*",
	"handicap golf*",
	"cancer horoscope",
	"patient zero",
	"impatien*",
	// Not criminal.
	"prisoner of war",
	"detenu par",
	"detenus par",
	// Not orientation: Homo sapiens, the island of Lesbos.
	"homo sapiens",
	"lesbos",
	// Not ethnic origin: a Turkish language course is about the language, not the learner.
	"turks leren",
	"cursus turks",
];

/**
 * Acronyms that are sensitive only in their own spelling, matched on the
 * text as written: "PrEP" (HIV pre-exposure prophylaxis) is health data,
 * "meal prep" and "prep school" are not.
 */
export const CASE_SENSITIVE_TERMS: Readonly<Partial<Record<SensitiveCategory, readonly string[]>>> = {
	health: ["PrEP"],
};

/**
 * Nouns for things (plants, seeds, bulbs, flowers, feathers) rather than
 * people. A sensitive word right before one names a product, not the people
 * who buy it: "Gay Feather" is the plant Liatris, "Turkse tulpen" are tulips.
 * This is the general rule behind such names, so that no plant or product
 * needs its own exception.
 */
export const THING_NOUNS: readonly string[] = [
	"feather",
	"feathers",
	"flower",
	"flowers",
	"plant",
	"plants",
	"bulb",
	"bulbs",
	"seed",
	"seeds",
	"tulip",
	"tulips",
	"rose",
	"roses",
	"shrub",
	"shrubs",
	"perennial",
	"perennials",
	"cultivar",
	"veer",
	"veren",
	"bloem",
	"bloemen",
	"plant",
	"planten",
	"bol",
	"bollen",
	"zaad",
	"zaden",
	"tulp",
	"tulpen",
	"roos",
	"rozen",
	"struik",
	"struiken",
	"vaste planten",
	"feder",
	"federn",
	"blume",
	"blumen",
	"pflanze",
	"pflanzen",
	"zwiebel",
	"zwiebeln",
	"samen",
	"tulpe",
	"tulpen",
	"rose",
	"rosen",
	"staude",
	"stauden",
	"strauch",
	"plume",
	"plumes",
	"fleur",
	"fleurs",
	"plante",
	"plantes",
	"bulbe",
	"bulbes",
	"graine",
	"graines",
	"tulipe",
	"tulipes",
	"rosier",
	"rosiers",
	"vivace",
	"vivaces",
];
const THING_NOUN_SET: ReadonlySet<string> = new Set(THING_NOUNS.map((noun) => foldText(noun)));

/** Words for people: "Turkish customers' flowers" is about the customers, so a thing noun after one of these does not count. */
const PERSON_NOUNS: ReadonlySet<string> = new Set(
	[
		"customers",
		"clients",
		"members",
		"buyers",
		"readers",
		"users",
		"subscribers",
		"community",
		"people",
		"families",
		"students",
		"patients",
		"klanten",
		"leden",
		"kopers",
		"lezers",
		"gebruikers",
		"abonnees",
		"gemeenschap",
		"mensen",
		"families",
		"studenten",
		"kunden",
		"mitglieder",
		"kaufer",
		"leser",
		"nutzer",
		"abonnenten",
		"gemeinde",
		"menschen",
		"familien",
		"membres",
		"acheteurs",
		"lecteurs",
		"utilisateurs",
		"abonnes",
		"communaute",
		"gens",
		"familles",
		"etudiants",
	].map((noun) => foldText(noun)),
);

/** Whether the words right after a hit name a thing: "Gay Feather", "Kurdish bean seeds" (a thing noun within two words, none of them a person noun). */
function namesAThing(words: ReadonlyArray<{ text: string }>, after: number): boolean {
	for (let index = after; index < Math.min(words.length, after + 2); index++) {
		const word = words[index]!.text;
		if (PERSON_NOUNS.has(word)) return false;
		if (THING_NOUN_SET.has(word)) return true;
	}
	return false;
}

/* ------------------------------------------------------------------------ */
/* Compilation                                                              */
/* ------------------------------------------------------------------------ */

type WordPattern = { kind: "word" | "stem" | "tail"; text: string };

interface Entry<Value> {
	/** The pattern as written in the lexicon. */
	pattern: string;
	words: readonly WordPattern[];
	value: Value;
}

interface Index<Value> {
	exact: Map<string, Array<Entry<Value>>>;
	stems: Map<string, Array<Entry<Value>>>;
	tails: Map<string, Array<Entry<Value>>>;
	phrases: Array<Entry<Value>>;
	/** The longest stem or tail, which bounds the prefixes and suffixes a word is looked up by. */
	longest: number;
}

/** Splits folded text into words; `-`, `.` and `'` separate words like spaces do. */
const WORD = /[\p{L}\p{N}]+/gu;

function toWords(folded: string): Array<{ text: string; start: number; end: number }> {
	return Array.from(folded.matchAll(WORD), (match) => ({
		text: match[0],
		start: match.index,
		end: match.index + match[0].length,
	}));
}

function parsePattern(pattern: string): WordPattern[] {
	const folded = foldText(pattern);
	// The `*` markers are not word characters; keep them on the word they belong to.
	return folded
		.split(/[\s\-.']+/u)
		.filter((part) => part !== "")
		.map((part): WordPattern => {
			if (part.startsWith("*")) return { kind: "tail", text: part.slice(1) };
			if (part.endsWith("*")) return { kind: "stem", text: part.slice(0, -1) };
			return { kind: "word", text: part };
		});
}

function addTo<Value>(map: Map<string, Array<Entry<Value>>>, key: string, entry: Entry<Value>): void {
	const list = map.get(key);
	if (list) list.push(entry);
	else map.set(key, [entry]);
}

function buildIndex<Value>(list: ReadonlyArray<{ pattern: string; value: Value }>): Index<Value> {
	const index: Index<Value> = { exact: new Map(), stems: new Map(), tails: new Map(), phrases: [], longest: 0 };
	for (const { pattern, value } of list) {
		const words = parsePattern(pattern);
		if (words.length === 0 || words.some((word) => word.text === "" || /[^\p{L}\p{N}]/u.test(word.text))) {
			throw new Error(`Bad sensitive-category pattern: ${JSON.stringify(pattern)}`);
		}
		const entry: Entry<Value> = { pattern, words, value };
		if (words.length > 1) {
			index.phrases.push(entry);
			continue;
		}
		const [word] = words as [WordPattern];
		if (word.kind === "word") addTo(index.exact, word.text, entry);
		else addTo(word.kind === "stem" ? index.stems : index.tails, word.text, entry);
		if (word.kind !== "word") index.longest = Math.max(index.longest, word.text.length);
	}
	return index;
}

function wordMatches(pattern: WordPattern, word: string): boolean {
	switch (pattern.kind) {
		case "word":
			return word === pattern.text;
		case "stem":
			return word.startsWith(pattern.text);
		default:
			return word.endsWith(pattern.text);
	}
}

interface Hit<Value> {
	entry: Entry<Value>;
	/** Index of the first and the last word covered. */
	first: number;
	last: number;
}

function findHits<Value>(index: Index<Value>, words: ReadonlyArray<{ text: string }>): Array<Hit<Value>> {
	const hits: Array<Hit<Value>> = [];
	for (let i = 0; i < words.length; i++) {
		const word = words[i]!.text;
		for (const entry of index.exact.get(word) ?? []) hits.push({ entry, first: i, last: i });
		const bound = Math.min(word.length, index.longest);
		for (let length = 1; length <= bound; length++) {
			for (const entry of index.stems.get(word.slice(0, length)) ?? []) hits.push({ entry, first: i, last: i });
			for (const entry of index.tails.get(word.slice(word.length - length)) ?? [])
				hits.push({ entry, first: i, last: i });
		}
		for (const entry of index.phrases) {
			const last = i + entry.words.length - 1;
			if (last >= words.length) continue;
			if (entry.words.every((pattern, offset) => wordMatches(pattern, words[i + offset]!.text)))
				hits.push({ entry, first: i, last });
		}
	}
	return hits;
}

interface LexiconValue {
	category: SensitiveCategory;
	lang: SensitiveLanguage;
}

const SENSITIVE_INDEX = buildIndex<LexiconValue>(
	Object.entries(SENSITIVE_LEXICON).flatMap(([category, languages]) =>
		Object.entries(languages).flatMap(([lang, patterns]) =>
			(patterns ?? []).map((pattern) => ({
				pattern,
				value: { category: category as SensitiveCategory, lang: lang as SensitiveLanguage },
			})),
		),
	),
);

const NOT_SENSITIVE_INDEX = buildIndex(NOT_SENSITIVE.map((pattern) => ({ pattern, value: null })));

/* ------------------------------------------------------------------------ */
/* Matching                                                                 */
/* ------------------------------------------------------------------------ */

export interface SensitiveMatch {
	category: SensitiveCategory;
	/** The words of the text that matched, folded (`kerkblad`, `trade union`). */
	words: string[];
	/** The lexicon patterns that matched, as written (`kerkblad*`). */
	patterns: string[];
	languages: SensitiveLanguage[];
}

/**
 * Names written as identifiers (`gayMembers`, `kerkblad_abonnees`) are split
 * into words; names with spaces are prose and keep their capitals
 * (GroenLinks, ChristenUnie) as one word.
 */
function prepare(text: string): string {
	const spaced = /\s/u.test(text.trim())
		? text
		: text.replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, "$1 $2").replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, "$1 $2");
	return foldText(spaced);
}

/**
 * The special categories a name suggests, one result per category in lexicon
 * order, each with the words that triggered it. `ignore` lists extra
 * near-miss patterns (same syntax as the lexicon) for one organisation.
 */
export function matchSensitiveCategories(text: string, ignore: readonly string[] = []): SensitiveMatch[] {
	return matchLexicon(text, ignore, true);
}

/**
 * What the lexicon alone finds, without the NOT_SENSITIVE near misses: the
 * tests show with it that each near miss stops a finding that would be made.
 */
export function matchWithoutNearMisses(text: string): SensitiveMatch[] {
	return matchLexicon(text, [], false);
}

function matchLexicon(text: string, ignore: readonly string[], nearMisses: boolean): SensitiveMatch[] {
	const folded = prepare(text);
	const words = toWords(folded);
	if (words.length === 0) return [];
	const hits = findHits(SENSITIVE_INDEX, words);
	const acronyms = findCaseSensitiveTerms(text);
	if (hits.length === 0 && acronyms.length === 0) return [];
	const excluded = nearMisses ? findHits(NOT_SENSITIVE_INDEX, words) : [];
	if (ignore.length > 0) for (const hit of findHits(ignoreIndex(ignore), words)) excluded.push(hit);
	const byCategory = new Map<SensitiveCategory, SensitiveMatch>();
	for (const hit of hits) {
		if (excluded.some((exclusion) => exclusion.first <= hit.first && hit.last <= exclusion.last)) continue;
		// "Gay Feather", "Turkse tulpen", "Kurdish bean seeds": the word describes a thing, not the people on the list.
		if (namesAThing(words, hit.last + 1)) continue;
		const { category, lang } = hit.entry.value;
		const matched = folded.slice(words[hit.first]!.start, words[hit.last]!.end);
		let match = byCategory.get(category);
		if (!match) {
			match = { category, words: [], patterns: [], languages: [] };
			byCategory.set(category, match);
		}
		if (!match.words.includes(matched)) match.words.push(matched);
		if (!match.patterns.includes(hit.entry.pattern)) match.patterns.push(hit.entry.pattern);
		if (!match.languages.includes(lang)) match.languages.push(lang);
	}
	for (const { category, term } of acronyms) {
		const match = byCategory.get(category) ?? { category, words: [], patterns: [], languages: [] };
		byCategory.set(category, match);
		if (!match.words.includes(term.toLowerCase())) match.words.push(term.toLowerCase());
		if (!match.patterns.includes(term)) match.patterns.push(term);
		if (!match.languages.includes("any")) match.languages.push("any");
	}
	const order = Object.keys(SENSITIVE_LEXICON);
	return [...byCategory.values()].sort((a, b) => order.indexOf(a.category) - order.indexOf(b.category));
}

const CASE_SENSITIVE_PATTERNS = Object.entries(CASE_SENSITIVE_TERMS).flatMap(([category, terms]) =>
	(terms ?? []).map((term) => ({
		category: category as SensitiveCategory,
		term,
		pattern: new RegExp(
			String.raw`(?<![\p{L}\p{N}])${term.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&")}(?![\p{L}\p{N}])`,
			"u",
		),
	})),
);

/** The case-sensitive acronyms in a name, as written (no folding: "PrEP" is not "prep"). */
function findCaseSensitiveTerms(text: string): Array<{ category: SensitiveCategory; term: string }> {
	return CASE_SENSITIVE_PATTERNS.filter(({ pattern }) => pattern.test(text));
}

const ignoreIndexes = new Map<string, Index<null>>();

/** The user's ignore list, compiled once per distinct list. */
function ignoreIndex(ignore: readonly string[]): Index<null> {
	const key = ignore.join("\u0000");
	let index = ignoreIndexes.get(key);
	if (!index) {
		index = buildIndex(ignore.map((pattern) => ({ pattern, value: null })));
		ignoreIndexes.set(key, index);
	}
	return index;
}

/** Human wording of each category, for messages. */
export const SENSITIVE_CATEGORY_LABELS: Readonly<Record<SensitiveCategory, string>> = {
	"racial-or-ethnic-origin": "racial or ethnic origin",
	"political-opinions": "political opinions",
	"religious-or-philosophical-beliefs": "religious or philosophical beliefs",
	"trade-union-membership": "trade-union membership",
	genetic: "genetic data",
	biometric: "biometric data",
	health: "health",
	"sex-life": "sex life",
	"sexual-orientation": "sexual orientation",
	criminal: "criminal convictions and offences",
};

/** The GDPR article that makes a category special: 9(1), or 10 for criminal data. */
export function sensitiveArticle(category: SensitiveCategory): string {
	return category === "criminal" ? "art. 10" : "art. 9(1)";
}
