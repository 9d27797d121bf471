/**
 * The second floor under mailcomply's rules: what every duty reads before it
 * can judge a file. A duty applies to a marketing mail (an opt-out, a named
 * sender, an ad label...), so before any rule can say anything, mailcomply
 * must know the file's campaign facts (its sidecar, its folders' defaults,
 * the settings) and, where nobody declared it, the mail's kind, which it
 * infers from the mail's visible text. This probe asks for exactly that,
 * through the same method the rules call (`sourceCode.getCampaign`), and
 * nothing else: no rule of mailcomply's runs beside it.
 *
 * The floor is the run with this probe alone: the languages' floor (no rule)
 * plus the campaign facts and the inferred kind.
 */
const PLUGIN_NAME = "mailcomply-bench";
const RULE_NAME = "read-campaign";
export const READING_RULE_ID = `${PLUGIN_NAME}/${RULE_NAME}`;

const readingPlugin = {
	meta: { name: PLUGIN_NAME },
	rules: {
		[RULE_NAME]: {
			// `schema: false`, as the CLI's zero config gives mailcomply's own rules: ESLint then loads no ajv for it.
			meta: { type: "problem", schema: false },
			create(context) {
				// Every mailcomply language's source code has it; a file of another language is not read.
				context.sourceCode.getCampaign?.(context.settings);
				return {};
			},
		},
	},
};

/** ESLint options that run the probe alone on top of the CLI's zero config (`options` from zeroConfigOptions). */
export function withReadingOnly(options) {
	return {
		...options,
		overrideConfig: [
			...options.overrideConfig,
			{ plugins: { [PLUGIN_NAME]: readingPlugin }, rules: { [READING_RULE_ID]: "error" } },
		],
		ruleFilter: ({ ruleId }) => ruleId === READING_RULE_ID,
	};
}
