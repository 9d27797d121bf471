/**
 * The citation catalogue: every legal source (and inbox-provider or protocol
 * requirement) a mailcomply rule relies on, each once. Rule `meta.docs.citations`
 * names entries by id; messages take their short citations from here
 * (src/legal/cite.ts), and each rule doc's "Legal sources" list is generated
 * from it (`npm run docs`), so a message, a doc and a jurisdiction profile
 * cannot disagree about what a provision is called or where it is.
 *
 * `verification` is honest about what was read, and when:
 * - `primary`: the wording was read in the primary text or an official copy of it;
 * - `secondary`: the wording was seen only quoted in a secondary source (named),
 *   because the primary text could not be read where this was written;
 * - `unverified`: neither; the entry rests on general knowledge of the law and says why.
 * A rule that reports as `error` should rest on `primary` or `secondary` entries.
 */
import type { Jurisdiction } from "../analyses/jurisdiction.js";

/** Where a source applies: a legal regime, or `any` for protocol standards and inbox-provider rules. */
export type SourceScope = Jurisdiction | "fr" | "any";

export type SourceKind = "statute" | "regulation" | "case-law" | "standard" | "provider-requirement" | "guidance";

export type Verification =
	| { status: "primary"; on: string; read: string }
	| { status: "secondary"; on: string; read: string; note?: string }
	| { status: "unverified"; reason: string };

export interface LegalSource {
	/** The law, case or document, as a reader would name it. */
	law: string;
	/** Article, section, paragraph; empty for a whole document. */
	provision: string;
	/** The short citation that messages and docs print. */
	cite: string;
	scope: SourceScope;
	kind: SourceKind;
	/** The primary text (official publication or consolidated version). */
	url: string;
	/** What it requires, in one sentence, for the docs. */
	says: string;
	verification: Verification;
}

const CHECKED = "2026-12-02";

/** The wording was not readable here; general reasons, one definition each. */
const NOT_READ_EURLEX =
	"EUR-Lex could not be read from the development machine; the article is cited from its well-known consolidated text";
const NOT_READ_WETTEN = "wetten.overheid.nl could not be read from the development machine";
const NOT_READ_LEGISLATION_UK = "legislation.gov.uk could not be read from the development machine";
const NOT_READ_JUSTICE_CA = "laws-lois.justice.gc.ca could not be read from the development machine";
const NOT_READ_GESETZE = "gesetze-im-internet.de could not be read from the development machine";

const GDPR_URL = "https://eur-lex.europa.eu/eli/reg/2016/679/oj";
const EPRIVACY_URL = "https://eur-lex.europa.eu/eli/dir/2002/58/oj";
const ECOMMERCE_URL = "https://eur-lex.europa.eu/eli/dir/2000/31/oj";
const UK_GDPR_URL = "https://www.legislation.gov.uk/eur/2016/679/contents";
const PECR_URL = "https://www.legislation.gov.uk/uksi/2003/2426/contents";
const TW_URL = "https://wetten.overheid.nl/jci1.3:c:BWBR0009950&hoofdstuk=11&artikel=11.7";
const HRW_URL = "https://wetten.overheid.nl/jci1.3:c:BWBR0021777&artikel=27";
/** What was read of 15 U.S.C. 7704(a)(5), for the three entries that rest on it. */
const CAN_SPAM_A_5_READ: Verification = {
	status: "secondary",
	on: CHECKED,
	read: '7704(a)(5)(A)(i)-(iii) and (B) quoted verbatim at https://www.optizmo.com/blog/can-spam-compliance-deep-dive-series-identification-as-an-ad-and-a-physical-location/: "(i) clear and conspicuous identification that the message is an advertisement or solicitation; (ii) clear and conspicuous notice of the opportunity under paragraph (3) to decline to receive further commercial electronic mail messages from the sender; and (iii) a valid physical postal address of the sender. (B) Subparagraph (A)(i) does not apply ... if the recipient has given prior affirmative consent"',
	note: "law.cornell.edu's 7704 page was not among the pages found here; 16 CFR 316.2(p) (a registered P.O. box or private mailbox is a valid physical postal address) is quoted at https://cliclaw.com/faq/what-valid-postal-address-can-spam-act",
};
const CASL_URL = "https://laws-lois.justice.gc.ca/eng/acts/E-1.6/";
const CRTC_REGS_URL = "https://laws-lois.justice.gc.ca/eng/regulations/SOR-2012-36/";
const USC_7704_URL = "https://www.law.cornell.edu/uscode/text/15/7704";

function gdpr(
	provision: string,
	says: string,
	verification: Verification = { status: "unverified", reason: NOT_READ_EURLEX },
): LegalSource {
	return {
		law: "GDPR (Regulation (EU) 2016/679)",
		provision,
		cite: `GDPR ${provision}`,
		scope: "eu",
		kind: "regulation",
		url: GDPR_URL,
		says,
		verification,
	};
}

function canSpam(provision: string, says: string, verification: Verification): LegalSource {
	return {
		law: "CAN-SPAM Act, 15 U.S.C. 7704",
		provision,
		cite: `CAN-SPAM 15 U.S.C. 7704${provision}`,
		scope: "us",
		kind: "statute",
		url: USC_7704_URL,
		says,
		verification,
	};
}

/** The CAN-SPAM wording read: a verbatim copy of the U.S. Code (law.cornell.edu itself was not reachable here). */
const CAN_SPAM_READ: Verification = {
	status: "secondary",
	on: CHECKED,
	read: "http://codes.lp.findlaw.com/uscode/15/103/7704 (a copy of the U.S. Code text) and Pub. L. 108-187, 117 Stat. 2709 (http://en.wikisource.org/wiki/Page:United_States_Statutes_at_Large_Volume_117.djvu/2728)",
};

export const CITATIONS = {
	// ——— European Union ———
	"gdpr-4-11": gdpr(
		"art. 4(11)",
		"Consent is a freely given, specific, informed and unambiguous indication of wishes by a clear affirmative action.",
	),
	"gdpr-5-1-c": gdpr(
		"art. 5(1)(c)",
		"Personal data must be adequate, relevant and limited to what is necessary (data minimisation).",
	),
	"gdpr-5-1-d-e": gdpr("art. 5(1)(d)–(e)", "Personal data must be accurate and kept no longer than necessary."),
	"gdpr-5-1-f": gdpr(
		"art. 5(1)(f)",
		"Personal data must be processed with appropriate security (integrity and confidentiality).",
	),
	"gdpr-6-1-b": gdpr("art. 6(1)(b)", "Processing necessary for the performance of a contract is lawful."),
	"gdpr-7-1": gdpr("art. 7(1)", "Where processing rests on consent, the controller must be able to demonstrate it."),
	"gdpr-7-2-4": gdpr(
		"art. 7(2), 7(4)",
		"A request for consent must be distinguishable from other matters, and consent must not be a condition of a service it is not needed for.",
	),
	"gdpr-7-3": gdpr(
		"art. 7(3)",
		"Consent can be withdrawn at any time, as easily as it was given, and the data subject is told so before giving it.",
	),
	"gdpr-9-1": gdpr(
		"art. 9(1)",
		"Processing special categories of personal data (health, religion, sexual orientation, ethnic origin, …) is prohibited unless art. 9(2) applies.",
	),
	"gdpr-9-2-a": gdpr(
		"art. 9(2)(a)",
		"The art. 9(1) prohibition does not apply with the data subject's explicit consent.",
	),
	"gdpr-9-2-d": gdpr(
		"art. 9(2)(d)",
		"A foundation, association or other not-for-profit body may process the data of its own members, not disclosed outside it without consent.",
	),
	"gdpr-10": gdpr(
		"art. 10",
		"Criminal-offence data may only be processed under official authority or where Union or Member State law authorises it.",
	),
	"gdpr-12-1": gdpr(
		"art. 12(1)",
		"The art. 13/14 information is given in a concise, transparent, intelligible and easily accessible form.",
	),
	"gdpr-13": gdpr(
		"art. 13(1)–(2)",
		"Where data are collected from the data subject, the controller informs them at the time of collection (identity, purposes, basis, recipients, retention, rights).",
	),
	"gdpr-13-1-e": gdpr(
		"art. 13(1)(e)",
		"The information includes the recipients or categories of recipients (processors such as an ESP or agency among them).",
	),
	"gdpr-14-2-f": gdpr(
		"art. 14(2)(f)",
		"Where data were not obtained from the data subject, the information includes from which source they originate.",
	),
	"gdpr-14-3-b": gdpr(
		"art. 14(3)(b)",
		"If the data are used to communicate with the data subject, the art. 14 information is due at the latest at the time of the first communication.",
	),
	"gdpr-21-2-3": gdpr(
		"art. 21(2)–(3)",
		"The data subject may object at any time to direct marketing, after which the data may no longer be used for it.",
	),
	"gdpr-21-4": gdpr(
		"art. 21(4)",
		"The right to object is explicitly brought to the data subject's attention at the latest at the first communication, clearly and separately.",
	),
	"gdpr-25-2": gdpr("art. 25(2)", "By default only the personal data necessary for each purpose are processed."),
	"gdpr-32-1": gdpr(
		"art. 32(1)",
		"Controller and processor implement security appropriate to the risk, such as encryption (risk-based).",
	),
	"eprivacy-13-1": {
		law: "ePrivacy Directive 2002/58/EC",
		provision: "art. 13(1)",
		cite: "ePrivacy Directive art. 13(1)",
		scope: "eu",
		kind: "statute",
		url: EPRIVACY_URL,
		says: "Electronic mail for direct marketing may only be sent to subscribers who have given their prior consent.",
		verification: { status: "unverified", reason: NOT_READ_EURLEX },
	},
	"eprivacy-13-2": {
		law: "ePrivacy Directive 2002/58/EC",
		provision: "art. 13(2)",
		cite: "ePrivacy Directive art. 13(2)",
		scope: "eu",
		kind: "statute",
		url: EPRIVACY_URL,
		says: "Soft opt-in: contact details obtained from customers in the context of a sale may be used for the seller's own similar products, if the customer can object free of charge and easily at collection and on each message.",
		verification: { status: "unverified", reason: NOT_READ_EURLEX },
	},
	"eprivacy-13-4": {
		law: "ePrivacy Directive 2002/58/EC",
		provision: "art. 13(4)",
		cite: "ePrivacy Directive art. 13(4)",
		scope: "eu",
		kind: "statute",
		url: EPRIVACY_URL,
		says: "Direct-marketing e-mail that disguises or conceals the identity of the sender on whose behalf it is made, contravenes art. 6 of Directive 2000/31/EC, or has no valid address to which the recipient may send a request that it cease, is prohibited.",
		verification: {
			status: "secondary",
			on: CHECKED,
			read: "the English and Dutch wording of art. 13(4) as quoted at http://wordscope.be/engels/nederlands/Direct+mail+marketing.html",
		},
	},
	"ecommerce-6-a": {
		law: "e-Commerce Directive 2000/31/EC",
		provision: "art. 6(a)",
		cite: "e-Commerce Directive art. 6(a)",
		scope: "eu",
		kind: "statute",
		url: ECOMMERCE_URL,
		says: "A commercial communication shall be clearly identifiable as such.",
		verification: { status: "unverified", reason: NOT_READ_EURLEX },
	},
	"ecommerce-6-b": {
		law: "e-Commerce Directive 2000/31/EC",
		provision: "art. 6(b)",
		cite: "e-Commerce Directive art. 6(b)",
		scope: "eu",
		kind: "statute",
		url: ECOMMERCE_URL,
		says: "The person on whose behalf a commercial communication is made shall be clearly identifiable.",
		verification: { status: "unverified", reason: NOT_READ_EURLEX },
	},
	"ecommerce-6-c-d": {
		law: "e-Commerce Directive 2000/31/EC",
		provision: "art. 6(c)–(d)",
		cite: "e-Commerce Directive art. 6(c)–(d)",
		scope: "eu",
		kind: "statute",
		url: ECOMMERCE_URL,
		says: "Promotional offers, competitions and games shall be clearly identifiable, and their conditions easily accessible and presented clearly and unambiguously.",
		verification: { status: "unverified", reason: NOT_READ_EURLEX },
	},
	"cjeu-planet49": {
		law: "CJEU, Planet49, C-673/17 (1 October 2019)",
		provision: "",
		cite: "CJEU Planet49, C-673/17",
		scope: "eu",
		kind: "case-law",
		url: "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:62017CJ0673",
		says: "A pre-ticked checkbox which the user must deselect does not constitute valid consent.",
		verification: { status: "unverified", reason: NOT_READ_EURLEX },
	},
	"cjeu-inteligo": {
		law: "CJEU, Inteligo Media, C-654/23 (13 November 2025)",
		provision: "",
		cite: "CJEU C-654/23 Inteligo Media",
		scope: "eu",
		kind: "case-law",
		url: "https://curia.europa.eu/juris/liste.jsf?num=C-654/23",
		says: "Where the soft opt-in of ePrivacy art. 13(2) applies, it is the basis for the mail; GDPR art. 6 balancing does not apply on top.",
		verification: {
			status: "unverified",
			reason: "the judgment could not be read from the development machine; cited from secondary reports",
		},
	},

	// ——— Netherlands ———
	"tw-11-7-1": {
		law: "Telecommunicatiewet",
		provision: "art. 11.7 lid 1",
		cite: "Telecommunicatiewet art. 11.7(1)",
		scope: "nl",
		kind: "statute",
		url: TW_URL,
		says: "Since 1 July 2021 (Stb. 2021, 103): unsolicited electronic messages for commercial, ideal or charitable purposes are prohibited unless the sender can prove the end user's prior consent; it protects business and consumer addresses alike.",
		verification: {
			status: "secondary",
			on: CHECKED,
			read: "lid 1 as in force from 1 July 2021, quoted at https://dmcc.nl/nieuws/update-dmcc-legt-uit-wetswijziging-opt-in-telemarketing/",
			note: `${NOT_READ_WETTEN}; the numbering of the later leden (soft opt-in, identity and opt-out address, business addresses) is not verified`,
		},
	},
	"tw-11-7-soft-opt-in": {
		law: "Telecommunicatiewet",
		provision: "art. 11.7 (own-customer exception)",
		cite: "Telecommunicatiewet art. 11.7 (own customers)",
		scope: "nl",
		kind: "statute",
		url: TW_URL,
		says: "Electronic contact details obtained in the context of a sale may be used for the sender's own similar products if the customer could object at collection and can object with every message.",
		verification: {
			status: "unverified",
			reason: `${NOT_READ_WETTEN}; the lid number after the 2021 rewrite is not verified, so none is cited`,
		},
	},
	"tw-11-7-identity": {
		law: "Telecommunicatiewet",
		provision: "art. 11.7 (identity and opt-out address)",
		cite: "Telecommunicatiewet art. 11.7 (identity, opt-out address)",
		scope: "nl",
		kind: "statute",
		url: TW_URL,
		says: "Each message states the real identity of the party on whose behalf it is sent and a valid address to which the recipient can send a request to stop.",
		verification: {
			status: "unverified",
			reason: `${NOT_READ_WETTEN}; the lid number after the 2021 rewrite is not verified, so none is cited`,
		},
	},
	"bw-3-15e-1-b": {
		law: "Burgerlijk Wetboek Boek 3",
		provision: "art. 15e lid 1(b)",
		cite: "BW 3:15e(1)(b)",
		scope: "nl",
		kind: "statute",
		url: "https://wetten.overheid.nl/jci1.3:c:BWBR0005291&boek=3&titeldeel=1&afdeling=2A&artikel=15e",
		says: "A commercial communication clearly identifies the person on whose behalf it is made (implements e-Commerce Directive art. 6(b)).",
		verification: { status: "unverified", reason: NOT_READ_WETTEN },
	},
	"bw-3-15e-1-c": {
		law: "Burgerlijk Wetboek Boek 3",
		provision: "art. 15e lid 1(c)",
		cite: "BW 3:15e(1)(c)",
		scope: "nl",
		kind: "statute",
		url: "https://wetten.overheid.nl/jci1.3:c:BWBR0005291&boek=3&titeldeel=1&afdeling=2A&artikel=15e",
		says: "Promotional offers and competitions are recognisable as such and their conditions easily accessible (implements e-Commerce Directive art. 6(c)–(d)).",
		verification: { status: "unverified", reason: NOT_READ_WETTEN },
	},
	"hrw-27": {
		law: "Handelsregisterwet 2007",
		provision: "art. 27 lid 1",
		cite: "Handelsregisterwet 2007 art. 27(1)",
		scope: "nl",
		kind: "statute",
		url: HRW_URL,
		says: "Registered enterprises and legal persons state their trade-register number on all outgoing letters, orders, invoices, offers and other announcements, except advertisements; a legal person that runs no enterprise is among those the article leaves out.",
		verification: {
			status: "secondary",
			on: CHECKED,
			read: "art. 27 lid 1 as quoted at https://www.inhuisstijl.nl/2015/09/16/kvk-nr-vermelding-verplicht/",
			note: `${NOT_READ_WETTEN}; the list of exempt persons in the later leden is not verified`,
		},
	},
	"bw-2-186": {
		law: "Burgerlijk Wetboek Boek 2",
		provision: "art. 186 (B.V.); art. 75 (N.V.)",
		cite: "BW 2:186 / 2:75",
		scope: "nl",
		kind: "statute",
		url: "https://wetten.overheid.nl/jci1.3:c:BWBR0003045&boek=2&titeldeel=5&afdeling=1&artikel=186",
		says: "A B.V. (2:186) or N.V. (2:75) states its full statutory name and seat on its letters and other documents.",
		verification: { status: "unverified", reason: NOT_READ_WETTEN },
	},
	"uavg-46": {
		law: "Uitvoeringswet AVG",
		provision: "art. 46",
		cite: "UAVG art. 46",
		scope: "nl",
		kind: "statute",
		url: "https://wetten.overheid.nl/jci1.3:c:BWBR0040940&artikel=46",
		says: "A national identification number (BSN) may only be processed to carry out the law that provides for it.",
		verification: { status: "unverified", reason: NOT_READ_WETTEN },
	},
	"uavg-32": {
		law: "Uitvoeringswet AVG",
		provision: "art. 32(a)",
		cite: "UAVG art. 32(a)",
		scope: "nl",
		kind: "statute",
		url: "https://wetten.overheid.nl/jci1.3:c:BWBR0040940&artikel=32",
		says: "Criminal-offence data may be processed with the data subject's explicit consent.",
		verification: { status: "unverified", reason: NOT_READ_WETTEN },
	},

	// ——— Germany ———
	"uwg-7-2-2": {
		law: "Gesetz gegen den unlauteren Wettbewerb (UWG)",
		provision: "§ 7(2) Nr. 2",
		cite: "UWG § 7(2) Nr. 2",
		scope: "de",
		kind: "statute",
		url: "https://www.gesetze-im-internet.de/uwg_2004/__7.html",
		says: "Advertising by electronic mail without the addressee's prior express consent is always an unreasonable nuisance.",
		verification: { status: "unverified", reason: `${NOT_READ_GESETZE}; numbering as in force since 28 May 2022` },
	},
	"uwg-7-2-3": {
		law: "Gesetz gegen den unlauteren Wettbewerb (UWG)",
		provision: "§ 7(2) Nr. 3",
		cite: "UWG § 7(2) Nr. 3",
		scope: "de",
		kind: "statute",
		url: "https://www.gesetze-im-internet.de/uwg_2004/__7.html",
		says: "Advertising by message that conceals the sender's identity, or gives no valid address to which the recipient can send a request to stop, is an unreasonable nuisance.",
		verification: {
			status: "secondary",
			on: CHECKED,
			read: 'the current wording as quoted at https://ipwiki.de/_export/xhtml/wettbewerbsrecht:unerwuenschte_werbung_mit_verschleierter_identitaet: "Eine unzumutbare Belästigung ist stets anzunehmen bei Werbung mit einer Nachricht, a) bei der die Identität des Absenders, in dessen Auftrag die Nachricht übermittelt wird, verschleiert oder verheimlicht wird oder ... c) bei der keine gültige Adresse vorhanden ist, an die der Empfänger eine Aufforderung zur Einstellung solcher Nachrichten richten kann" (b) names § 6 Abs. 1 DDG, so the quote is of the text after 14 May 2024); the same page files it as § 7 (2) Nr. 3',
			note: `${NOT_READ_GESETZE}; a commentary (omsels.info) still prints the older numbering (Nr. 4), so the number rests on the secondary source`,
		},
	},
	"uwg-7-3": {
		law: "Gesetz gegen den unlauteren Wettbewerb (UWG)",
		provision: "§ 7(3)",
		cite: "UWG § 7(3)",
		scope: "de",
		kind: "statute",
		url: "https://www.gesetze-im-internet.de/uwg_2004/__7.html",
		says: "Soft opt-in for own customers' e-mail addresses, if (no. 4) the customer is told clearly at collection and with every use that they can object at any time.",
		verification: { status: "unverified", reason: NOT_READ_GESETZE },
	},
	"bgh-i-zr-164-09": {
		law: "BGH, judgment of 10 February 2011, I ZR 164/09 (Double-opt-in-Verfahren)",
		provision: "",
		cite: "BGH I ZR 164/09",
		scope: "de",
		kind: "case-law",
		url: "https://juris.bundesgerichtshof.de/cgi-bin/rechtsprechung/document.py?Gericht=bgh&Art=en&nr=56553",
		says: "The advertiser must prove consent to e-mail advertising; a confirmation step (double opt-in) is the accepted way to document it.",
		verification: { status: "unverified", reason: "the judgment could not be read from the development machine" },
	},
	"ddg-5": {
		law: "Digitale-Dienste-Gesetz (DDG)",
		provision: "§ 5",
		cite: "DDG § 5",
		scope: "de",
		kind: "statute",
		url: "https://www.gesetze-im-internet.de/ddg/__5.html",
		says: "Providers of digital services keep an imprint (Impressum) easily recognisable and available: name, address for service, contact details, register number.",
		verification: { status: "unverified", reason: NOT_READ_GESETZE },
	},
	"hgb-37a": {
		law: "Handelsgesetzbuch (HGB) / GmbH-Gesetz",
		provision: "§ 37a HGB, § 35a GmbHG",
		cite: "§ 37a HGB, § 35a GmbHG",
		scope: "de",
		kind: "statute",
		url: "https://www.gesetze-im-internet.de/hgb/__37a.html",
		says: "Business letters of a merchant or GmbH, in whatever form, state the company name, legal form, seat and register details.",
		verification: { status: "unverified", reason: NOT_READ_GESETZE },
	},

	// ——— United Kingdom ———
	"pecr-22": {
		law: "Privacy and Electronic Communications (EC Directive) Regulations 2003",
		provision: "reg. 22(2)",
		cite: "PECR reg. 22(2)",
		scope: "uk",
		kind: "regulation",
		url: PECR_URL,
		says: "Unsolicited direct-marketing e-mail to individual subscribers needs their prior consent.",
		verification: { status: "unverified", reason: NOT_READ_LEGISLATION_UK },
	},
	"pecr-22-3": {
		law: "Privacy and Electronic Communications (EC Directive) Regulations 2003",
		provision: "reg. 22(3)",
		cite: "PECR reg. 22(3)",
		scope: "uk",
		kind: "regulation",
		url: PECR_URL,
		says: "Soft opt-in: details obtained in the course of a sale or negotiations for a sale, for similar products, with an opt-out at collection and in every message; reg. 22(3A), inserted by the Data (Use and Access) Act 2025 s. 114, adds a charitable-purpose soft opt-in.",
		verification: {
			status: "secondary",
			on: CHECKED,
			read: "reg. 22(3A) and its conditions as summarised at https://www.mondaq.com/uk/social-media/1755702/soft-opt-in-now-in-force-for-uk-charities and https://www.charitycomms.org.uk/what-charities-need-to-know-about-the-data-use-and-access-act-2025",
			note: NOT_READ_LEGISLATION_UK,
		},
	},
	"pecr-23": {
		law: "Privacy and Electronic Communications (EC Directive) Regulations 2003",
		provision: "reg. 23",
		cite: "PECR reg. 23",
		scope: "uk",
		kind: "regulation",
		url: PECR_URL,
		says: "Direct-marketing e-mail may not disguise or conceal the sender's identity (a) and must give a valid address to which the recipient can send a request to stop (b).",
		verification: { status: "unverified", reason: NOT_READ_LEGISLATION_UK },
	},
	"uk-gdpr": {
		law: "UK GDPR",
		provision: "art. 7(1), 12–14, 21(4)",
		cite: "UK GDPR",
		scope: "uk",
		kind: "regulation",
		url: UK_GDPR_URL,
		says: "The GDPR as retained in UK law: the same information, consent and objection duties.",
		verification: { status: "unverified", reason: NOT_READ_LEGISLATION_UK },
	},
	"uk-ecommerce-regs-7": {
		law: "Electronic Commerce (EC Directive) Regulations 2002",
		provision: "reg. 7",
		cite: "Electronic Commerce Regulations 2002 reg. 7",
		scope: "uk",
		kind: "regulation",
		url: "https://www.legislation.gov.uk/uksi/2002/2013/regulation/7",
		says: "A commercial communication identifies the person on whose behalf it is made, and promotional offers and competitions with their conditions easily accessible.",
		verification: { status: "unverified", reason: NOT_READ_LEGISLATION_UK },
	},
	"uk-trading-disclosures-25": {
		law: "Company, Limited Liability Partnership and Business (Names and Trading Disclosures) Regulations 2015",
		provision: "reg. 25",
		cite: "UK Trading Disclosures Regulations 2015 reg. 25",
		scope: "uk",
		kind: "regulation",
		url: "https://www.legislation.gov.uk/uksi/2015/17/regulation/25",
		says: "A company's business letters, order forms and websites state its registered name, number and office.",
		verification: { status: "unverified", reason: NOT_READ_LEGISLATION_UK },
	},
	"uk-duaa-2025": {
		law: "Data (Use and Access) Act 2025",
		provision: "",
		cite: "Data (Use and Access) Act 2025",
		scope: "uk",
		kind: "statute",
		url: "https://www.legislation.gov.uk/ukpga/2025/18/contents",
		says: "Amends PECR: a charitable-purpose soft opt-in (s. 114, new reg. 22(3A)) and PECR fines aligned with UK GDPR levels; most PECR changes in force since 5 February 2026.",
		verification: {
			status: "secondary",
			on: CHECKED,
			read: "the commencement of the charity soft opt-in on 5 February 2026 as reported at https://www.mondaq.com/uk/social-media/1755702/soft-opt-in-now-in-force-for-uk-charities",
			note: `${NOT_READ_LEGISLATION_UK}; the fine provisions were not checked`,
		},
	},

	// ——— United States ———
	"canspam-a-1": canSpam(
		"(a)(1)",
		"No materially false or misleading header information; a From line that accurately identifies the person who initiated the message is not misleading.",
		CAN_SPAM_READ,
	),
	"canspam-a-2": canSpam(
		"(a)(2)",
		"No subject heading likely to mislead a recipient, acting reasonably, about a material fact regarding the contents or subject matter of the message.",
		CAN_SPAM_READ,
	),
	"canspam-a-3": canSpam(
		"(a)(3)",
		"A functioning return e-mail address or other Internet-based mechanism, clearly and conspicuously displayed, by which the recipient can ask not to receive further commercial mail.",
		{
			status: "unverified",
			reason:
				"the copies read here showed (a)(1)–(a)(2) and (b)(1); (a)(3) is cited from the statute's well-known text",
		},
	),
	"canspam-a-5-a-i": canSpam(
		"(a)(5)(A)(i)",
		"Clear and conspicuous identification that the message is an advertisement or solicitation, unless the recipient gave prior affirmative consent (a)(5)(B).",
		CAN_SPAM_A_5_READ,
	),
	"canspam-a-5-a-ii": canSpam(
		"(a)(5)(A)(ii)",
		"Clear and conspicuous notice of the opportunity to decline further commercial mail.",
		CAN_SPAM_A_5_READ,
	),
	"canspam-a-5-a-iii": canSpam("(a)(5)(A)(iii)", "A valid physical postal address of the sender.", CAN_SPAM_A_5_READ),
	"canspam-b-1": canSpam(
		"(b)(1)",
		"Aggravated violation: sending a message that is unlawful under subsection (a) to an address harvested from a website whose notice said it does not transfer addresses, or generated by a dictionary attack.",
		CAN_SPAM_READ,
	),
	"canspam-7702-2": {
		law: "CAN-SPAM Act, 15 U.S.C. 7702(2); 16 CFR 316.3",
		provision: "7702(2); 16 CFR 316.3",
		cite: "15 U.S.C. 7702(2), 16 CFR 316.3",
		scope: "us",
		kind: "statute",
		url: "https://www.law.cornell.edu/uscode/text/15/7702",
		says: "A commercial electronic mail message is one whose primary purpose is commercial advertisement or promotion; the FTC's primary-purpose rule decides mixed messages: one with transactional or relationship content is commercial if its subject line would lead a recipient to conclude it advertises, or if the transactional content does not appear, in whole or in substantial part, at the beginning of the body (16 CFR 316.3(a)(2)).",
		verification: {
			status: "primary",
			on: CHECKED,
			read: '16 CFR 316.3(a)(1)-(2) at https://www.law.cornell.edu/cfr/text/16/316.3 and in the GPO edition of 1 January 2006 (edocket.access.gpo.gov/cfr_2006/janqtr/16cfr316.3.htm): "(ii) The electronic mail message\'s transactional or relationship content ... does not appear, in whole or in substantial part, at the beginning of the body of the message"; 15 U.S.C. 7702(2)(B)-(D) at law.cornell.edu ("does not include a transactional or relationship message"); 7702(2)(A) itself was not read here',
		},
	},
	"ftc-experian": {
		law: "United States v. Experian Consumer Services (FTC complaint and order, 2023)",
		provision: "",
		cite: "FTC v. Experian Consumer Services, 2023",
		scope: "us",
		kind: "case-law",
		url: "https://www.ftc.gov/legal-library/browse/cases-proceedings/experian-consumer-services",
		says: "Mail that promotes products is commercial, and needs an opt-out, whatever it says about being a service message.",
		verification: { status: "unverified", reason: "ftc.gov could not be read from the development machine" },
	},

	// ——— Canada ———
	"casl-6-1-a": {
		law: "Canada's Anti-Spam Legislation (S.C. 2010, c. 23)",
		provision: "s. 6(1)(a)",
		cite: "CASL s. 6(1)(a)",
		scope: "ca",
		kind: "statute",
		url: CASL_URL,
		says: "A commercial electronic message may only be sent with the recipient's express or implied consent (s. 10).",
		verification: { status: "unverified", reason: NOT_READ_JUSTICE_CA },
	},
	"casl-6-2": {
		law: "Canada's Anti-Spam Legislation (S.C. 2010, c. 23)",
		provision: "s. 6(2)",
		cite: "CASL s. 6(2)",
		scope: "ca",
		kind: "statute",
		url: CASL_URL,
		says: "Every commercial electronic message (a) identifies the sender and the person on whose behalf it is sent, (b) gives their contact information, and (c) sets out an unsubscribe mechanism (s. 11).",
		verification: { status: "unverified", reason: NOT_READ_JUSTICE_CA },
	},
	"casl-6-6": {
		law: "Canada's Anti-Spam Legislation (S.C. 2010, c. 23)",
		provision: "s. 6(6)",
		cite: "CASL s. 6(6)",
		scope: "ca",
		kind: "statute",
		url: CASL_URL,
		says: "Messages that only give a requested quote, facilitate or confirm a transaction, give warranty, recall or safety information, factual account or subscription information, employment or product-update information are exempt from the consent requirement (s. 6(1)(a)) only: identification and the unsubscribe mechanism still apply.",
		verification: {
			status: "secondary",
			on: CHECKED,
			read: 'the list of s. 6(6) messages as summarised at https://www.pattersonlaw.ca/blogs/canadas-anti-spam-legislation-casl-and-your-commercial-electronic-messages/ ("As long as you are otherwise compliant with the Act, you can send … without consent")',
			note: NOT_READ_JUSTICE_CA,
		},
	},
	"casl-10": {
		law: "Canada's Anti-Spam Legislation (S.C. 2010, c. 23)",
		provision: "s. 10",
		cite: "CASL s. 10",
		scope: "ca",
		kind: "statute",
		url: CASL_URL,
		says: "Express consent and the cases of implied consent: an existing business relationship (s. 10(9)(a)), conspicuously published addresses without a no-mail statement, relevant to the recipient's role (s. 10(9)(b)).",
		verification: { status: "unverified", reason: NOT_READ_JUSTICE_CA },
	},
	"casl-11": {
		law: "Canada's Anti-Spam Legislation (S.C. 2010, c. 23)",
		provision: "s. 11",
		cite: "CASL s. 11",
		scope: "ca",
		kind: "statute",
		url: CASL_URL,
		says: "The unsubscribe mechanism lets the recipient withdraw consent at no cost, by the same electronic means or another practicable one, with an address or link valid for at least 60 days; withdrawal is given effect within 10 business days.",
		verification: { status: "unverified", reason: NOT_READ_JUSTICE_CA },
	},
	"casl-13": {
		law: "Canada's Anti-Spam Legislation (S.C. 2010, c. 23)",
		provision: "s. 13",
		cite: "CASL s. 13",
		scope: "ca",
		kind: "statute",
		url: CASL_URL,
		says: "A person who alleges that they have consent has the onus of proving it.",
		verification: { status: "unverified", reason: NOT_READ_JUSTICE_CA },
	},
	"crtc-regs-2-1-b-c": {
		law: "Electronic Commerce Protection Regulations (CRTC), SOR/2012-36",
		provision: "s. 2(1)(b)–(c)",
		cite: "CRTC Electronic Commerce Protection Regulations s. 2(1)(b)–(c)",
		scope: "ca",
		kind: "regulation",
		url: CRTC_REGS_URL,
		says: "A message sent on behalf of another person names that person and states which person sends the message and on whose behalf it is sent.",
		verification: {
			status: "secondary",
			on: CHECKED,
			read: 'the draft s. 2(1) quoted at https://www.michaelgeist.ca/2011/07/crtc-draft-anti-spam-regs/ and the final regulations as summarised at http://www.mondaq.com/canada/x/172290/ ("indicate which party sent the message, and on whose behalf it was sent")',
			note: `${NOT_READ_JUSTICE_CA}; the paragraph letters follow the final regulations as published, not verified`,
		},
	},
	"crtc-regs-2-1-d": {
		law: "Electronic Commerce Protection Regulations (CRTC), SOR/2012-36",
		provision: "s. 2(1)(d)",
		cite: "CRTC Electronic Commerce Protection Regulations s. 2(1)(d)",
		scope: "ca",
		kind: "regulation",
		url: CRTC_REGS_URL,
		says: "The message gives the mailing address and a telephone number, e-mail address or web address of the sender or the person on whose behalf it is sent.",
		verification: {
			status: "secondary",
			on: CHECKED,
			read: 'the final regulations as summarised at http://www.mondaq.com/canada/x/172290/ ("a mailing address; and a telephone number …, an email address, or a web address")',
			note: NOT_READ_JUSTICE_CA,
		},
	},

	"crtc-regs-3": {
		law: "Electronic Commerce Protection Regulations (CRTC), SOR/2012-36",
		provision: "s. 3",
		cite: "CRTC Electronic Commerce Protection Regulations s. 3",
		scope: "ca",
		kind: "regulation",
		url: CRTC_REGS_URL,
		says: "The s. 2 information and the unsubscribe mechanism are set out clearly and prominently; where it is not practicable to include the information in the message (a text message's length), it may be given on a web page the message links to, readily accessible at no cost.",
		verification: {
			status: "secondary",
			on: CHECKED,
			read: 'the CRTC\'s guidance as quoted at https://help.gazelleapp.io/en/articles/1144337-casl-text-message-compliance ("when it is not possible to include required information in the body of a message (due to space limitations) then a hyperlink to a web page containing the appropriate information is an acceptable practice as long as the web page is readily accessible at no cost to the recipient") and FEDMA\'s summary for SMS at https://www.fedma.org/legalfacts/canada-lfp/marketing-canada-lfp/sms-marketing-b2b-b2c-opt/ ("special allowances are made for the identification, contact information and unsubscribe mechanism requirements to take into account the format and character limits of text messaging")',
			note: `${NOT_READ_JUSTICE_CA}; the section number is the final regulations' as published, not verified`,
		},
	},

	// ——— Text messages (SMS, WhatsApp): the same law reaches them ———
	"eprivacy-2-h": {
		law: "ePrivacy Directive 2002/58/EC",
		provision: "art. 2(h)",
		cite: "ePrivacy Directive art. 2(h)",
		scope: "eu",
		kind: "statute",
		url: EPRIVACY_URL,
		says: '"Electronic mail" is any text, voice, sound or image message sent over a public communications network that can be stored in the network or the recipient\'s terminal equipment until collected: an SMS is electronic mail, so art. 13 (consent, identity, opt-out) applies to it as to e-mail.',
		verification: {
			status: "secondary",
			on: CHECKED,
			read: "art. 2(a)–(h) as reproduced at https://prighter.com/resources/laws/eprivacy-directive/articles/article-2; that art. 13 covers SMS as reported at http://www.twobirds.com/en/news/articles/2002/ecapprovesnewrulesfortheprivacy",
			note: NOT_READ_EURLEX,
		},
	},
	"pecr-2-electronic-mail": {
		law: "Privacy and Electronic Communications (EC Directive) Regulations 2003",
		provision: 'reg. 2(1) ("electronic mail")',
		cite: "PECR reg. 2(1)",
		scope: "uk",
		kind: "regulation",
		url: PECR_URL,
		says: '"Electronic mail" includes messages sent using a short message service, so regs. 22 and 23 (consent, identity, opt-out address) apply to marketing texts; the ICO reads it to cover direct messages on social media and in apps too.',
		verification: {
			status: "secondary",
			on: CHECKED,
			read: "the reg. 2 definition as quoted by the ICO's Guide to PECR (Electronic mail, regulations 22 and 23) at http://qqq.informationcommissioner.gov.uk/for_organisations/privacy_and_electronic_communications/the_guide/electronic_mail.aspx, and the ICO's 2022 electronic-mail guidance as summarised at https://www.burges-salmon.com/news-and-insight/legal-updates/ico-issues-updated-guidance-on-direct-email-marketing",
			note: NOT_READ_LEGISLATION_UK,
		},
	},
	"casl-1-electronic-address": {
		law: "Canada's Anti-Spam Legislation (S.C. 2010, c. 23)",
		provision: 's. 1(1) ("electronic address", "electronic message")',
		cite: "CASL s. 1(1)",
		scope: "ca",
		kind: "statute",
		url: "https://laws-lois.justice.gc.ca/eng/acts/E-1.6/section-1.html",
		says: "An electronic message is one sent by any means of telecommunication, including a text, sound, voice or image message, to an electronic address: an e-mail, instant-messaging or telephone account; so s. 6 applies to commercial texts and WhatsApp messages as to e-mail.",
		verification: {
			status: "secondary",
			on: CHECKED,
			read: 'the definitions as summarised at https://westlawcanada.com/blog/insider/category/corporate-commercial/ced-an-overview-of-the-law-internet-law-425/ and, for the bill, at http://www.mondaq.com/canada/x/79526/ ("a message sent by any means of telecommunication, including a text, sound, voice or image"); the opening of s. 1 was seen at the URL given, the two definitions were not',
			note: NOT_READ_JUSTICE_CA,
		},
	},
	"opta-sdp-2009": {
		law: "OPTA (now ACM), decision on objection of SD&P Interactive B.V., OPTA/ACNB/2009/202877 (3 December 2009)",
		provision: "",
		cite: "OPTA 3 December 2009 (SD&P Interactive, SMS opt-out)",
		scope: "nl",
		kind: "case-law",
		url: "https://www.opennieuwsbank.nl/bericht/2009/12/24/I027-onafhankelijke-post-en-telecommunicatie-autoriteit.html",
		says: "The Dutch regulator upheld an order under Telecommunicatiewet art. 11.7 (then lid 4, aanhef en onder b) that SMS messages must always offer a valid way to unsubscribe.",
		verification: {
			status: "secondary",
			on: CHECKED,
			read: "the decision's summary (paras. 1.1–1.3) as republished at http://www.opennieuwsbank.nl/bericht/2009/12/24/I027-onafhankelijke-post-en-telecommunicatie-autoriteit.html (the https form of that address was not checked)",
			note: "the regulator's own publication was not read; the article has been renumbered since (2021)",
		},
	},
	"fcc-24-18": {
		law: "FCC Report and Order FCC 24-18, CG Docket No. 02-278 (TCPA revocation of consent), in force since 11 April 2025",
		provision: "",
		cite: "FCC 24-18 (TCPA revocation of consent)",
		scope: "us",
		kind: "regulation",
		url: "https://www.mondaq.com/unitedstates/telecoms-mobile-cable-communications/1532382/new-fcc-tcpa-consumer-consent-revocation-mandates-effective-april-11-2025",
		says: "Consent to autodialled texts can be revoked by any reasonable means, and a reply of stop, quit, end, revoke, opt out, cancel or unsubscribe is always a revocation, honoured within 10 business days; one confirmation text without marketing may follow.",
		verification: {
			status: "secondary",
			on: CHECKED,
			read: "the rules and their 11 April 2025 effective date as reported at https://www.mondaq.com/unitedstates/telecoms-mobile-cable-communications/1532382/ and https://www.statecollectionservice.com/news/how-fccs-new-revocation-rules-affect-providers-in-april-2025/",
			note: "the order itself (fcc.gov) could not be read from the development machine, so the URL is the report read; the order does not itself require opt-out wording in each text (CTIA does)",
		},
	},
	"ctia-messaging": {
		law: "CTIA, Messaging Principles and Best Practices; Short Code Monitoring Handbook",
		provision: "",
		cite: "CTIA Messaging Principles and Short Code Monitoring Handbook",
		scope: "us",
		kind: "provider-requirement",
		url: "https://usshortcodedirectory.com/ctia-short-code-monitoring-handbook/",
		says: "US carriers' requirement for business texting: every message of a recurring programme says how to opt out (STOP), a recurring programme confirms each opt-in (see the opt-in confirmation entry), and its call-to-action links to terms and privacy; carriers block programmes that do not.",
		verification: {
			status: "secondary",
			on: CHECKED,
			read: "the Handbook's guiding principles (\"For recurring-messages programs, confirmation messages must include clear opt-out instructions\") as reproduced at https://usshortcodedirectory.com/ctia-short-code-monitoring-handbook/; the Principles' table of contents (May 2023 edition, 5.1.2.1 Confirm Opt-In for Recurring Messages) as reproduced at https://bingoreviews.com/how-to-stop-receiving-unwanted-phone-messages-7520; the disclosure list (program name, frequency, message and data rates, HELP, STOP, terms and privacy links) as summarised at http://webiis06.mondaq.com/AdviceCenter/2154/",
			note: "ctia.org could not be read from the development machine, so the URL is the copy read",
		},
	},
	"ctia-opt-in-confirmation": {
		law: "CTIA, Messaging Principles and Best Practices, 5.1.2.1 Confirm Opt-In for Recurring Messages; Short Code Monitoring Handbook",
		provision: "5.1.2.1",
		cite: "CTIA Messaging Principles 5.1.2.1",
		scope: "us",
		kind: "provider-requirement",
		url: "https://usshortcodedirectory.com/ctia-short-code-monitoring-handbook/",
		says: 'A recurring SMS programme confirms each opt-in with a message that carries the programme (brand) name, customer-care contact (HELP), how to opt out (STOP), the message frequency and a "Message and data rates may apply" notice; links to terms and privacy belong in the call-to-action where the number is collected.',
		verification: {
			status: "secondary",
			on: CHECKED,
			read: 'the Handbook\'s guiding principle 3 ("A confirmation message must be sent to customers always. For recurring-messages programs, confirmation messages must include clear opt-out instructions") as reproduced at https://usshortcodedirectory.com/ctia-short-code-monitoring-handbook/; the Principles\' table of contents (May 2023, 5.1.2.1 Confirm Opt-In for Recurring Messages) at https://bingoreviews.com/how-to-stop-receiving-unwanted-phone-messages-7520; the confirmation\'s elements as listed alike at https://messagebridgeinfo.com/knowledge-base/how-do-i-get-a-short-code-registered, https://help.nexmo.com/hc/en-us/articles/204015403-Pre-approved-US-Short-Codes-compliance-requirements and https://www.twilio.com/help/faq/short-codes/what-are-the-opt-in-requirements-for-us-short-codes; the Spanish wording (ALTO, AYUDA, "Cargos de msjs y datos pueden aplicar", "X msjs/mes", "Envíe ALTO para cancelar") in Twilio\'s requirements for a Spanish-language short code at https://www.twilio.com/help/faq/short-codes/what-are-the-requirements-for-a-spanish-language-short-code',
			note: "CTIA's own text (ctia.org) could not be read from the development machine; none of the lists read puts terms or privacy links in the confirmation itself",
		},
	},
	"meta-whatsapp-template-components": {
		law: "Meta, WhatsApp Business Platform: Template components",
		provision: "",
		cite: "Meta WhatsApp template components",
		scope: "any",
		kind: "provider-requirement",
		url: "https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/components",
		says: "A template has an optional header, a required body, an optional footer and optional buttons; a text header supports one parameter and 60 characters; a template that uses variables must give sample values for them at creation, and a media header a sample (header_handle).",
		verification: {
			status: "primary",
			on: CHECKED,
			read: 'https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/components (text header creation syntax and parameters; "If your templates use variables, you must include sample variable values upon template creation"; media header example.header_handle)',
		},
	},
	"meta-whatsapp-template-category": {
		law: "Meta, WhatsApp Business Platform: template categories (Route template messages by category)",
		provision: "",
		cite: "Meta WhatsApp template categories",
		scope: "any",
		kind: "provider-requirement",
		url: "https://developers.facebook.com/documentation/business-messaging/whatsapp/marketing-messages/route-template-messages/",
		says: "A template's category can change after approval when WhatsApp finds its content does not match the category guidelines: a UTILITY template whose content is promotional is updated to MARKETING (and priced and limited as marketing).",
		verification: {
			status: "primary",
			on: CHECKED,
			read: 'the opening of https://developers.facebook.com/documentation/business-messaging/whatsapp/marketing-messages/route-template-messages/ ("a template created as UTILITY can be updated to MARKETING if its content is promotional")',
		},
	},
	"whatsapp-button-limits": {
		law: "WhatsApp template button limits, as documented by Business Solution Providers",
		provision: "",
		cite: "WhatsApp template button limits",
		scope: "any",
		kind: "provider-requirement",
		url: "https://docs.gupshup.io/docs/template-button-list",
		says: "A template has at most 10 buttons, of which at most 2 URL buttons and 1 phone-number button; quick-reply buttons are grouped apart from the others; an AUTHENTICATION template has one OTP button only.",
		verification: {
			status: "secondary",
			on: CHECKED,
			read: "the limits as documented by Gupshup at the URL given and by Bird at https://docs.bird.com/api/touchpoints-api/supported-projects/whatsapp-approved-message-templates/creating-whatsapp-message-templates/text-template-blocks",
			note: "Meta's own buttons page was not found in the material readable here",
		},
	},
	"whatsapp-variable-placement": {
		law: "WhatsApp template variables, as documented by Twilio for WhatsApp templates",
		provision: "",
		cite: "WhatsApp template variable placement",
		scope: "any",
		kind: "provider-requirement",
		url: "https://twilio.com/docs/content/twilio-quick-reply",
		says: "WhatsApp rejects a template whose body starts or ends with a variable, or has two variables next to each other; each variable needs a sample value.",
		verification: {
			status: "secondary",
			on: CHECKED,
			read: 'the warning on https://twilio.com/docs/content/twilio-quick-reply ("If the template body starts or ends with a variable, or if two variables appear adjacent to each other, WhatsApp will reject the template. A sample value for each variable is required.")',
			note: "Meta's own wording of this rule was not found in the material readable here",
		},
	},
	"whatsapp-marketing-opt-out": {
		law: "WhatsApp marketing-message preferences (Stop / Resume promotions), as documented by Business Solution Providers",
		provision: "",
		cite: "WhatsApp marketing opt-out",
		scope: "any",
		kind: "provider-requirement",
		url: "https://clickatell.com/help-center/whatsapp/message-templates/opt-out-of-receiving-marketing-templates-from-my-business",
		says: "Since 22 November 2024 WhatsApp users can stop marketing templates from a business in the app; the business is not told in the template, so the template should offer its own way to stop (a quick-reply button or a STOP instruction) that the business records.",
		verification: {
			status: "secondary",
			on: CHECKED,
			read: "the rollout as described by Clickatell at the URL given and by Kapso at https://docs.kapso.ai/docs/whatsapp/templates/marketing-opt-outs.md",
			note: "Meta's own marketing opt-out documentation was not found in the material readable here",
		},
	},
	"gsm-03-38": {
		law: "3GPP TS 23.038 (formerly ETSI GSM 03.38), Alphabets and language-specific information",
		provision: "§ 6.2.1 (GSM 7-bit default alphabet and extension table)",
		cite: "GSM 03.38",
		scope: "any",
		kind: "standard",
		url: "https://www.unicode.org/Public/MAPPINGS/ETSI/GSM0338.TXT",
		says: "An SMS is sent in the GSM 7-bit default alphabet (128 characters, plus 10 in the extension table that take an escape code and so two septets) or, when any character is outside it, in UCS-2.",
		verification: {
			status: "secondary",
			on: CHECKED,
			read: "the Unicode Consortium's mapping of the standard's tables (GSM0338.TXT, table version 1.1, based on ETSI TS 100 900 V7.2.0), as kept at https://github.com/mgkuhn/uniset/blob/master/GSM0338.TXT; every code of the basic and extension tables was compared with mailcomply's GSM-7 table by its tests",
			note: "the 3GPP specification itself could not be read from the development machine",
		},
	},
	"sms-segments": {
		law: "SMS segment lengths (3GPP TS 23.040 concatenated SMS), as documented by Twilio",
		provision: "",
		cite: "SMS segment lengths",
		scope: "any",
		kind: "provider-requirement",
		url: "https://www.twilio.com/docs/glossary/what-sms-character-limit",
		says: "One SMS carries 160 GSM-7 or 70 UCS-2 characters; a longer message is split into segments of 153 or 67 characters (a header numbers them), each billed as one SMS; Twilio recommends SMS of no more than 320 characters for deliverability.",
		verification: {
			status: "secondary",
			on: CHECKED,
			read: 'Twilio\'s glossary "How long can a message be?" at https://www.twilio.com/docs/glossary/what-sms-character-limit and its copy at https://sendgrid.com/docs/glossary/what-sms-character-limit ("Large messages are split into 153-character segments"; "Twilio recommends sending messages that are no more than 320 characters")',
			note: "3GPP TS 23.040 itself could not be read from the development machine",
		},
	},

	// ——— Inbox providers and protocols (not law) ———
	"rfc-2369": {
		law: "RFC 2369, The Use of URLs as Meta-Syntax for Core Mail List Commands",
		provision: "§ 3.2",
		cite: "RFC 2369",
		scope: "any",
		kind: "standard",
		url: "https://www.rfc-editor.org/rfc/rfc2369",
		says: "The List-Unsubscribe header holds one or more URIs in angle brackets, separated by commas.",
		verification: { status: "unverified", reason: "rfc-editor.org could not be read from the development machine" },
	},
	"rfc-8058": {
		law: "RFC 8058, Signaling One-Click Functionality for List Email Headers",
		provision: "§ 3.1",
		cite: "RFC 8058",
		scope: "any",
		kind: "standard",
		url: "https://www.rfc-editor.org/rfc/rfc8058",
		says: "A one-click unsubscribe needs an https URI in List-Unsubscribe and `List-Unsubscribe-Post: List-Unsubscribe=One-Click`, both covered by a DKIM signature; a mailto URI may be given in addition to, or instead of, the https URI.",
		verification: {
			status: "unverified",
			reason: "only the IETF datatracker abstract (https://sandbox.ietf.org/doc/rfc8058/) was readable here, not § 3.1",
		},
	},
	"rfc-5322": {
		law: "RFC 5322, Internet Message Format",
		provision: "§ 3.6",
		cite: "RFC 5322 § 3.6",
		scope: "any",
		kind: "standard",
		url: "https://www.rfc-editor.org/rfc/rfc5322#section-3.6",
		says: "A message has exactly one Date and one From field; Sender, Reply-To, To, Cc, Subject, Message-ID and the other listed fields at most once; every message SHOULD have a Message-ID.",
		verification: {
			status: "secondary",
			on: CHECKED,
			read: 'the § 3.6 field table and § 3.6.4 ("every message SHOULD have a "Message-ID:" field") as quoted at https://www.althacker.news/item?id=46989552',
			note: "rfc-editor.org could not be read from the development machine",
		},
	},
	"rfc-3282": {
		law: "RFC 3282, Content Language Headers",
		provision: "§ 2",
		cite: "RFC 3282 § 2",
		scope: "any",
		kind: "standard",
		url: "https://www.rfc-editor.org/rfc/rfc3282#section-2",
		says: "The Content-Language header indicates the language(s) of something that has RFC 822-like headers, such as a message or a MIME body part; it may list several language tags, separated by commas, with comments and white space between them.",
		verification: {
			status: "secondary",
			on: "2026-12-03",
			read: '§ 2 as copied at https://elook.org/computing/rfc/rfc3282-2.html ("The "Content-Language" header is intended for use in the case where one desires to indicate the language(s) of something that has RFC 822-like headers, such as MIME body parts or Web documents"; "may list several languages in a comma-separated list"; "one can place parenthesized comments anywhere in the language sequence"); the abstract also read at https://www.rfc-editor.org/rfc/rfc3282.html',
		},
	},
	"google-sender-guidelines": {
		law: "Google, Email sender guidelines",
		provision: "",
		cite: "Gmail sender guidelines",
		scope: "any",
		kind: "provider-requirement",
		url: "https://support.google.com/a/answer/81126",
		says: "Senders of more than 5,000 messages a day to Gmail: SPF, DKIM and DMARC, one-click unsubscribe for marketing mail, and a user-reported spam rate kept below 0.1% and never reaching 0.3%; every sender: messages formatted according to RFC 5322, and no From: header at gmail.com (Gmail publishes a DMARC quarantine policy).",
		verification: {
			status: "secondary",
			on: CHECKED,
			read: 'the page\'s requirements for all senders as quoted at https://chinadataset.store/viewtopic.php?t=16618 ("Compose your email in a format that conforms to the Internet Message Format standard (RFC 5322). Don\'t spoof Gmail From: headers. Gmail will start using the DMARC quarantine enforcement policy") and the list of headers that must not be duplicated at https://ukdatabase.store/viewtopic.php?t=16334; Gmail\'s bounces "\'From\' header is missing" (https://pastebin.com/Cs1CdqB5) and "Messages missing a valid Message-ID header are not accepted" (https://www.suped.com/learn/email-deliverability/why-are-my-gmail-emails-bouncing-with-a-missing-message-id-error)',
			note: "support.google.com itself could not be read from the development machine",
		},
	},
	"yahoo-sender-requirements": {
		law: "Yahoo, Sender requirements and recommendations",
		provision: "",
		cite: "Yahoo sender requirements",
		scope: "any",
		kind: "provider-requirement",
		url: "https://senders.yahooinc.com/best-practices/",
		says: "Bulk senders to Yahoo: authentication, one-click unsubscribe (RFC 8058) honoured within 2 days, a low spam rate, and messages compliant with the RFCs and CAN-SPAM.",
		verification: {
			status: "secondary",
			on: CHECKED,
			read: 'Yahoo\'s sender best practices as copied at https://moin2.qmail.jp/spam/Yahoo2024 ("Authenticate using SPF, DKIM, and DMARC", "Allow users to easily unsubscribe", "Be compliant with RFCs and CAN-SPAM")',
			note: "senders.yahooinc.com itself could not be read from the development machine",
		},
	},
	"microsoft-outlook-high-volume": {
		law: "Microsoft, Outlook.com requirements for high-volume senders (in force since 5 May 2025)",
		provision: "",
		cite: "Outlook.com high-volume sender requirements",
		scope: "any",
		kind: "provider-requirement",
		url: "https://techcommunity.microsoft.com/blog/microsoftdefenderforoffice365blog/strengthening-email-ecosystem-outlook%E2%80%99s-new-requirements-for-high%E2%80%90volume-senders/4399730",
		says: "Domains sending more than 5,000 messages a day to Outlook.com, Hotmail.com and Live.com must pass SPF, DKIM and DMARC (at least p=none, aligned); a functional unsubscribe link, valid sender addresses and list hygiene are recommended, not required.",
		verification: {
			status: "secondary",
			on: CHECKED,
			read: "the announcement as reproduced at http://nfbnet.org/pipermail/nfb-web_nfbnet.org/attachments/20250407/099990ed/attachment.htm and summarised at https://docs.contactlab.com/blog/2025/05/09/new-microsoft-rules",
			note: "the Microsoft Tech Community post itself could not be read from the development machine",
		},
	},
	// ——— Guidance (not law; cited for how authorities read the law) ———
	"edpb-consent-05-2020": {
		law: "EDPB Guidelines 05/2020 on consent under Regulation 2016/679",
		provision: "",
		cite: "EDPB Guidelines 05/2020 on consent",
		scope: "eu",
		kind: "guidance",
		url: "https://www.edpb.europa.eu/our-work-tools/our-documents/guidelines/guidelines-052020-consent-under-regulation-2016679_en",
		says: "How the EDPB reads specific, informed and unbundled consent (art. 4(11), 7).",
		verification: { status: "unverified", reason: "edpb.europa.eu could not be read from the development machine" },
	},
	"wp260-transparency": {
		law: "Article 29 Working Party, Guidelines on transparency (WP260 rev.01), endorsed by the EDPB",
		provision: "",
		cite: "WP29 Guidelines on transparency (WP260 rev.01)",
		scope: "eu",
		kind: "guidance",
		url: "https://ec.europa.eu/newsroom/article29/items/622227",
		says: "How the art. 12–14 information is given: layered, at the point of collection, easy to find.",
		verification: { status: "unverified", reason: "ec.europa.eu could not be read from the development machine" },
	},
	"cfr-316-2-p": {
		law: "FTC CAN-SPAM Rule, 16 CFR 316.2(p)",
		provision: "316.2(p)",
		cite: "16 CFR 316.2(p)",
		scope: "us",
		kind: "regulation",
		url: "https://www.ecfr.gov/current/title-16/chapter-I/subchapter-C/part-316/section-316.2",
		says: "A valid physical postal address includes a post office box or private mailbox registered under Postal Service rules.",
		verification: { status: "unverified", reason: "ecfr.gov could not be read from the development machine" },
	},
	// ——— Access to the recipient's device (open-tracking pixels) ———
	"eprivacy-5-3": {
		law: "ePrivacy Directive 2002/58/EC (as amended by Directive 2009/136/EC)",
		provision: "art. 5(3)",
		cite: "ePrivacy Directive art. 5(3)",
		scope: "eu",
		kind: "statute",
		url: EPRIVACY_URL,
		says: "Storing information, or gaining access to information already stored, in the terminal equipment of a subscriber or user needs their consent, unless strictly necessary for transmission or for a service they requested.",
		verification: { status: "unverified", reason: NOT_READ_EURLEX },
	},
	"tw-11-7a": {
		law: "Telecommunicatiewet",
		provision: "art. 11.7a",
		cite: "Telecommunicatiewet art. 11.7a",
		scope: "nl",
		kind: "statute",
		url: "https://wetten.overheid.nl/jci1.3:c:BWBR0009950&hoofdstuk=11&artikel=11.7a",
		says: "The Dutch implementation of ePrivacy art. 5(3): reading from or storing on a user's device needs consent after clear information; measuring the quality or effectiveness of a service with little effect on privacy is exempt.",
		verification: {
			status: "secondary",
			on: CHECKED,
			read: "lid 1 as quoted (2015 wording) at https://www.essaymarketplace.com/dutch-essays/perspectieven-op-het-recht-2015/ and the analytics exemption as summarised at https://www.justitia.nl/privacy/cookiewet",
			note: NOT_READ_WETTEN,
		},
	},
	"tdddg-25": {
		law: "Telekommunikation-Digitale-Dienste-Datenschutz-Gesetz (TDDDG)",
		provision: "§ 25(1)",
		cite: "TDDDG § 25(1)",
		scope: "de",
		kind: "statute",
		url: "https://www.gesetze-im-internet.de/ttdsg/__25.html",
		says: "The German implementation of ePrivacy art. 5(3): storing or reading information on end-user equipment needs consent.",
		verification: {
			status: "secondary",
			on: CHECKED,
			read: "§ 25 as quoted at https://dr-dsgvo.de/%c2%a7-25-ttdsg-schutz-der-privatsphaere-bei-endeinrichtungen",
			note: NOT_READ_GESETZE,
		},
	},
	"lil-82": {
		law: "Loi n° 78-17 du 6 janvier 1978 relative à l'informatique, aux fichiers et aux libertés",
		provision: "art. 82",
		cite: "art. 82 Loi Informatique et Libertés",
		scope: "fr",
		kind: "statute",
		url: "https://www.legifrance.gouv.fr/loda/id/JORFTEXT000000886460",
		says: "The French implementation of ePrivacy art. 5(3): reading from or writing to a user's terminal needs prior consent after clear information.",
		verification: { status: "unverified", reason: "legifrance.gouv.fr could not be read from the development machine" },
	},
	"pecr-6": {
		law: "Privacy and Electronic Communications (EC Directive) Regulations 2003",
		provision: "reg. 6",
		cite: "PECR reg. 6",
		scope: "uk",
		kind: "regulation",
		url: "https://www.legislation.gov.uk/uksi/2003/2426/regulation/6",
		says: "Storing or gaining access to information in a subscriber's or user's terminal equipment needs clear information and consent; Schedule A1 (inserted by the Data (Use and Access) Act 2025) adds exceptions, some for statistical purposes.",
		verification: {
			status: "secondary",
			on: CHECKED,
			read: "reg. 6 as quoted by the ICO at https://ico.org.uk/for-organisations/direct-marketing-and-privacy-and-electronic-communications/guidance-on-the-use-of-storage-and-access-technologies/what-are-the-rules; Schedule A1 paras. 1–3 as inserted, at https://www.legislation.gov.uk/uksi/2003/2426/schedules; its para. 5 statistical-purposes exception only as summarised at https://www.blakemorgan.co.uk/data-use-and-access-act-2025-cookies",
		},
	},
	"edpb-2-2023": {
		law: "EDPB Guidelines 2/2023 on the Technical Scope of Art. 5(3) of the ePrivacy Directive (final, October 2024)",
		provision: "",
		cite: "EDPB Guidelines 2/2023",
		scope: "eu",
		kind: "guidance",
		url: "https://www.edpb.europa.eu/our-work-tools/our-documents/guidelines/guidelines-22023-technical-scope-art-53-eprivacy-directive_en",
		says: "Tracking pixels in e-mails, and tracked links, gain access to information on the recipient's device within art. 5(3).",
		verification: {
			status: "secondary",
			on: CHECKED,
			read: "the adoption of the final guidelines as reported at https://hunton.sitepilot11.firmseek.com/privacy-and-information-security-law/edpb-adopts-guidelines-on-scope-of-eprivacy-directive",
			note: "edpb.europa.eu could not be read from the development machine",
		},
	},
	"cnil-pixels-2026": {
		law: "CNIL, recommendation on tracking pixels in e-mails (deliberation 2026-042 of 12 March 2026)",
		provision: "",
		cite: "CNIL recommendation on e-mail tracking pixels (2026)",
		scope: "fr",
		kind: "guidance",
		url: "https://cnil.fr/fr/consultation-publique-projet-recommandation-pixels-de-suivi",
		says: "Consent to a newsletter is not consent to open tracking; exemptions are narrow (securing authentication, aggregate anonymous open rates, individual measurement limited to what deliverability strictly needs).",
		verification: {
			status: "secondary",
			on: CHECKED,
			read: "the recommendation as reported at https://www.nomosparis.com/en/tracking-pixels-in-emails-decoding-the-recommendation-of-the-french-data-protection-authority-of-12-march-2026/, https://www.insideprivacy.com/?p=16202 and https://ppc.land/cnils-final-rules-on-email-tracking-pixels-are-here-what-changes/",
			note: "the deliberation on Légifrance could not be read from the development machine",
		},
	},
} as const satisfies Record<string, LegalSource>;

export type CitationId = keyof typeof CITATIONS;

export const CITATION_IDS = Object.keys(CITATIONS) as CitationId[];

export function isCitationId(id: string): id is CitationId {
	return Object.hasOwn(CITATIONS, id);
}

/** One entry; throws on an unknown id, so a misspelt citation fails when the rule module loads. */
export function citation(id: string): LegalSource {
	if (!isCitationId(id))
		throw new Error(`mailcomply: "${id}" is not in the citation catalogue (src/legal/citations.ts)`);
	return CITATIONS[id];
}
