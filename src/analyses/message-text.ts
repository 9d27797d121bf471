/** Cuts text quoted in a message (a link text, a URL, a subject) to `max` characters. */
export function shortenText(text: string, max = 60): string {
	return text.length > max ? `${text.slice(0, max - 3)}…` : text;
}
