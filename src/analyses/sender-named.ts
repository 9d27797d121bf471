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
 * - a sign-off by a team ("The Acme team", "Het team van Acme", "Dein
 *   Acme-Team", "L'équipe Acme");
 * - a logo's alt text, a domain name or an e-mail address in the text.
 * A mail with any of these is not second-guessed.
 */
import type { TemplateNode } from "../ast/types.js";
import type { TemplateSourceCode } from "../languages/template-source-code.js";
import { foldText } from "../lexicons/lexicon.js";
import { LEGAL_FORMS, hasOrganisationTag } from "./party-names.js";
import { getShownAddress } from "./sender-address.js";
import { getTextBlocks } from "./text-blocks.js";

const COPYRIGHT = /©|\(c\)\s*\d{4}|\bcopyright\b|\bauteursrecht\b|\burheberrecht\b|\btous droits reserves\b|\ball rights reserved\b|\balle rechten voorbehouden\b|\balle rechte vorbehalten\b/u;
const REGISTRATION = /\b(?:kvk|kamer van koophandel|handelsregister|registergericht|amtsgericht|hrb|ust-idnr|company (?:no|number|registration)|registered in (?:england|scotland|wales|ireland)|registered office|siret|siren|rcs|tva intracommunautaire|btw(?:-nummer| nr| nummer)?)\b/u;
const TEAM_SIGN_OFF = /\b(?:the [\p{L}\p{N}&'. -]{1,40}? team|team [\p{L}\p{N}&'.-]{2,40}|het [\p{L}\p{N}&'. -]{1,40}?[- ]team|het team van [\p{L}\p{N}]|(?:dein|ihr|euer) [\p{L}\p{N}&'. -]{1,40}?-?team|l'equipe [\p{L}\p{N}]|toute l'equipe)\b/u;
const PLACEHOLDER_NAME = /\[(?:company|product|brand|sender|organi[sz]ation|business)[ _-]?name\]|\[sender_\w+\]/u;
const DOMAIN_OR_EMAIL = /\b[\w.+-]+@[\w-]+\.[\w.-]+\b|\b(?:www\.)?[a-z0-9-]{2,}\.(?:com|nl|de|fr|be|co\.uk|uk|org|net|io|eu|ca|us|ch|at|app|co)\b/u;

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

function findSenderName(sourceCode: TemplateSourceCode): boolean {
	if (hasOrganisationTag(sourceCode, "company") || getShownAddress(sourceCode) !== undefined) return true;
	for (const block of getTextBlocks(sourceCode)) {
		const folded = foldText(block.text);
		if (COPYRIGHT.test(folded) || block.text.includes("©") || REGISTRATION.test(folded) || TEAM_SIGN_OFF.test(folded)) return true;
		if (PLACEHOLDER_NAME.test(folded) || DOMAIN_OR_EMAIL.test(folded) || hasLegalEntity(folded)) return true;
	}
	return hasLogoAlt(sourceCode);
}

/** An image that is a logo (its alt, src, class or id says so) with alt text: the brand, named in an image. */
function hasLogoAlt(sourceCode: TemplateSourceCode): boolean {
	for (const step of sourceCode.traverse()) {
		const node = step.target as TemplateNode;
		if (step.phase !== 1 || node.type !== "Element" || (node.name !== "img" && node.name !== "mj-image")) continue;
		const attribute = (name: string) => node.attributes.find((candidate) => candidate.name === name)?.value ?? "";
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
