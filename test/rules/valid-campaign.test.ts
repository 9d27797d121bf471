import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { RuleTester } from "eslint";
import { CampaignLanguage } from "../../src/languages/campaign-language.js";
import rule from "../../rules/valid-campaign.js";

const plugin = {
	meta: { name: "mailcomply-test" },
	languages: { campaign: new CampaignLanguage() },
	rules: { "valid-campaign": rule },
};

const ruleTester = new RuleTester({
	plugins: { mailcomply: plugin as never },
	language: "mailcomply/campaign",
});

const fullSidecar = `# Weekly newsletter
kind: marketing
channel: email
esp: mailchimp
espAppendsFooter: true
espAddsHeaders: true
espTracking: opens-and-clicks
language: nl-BE
subject: "Nieuw deze week"
preheader: "Tot 20% korting"
sender: { name: Acme BV, address: "Straat 1, 1234 AB Utrecht", email: news@acme.example, companyNumber: "01234567" }
sentBy: { name: Mailbureau BV, role: processor }
audience:
  countries: [NL, BE]
  source: signup-form
  name: Nieuwsbrief
  owner: Acme BV
  lastCleaned: 2026-09-01
  segments:
    - name: Sportief
      categories: [health]
lawfulBasis: consent
consent: { explicit: true, thirdParty: false, record: "CRM table optins", specialCategoryBasis: explicit-consent, tracking: true }
headers:
  List-Unsubscribe: "<https://acme.example/u>"
  List-Unsubscribe-Post: List-Unsubscribe=One-Click
  List-Id: "Nieuws <news.acme.example>"
`;

const tempDir = mkdtempSync(join(tmpdir(), "mailcomply-valid-campaign-"));
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));
writeFileSync(join(tempDir, "welcome.mjml"), "<mjml></mjml>");
writeFileSync(join(tempDir, "welcome.campaign.yaml"), "kind: marketing\n");
writeFileSync(join(tempDir, "lost.campaign.yaml"), "kind: marketing\n");

describe("valid-campaign", () => {
	it("has complete meta", () => {
		expect(rule.meta).toMatchObject({
			type: "problem",
			docs: { recommended: true, url: expect.stringMatching(/rules\/valid-campaign\.md$/u) },
			schema: [],
			languages: ["mailcomply/campaign"],
		});
	});

	ruleTester.run("valid-campaign", rule as never, {
		valid: [
			{ name: "every field, correct", code: fullSidecar },
			{ name: "empty file", code: "" },
			{ name: "comments only", code: "# filled in later\n" },
			{ name: "YAML 1.2: `no` is Norwegian, not false", code: "language: no\n" },
			{ name: "a quoted company number", code: 'sender:\n  companyNumber: "01234567"\n' },
			{
				name: "strict JSON",
				code: '{ "kind": "transactional", "audience": { "countries": ["NL"] } }',
				filename: "order.campaign.json",
			},
			{
				name: "a JSON sidecar that names its schema for editors",
				code: '{ "$schema": "../node_modules/eslint-plugin-mailcomply/schema/campaign.schema.json", "kind": "marketing" }',
				filename: "order.campaign.json",
			},
			{
				name: "folder defaults with no template of that name beside them are no orphan",
				code: "kind: marketing\n",
				filename: join(tempDir, "defaults.campaign.yaml"),
			},
			{
				name: "aliases with valid values",
				code: "sender: &org\n  name: Acme BV\nsentBy:\n  name: Acme BV\naudience:\n  owner: &owner Acme BV\n  name: *owner\n",
			},
			{ name: "an empty list", code: "audience:\n  countries: []\n" },
			{
				name: "a sidecar whose template exists",
				code: "kind: marketing\n",
				filename: join(tempDir, "welcome.campaign.yaml"),
			},
			{
				name: "a virtual file is not an orphan",
				code: "kind: marketing\n",
				filename: join(tempDir, "virtual.campaign.yaml"),
			},
		],
		invalid: [
			{
				name: "unknown key with a close spelling",
				code: "kind: marketing\nlawfullBasis: consent\n",
				errors: [
					{
						line: 2,
						column: 1,
						endLine: 2,
						endColumn: 13,
						message: 'Unknown key "lawfullBasis" in the top level; it is ignored. Did you mean "lawfulBasis"?',
					},
				],
			},
			{
				name: "snake_case key",
				code: "esp_appends_footer: true\n",
				errors: [
					{
						messageId: "unknownKey",
						data: { key: "esp_appends_footer", where: "the top level", fix: 'Did you mean "espAppendsFooter"?' },
					},
				],
			},
			{
				name: "a key in the wrong place",
				code: "countries: [NL]\n",
				errors: [
					{
						messageId: "unknownKey",
						data: { key: "countries", where: "the top level", fix: 'It belongs at "audience.countries".' },
					},
				],
			},
			{
				name: "unknown nested key, no close spelling",
				code: "sender:\n  name: Acme\n  website: https://acme.example\n",
				errors: [
					{
						line: 3,
						column: 3,
						message:
							'Unknown key "website" in "sender"; it is ignored. Use one of name, address, email, companyNumber, or remove it.',
					},
				],
			},
			{
				name: "yes instead of true",
				code: "espAppendsFooter: yes\n",
				errors: [
					{
						line: 1,
						column: 19,
						endColumn: 22,
						message:
							'"espAppendsFooter" must be true or false, got text "yes"; it is ignored. Write true or false without quotes (YAML 1.2 reads yes, no, on and off as text).',
					},
				],
			},
			{
				name: "an ESP tracking mode that does not exist",
				code: "espTracking: open\n",
				errors: [
					{
						line: 1,
						column: 14,
						message:
							/^"espTracking" cannot be text "open"; it is ignored\. Did you mean "opens"\? Use one of opens, clicks, opens-and-clicks, aggregate, none\./u,
					},
				],
			},
			{
				name: "consent to tracking written as text",
				code: 'consent:\n  tracking: "yes"\n',
				errors: [{ line: 2, message: /^"consent\.tracking" must be true or false, got text "yes"/u }],
			},
			{
				name: "a company number written as a number loses its leading zero",
				code: "sender:\n  companyNumber: 01234567\n",
				errors: [
					{
						line: 2,
						column: 18,
						message:
							/got number 1234567; .*Put it in quotes \("01234567"\) so it is read as text and its leading zero survives\./u,
					},
				],
			},
			{
				name: "a number where text is expected, no leading zero",
				code: "subject: 2026\n",
				errors: [
					{
						message:
							'"subject" must be text, got number 2026; it is ignored. Put it in quotes ("2026") so it is read as text.',
					},
				],
			},
			{
				name: "an enum typo",
				code: "esp: mailchip\n",
				errors: [
					{
						line: 1,
						column: 6,
						message:
							/^"esp" cannot be text "mailchip"; it is ignored\. Did you mean "mailchimp"\? Use one of mailchimp, mandrill, /u,
					},
				],
			},
			{
				name: "one finding for a wrong type on an enum field, listing the values",
				code: "kind: 5\n",
				errors: [
					{
						message:
							'"kind" cannot be number 5; it is ignored. Use one of marketing, transactional, opt-in-confirmation.',
					},
				],
			},
			{
				name: "lower-case and invalid country codes",
				code: "audience:\n  countries: [nl, Netherlands, BE]\n",
				errors: [
					{ line: 2, column: 15, message: 'Write country codes in upper case: "NL", not "nl" (ISO 3166-1 alpha-2).' },
					{
						line: 2,
						column: 19,
						message:
							/"audience\.countries\[1\]" must be an ISO 3166-1 alpha-2 country code such as NL, got text "Netherlands"/u,
					},
				],
			},
			{
				name: "a single country instead of a list",
				code: "audience:\n  countries: NL\n",
				errors: [{ message: /must be a list, got text "NL"; it is ignored\. Write a list, e\.g\. \[NL\]\./u }],
			},
			{
				name: "a date in another format",
				code: "audience:\n  lastCleaned: 1 sept 2026\n",
				errors: [{ line: 2, column: 16, message: /a date written YYYY-MM-DD/u }],
			},
			{
				name: "an impossible date",
				code: "audience:\n  lastCleaned: 2026-13-01\n",
				errors: [{ messageId: "badFormat" }],
			},
			{
				name: "a special category typo deep in a list",
				code: "audience:\n  segments:\n    - name: Fit\n      categories: [helth]\n",
				errors: [
					{
						line: 4,
						column: 20,
						message: /"audience\.segments\[0\]\.categories\[0\]" cannot be text "helth".*Did you mean "health"\?/u,
					},
				],
			},
			{
				name: "an empty mapping value",
				code: "consent:\nkind: marketing\n",
				errors: [{ line: 1, column: 1, message: /"consent" must be a mapping of keys, got nothing/u }],
			},
			{
				name: "a shortened enum value",
				code: "consent:\n  specialCategoryBasis: members\n",
				errors: [{ message: /Did you mean "own-members"\?/u }],
			},
			{
				name: "an enum value that resembles nothing gets no suggestion",
				code: "audience:\n  source: bought\n",
				errors: [
					{
						message:
							'"audience.source" cannot be text "bought"; it is ignored. Use one of own-customers, signup-form, third-party, purchased, scraped.',
					},
				],
			},
			{
				name: "a YAML merge key",
				code: "<<: { kind: marketing }\n",
				errors: [{ message: /YAML merge keys are not supported/u }],
			},
			{
				name: "a list at the top level",
				code: "- kind: marketing\n",
				errors: [{ line: 1, column: 1, message: /not a list\./u }],
			},
			{
				name: "a scalar at the top level",
				code: "marketing\n",
				errors: [{ message: /not text "marketing"\./u }],
			},
			{
				name: "header name in another case",
				code: "headers:\n  list-unsubscribe: <https://acme.example/u>\n",
				errors: [
					{ line: 2, column: 3, message: /Write "List-Unsubscribe" instead of "list-unsubscribe" in "headers"/u },
				],
			},
			{
				name: "an unknown header",
				code: "headers:\n  X-Campaign: spring\n",
				errors: [
					{
						messageId: "unknownKey",
						data: {
							key: "X-Campaign",
							where: '"headers"',
							fix: "Use one of List-Unsubscribe, List-Unsubscribe-Post, List-Id, or remove it.",
						},
					},
				],
			},
			{
				name: "an unknown top-level key with no close spelling points to the guide instead of listing every key",
				code: "kind: marketing\nbudget: 1200\n",
				errors: [
					{
						line: 2,
						column: 1,
						message:
							'Unknown key "budget" in the top level; it is ignored. Remove it, or use a key from docs/sidecar.md#every-field.',
					},
				],
			},
			{
				name: "an alias whose value does not fit where it is used is reported at the alias",
				code: "audience: &a\n  source: own-customers\nconsent: *a\n",
				errors: [
					{
						line: 3,
						column: 10,
						messageId: "unknownKey",
						data: { key: "source", where: '"consent"', fix: 'It belongs at "audience.source".' },
					},
				],
			},
			{
				name: "JSON positions",
				code: '{\n  "kind": "promo",\n  "espAddsHeaders": "true"\n}\n',
				filename: "promo.campaign.json",
				errors: [
					{ messageId: "badValue", line: 2, column: 11 },
					{
						line: 3,
						column: 21,
						message:
							'"espAddsHeaders" must be true or false, got text "true"; it is ignored. Write true or false without quotes.',
					},
				],
			},
			{
				name: "an invalid BCP 47 tag and e-mail address",
				code: "language: Dutch language\nsender:\n  email: acme.example\n",
				errors: [{ message: /BCP 47/u }, { message: /an e-mail address/u }],
			},
			{
				name: "a sidecar without a template",
				code: "kind: marketing\n",
				filename: join(tempDir, "lost.campaign.yaml"),
				errors: [
					{ line: 1, column: 1, message: /No template beside this sidecar \(lost\.mjml, lost\.html or lost\.htm\)/u },
				],
			},
		],
	});
});
