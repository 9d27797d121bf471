/**
 * Whether a mail shows its sender's postal address: written out in the
 * visible text (see src/lexicons/postal-address.ts), or as an ESP merge tag
 * that the ESP fills with the address from the account settings
 * (`*|LIST:ADDRESSLINE|*`, `{{ organization.full_address }}`, `%%Member_Addr%%`).
 */
import type { Esp } from "../campaign/types.js";
import type { TemplateSourceCode } from "../languages/template-source-code.js";
import { ESP_CATALOGUE, equivalentTags } from "../lexicons/esp-merge-tags.js";
import { findPostalAddress, type FoundAddress } from "../lexicons/postal-address.js";
import { hasOrganisationTag } from "./party-names.js";
import { getTextBlocks } from "./text-blocks.js";

export type ShownAddress = { kind: "text"; address: FoundAddress } | { kind: "tag" };

function findShownAddress(sourceCode: TemplateSourceCode): ShownAddress | undefined {
	if (hasOrganisationTag(sourceCode, "address")) return { kind: "tag" };
	// Address lines often sit in separate paragraphs or cells; " | " joins them the way a reader reads them.
	const text = getTextBlocks(sourceCode)
		.map((block) => block.text)
		.join(" | ");
	const address = findPostalAddress(text);
	return address ? { kind: "text", address } : undefined;
}

export function getShownAddress(sourceCode: TemplateSourceCode): ShownAddress | undefined {
	return sourceCode.memo(findShownAddress);
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
