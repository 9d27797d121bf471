import { describe, expect, test } from "vitest";
import { findMergeTags } from "../../src/template/merge-tags.js";
import { findConditionalRegions } from "../../src/template/conditional-comments.js";
import { findUnbalancedTags } from "../../src/analyses/unbalanced-merge-tags.js";
import { parseListUnsubscribe } from "../../src/analyses/list-unsubscribe-header.js";
import { matchAdLabel, matchNotMarketingClaim } from "../../src/lexicons/ad-label-wording.js";
import {
	matchImprintWording,
	matchOnBehalfWording,
	matchReasonWording,
} from "../../src/lexicons/disclosure-wording.js";
import { isGenericUnsubscribeVariable } from "../../src/lexicons/esp-merge-tags/generic-variables.js";
import { classifyMergeTag } from "../../src/lexicons/esp-merge-tags/matcher.js";
import { consentKindsOf, isAffirmative, nameSaysConsent, saysFrequency } from "../../src/lexicons/form-wording.js";
import { matchListSource } from "../../src/lexicons/list-source-wording.js";
import {
	matchConditionsWording,
	matchOffer,
	startsWithConditionsLabel,
	urlLooksLikeConditions,
} from "../../src/lexicons/offers.js";
import { personalDataOf } from "../../src/lexicons/personal-data-fields.js";
import { findPostalAddress } from "../../src/lexicons/postal-address.js";
import { matchPrivacyWording, urlLooksLikePrivacy } from "../../src/lexicons/privacy-wording.js";
import { matchSensitiveCategories } from "../../src/lexicons/sensitive-categories.js";
import { guessLanguage, matchReplyPrefix } from "../../src/lexicons/subject-wording.js";
import {
	matchUnsubscribeInvitation,
	matchUnsubscribeWording,
	urlLooksLikeUnsubscribe,
} from "../../src/lexicons/unsubscribe-wording.js";
import { Linter } from "eslint";
import plugin from "../../plugin/index.js";
import { expectNearLinear } from "../helpers/near-linear.js";

/**
 * Every pattern family that runs on file content, and every stage of a
 * lint, on inputs built to make a backtracking regex or a quadratic loop
 * explode: long runs of a delimiter or a phrase's prefix with no closing
 * part, thousands of tags, labels, keys. Each class runs at two sizes and
 * must grow near-linearly (test/helpers/near-linear.ts). Absolute times are
 * never asserted.
 */
const MB = 1024 * 1024;

const fill = (unit: string, size = MB) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

const units: Record<string, string> = {
	letters: "a",
	spaces: " ",
	digits: "1",
	"digits and spaces": "1234 ",
	"open double curly": "{{",
	"open curly percent": "{% ",
	"open mailchimp": "*|",
	"percent signs": "%a",
	"open brackets": "[[",
	"open erb": "<%",
	"conditional openers": "<!--[if mso]>",
	"phrase prefixes": "afmeld unsub abmel désabon priva voorwaard korting win kerk ",
	"street-like": "Street 12 ",
	"postcode-like": "1234 AB ",
	"url-like": "https://a/",
	"angle brackets": "<a",
	"commas in header": "<https://x/u>, ",
};

const matchers: Record<string, (text: string) => unknown> = {
	findMergeTags,
	findConditionalRegions,
	findUnbalancedTags,
	parseListUnsubscribe,
	matchAdLabel,
	matchNotMarketingClaim,
	matchOnBehalfWording,
	matchReasonWording,
	matchImprintWording,
	classifyMergeTag: (text) => classifyMergeTag({ syntax: "double-curly", expression: text }),
	isGenericUnsubscribeVariable: (text) => isGenericUnsubscribeVariable({ syntax: "double-curly", expression: text }),
	consentKindsOf,
	nameSaysConsent,
	isAffirmative,
	saysFrequency,
	matchListSource,
	matchOffer,
	matchConditionsWording,
	startsWithConditionsLabel,
	urlLooksLikeConditions,
	personalDataOf,
	findPostalAddress,
	matchPrivacyWording,
	urlLooksLikePrivacy,
	matchSensitiveCategories: (text) => matchSensitiveCategories(text),
	matchReplyPrefix,
	guessLanguage,
	matchUnsubscribeWording,
	matchUnsubscribeInvitation,
	urlLooksLikeUnsubscribe,
};

describe("pattern families on adversarial input: 100 KB and 1 MB, near-linear growth", () => {
	test.each(Object.keys(matchers))(
		"%s returns on every adversarial input and grows near-linearly",
		{ timeout: 120_000 },
		(name) => {
			const matcher = matchers[name]!;
			expectNearLinear(
				name,
				(size) => {
					for (const [inputName, unit] of Object.entries(units)) {
						expect(() => matcher(fill(unit, size)), `${name} on ${inputName}`).not.toThrow();
					}
				},
				MB / 10,
				MB,
			);
		},
	);
});

const allRules = (language: string): Linter.RulesRecord =>
	Object.fromEntries(
		Object.entries(plugin.rules)
			.filter(([, rule]) => rule.meta?.languages?.includes(language))
			.map(([id]) => [`mailcomply/${id}`, "error"]),
	);
const settings = {
	mailcomply: { campaign: { kind: "marketing", esp: "mailchimp", audience: { countries: ["NL", "US"] } } },
};
const linter = new Linter({ configType: "flat" });
const configs = {
	html: [
		{
			files: ["**/*.html"],
			plugins: { mailcomply: plugin },
			language: "mailcomply/html",
			rules: allRules("mailcomply/html"),
			settings,
		},
	],
	campaign: [
		{
			files: ["**/*.campaign.*"],
			plugins: { mailcomply: plugin },
			language: "mailcomply/campaign",
			rules: allRules("mailcomply/campaign"),
			settings,
		},
	],
} satisfies Record<string, Linter.Config[]>;

/** Lints as ESLint would, with every rule; a crash would throw or come back as an internal-error finding. */
function lint(text: string, filename = "adversarial.html"): Linter.LintMessage[] {
	const messages = linter.verify(text, filename.endsWith(".html") ? configs.html : configs.campaign, filename);
	expect(
		messages.filter(
			(message) => message.messageId === "internalError" || /could not parse this template/u.test(message.message),
		),
	).toEqual([]);
	return messages;
}

const wrapped = (unit: string) => (size: number) =>
	`<!DOCTYPE html><html><body><p>${fill(unit, size)}</p></body></html>`;

describe("whole lint on each adversarial input: 1 MB and 10 MB, near-linear growth", () => {
	test.each(Object.keys(units))("%s", { timeout: 120_000 }, (name) => {
		const page = wrapped(units[name]!);
		expectNearLinear(name, (size) => void lint(page(size)), MB, 10 * MB);
	});
});

/**
 * Inputs that once took quadratic time or unbounded memory in one stage
 * (issue #14), at sizes twenty to forty times apart, where a quadratic step shows
 * even beside the linear work (each of these failed before its fix), and at 10 MB, where the
 * denser ones are refused by the node bound (MAX_TEMPLATE_NODES) or the
 * sidecar bound with one message instead of taking gigabytes.
 */
const documentClasses: Array<{
	name: string;
	build: (size: number) => string;
	small: number;
	large: number;
	filename?: string;
}> = [
	// esp-merge-tags searched the sibling list once per tag
	{ name: "a run of hash merge tags (##a##a…)", build: wrapped("##a"), small: MB / 20, large: MB },
	{ name: "merge tags with a stray brace ({{a}{{a}…)", build: wrapped("{{a}"), small: MB / 80, large: MB / 2 },
	// signup-form copied the label list of a field once per label
	{
		name: "labels for one form field",
		build: (size) =>
			`<form><input type="email" name="email"><input type="checkbox" id="c" name="ok">${fill('<label for="c">ja graag</label>', size)}</form>`,
		small: MB / 20,
		large: MB,
	},
	{ name: "void elements (<br>)", build: wrapped("<br>"), small: MB / 20, large: MB },
	// the yaml library compared each key with every key before it
	{
		name: "a sidecar with one key per line (YAML)",
		build: (size) => `kind: marketing\n${keyLines(size, (index) => `k${index}: 1\n`)}`,
		small: MB / 80,
		large: MB / 2,
		filename: "adversarial.campaign.yaml",
	},
	{
		name: "a sidecar with one key per entry (JSON)",
		build: (size) => `{"kind": "marketing"${keyLines(size, (index) => `, "k${index}": 1`)}}`,
		small: MB / 80,
		large: MB / 2,
		filename: "adversarial.campaign.json",
	},
];

function keyLines(size: number, line: (index: number) => string): string {
	const parts: string[] = [];
	for (let index = 0, length = 0; length < size; index++) {
		parts.push(line(index));
		length += parts[parts.length - 1]!.length;
	}
	return parts.join("");
}

describe("inputs that were quadratic or unbounded (issue #14)", () => {
	test.each(documentClasses)(
		"$name grows near-linearly and is linted or refused at 10 MB",
		{ timeout: 120_000 },
		({ name, build, small, large, filename }) => {
			// Twenty to forty times the input: a quadratic step that is small beside the linear work at the small size still shows.
			expectNearLinear(name, (size) => void lint(build(Math.round(size)), filename), small, large, 3);
			const messages = lint(build(10 * MB), filename);
			expect(messages.filter((message) => message.fatal).map((message) => message.message)).toEqual([
				expect.stringMatching(
					/more than 500,000 elements, attributes and texts|mailcomply reads campaign sidecars up to 1 MB/u,
				),
			]);
		},
	);

	test(
		"20 MB of <br> is refused with one message, before its five million elements are built",
		{ timeout: 60_000 },
		() => {
			const before = process.memoryUsage().rss;
			const messages = lint(`<p>${fill("<br>", 19.8 * MB)}</p>`);
			expect(messages.map((message) => message.message)).toEqual([
				expect.stringMatching(/^Parsing error: This template has more than 500,000 elements/u),
			]);
			// The refused tree is at most the node bound's worth (about half a GB while linted); five million elements took over 4 GB.
			expect(process.memoryUsage().rss - before).toBeLessThan(1024 * MB);
		},
	);
});
