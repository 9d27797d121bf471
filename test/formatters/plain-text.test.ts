import { describe, expect, it } from "vitest";
import { plainText } from "../../src/formatters/plain-text.js";

/** SARIF `help.text` and the reports' plain text: a rule doc's Markdown as a viewer without Markdown should show it. */
describe("plainText", () => {
	it.each([
		[
			"a link",
			"See [GDPR art. 6](https://eur-lex.europa.eu/eli/reg/2016/679/oj).",
			"See GDPR art. 6 (https://eur-lex.europa.eu/eli/reg/2016/679/oj).",
		],
		["a link whose label is its URL", "[https://x.example/a](https://x.example/a)", "https://x.example/a"],
		["an autolink", "Read <https://x.example/a>.", "Read https://x.example/a."],
		[
			"brackets inside a link's label",
			"[BW [Dutch Civil Code] 3:15e](https://wetten.example/bw)",
			"BW [Dutch Civil Code] 3:15e (https://wetten.example/bw)",
		],
		[
			"parentheses inside a link's URL",
			"[A (b)](https://en.wikipedia.org/wiki/A_(b)) and more",
			"A (b) (https://en.wikipedia.org/wiki/A_(b)) and more",
		],
		[
			"emphasis inside a link's label",
			"[**CASL s. 6(2)**](https://laws.example/casl)",
			"CASL s. 6(2) (https://laws.example/casl)",
		],
		[
			"strong and emphasis",
			"**GDPR art. 21(3)** says _stop at once_ and *now*.",
			"GDPR art. 21(3) says stop at once and now.",
		],
		["strong holding emphasis", "**the *first* mail**", "the first mail"],
		[
			"a code span, its marks kept",
			"Tags like `*|UNSUB|*` and `{{ first_name }}` are filled in.",
			"Tags like *|UNSUB|* and {{ first_name }} are filled in.",
		],
		["a code span with a backtick", "Write ``a ` b`` here", "Write a ` b here"],
		[
			"underscores inside words",
			"the list_unsubscribe_post field and snake_case_name",
			"the list_unsubscribe_post field and snake_case_name",
		],
		[
			"a list",
			"- **one**: first\n- two *and* three\n* four\n1. five",
			"- one: first\n- two and three\n* four\n1. five",
		],
		["multiplication and lone stars", "2 * 3 * 4 and a * b", "2 * 3 * 4 and a * b"],
		["escapes", "\\*not emphasis\\* and \\[not a link\\](x)", "*not emphasis* and [not a link](x)"],
		["an unclosed bracket", "a [b and (c) d", "a [b and (c) d"],
	])("%s", (_name, markdown, text) => {
		expect(plainText(markdown)).toBe(text);
	});
});
