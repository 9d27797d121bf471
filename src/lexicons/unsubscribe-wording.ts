/**
 * Unsubscribe / opt-out / manage-preferences wording in the languages
 * mailcomply supports (nl, en, de, fr, es, it, pt, pl, sv, da), and URL hints.
 *
 * Precision matters as much as recall: the opposite verbs (subscribe,
 * aanmelden, inschrijven, anmelden, s'abonner, suscribirse, iscriviti, zapisz
 * się, tilmeld, prenumerera) must never match. Every phrase is matched on
 * Unicode word boundaries, so "afmelden" matches and "aanmelden" does not.
 *
 * The phrase lists are compiled into tries (`lexicon.ts`) on first use. A
 * search tries each word start once and walks no deeper than the longest
 * phrase, so it stays linear in the input.
 */

import { combine, compileLexicon, entries, foldText, trimToWords, type LexiconEntry } from "./lexicon.js";

export type WordingLanguage = "nl" | "en" | "de" | "fr" | "es" | "it" | "pt" | "pl" | "sv" | "da";
export type WordingKind = "unsubscribe" | "preferences";
type WordingEntry = LexiconEntry<WordingLanguage, WordingKind>;

export interface WordingMatch {
	lang: WordingLanguage;
	/** The lexicon phrase that matched, as written in the lexicon (a trailing `*` marks a word stem). */
	phrase: string;
	kind: WordingKind;
}

/* ------------------------------------------------------------------------ */
/* Lexicon: link text that on its own says unsubscribe                      */
/* ------------------------------------------------------------------------ */

const NL_PRONOUNS = ["je", "u", "jezelf", "uzelf", "jij"];
const NL_ADVERBS = [
	"",
	"hier",
	"dan",
	"dan hier",
	"direct",
	"hier direct",
	"nu",
	"eenvoudig",
	"hier eenvoudig",
	"gemakkelijk",
	"snel",
	"hieronder",
];
const DE_ADVERBS = [
	"",
	"hier",
	"jederzeit",
	"hier jederzeit",
	"jederzeit hier",
	"direkt",
	"hier direkt",
	"einfach",
	"hier einfach",
	"bitte hier",
];

const UNSUBSCRIBE_PHRASES: ReadonlyArray<WordingEntry> = [
	...entries("en", "unsubscribe", [
		"unsubscri*",
		"=unsub",
		"opt-out",
		"opt me out",
		"stop receiving",
		"no longer receive",
		...combine(
			["remove me", "remove yourself"],
			["from"],
			["this", "the", "our", "your"],
			["list", "mailing list", "newsletter", "mailing"],
		),
		"leave this list",
		"leave the mailing list",
	]),
	...entries("nl", "unsubscribe", [
		"afmeld*",
		"uitschrijf*",
		"uitschrijv*",
		// Compounds are written as one word; the left word boundary would otherwise hide them.
		...combine(["nieuwsbrief-", "e-mail-", "mail-"], ["afmeld*", "uitschrijf*", "uitschrijv*"]).map((phrase) =>
			phrase.replace("- ", "-"),
		),
		...combine(["meld"], NL_PRONOUNS, NL_ADVERBS, ["af"]),
		...combine(["schrijf"], NL_PRONOUNS, NL_ADVERBS, ["uit"]),
		"af te melden",
		"uit te schrijven",
		"opzeggen",
	]),
	...entries("de", "unsubscribe", [
		"abmeld*",
		"abbestell*",
		...combine(["newsletter-", "e-mail-"], ["abmeld*", "abbestell*"]).map((phrase) => phrase.replace("- ", "-")),
		"abzumelden",
		"abzubestellen",
		"austragen",
		"auszutragen",
		...combine(["melden sie sich", "melde dich"], DE_ADVERBS, ["ab"]),
		...combine(["tragen sie sich", "trage dich"], DE_ADVERBS, ["aus"]),
		"newsletter kündigen",
		"nicht mehr erhalten",
	]),
	...entries("fr", "unsubscribe", [
		"désabonn*",
		"désinscri*",
		"ne plus recevoir",
		...combine(["vous", "me", "se"], ["retirer de la liste", "retirer de notre liste"]),
	]),
	...entries("es", "unsubscribe", [
		...combine(["darse", "darte", "date", "dese", "darme", "dar", "dame"], ["de baja"]),
		...combine(["solicitar", "solicita", "tramitar"], ["la baja", "mi baja", "tu baja"]),
		"=baja",
		"desuscri*",
		...combine(["cancelar", "cancela", "anular", "anula"], ["", "la", "mi", "tu", "su"], ["suscripción"]),
		"dejar de recibir",
		"no recibir más",
	]),
	...entries("it", "unsubscribe", [
		...combine(
			["annulla", "annullare", "cancella", "cancellare", "revoca", "revocare"],
			["", "la", "la tua", "la sua"],
			["iscrizione"],
		),
		...combine(["annulla", "annullare", "cancella", "cancellare", "revoca", "revocare"], ["l'iscrizione"]),
		"disiscri*",
		"cancellami",
		"=cancellati",
		"=cancellazione",
		"non ricevere più",
		"smetti di ricevere",
		"smettere di ricevere",
	]),
	...entries("pt", "unsubscribe", [
		...combine(
			["cancelar", "cancele", "anular", "anule", "remover"],
			["", "a", "a sua", "minha"],
			["inscrição", "subscrição", "assinatura"],
		),
		"descadastr*",
		"sair da lista",
		"deixar de receber",
		"não receber mais",
	]),
	...entries("pl", "unsubscribe", [
		"wypisz się",
		"wypisz mnie",
		"=wypisz",
		"wypisać się",
		"wypisanie",
		"wypisanie się",
		...combine(["anuluj", "anulować", "anulowanie"], ["subskrypcję", "subskrypcji", "newsletter"]),
		...combine(
			["zrezygnuj", "zrezygnować", "rezygnacja", "rezygnuję"],
			["z"],
			["subskrypcji", "newslettera", "otrzymywania"],
		),
		"=rezygnacja",
		"=zrezygnuj",
		"wyrejestruj",
	]),
	...entries("sv", "unsubscribe", [
		"avregistrer*",
		"avprenumerer*",
		"avanmäl*",
		...combine(["avsluta", "säg upp"], ["prenumeration", "prenumerationen", "din prenumeration", "nyhetsbrevet"]),
		"=avsluta",
	]),
	...entries("da", "unsubscribe", [
		"afmeld*",
		"frameld*",
		...combine(["opsig"], ["nyhedsbrev", "nyhedsbrevet", "abonnement"]),
	]),
];

const PREFERENCE_PHRASES: ReadonlyArray<WordingEntry> = [
	...entries("en", "preferences", [
		...combine(
			["manage", "update", "change", "edit", "set"],
			["", "your", "my"],
			[
				"preferences",
				"email preferences",
				"e-mail preferences",
				"subscription preferences",
				"communication preferences",
				"mailing preferences",
				"subscription",
				"subscriptions",
				"subscription settings",
				"email settings",
			],
		),
		"email preferences",
		"e-mail preferences",
		"subscription preferences",
		"communication preferences",
		"mailing preferences",
		"newsletter preferences",
		"preference cent*",
		"=preferences",
		"=my preferences",
	]),
	...entries("nl", "preferences", [
		...combine(
			["", "je", "uw", "jouw", "mijn"],
			[
				"voorkeuren",
				"e-mailvoorkeuren",
				"e-mail voorkeuren",
				"mailvoorkeuren",
				"nieuwsbriefvoorkeuren",
				"abonnement",
				"abonnementen",
				"inschrijving",
			],
			["beheren", "wijzigen", "aanpassen"],
		),
		...combine(
			["beheer", "wijzig"],
			["je", "uw", "jouw"],
			["voorkeuren", "e-mailvoorkeuren", "abonnement", "inschrijving"],
		),
		...combine(["pas"], ["je", "uw", "jouw"], ["voorkeuren"], ["aan"]),
		"e-mailvoorkeuren",
		"nieuwsbriefvoorkeuren",
		"=voorkeuren",
		"=mijn voorkeuren",
	]),
	...entries("de", "preferences", [
		...combine(
			["", "ihre", "deine", "meine"],
			[
				"einstellungen",
				"präferenzen",
				"e-mail-einstellungen",
				"newsletter-einstellungen",
				"abonnement",
				"abo",
				"newsletter",
			],
			["verwalten", "ändern", "anpassen", "bearbeiten"],
		),
		"e-mail-einstellungen",
		"newsletter-einstellungen",
		"=einstellungen",
		"=präferenzen",
	]),
	...entries("fr", "preferences", [
		...combine(
			["gérer", "modifier", "mettre à jour", "gerez", "modifiez"],
			["mes", "vos", "les", "tes"],
			["préférences", "abonnements"],
		),
		...combine(["gérer", "modifier"], ["mon", "votre", "ton"], ["abonnement"]),
		...combine(["préférences"], ["d'abonnement", "de communication", "e-mail", "de contact", "newsletter"]),
		"centre de préférences",
		"=préférences",
		"=mes préférences",
	]),
	...entries("es", "preferences", [
		...combine(
			[
				"gestionar",
				"gestiona",
				"administrar",
				"administra",
				"actualizar",
				"actualiza",
				"modificar",
				"modifica",
				"cambiar",
				"cambia",
			],
			["", "tus", "sus", "mis"],
			["preferencias", "suscripciones"],
		),
		...combine(["preferencias"], ["de correo", "de suscripción", "de email", "de e-mail", "de comunicación"]),
		"centro de preferencias",
		"=preferencias",
	]),
	...entries("it", "preferences", [
		...combine(
			["gestisci", "gestire", "modifica", "modificare", "aggiorna", "aggiornare"],
			["", "le", "le tue", "le sue"],
			["preferenze", "iscrizioni"],
		),
		...combine(["gestisci", "gestire", "modifica", "modificare"], ["la tua", "la sua"], ["iscrizione"]),
		...combine(["preferenze"], ["email", "e-mail", "di iscrizione", "di comunicazione", "newsletter"]),
		"centro preferenze",
		"=preferenze",
	]),
	...entries("pt", "preferences", [
		...combine(
			["gerir", "gere", "gerencie", "gerenciar", "atualizar", "atualize", "alterar", "altere"],
			["", "as", "as suas", "suas", "minhas"],
			["preferências", "subscrições", "inscrições", "assinaturas"],
		),
		...combine(["preferências"], ["de email", "de e-mail", "de comunicação", "de subscrição", "de inscrição"]),
		"centro de preferências",
		"=preferências",
	]),
	...entries("pl", "preferences", [
		...combine(
			["zarządzaj", "zarządzanie", "zmień", "edytuj"],
			["preferencjami", "preferencje", "subskrypcją", "subskrypcjami", "ustawieniami"],
		),
		...combine(["ustawienia", "preferencje"], ["subskrypcji", "newslettera", "e-mail"]),
		"=preferencje",
	]),
	...entries("sv", "preferences", [
		...combine(
			["hantera", "ändra", "uppdatera"],
			["", "dina", "din"],
			["prenumeration", "prenumerationer", "inställningar", "preferenser", "e-postinställningar"],
		),
		"e-postinställningar",
		"=preferenser",
	]),
	...entries("da", "preferences", [
		...combine(
			["administrer", "opdater", "skift", "rediger", "ændr"],
			["", "dine", "dit"],
			["præferencer", "abonnement", "indstillinger", "e-mailpræferencer"],
		),
		"e-mailpræferencer",
		"=præferencer",
	]),
];

/* ------------------------------------------------------------------------ */
/* Lexicon: sentences that invite unsubscribing around a deictic link       */
/* ------------------------------------------------------------------------ */

const NL_MAIL_NOUNS = [
	"nieuwsbrief",
	"nieuwsbrieven",
	"e-mail",
	"e-mails",
	"mail",
	"mails",
	"berichten",
	"mailings",
	"updates",
	"aanbiedingen",
];
const DE_MAIL_NOUNS = [
	"e-mail",
	"e-mails",
	"mails",
	"newsletter",
	"nachrichten",
	"werbung",
	"infos",
	"informationen",
	"angebote",
];

const INVITATION_PHRASES: ReadonlyArray<WordingEntry> = [
	...entries("en", "unsubscribe", [
		...combine(
			["don't", "do not", "dont", "no longer"],
			["want", "wish"],
			["these", "this", "our", "to receive", "to get", "any more", "anymore", "further"],
		),
		"no longer wish to receive",
		"no longer want to receive",
		"prefer not to receive",
		"rather not receive",
		...combine(["rather not", "prefer not to"], ["hear from us", "get these", "get our"]),
		...combine(["take you off", "remove you from"], ["the list", "our list", "the mailing list", "our mailing list"]),
		"too many emails",
		"too many e-mails",
		"don't want to hear from us",
	]),
	...entries("nl", "unsubscribe", [
		...combine(["geen"], NL_MAIL_NOUNS, ["meer"]),
		...combine(["liever geen"], NL_MAIL_NOUNS),
		"niet meer ontvangen",
		"niet langer ontvangen",
		"wil je niet meer",
		"wilt u niet meer",
		"geen interesse meer",
	]),
	...entries("de", "unsubscribe", [
		...combine(["keine"], DE_MAIL_NOUNS, ["mehr"]),
		"nicht länger erhalten",
		"nicht mehr empfangen",
		"nicht mehr bekommen",
		"kein interesse mehr",
	]),
	...entries("fr", "unsubscribe", [
		...combine(["ne"], ["souhaitez", "souhaites", "désirez", "voulez", "veux"], ["plus"]),
		"ne plus être informé",
		"vous opposer",
		"plus de nouvelles de nous",
	]),
	...entries("es", "unsubscribe", [
		...combine(["no", "ya no"], ["deseas", "desea", "quieres", "quiere"], ["recibir", "seguir recibiendo"]),
		"no seguir recibiendo",
	]),
	...entries("it", "unsubscribe", [
		...combine(["non"], ["desideri", "desidera", "vuoi", "vuole"], ["più", "ricevere", "più ricevere"]),
	]),
	...entries("pt", "unsubscribe", [
		...combine(
			["não", "já não"],
			["deseja", "desejas", "quer", "queres"],
			["mais", "receber", "mais receber", "continuar a receber"],
		),
	]),
	...entries("pl", "unsubscribe", [
		...combine(
			["nie"],
			["chcesz", "chcesz już", "chce pan", "chce pani", "chcą państwo", "życzysz sobie"],
			["otrzymywać", "dostawać", "więcej"],
		),
	]),
	...entries("sv", "unsubscribe", [
		...combine(["inte", "inte längre"], ["vill", "önskar"], ["få", "ta emot", "ha"]),
		"vill du inte längre",
		"sluta få",
	]),
	...entries("da", "unsubscribe", [
		...combine(["ikke", "ikke længere"], ["ønsker at", "vil"], ["modtage", "få"]),
		"ikke længere modtage",
	]),
];

/* ------------------------------------------------------------------------ */
/* Lexicon: an instruction to opt out by replying or writing                */
/* ------------------------------------------------------------------------ */

/**
 * "Reply with STOP", "beantwoord deze e-mail", "antworten Sie auf diese
 * E-Mail", "répondez à cet e-mail": the opt-out is the mail's own return
 * address. A bare "reply" is enough here because the caller only asks in a
 * sentence that already says unsubscribe ("To unsubscribe, reply…"); "Questions?
 * Just reply" alone never counts.
 */
const REPLY_PHRASES: ReadonlyArray<WordingEntry> = [
	...entries("en", "unsubscribe", [
		"reply*",
		"respond to this e-mail",
		"respond to this email",
		"respond to this message",
		"write to us",
		"e-mail us",
		"email us",
		"send an e-mail",
		"send an email",
		"send us an e-mail",
		"send us an email",
	]),
	...entries("nl", "unsubscribe", [
		...combine(["antwoord", "reageer", "reageren"], ["op"], ["deze", "dit", "onze"]),
		"beantwoord*",
		...combine(["stuur", "stuurt"], ["een", "ons een"], ["e-mail", "mail", "mailtje", "bericht"]),
		"mail naar",
		"mail ons",
		"e-mail naar",
	]),
	...entries("de", "unsubscribe", [
		"antworten sie",
		"antworte",
		"antwortest",
		...combine(["auf diese"], ["e-mail", "mail", "nachricht"], ["antworten"]),
		"schreiben sie",
		"schreib uns",
		"schreibe uns",
		"nachricht an",
		"e-mail an",
		"mail an",
	]),
	...entries("fr", "unsubscribe", [
		"repondez",
		"repondre",
		"reponds",
		"ecrivez-nous",
		"ecrivez a",
		"ecris-nous",
		"envoyez un e-mail",
		"envoyez un email",
		"envoyez un courriel",
		"envoyez-nous",
	]),
];

/* ------------------------------------------------------------------------ */
/* Deictic link text                                                        */
/* ------------------------------------------------------------------------ */

const DEICTIC_LINK_TEXTS: readonly string[] = [
	// en
	"here",
	"click here",
	"click",
	"tap here",
	"press here",
	"this link",
	"link",
	"follow this link",
	"here please",
	// nl
	"hier",
	"klik hier",
	"klik",
	"deze link",
	"via deze link",
	"klik op deze link",
	// de
	"klicken sie hier",
	"klick hier",
	"hier klicken",
	"diesen link",
	"dieser link",
	"hier entlang",
	// fr
	"ici",
	"cliquez ici",
	"clique ici",
	"cliquer ici",
	"en cliquant ici",
	"ce lien",
	"lien",
	// es
	"aquí",
	"haz clic aquí",
	"haga clic aquí",
	"pulsa aquí",
	"pulse aquí",
	"pincha aquí",
	"clic aquí",
	"click aquí",
	"este enlace",
	"enlace",
	// it
	"qui",
	"clicca qui",
	"fai clic qui",
	"clic qui",
	"cliccando qui",
	"questo link",
	// pt
	"clique aqui",
	"clica aqui",
	"carregue aqui",
	"este link",
	// pl
	"tutaj",
	"tu",
	"kliknij tutaj",
	"kliknij tu",
	"kliknij",
	"ten link",
	"klikając tutaj",
	// sv
	"här",
	"klicka här",
	"klicka",
	"denna länk",
	"den här länken",
	"länk",
	// da
	"her",
	"klik her",
	"dette link",
];
const DEICTIC_SET: ReadonlySet<string> = new Set(DEICTIC_LINK_TEXTS.map(foldText));

/* ------------------------------------------------------------------------ */
/* URL hints                                                                */
/* ------------------------------------------------------------------------ */

type UrlHintKind = WordingKind;

const URL_HINTS: ReadonlyArray<LexiconEntry<"any", UrlHintKind>> = [
	...entries("any", "unsubscribe", [
		"unsubscri*",
		"unsub",
		"opt-out",
		"afmeld*",
		"uitschrijf*",
		"uitschrijv*",
		"abmeld*",
		"abbestell*",
		"austragen",
		"désabonn*",
		"désinscri*",
		"desuscri*",
		"baja",
		"disiscri*",
		"cancella-iscrizione",
		"descadastr*",
		"cancelar-inscricao",
		"wypisz*",
		"wypisanie",
		"rezygnacja",
		"avregistrer*",
		"avprenumerer*",
		"avanmäl*",
		"frameld*",
	]),
	...entries("any", "preferences", [
		"preferences",
		"preference-cent*",
		"email-preferences",
		"manage-subscription*",
		"subscription-cent*",
		"subscription-preferences",
		"profile-cent*",
		"voorkeuren",
		"preferencias",
		"preferenze",
		"preferencje",
		"preferenser",
		"præferencer",
	]),
];

/* ------------------------------------------------------------------------ */
/* Compiled matchers (built once)                                           */
/* ------------------------------------------------------------------------ */

/** "Cookie-Einstellungen verwalten" and friends are about cookies, not e-mail. */
const NOT_AFTER = ["cookie-", "cookie "];

const unsubscribeLexicon = compileLexicon(UNSUBSCRIBE_PHRASES, NOT_AFTER);
const preferenceLexicon = compileLexicon(PREFERENCE_PHRASES, NOT_AFTER);
const invitationLexicon = compileLexicon(INVITATION_PHRASES);
const replyLexicon = compileLexicon(REPLY_PHRASES);
const urlLexicon = compileLexicon(URL_HINTS);

function toMatch(entry: WordingEntry | undefined): WordingMatch | undefined {
	return entry === undefined ? undefined : { lang: entry.lang, phrase: entry.phrase, kind: entry.kind };
}

/**
 * Link text (or a heading, button label…) that on its own says unsubscribe or
 * manage preferences. Unsubscribe wording wins over preference wording when
 * both occur ("Unsubscribe or manage preferences").
 */
export function matchUnsubscribeWording(text: string): WordingMatch | undefined {
	const folded = foldText(text);
	if (folded === "") return undefined;
	const whole = trimToWords(folded);
	return toMatch(
		unsubscribeLexicon.search(folded) ??
			unsubscribeLexicon.whole(whole) ??
			preferenceLexicon.search(folded) ??
			preferenceLexicon.whole(whole),
	);
}

/** True when the whole link text only points at the link ("here", "klik hier", "cliquez ici", "aquí", "qui"…). */
export function isDeicticLinkText(text: string): boolean {
	return DEICTIC_SET.has(trimToWords(foldText(text)));
}

/**
 * A sentence around a deictic link that invites unsubscribing: "Geen
 * nieuwsbrief meer? Meld je hier af", "Don't want these e-mails? Click here",
 * "Pour ne plus recevoir nos e-mails, cliquez ici". Also true when the
 * sentence carries plain unsubscribe or preference wording.
 */
export function matchUnsubscribeInvitation(sentence: string): WordingMatch | undefined {
	const folded = foldText(sentence);
	if (folded === "") return undefined;
	return toMatch(
		unsubscribeLexicon.search(folded) ?? invitationLexicon.search(folded) ?? preferenceLexicon.search(folded),
	);
}

/**
 * A sentence that says to opt out by replying to the mail or by writing to
 * an address ("To unsubscribe, reply STOP", "Afmelden? Stuur een e-mail
 * naar…"), for `unsubscribe-links.ts`, which also asks that the sentence
 * says unsubscribe.
 */
export function matchReplyInstruction(sentence: string): WordingMatch | undefined {
	const folded = foldText(sentence);
	if (folded === "") return undefined;
	return toMatch(replyLexicon.search(folded));
}

/**
 * The path and query of a URL (for `mailto:`, the local part and query),
 * decoded and folded, with `_ + .` turned into `-` so `opt_out` and
 * `unsubscribe.html` read as words. The host and fragment never count:
 * `https://unsubscribe.example.com/` yields "".
 */
export function urlHintText(url: string): string {
	let rest = url.trim();
	const hash = rest.indexOf("#");
	if (hash !== -1) rest = rest.slice(0, hash);
	const mailto = /^mailto:/iu.exec(rest);
	if (mailto !== null) {
		rest = rest.slice(mailto[0].length);
		const at = rest.indexOf("@");
		const query = rest.indexOf("?");
		rest = (at === -1 ? "" : rest.slice(0, at)) + (query === -1 ? "" : rest.slice(query));
	} else {
		const authority = /^(?:[a-z][a-z0-9+.-]*:)?\/\/[^/?]*/iu.exec(rest) ?? /^www\.[^/?]*/iu.exec(rest);
		if (authority !== null) rest = rest.slice(authority[0].length);
	}
	try {
		rest = decodeURIComponent(rest);
	} catch {
		// A malformed escape (or a merge tag with a bare %) stays as written.
	}
	return foldText(rest.replace(/[_+.]/gu, "-"));
}

/** What a URL's path or query suggests: an unsubscribe page, a preference centre, or nothing. */
export function unsubscribeUrlKind(url: string): WordingKind | undefined {
	const text = urlHintText(url);
	if (text === "") return undefined;
	return urlLexicon.search(text)?.kind;
}

/** True when a URL's path or query (never its host alone) looks like an unsubscribe or preference-centre link. */
export function urlLooksLikeUnsubscribe(url: string): boolean {
	return unsubscribeUrlKind(url) !== undefined;
}

/** The lexicons as data, for documentation and tests. */
export const UNSUBSCRIBE_LEXICON = {
	unsubscribe: UNSUBSCRIBE_PHRASES,
	preferences: PREFERENCE_PHRASES,
	invitations: INVITATION_PHRASES,
	replyInstructions: REPLY_PHRASES,
	deicticLinkTexts: DEICTIC_LINK_TEXTS,
	urlHints: URL_HINTS,
} as const;
