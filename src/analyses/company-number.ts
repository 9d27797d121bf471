import type { DocumentNode, ElementNode } from "../ast/types.js";
import type { TextBlock } from "./text-blocks.js";

/**
 * Dutch trade-register (KvK) numbers shown in a document's text: "KvK
 * 12345678", "KvK-nummer: 1234 5678", "K.v.K. nr. 12345678", "Kamer van
 * Koophandel 12345678", "Chamber of Commerce 12345678", or a label followed
 * by a merge tag ("KvK: {{ company.kvk }}"); a bare merge tag named for the
 * number is {@link isCompanyNumberVariable}'s. Works on text blocks, so the
 * same search serves mails and (later) sign-up pages, where BW 3:15d(1)(c)
 * asks for the number too.
 */
export interface ShownCompanyNumber {
	node: ElementNode | DocumentNode;
	/** The label and number as written, for messages. */
	written: string;
	/** The digits; empty when a merge tag fills the number in. */
	digits: string;
	/** Eight digits, or a merge tag. */
	wellFormed: boolean;
}

/** Labels that can only mean the Dutch register; a wrong digit count after them is worth reporting. */
const DUTCH_LABEL = String.raw`k\.?\s?v\.?\s?k\.?|kamer\s+van\s+koophandel`;
/** Labels other registers use too; they count only with eight digits. */
const GENERIC_LABEL = String.raw`coc|chamber\s+of\s+commerce`;
const SUFFIX = String.raw`(?:[-\s]?(?:nummer|nr\.?|no\.?|number|#))?`;
/** "KvK 12345678", "KvK-nummer: 1234 5678", "Kamer van Koophandel onder nummer 12345678", "Chamber of Commerce under number 12345678". */
const SEPARATOR = String.raw`(?:\s*[:.#-])?\s*(?:(?:onder|under)\s+(?:(?:het\s+)?(?:nummer|number|nr\.?|no\.?)\s*)?|(?:nr|no)\.?\s*)?`;
const NUMBER = String.raw`(?<number>\d{4}[ .]\d{4}(?!\d)|\d{2}[ .]\d{2}[ .]\d{2}[ .]\d{2}(?!\d)|\d+)`;
/** Merge-tag openers of the supported syntaxes: `{{`, `{%`, `{$`, `*|`, `%%`, `[[`, `<%`, `%NAME%`, `##`. */
const TAG = String.raw`(?<tag>\{|\*\||%|\[\[|<%|##)`;

const LABELLED = new RegExp(
	String.raw`(?<![\p{L}\p{N}])(?<label>(?<dutch>${DUTCH_LABEL})|${GENERIC_LABEL})${SUFFIX}${SEPARATOR}(?:${NUMBER}|${TAG})`,
	"giu",
);

/**
 * Another country's trade-register or enterprise number: Belgian
 * ondernemingsnummer / numéro d'entreprise (KBO/BCE, `BE0123.456.789`),
 * German Handelsregister (`HRB 12345`), French RCS/SIREN. A sender that shows
 * one is registered there, and the Dutch Handelsregisterwet, which binds
 * enterprises in the Dutch register, does not ask it for a KvK number.
 */
const FOREIGN_REGISTER = new RegExp(
	[
		// Belgium: the word, or the number in its BE0123.456.789 / 0123.456.789 form after KBO/BCE/BTW/TVA.
		String.raw`(?<![\p{L}\p{N}])(?:ondernemings(?:nummer|nr\.?)|num[ée]ro\s+d['’]entreprise|n°\s*d['’]entreprise|unternehmensnummer)(?!\p{L})`,
		String.raw`(?<![\p{L}\p{N}])BE\s?0?[01]\d{3}[ .]?\d{3}[ .]?\d{3}(?!\d)`,
		String.raw`(?<![\p{L}\p{N}])(?:KBO|BCE)(?:-?nummer|-?nr\.?)?\s*(?::\s*)?0?[01]\d{3}[ .]?\d{3}[ .]?\d{3}(?!\d)`,
		// Germany: HRB 12345 / HRA 1234, Amtsgericht.
		String.raw`(?<![\p{L}\p{N}])HR[AB]\s?\d{2,6}(?!\d)`,
		// France: RCS Paris 123 456 789, SIREN / SIRET.
		String.raw`(?<![\p{L}\p{N}])(?:RCS\s+[A-Z][\p{L}-]+|SIREN|SIRET)(?!\p{L})`,
	].join("|"),
	"u",
);

/** A Belgian enterprise number as a sidecar may declare it: `BE0123.456.789`, `0123456789`. */
const BELGIAN_NUMBER = /^(?:BE)?\s?[01]\d{3}[ .]?\d{3}[ .]?\d{3}$/iu;

/** Whether the mail shows another country's company-register number, or the sidecar declares a Belgian one. */
export function showsForeignRegister(blocks: readonly TextBlock[], declaredNumber: string | undefined): boolean {
	if (declaredNumber !== undefined && BELGIAN_NUMBER.test(declaredNumber.trim())) return true;
	return blocks.some((block) => FOREIGN_REGISTER.test(block.text));
}

/** A template variable named for the number: `company.kvk`, `coc_number`, `sender.companyNumber`, `registration_number`. */
const NUMBER_VARIABLE =
	/kvk|coc[_-]?(?:number|nr)|chamber[_-]?of[_-]?commerce|company[_-]?number|registration[_-]?number/iu;

/** Whether a merge tag's expression names the company number, so the ESP or template fills it in. */
export function isCompanyNumberVariable(expression: string): boolean {
	return NUMBER_VARIABLE.test(expression);
}

export function findCompanyNumbers(blocks: readonly TextBlock[]): ShownCompanyNumber[] {
	const found: ShownCompanyNumber[] = [];
	for (const block of blocks) {
		for (const match of block.text.matchAll(LABELLED)) {
			const groups = match.groups ?? {};
			if (groups.tag !== undefined) {
				found.push({ node: block.node, written: match[0].trim(), digits: "", wellFormed: true });
				continue;
			}
			const digits = (groups.number ?? "").replace(/\D/gu, "");
			const wellFormed = digits.length === 8;
			// "CoC 123" is some other register's number, not a misspelt KvK number.
			if (!wellFormed && groups.dutch === undefined) continue;
			found.push({ node: block.node, written: match[0].trim(), digits, wellFormed });
		}
	}
	return found;
}
