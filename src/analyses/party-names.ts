/**
 * Whether a mail names a party (the sender, the agency that sends for it, the
 * owner of a rented list), by name, in its visible text: the text of every
 * paragraph, included partials and image alt text too.
 *
 * Names are matched the way a reader recognises them, not letter for letter:
 * case, accents and punctuation are ignored, and trailing legal forms are
 * dropped on the campaign's side, so "Bakkerij de Vries B.V." is named by
 * "Bakkerij De Vries" and "Teehaus Berger GmbH" by "TEEHAUS BERGER". What
 * remains must appear as a whole phrase within one paragraph ("de Vries" alone
 * does not name "Bakkerij de Vries").
 */
import type { MergeTagNode } from "../ast/types.js";
import type { TemplateSourceCode } from "../languages/template-source-code.js";
import type { TagRole } from "../lexicons/esp-merge-tags/catalogue.js";
import { classifyMergeTag } from "../lexicons/esp-merge-tags/matcher.js";
import { foldText } from "../lexicons/lexicon.js";
import { getLinks } from "./links.js";
import { getTextBlocks } from "./text-blocks.js";

/**
 * Legal forms, folded and without dots (`B.V.` → `bv`), that may trail a
 * company's name; a sidecar writes them, a footer often leaves them out.
 */
export const LEGAL_FORMS: ReadonlySet<string> = new Set([
	// nl, be
	"bv",
	"nv",
	"vof",
	"cv",
	"bvba",
	"cvba",
	"vzw",
	"asbl",
	"srl",
	"sprl",
	"commv",
	"ua",
	// de, at, ch
	"gmbh",
	"ag",
	"ug",
	"kg",
	"ohg",
	"ev",
	"eg",
	"gbr",
	"kgaa",
	"se",
	"mbh",
	"haftungsbeschrankt",
	// fr, es, it, pt
	"sa",
	"sas",
	"sasu",
	"sarl",
	"eurl",
	"sca",
	"snc",
	"sl",
	"slu",
	"spa",
	"sapa",
	"lda",
	// en
	"ltd",
	"limited",
	"llc",
	"inc",
	"incorporated",
	"corp",
	"corporation",
	"plc",
	"llp",
	"lp",
	"co",
	"pty",
	"cic",
]);

/**
 * A party name's words, folded, without punctuation and without trailing
 * legal forms (`Bakkerij de Vries B.V.` → `bakkerij de vries`). Keeps the
 * legal form when the name is nothing else.
 */
export function partyNameWords(name: string): string[] {
	const words = normaliseWords(name);
	let end = words.length;
	while (end > 1 && LEGAL_FORMS.has(words[end - 1] ?? "")) end--;
	return words.slice(0, end);
}

/** Folds, removes the dots inside abbreviations (`B.V.`, `e.V.`), turns other punctuation into spaces. */
function normaliseWords(text: string): string[] {
	return foldText(text)
		.replace(/(?<=[\p{L}\p{N}])\.(?=[\p{L}\p{N}])|\.(?=\s|$)/gu, "")
		.replace(/[^\p{L}\p{N}]+/gu, " ")
		.trim()
		.split(" ")
		.filter((word) => word !== "");
}

/**
 * Each paragraph of the mail's visible text as its words, space-padded
 * (` word word `) so a phrase search respects word boundaries. Its own
 * analysis, apart from the tags: folding every paragraph is the costly part,
 * and a question about tags alone should not pay for it.
 */
function collectPartyWords(sourceCode: TemplateSourceCode): string[] {
	return getTextBlocks(sourceCode).map((block) => ` ${normaliseWords(block.text).join(" ")} `);
}

interface PartyTags {
	/** The roles of the ESP merge tags in the mail's text (`company`, `address`…). */
	roles: Set<TagRole>;
	/** Merge tags in the text, for generic variables (`{{ company.address }}`). */
	tags: MergeTagNode[];
}

function collectPartyTags(sourceCode: TemplateSourceCode): PartyTags {
	const tags = getLinks(sourceCode)
		.textMergeTags.map(({ tag }) => tag)
		.filter((tag) => tag.clients !== "none");
	const roles = new Set<TagRole>();
	for (const tag of tags) for (const match of classifyMergeTag(tag)) roles.add(match.role);
	return { roles, tags };
}

/** Whether the mail's visible text names `name` (legal form, case, accents and punctuation aside). */
export function namesParty(sourceCode: TemplateSourceCode, name: string): boolean {
	return namedIn(sourceCode.memo(collectPartyWords), name);
}

/** The same for a text message: whether one of its texts (the SMS, a WhatsApp component) names `name`. */
export function textsNameParty(texts: readonly string[], name: string): boolean {
	return namedIn(
		texts.map((text) => ` ${normaliseWords(text).join(" ")} `),
		name,
	);
}

/** Whether one of the space-padded word blocks holds `name`'s words as a phrase. */
function namedIn(blocks: readonly string[], name: string): boolean {
	const words = partyNameWords(name);
	if (words.length === 0) return false;
	const phrase = ` ${words.join(" ")} `;
	return blocks.some((block) => block.includes(phrase));
}

/** An optional namespace that holds the sender's settings (`site_settings.`, `sender.`, `footer.`), never the recipient's (`contact.`). */
const OWN_NAMESPACE = String.raw`(?:[a-z]*[_-]?(?:settings|sender|account|global|config|footer|company|organi[sz]ation)[._])?`;
/**
 * A template variable that outputs the organisation's name or address:
 * `{{ company_name }}`, `{{ sender.name }}`, `{{ company.address }}`,
 * `{{ footer.postal_address }}`. Not `{{ contact.company_name }}` (the recipient's).
 */
const GENERIC_VARIABLE: Readonly<Record<"company" | "address", RegExp>> = {
	company: new RegExp(
		String.raw`^${OWN_NAMESPACE}(?:company|sender|business|organi[sz]ation|org|brand)[._-]?name$`,
		"iu",
	),
	address: new RegExp(
		String.raw`^${OWN_NAMESPACE}(?:company|sender|business|organi[sz]ation|org|office|postal|mailing|physical)[._-]?(?:full[._-]?)?(?:address|adres|adresse|anschrift)(?:[._-]?(?:line|html|text|singleline)\d?)?$`,
		"iu",
	),
};

/** A merge tag as the ESP catalogue reads it: its family and the expression inside its delimiters. */
type TagText = Pick<MergeTagNode, "syntax" | "expression">;

/**
 * Whether a merge tag prints the sending organisation's name (`company`:
 * `*|LIST:COMPANY|*`, `{{ organization.name }}`) or postal address
 * (`address`: `*|LIST:ADDRESSLINE|*`, `%%Member_Addr%%`): an ESP's tag for
 * it, or a template variable whose name says so (`{{ company.address }}`).
 */
export function isOrganisationTag(tag: TagText, role: "company" | "address"): boolean {
	return classifyMergeTag(tag).some((match) => match.role === role) || namesOrganisationVariable(tag, role);
}

/** A template variable whose name says it holds the organisation's name or address; not `{{ contact.company_name }}`. */
function namesOrganisationVariable(tag: TagText, role: "company" | "address"): boolean {
	// `{% if company.address %}` is logic, not output; the variable name is the expression's first token.
	if (tag.syntax === "curly-percent") return false;
	const variable = /^[\w.$-]+/u.exec(tag.expression.trim())?.[0];
	return variable !== undefined && GENERIC_VARIABLE[role].test(variable);
}

/** Whether the mail's visible text has a merge tag that prints the organisation's name or address ({@link isOrganisationTag}). */
export function hasOrganisationTag(sourceCode: TemplateSourceCode, role: "company" | "address"): boolean {
	const { roles, tags } = sourceCode.memo(collectPartyTags);
	// The ESP roles were classified once per mail; only the variable names are left to read.
	return roles.has(role) || tags.some((tag) => namesOrganisationVariable(tag, role));
}
