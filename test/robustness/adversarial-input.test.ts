import { describe, expect, test } from "vitest";
import { findMergeTags } from "../../src/template/merge-tags.js";
import { findConditionalRegions } from "../../src/template/conditional-comments.js";
import { findUnbalancedTags } from "../../src/analyses/unbalanced-merge-tags.js";
import { parseListUnsubscribe } from "../../src/analyses/list-unsubscribe-header.js";
import { matchAdLabel, matchNotMarketingClaim } from "../../src/lexicons/ad-label-wording.js";
import { matchImprintWording, matchOnBehalfWording, matchReasonWording } from "../../src/lexicons/disclosure-wording.js";
import { classifyMergeTag, isGenericUnsubscribeVariable } from "../../src/lexicons/esp-merge-tags.js";
import { consentKindsOf, isAffirmative, nameSaysConsent, saysFrequency } from "../../src/lexicons/form-wording.js";
import { matchListSource } from "../../src/lexicons/list-source-wording.js";
import { matchConditionsWording, matchOffer, startsWithConditionsLabel, urlLooksLikeConditions } from "../../src/lexicons/offers.js";
import { personalDataOf } from "../../src/lexicons/personal-data-fields.js";
import { findPostalAddress } from "../../src/lexicons/postal-address.js";
import { matchPrivacyWording, urlLooksLikePrivacy } from "../../src/lexicons/privacy-wording.js";
import { matchSensitiveCategories } from "../../src/lexicons/sensitive-categories.js";
import { guessLanguage, matchReplyPrefix } from "../../src/lexicons/subject-wording.js";
import { matchUnsubscribeInvitation, matchUnsubscribeWording, urlLooksLikeUnsubscribe } from "../../src/lexicons/unsubscribe-wording.js";
import { parseTemplate } from "../helpers/template.js";

/**
 * Every pattern family that runs on file content, on inputs built to make a
 * backtracking regex explode: long runs of a delimiter or a phrase's prefix
 * with no closing part. A super-linear pattern does not return on 1 MB; the
 * test timeout is the guard, and no timing is asserted.
 */
const MB = 1024 * 1024;
const fill = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
const adversarial: Record<string, string> = {
	letters: fill("a"),
	spaces: fill(" "),
	digits: fill("1"),
	"digits and spaces": fill("1234 "),
	"open double curly": fill("{{"),
	"open curly percent": fill("{% "),
	"open mailchimp": fill("*|"),
	"percent signs": fill("%a"),
	"open brackets": fill("[["),
	"open erb": fill("<%"),
	"conditional openers": fill("<!--[if mso]>"),
	"phrase prefixes": fill("afmeld unsub abmel désabon priva voorwaard korting win kerk "),
	"street-like": fill("Street 12 "),
	"postcode-like": fill("1234 AB "),
	"url-like": fill("https://a/"),
	"angle brackets": fill("<a"),
	"commas in header": fill("<https://x/u>, "),
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
	classifyMergeTag: text => classifyMergeTag({ syntax: "double-curly", expression: text }),
	isGenericUnsubscribeVariable: text => isGenericUnsubscribeVariable({ syntax: "double-curly", expression: text }),
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
	matchSensitiveCategories: text => matchSensitiveCategories(text),
	matchReplyPrefix,
	guessLanguage,
	matchUnsubscribeWording,
	matchUnsubscribeInvitation,
	urlLooksLikeUnsubscribe,
};

describe("pattern families on 1 MB adversarial input", () => {
	test.each(Object.keys(matchers))("%s returns on every adversarial input", { timeout: 60_000 }, name => {
		for (const [inputName, input] of Object.entries(adversarial)) {
			expect(() => matchers[name]!(input), `${name} on ${inputName}`).not.toThrow();
		}
	});

	test("the whole template parser on each adversarial input", { timeout: 120_000 }, () => {
		for (const input of Object.values(adversarial)) {
			const document = parseTemplate(`<p>${input}</p>`);
			expect(document.range[1]).toBe(input.length + 7);
		}
	});
});
