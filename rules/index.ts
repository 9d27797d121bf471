import type { RuleDefinition } from "@eslint/core";
import requireUnsubscribe from "./require-unsubscribe.js";
import validCampaign from "./valid-campaign.js";
import validTemplate from "./valid-template.js";

/** Every mailcomply rule, by id. Configs are derived from each rule's `meta`. */
export const rules: Record<string, RuleDefinition> = {
	"require-unsubscribe": requireUnsubscribe as unknown as RuleDefinition,
	"valid-campaign": validCampaign as unknown as RuleDefinition,
	"valid-template": validTemplate as unknown as RuleDefinition,
};
