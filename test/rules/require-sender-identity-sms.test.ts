import { RuleTester } from "eslint";
import plugin from "../../plugin/index.js";
import rule from "../../rules/require-sender-identity.js";

/** require-sender-identity on SMS: the declared sender is named in the text (an SMS sender ID can be anything). */
const sms = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/sms" });
const sender = (name: string, extra: Record<string, unknown> = {}) => ({
	mailcomply: { campaign: { sender: { name }, audience: { countries: ["NL"] }, ...extra } },
});

sms.run("require-sender-identity (sms)", rule as never, {
	valid: [
		// Legal form, case and accents aside.
		{ code: "Bakkerij Jansen: 20% korting! Sms STOP naar 4411", settings: sender("Bakkerij Jansen B.V.") },
		{ code: "BAKKERIJ JANSEN - 20% korting", settings: sender("Bakkerij Jansen B.V.") },
		{ code: "Acme: 25% off. Reply STOP to opt out", settings: sender("Acme Inc.") },
		{ code: "Teehaus Berger: 15% Rabatt", settings: sender("Teehaus Berger GmbH") },
		{ code: "Boutique Claire : -30 %", settings: sender("Boutique Claire SARL") },
		// No declared name: not second-guessed.
		"Jansen: 20% korting!",
		// Transactional SMS: the marketing duty does not apply.
		{ code: "Uw code is 123456", settings: sender("Bakkerij Jansen B.V.", { kind: "transactional" }) },
	],
	invalid: [
		{
			code: "Jansen: 20% korting! Sms STOP naar 4411",
			settings: sender("Bakkerij Jansen B.V."),
			errors: [
				{
					messageId: "missingNameSms",
					data: {
						name: "Bakkerij Jansen B.V.",
						law: "Telecommunicatiewet art. 11.7",
					},
				},
			],
		},
		// An offer without any name.
		{
			code: "20% off everything this weekend! Reply STOP to opt out",
			settings: sender("Acme Inc."),
			errors: [{ messageId: "missingNameSms" }],
		},
	],
});
