import type { RuleDefinition } from "@eslint/core";
import requireLawfulBasis from "./require-lawful-basis.js";
import oneClickUnsubscribe from "./one-click-unsubscribe.js";
import bulkSenderHeaders from "./bulk-sender-headers.js";
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
import whatsappTemplate from "./whatsapp-template.js";
import smsSegments from "./sms-segments.js";
import smsOptInConfirmation from "./sms-opt-in-confirmation.js";

/**
 * Every mailcomply rule, by id: the id is the file name (rules/<id>.ts,
 * documented in rules/<id>.md; test/plugin/rule-registry.test.ts fails when a
 * rule file is missing here). Configs are derived from each rule's `meta`.
 */
const definitions = {
	"require-lawful-basis": requireLawfulBasis,
	"one-click-unsubscribe": oneClickUnsubscribe,
	"bulk-sender-headers": bulkSenderHeaders,
	"no-harvested-addresses": noHarvestedAddresses,
	"no-deceptive-subject": noDeceptiveSubject,
	"list-hygiene": listHygiene,
	"esp-merge-tags": espMergeTags,
	"form-data-minimization": formDataMinimization,
	"form-disclose-frequency": formDiscloseFrequency,
	"form-privacy-notice": formPrivacyNotice,
	"no-bundled-consent": noBundledConsent,
	"no-hidden-unsubscribe": noHiddenUnsubscribe,
	"no-personal-data-in-urls": noPersonalDataInUrls,
	"prefer-https": preferHttps,
	"require-https": requireHttps,
	"no-prechecked-consent": noPrecheckedConsent,
	"promo-conditions-link": promoConditionsLink,
	"require-ad-label": requireAdLabel,
	"require-company-number": requireCompanyNumber,
	"require-privacy-link": requirePrivacyLink,
	"require-unsubscribe": requireUnsubscribe,
	"sensitive-audience-consent": sensitiveAudienceConsent,
	"valid-campaign": validCampaign,
	"valid-template": validTemplate,
	"require-sender-identity": requireSenderIdentity,
	"require-sender-identity-transactional": requireSenderIdentityTransactional,
	"disclose-third-party": discloseThirdParty,
	"no-tracking-without-consent": noTrackingWithoutConsent,
	"unsubscribe-link-in-body": unsubscribeLinkInBody,
	"whatsapp-template": whatsappTemplate,
	"sms-segments": smsSegments,
	"sms-opt-in-confirmation": smsOptInConfirmation,
};

// Each rule is typed against its own language's source code and visitors; the plugin exposes
// them as ESLint's common rule type, which is wider in what `create` receives: one cast, here.
export const rules = definitions as Record<keyof typeof definitions, unknown> as Record<string, RuleDefinition>;
