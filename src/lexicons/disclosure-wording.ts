/**
 * Wording that discloses who a mail is sent for and why the reader gets it,
 * in nl, en, de and fr:
 * - `on-behalf`: "namens", "on behalf of", "im Auftrag von", "au nom de",
 *   "pour le compte de" (CRTC Regulations s.2(1)(b) and Tw 11.7: an agency
 *   that sends must say for whom);
 * - `reason`: "u ontvangt deze e-mail omdat", "you are receiving this e-mail
 *   because", "Sie erhalten diese E-Mail, weil", "vous recevez cet e-mail car"
 *   (GDPR art. 14: a reader whose address came from a third party must learn
 *   where it came from, at the latest with the first mail);
 * - `imprint`: a link to the legal notice ("Impressum", "imprint", "mentions
 *   légales", "colofon"), which German commentary accepts for the Impressum duty.
 *
 * Folding, word boundaries and phrase compilation are shared with the
 * unsubscribe lexicon (`compileLexicon`).
 */
import { combine, compileLexicon, foldText, type CompiledLexicon, type LexiconEntry } from "./lexicon.js";

export type DisclosureLanguage = "nl" | "en" | "de" | "fr";
export type DisclosureKind = "on-behalf" | "reason" | "imprint";

function entries(
	lang: DisclosureLanguage,
	kind: DisclosureKind,
	phrases: readonly string[],
): Array<LexiconEntry<DisclosureLanguage, DisclosureKind>> {
	// `combine` joins parts with a space; a part that starts with a comma ("…, weil") attaches to the word before.
	return phrases.map((phrase) => ({ lang, kind, phrase: phrase.replaceAll(" ,", ",") }));
}

/** The message the reason is about: a mail, or a text message (SMS, WhatsApp), which the same duty reaches. */
const MAIL_NL = [
	"deze e-mail",
	"deze mail",
	"dit bericht",
	"dit e-mailbericht",
	"deze nieuwsbrief",
	"deze sms",
	"dit sms-bericht",
	"dit sms'je",
	"dit whatsapp-bericht",
	"dit whatsappbericht",
];
const MAIL_EN = [
	"this e-mail",
	"this mail",
	"this message",
	"this newsletter",
	"these e-mails",
	"these mails",
	"this",
	"this text",
	"this text message",
	"this sms",
	"these texts",
	"this whatsapp message",
];
const MAIL_DE = [
	"diese e-mail",
	"diese mail",
	"diese nachricht",
	"diesen newsletter",
	"diese sms",
	"diese whatsapp-nachricht",
	"diese whatsapp nachricht",
];
const MAIL_FR = [
	"cet e-mail",
	"cet mail",
	"ce mail",
	"ce message",
	"cette newsletter",
	"cette lettre d'information",
	"ce courriel",
	"ce sms",
	"ce texto",
	"ce message whatsapp",
];

const PHONE_EN = ["your number", "your phone number", "your mobile number", "your cell phone number"];

const ON_BEHALF = [
	...entries("nl", "on-behalf", ["namens", "in opdracht van", "uit naam van"]),
	...entries("en", "on-behalf", ["on behalf of", "on the behalf of"]),
	...entries("de", "on-behalf", combine(["im auftrag", "im namen"], ["von", "der", "des"])),
	...entries("fr", "on-behalf", [
		"au nom de",
		"au nom d'",
		"pour le compte de",
		"pour le compte d'",
		"de la part de",
		"de la part d'",
	]),
];

const REASON = [
	...entries("nl", "reason", [
		...combine(["u ontvangt", "je ontvangt", "jij ontvangt", "u krijgt", "je krijgt"], MAIL_NL, ["omdat", ", omdat"]),
		...combine(
			["wij hebben", "we hebben"],
			["uw", "je", "jouw"],
			["e-mailadres", "adres", "gegevens", "nummer", "telefoonnummer", "mobiele nummer"],
			["ontvangen van", "gekregen van"],
		),
		...combine(
			["wij ontvingen", "we ontvingen", "wij kregen", "we kregen"],
			["uw", "je", "jouw"],
			["e-mailadres", "adres", "gegevens", "nummer", "telefoonnummer", "mobiele nummer"],
			["van", "via"],
		),
		...combine(
			["uw", "je", "jouw"],
			["e-mailadres", "adres", "gegevens", "nummer", "telefoonnummer", "mobiele nummer"],
			["is afkomstig van", "zijn afkomstig van", "hebben wij ontvangen van", "hebben we ontvangen van"],
		),
	]),
	...entries("en", "reason", [
		...combine(
			["you are receiving", "you're receiving", "you received", "you receive", "you are getting", "you're getting"],
			MAIL_EN,
			["because", "as"],
		),
		...combine(
			["we received", "we obtained", "we got"],
			["your e-mail address", "your address", "your details", ...PHONE_EN],
			["from"],
		),
		...combine(
			["your e-mail address", "your address", "your details", ...PHONE_EN],
			["was provided by", "were provided by", "came from", "was shared by", "were shared by"],
		),
	]),
	...entries("de", "reason", [
		...combine(["sie erhalten", "du erhältst", "sie bekommen", "du bekommst"], MAIL_DE, [
			"weil",
			", weil",
			"da",
			", da",
		]),
		...combine(
			["ihre", "deine"],
			["e-mail-adresse", "adresse", "daten", "nummer", "telefonnummer", "handynummer", "mobilnummer"],
			["haben wir von", "stammt von", "stammen von", "wurde uns von", "wurden uns von"],
		),
	]),
	...entries("fr", "reason", [
		...combine(["vous recevez", "tu reçois", "vous avez reçu"], MAIL_FR, ["car", "parce que", "parce qu'"]),
		...combine(
			["votre adresse", "votre adresse e-mail", "vos coordonnées"],
			["nous a été transmise par", "nous ont été transmises par", "provient de", "proviennent de"],
		),
		...combine(
			["votre numéro", "votre numéro de téléphone", "votre numéro de mobile", "votre numéro de portable"],
			["nous a été transmis par", "nous a été communiqué par", "provient de"],
		),
	]),
];

const IMPRINT = [
	...entries("de", "imprint", ["impressum", "anbieterkennzeichnung"]),
	...entries("en", "imprint", ["imprint", "legal notice", "legal information"]),
	...entries("fr", "imprint", ["mentions légales"]),
	...entries("nl", "imprint", ["colofon", "juridische informatie"]),
];

const onBehalfLexicon = compileLexicon(ON_BEHALF);
const reasonLexicon = compileLexicon(REASON);
const imprintLexicon = compileLexicon(IMPRINT);

export interface DisclosureMatch {
	lang: DisclosureLanguage;
	/** The lexicon phrase that matched, as written in the lexicon. */
	phrase: string;
}

function search(
	lexicon: CompiledLexicon<DisclosureLanguage, DisclosureKind>,
	text: string,
): DisclosureMatch | undefined {
	const entry = lexicon.search(foldText(text));
	return entry === undefined ? undefined : { lang: entry.lang, phrase: entry.phrase };
}

/** "namens", "on behalf of", "im Auftrag von", "au nom de", "pour le compte de" in `text`. */
export function matchOnBehalfWording(text: string): DisclosureMatch | undefined {
	return search(onBehalfLexicon, text);
}

/** "u ontvangt deze e-mail omdat", "you are receiving this because", "Sie erhalten diese E-Mail, weil", "vous recevez cet e-mail car"… */
export function matchReasonWording(text: string): DisclosureMatch | undefined {
	return search(reasonLexicon, text);
}

/** Link text that leads to a legal notice: "Impressum", "Imprint", "Mentions légales", "Colofon". */
export function matchImprintWording(text: string): DisclosureMatch | undefined {
	return search(imprintLexicon, text);
}
