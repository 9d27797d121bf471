import type { MergeTagNode } from "../ast/types.js";
import type { Esp } from "../campaign/types.js";
import { ESP_CATALOGUE } from "../lexicons/esp-merge-tags/catalogue.js";
import { isGenericUnsubscribeVariable } from "../lexicons/esp-merge-tags/generic-variables.js";
import { classifyMergeTag, equivalentTags } from "../lexicons/esp-merge-tags/matcher.js";

/**
 * Whether a merge tag is an opt-out: any ESP's unsubscribe or preference
 * centre tag, or a template variable whose name says unsubscribe. The ESP
 * named in the sidecar does not matter here; a tag of the wrong ESP is
 * `esp-merge-tags`'s finding, so one problem gets one report.
 */
export function isUnsubscribeTag(tag: Pick<MergeTagNode, "syntax" | "expression">): boolean {
	return (
		classifyMergeTag(tag).some((match) => match.role === "unsubscribe" || match.role === "preferences") ||
		isGenericUnsubscribeVariable(tag)
	);
}

/** How to write the opt-out for the campaign's ESP, for messages: `href="*|UNSUB|*" for Mailchimp`. */
export function unsubscribeTagHint(esp: Esp | undefined): string | undefined {
	if (!esp || esp === "other") return undefined;
	const [tag] = equivalentTags(esp, "unsubscribe");
	if (!tag) return undefined;
	return `href="${tag}" for ${ESP_CATALOGUE[esp].name}`;
}
