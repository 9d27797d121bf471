/**
 * Whether a captured message's `From` display name identifies the sender
 * the campaign declares. The display name is what a recipient reads as
 * "who sent this"; one that names somebody else disguises the sender
 * (ePrivacy Directive art. 13(4); CAN-SPAM 15 U.S.C. 7704(a)(1): header
 * information may not be materially misleading).
 *
 * Brands differ from legal names ("Kruidvat" for "A.S. Watson B.V."), and a
 * person may sign ("Anna de Vries"), so a display name counts as
 * identifying the sender when any of these holds:
 * - it shares a distinctive word with a declared party (sender or the
 *   agency that sends for it), or one name is the other written together
 *   ("TheehuisJansen") or as initials ("AH" for "Albert Heijn");
 * - the mail's own text names it (the brand or the person it shows);
 * - the address's domain is the declared party's ("theehuisjansen.nl").
 * Only a display name that meets none of them is reported.
 */
import { partyNameWords } from "../analyses/party-names.js";
import { findMergeTags } from "../template/merge-tags.js";

/** Words that say nothing about who a party is: "Nieuwsbrief", "Team", "Service". */
const GENERIC_WORDS: ReadonlySet<string> = new Set([
	"the",
	"and",
	"van",
	"von",
	"der",
	"den",
	"het",
	"les",
	"des",
	"team",
	"news",
	"nieuws",
	"newsletter",
	"nieuwsbrief",
	"info",
	"service",
	"services",
	"klantenservice",
	"kundenservice",
	"support",
	"shop",
	"store",
	"online",
	"group",
	"groep",
	"gruppe",
	"holding",
	"international",
	"nederland",
	"deutschland",
	"benelux",
	"europe",
	"mail",
	"noreply",
	"reply",
]);

const distinctive = (words: readonly string[]) => words.filter((word) => word.length >= 3 && !GENERIC_WORDS.has(word));

/** Whether two names are one party's: a shared distinctive word, the same letters written together, or initials. */
function sameParty(a: readonly string[], b: readonly string[]): boolean {
	const other = new Set(distinctive(b));
	if (distinctive(a).some((word) => other.has(word))) return true;
	const joinedA = a.join("");
	const joinedB = b.join("");
	if (joinedA.length >= 3 && joinedB.length >= 3 && (joinedA.includes(joinedB) || joinedB.includes(joinedA)))
		return true;
	const initials = (words: readonly string[]) => (words.length >= 2 ? words.map((word) => word[0]).join("") : "");
	return (a.length === 1 && a[0] === initials(b)) || (b.length === 1 && b[0] === initials(a));
}

/** The labels of an address's domain that name its owner: `mail.theehuisjansen.nl` → `theehuisjansen`. */
function domainWords(address: string): string[] {
	const domain = address.split("@")[1]?.toLowerCase() ?? "";
	const labels = domain.split(".").filter(Boolean);
	// The last label is the top-level domain; a two-letter second-level one (`co.uk`, `com.au`) goes too.
	labels.pop();
	if (labels.length > 1 && /^(?:co|com|org|net|ac|gov)$/u.test(labels.at(-1) ?? "")) labels.pop();
	return labels.flatMap((label) => label.split("-")).filter((label) => label.length >= 2);
}

export interface FromMailbox {
	name: string;
	address: string;
}

/**
 * Whether the `From` mailbox identifies one of `parties` (the declared
 * sender, the agency); `namedInMail` says whether the mail's text names a
 * name. A mailbox without a display name is not judged here.
 */
export function fromIdentifiesSender(
	mailbox: FromMailbox,
	parties: readonly string[],
	namedInMail: (name: string) => boolean,
): boolean {
	// An ESP export may still hold the tag the ESP fills in (`*|LIST:COMPANY|*`): what it prints is not known here.
	if (findMergeTags(mailbox.name).length > 0) return true;
	const shown = partyNameWords(mailbox.name);
	if (shown.length === 0) return true;
	const declared = parties.map(partyNameWords).filter((words) => words.length > 0);
	if (declared.length === 0) return true;
	if (declared.some((words) => sameParty(shown, words))) return true;
	if (namedInMail(mailbox.name)) return true;
	const domain = domainWords(mailbox.address);
	return declared.some((words) => domain.some((label) => sameParty([label], words)));
}
