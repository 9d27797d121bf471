import type { TextMessageRuleDefinition } from "../src/types.js";
import type { TextMessageSourceCode } from "../src/languages/text-message-source-code.js";
import { ruleDocsUrl } from "../src/rule-docs.js";
import { cite } from "../src/legal/cite.js";
import { campaignCountries, countriesOptionSchema } from "../src/analyses/jurisdiction.js";
import { findTextOptOut } from "../src/analyses/text-opt-out.js";
import { textsNameParty } from "../src/analyses/party-names.js";
import {
	disclosureLanguage,
	hasFrequencyDisclosure,
	hasHelpInstruction,
	hasRatesDisclosure,
	type DisclosureLanguage,
} from "../src/lexicons/sms-program-disclosures.js";

type MessageIds = "missing" | "add";
type Options = [{ countries?: string[] }];

/** Each disclosure: what the finding calls it, and the words a fix adds. */
interface Disclosure {
	what: string;
	add: string;
}

/**
 * The words a fix adds, in the message's language: the carriers' short
 * forms in English, Twilio's forms for a Spanish-language short code in
 * Spanish (its frequency is a count, "X msjs/mes": the number is yours to
 * fill in). `rates` also names the notice in the finding.
 */
const WORDING: Readonly<Record<DisclosureLanguage, Record<"frequency" | "rates" | "help" | "stop", string>>> = {
	en: {
		frequency: "Msg freq varies.",
		rates: "Msg & data rates may apply.",
		help: "Reply HELP for help.",
		stop: "Reply STOP to cancel.",
	},
	es: {
		frequency: "<número> msjs/mes.",
		rates: "Cargos de msjs y datos pueden aplicar.",
		help: "Envíe AYUDA para asistencia.",
		stop: "Envíe ALTO para cancelar.",
	},
};

/**
 * A US SMS programme's opt-in confirmation (sidecar `kind:
 * opt-in-confirmation`) carries what the carriers expect of it (CTIA):
 * the programme's name, the message frequency, "Msg & data rates may
 * apply", and HELP and STOP instructions. One finding names everything
 * missing, with a suggestion that adds it at the end.
 */
const rule: TextMessageRuleDefinition<{ RuleOptions: Options; MessageIds: MessageIds }> = {
	meta: {
		type: "suggestion",
		docs: {
			description:
				"Require a US SMS programme's opt-in confirmation to carry the programme name, message frequency, the message-and-data-rates notice, and HELP and STOP instructions",
			url: ruleDocsUrl("sms-opt-in-confirmation"),
			fix: "Confirm US opt-ins with programme, frequency, rates, HELP and STOP.",
			citations: ["ctia-opt-in-confirmation", "ctia-messaging"],
			recommended: true,
			severity: "warn",
			jurisdictions: ["us"],
		},
		hasSuggestions: true,
		messages: {
			missing:
				'This US opt-in confirmation lacks {{missing}}, which carriers expect in it: add "{{example}}" ({{law}}).',
			add: 'Add "{{example}}".',
		},
		schema: [{ type: "object", properties: { countries: countriesOptionSchema }, additionalProperties: false }],
		defaultOptions: [{}],
		languages: ["mailcomply/sms"],
	},
	create(context) {
		const [{ countries }] = context.options;
		return {
			"TextMessage:exit"(message) {
				const sourceCode = context.sourceCode as TextMessageSourceCode;
				const { campaign } = sourceCode.getCampaign(context.settings);
				if (campaign.kind !== "opt-in-confirmation") return;
				if (!campaignCountries(campaign, countries).some((country) => country.toUpperCase() === "US")) return;
				const part = message.children[0];
				if (!part) return;
				const text = part.text;
				const missing: Disclosure[] = [];
				// The programme's name is the declared sender's; without one, any name is not second-guessed.
				const name = campaign.sender?.name?.trim();
				if (name && !textsNameParty([text], name)) missing.push({ what: "the programme name", add: `${name}:` });
				// A Spanish-language programme is told the Spanish words: English ones would break its language.
				const wording = WORDING[disclosureLanguage(text, campaign.language)];
				if (!hasFrequencyDisclosure(text)) missing.push({ what: "the message frequency", add: wording.frequency });
				if (!hasRatesDisclosure(text))
					missing.push({ what: `"${wording.rates.replace(/\.$/u, "")}"`, add: wording.rates });
				if (!hasHelpInstruction(text)) missing.push({ what: "a HELP instruction", add: wording.help });
				if (!findTextOptOut(message)) missing.push({ what: "a STOP instruction", add: wording.stop });
				if (missing.length === 0) return;
				// The name opens the message ("Acme: …"); the notices close it.
				const prefix = missing[0]?.what === "the programme name" ? `${missing[0].add} ` : "";
				const suffix = missing
					.filter((disclosure) => disclosure.what !== "the programme name")
					.map((disclosure) => disclosure.add)
					.join(" ");
				const example = [prefix ? `${prefix}…` : "", suffix].filter(Boolean).join(" ");
				const whats = missing.map((disclosure) => disclosure.what);
				const [start, end] = part.range;
				context.report({
					loc: part.loc,
					messageId: "missing",
					data: {
						missing: whats.length === 1 ? whats[0]! : `${whats.slice(0, -1).join(", ")} and ${whats.at(-1)!}`,
						example,
						law: cite("ctia-opt-in-confirmation"),
					},
					suggest: [
						{
							messageId: "add",
							data: { example },
							fix: (fixer) => [
								...(prefix ? [fixer.insertTextBeforeRange([start, start], prefix)] : []),
								...(suffix ? [fixer.insertTextAfterRange([end, end], (/\s$/u.test(text) ? "" : " ") + suffix)] : []),
							],
						},
					],
				});
			},
		};
	},
};

export default rule;
