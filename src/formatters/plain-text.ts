/**
 * A rule doc's Markdown as plain text, for the reports' plain-text fields
 * (SARIF `help.text`): what a viewer without Markdown should show. Only the
 * inline marks the docs use are read (links, autolinks, code spans,
 * emphasis, escapes); block structure (paragraphs, lists) stays as written,
 * which reads well as text. The project's Markdown parser (remark) is a
 * development dependency only, so the reports do not load it at run time.
 */

export function plainText(markdown: string): string {
	// A code span's text is shown as written: no mark inside it is Markdown.
	let text = "";
	let at = 0;
	let open = markdown.indexOf("`");
	while (open !== -1) {
		const ticks = runOfBackticks(markdown, open);
		const close = isEscaped(markdown, open) ? -1 : closingRun(markdown, open + ticks, ticks);
		if (close === -1) {
			open = markdown.indexOf("`", open + ticks);
			continue;
		}
		const code = markdown.slice(open + ticks, close);
		text += inlineMarks(markdown.slice(at, open)) + (/^ .* $/su.test(code) ? code.slice(1, -1) : code);
		at = close + ticks;
		open = markdown.indexOf("`", at);
	}
	return text + inlineMarks(markdown.slice(at));
}

/** How many backticks start at `at`. */
function runOfBackticks(markdown: string, at: number): number {
	let end = at;
	while (markdown[end] === "`") end++;
	return end - at;
}

/** Where the next run of exactly `ticks` backticks from `from` starts (a code span's end), or -1. */
function closingRun(markdown: string, from: number, ticks: number): number {
	for (let at = markdown.indexOf("`", from); at !== -1;) {
		const run = runOfBackticks(markdown, at);
		if (run === ticks) return at;
		at = markdown.indexOf("`", at + run);
	}
	return -1;
}

function inlineMarks(markdown: string): string {
	return unescape(emphasisRemoved(links(markdown.replace(/<(https?:[^>\s]+)>/gu, "$1"))));
}

/** `[label](url)` as `label (url)`, or the URL alone when it is its own label; brackets and parentheses may nest. */
function links(markdown: string): string {
	let text = "";
	let at = 0;
	for (let open = markdown.indexOf("[", at); open !== -1; open = markdown.indexOf("[", open + 1)) {
		if (open < at || isEscaped(markdown, open)) continue;
		const close = closing(markdown, open, "[", "]");
		if (close === -1 || markdown[close + 1] !== "(") continue;
		const end = closing(markdown, close + 1, "(", ")");
		if (end === -1) continue;
		const label = links(markdown.slice(open + 1, close));
		const href = markdown.slice(close + 2, end).trim();
		text += markdown.slice(at, open) + (emphasisRemoved(label) === href ? href : `${label} (${href})`);
		at = end + 1;
	}
	return text + markdown.slice(at);
}

/** The index of the bracket that closes the one at `from`, or -1; an escaped bracket does not count, a paragraph break ends the search. */
function closing(markdown: string, from: number, opener: string, closer: string): number {
	let depth = 0;
	for (let index = from; index < markdown.length; index++) {
		const character = markdown[index];
		if (character === "\\") index++;
		else if (character === opener) depth++;
		else if (character === closer && --depth === 0) return index;
		else if (character === "\n" && markdown[index + 1] === "\n") return -1;
	}
	return -1;
}

function isEscaped(markdown: string, at: number): boolean {
	let backslashes = 0;
	while (at - backslashes > 0 && markdown[at - backslashes - 1] === "\\") backslashes++;
	return backslashes % 2 === 1;
}

/**
 * `**strong**`, `__strong__`, `*emphasis*` and `_emphasis_` without their
 * marks: a mark opens before a non-space and closes after one, and an
 * underscore or star inside a word (`list_unsubscribe_post`), an escaped one
 * or one between spaces (`2 * 3`, a list's `* `) is text.
 */
function emphasisRemoved(markdown: string): string {
	return markdown
		.replace(/(?<![\p{L}\p{N}\\*_])(\*\*|__)(?=\S)(.+?)(?<=[^\s\\])\1(?![\p{L}\p{N}*_])/gu, "$2")
		.replace(/(?<![\p{L}\p{N}\\*_])([*_])(?=[^\s*_])(.+?)(?<=[^\s\\*_])\1(?![\p{L}\p{N}*_])/gu, "$2");
}

/** Markdown's backslash escapes: the character itself. */
function unescape(markdown: string): string {
	return markdown.replace(/\\([\\`*_{}[\]()#+\-.!&<>|])/gu, "$1");
}
