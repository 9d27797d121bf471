import type { RuleDefinition } from "@eslint/core";
import type { ESLint } from "eslint";
import { TemplateLanguage } from "../src/languages/template-language.js";
import { CampaignLanguage } from "../src/languages/campaign-language.js";
import { TextMessageLanguage } from "../src/languages/text-message-language.js";
import { EmlLanguage } from "../src/languages/eml-language.js";
import { packageInfo } from "../src/package-info.js";
import { rules as ruleDefinitions } from "../rules/index.js";
import { buildConfigs } from "./configs.js";
import { guardRule } from "./guard.js";
import { noteAssumptions } from "./assumption-notes.js";
import { alsoOnMessages } from "./message-rules.js";

/**
 * The rules as ESLint runs them: an exception in one becomes a finding, not
 * an aborted run, a finding that rests on an undeclared fact says so, and
 * the HTML template rules also check captured messages (`.eml`).
 */
const rules: Record<string, RuleDefinition> = Object.fromEntries(
	Object.entries(ruleDefinitions).map(([id, rule]) => [id, guardRule(noteAssumptions(alsoOnMessages(rule)))]),
);

const plugin = {
	meta: {
		name: packageInfo.name,
		version: packageInfo.version,
		namespace: "mailcomply",
	},
	languages: {
		mjml: new TemplateLanguage({ format: "mjml" }),
		html: new TemplateLanguage({ format: "html" }),
		campaign: new CampaignLanguage(),
		sms: new TextMessageLanguage({ channel: "sms" }),
		whatsapp: new TextMessageLanguage({ channel: "whatsapp" }),
		text: new TextMessageLanguage({ channel: "email" }),
		eml: new EmlLanguage(),
	},
	rules,
	configs: {} as ReturnType<typeof buildConfigs>,
} satisfies ESLint.Plugin & { rules: Record<string, RuleDefinition> };

// The configs refer back to the plugin object itself, as ESLint's own language plugins do.
Object.assign(
	plugin.configs,
	buildConfigs(plugin as unknown as ESLint.Plugin & { rules: Record<string, RuleDefinition> }),
);

export default plugin;
export { rules };
export type { TemplateRuleDefinition, CampaignRuleDefinition } from "../src/types.js";
export type * from "../src/ast/types.js";
export type * from "../src/text-message/ast.js";
export type { Campaign } from "../src/campaign/types.js";
