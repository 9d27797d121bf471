import type { DocumentNode, ElementNode } from "../src/ast/types.js";
import { isMarketingEmail } from "../src/campaign/marketing-email.js";
import type { Campaign } from "../src/campaign/types.js";
import type { TemplateRuleDefinition } from "../src/types.js";
import { ruleDocsUrl } from "../src/rule-docs.js";
import { findPageRoot } from "../src/analyses/document.js";
import {
	campaignCountries,
	countriesOptionSchema,
	jurisdictionsOf,
	type Jurisdiction,
} from "../src/analyses/jurisdiction.js";
import { shortenText } from "../src/analyses/text.js";
import { isSignupPage } from "../src/analyses/signup-form.js";
import { getOpenTracking, type TrackingImage } from "../src/analyses/tracking-pixels.js";
import type { CitationId } from "../src/legal/citations.js";
import { citeBriefly } from "../src/legal/cite.js";

type MessageIds = "pixel" | "identifyingImage" | "tag" | "espTracking";
type Options = [{ countries?: string[] }];

/**
 * An open pixel makes the recipient's mail client send a request, with the
 * device's IP address and client details, that tells the sender who opened
 * the mail and when: "gaining access to information stored in the terminal
 * equipment" in the sense of ePrivacy Directive art. 5(3), as the EDPB reads
 * it (Guidelines 2/2023). Consent to the newsletter is not consent to that.
 */
const rule: TemplateRuleDefinition<{ RuleOptions: Options; MessageIds: MessageIds }> = {
	meta: {
		type: "problem",
		docs: {
			description:
				"Disallow open-tracking pixels in marketing e-mail to EU/EEA and UK recipients unless consent to tracking is recorded",
			url: ruleDocsUrl("no-tracking-without-consent"),
			fix: "Remove open tracking, count opens in aggregate, or record tracking consent.",
			citations: ["eprivacy-5-3", "tw-11-7a", "tdddg-25", "lil-82", "pecr-6", "edpb-2-2023", "cnil-pixels-2026"],
			recommended: true,
			assumes: ["kind", "countries"],
			jurisdictions: ["eu", "uk"],
		},
		messages: {
			pixel:
				"This open-tracking pixel ({{evidence}}) needs consent to tracking ({{law}}): remove it{{aggregate}}, or get that consent and set `consent.tracking: true`.",
			identifyingImage:
				"This image tracks opens ({{evidence}}), which needs consent to tracking ({{law}}): drop the identifier, or get that consent and set `consent.tracking: true`.",
			tag: "{{tag}} adds your ESP's open-tracking pixel, which needs consent to tracking ({{law}}): remove it, or get that consent and set `consent.tracking: true`.",
			espTracking:
				"`espTracking: {{espTracking}}` tracks who opens, which needs consent to tracking ({{law}}): use `aggregate`, `clicks` or `none`, or get that consent and set `consent.tracking: true`.",
		},
		schema: [
			{
				type: "object",
				properties: { countries: countriesOptionSchema },
				additionalProperties: false,
			},
		],
		defaultOptions: [{}],
		languages: ["mailcomply/mjml", "mailcomply/html"],
	},
	create(context) {
		const sourceCode = context.sourceCode;
		const [{ countries }] = context.options;
		return {
			"Document:exit"(document: DocumentNode) {
				const { campaign, inferredKind } = sourceCode.getCampaign(context.settings);
				// Transactional mail: the CNIL exempts tracking strictly needed for a service the recipient asked for; the purpose is not in the template.
				if (!isMarketingEmail(campaign) || campaign.consent?.tracking === true) return;
				// Nor is it reported on a mail that is marketing only by default (no `kind`, nothing promotional in it): the exemptions turn on what the mail is for.
				if (inferredKind && inferredKind.evidence === undefined) return;
				const recipients = campaignCountries(campaign, countries);
				const regimes = jurisdictionsOf(recipients);
				if (!regimes.has("eu") && !regimes.has("uk")) return;
				if (isSignupPage(context.sourceCode)) return;
				const law = lawOf(recipients, regimes);
				const aggregate = campaign.espTracking === "aggregate";
				for (const found of getOpenTracking(sourceCode)) {
					if (found.kind === "tag") {
						if (!aggregate) context.report({ loc: found.tag.loc, messageId: "tag", data: { tag: found.tag.raw, law } });
						continue;
					}
					const evidence = evidenceOf(found, aggregate);
					if (evidence === undefined) continue;
					context.report({
						loc: found.element.startTag.loc,
						// A visible image that identifies the recipient is content that tracks, not a pixel: say so.
						messageId: found.invisible || found.tracker || found.trackingVariable ? "pixel" : "identifyingImage",
						data: { evidence, law, aggregate: found.recipientId ? " or its recipient id" : "" },
					});
				}
				reportEspTracking(campaign, document, law);
			},
		};

		function reportEspTracking(campaign: Campaign, document: DocumentNode, law: string) {
			if (campaign.espTracking !== "opens" && campaign.espTracking !== "opens-and-clicks") return;
			// A partial is checked where it is assembled into a mail.
			const page = findPageRoot(context.sourceCode);
			if (!page) return;
			context.report({
				loc: page.type === "Element" ? (page as ElementNode).startTag.loc : page.loc,
				messageId: "espTracking",
				data: { espTracking: campaign.espTracking, law },
			});
		}
	},
};

/**
 * Why an image is a tracking pixel, or undefined when it is not one that
 * this rule reports: an image that identifies the recipient, or that an
 * open-tracking endpoint serves, always is (whatever its size: ESPs do not
 * always size their pixel); an image whose whole URL is a tracking variable
 * is when it is tiny or hidden. Without a recipient identifier, the ESP's
 * own endpoint is fine when the campaign counts opens in aggregate only.
 */
function evidenceOf(image: TrackingImage, aggregate: boolean): string | undefined {
	if (!image.recipientId && !image.tracker && !image.invisible) return undefined;
	if (!image.recipientId && aggregate && !image.tracker?.thirdParty) return undefined;
	const parts: string[] = [];
	if (image.invisible) parts.push(image.invisible);
	if (image.recipientId) parts.push(`recipient id ${shortenText(image.recipientId, 40)}`);
	if (image.tracker) parts.push(`from ${serviceOf(image.tracker)}`);
	if (image.trackingVariable) parts.push(`URL ${shortenText(image.trackingVariable, 40)}`);
	return parts.join(", ");
}

/** Who learns of the open: the service, and whether it is a third party (which matters to the recipient). */
function serviceOf(tracker: NonNullable<TrackingImage["tracker"]>): string {
	if (tracker.service === "an open-tracking endpoint") return `an open-tracking endpoint on ${tracker.domain}`;
	return tracker.thirdParty ? `${tracker.service}, a third party` : tracker.service;
}

/** Art. 5(3) and its transpositions, the Directive first. */
const DEVICE_ACCESS_LAW: readonly CitationId[] = ["eprivacy-5-3", "tw-11-7a", "tdddg-25", "lil-82", "pecr-6"];

/** The short citation of the law of the recipients' regimes (the rule doc lists them all). */
function lawOf(recipients: readonly string[], regimes: ReadonlySet<Jurisdiction>): string {
	const countries = new Set(recipients.map((country) => country.toUpperCase()));
	// The catalogue lets French sources follow any EU regime; the French statute is cited for French recipients only.
	return citeBriefly(
		DEVICE_ACCESS_LAW.filter((id) => id !== "lil-82" || countries.has("FR")),
		regimes,
	);
}

export default rule;
