/**
 * Wording that tells what kind of mail a template is when nobody declared its
 * `kind`, in nl, en, de and fr: the wording of transactional mail (password
 * resets, sign-in codes, verification, receipts, invoices, order and
 * shipping confirmations, account and security notices) and the wording of
 * promotion beyond the offers in offers.ts ("shop the sale", "new arrivals",
 * "recommended for you").
 *
 * Transactional wording comes in two strengths, because a newsletter borrows
 * transactional words for effect ("thanks for your order of adventure",
 * "your account of the week"):
 * - `strong`: a phrase that only a transaction or an account event writes
 *   ("reset your password", "order number", "tracking number");
 * - `supporting`: a phrase that transactional mail writes but a newsletter
 *   may too ("your order", "total", "your account").
 * src/analyses/mail-kind.ts weighs them; a lone supporting phrase is never
 * enough.
 */
import { compileLexicon, entries, foldText, trimToWords, type LexiconEntry } from "./lexicon.js";

export type KindLanguage = "nl" | "en" | "de" | "fr";
export type TransactionalStrength = "strong" | "supporting";

type TransactionalEntry = LexiconEntry<KindLanguage, TransactionalStrength>;
type PromotionEntry = LexiconEntry<KindLanguage, "promotion">;

const TRANSACTIONAL_PHRASES: readonly TransactionalEntry[] = [
	...entries("en", "strong", [
		// password, sign-in, verification
		"reset your password",
		"password reset",
		"reset password",
		"forgot your password",
		"forgotten your password",
		"set a new password",
		"verification code",
		"security code",
		"sign-in code",
		"login code",
		"log-in code",
		"one-time code",
		"one-time password",
		"two-factor",
		"2fa code",
		"verify your email",
		"verify your email address",
		"confirm your email",
		"confirm your email address",
		"confirm email address",
		"confirm your account",
		"activate your account",
		"activation link",
		// security and account notices
		"new sign-in",
		"new login",
		"unusual sign-in",
		"sign-in attempt",
		"password was changed",
		"password has been changed",
		"email address was changed",
		"your new email",
		"email address has been changed",
		"email has been changed",
		"changed the password",
		"settings have been updated",
		// account status (CAN-SPAM 15 U.S.C. 7702(17)(A)(iii): a change in the recipient's standing in a subscription or account)
		"your trial",
		"trial ends",
		"trial expires",
		"trial has expired",
		"trial period",
		"approaching your limit",
		"reached your limit",
		"usage limit",
		"your login information",
		"your login details",
		"has invited you",
		"invited you to join",
		"accept invitation",
		"accept the invitation",
		"invitation expires",
		// account and organisation changes, and the "was this you?" line of a security notice
		"account has been updated",
		"account has successfully been updated",
		"account has been successfully updated",
		"removed from your account",
		"added to your account",
		"removed from your organization",
		"removed from your organisation",
		"an administrator from",
		"an administrator of",
		"your administrator has",
		"your account is owned by",
		"your account is managed by",
		"has shared with you",
		"if you did not make this change",
		"if you didn't make this change",
		"if you did not update your",
		"if you didn't update your",
		"if you did not request this",
		"if you didn't request this",
		"subscription price will",
		"your upcoming renewal",
		// onboarding progress: finishing the account the reader opened
		"update your account information",
		"update your account info",
		"update your account details",
		"update your contact information",
		"finish updating your account",
		"finish setting up your account",
		"complete your account setup",
		"complete your profile",
		"until your account is",
		"account set up complete",
		"account setup complete",
		"account activation complete",
		"activate account",
		// feedback on a service the reader uses (the ICO does not count genuine customer research as direct marketing; one that also promotes is marketing)
		"how satisfied you are",
		"how satisfied are you",
		"how happy you are with",
		"rate our service",
		"rate our services",
		"how likely are you to recommend",
		"how likely is it that you would recommend",
		"would you recommend us",
		"how would you rate us",
		"how would you rate your",
		"satisfaction survey",
		"rate your experience",
		"commented on",
		"replied to your",
		"mentioned you",
		"new comment",
		"view the comment",
		"subscription renews",
		"will renew",
		"will be renewed",
		"renews automatically",
		// receipts, invoices, payments
		"your receipt",
		"receipt for your",
		"this is a receipt",
		"payment receipt",
		"receipt #",
		"receipt number",
		"your invoice",
		"invoice #",
		"invoice number",
		"invoice date",
		"amount due",
		"payment due",
		"payment failed",
		"payment declined",
		"unable to process your payment",
		"couldn't process your payment",
		"payment was successful",
		"payment confirmation",
		"payment received",
		"has been charged",
		"card ending in",
		// a block that says nothing but the document's name is its heading
		"=receipt",
		"=your receipt",
		"=invoice",
		"=your invoice",
		"=order confirmation",
		// orders and shipping
		"order confirmation",
		"order confirmed",
		"order number",
		"order #",
		"order no",
		"your order has shipped",
		"your order has been shipped",
		"has been dispatched",
		"tracking number",
		"track your order",
		"track your package",
		"track your shipment",
		"out for delivery",
		"shipping confirmation",
		"delivery confirmation",
	]),
	...entries("en", "supporting", [
		"your order",
		"thanks for your order",
		"thank you for your order",
		"thanks for your purchase",
		"thank you for your purchase",
		"your purchase",
		"receipt",
		"invoice",
		"subtotal",
		"total",
		"paid",
		"billing",
		"your subscription",
		"your account",
		"your password",
		"sign in",
		"log in",
		"username",
		"shipping address",
		"billing address",
		"delivery address",
		"quantity",
		"qty",
		"did not request",
		"didn't request",
		"if you did not",
		"ignore this email",
		"shipped",
		"manage notifications",
		"notification settings",
		"renewal",
		"billed annually",
		"billed monthly",
		"your organization",
		"your organisation",
		"admin",
		"administrator",
		"policy",
		"your opinion matters",
		"your feedback",
		"let us know what you think",
		"almost there",
		"almost done",
		"almost finished",
		"one more step",
		"one last step",
	]),
	...entries("nl", "strong", [
		"wachtwoord opnieuw instellen",
		"wachtwoord herstellen",
		"wachtwoord wijzigen",
		"wachtwoord vergeten",
		"nieuw wachtwoord instellen",
		"verificatiecode",
		"bevestigingscode",
		"inlogcode",
		"beveiligingscode",
		"eenmalige code",
		"bevestig je e-mailadres",
		"bevestig uw e-mailadres",
		"e-mailadres bevestigen",
		"activeer je account",
		"activeer uw account",
		"account activeren",
		"nieuwe inlog",
		"wachtwoord is gewijzigd",
		"heeft je uitgenodigd",
		"heeft u uitgenodigd",
		"je factuur",
		"uw factuur",
		"factuurnummer",
		"factuurdatum",
		"betaalbewijs",
		"ontvangstbewijs",
		"kwitantie",
		"betaling mislukt",
		"betaling is gelukt",
		"orderbevestiging",
		"bestelbevestiging",
		"bestelnummer",
		"ordernummer",
		"je bestelling is verzonden",
		"uw bestelling is verzonden",
		"track & trace",
		"track en trace",
		"trackingcode",
		"is afgeschreven",
		"wordt automatisch verlengd",
		"=factuur",
		"=orderbevestiging",
		"je account is bijgewerkt",
		"uw account is bijgewerkt",
		"je gegevens zijn gewijzigd",
		"uw gegevens zijn gewijzigd",
		"heb je dit niet zelf gedaan",
		"heeft u dit niet zelf gedaan",
		"als je deze wijziging niet hebt aangevraagd",
		"als u deze wijziging niet heeft aangevraagd",
		"verwijderd uit je account",
		"verwijderd uit uw account",
		"je proefperiode",
		"uw proefperiode",
		"vul je profiel aan",
		"vul uw profiel aan",
		"rond je registratie af",
		"rond uw registratie af",
		"werk je gegevens bij",
		"werk uw gegevens bij",
		"hoe tevreden ben je",
		"hoe tevreden bent u",
		"hoe tevreden was je",
		"hoe tevreden was u",
		"tevredenheidsonderzoek",
		"klanttevredenheidsonderzoek",
		"beoordeel onze service",
		"beoordeel onze dienstverlening",
		"hoe waarschijnlijk is het dat je",
		"hoe waarschijnlijk is het dat u",
		"zou je ons aanbevelen",
		"zou u ons aanbevelen",
	]),
	...entries("nl", "supporting", [
		"je bestelling",
		"uw bestelling",
		"bedankt voor je bestelling",
		"bedankt voor uw bestelling",
		"factuur",
		"totaal",
		"subtotaal",
		"betaald",
		"je account",
		"uw account",
		"inloggen",
		"verzendadres",
		"factuuradres",
		"aantal",
		"niet aangevraagd",
		"verzonden",
		"je organisatie",
		"uw organisatie",
		"beheerder",
		"jouw mening",
		"uw mening",
		"je mening",
		"nog een stap",
		"nog één stap",
	]),
	...entries("de", "strong", [
		"passwort zurücksetzen",
		"passwort vergessen",
		"neues passwort",
		"bestätigungscode",
		"verifizierungscode",
		"sicherheitscode",
		"anmeldecode",
		"einmalcode",
		"e-mail-adresse bestätigen",
		"bestätige deine e-mail-adresse",
		"bestätigen sie ihre e-mail-adresse",
		"konto aktivieren",
		"neue anmeldung",
		"passwort wurde geändert",
		"hat dich eingeladen",
		"hat sie eingeladen",
		"deine rechnung",
		"ihre rechnung",
		"rechnungsnummer",
		"rechnungsdatum",
		"zahlungsbestätigung",
		"quittung",
		"zahlung fehlgeschlagen",
		"bestellbestätigung",
		"auftragsbestätigung",
		"bestellnummer",
		"versandbestätigung",
		"wurde versandt",
		"sendungsnummer",
		"sendungsverfolgung",
		"wurde belastet",
		"verlängert sich automatisch",
		"=rechnung",
		"=quittung",
		"=bestellbestätigung",
		"ihr konto wurde aktualisiert",
		"dein konto wurde aktualisiert",
		"ihre daten wurden geändert",
		"deine daten wurden geändert",
		"wenn sie diese änderung nicht vorgenommen haben",
		"wenn du diese änderung nicht vorgenommen hast",
		"aus ihrem konto entfernt",
		"aus deinem konto entfernt",
		"ihre testphase",
		"deine testphase",
		"ihr testzeitraum",
		"dein testzeitraum",
		"vervollständigen sie ihr profil",
		"vervollständige dein profil",
		"wie zufrieden sind sie",
		"wie zufrieden bist du",
		"wie zufrieden waren sie",
		"wie zufrieden warst du",
		"zufriedenheitsumfrage",
		"kundenzufriedenheitsumfrage",
		"bewerten sie unseren service",
		"bewerte unseren service",
		"wie wahrscheinlich ist es, dass sie",
		"wie wahrscheinlich ist es, dass du",
		"würden sie uns weiterempfehlen",
		"würdest du uns weiterempfehlen",
	]),
	...entries("de", "supporting", [
		"deine bestellung",
		"ihre bestellung",
		"vielen dank für deine bestellung",
		"vielen dank für ihre bestellung",
		"rechnung",
		"gesamt",
		"summe",
		"zwischensumme",
		"bezahlt",
		"dein konto",
		"ihr konto",
		"lieferadresse",
		"rechnungsadresse",
		"menge",
		"nicht angefordert",
		"versandt",
		"ihre organisation",
		"deine organisation",
		"administrator",
		"ihre meinung",
		"deine meinung",
		"fast geschafft",
		"noch ein schritt",
	]),
	...entries("fr", "strong", [
		"réinitialiser votre mot de passe",
		"réinitialisation du mot de passe",
		"réinitialisation de votre mot de passe",
		"mot de passe oublié",
		"nouveau mot de passe",
		"code de vérification",
		"code de confirmation",
		"code de sécurité",
		"code de connexion",
		"code à usage unique",
		"confirmez votre adresse e-mail",
		"confirmer votre adresse e-mail",
		"confirmez votre adresse email",
		"confirmer votre adresse email",
		"activer votre compte",
		"nouvelle connexion",
		"mot de passe a été modifié",
		"vous a invité",
		"votre facture",
		"numéro de facture",
		"date de facture",
		"reçu de paiement",
		"votre reçu",
		"échec du paiement",
		"confirmation de paiement",
		"confirmation de commande",
		"numéro de commande",
		"votre commande a été expédiée",
		"a été expédiée",
		"numéro de suivi",
		"suivre votre colis",
		"suivi de commande",
		"a été débitée",
		"sera renouvelé automatiquement",
		"=facture",
		"=reçu",
		"=confirmation de commande",
		"votre compte a été mis à jour",
		"vos informations ont été modifiées",
		"si vous n'êtes pas à l'origine de cette modification",
		"retiré de votre compte",
		"votre période d'essai",
		"complétez votre profil",
		"finalisez votre inscription",
		"finalisez la création de votre compte",
		"êtes-vous satisfait",
		"êtes-vous satisfaite",
		"quel est votre niveau de satisfaction",
		"enquête de satisfaction",
		"questionnaire de satisfaction",
		"évaluez notre service",
		"notez notre service",
		"recommanderiez-vous",
		"quelle est la probabilité que vous recommandiez",
	]),
	...entries("fr", "supporting", [
		"votre commande",
		"merci pour votre commande",
		"facture",
		"total",
		"sous-total",
		"payé",
		"votre compte",
		"se connecter",
		"adresse de livraison",
		"adresse de facturation",
		"quantité",
		"pas demandé",
		"expédiée",
		"votre organisation",
		"administrateur",
		"votre avis",
		"plus qu'une étape",
		"encore une étape",
	]),
];

/**
 * Promotion that offers.ts does not cover, because it has no conditions to
 * link to: a call to shop, a sale, product recommendations. Phrases, never a
 * bare "sale" (a receipt may say "Sale: €20", a point of sale) or "offer".
 */
const PROMOTION_PHRASES: readonly PromotionEntry[] = [
	...entries("en", "promotion", [
		"shop now",
		"shop the sale",
		"shop the collection",
		"shop the look",
		"shop sale",
		"flash sale",
		"summer sale",
		"winter sale",
		"spring sale",
		"end of season sale",
		"black friday",
		"cyber monday",
		"sale ends",
		"sale now on",
		"new arrivals",
		"new collection",
		"just dropped",
		"bestsellers",
		"best sellers",
		"upcoming products",
		"featured products",
		"newest deals",
		"newest collection",
		"newest sales",
		"newest offers",
		"recommended for you",
		"picked for you",
		"you may also like",
		"you might also like",
		"you might like",
		"customers also bought",
		"limited time offer",
		"limited-time offer",
		"special offer",
		"exclusive offer",
		"deal of the day",
		"today only",
		"buy now",
		"add to cart",
		"add to basket",
		"newest products",
		"check out our newest",
		"check out some of our newest",
	]),
	...entries("nl", "promotion", [
		"shop nu",
		"nu shoppen",
		"shop de sale",
		"bekijk de collectie",
		"nieuwe collectie",
		"nieuwe producten",
		"nieuw binnen",
		"aanbieding",
		"aanbiedingen",
		"uitverkoop",
		"opruiming",
		"alleen vandaag",
		"koop nu",
		"bestel nu",
		"in winkelmandje",
		"aanbevolen voor jou",
		"speciaal voor jou geselecteerd",
		"dit vind je misschien ook leuk",
		"bestsellers",
		"speciale aanbieding",
	]),
	...entries("de", "promotion", [
		"jetzt shoppen",
		"jetzt kaufen",
		"jetzt bestellen",
		"in den warenkorb",
		"zum sale",
		"neue kollektion",
		"neue produkte",
		"neuheiten",
		"sonderangebot",
		"sonderangebote",
		"schlussverkauf",
		"nur heute",
		"nur für kurze zeit",
		"empfehlungen für dich",
		"das könnte dir auch gefallen",
		"das könnte ihnen auch gefallen",
		"bestseller",
	]),
	...entries("fr", "promotion", [
		"acheter maintenant",
		"achetez maintenant",
		"commandez maintenant",
		"ajouter au panier",
		"découvrir la collection",
		"nouvelle collection",
		"nouveaux produits",
		"nouveautés",
		"soldes",
		"offre spéciale",
		"offre exclusive",
		"vente flash",
		"aujourd'hui seulement",
		"vous aimerez aussi",
		"recommandé pour vous",
		"sélectionné pour vous",
		"meilleures ventes",
	]),
];

/**
 * A numbered transaction document: "Invoice #12345", "Order no. 4711",
 * "Bestelnummer: 123", "Rechnung Nr. 2024-17", "Commande n° 123". Folded text.
 * A phrase cannot say "followed by a number", so this is a pattern.
 */
const NUMBERED_DOCUMENT =
	/(?<![\p{L}\p{N}])(invoice|receipt|order|factuur|bestelling|rechnung|bestellung|facture|commande|recu)\s?(?:#|no\.|nr\.?|number|nummer|n°|numero|id|:)\s?:?\s?#?[a-z]{0,3}\d[\d-]{2,}/u;

/**
 * Onboarding progress: "3 of 4 steps completed", "two out of three steps",
 * "2 van 3 stappen", "2 von 3 Schritten", "étape 2 sur 3", "2 étapes sur 3".
 * A count of steps out of a total is the account's set-up, not an article's
 * "five steps to a greener garden". Folded text.
 */
const SETUP_PROGRESS =
	/(?<![\p{L}\p{N}])(?:(?:\d|one|two|three|four|five|een|twee|drie|vier|ein|eins|zwei|drei|un|une|deux|trois|quatre)\s(?:of|out of|van|von)\s(?:\d|two|three|four|five|six|twee|drie|vier|vijf|zes|zwei|drei|funf|sechs)\s(?:steps?|stappen|schritten?)|etape\s\d\ssur\s\d|\d\setapes?\ssur\s\d)(?![\p{L}\p{N}])/u;

/**
 * A short announcement of something new to buy or book: "New bikes are in.",
 * "Neue Stauden.", "Nieuwe tulpen in de winkel.", "Nouvelle saison.", "Onze
 * nieuwe collectie". Weaker than a call to shop: it counts only in a mail
 * whose wording is not transactional ("New sign-in to your account" is), and
 * only as a paragraph of at most eight words that starts with it; "New York,
 * NY 10001" in a footer is a place. Folded text.
 */
const NEW_ARRIVALS =
	/^(?:(?:our|onze|unsere|nos)\s)?(?:new|neue|neuer|neues|neu|nieuwe|nieuw|nouveau|nouveaux|nouvelle|nouvelles|les nouveautes)\s(?!(?:york|jersey|zealand|hampshire|mexico|orleans|delhi|south wales|brunswick|haven|england|caledonie|caledonia)(?!\p{L}))\p{L}/u;
const ANNOUNCEMENT_WORDS = 8;

/**
 * A paragraph that is only an invitation to visit the business: "Come check
 * us out!", "Come and see us." (sendwithus's friend invitation to a shop).
 * Only the whole paragraph: "Come check us out on Facebook" in a footer is
 * a social link, not promotion. Folded text.
 */
const COME_VISIT = /^come (?:and )?(?:check us out|see us|visit us)$/u;

const transactionalLexicon = compileLexicon(TRANSACTIONAL_PHRASES);
const promotionLexicon = compileLexicon(PROMOTION_PHRASES);

export interface KindWordingMatch<Kind extends string> {
	kind: Kind;
	/** The phrase that matched, folded, for messages. */
	phrase: string;
}

/**
 * Every transactional phrase in `text`, each once (the lexicon search gives
 * the first; the text after each match is searched again).
 */
export function matchTransactionalWording(text: string): Array<KindWordingMatch<TransactionalStrength>> {
	const found: Array<KindWordingMatch<TransactionalStrength>> = [];
	let folded = foldText(text);
	const seen = new Set<string>();
	// A paragraph that is nothing but the document's name ("Receipt", "Factuur") is its heading.
	const heading = transactionalLexicon.whole(trimToWords(folded));
	if (heading) {
		const phrase = foldText(heading.phrase.replace(/^=/u, ""));
		seen.add(phrase);
		found.push({ kind: heading.kind, phrase });
	}
	const numbered = NUMBERED_DOCUMENT.exec(folded);
	if (numbered) {
		const phrase = `${numbered[1]!} number`;
		if (!seen.has(phrase)) found.push({ kind: "strong", phrase });
		seen.add(phrase);
	}
	if (SETUP_PROGRESS.test(folded)) {
		const phrase = "steps of the account set-up";
		if (!seen.has(phrase)) found.push({ kind: "strong", phrase });
		seen.add(phrase);
	}
	// A paragraph holds a handful of phrases; the bound keeps a hostile one from looping long.
	for (let round = 0; round < 30 && folded !== ""; round++) {
		const entry = transactionalLexicon.search(folded);
		if (!entry) break;
		const phrase = foldText(entry.phrase);
		if (!seen.has(phrase)) {
			seen.add(phrase);
			found.push({ kind: entry.kind, phrase });
		}
		// Search again from the second word of the match, not after it: phrases overlap ("your account"
		// and "account has been updated"). A spelling variant (a hyphen read as a space) is not found: drop the first word.
		const at = Math.max(0, folded.indexOf(phrase));
		const nextWord = folded.indexOf(" ", at);
		folded = nextWord < 0 ? "" : folded.slice(nextWord + 1);
	}
	return found;
}

/** A promotional phrase in `text` ("shop the sale", "nieuwe collectie", "Jetzt shoppen", "Vous aimerez aussi"). */
export function matchPromotionWording(text: string): KindWordingMatch<"promotion"> | undefined {
	const folded = foldText(text);
	if (folded === "") return undefined;
	const entry = promotionLexicon.search(folded);
	if (entry) return { kind: "promotion", phrase: foldText(entry.phrase) };
	const visit = trimToWords(folded);
	return COME_VISIT.test(visit) ? { kind: "promotion", phrase: visit } : undefined;
}

/** A short new-arrivals announcement ("Neue Stauden.", "New bikes are in."), quoted for messages; see NEW_ARRIVALS. */
export function matchNewArrivals(text: string): KindWordingMatch<"promotion"> | undefined {
	const folded = foldText(text);
	if (folded.split(" ").length > ANNOUNCEMENT_WORDS || !NEW_ARRIVALS.test(folded)) return undefined;
	return { kind: "promotion", phrase: trimToWords(folded) };
}

/** The lexicons as data, for documentation and tests. */
export const MAIL_KIND_LEXICON = { transactional: TRANSACTIONAL_PHRASES, promotion: PROMOTION_PHRASES } as const;
