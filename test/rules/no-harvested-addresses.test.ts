import { RuleTester } from "eslint";
import { withAudience } from "../helpers/audience.js";
import plugin from "../../plugin/index.js";
import rule from "../../rules/no-harvested-addresses.js";

/** What forbids such a list, for Dutch recipients (the default audience): their law, not CAN-SPAM. */
const NL_PURCHASED = "Telecommunicatiewet art. 11.7(1), GDPR art. 14(3)(b)";
const NL_SCRAPED = NL_PURCHASED;

const tester = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/campaign" });

tester.run(
	"no-harvested-addresses",
	rule as never,
	withAudience(["NL"], {
		valid: [
			'audience:\n  source: signup-form\n  name: "Nieuwsbrief"\n',
			"audience:\n  source: own-customers\n",
			'audience:\n  source: third-party\n  owner: "Partner Uitgeverij B.V."\n',
			// false-positive traps: customers who bought, leads who asked, channels without an export word
			'audience:\n  name: "Leads from our webinar sign-up"\n',
			'audience:\n  name: "Webinar leads"\n',
			'audience:\n  segments:\n    - name: "Purchased in the last 90 days"\n    - name: "Klanten die gekocht hebben"\n    - name: "Kunden, die gekauft haben"\n    - name: "Clients ayant acheté en 2025"\n',
			'audience:\n  name: "Google Maps reviewers"\n  owner: "LinkedIn Lead Gen Form"\n',
			'audience:\n  name: "Website export"\n',
			'audience:\n  name: "Broker list"\n',
			'audience:\n  name: "Rental customers"\n',
			// own business customers who gave their KvK number are no register export
			'audience:\n  name: "Zakelijke klanten met KvK-nummer"\n',
			// an ambiguous broker word is trusted with a declared own source
			'audience:\n  source: signup-form\n  name: "Lead list Q2"\n',
			'audience:\n  source: own-customers\n  segments:\n    - name: "Prospectlijst beurs"\n',
			// no sidecar facts
			"",
		],
		invalid: [
			// US only: a bought list breaks the ESP's terms, not CAN-SPAM; harvesting aggravates a mail that breaks 7704(a) already
			{
				code: "audience:\n  countries: [US]\n  source: purchased\n",
				errors: [
					{
						messageId: "purchasedSource",
						data: {
							law: "your ESP's terms of use",
						},
					},
				],
			},
			{
				code: "audience:\n  countries: [US]\n  source: scraped\n",
				errors: [
					{
						messageId: "scrapedSource",
						data: {
							law: "CAN-SPAM 15 U.S.C. 7704(b)(1)",
						},
					},
				],
			},
			{
				code: "audience:\n  source: scraped\n",
				errors: [{ messageId: "scrapedSource", line: 2, column: 11 }],
			},
			{
				code: 'kind: transactional\naudience:\n  source: purchased\n  name: "Gekocht bestand"\n',
				// the declared source says it; the name is not reported on top
				errors: [{ messageId: "purchasedSource", line: 3, column: 11 }],
			},
			// nl, en, de, fr names
			{
				code: 'audience:\n  name: "Adressenbestand gekocht bij Leadpartner"\n',
				errors: [
					{
						message: /^The list name \("Adressenbestand gekocht"\) suggests a bought or rented list, /u,
						line: 2,
						column: 9,
					},
				],
			},
			{
				code: 'audience:\n  owner: "Purchased list (DataCo)"\n',
				errors: [
					{
						messageId: "nameSaysPurchased",
						data: { subject: "list owner", phrase: "Purchased list", declared: "", law: NL_PURCHASED },
					},
				],
			},
			{
				code: 'audience:\n  segments:\n    - name: "Gekaufte Adressen Q3"\n',
				errors: [
					{
						messageId: "nameSaysPurchased",
						data: { subject: "segment name", phrase: "Gekaufte Adressen", declared: "", law: NL_PURCHASED },
						line: 3,
						column: 13,
					},
				],
			},
			{ code: 'audience:\n  name: "Fichier acheté salon 2025"\n', errors: [{ messageId: "nameSaysPurchased" }] },
			{
				code: "audience:\n  name: google_maps_export_tandartsen\n",
				errors: [
					{
						messageId: "nameSaysScraped",
						data: { subject: "list name", phrase: "google maps export", declared: "", law: NL_SCRAPED },
					},
				],
			},
			{ code: 'audience:\n  name: "LinkedIn export CFOs"\n', errors: [{ messageId: "nameSaysScraped" }] },
			{ code: 'audience:\n  name: "Scraped B2B contacts"\n', errors: [{ messageId: "nameSaysScraped" }] },
			// a trade-register export, nl/de/en/fr
			{
				code: 'audience:\n  name: "KvK-export bouwbedrijven Utrecht"\n',
				errors: [
					{
						messageId: "nameSaysScraped",
						data: { subject: "list name", phrase: "KvK-export", declared: "", law: NL_SCRAPED },
					},
				],
			},
			{
				code: 'audience:\n  segments:\n    - name: "Handelsregister-Auszug Maschinenbau"\n',
				errors: [{ messageId: "nameSaysScraped" }],
			},
			{ code: 'audience:\n  owner: "Companies House export"\n', errors: [{ messageId: "nameSaysScraped" }] },
			{
				code: 'audience:\n  name: "Extraction registre du commerce Lyon"\n',
				errors: [{ messageId: "nameSaysScraped" }],
			},
			// a name that contradicts a declared own source is still reported, and says so
			{
				code: 'audience:\n  source: signup-form\n  name: "Google Maps export tandartsen 2025"\n',
				errors: [
					{
						messageId: "nameSaysScraped",
						data: {
							subject: "list name",
							phrase: "Google Maps export",
							declared: " (though `audience.source` says signup-form)",
							law: NL_SCRAPED,
						},
					},
				],
			},
			// the ambiguous broker word without a declared source
			{
				code: 'audience:\n  name: "Lead list Q2"\n',
				errors: [
					{ messageId: "nameSaysLeadList", data: { subject: "list name", phrase: "Lead list", law: NL_SCRAPED } },
				],
			},
			// strong evidence wins over an ambiguous word in the same name
			{
				code: 'audience:\n  name: "Lead list (gekocht bestand)"\n',
				errors: [
					{
						messageId: "nameSaysPurchased",
						data: { subject: "list name", phrase: "gekocht bestand", declared: "", law: NL_PURCHASED },
					},
				],
			},
			// several fields, one finding each
			{
				code: 'audience:\n  name: "KvK-bestand Utrecht"\n  segments:\n    - name: "Ingekochte leads"\n    - name: "Vaste klanten"\n',
				errors: [
					{ messageId: "nameSaysScraped", line: 2 },
					{ messageId: "nameSaysPurchased", line: 4 },
				],
			},
		],
	}),
);
