/**
 * The GSM 7-bit default alphabet and its extension table (GSM 03.38, now
 * 3GPP TS 23.038 §6.2.1), as an SMS is encoded when every character of it
 * is in them. Any other character makes the whole message UCS-2 (UTF-16),
 * and its segments hold 70 characters instead of 160.
 *
 * Written out by hand from the standard's tables, in code order: 128 entries
 * are too few to justify a dependency (see rules/sms-segments.md for the
 * libraries weighed), and test/text-message/gsm-alphabet.test.ts checks both
 * tables against the code-to-Unicode mapping published for the standard.
 */

/**
 * The basic table, codes 0x00–0x7F. Code 0x1B is the escape to the extension
 * table, not a character: it stands here as NUL, which the table lacks, so
 * no text character can match it.
 */
const BASIC_TABLE =
	"@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u0000ÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
	"¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

/** The extension table (each sent as the escape code and its own code, two septets): form feed, ^ { } \ [ ~ ] | €. */
const EXTENSION_TABLE = "\f^{}\\[~]|€";

/** Septets per code point below U+10000 (all of both tables are): a lookup per character keeps a long SMS fast. */
const SEPTETS = new Uint8Array(0x10000);
for (const char of BASIC_TABLE) if (char !== "\u0000") SEPTETS[char.charCodeAt(0)] = 1;
for (const char of EXTENSION_TABLE) SEPTETS[char.charCodeAt(0)] = 2;

/** How many septets a character takes in GSM-7: 1 (basic table), 2 (extension table), or 0 when GSM-7 cannot carry it. */
export function gsmSeptets(codePoint: number): 0 | 1 | 2 {
	return codePoint < 0x10000 ? (SEPTETS[codePoint] as 0 | 1 | 2) : 0;
}

/** The characters of both tables, for tests and docs. */
export const GSM_BASIC_CHARACTERS: readonly string[] = [...BASIC_TABLE].filter((char) => char !== "\u0000");
export const GSM_EXTENSION_CHARACTERS: readonly string[] = [...EXTENSION_TABLE];
