/**
 * Template variable names that hold a recipient's personal data in clear
 * text: e-mail address, name, phone number, postal address, in English,
 * Dutch, German and French, as ESPs and template languages spell them
 * (`*|EMAIL|*`, `{{ subscriber.first_name }}`, `%recipient.email%`,
 * `%%emailaddr%%`, `[[EMAIL_TO]]`, `{{ contact.TELEFOON }}`).
 *
 * Hashes (`{{ email | md5 }}`, `*|EMAIL_HASH|*`), ids (`*|UNIQID|*`,
 * `{{ subscriber.id }}`) and the sender's own details (`*|LIST:ADDRESS|*`,
 * `{{ organization.name }}`) are not.
 */
import { foldText } from "./lexicon.js";

export type PersonalDataKind = "email" | "name" | "phone" | "address";

/** Word stems per kind; a stem starting with `=` must match the whole word run. */
const FIELD_STEMS: ReadonlyArray<[PersonalDataKind, readonly string[]]> = [
	[
		"email",
		[
			"email",
			"=mail",
			"=emailaddress",
			"=mailaddress",
			"=emailadres",
			"=mailadres",
			"=courriel",
			"=adressemail",
			"=mailadresse",
		],
	],
	[
		"phone",
		[
			"=phone",
			"phonenumber",
			"=mobile",
			"mobilenumber",
			"mobilephone",
			"=telephone",
			"=tel",
			"=cell",
			"cellphone",
			"=telefoon",
			"telefoonnummer",
			"=telefon",
			"telefonnummer",
			"=gsm",
			"=handy",
			"=portable",
			"=msisdn",
		],
	],
	[
		"name",
		[
			"=fname",
			"=lname",
			"firstname",
			"lastname",
			"fullname",
			"=surname",
			"givenname",
			"familyname",
			"=voornaam",
			"=achternaam",
			"=vorname",
			"=nachname",
			"=prenom",
			"=nomdefamille",
		],
	],
	[
		"address",
		[
			"=street",
			"streetaddress",
			"=postcode",
			"postalcode",
			"=zip",
			"zipcode",
			"homeaddress",
			"=adres",
			"=straat",
			"=strasse",
			"=adresse",
			"=address",
			"=address1",
			"=address2",
			"=addressline1",
			"=huisnummer",
			"=housenumber",
		],
	],
];

/** Whose detail a name is: only these make a bare `name` the recipient's. */
const PERSON_WORDS: ReadonlySet<string> = new Set([
	"contact",
	"subscriber",
	"recipient",
	"user",
	"customer",
	"member",
	"person",
	"profile",
	"lead",
	"to",
	"klant",
	"abonnee",
	"lid",
	"kunde",
	"abonnent",
	"client",
	"abonne",
	"data",
	"merge",
	"fields",
]);

/** Words that make the variable something other than the recipient's clear-text detail. */
const NOT_PERSONAL_WORDS: ReadonlySet<string> = new Set([
	"list",
	"company",
	"organization",
	"organisation",
	"org",
	"sender",
	"from",
	"reply",
	"replyto",
	"shop",
	"store",
	"brand",
	"campaign",
	"template",
	"event",
	"product",
	"item",
	"category",
	"site",
	"account",
	"hash",
	"hashed",
	"md5",
	"sha",
	"sha1",
	"sha256",
	"hmac",
	"id",
	"uid",
	"uuid",
	"domain",
	"count",
	"status",
	"type",
	"verified",
	"valid",
	"optin",
	"consent",
	"opened",
	"format",
	"support",
	"admin",
	"bcc",
	"cc",
]);

/** Filters and helpers that turn the value into a pseudonym. */
const HASHING = /^(?:md5|sha\d*|hmac\w*|hash\w*|base64url_sha\w*)$/iu;

/** Splits `contact.firstName`, `FIRST_NAME`, `emailAddress` into folded words. */
export function variableWords(identifier: string): string[] {
	return identifier
		.replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, "$1 $2")
		.replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, "$1 $2")
		.split(/[^\p{L}\p{N}]+/u)
		.map(foldText)
		.filter((word) => word !== "");
}

/**
 * The kind of personal data a template expression outputs in clear text,
 * e.g. `subscriber.email | url_encode` → email; undefined for anything else.
 */
export function personalDataOf(expression: string): PersonalDataKind | undefined {
	const [head = "", ...filters] = expression.split("|").map((part) => part.trim());
	if (filters.some((filter) => HASHING.test(filter.split(/[\s:(]/u)[0] ?? ""))) return undefined;
	// `= @user.email` (ERB), `$email` (MailerLite), `${email}` (Braze), `LIST:NAME` (Mailchimp), `First Name` (SFMC);
	// a helper call such as `md5 email` keeps its helper's name, which NOT_PERSONAL_WORDS catches.
	const words = variableWords(head.replace(/^[=@$\s]+/u, ""));
	if (words.length === 0 || words.some((word) => NOT_PERSONAL_WORDS.has(word))) return undefined;
	for (const [kind, stems] of FIELD_STEMS) {
		if (findStem(words, stems)) return kind;
	}
	// A bare `name` is the recipient's only when nothing else is named, or a person is.
	const nameAt = words.findIndex((word) => word === "name" || word === "naam" || word === "nom");
	if (nameAt >= 0 && words.slice(0, nameAt).every((word) => PERSON_WORDS.has(word)) && nameAt === words.length - 1)
		return "name";
	return undefined;
}

function findStem(words: readonly string[], stems: readonly string[]): boolean {
	for (let start = 0; start < words.length; start++) {
		let joined = "";
		for (let end = start; end < Math.min(words.length, start + 3); end++) {
			joined += words[end];
			if (stems.some((stem) => (stem.startsWith("=") ? joined === stem.slice(1) : joined.startsWith(stem))))
				return true;
		}
	}
	return false;
}

/**
 * A literal e-mail address, also percent-encoded (`jan%40bakkerij.nl`), as a
 * whole URL segment or parameter value. Not a retina image name such as
 * `logo@2x.png`: no top-level domain is an image file extension.
 */
export const LITERAL_EMAIL =
	/^[\p{L}\p{N}._%+-]+(?:@|%40)(?:[\p{L}\p{N}-]+\.)+(?!(?:png|jpe?g|gif|webp|svg|bmp|ico|avif|tiff?)$)\p{L}{2,}$/iu;

/** Query parameters whose literal value is a phone number when it is mostly digits. */
export const PHONE_PARAMETER = /^(?:phone|tel|telephone|mobile|gsm|telefoon|telefon|handy|msisdn)$/iu;
