import { describe, expect, it } from "vitest";
import { SENSITIVE_CATEGORIES, type SensitiveCategory } from "../../src/campaign/types.js";
import {
	matchSensitiveCategories,
	matchWithoutNearMisses,
	NOT_SENSITIVE,
	SENSITIVE_LEXICON,
} from "../../src/lexicons/sensitive-categories.js";

const categoriesOf = (text: string, ignore?: string[]): SensitiveCategory[] =>
	matchSensitiveCategories(text, ignore).map((match) => match.category);

/** A word or phrase that each pattern must match: the pattern itself with its markers filled in. */
function exampleFor(pattern: string): string {
	return pattern
		.split(" ")
		.map((part) =>
			part.startsWith("*") ? `voor${part.slice(1)}` : part.endsWith("*") ? `${part.slice(0, -1)}en` : part,
		)
		.join(" ");
}

describe("SENSITIVE_LEXICON", () => {
	it("covers every category in nl, en, de and fr", () => {
		for (const category of SENSITIVE_CATEGORIES) {
			for (const lang of ["nl", "en", "de", "fr"] as const) {
				expect(SENSITIVE_LEXICON[category][lang]?.length ?? 0, `${category} ${lang}`).toBeGreaterThan(0);
			}
		}
	});

	// Every entry of every family: a word built from the pattern matches its own category.
	for (const category of SENSITIVE_CATEGORIES) {
		for (const [lang, patterns] of Object.entries(SENSITIVE_LEXICON[category])) {
			it(`${category} (${lang}): every entry matches`, () => {
				for (const pattern of patterns ?? []) {
					const example = exampleFor(pattern);
					expect(categoriesOf(`Lijst ${example} 2026`), `${pattern} → "${example}"`).toContain(category);
				}
			});
		}
	}
});

describe("matchSensitiveCategories: real list names", () => {
	const positives: Array<[string, SensitiveCategory, string]> = [
		// nl: the Dutch DPA's examples and their kin
		["Abonnees Reformatorisch Dagblad", "religious-or-philosophical-beliefs", "reformatorisch"],
		["Lezers Kerkblad Zuid", "religious-or-philosophical-beliefs", "kerkblad"],
		["Actie Kerkbalans 2026", "religious-or-philosophical-beliefs", "kerkbalans"],
		["Vrienden van de Westerkerk", "religious-or-philosophical-beliefs", "westerkerk"],
		["Parochie St. Jan", "religious-or-philosophical-beliefs", "parochie"],
		["Abonnees Turkstalige krant Zaman", "racial-or-ethnic-origin", "turkstalige"],
		["Turkse gemeenschap Rotterdam", "racial-or-ethnic-origin", "turkse"],
		["Leden COC Nederland", "sexual-orientation", "coc nederland"],
		["Homovereniging De Roze Draad", "sexual-orientation", "homovereniging"],
		["LHBTIQ+ netwerk", "sexual-orientation", "lhbtiq"],
		["FNV leden regio Oost", "trade-union-membership", "fnv"],
		["Vakbondsleden", "trade-union-membership", "vakbondsleden"],
		["Diabetesvereniging nieuwsbrief", "health", "diabetesvereniging"],
		["Hartpatiënten", "health", "hartpatienten"],
		["Zwangerschapsyoga", "health", "zwangerschapsyoga"],
		["PVV-kiezers", "political-opinions", "pvv"],
		["Ex-gedetineerden nazorg", "criminal", "ex-gedetineerden"],
		["DNA-test klanten", "genetic", "dna-test"],
		// en
		["Church newsletter", "religious-or-philosophical-beliefs", "church"],
		["Muslim community e-mails", "religious-or-philosophical-beliefs", "muslim"],
		["LGBTQ+ members", "sexual-orientation", "lgbtq"],
		["gayMembers", "sexual-orientation", "gay"],
		["Trade union reps", "trade-union-membership", "trade union"],
		["Cancer survivors network", "health", "cancer"],
		["People with a criminal record", "criminal", "criminal record"],
		["Labour Party members", "political-opinions", "labour party"],
		["Fingerprint enrolment", "biometric", "fingerprint"],
		// de
		["Kirchenzeitung Abonnenten", "religious-or-philosophical-beliefs", "kirchenzeitung"],
		["Pfarrkirche St. Maria", "religious-or-philosophical-beliefs", "pfarrkirche"],
		["Türkische Gemeinde", "racial-or-ethnic-origin", "turkische"],
		["Schwule Väter", "sexual-orientation", "schwule"],
		["Gewerkschaftsmitglieder", "trade-union-membership", "gewerkschaftsmitglieder"],
		["ver.di Mitglieder", "trade-union-membership", "ver.di"],
		["SPD Ortsverein", "political-opinions", "spd"],
		["Häftlinge Resozialisierung", "criminal", "haftlinge"],
		// fr
		["Paroissiens de Saint-Michel", "religious-or-philosophical-beliefs", "paroissiens"],
		["Abonnés du journal de l'Église", "religious-or-philosophical-beliefs", "eglise"],
		["Syndiqués CGT", "trade-union-membership", "syndiques"],
		["Association des diabétiques", "health", "diabetiques"],
		["Casier judiciaire vierge", "criminal", "casier judiciaire"],
		["Lesbiennes de Paris", "sexual-orientation", "lesbiennes"],
		["Lecteurs turcophones", "racial-or-ethnic-origin", "turcophones"],
		["Türkçe bülten", "racial-or-ethnic-origin", "turkce"],
		// health beyond the obvious words: HIV prevention and self-tests, insulin, IVF, dialysis, incontinence
		["PrEP reminder list", "health", "prep"],
		["Utilisateurs PrEP 2026", "health", "prep"],
		["Kopers hiv-zelftest", "health", "hiv"],
		["HIV self-test buyers", "health", "hiv"],
		["Kunden Insulinpumpen-Zubehör", "health", "insulinpumpen"],
		["Insuline pennen abonnees", "health", "insuline"],
		["IVF clinic enquiries", "health", "ivf"],
		["Dialyse patiënten nieuwsbrief", "health", "dialyse"],
		["Incontinence pads subscribers", "health", "incontinence"],
		["Hörgeräte-Kunden", "health", "horgerate"],
		// a sensitive word before a person noun still counts; only a thing noun after it makes it a product
		["Gay Feather fans club voor homo's", "sexual-orientation", "homo"],
		// a person noun between the word and the thing keeps it about people
		["Turkish customers flowers", "racial-or-ethnic-origin", "turkish"],
	];
	it.each(positives)("%s → %s (%s)", (text, category, word) => {
		const match = matchSensitiveCategories(text).find((found) => found.category === category);
		expect(match, JSON.stringify(matchSensitiveCategories(text))).toBeDefined();
		expect(match!.words).toContain(word);
	});

	it("reports every category a name suggests, each once, in lexicon order", () => {
		const matches = matchSensitiveCategories("Turkse moskee en Turks jongerenwerk");
		expect(matches.map((match) => match.category)).toEqual([
			"racial-or-ethnic-origin",
			"religious-or-philosophical-beliefs",
		]);
		expect(matches[0]!.words).toEqual(["turkse", "turks"]);
		expect(matches[1]).toMatchObject({ words: ["moskee"], patterns: ["moskee*"], languages: ["nl"] });
	});
});

describe("matchSensitiveCategories: near misses that must not match", () => {
	const nearMisses = [
		// church in a street or place name, not a church
		"Bewoners Parochiestraat",
		"Kerkplein 3",
		"Kerkweg-Oost",
		"Kerklaan",
		"Kerkrade",
		"Kirchstraße 12",
		"Kirchenstraße",
		"Kirchplatz",
		"Pfarrgasse",
		"Rue de l'Église",
		// Christmas is not church
		"Kerstmis actie",
		"Kerstmarkt",
		"Weihnachten 2026",
		"Weihnachtsmarkt",
		"Christmas sale",
		"Noël",
		// homogeneous is not homosexual; Homo sapiens is not either
		"Homogeen mengsel",
		"Homogenized milk",
		"Homologatie",
		"Homo sapiens expositie",
		"Lesbos vakantie",
		// a turkey is not Turkey; Turkish delight is a sweet
		"Kalkoen recepten",
		"Truthahn",
		"Turkey roasting tips",
		"Turkije reizen",
		"Turkish delight lovers",
		"Turks fruit",
		"Turks and Caicos deals",
		// Pride as a product name, trans- as a prefix
		"Pride hardloopschoenen",
		"Pride & Prejudice fans",
		"Transport",
		"Transactie",
		"Transfer",
		"Translation",
		"Transavia",
		// short acronyms and colours
		"SP",
		"PS",
		"LR",
		"Roze sokken",
		"Groene thee",
		// a French condominium association or tourist office, a credit union
		"Syndicat de copropriété",
		"Syndicat d'initiative",
		"Credit union members",
		// credibility, pickiness, contract parties
		"Geloofwaardig adviseren",
		"Wählerisch?",
		"Vertragsparteien",
		// golf handicap, patient as an adjective in another word
		"Golf handicap 10-20",
		"Impatient buyers",
		// "prep" in its ordinary sense: only the acronym PrEP, as written, is health data
		"Meal prep fans",
		"Prep cooks",
		"PREP SCHOOL open day",
		// a sensitive word naming a thing, not people: the plant Liatris "Gay Feather", Turkish tulips, Christian roses
		"Gay Feather buyers",
		"Kopers Liatris 'Gay Feather'",
		"Prachtscharte (Gay Feather) Samen",
		"Plumes gay feather",
		"Turkse tulpen",
		"Turkish tulips 2026",
		"Kurdish bean seeds buyers",
		// ordinary lists
		"Nieuwsbrief",
		"Klanten 2025",
		"Stammkunden",
		"Clients fidèles",
		"Disabled accounts",
		"Bakkerij de Kerk-uil",
		"Kerkuilen tellen",
		// words that contain a sensitive word but match no lexicon entry (so need no NOT_SENSITIVE entry)
		"Geloofwaardige reviewers",
		"Ongelooflijke deals",
		"Vertragsparteien",
		"Pools leren",
		"Cursus Pools",
	];
	it.each(nearMisses)("%s", (text) => {
		expect(matchSensitiveCategories(text)).toEqual([]);
	});

	// Each entry is there to stop a false alarm: the words it is written for must report nothing with it and would
	// be reported without it. An entry that does not match its words (a typo, a capital, a missing `*`), or that
	// stops nothing the lexicon would find, fails here; so does an entry without its words in this table.
	const nearMissFor: Record<string, string> = {
		"*straat": "Bewoners Parochiestraat",
		"*plein": "Bewoners Parochieplein",
		"*laan": "Bewoners Parochielaan",
		"*weg": "Bewoners Parochieweg",
		"*steeg": "Bewoners Parochiesteeg",
		"*pad": "Bewoners Parochiepad",
		"*gracht": "Bewoners Parochiegracht",
		"*singel": "Bewoners Parochiesingel",
		"*dijk": "Bewoners Parochiedijk",
		"*hof": "Bewoners Parochiehof",
		"*strasse": "Anwohner Kirchenstraße",
		"*platz": "Anwohner Kirchenplatz",
		"*gasse": "Anwohner Pfarrgasse",
		"*allee": "Anwohner Kirchenallee",
		"rue de l'eglise": "Habitants rue de l'Église",
		"place de l'eglise": "Habitants place de l'église",
		"turkish delight": "Turkish delight lovers",
		"turks fruit": "Liefhebbers Turks fruit",
		"turkish airlines": "Turkish Airlines flyers",
		"turkse pizza": "Turkse pizza bestellers",
		"turkse peper*": "Turkse pepers kopers",
		"turks and caicos": "Turks and Caicos travellers",
		"turks en caicos*": "Reizigers Turks en Caicoseilanden",
		"parish council*": "Parish council members",
		islamabad: "Islamabad office",
		"kerk-uil*": "Vrienden van de kerk-uil",
		"syndicat* de copropriete*": "Syndicat de copropriété Les Tilleuls",
		"syndicat* des coproprietaires": "Syndicat des copropriétaires",
		"syndicat* d'initiative": "Syndicat d'initiative de Honfleur",
		"syndicat* intercommunal*": "Syndicat intercommunal des eaux",
		"syndicat* mixte*": "Syndicat mixte du parc",
		"credit union member*": "Credit union members",
		"wahlerisch*": "Wählerische Kunden",
		"partei* des vertrags": "Parteien des Vertrags",
		"golf handicap*": "Golf handicap 12",
		"handicap golf*": "Handicap golfers",
		"cancer horoscope": "Cancer horoscope readers",
		"patient zero": "Patient zero",
		"impatien*": "Impatient buyers",
		"prisoner of war": "Prisoner of war museum visitors",
		"detenu par": "Compte détenu par la société",
		"detenus par": "Comptes détenus par la société",
		"homo sapiens": "Homo sapiens expo",
		lesbos: "Reizen Lesbos",
		"turks leren": "Turks leren",
		"cursus turks": "Cursus Turks",
	};
	it("has the words each NOT_SENSITIVE entry is written for", () => {
		expect(Object.keys(nearMissFor).sort()).toEqual([...NOT_SENSITIVE].sort());
	});
	it.each(NOT_SENSITIVE.map((pattern) => [pattern, nearMissFor[pattern] ?? "(none)"]))(
		"NOT_SENSITIVE %s: %s would be reported, and is not",
		(_pattern, text) => {
			expect(matchWithoutNearMisses(text).map((match) => match.category)).not.toEqual([]);
			expect(categoriesOf(text)).toEqual([]);
		},
	);
});

describe("matchSensitiveCategories: folding and ignore list", () => {
	it("folds case, diacritics and soft hyphens", () => {
		expect(categoriesOf("KERK\u00adBLAD")).toEqual(["religious-or-philosophical-beliefs"]);
		expect(categoriesOf("ÉGLISE")).toEqual(["religious-or-philosophical-beliefs"]);
		expect(categoriesOf("Lesbiennes")).toEqual(["sexual-orientation"]);
	});

	it("splits identifiers but keeps capitalised prose words whole", () => {
		expect(categoriesOf("kerkblad_abonnees")).toEqual(["religious-or-philosophical-beliefs"]);
		expect(categoriesOf("segmentGayMembers")).toEqual(["sexual-orientation"]);
		expect(categoriesOf("Leden GroenLinks")).toEqual(["political-opinions"]);
	});

	it("lets an organisation add its own near misses", () => {
		expect(categoriesOf("Pastoor van Arskliniek")).toEqual(["religious-or-philosophical-beliefs"]);
		expect(categoriesOf("Pastoor van Arskliniek", ["pastoor van arskliniek"])).toEqual([]);
		expect(categoriesOf("Kerk en Cultuur", ["kerk"])).toEqual([]);
	});

	it("stays fast on long, hostile input", () => {
		const text = `${"kerk".repeat(20_000)} ${"a-".repeat(20_000)} ${"homo ".repeat(5_000)}`;
		const started = performance.now();
		matchSensitiveCategories(text);
		expect(performance.now() - started).toBeLessThan(1_000);
	});
});
