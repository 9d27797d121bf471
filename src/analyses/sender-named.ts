/**
 * Whether a mail names any sender at all, for a marketing mail whose sender
 * nobody declared. Concealing who sends marketing mail is unlawful in every
 * supported jurisdiction (ePrivacy Directive art. 13(4), BW 3:15e, CAN-SPAM
 * 15 U.S.C. 7704(a)(1) and (a)(5), CASL s.6(2)(a)), but without a declared
 * name mailcomply cannot tell the right name from a wrong one. So it asks
 * only whether the mail names someone, and counts anything a reader would
 * take for the sender's name:
 * - an ESP tag or template variable for the organisation's name or address
 *   (`*|LIST:COMPANY|*`, `{{ company_name }}`), or a placeholder for one
 *   (`[Company Name]`, `[Product Name]`);
 * - a postal address (src/analyses/sender-address.ts);
 * - a `©` or copyright line, a legal-entity line ("Acme Inc.", "Bakkerij de
 *   Vries B.V.", "KvK 12345678", "Registered in England");
 * - a sign-off by a team or a name ("The Acme team", "Het team van Acme",
 *   "Dein Acme-Team", "L'équipe Acme", "Cheers, Merriweather"), or a
 *   sentence that names the brand the reader signed up with ("Thank you for
 *   signing up with Merriweather", "Welkom bij Bakkerij Jansen");
 * - a street line ("203 Main St.", "Kerkstraat 12"), even without a postcode;
 * - a logo's alt text, or a text logo: a first paragraph of one to three
 *   capitalised words ("Elise", "RestoBar") that is not a stock word such
 *   as "Logo" or "View online";
 * - a domain name or an e-mail address in the text.
 * A mail with any of these is not second-guessed.
 */
import type { TemplateSourceCode } from "../languages/template-source-code.js";
import { foldText } from "../lexicons/lexicon.js";
import { LEGAL_FORMS, hasOrganisationTag } from "./party-names.js";
import { getShownAddress } from "./sender-address.js";
import { getTextBlocks } from "./text-blocks.js";
import { getAttribute } from "../ast/attributes.js";

const COPYRIGHT =
	/©|\(c\)\s*\d{4}|\bcopyright\b|\bauteursrecht\b|\burheberrecht\b|\btous droits reserves\b|\ball rights reserved\b|\balle rechten voorbehouden\b|\balle rechte vorbehalten\b/u;
const REGISTRATION =
	/\b(?:kvk|kamer van koophandel|handelsregister|registergericht|amtsgericht|hrb|ust-idnr|company (?:no|number|registration)|registered in (?:england|scotland|wales|ireland)|registered office|siret|siren|rcs|tva intracommunautaire|btw(?:-nummer| nr| nummer)?)\b/u;
const TEAM_SIGN_OFF =
	/\b(?:the [\p{L}\p{N}&'. -]{1,40}? team|team [\p{L}\p{N}&'.-]{2,40}|het [\p{L}\p{N}&'. -]{1,40}?[- ]team|het team van [\p{L}\p{N}]|(?:dein|ihr|euer) [\p{L}\p{N}&'. -]{1,40}?-?team|l'equipe [\p{L}\p{N}]|toute l'equipe)\b/u;
/**
 * A word that follows a sign-off or a welcome, matched on the text as
 * written; {@link capitalisedAfter} then asks that it be capitalised, as a
 * name is ("Cheers, Merriweather", not "Thanks for reading").
 */
const NAMED_SIGN_OFF =
	/(?:^|[.!?|]\s*)(?:cheers|thanks|thank you|best|best regards|kind regards|regards|sincerely|groeten|hartelijke groet|met vriendelijke groet|viele grüße|grüße|beste grüße|cordialement|bien à vous|à bientôt)[,!]?\s+(?:the\s+|het\s+|das\s+|l'|—\s*)?([\p{L}\p{N}&'.-]+)/giu;
const BRAND_MENTION =
	/\b(?:signing up (?:with|for|to)|signed up (?:with|for|to)|welcome to|thanks? (?:you )?for (?:choosing|joining|shopping (?:with|at)|using)|welkom bij|aangemeld bij|willkommen bei|bienvenue (?:chez|sur|à))\s+([\p{L}\p{N}&'.-]+)/giu;

function capitalisedAfter(pattern: RegExp, text: string): boolean {
	for (const match of text.matchAll(pattern)) if (/^\p{Lu}/u.test(match[1] ?? "")) return true;
	return false;
}
/**
 * `street` → `[Ss][Tt][Rr][Ee][Ee][Tt]`: a word in any case inside a regex
 * whose other words must be capitalised. A `u` regex with the `i` flag
 * matches `\p{Lu}` on any cased letter, so the flag cannot be used there.
 */
function anyCase(word: string): string {
	return [...word].map((letter) => `[${letter.toUpperCase()}${letter.toLowerCase()}]`).join("");
}
const STREET_TYPES = "st street ave avenue rd road blvd boulevard lane ln way drive dr court ct place pl".split(" ");
/** A number and one to three capitalised words before the street type: "203 Main St.", "12 North Oak AVENUE"; not "1 more place". */
const NUMBERED_STREET = new RegExp(
	String.raw`\b\d{1,5}\s+(?:\p{Lu}[\p{L}.'-]*\s+){1,3}(?:${STREET_TYPES.map(anyCase).join("|")})\b\.?`,
	"u",
);
/** A street name before its number ("Kerkstraat 12", "Hauptstraße 5"), or a French number and street ("12 rue de la Paix"). */
const STREET_THEN_NUMBER =
	/\b\p{L}+(?:straat|laan|weg|plein|gracht|kade|straße|strasse|gasse|allee|platz)\s+\d{1,4}\b|\b\d{1,4},?\s+(?:rue|avenue|boulevard|place|chemin)\s+\p{L}/iu;
const PLACEHOLDER_NAME = /\[(?:company|product|brand|sender|organi[sz]ation|business)[ _-]?name\]|\[sender_\w+\]/u;
const DOMAIN_OR_EMAIL =
	/\b[\w.+-]+@[\w-]+\.[\w.-]+\b|\b(?:www\.)?[a-z0-9-]{2,}\.(?:com|nl|de|fr|be|co\.uk|uk|org|net|io|eu|ca|us|ch|at|app|co)\b/u;

/** A legal form after a name ("Acme Inc.", "Teehaus Berger GmbH"): the form's folded words, a word before it. */
function hasLegalEntity(folded: string): boolean {
	const words = folded.replace(/(?<=[\p{L}\p{N}])\.(?=[\p{L}\p{N}])|\.(?=\s|$|,)/gu, "").split(/[^\p{L}\p{N}&]+/u);
	// The form must follow another word; "co" and "sa" alone are too common to count.
	for (let index = 1; index < words.length; index++) {
		const word = words[index]!;
		if (LEGAL_FORMS.has(word) && word.length > 2 && words[index - 1] !== "") return true;
	}
	return false;
}

/** Words a template's first paragraph holds when it is not a text logo. */
const NOT_A_TEXT_LOGO =
	/^(?:logo|logo here|your logo|view online|view in browser|web version|online bekijken|im browser (?:ansehen|anzeigen)|voir en ligne|hi|hello|hey|welcome|dear|hallo|beste|liebe|bonjour)\b/iu;

/** The first paragraph, when it is one to three capitalised words: a brand written as a text logo. */
function hasTextLogo(blocks: readonly string[]): boolean {
	const first = blocks.find((block) => /[\p{L}\p{N}]/u.test(block))?.trim();
	if (first === undefined) return false;
	const words = first.split(/\s+/u);
	return words.length <= 3 && /^\p{Lu}/u.test(first) && !NOT_A_TEXT_LOGO.test(first) && !first.includes("{");
}

/**
 * What a mail shows beside its paragraphs' words: a tag that prints the
 * organisation's name, a logo's alt text, a postal address. Asked only when
 * the words name nobody (the address search reads the whole text).
 */
export interface SenderSigns {
	organisationTag(): boolean;
	logoAlt(): boolean;
	address(): boolean;
}

/**
 * Whether paragraphs of a mail's visible text (an HTML part's blocks, a
 * plain-text part's paragraphs), with the signs beside them, name any
 * sender (see the file comment for what counts).
 */
export function namesSomeSenderIn(blocks: readonly string[], signs: SenderSigns): boolean {
	// Any one sign is enough, so the signs are asked cheapest first: most mails have a copyright line or a domain, and the postal-address search reads the whole text.
	if (signs.organisationTag() || hasTextLogo(blocks)) return true;
	const folded = blocks.map((block) => foldText(block));
	for (let index = 0; index < blocks.length; index++) {
		const text = folded[index]!;
		if (blocks[index]!.includes("©") || COPYRIGHT.test(text) || REGISTRATION.test(text)) return true;
		if (PLACEHOLDER_NAME.test(text) || DOMAIN_OR_EMAIL.test(text)) return true;
	}
	for (let index = 0; index < blocks.length; index++) {
		const text = blocks[index]!;
		if (TEAM_SIGN_OFF.test(folded[index]!) || hasLegalEntity(folded[index]!)) return true;
		if (capitalisedAfter(NAMED_SIGN_OFF, text) || capitalisedAfter(BRAND_MENTION, text)) return true;
		if (NUMBERED_STREET.test(text) || STREET_THEN_NUMBER.test(text)) return true;
	}
	return signs.logoAlt() || signs.address();
}

function findSenderName(sourceCode: TemplateSourceCode): boolean {
	return namesSomeSenderIn(
		getTextBlocks(sourceCode).map((block) => block.text),
		{
			organisationTag: () => hasOrganisationTag(sourceCode, "company"),
			logoAlt: () => hasLogoAlt(sourceCode),
			address: () => getShownAddress(sourceCode) !== undefined,
		},
	);
}

/** An image that is a logo (its alt, src, class or id says so) with alt text: the brand, named in an image. */
function hasLogoAlt(sourceCode: TemplateSourceCode): boolean {
	for (const node of sourceCode.getElements()) {
		if (node.name !== "img" && node.name !== "mj-image") continue;
		const attribute = (name: string) => getAttribute(node, name)?.value ?? "";
		const alt = attribute("alt").trim();
		if (alt === "" || /^logo$/iu.test(alt)) continue;
		if (/logo/iu.test(`${alt} ${attribute("src")} ${attribute("class")} ${attribute("id")}`)) return true;
	}
	return false;
}

/** Whether the mail names any sender (see the file comment for what counts). */
export function namesSomeSender(sourceCode: TemplateSourceCode): boolean {
	return sourceCode.memo(findSenderName);
}
