/**
 * Whether a mail shows its sender's postal address: written out in the
 * visible text (see src/lexicons/postal-address.ts), or as an ESP merge tag
 * that the ESP fills with the address from the account settings
 * (`*|LIST:ADDRESSLINE|*`, `{{ organization.full_address }}`, `%%Member_Addr%%`).
 */
import type { Esp } from "../campaign/types.js";
import type { TemplateSourceCode } from "../languages/template-source-code.js";
import { ESP_CATALOGUE } from "../lexicons/esp-merge-tags/catalogue.js";
import { equivalentTags } from "../lexicons/esp-merge-tags/matcher.js";
import { findPostalAddress, type FoundAddress } from "../lexicons/postal-address.js";
import { hasOrganisationTag } from "./party-names.js";
import { getTextBlocks } from "./text-blocks.js";

export type ShownAddress = { kind: "text"; address: FoundAddress } | { kind: "tag" };

/**
 * The address that paragraphs of a mail's visible text (an HTML part's
 * blocks, a plain-text part's paragraphs) show, or that an ESP's address tag
 * among them prints; `streetOnly` skips post-office boxes.
 */
export function findAddressIn(
	blocks: readonly string[],
	addressTag: boolean,
	{ streetOnly = false }: { streetOnly?: boolean } = {},
): ShownAddress | undefined {
	if (addressTag) return { kind: "tag" };
	// Address lines often sit in separate paragraphs or cells; " | " joins them the way a reader reads them.
	const address = findPostalAddress(blocks.join(" | "), { streetOnly });
	return address ? { kind: "text", address } : undefined;
}

/** A shown address, or the street address where the one found first is a post-office box. */
export function findStreetAddressIn(
	blocks: readonly string[],
	shown: ShownAddress | undefined,
): ShownAddress | undefined {
	if (shown === undefined || shown.kind === "tag" || !shown.address.box) return shown;
	return findAddressIn(blocks, false, { streetOnly: true });
}

const blockTexts = (sourceCode: TemplateSourceCode): string[] => getTextBlocks(sourceCode).map((block) => block.text);

function findShownAddress(sourceCode: TemplateSourceCode): ShownAddress | undefined {
	return findAddressIn(blockTexts(sourceCode), hasOrganisationTag(sourceCode, "address"));
}

export function getShownAddress(sourceCode: TemplateSourceCode): ShownAddress | undefined {
	return sourceCode.memo(findShownAddress);
}

function findShownStreetAddress(sourceCode: TemplateSourceCode): ShownAddress | undefined {
	return findStreetAddressIn(blockTexts(sourceCode), getShownAddress(sourceCode));
}

/**
 * The sender's street address, for laws that do not accept a post-office box
 * (§ 5 DDG: "die Anschrift, unter der sie niedergelassen sind"). An ESP's
 * address tag counts: it prints the account's address, whatever that is.
 */
export function getShownStreetAddress(sourceCode: TemplateSourceCode): ShownAddress | undefined {
	return sourceCode.memo(findShownStreetAddress);
}

/** The tag that prints the whole address on one line, where the ESP has one. */
const ONE_LINE_ADDRESS = /ADDRESSLINE|SINGLELINE|full_address|Sender_Address|Member_Addr|street_address_1/iu;

/** How to add the sender's address or name with the campaign's ESP, for messages: `*|LIST:ADDRESSLINE|* (Mailchimp)`. */
export function organisationTagHint(esp: Esp | undefined, role: "address" | "company"): string | undefined {
	if (!esp || esp === "other") return undefined;
	const tags = equivalentTags(esp, role);
	const tag = role === "address" ? (tags.find((text) => ONE_LINE_ADDRESS.test(text)) ?? tags[0]) : tags[0];
	return tag === undefined ? undefined : `${tag} (${ESP_CATALOGUE[esp].name})`;
}
