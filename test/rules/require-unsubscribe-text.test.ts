import { RuleTester } from "eslint";
import plugin from "../../plugin/index.js";
import rule from "../../rules/require-unsubscribe.js";

/** require-unsubscribe on text messages: an SMS says how to stop, a WhatsApp marketing template offers an opt-out. */
const sms = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/sms" });
const whatsapp = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/whatsapp" });

const nl = { mailcomply: { campaign: { audience: { countries: ["NL"] } } } };
const NL_LAW = "Telecommunicatiewet art. 11.7";

sms.run("require-unsubscribe (sms)", rule as never, {
	valid: [
		// nl
		"Bakkerij Jansen: 20% korting op alle taarten! Afmelden? Sms STOP naar 4411",
		"Jansen: lenteactie -20%. Stuur STOP naar 3010 om je af te melden.",
		"Jansen: nieuwe collectie binnen. Reageer met STOP om geen sms meer te ontvangen.",
		"Jansen: 2 halen 1 betalen. Afmelden: jansen.nl/afmelden",
		// en
		"Acme: 25% off everything this weekend. Reply STOP to opt out.",
		"Acme: new arrivals. Txt STOP to 12345 to end. Msg&data rates may apply.",
		'Acme: flash sale! Text "stop" to unsubscribe',
		"Acme sale ends tonight. STOP to 55555",
		"Acme: summer sale. Unsubscribe: acme.com/unsubscribe",
		// de
		"Teehaus Berger: 15% Rabatt auf Grüntee. Abmelden: Antworte STOPP",
		"Teehaus Berger: Neue Sorten! SMS mit STOP an 80888 zum Abmelden",
		// fr
		"Boutique Claire : -30 % sur les robes. STOP au 36111",
		"Boutique Claire : soldes ! Répondez STOP pour vous désabonner",
		// transactional messages need no opt-out
		{ code: "Your verification code is 123456", settings: nl },
		{
			code: "Jansen: uw bestelling {{ order_number }} is verzonden. Track & trace: jansen.nl/t/{{ tracking_code }}",
			settings: nl,
		},
		{
			code: "Hoi {first_name}, we zien je morgen om 10:00.",
			settings: { mailcomply: { campaign: { kind: "transactional" } } },
		},
	],
	invalid: [
		// US recipients: CTIA's STOP instructions.
		{
			code: "Acme: 25% off everything this weekend!",
			settings: { mailcomply: { campaign: { audience: { countries: ["US"] } } } },
			errors: [
				{
					messageId: "missingSms",
					data: {
						example: "Reply STOP to opt out",
						law: "CTIA Messaging Principles and Short Code Monitoring Handbook",
					},
				},
			],
		},
		{
			code: "Bakkerij Jansen: 20% korting op alle taarten dit weekend! Bestel via jansen.nl/taart",
			settings: nl,
			errors: [{ messageId: "missingSms", data: { example: "Reply STOP to opt out", law: NL_LAW } }],
		},
		{
			code: "Bakkerij Jansen: 20% korting op alle taarten!",
			settings: { mailcomply: { campaign: { language: "nl", audience: { countries: ["NL"] } } } },
			errors: [{ messageId: "missingSms", data: { example: "Afmelden? Sms STOP naar <nummer>", law: NL_LAW } }],
		},
		// False-positive traps: "stop" in prose is no opt-out instruction.
		{ code: "Acme: don't stop shopping, 20% off today!", errors: [{ messageId: "missingSms" }] },
		{ code: "STOP! Laatste dag van de uitverkoop bij Jansen: 50% korting.", errors: [{ messageId: "missingSms" }] },
		{ code: "Teehaus Berger: Stopp den Alltag! 15% Rabatt", errors: [{ messageId: "missingSms" }] },
		// A link that is not an opt-out page.
		{ code: "Boutique Claire : -30 % sur tout le site : claire.fr/soldes", errors: [{ messageId: "missingSms" }] },
		// A marketing kind declared: even without an offer.
		{
			code: "Hoi {{ first_name }}, er staat iets nieuws voor je klaar bij Jansen.",
			settings: { mailcomply: { campaign: { kind: "marketing" } } },
			errors: [{ messageId: "missingSms" }],
		},
	],
});

const template = (category: string, components: unknown[], language = "nl") =>
	JSON.stringify({ name: "t", language, category, components }, null, 2);
const body = (text: string) => ({ type: "BODY", text });

whatsapp.run("require-unsubscribe (whatsapp)", rule as never, {
	valid: [
		template("MARKETING", [
			body("Hoi {{1}}, 20% korting!"),
			{ type: "BUTTONS", buttons: [{ type: "QUICK_REPLY", text: "Afmelden" }] },
		]),
		template(
			"MARKETING",
			[body("Hi {{1}}, 20% off!"), { type: "BUTTONS", buttons: [{ type: "QUICK_REPLY", text: "Stop promotions" }] }],
			"en_US",
		),
		template(
			"MARKETING",
			[body("Hallo {{1}}, 15% Rabatt!"), { type: "BUTTONS", buttons: [{ type: "QUICK_REPLY", text: "Abmelden" }] }],
			"de",
		),
		template(
			"MARKETING",
			[body("Bonjour {{1}}, -30 % !"), { type: "BUTTONS", buttons: [{ type: "QUICK_REPLY", text: "Se désabonner" }] }],
			"fr",
		),
		template("MARKETING", [
			body("Hoi {{1}}, 20% korting!"),
			{ type: "FOOTER", text: "Geen aanbiedingen meer? Stuur STOP" },
		]),
		template(
			"MARKETING",
			[body("Hi {{1}}, 20% off!"), { type: "FOOTER", text: "Reply STOP to stop promotions" }],
			"en_US",
		),
		// A UTILITY template that does not promote is what its category says.
		template("UTILITY", [body("Je bestelling {{1}} is verzonden.")]),
		template("AUTHENTICATION", [body("{{1}} is your verification code.")], "en_US"),
		// US-only recipients: CTIA's STOP rules are the carriers' for SMS, and no US law asks a WhatsApp message for an opt-out.
		{
			code: template("MARKETING", [body("Hi {{1}}, 20% off!")], "en_US"),
			settings: { mailcomply: { campaign: { audience: { countries: ["US"] } } } },
		},
	],
	invalid: [
		{
			code: template("MARKETING", [
				body("Hoi {{1}}, de lente is begonnen: 20% korting!"),
				{ type: "BUTTONS", buttons: [{ type: "URL", text: "Shop", url: "https://jansen.nl/lente" }] },
			]),
			settings: nl,
			errors: [
				{
					messageId: "missingWhatsApp",
					line: 8,
					column: 16,
					data: { button: "Afmelden", example: "Geen aanbiedingen meer? Stuur STOP", law: NL_LAW },
				},
			],
		},
		{
			code: template(
				"MARKETING",
				[body("Hi {{1}}, 20% off!"), { type: "BUTTONS", buttons: [{ type: "QUICK_REPLY", text: "Shop now" }] }],
				"en_US",
			),
			errors: [
				{
					messageId: "missingWhatsApp",
					data: {
						button: "Stop promotions",
						example: "Reply STOP to stop promotions",
						law: "e.g. ePrivacy Directive art. 13(4)",
					},
				},
			],
		},
		// Canadian recipients: CASL s. 6(2)(c) asks every commercial electronic message for an unsubscribe mechanism.
		{
			code: template("MARKETING", [body("Hi {{1}}, 20% off!")], "en_US"),
			settings: { mailcomply: { campaign: { audience: { countries: ["US", "CA"] } } } },
			errors: [{ message: / \(CASL s\. 6\(2\)\)\.$/u }],
		},
		// A UTILITY template that promotes is marketing in law; the finding says what was assumed.
		{
			code: template("UTILITY", [body("Je bestelling {{1}} is verzonden. Bestel nu nog een taart met 20% korting!")]),
			errors: [{ messageId: "missingWhatsApp" }],
		},
	],
});
