import { describe, expect, it } from "vitest";
import { rules } from "../../rules/index.js";

/**
 * Small text bugs a reader sees in every run: a hedged plural where the
 * message cannot tell how many laws it cites ("{{law}} require(s)"), and a
 * doubled colon after a scheme ("plain http::").
 */
const messages = Object.entries(rules).flatMap(([id, rule]) =>
	Object.entries(rule.meta?.messages ?? {}).map(([messageId, text]) => [`${id}/${messageId}`, text] as const),
);

describe("rule messages read as plain sentences", () => {
	it.each(messages)("%s has no (s) plural", (_, text) => {
		expect(text).not.toMatch(/\w\(s\)/u);
	});

	it.each(messages)("%s has no doubled colon", (_, text) => {
		expect(text).not.toMatch(/[^:]::(?!\w)/u);
	});
});
