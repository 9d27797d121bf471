import { describe, expect, it } from "vitest";
import type { MergeTagSyntax } from "../../src/ast/types.js";
import { ESPS, type Esp } from "../../src/campaign/types.js";
import { ESP_CATALOGUE, type TagMatch } from "../../src/lexicons/esp-merge-tags/catalogue.js";
import {
	ESP_LIST_UNSUBSCRIBE_HEADERS,
	ESP_UNSUBSCRIBE_FOOTER,
	espAddsListUnsubscribeHeaders,
	espAppendsFooter,
} from "../../src/lexicons/esp-merge-tags/esp-behaviour.js";
import { isGenericUnsubscribeVariable } from "../../src/lexicons/esp-merge-tags/generic-variables.js";
import {
	classifyEspElement,
	classifyMergeTag,
	equivalentTags,
	normalizeExpression,
	splitTagText,
	suggestEquivalent,
} from "../../src/lexicons/esp-merge-tags/matcher.js";

const tag = (syntax: MergeTagSyntax, expression: string) => ({ syntax, expression });
/** As the template parser would produce it from the raw text. */
const raw = (text: string) => splitTagText(text);
const sorted = (matches: TagMatch[]) =>
	[...matches].sort((x, y) => `${x.esp}${x.role}`.localeCompare(`${y.esp}${y.role}`));

describe("ESP_CATALOGUE", () => {
	it("has an entry for every ESP in ESPS, keyed by itself", () => {
		expect(Object.keys(ESP_CATALOGUE).sort()).toEqual([...ESPS].sort());
		for (const esp of ESPS) expect(ESP_CATALOGUE[esp].esp).toBe(esp);
	});

	it("gives every ESP with tags a documentation URL", () => {
		for (const esp of ESPS) {
			const definition = ESP_CATALOGUE[esp];
			if (definition.tags.length > 0) expect(definition.docs[0], esp).toMatch(/^https?:\/\//u);
		}
	});

	it("only holds tag texts that split into a known syntax, and every tag classifies back to its ESP and role", () => {
		for (const esp of ESPS) {
			for (const definition of ESP_CATALOGUE[esp].tags) {
				const parsed = splitTagText(definition.text);
				expect(classifyMergeTag(parsed), definition.text).toContainEqual({ esp, role: definition.role });
			}
		}
	});

	it("cites a source for every verified footer or header fact", () => {
		for (const esp of ESPS) {
			for (const fact of [ESP_UNSUBSCRIBE_FOOTER[esp], ESP_LIST_UNSUBSCRIBE_HEADERS[esp]]) {
				if (fact.verified && fact.value !== "no") expect(fact.source, esp).toMatch(/^https?:\/\//u);
			}
		}
	});
});

describe("classifyMergeTag: every ESP's unsubscribe tag", () => {
	const cases: Array<[string, Esp]> = [
		["*|UNSUB|*", "mailchimp"],
		["*|UNSUB:https://example.com/bye|*", "mandrill"],
		["*|UNSUB:|*", "mandrill"],
		['{{unsub "https://example.com/bye"}}', "mandrill"],
		["<%asm_group_unsubscribe_raw_url%>", "sendgrid"],
		["<%asm_global_unsubscribe_url%>", "sendgrid"],
		["{{{unsubscribe}}}", "sendgrid"],
		["%unsubscribe_url%", "mailgun"],
		["%mailing_list_unsubscribe_url%", "mailgun"],
		["[unsubscribe]", "campaign-monitor"],
		["{{ unsubscribe }}", "brevo"],
		["[UNSUBSCRIBE]", "brevo"],
		["{% unsubscribe %}", "klaviyo"],
		["{% unsubscribe 'Click here to stop' %}", "klaviyo"],
		["{% unsubscribe_link %}", "klaviyo"],
		["{{ unsubscribe_link_all }}", "hubspot"],
		["{{{ pm:unsubscribe }}}", "postmark"],
		['{{{ pm:unsubscribe label="Uitschrijven" }}}', "postmark"],
		["%%unsub_center_url%%", "sfmc"],
		["%UNSUBSCRIBELINK%", "activecampaign"],
		["{$unsubscribe}", "mailerlite"],
		["[[UNSUB_LINK_EN]]", "mailjet"],
		["[[UNSUB_LINK_FR]]", "mailjet"],
		["{% unsubscribe_url %}", "customerio"],
		["{{unsubscribeUrl}}", "iterable"],
		["{{hostedUnsubscribeUrl}}", "iterable"],
		["{{${set_user_to_unsubscribed_url}}}", "braze"],
		["{{${unsubscribe_url}}}", "braze"],
		["{{amazonSESUnsubscribeUrl}}", "ses"],
		["{unsubscribe}", "copernica"],
	];
	it.each(cases)("%s is %s's unsubscribe tag", (text, esp) => {
		expect(classifyMergeTag(raw(text))).toContainEqual({ esp, role: "unsubscribe" });
	});

	it("classifies the other roles", () => {
		expect(classifyMergeTag(raw("*|UPDATE_PROFILE|*"))).toEqual([{ esp: "mailchimp", role: "preferences" }]);
		expect(classifyMergeTag(raw("*|LIST:ADDRESSLINE|*"))).toEqual([{ esp: "mailchimp", role: "address" }]);
		expect(classifyMergeTag(raw("*|LIST:COMPANY|*"))).toEqual([{ esp: "mailchimp", role: "company" }]);
		expect(classifyMergeTag(raw("*|ARCHIVE|*"))).toEqual([{ esp: "mailchimp", role: "view-online" }]);
		expect(classifyMergeTag(raw("{{ unsubscribe_link }}"))).toEqual([{ esp: "hubspot", role: "preferences" }]);
		expect(classifyMergeTag(raw("{{ site_settings.company_street_address_1 }}"))).toEqual([
			{ esp: "hubspot", role: "address" },
		]);
		expect(classifyMergeTag(raw("%%Member_Busname%%"))).toEqual([{ esp: "sfmc", role: "company" }]);
		expect(classifyMergeTag(raw("{% manage_preferences 'Voorkeuren' %}"))).toEqual([
			{ esp: "klaviyo", role: "preferences" },
		]);
		expect(classifyMergeTag(raw("{{ organization.full_address }}"))).toEqual([{ esp: "klaviyo", role: "address" }]);
	});
});

describe("classifyMergeTag: ambiguity and normalisation", () => {
	it("reports every ESP a shared tag belongs to", () => {
		expect(sorted(classifyMergeTag(raw("{unsubscribe}")))).toEqual([{ esp: "copernica", role: "unsubscribe" }]);
		expect(sorted(classifyMergeTag(raw("{$unsubscribe}")))).toEqual([
			{ esp: "copernica", role: "unsubscribe" },
			{ esp: "mailerlite", role: "unsubscribe" },
		]);
		// Bracket tags are case-insensitive, so Brevo's [UNSUBSCRIBE] is also Campaign Monitor's and legacy SendGrid's [unsubscribe].
		expect(sorted(classifyMergeTag(raw("[UNSUBSCRIBE]")))).toEqual([
			{ esp: "brevo", role: "unsubscribe" },
			{ esp: "campaign-monitor", role: "unsubscribe" },
			{ esp: "sendgrid", role: "unsubscribe" },
		]);
		expect(sorted(classifyMergeTag(raw("[Sender_Address]")))).toEqual([{ esp: "sendgrid", role: "address" }]);
		expect(sorted(classifyMergeTag(raw("[Unsubscribe_Preferences]")))).toEqual([
			{ esp: "sendgrid", role: "preferences" },
		]);
	});

	it("keeps Mailchimp and Mandrill apart by the argument", () => {
		expect(classifyMergeTag(raw("*|UNSUB|*"))).toEqual([{ esp: "mailchimp", role: "unsubscribe" }]);
		expect(classifyMergeTag(raw("*|UNSUB:https://example.com|*"))).toEqual([{ esp: "mandrill", role: "unsubscribe" }]);
	});

	it("ignores whitespace, whitespace control and output filters", () => {
		expect(classifyMergeTag(tag("double-curly", "  unsubscribe_link_all  "))).toContainEqual({
			esp: "hubspot",
			role: "unsubscribe",
		});
		expect(classifyMergeTag(tag("double-curly", "- unsubscribe_link_all -"))).toContainEqual({
			esp: "hubspot",
			role: "unsubscribe",
		});
		expect(classifyMergeTag(tag("double-curly", "~unsubscribeUrl~"))).toContainEqual({
			esp: "iterable",
			role: "unsubscribe",
		});
		expect(classifyMergeTag(tag("curly-percent", "unsubscribe_url | escape"))).toContainEqual({
			esp: "customerio",
			role: "unsubscribe",
		});
		expect(classifyMergeTag(tag("curly-percent", "unsubscribe\n   'Stop'"))).toContainEqual({
			esp: "klaviyo",
			role: "unsubscribe",
		});
	});

	it("matches case-insensitively only where the ESP does", () => {
		expect(classifyMergeTag(raw("*|unsub|*"))).toEqual([{ esp: "mailchimp", role: "unsubscribe" }]);
		expect(classifyMergeTag(raw("%%UNSUB_CENTER_URL%%"))).toEqual([{ esp: "sfmc", role: "unsubscribe" }]);
		// Liquid and Handlebars variables are case-sensitive.
		expect(classifyMergeTag(raw("{% Unsubscribe %}"))).toEqual([]);
		expect(classifyMergeTag(raw("{{UnsubscribeUrl}}"))).toEqual([]);
	});

	it("accepts Braze's tag however the tokeniser split its braces", () => {
		for (const [syntax, expression] of [
			["double-curly", "${unsubscribe_url}"],
			["triple-curly", "${unsubscribe_url}"],
			["double-curly", "${unsubscribe_url"],
			["double-curly", "{${unsubscribe_url}}"],
			["double-curly", "${ set_user_to_unsubscribed_url }"],
		] as const) {
			expect(classifyMergeTag(tag(syntax, expression)), expression).toContainEqual({
				esp: "braze",
				role: "unsubscribe",
			});
		}
	});

	it("requires the syntax to match", () => {
		expect(classifyMergeTag(tag("double-curly", "UNSUB"))).toEqual([]);
		expect(classifyMergeTag(tag("percent", "unsub_center_url"))).toEqual([]);
		expect(classifyMergeTag(tag("double-percent", "unsubscribe_url"))).toEqual([]);
	});

	it("does not classify near misses", () => {
		for (const text of [
			"*|UNSUBSCRIBE|*",
			"*|SUB|*",
			"{% unsubscribed %}",
			"{% unsubscribe_links %}",
			"{{ unsubscribe_count }}",
			"%unsubscribe%",
			"[[UNSUB_LINK]]",
			"[[UNSUB_LINK_ENGLISH]]",
			"{{{ pm:unsubscribed }}}",
			"{{unsubscribeUrls}}",
		]) {
			expect(classifyMergeTag(raw(text)), text).toEqual([]);
		}
	});

	it("does not take a Mandrill handlebars helper without its URL", () => {
		expect(classifyMergeTag(raw("{{unsub}}"))).toEqual([]);
	});
});

describe("normalizeExpression", () => {
	it("collapses whitespace and strips filters only in curly syntaxes", () => {
		expect(normalizeExpression("double-curly", "  a   |  upcase ")).toBe("a");
		expect(normalizeExpression("mailchimp", "LIST:ADDRESS")).toBe("LIST:ADDRESS");
		expect(normalizeExpression("percent", "SENDER-INFO")).toBe("SENDER-INFO");
	});
});

describe("classifyEspElement", () => {
	it("knows Campaign Monitor's element tags", () => {
		expect(classifyEspElement("unsubscribe")).toEqual([{ esp: "campaign-monitor", role: "unsubscribe" }]);
		expect(classifyEspElement("WebVersion")).toEqual([{ esp: "campaign-monitor", role: "view-online" }]);
		expect(classifyEspElement("a")).toEqual([]);
	});

	it("an element named like a JavaScript property is no ESP's tag", () => {
		for (const name of ["constructor", "toString", "__proto__", "hasOwnProperty"])
			expect(classifyEspElement(name)).toEqual([]);
	});
});

describe("isGenericUnsubscribeVariable", () => {
	const positives: Array<[MergeTagSyntax, string]> = [
		["double-curly", "UnsubscribeURL"],
		["double-curly", "unsubscribe_url"],
		["double-curly", "afmeldlink"],
		["double-curly", "afmelden_url"],
		["double-curly", "uitschrijflink"],
		["double-percent", "unsub_center_url"],
		["double-curly", "links.unsubscribe"],
		["double-curly", "contact.unsubscribe_url | escape"],
		["double-curly", "optOutUrl"],
		["double-curly", "opt_out_link"],
		["double-curly", "abmeldelink"],
		["double-curly", "lien_desabonnement"],
		["double-curly", "enlace_baja"],
		["double-curly", "link_disiscrizione"],
		["double-curly", "preferences_url"],
		["double-curly", "email_prefs_url"],
		["double-curly", "manage_subscription_url"],
		["double-percent", "profile_center_url"],
		["triple-curly", "unsubscribe"],
		["curly-percent", "unsubscribe_url"],
		["double-curly", "${unsubscribe_url}"],
		["single-curly", "$unsubscribe_link"],
		["double-curly", "avregistreringslank"],
		["double-curly", "UNSUB_LINK_EN"],
	];
	it.each(positives)("%s %s is an unsubscribe variable", (syntax, expression) => {
		expect(isGenericUnsubscribeVariable(tag(syntax, expression))).toBe(true);
	});

	const negatives: Array<[MergeTagSyntax, string]> = [
		["double-curly", "subscribe_url"],
		["double-curly", "resubscribe_url"],
		["double-curly", "aanmeldlink"],
		["double-curly", "anmelden_url"],
		["double-curly", "unsubscribe_count"],
		["double-curly", "unsubscribeRate"],
		["double-curly", "is_unsubscribed"],
		["double-curly", "unsubscribed_at"],
		["double-curly", "unsubscribers"],
		["double-curly", "unsubscribe_text"],
		["double-curly", "show_unsubscribe"],
		["double-curly", "unsubmitted_forms"],
		["double-curly", "bajar_app_url"],
		["double-curly", "user.preferences.language"],
		["double-curly", "opt_in_url"],
		["double-curly", "opted_out"],
		["curly-percent", "if unsubscribe_url"],
		["curly-percent", "assign unsubscribe_url = 'x'"],
		["double-curly", "#if unsubscribe_url"],
		["double-curly", "/if"],
		["double-curly", "! unsubscribe link below"],
		["double-curly", "> unsubscribe_footer"],
		["double-curly", ""],
		["double-curly", "first_name"],
	];
	it.each(negatives)("%s %s is not an unsubscribe variable", (syntax, expression) => {
		expect(isGenericUnsubscribeVariable(tag(syntax, expression))).toBe(false);
	});
});

describe("suggestEquivalent", () => {
	it("suggests SendGrid's unsubscribe-group URL tag by default for a URL tag", () => {
		expect(suggestEquivalent(raw("*|UNSUB|*"), "sendgrid", "unsubscribe")).toBe("<%asm_group_unsubscribe_raw_url%>");
		expect(ESP_CATALOGUE.sendgrid.defaultNote).toContain("asm_group_unsubscribe_raw_url");
	});

	it("keeps a whole-link tag a whole-link tag where the target has one", () => {
		expect(suggestEquivalent(raw("{% unsubscribe %}"), "sendgrid", "unsubscribe")).toBe(
			"<%asm_group_unsubscribe_url%>",
		);
		expect(suggestEquivalent(raw("<%asm_group_unsubscribe_url%>"), "klaviyo", "unsubscribe")).toBe("{% unsubscribe %}");
		expect(suggestEquivalent(raw("*|UNSUB|*"), "klaviyo", "unsubscribe")).toBe("{% unsubscribe_link %}");
	});

	it("falls back to the target's default when no tag renders the same", () => {
		expect(suggestEquivalent(raw("{% unsubscribe %}"), "mailchimp", "unsubscribe")).toBe("*|UNSUB|*");
	});

	it("maps each role", () => {
		expect(suggestEquivalent(raw("{{ update_profile }}"), "mailchimp", "preferences")).toBe("*|UPDATE_PROFILE|*");
		expect(suggestEquivalent(raw("*|LIST:COMPANY|*"), "sfmc", "company")).toBe("%%Member_Busname%%");
		expect(suggestEquivalent(raw("{{{unsubscribe}}}"), "postmark", "unsubscribe")).toBe("{{{ pm:unsubscribe }}}");
		expect(suggestEquivalent(raw("*|UNSUB|*"), "mailjet", "unsubscribe")).toBe("[[UNSUB_LINK_EN]]");
	});

	it("returns undefined when the ESP has no tag for the role", () => {
		expect(suggestEquivalent(raw("*|UNSUB|*"), "laposta", "unsubscribe")).toBeUndefined();
		expect(suggestEquivalent(raw("*|LIST:ADDRESS|*"), "postmark", "address")).toBeUndefined();
		expect(suggestEquivalent(raw("*|UNSUB|*"), "other", "unsubscribe")).toBeUndefined();
	});

	it("lists every alternative, the default first", () => {
		expect(equivalentTags("sendgrid", "unsubscribe")[0]).toBe("<%asm_group_unsubscribe_raw_url%>");
		expect(equivalentTags("sendgrid", "unsubscribe")).toContain("{{{unsubscribe}}}");
	});
});

describe("ESP behaviour defaults", () => {
	it("says which ESPs guarantee an unsubscribe link without a setting", () => {
		const appending = ESPS.filter(espAppendsFooter);
		expect(appending).toEqual(
			expect.arrayContaining(["mailchimp", "klaviyo", "postmark", "hubspot", "campaign-monitor", "laposta"]),
		);
		for (const esp of ["sendgrid", "mailgun", "ses", "sfmc", "other"] as const)
			expect(espAppendsFooter(esp), esp).toBe(false);
	});

	it("says which ESPs add List-Unsubscribe headers themselves", () => {
		expect(espAddsListUnsubscribeHeaders("klaviyo")).toBe(true);
		expect(ESP_LIST_UNSUBSCRIBE_HEADERS.klaviyo.verified).toBe(true);
		expect(espAddsListUnsubscribeHeaders("ses")).toBe(false);
		expect(espAddsListUnsubscribeHeaders("other")).toBe(false);
	});
});

describe("linear time on large inputs", () => {
	it("classifies a 1 MB expression", () => {
		const big = "a".repeat(1_000_000);
		expect(classifyMergeTag(tag("double-curly", big))).toEqual([]);
		expect(isGenericUnsubscribeVariable(tag("double-curly", big))).toBe(false);
		expect(isGenericUnsubscribeVariable(tag("double-curly", "unsubscribe_".repeat(80_000)))).toBe(true);
		expect(classifyMergeTag(tag("double-curly", `\${${"x".repeat(1_000_000)}`))).toEqual([]);
		expect(classifyMergeTag(tag("double-curly", " ".repeat(1_000_000)))).toEqual([]);
	});
});
