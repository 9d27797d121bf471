import type { RuleDefinition } from "@eslint/core";
import requireLawfulBasis from "./require-lawful-basis.js";
import oneClickUnsubscribe from "./one-click-unsubscribe.js";
import noHarvestedAddresses from "./no-harvested-addresses.js";
import noDeceptiveSubject from "./no-deceptive-subject.js";
import listHygiene from "./list-hygiene.js";
import espMergeTags from "./esp-merge-tags.js";
import formDataMinimization from "./form-data-minimization.js";
import formDiscloseFrequency from "./form-disclose-frequency.js";
import formPrivacyNotice from "./form-privacy-notice.js";
import noBundledConsent from "./no-bundled-consent.js";
import noHiddenUnsubscribe from "./no-hidden-unsubscribe.js";
import noPersonalDataInUrls from "./no-personal-data-in-urls.js";
import preferHttps from "./prefer-https.js";
import requireHttps from "./require-https.js";
import noPrecheckedConsent from "./no-prechecked-consent.js";
import promoConditionsLink from "./promo-conditions-link.js";
import requireAdLabel from "./require-ad-label.js";
import requireCompanyNumber from "./require-company-number.js";
import requirePrivacyLink from "./require-privacy-link.js";
import requireUnsubscribe from "./require-unsubscribe.js";
import sensitiveAudienceConsent from "./sensitive-audience-consent.js";
import validCampaign from "./valid-campaign.js";
import validTemplate from "./valid-template.js";
import requireSenderIdentity from "./require-sender-identity.js";
import requireSenderIdentityTransactional from "./require-sender-identity-transactional.js";
import discloseThirdParty from "./disclose-third-party.js";
import noTrackingWithoutConsent from "./no-tracking-without-consent.js";
import unsubscribeLinkInBody from "./unsubscribe-link-in-body.js";

/** Every mailcomply rule, by id. Configs are derived from each rule's `meta`. */
export const rules: Record<string, RuleDefinition> = {
	"require-lawful-basis": requireLawfulBasis as unknown as RuleDefinition,
	"one-click-unsubscribe": oneClickUnsubscribe as unknown as RuleDefinition,
	"no-harvested-addresses": noHarvestedAddresses as unknown as RuleDefinition,
	"no-deceptive-subject": noDeceptiveSubject as unknown as RuleDefinition,
	"list-hygiene": listHygiene as unknown as RuleDefinition,
	"esp-merge-tags": espMergeTags as unknown as RuleDefinition,
	"form-data-minimization": formDataMinimization as unknown as RuleDefinition,
	"form-disclose-frequency": formDiscloseFrequency as unknown as RuleDefinition,
	"form-privacy-notice": formPrivacyNotice as unknown as RuleDefinition,
	"no-bundled-consent": noBundledConsent as unknown as RuleDefinition,
	"no-hidden-unsubscribe": noHiddenUnsubscribe as unknown as RuleDefinition,
	"no-personal-data-in-urls": noPersonalDataInUrls as unknown as RuleDefinition,
	"prefer-https": preferHttps as unknown as RuleDefinition,
	"require-https": requireHttps as unknown as RuleDefinition,
	"no-prechecked-consent": noPrecheckedConsent as unknown as RuleDefinition,
	"promo-conditions-link": promoConditionsLink as unknown as RuleDefinition,
	"require-ad-label": requireAdLabel as unknown as RuleDefinition,
	"require-company-number": requireCompanyNumber as unknown as RuleDefinition,
	"require-privacy-link": requirePrivacyLink as unknown as RuleDefinition,
	"require-unsubscribe": requireUnsubscribe as unknown as RuleDefinition,
	"sensitive-audience-consent": sensitiveAudienceConsent as unknown as RuleDefinition,
	"valid-campaign": validCampaign as unknown as RuleDefinition,
	"valid-template": validTemplate as unknown as RuleDefinition,
	"require-sender-identity": requireSenderIdentity as unknown as RuleDefinition,
	"require-sender-identity-transactional": requireSenderIdentityTransactional as unknown as RuleDefinition,
	"disclose-third-party": discloseThirdParty as unknown as RuleDefinition,
	"no-tracking-without-consent": noTrackingWithoutConsent as unknown as RuleDefinition,
	"unsubscribe-link-in-body": unsubscribeLinkInBody as unknown as RuleDefinition,
};
