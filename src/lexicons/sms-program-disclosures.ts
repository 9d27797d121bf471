/**
 * The disclosures US carriers expect in an SMS programme's opt-in
 * confirmation (CTIA), as programmes write them in English: the message
 * frequency, the "message and data rates may apply" notice, and a HELP
 * instruction. (The programme name is the declared sender's, and the STOP
 * instruction is `text-opt-out-wording`'s.)
 *
 * The carriers' own short forms count: "Msg freq varies", "4 msgs/mo",
 * "Msg&data rates may apply", "Reply HELP for help".
 *
 * Programmes that text in Spanish (many in the US) write them in Spanish:
 * "4 msjs/mes", "Cargos de msjs y datos pueden aplicar", "Envíe AYUDA para
 * asistencia". Only the forms of Twilio's requirements for a
 * Spanish-language short code are listed (the source read); other
 * phrasings ("Pueden aplicarse tarifas…") are not recognised.
 */
import { foldText } from "./lexicon.js";
import { guessLanguage } from "./subject-wording.js";
import { findKeywordInstruction } from "./text-opt-out-wording.js";

/**
 * How often messages come: a count per period ("4 msgs/month", "up to 2
 * texts per week", "1 message per order"), "recurring (automated) messages",
 * or "message frequency varies" / "msg freq varies".
 */
const FREQUENCY = [
	/\b(?:msg|message|text|sms)s? ?(?:freq|frequency)\b/iu,
	/\bfreq(?:uency)? (?:varies|may vary)\b/iu,
	/\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\+? ?(?:msgs?|messages?|texts?|alerts?|sms)(?: ?\/ ?| per | a | each | every )(?:day|wk|week|mo|mon|month|year|yr|order|transaction|request|purchase)\b/iu,
	/\brecurring (?:automated )?(?:msgs?|messages?|texts?|alerts?|sms)\b/iu,
	/\b(?:daily|weekly|monthly) (?:msgs?|messages?|texts?|alerts?)\b/iu,
];
/** The same count per period in Spanish, on folded text: "X msjs/mes", "X msjs/día" (Twilio's Spanish short-code wording). */
const FREQUENCY_ES =
	/\b(?:\d+|un|una|dos|tres|cuatro|cinco)\+? ?(?:msjs?|mensajes?)(?: ?\/ ?| por | al | a la )(?:dia|semana|mes)\b/u;

/** "Message and data rates may apply", "Msg&data rates may apply", "Std msg & data rates apply". */
const RATES = /\b(?:msg|message|sms)s? ?(?:&|and|\+) ?data ?rates? (?:may |might |will )?apply\b/iu;
/** "Cargos de mensajes y datos pueden aplicar", "Cargos de msjs y datos pueden aplicar", on folded text. */
const RATES_ES = /\bcargos de (?:msjs?|mensajes?) y datos pueden aplicar\b/u;

/** A HELP instruction: the keyword in capitals, or after a verb ("reply help for help", "text HELP"). */
const HELP = [/\bHELP\b/u, /\b(?:reply|text|txt|send|respond)(?: with)? ["'“]?help\b/iu];
/** The Spanish keyword AYUDA, in capitals or after a verb ("Envíe la palabra AYUDA", "responde ayuda"), on folded text but for the capitals. */
const HELP_ES = /\bAYUDA\b/u;
const HELP_ES_FOLDED = /\b(?:envie|envia|responde|responda|manda|mande)(?: la palabra| con)? ["']?ayuda\b/u;

export function hasFrequencyDisclosure(text: string): boolean {
	return FREQUENCY.some((pattern) => pattern.test(text)) || FREQUENCY_ES.test(foldText(text));
}

export function hasRatesDisclosure(text: string): boolean {
	return RATES.test(text) || RATES_ES.test(foldText(text));
}

export function hasHelpInstruction(text: string): boolean {
	return HELP.some((pattern) => pattern.test(text)) || HELP_ES.test(text) || HELP_ES_FOLDED.test(foldText(text));
}

/** The languages the disclosures are suggested in: the carriers' English, and Twilio's Spanish forms above. */
export type DisclosureLanguage = "en" | "es";

/** Words of a Spanish SMS that English, Dutch, German and French do not write. */
const SPANISH_WORDS: ReadonlySet<string> = new Set([
	"el",
	"los",
	"las",
	"del",
	"para",
	"por",
	"con",
	"una",
	"usted",
	"gracias",
	"bienvenido",
	"bienvenida",
	"bienvenidos",
	"hola",
	"mensajes",
	"ahora",
	"ofertas",
	"alertas",
	"suscrito",
	"suscrita",
]);

/**
 * The language to suggest the missing disclosures in: the `language` the
 * campaign facts declare (`es`, `es-US`; any other declared language gets
 * the carriers' English, the only other wording read); without one, Spanish
 * when the message already writes a disclosure in Spanish (AYUDA, ALTO,
 * "Cargos de msjs…", "4 msjs/mes"), opens a question or exclamation with
 * ¿ or ¡, or has two Spanish words and does not read as English.
 */
export function disclosureLanguage(text: string, declared: string | undefined): DisclosureLanguage {
	const primary = /^\s*([a-z]{2,3})(?:[-_]|\s*$)/iu.exec(declared ?? "")?.[1]?.toLowerCase();
	if (primary !== undefined) return primary === "es" ? "es" : "en";
	const folded = foldText(text);
	const keyword = findKeywordInstruction(text)
		?.keyword.replace(/["'“‘”’]/gu, "")
		.toUpperCase();
	if (
		keyword === "ALTO" ||
		FREQUENCY_ES.test(folded) ||
		RATES_ES.test(folded) ||
		HELP_ES.test(text) ||
		HELP_ES_FOLDED.test(folded) ||
		/[¡¿]/u.test(text)
	)
		return "es";
	const spanish = new Set(folded.split(/\P{L}+/u).filter((word) => SPANISH_WORDS.has(word)));
	return spanish.size >= 2 && guessLanguage(text) !== "en" ? "es" : "en";
}
