/**
 * An SMS template (`NAME.sms.txt`): the whole file is the message, as the
 * SMS platform sends it, with its merge tags (`{{ first_name }}`,
 * `{first_name}`, `%FIRSTNAME%`, `[firstname]`). A final line break is the
 * editor's, not the message's.
 */
import type { LineIndex } from "../ast/line-index.js";
import type { Range } from "../ast/types.js";
import type { TextMessageNode } from "./ast.js";
import { textPart } from "./text-part.js";

export function smsMessage(text: string, lines: LineIndex): TextMessageNode {
	const body = text.replace(/(?:\r\n|\r|\n)$/u, "");
	const whole: Range = [0, text.length];
	return {
		type: "TextMessage",
		channel: "sms",
		children: [textPart("sms", body, 0, lines)],
		problems: [],
		range: whole,
		loc: lines.loc(whole),
	};
}
