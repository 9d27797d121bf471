import { RuleTester } from "eslint";
import plugin from "../../plugin/index.js";
import rule from "../../rules/whatsapp-template.js";

const whatsapp = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/whatsapp" });

const template = (category: string, components: unknown[], language = "nl") =>
	JSON.stringify({ name: "t", language, category, components });
const optOut = { type: "BUTTONS", buttons: [{ type: "QUICK_REPLY", text: "Afmelden" }] };
const quickReplies = (count: number) =>
	Array.from({ length: count }, (_, i) => ({ type: "QUICK_REPLY", text: `Optie ${i + 1}` }));

whatsapp.run("whatsapp-template", rule as never, {
	valid: [
		template("MARKETING", [
			{
				type: "BODY",
				text: "Hoi {{1}}, 20% korting op taarten bij {{2}} vandaag!",
				example: { body_text: [["Sanne", "Jansen"]] },
			},
			optOut,
		]),
		// Named parameters with their examples.
		template("MARKETING", [
			{
				type: "HEADER",
				format: "TEXT",
				text: "Sale start {{sale_date}}!",
				example: { header_text_named_params: [{ param_name: "sale_date", example: "1 maart" }] },
			},
			{
				type: "BODY",
				text: "Hoi {{first_name}}, tot zo!",
				example: { body_text_named_params: [{ param_name: "first_name", example: "Sanne" }] },
			},
			optOut,
		]),
		// A media header with its sample.
		template("MARKETING", [
			{ type: "HEADER", format: "IMAGE", example: { header_handle: ["4::aW1hZ2U="] } },
			{ type: "BODY", text: "Nieuw binnen." },
			optOut,
		]),
		// Ten quick replies, two URL buttons, one phone button.
		template("MARKETING", [
			{ type: "BODY", text: "Kies." },
			{ type: "BUTTONS", buttons: quickReplies(10) },
		]),
		template("MARKETING", [
			{ type: "BODY", text: "Kies." },
			{
				type: "BUTTONS",
				buttons: [
					{ type: "URL", text: "A", url: "https://a.nl" },
					{ type: "URL", text: "B", url: "https://b.nl" },
					{ type: "PHONE_NUMBER", text: "Bel", phone_number: "+31201234567" },
				],
			},
		]),
		// A URL button's variable with its sample (Meta's one-item array).
		template("MARKETING", [
			{ type: "BODY", text: "Kies." },
			{
				type: "BUTTONS",
				buttons: [
					{
						type: "URL",
						text: "Bekijk",
						url: "https://bakkerij.nl/actie/{{1}}",
						example: ["https://bakkerij.nl/actie/lente"],
					},
				],
			},
		]),
		// A body with words around its variable is not "only a variable".
		template("UTILITY", [{ type: "BODY", text: "Order {{1}} is onderweg.", example: { body_text: [["A-1"]] } }]),
		// A utility template that reports, not promotes; trailing punctuation after a variable is text.
		template("UTILITY", [
			{
				type: "BODY",
				text: "Je bestelling {{1}} is verzonden en komt op {{2}}.",
				example: { body_text: [["A-1042", "vrijdag"]] },
			},
		]),
		template("AUTHENTICATION", [
			{ type: "BODY", text: "Je code is {{1}}. Deel hem met niemand.", example: { body_text: [["123456"]] } },
		]),
		// Declared transactional in the sidecar facts: the user has checked it.
		{
			code: template("UTILITY", [
				{ type: "BODY", text: "Je bestelling is verzonden. Bestel nu nog een taart met 20% korting!" },
			]),
			settings: { mailcomply: { campaign: { kind: "transactional" } } },
		},
		// Not a template at all: valid-template's finding, not this rule's.
		JSON.stringify({ hello: "world" }),
	],
	invalid: [
		{
			code: template("MARKETING", [{ type: "BODY", text: "Hoi {{1}}, 20% korting!" }, optOut]),
			errors: [
				{
					messageId: "noExample",
					line: 1,
					column: 93,
					endColumn: 98,
					data: {
						variable: "{{1}}",
						component: "BODY",
						key: "body_text",
						law: "Meta WhatsApp template components, WhatsApp template variable placement",
					},
				},
			],
		},
		{
			code: template("MARKETING", [
				{ type: "HEADER", format: "TEXT", text: "Sale {{date}} bij ons" },
				{ type: "BODY", text: "Tot zo!" },
				optOut,
			]),
			errors: [
				{
					messageId: "noExample",
					data: {
						variable: "{{date}}",
						component: "HEADER",
						key: "header_text_named_params",
						law: "Meta WhatsApp template components, WhatsApp template variable placement",
					},
				},
			],
		},
		// Only one of two variables has an example.
		{
			code: template("UTILITY", [
				{ type: "BODY", text: "Order {{1}} komt op {{2}} aan.", example: { body_text: [["A-1"]] } },
			]),
			errors: [
				{
					messageId: "noExample",
					data: {
						variable: "{{2}}",
						component: "BODY",
						key: "body_text",
						law: "Meta WhatsApp template components, WhatsApp template variable placement",
					},
				},
			],
		},
		{
			code: template("MARKETING", [
				{ type: "BODY", text: "{{1}}", example: { body_text: [["Alles 20% korting"]] } },
				optOut,
			]),
			errors: [
				{
					messageId: "bodyOnlyVariable",
					data: { variable: "{{1}}", law: "WhatsApp template variable placement" },
				},
			],
		},
		// Only variables and punctuation: no words of its own.
		{
			code: template("MARKETING", [
				{ type: "BODY", text: "{{1}}! {{2}}", example: { body_text: [["Alles 20% korting", "Tot zo"]] } },
				optOut,
			]),
			errors: [
				{
					messageId: "bodyOnlyVariable",
					data: { variable: "{{1}} {{2}}", law: "WhatsApp template variable placement" },
				},
			],
		},
		// A URL button with a variable in its URL and no sample of it.
		{
			code: template("MARKETING", [
				{ type: "BODY", text: "Kies." },
				{
					type: "BUTTONS",
					buttons: [{ type: "URL", text: "Bekijk", url: "https://bakkerij.nl/actie/{{1}}" }],
				},
			]),
			errors: [
				{
					messageId: "noUrlExample",
					line: 1,
					column: 162,
					data: { variable: "{{1}}", law: "Meta WhatsApp template components" },
				},
			],
		},
		{
			code: template("UTILITY", [
				{ type: "BODY", text: "Beste {{1}} {{2}}, je afspraak staat.", example: { body_text: [["Sanne", "Jansen"]] } },
			]),
			errors: [
				{
					messageId: "variablePlacement",
					data: { where: "has {{1}} and {{2}} side by side", law: "WhatsApp template variable placement" },
				},
			],
		},
		{
			code: template("MARKETING", [{ type: "HEADER", format: "VIDEO" }, { type: "BODY", text: "Kijk mee." }, optOut]),
			errors: [{ messageId: "noMediaSample", data: { format: "VIDEO", law: "Meta WhatsApp template components" } }],
		},
		{
			code: template("MARKETING", [
				{ type: "BODY", text: "Kies." },
				{ type: "BUTTONS", buttons: quickReplies(11) },
			]),
			errors: [
				{
					messageId: "tooManyButtons",
					data: { count: "11", what: "buttons", max: "10", extra: "1 of them", law: "WhatsApp template button limits" },
				},
			],
		},
		{
			code: template("MARKETING", [
				{ type: "BODY", text: "Kies." },
				{
					type: "BUTTONS",
					buttons: ["a", "b", "c"].map((name) => ({ type: "URL", text: name, url: `https://${name}.nl` })),
				},
			]),
			errors: [
				{
					messageId: "tooManyButtons",
					data: {
						count: "3",
						what: "URL buttons",
						max: "2",
						extra: "1 of them",
						law: "WhatsApp template button limits",
					},
				},
			],
		},
		// A UTILITY template that promotes, in nl, en, de and fr.
		...[
			["nl", "Je bestelling is verzonden. Bestel nu nog een taart met 20% korting!"],
			["en_US", "Your order has shipped. Get 20% off your next order!"],
			["de", "Deine Bestellung ist unterwegs. Jetzt 15% Rabatt auf Grüntee sichern!"],
			["fr", "Votre commande est en route. Profitez de -30 % sur les robes !"],
		].map(([language, text]) => ({
			code: template("UTILITY", [{ type: "BODY", text }], language),
			errors: [{ messageId: "promotesAsUtility" as const }],
		})),
	],
});
