import type { Campaign } from "./types.js";

/** The two sets of duties a message carries: a marketing message's, or a transactional one's. */
export type DutyKind = "marketing" | "transactional";

/**
 * Which duties a campaign's `kind` brings. An opt-in confirmation confirms
 * a sign-up and does not promote, so it carries a transactional message's
 * duties (its own, US SMS programmes' disclosures, are `sms-opt-in-confirmation`'s).
 */
export function dutyKind(kind: Campaign["kind"]): DutyKind {
	return kind === "marketing" ? "marketing" : "transactional";
}
