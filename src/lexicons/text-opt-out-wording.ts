/**
 * How a text message says to stop: a keyword to send back ("Reply STOP",
 * "Sms STOP naar 4411", "Antworte STOPP", "STOP au 36111"), or an opt-out
 * button's label ("Stop promotions", "Afmelden"). In nl, en, de and fr.
 *
 * The keyword must be written as a keyword: in capitals (STOP) or in quotes
 * ("stop"), and with an instruction around it: a verb before it (reply,
 * text, sms, stuur, antworte, répondez…) or a number or short code or the
 * purpose after it ("STOP to 12345", "STOP om af te melden"). "Don't stop
 * shopping" or "STOP! Last day" is no opt-out.
 *
 * The US keywords are those the FCC's 2024 revocation order names (stop,
 * quit, end, revoke, opt out, cancel, unsubscribe); CTIA asks for STOP.
 * US programmes that text in Spanish write the instruction in Spanish,
 * with STOP or the Spanish keyword ALTO ("Envíe ALTO para cancelar",
 * "Responde STOP al 12345"): Twilio's requirements for a Spanish-language
 * short code (ALTO and AYUDA, and that wording) are the source read.
 */
import { foldText } from "./lexicon.js";
import { matchUnsubscribeWording } from "./unsubscribe-wording.js";

/** Keywords in capitals, or any case in quotes. */
const KEYWORD =
	/\b(?:STOPP?|END|QUIT|CANCEL|REVOKE|OPT ?OUT|UNSUBSCRIBE|ARR[EÊ]T|AFMELDEN|ABMELDEN|STOPPEN|ALTO)\b|["'“‘](?:stopp?|end|quit|cancel|unsubscribe|arr[eê]t|afmelden|abmelden|stoppen|alto)["'”’]/gu;

/** Before the keyword, at the end of the folded window: the instruction verb ("reply with", "sms", "stuur", "antworte mit", "répondez"). */
const VERB_BEFORE =
	/(?:^|[^a-z])(?:reply|respond|text|txt|send|msg|sms|sms'je|stuur|antwoord|reageer|beantwoord|whatsapp|antworte|antworten sie|antwortet|sende|senden sie|schicke|schick|simse|repondez|reponds|repondre|envoyez|envoie|envoyer|tapez|tape|envie|envia|responde|responda|contesta|conteste|manda|mande)(?: (?:with|met|mit|par|avec|het woord|das wort|le mot|the word|la palabra|con|con la palabra))? ?[:"']? ?$/u;

/** After the keyword: a number or short code to send it to, or what it does. */
const TARGET_AFTER =
	/^["']? ?(?:sms ?)?(?:to|naar|an|au|al|[a\-:=]|at|op)? ?\+?\d[\d ]{2,}|^["']? ?(?:to|om|zum|zur|pour|for|voor|para|[-:=]) ?(?:opt[ -]?out|unsubscribe|stop|end|cancel|af te melden|afmelden|uit te schrijven|uitschrijven|abmelden|abzumelden|abbestellen|vous desabonner|se desabonner|desabonner|vous desinscrire|ne plus recevoir|geen berichten|keine|darte de baja|darse de baja|dejar de recibir)/u;

export interface KeywordInstruction {
	/** Offset of the keyword in the text. */
	index: number;
	/** The keyword as written: `STOP`, `"stop"`. */
	keyword: string;
}

/** The first instruction to send a keyword back, in text as the recipient reads it. */
export function findKeywordInstruction(text: string): KeywordInstruction | undefined {
	for (const match of text.matchAll(KEYWORD)) {
		const before = foldText(text.slice(Math.max(0, match.index - 40), match.index));
		const after = foldText(text.slice(match.index + match[0].length, match.index + match[0].length + 60));
		if (VERB_BEFORE.test(before) || TARGET_AFTER.test(after)) return { index: match.index, keyword: match[0] };
	}
	return undefined;
}

/**
 * Labels of an opt-out button: WhatsApp's own marketing opt-out ("Stop
 * promotions"), and what businesses write on a quick-reply button to stop.
 * Matched against the whole folded label.
 */
const BUTTON_LABELS = new Set(
	[
		// en
		"stop",
		"stop promotions",
		"stop messages",
		"stop marketing",
		"stop offers",
		"unsubscribe",
		"opt out",
		"opt-out",
		"no more messages",
		"no more offers",
		// nl
		"stop promoties",
		"stop promotie",
		"stop berichten",
		"stop aanbiedingen",
		"afmelden",
		"uitschrijven",
		"stoppen",
		"geen berichten meer",
		"geen aanbiedingen meer",
		"geen promoties meer",
		// de
		"stopp",
		"abmelden",
		"abbestellen",
		"keine werbung",
		"keine werbung mehr",
		"werbung stoppen",
		"werbung abbestellen",
		"keine nachrichten mehr",
		// fr
		"arreter",
		"stop pub",
		"stop promotions",
		"se desabonner",
		"desabonner",
		"me desabonner",
		"desinscription",
		"ne plus recevoir",
	].map(foldText),
);

/** A button whose label asks to stop: "Stop promotions", "Afmelden", "Abmelden", "Se désabonner". */
export function isOptOutButtonLabel(label: string): boolean {
	const folded = foldText(label);
	return BUTTON_LABELS.has(folded) || matchUnsubscribeWording(label)?.kind === "unsubscribe";
}
