import { RuleTester } from "eslint";
import { withAudience } from "../helpers/audience.js";
import plugin from "../../plugin/index.js";
import rule from "../../rules/require-lawful-basis.js";

const tester = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/campaign" });

tester.run(
	"require-lawful-basis",
	rule as never,
	withAudience(["NL"], {
		valid: [
			// consent with a record; soft opt-in to own customers
			'lawfulBasis: consent\nconsent:\n  record: "CRM optin table"\n',
			"audience:\n  source: own-customers\nlawfulBasis: soft-opt-in\n",
			// B2B in NL is no exception, but soft opt-in still covers own business customers
			'audience:\n  countries: [NL]\n  source: own-customers\n  name: "Zakelijke klanten"\nlawfulBasis: soft-opt-in\n',
			// a bought, rented or scraped list is no-harvested-addresses' finding (same law, one finding per list), nl/de/fr
			'audience:\n  countries: [NL]\n  source: purchased\n  name: "Gehuurd bestand Adresdata"\n',
			"audience:\n  countries: [DE]\n  source: purchased\nlawfulBasis: soft-opt-in\n",
			"audience:\n  countries: [FR]\n  source: scraped\nlawfulBasis: legitimate-interest\n",
			// US only: CAN-SPAM is an opt-out regime
			"audience:\n  countries: [US]\n",
			"audience:\n  countries: [US]\nlawfulBasis: legitimate-interest\n",
			// countries no opt-in regime of this rule covers
			"audience:\n  countries: [JP]\n",
			// the option gives the countries when the sidecar does not
			{ code: "kind: marketing\n", options: [{ countries: ["US"] }] },
			// transactional mail is not marketing
			"kind: transactional\nlawfulBasis: contract\n",
			"kind: transactional\n",
			// an opt-in confirmation answers the sign-up it confirms: a transactional message's duties
			"kind: opt-in-confirmation\n",
			// organisation defaults in settings count
			{
				code: "audience:\n  source: signup-form\n",
				settings: { mailcomply: { campaign: { lawfulBasis: "consent", consent: { record: "Central consent log" } } } },
			},
			// CA: implied consent from an existing business relationship
			"audience:\n  countries: [CA]\n  source: own-customers\nlawfulBasis: soft-opt-in\n",
			// an empty file or a list at the top declares nothing to judge
			"",
			"- consent\n",
		],
		invalid: [
			// a purchased list that claims consent must still show where the proof is
			{ code: "audience:\n  source: purchased\nlawfulBasis: consent\n", errors: [{ messageId: "consentNotRecorded" }] },
			{
				code: "kind: marketing\naudience:\n  source: signup-form\n",
				errors: [
					{
						message:
							"This marketing e-mail declares no `lawfulBasis`: declare `consent` with a `consent.record`, or `soft-opt-in` for your own customers (Telecommunicatiewet art. 11.7(1)).",
						line: 1,
						column: 1,
					},
				],
			},
			// SMS and WhatsApp are electronic mail too
			{ code: "channel: sms\n", errors: [{ message: /^This marketing SMS declares no `lawfulBasis`/u }] },
			{
				code: "channel: whatsapp\naudience:\n  countries: [GB]\n",
				errors: [
					{
						message: /^This marketing WhatsApp message declares no `lawfulBasis`: .* \(PECR reg\. 22\(2\)\)\.$/u,
					},
				],
			},
			// [NL, US]: the stricter regime wins
			{
				code: "audience:\n  countries: [NL, US]\n  source: signup-form\nlawfulBasis: legitimate-interest\n",
				errors: [{ messageId: "legitimateInterest", line: 4, column: 14 }],
			},
			// legitimate interest on own customers: suggest the soft opt-in
			{
				code: "audience:\n  countries: [DE]\n  source: own-customers\nlawfulBasis: legitimate-interest\n",
				errors: [
					{
						messageId: "legitimateInterest",
						data: {
							channel: "e-mail",
							law: "UWG § 7(2) Nr. 2",
							fix: "declare `soft-opt-in` if you offered an opt-out when you collected their addresses.",
						},
					},
				],
			},
			// CA: legitimate interest is not express or implied consent
			{
				code: "audience:\n  countries: [CA]\nlawfulBasis: legitimate-interest\n",
				errors: [
					{
						message: /which needs consent \(CASL s\. 6\(1\)\(a\)\): .*`soft-opt-in` for your own customers\.$/u,
					},
				],
			},
			// consent without proof
			{
				code: "lawfulBasis: consent\n",
				errors: [
					{
						messageId: "consentNotRecorded",
						data: { proof: "Telecommunicatiewet art. 11.7(1), GDPR art. 7(1)" },
						line: 1,
						column: 14,
					},
				],
			},
			{
				code: "lawfulBasis: consent\nconsent:\n  explicit: true\n",
				errors: [{ messageId: "consentNotRecorded", line: 2, column: 1 }],
			},
			{
				code: 'lawfulBasis: consent\nconsent:\n  record: "  "\n',
				errors: [{ messageId: "consentNotRecorded", line: 3, column: 11 }],
			},
			{
				code: "audience:\n  countries: [GB, CA]\nlawfulBasis: consent\n",
				errors: [{ messageId: "consentNotRecorded", data: { proof: "UK GDPR, CASL s. 13" } }],
			},
			// soft opt-in outside own customers
			{
				code: "audience:\n  source: third-party\nlawfulBasis: soft-opt-in\n",
				errors: [{ messageId: "softOptInSource", line: 2, column: 11 }],
			},
			{
				code: "audience:\n  source: signup-form\nlawfulBasis: soft-opt-in\n",
				errors: [{ messageId: "softOptInSource" }],
			},
			{ code: "lawfulBasis: soft-opt-in\n", errors: [{ messageId: "softOptInSource", line: 1, column: 14 }] },
			// contract is for transactional mail
			{
				code: "kind: marketing\nlawfulBasis: contract\n",
				errors: [{ messageId: "contractForMarketing", line: 2, column: 14 }],
			},
			// the option's countries apply when the sidecar declares none; the sidecar wins over it
			{
				code: "kind: marketing\n",
				options: [{ countries: ["FR"] }],
				errors: [
					{
						message: /^This marketing e-mail declares no `lawfulBasis`: .* \(ePrivacy Directive art\. 13\(1\)\)\.$/u,
					},
				],
			},
			{ code: "audience:\n  countries: [NL]\n", options: [{ countries: ["US"] }], errors: [{ messageId: "missing" }] },
			// a basis from settings that is wrong is reported at the top of the file
			{
				code: "audience:\n  source: signup-form\n",
				settings: { mailcomply: { campaign: { lawfulBasis: "legitimate-interest" } } },
				errors: [{ messageId: "legitimateInterest", line: 1, column: 1 }],
			},
			// an alias is followed
			{
				code: "defaults: &basis legitimate-interest\nlawfulBasis: *basis\n",
				errors: [{ messageId: "legitimateInterest", line: 2, column: 14 }],
			},
		],
	}),
);
