import type { Campaign } from "./types.js";

/** Whether the opt-out, privacy and disclosure duties of marketing e-mail apply: a marketing mail sent by e-mail (not SMS or WhatsApp). */
export function isMarketingEmail(campaign: Pick<Campaign, "kind" | "channel">): boolean {
	return campaign.kind === "marketing" && campaign.channel === "email";
}
