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

function findShownAddress(sourceCode: TemplateSourceCode): ShownAddress | undefined {
	if (hasOrganisationTag(sourceCode, "address")) return { kind: "tag" };
	const address = findPostalAddress(blockText(sourceCode));
	return address ? { kind: "text", address } : undefined;
}

/** Address lines often sit in separate paragraphs or cells; " | " joins them the way a reader reads them. */
function blockText(sourceCode: TemplateSourceCode): string {
	return getTextBlocks(sourceCode)
		.map((block) => block.text)
		.join(" | ");
}

export function getShownAddress(sourceCode: TemplateSourceCode): ShownAddress | undefined {
	return sourceCode.memo(findShownAddress);
}

function findShownStreetAddress(sourceCode: TemplateSourceCode): ShownAddress | undefined {
	const shown = getShownAddress(sourceCode);
	if (shown === undefined || shown.kind === "tag" || !shown.address.box) return shown;
	const address = findPostalAddress(blockText(sourceCode), { streetOnly: true });
	return address ? { kind: "text", address } : undefined;
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
