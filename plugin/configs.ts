import type { RuleDefinition } from "@eslint/core";
import type { ESLint, Linter } from "eslint";
import { isFormRule, mailcomplyDocs, type Severity } from "../src/rule-docs.js";
import { PROFILE_IDS, profileRules, profileSettings, type ProfileId } from "../src/analyses/jurisdiction-profiles.js";
import {
	CAMPAIGN_FILES,
	HTML_TEMPLATE_FILES,
	MJML_FILES,
	SIGNUP_PAGE_FILES,
	SMS_FILES,
	TEXT_PART_FILES,
	WHATSAPP_FILES,
	EML_FILES,
} from "./files.js";

type RulesRecord = Record<string, Severity>;

/**
 * The recommended rules for one language, read from the rules' own `meta`
 * (`docs.recommended`, `docs.severity`, `languages`), so a rule's doc, its
 * metadata and the configs cannot disagree.
 */
export function recommendedRules(rules: Record<string, RuleDefinition>, language: string): RulesRecord {
	const selected: RulesRecord = {};
	for (const [id, rule] of Object.entries(rules)) {
		const docs = mailcomplyDocs(rule);
		if (!docs?.recommended) continue;
		if (!(rule.meta?.languages ?? []).includes(language)) continue;
		selected[`mailcomply/${id}`] = docs.severity ?? "error";
	}
	return selected;
}

export function buildConfigs(plugin: ESLint.Plugin & { rules: Record<string, RuleDefinition> }) {
	const plugins = { mailcomply: plugin };
	const mjml: Linter.Config = {
		name: "mailcomply/recommended/mjml",
		files: MJML_FILES,
		plugins,
		language: "mailcomply/mjml",
		rules: recommendedRules(plugin.rules, "mailcomply/mjml"),
	};
	/** HTML templates, without `files`: for `extends` under the user's own HTML globs. */
	const html: Linter.Config = {
		name: "mailcomply/html",
		plugins,
		language: "mailcomply/html",
		rules: recommendedRules(plugin.rules, "mailcomply/html"),
	};
	const htmlTemplates: Linter.Config = { ...html, name: "mailcomply/recommended/html", files: HTML_TEMPLATE_FILES };
	const campaign: Linter.Config = {
		name: "mailcomply/recommended/campaign",
		files: CAMPAIGN_FILES,
		plugins,
		language: "mailcomply/campaign",
		rules: recommendedRules(plugin.rules, "mailcomply/campaign"),
	};
	const sms: Linter.Config = {
		name: "mailcomply/recommended/sms",
		files: SMS_FILES,
		plugins,
		language: "mailcomply/sms",
		rules: recommendedRules(plugin.rules, "mailcomply/sms"),
	};
	const whatsapp: Linter.Config = {
		name: "mailcomply/recommended/whatsapp",
		files: WHATSAPP_FILES,
		plugins,
		language: "mailcomply/whatsapp",
		rules: recommendedRules(plugin.rules, "mailcomply/whatsapp"),
	};
	const textParts: Linter.Config = {
		name: "mailcomply/recommended/text",
		files: TEXT_PART_FILES,
		plugins,
		language: "mailcomply/text",
		rules: recommendedRules(plugin.rules, "mailcomply/text"),
	};
	const messages: Linter.Config = {
		name: "mailcomply/recommended/eml",
		files: EML_FILES,
		plugins,
		language: "mailcomply/eml",
		rules: recommendedRules(plugin.rules, "mailcomply/eml"),
	};
	/** Sign-up pages: the form rules only (the mail rules would skip them anyway). */
	const forms: Linter.Config = {
		name: "mailcomply/forms",
		files: SIGNUP_PAGE_FILES,
		plugins,
		language: "mailcomply/html",
		rules: Object.fromEntries(
			Object.entries(recommendedRules(plugin.rules, "mailcomply/html")).filter(([id]) =>
				isFormRule(plugin.rules[id.slice("mailcomply/".length)] ?? {}),
			),
		),
	};
	/**
	 * One config per jurisdiction profile (`configs.nl`, `configs.us`, …), with
	 * the same file assignment as `recommended`, plus the profile's audience
	 * as settings for every file. The audience is a campaign fact, not a rule
	 * option, so it reaches the files any other config opts in too:
	 * `[...configs.uk, { files: ["templates/**\/*.html"], extends: [configs.html] }]`
	 * checks those files for UK recipients, and the Dutch-only rules that
	 * `configs.html` turns on find no Dutch audience to apply to.
	 */
	const profile = (id: ProfileId): Linter.Config[] => [
		...(
			[
				["mjml", MJML_FILES],
				["html", HTML_TEMPLATE_FILES],
				["campaign", CAMPAIGN_FILES],
				["sms", SMS_FILES],
				["whatsapp", WHATSAPP_FILES],
				["text", TEXT_PART_FILES],
				["eml", EML_FILES],
			] as const
		).map(([language, files]) => ({
			name: `mailcomply/${id}/${language}`,
			files,
			plugins,
			language: `mailcomply/${language}`,
			rules: profileRules(plugin.rules, id, `mailcomply/${language}`) as Linter.RulesRecord,
		})),
		{ name: `mailcomply/${id}/audience`, settings: profileSettings(id) },
	];
	const profiles = Object.fromEntries(PROFILE_IDS.map((id) => [id, profile(id)])) as Record<ProfileId, Linter.Config[]>;
	return {
		recommended: [mjml, htmlTemplates, campaign, sms, whatsapp, textParts, messages],
		html: [html],
		forms: [forms],
		...profiles,
	};
}
