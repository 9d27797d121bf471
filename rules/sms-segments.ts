import type { TextMessageRuleDefinition } from "../src/types.js";
import { ruleDocsUrl } from "../src/rule-docs.js";
import { cite } from "../src/legal/cite.js";
import { partRange } from "../src/text-message/text-part.js";
import { smsLength, type Ucs2Character } from "../src/analyses/sms-length.js";

type MessageIds = "ucs2Character" | "tooManySegments" | "replace" | "remove";
type Options = [{ maxSegments?: number; mergeTagLength?: number; mergeTagLengths?: Record<string, number> }];

const DEFAULT_MAX_SEGMENTS = 3;
/** A first name or a short code fits; a URL does not (give it its own length in `mergeTagLengths`). */
const DEFAULT_MERGE_TAG_LENGTH = 10;
/** Characters reported per message: each names every place it occurs, so more would only repeat the advice. */
const MAX_REPORTED_CHARACTERS = 20;

/** `’ (U+2019)`, or `a no-break space (U+00A0)` for a character nobody can see or tell apart. */
function describe(character: Ucs2Character): string {
	const code = `U+${character.codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
	return character.name ? `a ${character.name} (${code})` : `${character.char} (${code})`;
}

/**
 * An SMS is billed per segment: 160 GSM-7 characters, or 70 once one
 * character outside GSM-7 (a curly quote from a word processor, an emoji)
 * makes the whole message UCS-2. The rule names such characters where a
 * GSM-7 equivalent or leaving them out would save segments, and warns when
 * a message takes more segments than the team allows.
 */
const rule: TextMessageRuleDefinition<{ RuleOptions: Options; MessageIds: MessageIds }> = {
	meta: {
		type: "suggestion",
		docs: {
			description:
				"Report an SMS that takes more segments than it needs or than you allow: characters that force UCS-2 where GSM-7 would do, and messages longer than `maxSegments`",
			url: ruleDocsUrl("sms-segments"),
			fix: "Shorten the SMS, or replace the characters that force UCS-2.",
			citations: ["gsm-03-38", "sms-segments"],
			recommended: true,
			severity: "warn",
		},
		hasSuggestions: true,
		messages: {
			ucs2Character:
				"{{character}}{{times}} makes this SMS UCS-2, {{segments}} segments instead of {{gsmSegments}}: {{fix}} ({{law}}).",
			tooManySegments:
				"This SMS takes {{segments}} segments ({{length}} {{encoding}} characters{{tags}}), more than {{max}}: shorten it, segment {{next}} starts here ({{law}}).",
			replace: "Replace {{character}} with {{replacement}}.",
			remove: "Remove {{character}}.",
		},
		schema: [
			{
				type: "object",
				properties: {
					maxSegments: {
						type: "integer",
						minimum: 1,
						description:
							"The most segments an SMS may take before the rule warns; 3 is about Twilio's advice of at most 320 characters.",
					},
					mergeTagLength: {
						type: "integer",
						minimum: 0,
						description: "How many characters a merge tag's value is counted as, in GSM-7.",
					},
					mergeTagLengths: {
						type: "object",
						additionalProperties: { type: "integer", minimum: 0 },
						description:
							"Lengths for particular merge tags by name (`first_name`, `FIRSTNAME`, `1`), overriding `mergeTagLength`: a shortened link, a voucher code.",
					},
				},
				additionalProperties: false,
			},
		],
		defaultOptions: [{ maxSegments: DEFAULT_MAX_SEGMENTS, mergeTagLength: DEFAULT_MERGE_TAG_LENGTH }],
		languages: ["mailcomply/sms"],
	},
	create(context) {
		const [{ maxSegments = DEFAULT_MAX_SEGMENTS, mergeTagLength = DEFAULT_MERGE_TAG_LENGTH, mergeTagLengths }] =
			context.options;
		return {
			TextPart(part) {
				if (part.role !== "sms") return;
				const length = smsLength(part, { mergeTagLength, ...(mergeTagLengths ? { mergeTagLengths } : {}) });
				const law = cite("gsm-03-38", "sms-segments");
				// Replacing what forces UCS-2 pays only when it saves segments; a message that needs UCS-2 (ë, ç, another script) is left alone.
				if (length.segmentsIfReplaced !== undefined && length.segmentsIfReplaced < length.segments) {
					for (const character of length.ucs2Characters.slice(0, MAX_REPORTED_CHARACTERS)) {
						const replacement = character.replacement ?? "";
						const first = character.positions[0]!;
						const width = character.char.length;
						const what = describe(character);
						context.report({
							loc: {
								start: context.sourceCode.getLocFromIndex(partRange(part, first, first + width)[0]),
								end: context.sourceCode.getLocFromIndex(partRange(part, first, first + width)[1]),
							},
							messageId: "ucs2Character",
							data: {
								character: what,
								times: character.count > 1 ? `, ${character.count} times,` : "",
								segments: String(length.segments),
								gsmSegments: String(length.segmentsIfReplaced),
								fix: replacement === "" ? "remove it" : `write ${replacement} instead`,
								law,
							},
							suggest:
								character.count > character.positions.length
									? []
									: [
											{
												messageId: replacement === "" ? "remove" : "replace",
												data: { character: what, replacement },
												fix: (fixer) =>
													character.positions.map((at) =>
														fixer.replaceTextRange(partRange(part, at, at + width), replacement),
													),
											},
										],
						});
					}
				}
				if (length.segments > maxSegments) {
					const at = length.segmentStarts[maxSegments]!;
					const start = context.sourceCode.getLocFromIndex(partRange(part, at, at)[0]);
					context.report({
						loc: { start, end: start },
						messageId: "tooManySegments",
						data: {
							segments: String(length.segments),
							length: length.length.toLocaleString("en"),
							encoding: length.encoding,
							tags: part.children.some((child) => child.type === "MessageVariable")
								? `, merge tags counted as ${mergeTagLength}`
								: "",
							max: String(maxSegments),
							next: String(maxSegments + 1),
							law: cite("sms-segments"),
						},
					});
				}
			},
		};
	},
};

export default rule;
