/**
 * Characters outside the GSM 7-bit alphabet that a GSM-7 character (or
 * nothing) can stand in for without changing what the reader reads: the
 * typographic quotes, dashes, spaces and ellipsis a word processor or a
 * copy from a web page brings in, invisible characters, and emoji, which
 * have no equivalent and can only be left out. One of them in an SMS makes
 * the whole message UCS-2 (70 characters a segment instead of 160).
 *
 * Letters with accents GSM-7 lacks (ë, ç, ê, á) are not here: dropping the
 * accent misspells the word, so a message that needs them needs UCS-2.
 */

interface Replacement {
	/** The GSM-7 text to write instead; empty: leave the character out. */
	with: string;
	/** For characters a reader cannot see or tell apart: what to call them. */
	name?: string;
}

const REPLACEMENTS = new Map<string, Replacement>([
	// Quotes and apostrophes.
	["\u2018", { with: "'" }],
	["\u2019", { with: "'" }],
	["\u201A", { with: "'" }],
	["\u201B", { with: "'" }],
	["\u2032", { with: "'" }],
	["\u00B4", { with: "'" }],
	["`", { with: "'" }],
	["\u2039", { with: "'" }],
	["\u203A", { with: "'" }],
	["\u201C", { with: '"' }],
	["\u201D", { with: '"' }],
	["\u201E", { with: '"' }],
	["\u201F", { with: '"' }],
	["\u2033", { with: '"' }],
	["\u00AB", { with: '"' }],
	["\u00BB", { with: '"' }],
	// Dashes and hyphens.
	["\u2010", { with: "-", name: "hyphen" }],
	["\u2011", { with: "-", name: "non-breaking hyphen" }],
	["\u2012", { with: "-" }],
	["\u2013", { with: "-" }],
	["\u2014", { with: "-" }],
	["\u2015", { with: "-" }],
	["\u2212", { with: "-" }],
	// Ellipsis, bullet, symbols with a plain spelling.
	["\u2026", { with: "..." }],
	["\u2022", { with: "-" }],
	["\u00A9", { with: "(c)" }],
	["\u00AE", { with: "(R)" }],
	["\u2122", { with: "TM" }],
	// Spaces.
	["\t", { with: " ", name: "tab" }],
	["\u00A0", { with: " ", name: "no-break space" }],
	["\u2002", { with: " ", name: "en space" }],
	["\u2003", { with: " ", name: "em space" }],
	["\u2007", { with: " ", name: "figure space" }],
	["\u2008", { with: " ", name: "punctuation space" }],
	["\u2009", { with: " ", name: "thin space" }],
	["\u200A", { with: " ", name: "hair space" }],
	["\u202F", { with: " ", name: "narrow no-break space" }],
	// Invisible characters.
	["\u00AD", { with: "", name: "soft hyphen" }],
	["\u200B", { with: "", name: "zero-width space" }],
	["\u200C", { with: "", name: "zero-width non-joiner" }],
	["\u200D", { with: "", name: "zero-width joiner" }],
	["\u200E", { with: "", name: "left-to-right mark" }],
	["\u200F", { with: "", name: "right-to-left mark" }],
	["\u2060", { with: "", name: "word joiner" }],
	["\uFEFF", { with: "", name: "byte order mark" }],
]);

/** Emoji and the pieces emoji are built from (variation selectors, skin tones, flags' letters, keycaps). */
const EMOJI =
	/^[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\uFE0E\uFE0F\u20E3\u{E0020}-\u{E007F}]$/u;

/**
 * What to write instead of a character GSM-7 cannot carry: its GSM-7
 * equivalent, `""` to leave it out (invisible characters, emoji), or
 * `undefined` when the message needs it (a letter of the language, a script
 * GSM-7 lacks).
 */
export function gsmReplacement(char: string): Replacement | undefined {
	const known = REPLACEMENTS.get(char);
	if (known) return known;
	return EMOJI.test(char) ? { with: "" } : undefined;
}
