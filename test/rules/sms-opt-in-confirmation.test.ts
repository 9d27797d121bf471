import { RuleTester } from "eslint";
import plugin from "../../plugin/index.js";
import rule from "../../rules/sms-opt-in-confirmation.js";

const sms = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/sms" });
const LAW = "CTIA Messaging Principles 5.1.2.1";
const confirmation = (countries: string[] = ["US"], extra: Record<string, unknown> = {}) => ({
	mailcomply: {
		campaign: { kind: "opt-in-confirmation", sender: { name: "Acme Inc." }, audience: { countries }, ...extra },
	},
});
const COMPLETE =
	"Acme: You're subscribed to Acme deals. Msg freq varies. Msg & data rates may apply. Reply HELP for help, STOP to cancel.";

sms.run("sms-opt-in-confirmation", rule as never, {
	valid: [
		{ code: COMPLETE, settings: confirmation() },
		// The carriers' other spellings.
		{
			code: "Welcome to Acme Alerts! Up to 4 msgs/month. Message and data rates may apply. Text HELP for help. Text STOP to 12345 to opt out.",
			settings: confirmation(["US", "CA"]),
		},
		{
			code: "ACME INC: recurring automated messages. Msg&Data rates may apply. Reply help for help. Reply STOP to end.",
			settings: confirmation(),
		},
		// Not a US programme: CTIA is the US carriers' code.
		{ code: "Acme: je bent aangemeld.", settings: confirmation(["NL"]) },
		// Countries not declared: not assumed to be the US.
		{ code: "Acme: you're in.", settings: confirmation([]) },
		// The countries option stands in for undeclared countries; here they are declared NL.
		{ code: "Acme: je bent aangemeld.", settings: confirmation(["NL"]), options: [{ countries: ["US"] }] },
		// Not declared an opt-in confirmation: a marketing SMS is require-unsubscribe's.
		{
			code: "Acme: 20% off today. Reply STOP to opt out",
			settings: { mailcomply: { campaign: { kind: "marketing", audience: { countries: ["US"] } } } },
		},
		// No sender name declared: the name is not second-guessed.
		{
			code: "Thanks for joining! Msg freq varies. Msg & data rates may apply. Reply HELP for help, STOP to cancel.",
			settings: { mailcomply: { campaign: { kind: "opt-in-confirmation", audience: { countries: ["US"] } } } },
		},
	],
	invalid: [
		// Only a welcome: everything is missing.
		{
			code: "Thanks for joining!",
			settings: confirmation(),
			errors: [
				{
					messageId: "missing",
					line: 1,
					column: 1,
					data: {
						missing:
							'the programme name, the message frequency, "Msg & data rates may apply", a HELP instruction and a STOP instruction',
						example:
							"Acme Inc.: … Msg freq varies. Msg & data rates may apply. Reply HELP for help. Reply STOP to cancel.",
						law: LAW,
					},
					suggestions: [
						{
							messageId: "add",
							output:
								"Acme Inc.: Thanks for joining! Msg freq varies. Msg & data rates may apply. Reply HELP for help. Reply STOP to cancel.",
						},
					],
				},
			],
		},
		// The usual miss: rates and frequency left out to stay within 160 characters.
		{
			code: "Acme: You're subscribed to Acme deals. Reply HELP for help, STOP to cancel.",
			settings: confirmation(),
			errors: [
				{
					messageId: "missing",
					data: {
						missing: 'the message frequency and "Msg & data rates may apply"',
						example: "Msg freq varies. Msg & data rates may apply.",
						law: LAW,
					},
					suggestions: [
						{
							messageId: "add",
							output:
								"Acme: You're subscribed to Acme deals. Reply HELP for help, STOP to cancel. Msg freq varies. Msg & data rates may apply.",
						},
					],
				},
			],
		},
		// "help" as a plain word is no HELP instruction; "stop by" is no STOP instruction.
		{
			code: "Acme: glad to help! Stop by our store. Msg freq varies. Msg & data rates may apply.",
			settings: confirmation(),
			errors: [
				{
					messageId: "missing",
					data: {
						missing: "a HELP instruction and a STOP instruction",
						example: "Reply HELP for help. Reply STOP to cancel.",
						law: LAW,
					},
					suggestions: 1,
				},
			],
		},
		// Countries from the rule's option when the facts declare none.
		{
			code: COMPLETE.replace(" Msg & data rates may apply.", ""),
			settings: { mailcomply: { campaign: { kind: "opt-in-confirmation", sender: { name: "Acme Inc." } } } },
			options: [{ countries: ["US"] }],
			errors: [{ messageId: "missing", suggestions: 1 }],
		},
	],
});
