/**
 * Text for a terminal: wrapped to its width, so that a finding's message
 * reads as a paragraph instead of one line hundreds of columns long.
 */

/** The narrowest and widest layout: below 40 columns nothing fits, above 120 lines get hard to read. */
const MIN_WIDTH = 40;
const MAX_WIDTH = 120;
/** Pipes, files and CI logs have no width: the classic terminal's. */
const DEFAULT_WIDTH = 80;

/** The width to wrap at: the terminal's when there is one, else `COLUMNS`, else 80; kept within 40–120. */
export function terminalWidth(
	stream: { isTTY?: boolean; columns?: number } | undefined,
	env: NodeJS.ProcessEnv,
): number {
	const fromEnv = Number(env["COLUMNS"]);
	const columns =
		stream?.isTTY && stream.columns
			? stream.columns
			: Number.isInteger(fromEnv) && fromEnv > 0
				? fromEnv
				: DEFAULT_WIDTH;
	return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, columns));
}

/**
 * Breaks `text` at spaces into lines of at most `width` characters; a word
 * longer than a line (a URL) gets a line of its own rather than being cut.
 */
export function wrapText(text: string, width: number): string[] {
	const lines: string[] = [];
	let line = "";
	for (const word of text.split(/\s+/u)) {
		if (word === "") continue;
		if (line === "") line = word;
		else if (line.length + 1 + word.length <= width) line += ` ${word}`;
		else {
			lines.push(line);
			line = word;
		}
	}
	if (line !== "") lines.push(line);
	return lines;
}
