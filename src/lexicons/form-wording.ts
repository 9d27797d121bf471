/**
 * Wording of sign-up forms in nl, en, de and fr: what a field asks for, what
 * a checkbox asks consent for, and what the text around a form promises.
 * Matching (folding, word boundaries, `*` stems, optional hyphens) is the
 * unsubscribe lexicon's, so "e-mail*" matches "E-mailadres", "Email" and
 * "E-Mail-Adresse" alike.
 *
 * Near misses kept out on purpose: bare "updates" (order updates are not
 * marketing), the verbs "subscribe" / "abonneren" (a paid print
 * subscription needs an address), "aanmelden" / "anmelden" (also "log in").
 */
import { combine, compileLexicon, foldText, trimToWords, type LexiconEntry } from "./lexicon.js";

type Lang = "nl" | "en" | "de" | "fr";

function entries<Kind extends string>(
	lang: Lang,
	kind: Kind,
	phrases: readonly string[],
): Array<LexiconEntry<Lang, Kind>> {
	return phrases.map((phrase) => ({ lang, kind, phrase }));
}

function matcher<Kind extends string>(
	list: ReadonlyArray<LexiconEntry<Lang, Kind>>,
): (text: string) => LexiconEntry<Lang, Kind> | undefined {
	const lexicon = compileLexicon(list);
	return (text) => {
		const folded = foldText(text);
		if (folded === "") return undefined;
		return lexicon.search(folded) ?? lexicon.whole(trimToWords(folded));
	};
}

/* What a text field asks for (its label, placeholder or aria-label). */

export type ContactKind = "email" | "phone";

const CONTACT_FIELD_PHRASES = [
	...entries("en", "email", ["e-mail*", "=mail", "email address", "mail address"]),
	...entries("nl", "email", ["mailadres", "e-mailadres"]),
	...entries("fr", "email", ["courriel", "adresse électronique", "adresse mail", "mél"]),
	...entries("nl", "phone", ["telefoon*", "mobiel*", "gsm", "=tel", "06-nummer"]),
	...entries("en", "phone", ["phone*", "telephone*", "mobile", "mobile number", "cell phone", "=tel"]),
	...entries("de", "phone", ["telefon*", "handy*", "mobilnummer", "mobilfunknummer"]),
	...entries("fr", "phone", ["téléphone", "numéro de téléphone", "portable", "numéro de portable", "=tél"]),
];

/** Whether a field's label asks for an e-mail address or a phone number. */
export const matchContactFieldWording = matcher(CONTACT_FIELD_PHRASES);

/* What a checkbox asks consent for. */

export type ConsentKind = "newsletter" | "marketing" | "third-party" | "sharing";

const CONSENT_PHRASES = [
	...entries("nl", "newsletter", ["nieuwsbrie*", "mailinglijst", "mailing*"]),
	...entries("en", "newsletter", ["newsletter*", "mailing list", "e-mail list"]),
	...entries("fr", "newsletter", ["lettre d'information*", "lettre d'info", "lettres d'information", "infolettre*"]),
	...entries("nl", "marketing", [
		"aanbieding*",
		"acties",
		"promoties",
		"kortingen",
		"kortingscodes",
		"reclame",
		"commerciële",
	]),
	...entries("en", "marketing", [
		"marketing",
		"offers",
		"special offers",
		"promotions",
		"promotional",
		"deals",
		"discounts",
	]),
	...entries("de", "marketing", ["werbung", "werbliche", "angebote", "aktionen", "rabatte", "gutscheine"]),
	...entries("fr", "marketing", [
		"offres",
		"bons plans",
		"promotions",
		"prospection",
		"publicité",
		"publicitaires",
		"commerciales",
	]),
	...entries("nl", "third-party", [
		"derden",
		"derde partijen",
		"partnerbedrijven",
		"partnerorganisaties",
		"zorgvuldig geselecteerde bedrijven",
	]),
	...entries("en", "third-party", ["partners", "third part*", "selected companies", "carefully selected companies"]),
	...entries("de", "third-party", ["partner*", "dritte", "dritten", "drittanbieter*", "drittunternehmen"]),
	...entries("fr", "third-party", ["partenaires", "tiers", "sociétés tierces", "entreprises tierces"]),
	// Handing the data over, as opposed to receiving partners' offers from the sender.
	...entries("nl", "sharing", [
		"delen met",
		"gedeeld met",
		"doorgeven aan",
		"doorgegeven aan",
		"door aan",
		"verstrekken aan",
		"verstrekt aan",
	]),
	...entries("en", "sharing", ["share", "shared", "sharing", "pass on", "passed on", "disclose", "disclosed"]),
	...entries("de", "sharing", ["weitergeben", "weitergegeben", "weitergabe", "übermitteln", "übermittelt"]),
	...entries("fr", "sharing", [
		"partager",
		"partagées",
		"partagés",
		"transmettre",
		"transmises",
		"transmis",
		"communiquer",
		"communiquées",
	]),
];

/** Every kind of consent a checkbox label asks for ("the newsletter and offers from partners" → newsletter, marketing, third-party). */
export function consentKindsOf(text: string): Set<ConsentKind> {
	const kinds = new Set<ConsentKind>();
	const folded = foldText(text);
	if (folded === "") return kinds;
	// Each kind is searched on its own: one search finds only the leftmost phrase.
	for (const kind of ["newsletter", "marketing", "third-party", "sharing"] as const) {
		if (kindLexicons[kind].search(folded) !== undefined) kinds.add(kind);
	}
	return kinds;
}

const kindLexicons = {
	newsletter: compileLexicon(CONSENT_PHRASES.filter((entry) => entry.kind === "newsletter")),
	marketing: compileLexicon(CONSENT_PHRASES.filter((entry) => entry.kind === "marketing")),
	"third-party": compileLexicon(CONSENT_PHRASES.filter((entry) => entry.kind === "third-party")),
	sharing: compileLexicon(CONSENT_PHRASES.filter((entry) => entry.kind === "sharing")),
};

/** A field or group name that says consent: `newsletter`, `EMAIL_OPTIN`, `acceptsMarketing`, `partner_offers`. */
const CONSENT_NAME =
	/(?:^|[^a-z])(?:newsletters?|nieuwsbrief|marketing|opt-?in|optins?|subscribe|partners?|third-?party|derden|promos?|promotions?|offers|aanbiedingen|werbung|mailing|gdpr-?marketing)(?:[^a-z]|$)/u;

export function nameSaysConsent(name: string): boolean {
	// camelCase to words: acceptsMarketing → accepts-marketing
	const words = name.replace(/([a-z])([A-Z])/gu, "$1-$2").toLowerCase();
	return CONSENT_NAME.test(words);
}

/** A label that turns the consent down: "Ik wil geen nieuwsbrief", "Do not send me offers". */
const DECLINE_PHRASES = [
	...entries("nl", "decline", [
		...combine(["ik wil", "wij willen", "stuur me", "stuur mij", "stuur ons"], ["geen"]),
		"niet ontvangen",
		"=nee",
		"nee bedankt",
	]),
	...entries("en", "decline", [
		...combine(["i do not", "i don't", "i dont", "we do not", "we don't"], ["want", "wish"]),
		"do not send",
		"don't send",
		"i'd rather not",
		"no thanks",
		"=no",
		"opt me out",
	]),
	...entries("de", "decline", [
		...combine(["ich möchte", "ich will", "wir möchten"], ["keine", "keinen", "nicht"]),
		"nicht erhalten",
		"nicht zusenden",
		"=nein",
		"nein danke",
	]),
	...entries("fr", "decline", [
		...combine(["je ne", "nous ne"], ["souhaite", "souhaitons", "veux", "voulons", "désire"], ["pas"]),
		"ne pas recevoir",
		"ne m'envoyez pas",
		"=non",
		"non merci",
	]),
];

export const matchDeclineWording = matcher(DECLINE_PHRASES);

/** Affirmative values and labels of a yes/no radio group. */
const AFFIRMATIVE = new Set([
	"yes",
	"y",
	"ja",
	"j",
	"oui",
	"true",
	"1",
	"on",
	"ja graag",
	"yes please",
	"oui merci",
	"ja bitte",
]);

export function isAffirmative(text: string): boolean {
	return AFFIRMATIVE.has(trimToWords(foldText(text)));
}

/* Acceptance of terms, privacy policy or an age limit, which consent may not be bundled with. */

const TERMS_NOUNS = [
	"voorwaarden",
	"algemene voorwaarden",
	"privacyverklaring",
	"privacybeleid",
	"privacy policy",
	"privacy statement",
	"privacy notice",
	"terms",
	"terms and conditions",
	"terms of service",
	"terms of use",
	"conditions",
	"agb",
	"allgemeinen geschäftsbedingungen",
	"nutzungsbedingungen",
	"datenschutzerklärung",
	"datenschutzbestimmungen",
	"datenschutzhinweise",
	"conditions générales",
	"cgv",
	"cgu",
	"politique de confidentialité",
];

const ACCEPTANCE_PHRASES = [
	// A verb of acceptance followed (within a few words) by what is accepted; the article words fill the gap.
	...entries(
		"nl",
		"terms",
		combine(
			["akkoord met", "ga akkoord met", "accepteer", "heb gelezen", "gelezen en"],
			["", "de", "het", "onze", "jullie", "uw"],
			TERMS_NOUNS,
		),
	),
	...entries(
		"en",
		"terms",
		combine(
			["agree to", "agree with", "accept", "have read", "read and accept", "read and agree to"],
			["", "the", "our", "your"],
			TERMS_NOUNS,
		),
	),
	...entries(
		"de",
		"terms",
		combine(
			["akzeptiere", "stimme", "einverstanden mit", "habe", "gelesen"],
			["", "die", "den", "der", "unsere", "ihre"],
			TERMS_NOUNS,
		),
	),
	...entries(
		"fr",
		"terms",
		combine(
			["j'accepte", "accepte", "accepter", "j'ai lu", "lu et accepte", "lu et j'accepte"],
			["", "les", "la", "vos", "nos", "votre", "notre"],
			TERMS_NOUNS,
		),
	),
	...entries("nl", "age", [
		...combine(["ik ben"], ["16", "18", "13"], ["jaar of ouder", "jaar"]),
		...combine(["ouder dan"], ["16", "18", "13"], ["jaar"]),
	]),
	...entries("en", "age", [
		...combine(["i am", "i'm"], ["over", "at least", ""], ["16", "18", "13"]),
		...combine(["16", "18", "13"], ["years or older", "or older", "or over", "years of age"]),
	]),
	...entries("de", "age", [
		...combine(["ich bin"], ["mindestens", "über", ""], ["16", "18", "13"]),
		...combine(["16", "18", "13"], ["jahre alt", "jahre oder älter"]),
	]),
	...entries("fr", "age", [
		...combine(["j'ai"], ["plus de", "au moins"], ["16", "18", "13"], ["ans"]),
		"majeur",
		"majeure",
	]),
];

/** Acceptance of terms or the privacy policy, or an age confirmation, in a consent label. */
export const matchAcceptanceWording = matcher(ACCEPTANCE_PHRASES);

/* What the text around a form says. */

const NEWSLETTER_PHRASES = [
	...CONSENT_PHRASES.filter((entry) => entry.kind === "newsletter"),
	...entries("en", "newsletter", ["marketing", "e-mail updates", "email updates"]),
];

/** A form that mentions a newsletter or marketing mail is a newsletter form (not a contact or order form). */
export const matchNewsletterWording = matcher(NEWSLETTER_PHRASES);

const PURPOSE_PHRASES = [
	...entries("nl", "purpose", [
		...combine(["we", "wij"], ["sturen", "mailen", "versturen", "e-mailen"], ["je", "u", "jou"]),
		...combine(["sturen", "mailen"], ["we", "wij"], ["je", "u", "jou"]),
		"je ontvangt",
		"u ontvangt",
		"ontvang je",
		"ontvangt u",
		...combine(["ontvang", "ontvangen"], ["onze", "elke", "iedere"]),
		...combine(["gebruiken", "bewaren"], ["we", "wij"], ["alleen", "uitsluitend", "om", "voor"]),
		...combine(["alleen", "uitsluitend"], ["om", "voor"]),
		...combine(["om"], ["je", "u", "jou"], ["te", "vraag", "onze"]),
		"om contact",
		// Normal word order: "We gebruiken je e-mailadres om…", "Wij verwerken uw gegevens om…".
		...combine(["we", "wij"], ["gebruiken", "bewaren", "verwerken"], ["je", "jouw", "uw"]),
		...combine(["om", "zodat we"], ["je", "u", "jou"], ["op de hoogte", "te informeren", "te laten weten"]),
	]),
	...entries("en", "purpose", [
		...combine(["to"], ["send", "email", "e-mail"], ["you"]),
		...combine(
			["we'll", "we will", "we", "we'd like to"],
			["send you", "email you", "e-mail you", "use your", "only use", "use it", "use this"],
		),
		...combine(["you'll", "you will"], ["receive", "get"]),
		...combine(["receive", "get"], ["our", "every"]),
		"only to",
		"only for",
		...combine(["to"], ["contact", "reply to", "respond to", "answer"], ["you", "your"]),
	]),
	...entries("de", "purpose", [
		...combine(["um"], ["ihnen", "dir", "euch"]),
		...combine(["senden", "schicken", "mailen"], ["wir"], ["ihnen", "dir"]),
		...combine(["erhalten sie", "erhältst du"]),
		...combine(["verwenden", "nutzen"], ["wir"]),
		// Normal word order: "Wir verwenden Ihre Angaben, um…"; "um Sie zu informieren".
		...combine(
			["wir"],
			["verwenden", "nutzen", "verarbeiten", "speichern"],
			["ihre", "deine", "ihren", "deinen", "diese"],
		),
		...combine(["um"], ["sie", "dich"], ["zu", "über", "ueber", "regelmäßig", "per e-mail"]),
		...combine(["nur", "ausschließlich"], ["für", "zum", "zur", "um"]),
		...combine(["zum", "für den"], ["versand"]),
		...combine(["ihnen", "dir"], ["unseren", "unsere"]),
		"wir melden uns",
	]),
	...entries("fr", "purpose", [
		// "t'envoyer" is one token for the matcher: an apostrophe joins, a space would not.
		...combine(
			["pour", "afin de"],
			[
				"vous envoyer",
				"vous contacter",
				"vous répondre",
				"vous informer",
				"vous tenir informé",
				"vous tenir informée",
				"t'envoyer",
				"te contacter",
				"te tenir informé",
				"répondre",
			],
		),
		// Normal word order: "Nous utilisons votre adresse e-mail pour…".
		...combine(["nous utilisons", "nous utiliserons", "on utilise"], ["votre", "vos", "ton", "tes"]),
		...combine(["nous vous", "on vous"], ["enverrons", "envoyons", "envoie", "envoyer"]),
		"nous t'enverrons",
		...combine(["vous recevrez", "tu recevras"]),
		...combine(["recevez", "recevoir"], ["notre", "nos", "chaque"]),
		...combine(["utilisée", "utilisées", "utilisé", "utilisés", "utilisons"], ["uniquement", "pour", "seulement"]),
		"uniquement pour",
		"seulement pour",
	]),
];

/** A statement of why the address is collected: "we sturen je onze nieuwsbrief", "to send you our newsletter", "um Ihnen … zu senden", "pour vous envoyer". */
export const matchPurposeWording = matcher(PURPOSE_PHRASES);

const FREQUENCY_PHRASES = [
	...entries("nl", "frequency", [
		"dagelijks*",
		"wekelijks*",
		"tweewekelijks*",
		"maandelijks*",
		"driemaandelijks*",
		...combine(["elke", "iedere", "om de"], ["dag", "week", "twee weken", "maand"]),
		...combine(["elke", "iedere"], ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]),
		...combine(
			["eens", "een keer", "één keer", "twee keer", "enkele keren", "paar keer"],
			["per", "in de"],
			["week", "maand", "jaar", "kwartaal"],
		),
		"per kwartaal",
	]),
	...entries("en", "frequency", [
		"daily",
		"weekly",
		"biweekly",
		"bi-weekly",
		"fortnightly",
		"monthly",
		"quarterly",
		...combine(
			["every", "each", "once a", "twice a", "once per", "twice per", "a few times a"],
			["day", "week", "month", "year", "quarter", "other week", "two weeks"],
		),
		...combine(["every", "each"], ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]),
	]),
	...entries("de", "frequency", [
		"täglich*",
		"wöchentlich*",
		"zweiwöchentlich*",
		"monatlich*",
		"vierteljährlich*",
		...combine(
			["einmal", "zweimal", "ein paar mal", "mehrmals"],
			["pro", "im", "in der", "die"],
			["woche", "monat", "jahr", "quartal"],
		),
		...combine(["jede", "jeden", "alle zwei", "alle vier"], ["tag", "woche", "wochen", "monat", "monate"]),
		...combine(["jeden"], ["montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"]),
	]),
	...entries("fr", "frequency", [
		"quotidien*",
		"hebdomadaire*",
		"bimensuel*",
		"mensuel*",
		"trimestriel*",
		...combine(
			["chaque", "tous les", "toutes les"],
			["jour", "jours", "semaine", "semaines", "mois", "quinze jours", "deux semaines"],
		),
		...combine(["chaque", "tous les"], ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]),
		...combine(["une fois", "deux fois", "quelques fois"], ["par"], ["jour", "semaine", "mois", "an"]),
	]),
];

const frequencyLexicon = matcher(FREQUENCY_PHRASES);
/** "1× per maand", "2 x per week", "max. 4 e-mails per maand", "3 mal im Monat", "2 fois par mois", "2 emails a month". */
const COUNTED_FREQUENCY =
	/(?<![\p{L}\p{N}])\d{1,2} ?(?:x|×|keer|mal|fois|times|(?:e-?)?mails?|nieuwsbrieven|newsletters?|berichten|messages?) ?(?:per|a|an|in de|im|in der|pro|par|each|every|tous les) (?:dag|day|tag|jour|week|woche|semaine|maand|month|monat|mois|jaar|year|jahr|an)(?![\p{L}\p{N}])/u;

/** Whether a text says how often mail is sent ("wekelijks", "1× per maand", "monthly", "monatlich", "chaque mois"). */
export function saysFrequency(text: string): boolean {
	return frequencyLexicon(text) !== undefined || COUNTED_FREQUENCY.test(foldText(text));
}

/* Personal data a newsletter does not need. */

export type PersonalFieldKind = "birth-date" | "address" | "gender" | "nationality" | "bsn";

const PERSONAL_FIELD_PHRASES = [
	...entries("nl", "birth-date", ["geboortedatum", "geboortedag", "geboortejaar", "verjaardag"]),
	...entries("en", "birth-date", ["date of birth", "birth date", "birthdate", "birthday", "dob", "bday", "birth year"]),
	...entries("de", "birth-date", ["geburtsdatum", "geburtstag", "geburtsjahr"]),
	...entries("fr", "birth-date", ["date de naissance", "anniversaire", "année de naissance"]),
	...entries("nl", "address", [
		"adres",
		"postadres",
		"straat",
		"straatnaam",
		"huisnummer",
		"postcode",
		"woonplaats",
		"=plaats",
	]),
	...entries("en", "address", [
		"address*",
		"street*",
		"zip",
		"zip code",
		"zipcode",
		"postal code",
		"house number",
		"city",
		"=town",
	]),
	...entries("de", "address", [
		"adresse",
		"anschrift",
		"straße",
		"hausnummer",
		"plz",
		"postleitzahl",
		"wohnort",
		"=ort",
	]),
	...entries("fr", "address", ["adresse postale", "rue", "code postal", "ville"]),
	...entries("nl", "gender", ["geslacht"]),
	...entries("en", "gender", ["gender", "=sex"]),
	...entries("de", "gender", ["geschlecht"]),
	...entries("fr", "gender", ["sexe"]),
	...entries("nl", "nationality", ["nationaliteit"]),
	...entries("en", "nationality", ["nationality"]),
	...entries("de", "nationality", ["staatsangehörigkeit", "nationalität"]),
	...entries("fr", "nationality", ["nationalité"]),
	...entries("nl", "bsn", [
		"bsn",
		"bsn-nummer",
		"burgerservicenummer",
		"burger service nummer",
		"sofinummer",
		"sofi-nummer",
	]),
	...entries("en", "bsn", ["citizen service number"]),
];

/** What personal data a field asks for, from its label and its name written as words (see {@link fieldNameWords}). */
export const matchPersonalFieldWording = matcher(PERSONAL_FIELD_PHRASES);

/** User-supplied field wording (the form-data-minimization option), in the same phrase syntax as the lexicons. */
export function compileFieldWording(phrases: readonly string[]): (text: string) => string | undefined {
	const match = matcher(entries("en", "custom", phrases));
	return (text) => match(text)?.phrase;
}

/** A field name, id or autocomplete token as words: `dateOfBirth` → "date of birth", `address_line1` → "address line 1". */
export function fieldNameWords(name: string): string {
	return name
		.replace(/(?<=\p{Ll})(?=\p{Lu})|(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/gu, " ")
		.replace(/[-_.[\]]+/gu, " ")
		.replace(/\s+/gu, " ")
		.trim();
}

const LOGIN_PHRASES = [
	...entries("nl", "login", ["inloggen", "log in", "wachtwoord vergeten"]),
	...entries("en", "login", ["log in", "login", "sign in", "forgot your password", "forgot password"]),
	...entries("de", "login", ["einloggen", "anmelden", "passwort vergessen"]),
	...entries("fr", "login", ["se connecter", "connexion", "identifiez-vous", "mot de passe oublié"]),
];

const REGISTRATION_PHRASES = [
	...entries("nl", "registration", ["account aanmaken", "registreren", "registreer", "maak een account"]),
	...entries("en", "registration", [
		"create account",
		"create an account",
		"create your account",
		"register",
		"sign up",
	]),
	...entries("de", "registration", ["konto erstellen", "registrieren", "registrierung"]),
	...entries("fr", "registration", [
		"créer un compte",
		"créer mon compte",
		"inscription",
		"s'inscrire",
		"inscrivez-vous",
	]),
];

/** The form text of a log-in form ("Inloggen", "Sign in", "Einloggen", "Se connecter"). */
export const matchLoginWording = matcher(LOGIN_PHRASES);
/** The form text of an account registration ("Account aanmaken", "Create account", "Registrieren", "Créer un compte"). */
export const matchRegistrationWording = matcher(REGISTRATION_PHRASES);

/** The lexicons as data, for documentation and tests. */
export const FORM_LEXICON = {
	contactFields: CONTACT_FIELD_PHRASES,
	consent: CONSENT_PHRASES,
	decline: DECLINE_PHRASES,
	acceptance: ACCEPTANCE_PHRASES,
	purpose: PURPOSE_PHRASES,
	frequency: FREQUENCY_PHRASES,
	personalFields: PERSONAL_FIELD_PHRASES,
	login: LOGIN_PHRASES,
	registration: REGISTRATION_PHRASES,
} as const;
