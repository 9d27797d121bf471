/**
 * The plain-text part of an e-mail (`NAME.txt` beside `NAME.mjml`, or the
 * `text/plain` part of a message): one `TextPart` with role `text`, whose
 * URLs and merge tags (`*|UNSUB|*`, `{{unsubscribe_url}}`, `[unsubscribe]`)
 * are located in the file. `start` and `offsets` place the text in a larger
 * file (a part inside an `.eml`); without them the text is the whole file.
 */
import type { LineIndex } from "../ast/line-index.js";
import type { Range } from "../ast/types.js";
import type { TextMessageNode } from "./ast.js";
import { textPart } from "./text-part.js";

export function emailTextMessage(text: string, lines: LineIndex): TextMessageNode {
	const whole: Range = [0, text.length];
	return {
		type: "TextMessage",
		channel: "email",
		children: [textPart("text", text, 0, lines)],
		problems: [],
		range: whole,
		loc: lines.loc(whole),
	};
}
