/**
 * A hand-written, labelled case set for the precision classes of issue #13:
 * real wording in nl, en, de and fr, with ESP merge tags, each case with the
 * findings a careful reviewer expects from the rules it names. Every case
 * was labelled before it was run. `precision.test.ts` lints each case and
 * scores findings as (case, rule) counts.
 */
export interface PrecisionCase {
	id: string;
	/** Files of the case, by name; a template's sidecar is `NAME.campaign.yaml` beside it. */
	files: Record<string, string>;
	/** The rules run on the case (at `error`, with default options). */
	rules: readonly string[];
	/** The findings expected, per rule: a rule left out is expected to stay silent. */
	expect: Readonly<Record<string, number>>;
}

const mail = (body: string, lang = "en") => `<!DOCTYPE html>\n<html lang="${lang}"><body>\n${body}\n</body></html>\n`;
const sidecar = (yaml: string) => yaml.trim() + "\n";
const signup = (body: string, lang = "en") => `<!DOCTYPE html>\n<html lang="${lang}"><body>\n${body}\n</body></html>\n`;

const OPT_OUT = ["require-unsubscribe", "esp-merge-tags"];
const campaignMail = (name: string, body: string, yaml: string, lang: string) => ({
	[`${name}.html`]: mail(body, lang),
	[`${name}.campaign.yaml`]: sidecar(yaml),
});

/* Opt-outs the law accepts, and one finding per merge-tag mistake. */
const optOutCases: PrecisionCase[] = [
	{
		id: "unsub-reply-en-us",
		rules: OPT_OUT,
		expect: {},
		files: campaignMail(
			"m",
			`<p>Spring sale at Acme Garden Supply.</p><p>To unsubscribe, reply to this email with "unsubscribe" in the subject line.</p>`,
			"esp: mailchimp\naudience:\n  countries: [US]",
			"en",
		),
	},
	{
		id: "unsub-reply-stop-en-us",
		rules: OPT_OUT,
		expect: {},
		files: campaignMail(
			"m",
			`<p>New arrivals this week.</p><p>Don't want these emails? Just reply STOP.</p>`,
			"esp: sendgrid\naudience:\n  countries: [US]",
			"en",
		),
	},
	{
		id: "unsub-address-nl",
		rules: OPT_OUT,
		expect: {},
		files: campaignMail(
			"m",
			`<p>Nieuwe tulpen in de winkel.</p><p>Geen mails meer ontvangen? Stuur een e-mail naar afmelden@bloemenhuisdelinde.nl.</p>`,
			"esp: laposta\naudience:\n  countries: [NL]",
			"nl",
		),
	},
	{
		id: "unsub-address-de",
		rules: OPT_OUT,
		expect: {},
		files: campaignMail(
			"m",
			`<p>Unsere neuen Stauden sind da.</p><p>Sie möchten keine E-Mails mehr von uns erhalten? Eine kurze Nachricht an newsletter@gartenhaus-linde.de genügt.</p>`,
			"esp: brevo\naudience:\n  countries: [DE]",
			"de",
		),
	},
	{
		id: "unsub-reply-fr",
		rules: OPT_OUT,
		expect: {},
		files: campaignMail(
			"m",
			`<p>Les nouveautés du printemps sont arrivées.</p><p>Pour vous désabonner, répondez simplement à cet e-mail avec le mot STOP.</p>`,
			"esp: mailjet\naudience:\n  countries: [FR]",
			"fr",
		),
	},
	{
		id: "unsub-mailto-text-nl",
		rules: OPT_OUT,
		expect: {},
		files: campaignMail(
			"m",
			`<p>Onze zomercollectie.</p><p>Wil je je afmelden? Mail naar <a href="mailto:service@modehuis-jansen.nl?subject=Afmelden">service@modehuis-jansen.nl</a>.</p>`,
			"audience:\n  countries: [NL]",
			"nl",
		),
	},
	{
		id: "unsub-contact-address-nl",
		rules: OPT_OUT,
		expect: { "require-unsubscribe": 1 },
		files: campaignMail(
			"m",
			`<p>Onze zomercollectie is binnen.</p><p>Vragen? Mail naar info@modehuis-jansen.nl.</p>`,
			"audience:\n  countries: [NL]",
			"nl",
		),
	},
	{
		id: "unsub-reply-question-en",
		rules: OPT_OUT,
		expect: { "require-unsubscribe": 1 },
		files: campaignMail(
			"m",
			`<p>Our summer sale starts today.</p><p>Questions about your order? Just reply to this email.</p>`,
			"audience:\n  countries: [US]",
			"en",
		),
	},
	{
		id: "unsub-none-fr",
		rules: OPT_OUT,
		expect: { "require-unsubscribe": 1 },
		files: campaignMail(
			"m",
			`<p>Merci de votre fidélité !</p><p>Jardinerie Dupont, 8 rue du Marché, 69002 Lyon</p>`,
			"audience:\n  countries: [FR]",
			"fr",
		),
	},
	{
		id: "unsub-fragment-en",
		rules: OPT_OUT,
		expect: { "require-unsubscribe": 1 },
		files: campaignMail(
			"m",
			`<p>New season.</p><p><a href="#">Unsubscribe</a></p>`,
			"audience:\n  countries: [GB]",
			"en",
		),
	},
	{
		id: "unsub-typo-mailchimp-en",
		rules: OPT_OUT,
		expect: { "esp-merge-tags": 1 },
		files: campaignMail(
			"m",
			`<p>New season.</p><p><a href="*|UNSUB|">Unsubscribe</a></p>`,
			"esp: mailchimp\naudience:\n  countries: [GB]",
			"en",
		),
	},
	{
		id: "unsub-typo-curly-de",
		rules: OPT_OUT,
		expect: { "esp-merge-tags": 1 },
		files: campaignMail(
			"m",
			`<p>Neue Saison.</p><p><a href="{{ unsubscribe }">Abmelden</a></p>`,
			"esp: brevo\naudience:\n  countries: [DE]",
			"de",
		),
	},
	{
		id: "unsub-typo-sendgrid-nl",
		rules: OPT_OUT,
		expect: { "esp-merge-tags": 1 },
		files: campaignMail(
			"m",
			`<p>Nieuw seizoen.</p><p><a href="<%asm_group_unsubscribe_raw_url%">Afmelden</a></p>`,
			"esp: sendgrid\naudience:\n  countries: [NL]",
			"nl",
		),
	},
	{
		id: "unsub-hubspot-in-mailchimp-en",
		rules: OPT_OUT,
		expect: { "esp-merge-tags": 1 },
		files: campaignMail(
			"m",
			`<p>New season.</p><p><a href="{{unsubscribe_link}}">Unsubscribe</a></p>`,
			"esp: mailchimp\naudience:\n  countries: [GB]",
			"en",
		),
	},
	{
		id: "unsub-hubspot-in-campaignmonitor-nl",
		rules: OPT_OUT,
		expect: { "esp-merge-tags": 1 },
		files: campaignMail(
			"m",
			`<p>Nieuw seizoen.</p><p><a href="{{ unsubscribe_link }}">Afmelden</a></p>`,
			"esp: campaign-monitor\naudience:\n  countries: [NL]",
			"nl",
		),
	},
	{
		id: "unsub-hubspot-in-hubspot-de",
		rules: OPT_OUT,
		expect: {},
		files: campaignMail(
			"m",
			`<p>Neue Saison.</p><p><a href="{{unsubscribe_link}}">Abmelden</a></p>`,
			"esp: hubspot\naudience:\n  countries: [DE]",
			"de",
		),
	},
	{
		id: "unsub-mailchimp-ok-fr",
		rules: OPT_OUT,
		expect: {},
		files: campaignMail(
			"m",
			`<p>Nouvelle saison.</p><p><a href="*|UNSUB|*">Se désabonner</a></p>`,
			"esp: mailchimp\naudience:\n  countries: [FR]",
			"fr",
		),
	},
	{
		id: "unsub-generic-var-no-esp-en",
		rules: OPT_OUT,
		expect: {},
		files: campaignMail(
			"m",
			`<p>New season.</p><p><a href="{{ unsubscribe_url }}">Unsubscribe</a></p>`,
			"audience:\n  countries: [GB]",
			"en",
		),
	},
];

/* Ordinary wording on sign-up pages. */
const FORM = ["form-privacy-notice"];
const formPage = (lang: string, before: string, after: string) =>
	signup(
		`${before}\n<form action="https://news.example.org/subscribe" method="post">\n<input type="email" name="email" aria-label="E-mail">\n<button>OK</button>\n</form>\n${after}`,
		lang,
	);
const formCases: PrecisionCase[] = [
	{
		id: "form-purpose-de-word-order",
		rules: FORM,
		expect: {},
		files: {
			"signup.html": formPage(
				"de",
				`<h2>Newsletter</h2><p>Wir verwenden Ihre E-Mail-Adresse, um Sie über neue Produkte zu informieren.</p>`,
				`<p><a href="https://shop.de/datenschutz">Datenschutzerklärung</a></p>`,
			),
		},
	},
	{
		id: "form-purpose-nl-word-order",
		rules: FORM,
		expect: {},
		files: {
			"signup.html": formPage(
				"nl",
				`<h2>Blijf op de hoogte</h2><p>We gebruiken je e-mailadres om je op de hoogte te houden van nieuwe collecties.</p>`,
				`<p><a href="https://shop.nl/privacy">Privacyverklaring</a></p>`,
			),
		},
	},
	{
		id: "form-purpose-en-word-order",
		rules: FORM,
		expect: {},
		files: {
			"signup.html": formPage(
				"en",
				`<h2>Stay in touch</h2><p>We use your email address to tell you about events near you.</p>`,
				`<p><a href="https://shop.co.uk/privacy">Privacy policy</a></p>`,
			),
		},
	},
	{
		id: "form-purpose-fr-word-order",
		rules: FORM,
		expect: {},
		files: {
			"signup.html": formPage(
				"fr",
				`<h2>Restons en contact</h2><p>Nous utilisons votre adresse e-mail afin de vous tenir informé de nos nouveautés.</p>`,
				`<p><a href="https://boutique.fr/confidentialite">Politique de confidentialité</a></p>`,
			),
		},
	},
	{
		id: "form-heading-frequency-en",
		rules: FORM,
		expect: {},
		files: {
			"signup.html": formPage(
				"en",
				`<h2>Sign up for our newsletter</h2><p>One e-mail every Friday.</p>`,
				`<p><a href="https://shop.co.uk/privacy">Privacy policy</a></p>`,
			),
		},
	},
	{
		id: "form-heading-frequency-nl",
		rules: FORM,
		expect: {},
		files: {
			"signup.html": formPage(
				"nl",
				`<h2>Schrijf je in voor onze nieuwsbrief</h2><p>Maandelijks, met tuintips en acties.</p>`,
				`<p><a href="https://shop.nl/privacy">Privacyverklaring</a></p>`,
			),
		},
	},
	{
		id: "form-heading-frequency-fr",
		rules: FORM,
		expect: {},
		files: {
			"signup.html": formPage(
				"fr",
				`<h2>Inscrivez-vous à notre lettre d'information</h2><p>Une fois par mois, nos conseils de saison.</p>`,
				`<p><a href="https://boutique.fr/confidentialite">Politique de confidentialité</a></p>`,
			),
		},
	},
	{
		id: "form-heading-frequency-de",
		rules: FORM,
		expect: {},
		files: {
			"signup.html": formPage(
				"de",
				`<h2>Newsletter abonnieren</h2><p>Einmal im Monat: Gartentipps und Angebote.</p>`,
				`<p><a href="https://shop.de/datenschutz">Datenschutzerklärung</a></p>`,
			),
		},
	},
	{
		id: "form-no-purpose-nl",
		rules: FORM,
		expect: { "form-privacy-notice": 1 },
		files: {
			"signup.html": formPage(
				"nl",
				`<h2>Blijf op de hoogte</h2>`,
				`<p><a href="https://shop.nl/privacy">Privacyverklaring</a></p>`,
			),
		},
	},
	{
		id: "form-cookies-not-purpose-en",
		rules: FORM,
		expect: { "form-privacy-notice": 1 },
		files: {
			"signup.html": formPage(
				"en",
				`<h2>Join us</h2><p>We use cookies to improve this site.</p>`,
				`<p><a href="https://shop.co.uk/privacy">Privacy policy</a></p>`,
			),
		},
	},
	{
		id: "form-newsletter-no-frequency-de",
		rules: FORM,
		expect: { "form-privacy-notice": 1 },
		files: {
			"signup.html": formPage(
				"de",
				`<h2>Newsletter</h2>`,
				`<p><a href="https://shop.de/datenschutz">Datenschutzerklärung</a></p>`,
			),
		},
	},
];

/* Offer conditions written out in the mail. */
const PROMO = ["promo-conditions-link"];
const promoCases: PrecisionCase[] = [
	{
		id: "promo-footnote-nl",
		rules: PROMO,
		expect: {},
		files: campaignMail(
			"m",
			`<p>20% korting op alle tulpenbollen*</p><p>Hallo *|FNAME|*, de lente komt eraan.</p><p>*Actie geldig t/m 31 mei 2026, zolang de voorraad strekt. Niet geldig in combinatie met andere acties.</p>`,
			"esp: mailchimp\naudience:\n  countries: [NL]",
			"nl",
		),
	},
	{
		id: "promo-footnote-fr",
		rules: PROMO,
		expect: {},
		files: campaignMail(
			"m",
			`<p>-15 % sur tout le site*</p><p>*Offre valable du 1er au 15 juin 2026, hors articles soldés, dans la limite des stocks disponibles.</p>`,
			"audience:\n  countries: [FR]",
			"fr",
		),
	},
	{
		id: "promo-footnote-de",
		rules: PROMO,
		expect: {},
		files: campaignMail(
			"m",
			`<p>10 % Rabatt auf alle Stauden*</p><p>*Angebot gültig bis 30.06.2026, nur im Onlineshop, nicht mit anderen Gutscheinen kombinierbar.</p>`,
			"audience:\n  countries: [DE]",
			"de",
		),
	},
	{
		id: "promo-footnote-en",
		rules: PROMO,
		expect: {},
		files: campaignMail(
			"m",
			`<p>Get 25% off all roses*</p><p>*Offer valid until 31 May 2026 while stocks last. Excludes sale items.</p>`,
			"audience:\n  countries: [IE]",
			"en",
		),
	},
	{
		id: "promo-none-en",
		rules: PROMO,
		expect: { "promo-conditions-link": 1 },
		files: campaignMail("m", `<p>Get 25% off all roses this week!</p>`, "audience:\n  countries: [IE]", "en"),
	},
	{
		id: "promo-footnote-not-conditions-nl",
		rules: PROMO,
		expect: { "promo-conditions-link": 1 },
		files: campaignMail(
			"m",
			`<p>20% korting op alle tulpenbollen*</p><p>*Bekijk ons hele assortiment op de website.</p>`,
			"audience:\n  countries: [NL]",
			"nl",
		),
	},
];

/* The trade-register number. */
const KVK = ["require-company-number"];
const kvkCases: PrecisionCase[] = [
	{
		id: "kvk-handelsregister-phrase-nl",
		rules: KVK,
		expect: {},
		files: campaignMail(
			"m",
			`<p>Bedankt voor je bestelling {{ order.number }}.</p><p>Bloemenhuis De Linde B.V. is ingeschreven in het Handelsregister van de Kamer van Koophandel onder nummer 87654321.</p>`,
			"kind: transactional\naudience:\n  countries: [NL]",
			"nl",
		),
	},
	{
		id: "kvk-under-number-en",
		rules: KVK,
		expect: {},
		files: campaignMail(
			"m",
			`<p>Thanks for your order.</p><p>Linde Flowers B.V., registered with the Dutch Chamber of Commerce under number 87654321.</p>`,
			"kind: transactional\naudience:\n  countries: [NL]",
			"en",
		),
	},
	{
		id: "kvk-belgian-nl",
		rules: KVK,
		expect: {},
		files: campaignMail(
			"m",
			`<p>Bedankt voor je bestelling.</p><p>Tuincentrum De Linde BV · Ondernemingsnummer BE0123.456.789 · RPR Gent</p>`,
			"kind: transactional\naudience:\n  countries: [NL, BE]",
			"nl",
		),
	},
	{
		id: "kvk-belgian-fr",
		rules: KVK,
		expect: {},
		files: campaignMail(
			"m",
			`<p>Merci pour votre commande.</p><p>Jardinerie Dupont SRL – numéro d'entreprise 0123.456.789 – RPM Bruxelles</p>`,
			"kind: transactional\naudience:\n  countries: [NL, BE]",
			"fr",
		),
	},
	{
		id: "kvk-belgian-sidecar-nl",
		rules: KVK,
		expect: {},
		files: campaignMail(
			"m",
			`<p>Bedankt voor je bestelling.</p><p>Tuincentrum De Linde BV</p>`,
			"kind: transactional\nsender:\n  name: Tuincentrum De Linde BV\n  companyNumber: BE0123.456.789\naudience:\n  countries: [NL]",
			"nl",
		),
	},
	{
		id: "kvk-missing-nl",
		rules: KVK,
		expect: { "require-company-number": 1 },
		files: campaignMail(
			"m",
			`<p>Bedankt voor je bestelling.</p><p>Bloemenhuis De Linde B.V.</p>`,
			"kind: transactional\naudience:\n  countries: [NL]",
			"nl",
		),
	},
];

/* The postal address. */
const IDENTITY = ["require-sender-identity"];
const identityCases: PrecisionCase[] = [
	{
		id: "address-pobox-only-de",
		rules: IDENTITY,
		expect: { "require-sender-identity": 1 },
		files: campaignMail(
			"m",
			`<p>Neue Stauden. <a href="*|UNSUB|*">Abmelden</a></p><p>Gartenhaus Linde GmbH · Postfach 10 11 12 · 10115 Berlin</p>`,
			"esp: mailchimp\nsender:\n  name: Gartenhaus Linde GmbH\naudience:\n  countries: [DE]",
			"de",
		),
	},
	{
		id: "address-street-de",
		rules: IDENTITY,
		expect: {},
		files: campaignMail(
			"m",
			`<p>Neue Stauden.</p><p>Gartenhaus Linde GmbH · Lindenstraße 5 · 10969 Berlin</p>`,
			"sender:\n  name: Gartenhaus Linde GmbH\naudience:\n  countries: [DE]",
			"de",
		),
	},
	{
		id: "address-pobox-and-street-de",
		rules: IDENTITY,
		expect: {},
		files: campaignMail(
			"m",
			`<p>Neue Stauden.</p><p>Gartenhaus Linde GmbH · Postfach 10 11 12, 10115 Berlin · Lindenstraße 5, 10969 Berlin</p>`,
			"sender:\n  name: Gartenhaus Linde GmbH\naudience:\n  countries: [DE]",
			"de",
		),
	},
	{
		id: "address-pobox-us",
		rules: IDENTITY,
		expect: {},
		files: campaignMail(
			"m",
			`<p>Spring sale.</p><p>Acme Garden Supply, P.O. Box 1234, Springfield, IL 62701</p>`,
			"sender:\n  name: Acme Garden Supply\naudience:\n  countries: [US]",
			"en",
		),
	},
	{
		id: "address-pobox-fr-us",
		rules: IDENTITY,
		expect: {},
		files: campaignMail(
			"m",
			`<p>Soldes de printemps.</p><p>Acme Garden Supply, P.O. Box 1234, Springfield, IL 62701</p>`,
			"sender:\n  name: Acme Garden Supply\naudience:\n  countries: [US, FR]",
			"fr",
		),
	},
	{
		id: "address-postbus-de-nl",
		rules: IDENTITY,
		expect: { "require-sender-identity": 1 },
		files: campaignMail(
			"m",
			`<p>Neue Tulpen aus Holland.</p><p>Bloemenhuis De Linde B.V., Postbus 123, 3500 AC Utrecht</p>`,
			"sender:\n  name: Bloemenhuis De Linde B.V.\naudience:\n  countries: [NL, DE]",
			"de",
		),
	},
];

/* Sensitive segments and list sources (sidecars only). */
const SENSITIVE = ["sensitive-audience-consent"];
const segment = (name: string, extra = "") => ({
	"c.campaign.yaml": sidecar(`audience:\n  countries: [NL]\n  segments:\n    - name: "${name}"\n${extra}`),
});
const sensitiveCases: PrecisionCase[] = [
	{
		id: "health-prep-en",
		rules: SENSITIVE,
		expect: { "sensitive-audience-consent": 1 },
		files: segment("PrEP reminder list"),
	},
	{
		id: "health-hiv-selftest-nl",
		rules: SENSITIVE,
		expect: { "sensitive-audience-consent": 1 },
		files: segment("Kopers hiv-zelftest"),
	},
	{
		id: "health-insulin-de",
		rules: SENSITIVE,
		expect: { "sensitive-audience-consent": 1 },
		files: segment("Kunden Insulinpumpen-Zubehör"),
	},
	{
		id: "health-prep-fr",
		rules: SENSITIVE,
		expect: { "sensitive-audience-consent": 1 },
		files: segment("Utilisateurs PrEP 2026"),
	},
	{
		id: "health-ivf-en",
		rules: SENSITIVE,
		expect: { "sensitive-audience-consent": 1 },
		files: segment("IVF clinic enquiries"),
	},
	{ id: "health-prep-word-trap-en", rules: SENSITIVE, expect: {}, files: segment("Meal prep fans") },
	{ id: "plant-gay-feather-en", rules: SENSITIVE, expect: {}, files: segment("Gay Feather buyers") },
	{ id: "plant-gay-feather-nl", rules: SENSITIVE, expect: {}, files: segment("Kopers Liatris 'Gay Feather'") },
	{ id: "plant-gay-feather-de", rules: SENSITIVE, expect: {}, files: segment("Prachtscharte (Gay Feather) Samen") },
	{
		id: "orientation-gay-pride-en",
		rules: SENSITIVE,
		expect: { "sensitive-audience-consent": 1 },
		files: segment("Gay pride 2026 attendees"),
	},
	{
		id: "orientation-gay-members-fr",
		rules: SENSITIVE,
		expect: { "sensitive-audience-consent": 1 },
		files: segment("Association gay de Lyon"),
	},
];

const HARVEST = ["no-harvested-addresses"];
const listName = (name: string) => ({ "c.campaign.yaml": sidecar(`audience:\n  countries: [NL]\n  name: "${name}"`) });
const listSourceCases: PrecisionCase[] = [
	{
		id: "source-kvk-export-nl",
		rules: HARVEST,
		expect: { "no-harvested-addresses": 1 },
		files: listName("KvK-export bouwbedrijven Utrecht"),
	},
	{
		id: "source-handelsregister-de",
		rules: HARVEST,
		expect: { "no-harvested-addresses": 1 },
		files: listName("Handelsregister-Auszug Maschinenbau NRW"),
	},
	{
		id: "source-companies-house-en",
		rules: HARVEST,
		expect: { "no-harvested-addresses": 1 },
		files: listName("Companies House export London"),
	},
	{
		id: "source-registre-fr",
		rules: HARVEST,
		expect: { "no-harvested-addresses": 1 },
		files: listName("Extraction registre du commerce Lyon"),
	},
	{
		id: "source-kvk-customers-trap-nl",
		rules: HARVEST,
		expect: {},
		files: listName("Zakelijke klanten met KvK-nummer"),
	},
	{
		id: "source-rented-list-nl",
		// Before: no-harvested-addresses and require-lawful-basis both said "nobody consented (ePrivacy 13(1), Tw 11.7)".
		rules: ["no-harvested-addresses", "disclose-third-party", "require-lawful-basis", "list-hygiene"],
		expect: { "no-harvested-addresses": 1 },
		files: {
			"m.html": mail(
				`<p>Nieuwe tulpen. <a href="*|UNSUB|*">Afmelden</a></p><p>Je ontvangt deze mail omdat je adres voorkomt in het bestand van Adresdata B.V.</p>`,
				"nl",
			),
			"m.campaign.yaml": sidecar(
				`esp: mailchimp\naudience:\n  countries: [NL]\n  source: purchased\n  name: "Gehuurd bestand Adresdata"\n  owner: "Adresdata B.V."\n  lastCleaned: 2026-11-01`,
			),
		},
	},
	{
		id: "source-rented-soft-opt-in-de",
		rules: ["no-harvested-addresses", "require-lawful-basis"],
		expect: { "no-harvested-addresses": 1 },
		files: {
			"c.campaign.yaml": sidecar(
				`audience:\n  countries: [DE]\n  source: purchased\n  name: "Gemietete Adressen Gartenfreunde"\nlawfulBasis: soft-opt-in`,
			),
		},
	},
	{
		id: "source-own-no-basis-fr",
		rules: ["no-harvested-addresses", "require-lawful-basis"],
		expect: { "require-lawful-basis": 1 },
		files: {
			"c.campaign.yaml": sidecar(
				`audience:\n  countries: [FR]\n  source: signup-form\n  name: "Lettre d'information jardin"`,
			),
		},
	},
];

/* A preference page that restores the subscriber's own choice. */
const PRECHECK = ["no-prechecked-consent"];
const prefPage = (lang: string, box: string) =>
	signup(
		`<form action="https://prefs.example.org/save" method="post">\n<input type="email" name="email" value="{{ subscriber.email }}">\n${box}\n<button>Save</button>\n</form>`,
		lang,
	);
const precheckCases: PrecisionCase[] = [
	{
		id: "prefs-liquid-en",
		rules: PRECHECK,
		expect: {},
		files: {
			"prefs.html": prefPage(
				"en",
				`<label><input type="checkbox" name="newsletter" {% if subscriber.newsletter %}checked{% endif %}> Send me the newsletter</label>`,
			),
		},
	},
	{
		id: "prefs-handlebars-nl",
		rules: PRECHECK,
		expect: {},
		files: {
			"prefs.html": prefPage(
				"nl",
				`<label><input type="checkbox" name="aanbiedingen" {{#if prefs.offers}}checked{{/if}}> Ja, stuur mij aanbiedingen</label>`,
			),
		},
	},
	{
		id: "prefs-mailchimp-de",
		rules: PRECHECK,
		expect: {},
		files: {
			"prefs.html": prefPage(
				"de",
				`<label><input type="checkbox" name="angebote" *|IF:ANGEBOTE|*checked*|END:IF|*> Ich möchte Angebote per E-Mail erhalten</label>`,
			),
		},
	},
	{
		id: "prefs-jinja-fr",
		rules: PRECHECK,
		expect: {},
		files: {
			"prefs.html": prefPage(
				"fr",
				`<label><input type="checkbox" name="offres" {% if contact.offres == "oui" %}checked{% endif %}> Je souhaite recevoir les offres</label>`,
			),
		},
	},
	{
		id: "prefs-unless-nl",
		rules: PRECHECK,
		expect: { "no-prechecked-consent": 1 },
		files: {
			"prefs.html": prefPage(
				"nl",
				`<label><input type="checkbox" name="nieuwsbrief" {% unless contact.afgemeld %}checked{% endunless %}> Ja, stuur mij de nieuwsbrief</label>`,
			),
		},
	},
	{
		id: "prefs-plain-checked-en",
		rules: PRECHECK,
		expect: { "no-prechecked-consent": 1 },
		files: {
			"prefs.html": prefPage(
				"en",
				`<label><input type="checkbox" name="newsletter" checked> Send me the newsletter</label>`,
			),
		},
	},
];

export const PRECISION_CASES: readonly PrecisionCase[] = [
	...optOutCases,
	...formCases,
	...promoCases,
	...kvkCases,
	...identityCases,
	...sensitiveCases,
	...listSourceCases,
	...precheckCases,
];
