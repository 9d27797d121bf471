/**
 * A second labelled set, written after the fixes of issue #13 and run once
 * before any further change: its first score is the honest one (the cases
 * in `cases.ts` were the development set). Same spirit: nl, en, de, fr,
 * ESP merge tags, traps.
 *
 * First run (39 cases): TP 20, FP 2, FN 0, precision 0.91, recall 1.00. The
 * two false positives were `require-unsubscribe` on "If you'd rather not hear
 * from us, reply with REMOVE" (invitation wording missing) and on a typo in a
 * text tag (`{% unsubscribe 'Afmelden' }`), reported by `esp-merge-tags` too;
 * both fixed in the shared analysis and lexicon.
 */
import type { PrecisionCase } from "./cases.js";

const doc = (body: string, lang: string) => `<!DOCTYPE html>\n<html lang="${lang}"><body>\n${body}\n</body></html>\n`;
const mjml = (text: string, lang: string) =>
	`<mjml lang="${lang}">\n<mj-body>\n<mj-section><mj-column>\n<mj-text>${text}</mj-text>\n</mj-column></mj-section>\n</mj-body>\n</mjml>\n`;
const withSidecar = (template: string, yaml: string, extension = "html") => ({
	[`m.${extension}`]: template,
	"m.campaign.yaml": `${yaml.trim()}\n`,
});
const sidecarOnly = (yaml: string) => ({ "c.campaign.yaml": `${yaml.trim()}\n` });

const OPT_OUT = ["require-unsubscribe", "esp-merge-tags", "no-hidden-unsubscribe"];
const FORM = ["form-privacy-notice", "no-prechecked-consent", "no-bundled-consent"];

export const HOLDOUT_CASES: readonly PrecisionCase[] = [
	// Opt-outs
	{
		id: "h-unsub-reply-remove-en",
		rules: OPT_OUT,
		expect: {},
		files: withSidecar(
			doc(
				`<p>Hi {{ first_name }}, our autumn catalogue is out.</p><p>If you'd rather not hear from us, reply with REMOVE and we'll take you off the list.</p>`,
				"en",
			),
			"esp: sendgrid\naudience:\n  countries: [US]",
		),
	},
	{
		id: "h-unsub-write-nl-mjml",
		rules: OPT_OUT,
		expect: {},
		files: withSidecar(
			mjml(
				`Nieuw: de wintercollectie.<br>Wil je deze e-mails niet meer ontvangen? Mail ons op uitschrijven@wolwinkel-debol.nl`,
				"nl",
			),
			"audience:\n  countries: [NL, BE]",
			"mjml",
		),
	},
	{
		id: "h-unsub-antworten-de",
		rules: OPT_OUT,
		expect: {},
		files: withSidecar(
			doc(
				`<p>Hallo *|FNAME|*, neue Kurse sind online.</p><p>Kein Interesse mehr? Antworten Sie einfach mit „Abmelden“.</p>`,
				"de",
			),
			"esp: mailchimp\naudience:\n  countries: [DE]",
		),
	},
	{
		id: "h-unsub-ecrivez-fr",
		rules: OPT_OUT,
		expect: {},
		files: withSidecar(
			doc(
				`<p>Nos ateliers de printemps.</p><p>Pour ne plus recevoir nos e-mails, écrivez-nous à desinscription@atelier-rose.fr</p>`,
				"fr",
			),
			"audience:\n  countries: [FR]",
		),
	},
	{
		id: "h-unsub-support-address-de",
		rules: OPT_OUT,
		expect: { "require-unsubscribe": 1 },
		files: withSidecar(
			doc(`<p>Neue Kurse sind online.</p><p>Fragen? Schreiben Sie an support@kursportal.de</p>`, "de"),
			"audience:\n  countries: [DE]",
		),
	},
	{
		id: "h-unsub-reply-feedback-fr",
		rules: OPT_OUT,
		expect: { "require-unsubscribe": 1 },
		files: withSidecar(
			doc(`<p>Nos ateliers de printemps.</p><p>Une question ? Répondez à cet e-mail, nous lisons tout.</p>`, "fr"),
			"audience:\n  countries: [FR]",
		),
	},
	{
		id: "h-unsub-typo-mailgun-en",
		rules: OPT_OUT,
		expect: { "esp-merge-tags": 1 },
		files: withSidecar(
			doc(`<p>Autumn catalogue.</p><p><a href="%unsubscribe_url">Unsubscribe</a></p>`, "en"),
			"esp: mailgun\naudience:\n  countries: [GB]",
		),
	},
	{
		id: "h-unsub-typo-klaviyo-nl",
		rules: OPT_OUT,
		expect: { "esp-merge-tags": 1 },
		files: withSidecar(
			doc(`<p>Herfstcatalogus.</p><p>{% unsubscribe 'Afmelden' }</p>`, "nl"),
			"esp: klaviyo\naudience:\n  countries: [NL]",
		),
	},
	{
		id: "h-unsub-brevo-in-activecampaign-de",
		rules: OPT_OUT,
		expect: { "esp-merge-tags": 1 },
		files: withSidecar(
			doc(`<p>Herbstkatalog.</p><p><a href="{{ unsubscribe }}">Abmelden</a></p>`, "de"),
			"esp: activecampaign\naudience:\n  countries: [DE]",
		),
	},
	{
		id: "h-unsub-sendgrid-in-mailchimp-fr",
		rules: OPT_OUT,
		expect: { "esp-merge-tags": 1 },
		files: withSidecar(
			doc(`<p>Catalogue d'automne.</p><p><a href="<%asm_group_unsubscribe_raw_url%>">Se désabonner</a></p>`, "fr"),
			"esp: mailchimp\naudience:\n  countries: [FR]",
		),
	},
	{
		id: "h-unsub-generic-curly-in-sendgrid-en",
		rules: OPT_OUT,
		expect: {},
		files: withSidecar(
			doc(`<p>Autumn catalogue.</p><p><a href="{{ unsubscribe }}">Unsubscribe</a></p>`, "en"),
			"esp: sendgrid\naudience:\n  countries: [GB]",
		),
	},
	{
		id: "h-unsub-hidden-address-nl",
		rules: OPT_OUT,
		expect: { "no-hidden-unsubscribe": 1 },
		files: withSidecar(
			doc(`<p>Herfstcatalogus.</p><p style="display:none">Afmelden? Mail naar afmelden@wolwinkel.nl</p>`, "nl"),
			"audience:\n  countries: [NL]",
		),
	},

	// Sign-up pages
	{
		id: "h-form-purpose-nl-verwerken",
		rules: FORM,
		expect: {},
		files: {
			"aanmelden.html": doc(
				`<h2>Blijf op de hoogte</h2><p>Wij verwerken uw e-mailadres om u te informeren over onze concerten.</p><form action="https://zaal.nl/s" method="post"><input type="email" name="email" aria-label="E-mailadres"><button>Aanmelden</button></form><p><a href="https://zaal.nl/privacy">Privacyverklaring</a></p>`,
				"nl",
			),
		},
	},
	{
		id: "h-form-purpose-de-nutzen",
		rules: FORM,
		expect: {},
		files: {
			"anmelden.html": doc(
				`<h2>Bleiben Sie informiert</h2><p>Wir nutzen deine E-Mail-Adresse, um dich über neue Kurse zu informieren.</p><form action="https://kurse.de/s" method="post"><input type="email" name="email" aria-label="E-Mail"><button>Anmelden</button></form><p><a href="https://kurse.de/datenschutz">Datenschutz</a></p>`,
				"de",
			),
		},
	},
	{
		id: "h-form-weekly-en",
		rules: FORM,
		expect: {},
		files: {
			"signup.html": doc(
				`<h2>Get the Sunday letter</h2><p>A weekly newsletter about local food.</p><form action="https://food.example.org/s" method="post"><input type="email" name="email" aria-label="Email"><button>Join</button></form><p><a href="https://food.example.org/privacy">Privacy</a></p>`,
				"en",
			),
		},
	},
	{
		id: "h-form-hebdo-fr",
		rules: FORM,
		expect: {},
		files: {
			"inscription.html": doc(
				`<h2>Notre lettre d'information</h2><p>Hebdomadaire, sans publicité.</p><form action="https://jardin.fr/s" method="post"><input type="email" name="email" aria-label="Courriel"><button>OK</button></form><p><a href="https://jardin.fr/confidentialite">Politique de confidentialité</a></p>`,
				"fr",
			),
		},
	},
	{
		id: "h-form-no-purpose-fr",
		rules: FORM,
		expect: { "form-privacy-notice": 1 },
		files: {
			"inscription.html": doc(
				`<h2>Restez connecté</h2><form action="https://jardin.fr/s" method="post"><input type="email" name="email" aria-label="Courriel"><button>OK</button></form><p><a href="https://jardin.fr/confidentialite">Politique de confidentialité</a></p>`,
				"fr",
			),
		},
	},
	{
		id: "h-form-no-privacy-en",
		rules: FORM,
		expect: { "form-privacy-notice": 1 },
		files: {
			"signup.html": doc(
				`<h2>Newsletter</h2><p>We'll send you our monthly newsletter.</p><form action="https://food.example.org/s" method="post"><input type="email" name="email" aria-label="Email"><button>Join</button></form>`,
				"en",
			),
		},
	},
	{
		id: "h-prefs-jinja-interests-de",
		rules: FORM,
		expect: {},
		files: {
			"praeferenzen.html": doc(
				`<p><a href="https://kurse.de/datenschutz">Datenschutz</a></p><form action="https://kurse.de/prefs" method="post"><input type="email" name="email" value="{{ contact.email }}"><p>Wir verwenden Ihre Angaben, um Ihnen die gewählten Newsletter zu senden.</p><label><input type="checkbox" name="kurse" {% if contact.interessen.kurse %}checked{% endif %}> Newsletter zu neuen Kursen</label><button>Speichern</button></form>`,
				"de",
			),
		},
	},
	{
		id: "h-prefs-prechecked-fr",
		rules: FORM,
		expect: { "no-prechecked-consent": 1 },
		files: {
			"preferences.html": doc(
				`<p><a href="https://jardin.fr/confidentialite">Confidentialité</a></p><form action="https://jardin.fr/prefs" method="post"><input type="email" name="email"><p>Pour vous envoyer nos offres.</p><label><input type="checkbox" name="offres" checked> Je souhaite recevoir les offres</label><button>OK</button></form>`,
				"fr",
			),
		},
	},

	// Offers
	{
		id: "h-promo-footnote-mjml-nl",
		rules: ["promo-conditions-link"],
		expect: {},
		files: withSidecar(
			mjml(
				`Gratis bezorging bij elke bestelling*<br><br>*Geldig tot en met 30 november 2026, alleen online, minimale besteding € 25.`,
				"nl",
			),
			"audience:\n  countries: [NL]",
			"mjml",
		),
	},
	{
		id: "h-promo-footnote-doubleasterisk-de",
		rules: ["promo-conditions-link"],
		expect: {},
		files: withSidecar(
			doc(
				`<p>Gewinnen Sie einen Kochkurs!**</p><p>**Aktion gültig bis 15.12.2026. Teilnahme ab 18 Jahren, einmal pro Kunde.</p>`,
				"de",
			),
			"audience:\n  countries: [DE]",
		),
	},
	{
		id: "h-promo-no-conditions-fr",
		rules: ["promo-conditions-link"],
		expect: { "promo-conditions-link": 1 },
		files: withSidecar(
			doc(`<p>Jeu-concours : gagnez un panier garni !</p><p>*Photo non contractuelle.</p>`, "fr"),
			"audience:\n  countries: [FR]",
		),
	},

	// Company number and address
	{
		id: "h-kvk-ingeschreven-kvk-nl",
		rules: ["require-company-number"],
		expect: {},
		files: withSidecar(
			doc(
				`<p>Je factuur {{ invoice.number }} staat klaar.</p><p>Wolwinkel De Bol V.O.F., ingeschreven bij de Kamer van Koophandel onder nummer 12345678</p>`,
				"nl",
			),
			"kind: transactional\naudience:\n  countries: [NL]",
		),
	},
	{
		id: "h-kvk-belgian-btw-nl",
		rules: ["require-company-number"],
		expect: {},
		files: withSidecar(
			doc(`<p>Je factuur staat klaar.</p><p>Wolwinkel De Bol BV – BTW BE 0987.654.321 – Antwerpen</p>`, "nl"),
			"kind: transactional\naudience:\n  countries: [NL, BE]",
		),
	},
	{
		id: "h-kvk-missing-en",
		rules: ["require-company-number"],
		expect: { "require-company-number": 1 },
		files: withSidecar(
			doc(`<p>Your invoice is ready.</p><p>Wool Shop De Bol B.V., Amsterdam</p>`, "en"),
			"kind: transactional\naudience:\n  countries: [NL]",
		),
	},
	{
		id: "h-address-postfach-at-de",
		rules: ["require-sender-identity"],
		expect: { "require-sender-identity": 1 },
		files: withSidecar(
			doc(
				`<p>Neue Kurse. <a href="{{ unsubscribe }}">Abmelden</a></p><p>Kursportal GmbH, Postfach 1234, 80331 München</p>`,
				"de",
			),
			"esp: brevo\nsender:\n  name: Kursportal GmbH\naudience:\n  countries: [DE, AT]",
		),
	},
	{
		id: "h-address-street-de",
		rules: ["require-sender-identity"],
		expect: {},
		files: withSidecar(
			doc(`<p>Neue Kurse.</p><p>Kursportal GmbH, Sendlinger Straße 12, 80331 München</p>`, "de"),
			"sender:\n  name: Kursportal GmbH\naudience:\n  countries: [DE]",
		),
	},
	{
		id: "h-address-pobox-ca",
		rules: ["require-sender-identity"],
		expect: {},
		files: withSidecar(
			doc(`<p>New courses.</p><p>Course Portal Inc., PO Box 500, Station A, Toronto ON M5W 1E6</p>`, "en"),
			"sender:\n  name: Course Portal Inc.\naudience:\n  countries: [CA]",
		),
	},

	// Sensitive segments and list sources
	{
		id: "h-health-glucose-en",
		rules: ["sensitive-audience-consent"],
		expect: { "sensitive-audience-consent": 1 },
		files: sidecarOnly(`audience:\n  countries: [IE]\n  segments:\n    - name: "Glucose monitor subscribers"`),
	},
	{
		id: "h-health-ivf-nl",
		rules: ["sensitive-audience-consent"],
		expect: { "sensitive-audience-consent": 1 },
		files: sidecarOnly(`audience:\n  countries: [NL]\n  segments:\n    - name: "IVF-traject nieuwsbrief"`),
	},
	{
		id: "h-health-stomie-fr",
		rules: ["sensitive-audience-consent"],
		expect: { "sensitive-audience-consent": 1 },
		files: sidecarOnly(`audience:\n  countries: [FR]\n  segments:\n    - name: "Clients matériel de stomie"`),
	},
	{
		id: "h-plant-turkish-tulips-en",
		rules: ["sensitive-audience-consent"],
		expect: {},
		files: sidecarOnly(`audience:\n  countries: [GB]\n  segments:\n    - name: "Turkish tulip bulbs buyers"`),
	},
	{
		id: "h-plant-gay-feather-fr",
		rules: ["sensitive-audience-consent"],
		expect: {},
		files: sidecarOnly(
			`audience:\n  countries: [FR]\n  segments:\n    - name: "Acheteurs Liatris Gay Feather plantes vivaces"`,
		),
	},
	{
		id: "h-orientation-lgbt-nl",
		rules: ["sensitive-audience-consent"],
		expect: { "sensitive-audience-consent": 1 },
		files: sidecarOnly(`audience:\n  countries: [NL]\n  segments:\n    - name: "LHBTI+ lezers"`),
	},
	{
		id: "h-source-northdata-de",
		rules: ["no-harvested-addresses"],
		expect: { "no-harvested-addresses": 1 },
		files: sidecarOnly(`audience:\n  countries: [DE]\n  name: "North Data Export Handwerk"`),
	},
	{
		id: "h-source-kvk-uittreksel-nl",
		rules: ["no-harvested-addresses"],
		expect: { "no-harvested-addresses": 1 },
		files: sidecarOnly(`audience:\n  countries: [NL]\n  name: "KvK uittreksel horeca Amsterdam"`),
	},
	{
		id: "h-source-own-b2b-en",
		rules: ["no-harvested-addresses"],
		expect: {},
		files: sidecarOnly(
			`audience:\n  countries: [GB]\n  source: own-customers\n  name: "Trade customers (Companies House verified)"`,
		),
	},
	{
		id: "h-source-scraped-basis-fr",
		rules: ["no-harvested-addresses", "require-lawful-basis"],
		expect: { "no-harvested-addresses": 1 },
		files: sidecarOnly(`audience:\n  countries: [FR]\n  source: scraped\nlawfulBasis: legitimate-interest`),
	},
];

/**
 * A third set, written after the second was fixed and run once as written.
 * First run (16 cases): TP 8, FP 1, FN 0, precision 0.89, recall 1.00. The
 * false positive: "Kurdish bean seeds buyers" (the thing noun came two words
 * after the sensitive one); fixed by looking two words ahead, stopping at a
 * person noun.
 */
export const HOLDOUT_CASES_2: readonly PrecisionCase[] = [
	{
		id: "h2-unsub-reply-nl",
		rules: OPT_OUT,
		expect: {},
		files: withSidecar(
			doc(
				`<p>Hoi {{ voornaam }}, de nieuwe koffiebonen zijn binnen.</p><p>Wil je geen mails meer van ons? Beantwoord deze mail met "stop".</p>`,
				"nl",
			),
			"esp: brevo\naudience:\n  countries: [NL]",
		),
	},
	{
		id: "h2-unsub-address-en-ca",
		rules: OPT_OUT,
		expect: {},
		files: withSidecar(
			doc(`<p>New roasts are in.</p><p>To opt out of future emails, write to optout@maple-coffee.ca.</p>`, "en"),
			"audience:\n  countries: [CA]",
		),
	},
	{
		id: "h2-unsub-none-privacy-address-de",
		rules: OPT_OUT,
		expect: { "require-unsubscribe": 1 },
		files: withSidecar(
			doc(`<p>Neue Röstungen sind da.</p><p>Datenschutz: datenschutz@roesterei-linde.de</p>`, "de"),
			"audience:\n  countries: [DE]",
		),
	},
	{
		id: "h2-unsub-iterable-in-mailchimp-fr",
		rules: OPT_OUT,
		expect: { "esp-merge-tags": 1 },
		files: withSidecar(
			doc(`<p>Nouveaux cafés.</p><p><a href="{{unsubscribeUrl}}">Se désabonner</a></p>`, "fr"),
			"esp: mailchimp\naudience:\n  countries: [FR]",
		),
	},
	{
		id: "h2-unsub-mandrill-typo-en",
		rules: OPT_OUT,
		expect: { "esp-merge-tags": 1 },
		files: withSidecar(
			doc(`<p>New roasts.</p><p><a href="*|UNSUB*">Unsubscribe</a></p>`, "en"),
			"esp: mandrill\naudience:\n  countries: [GB]",
		),
	},
	{
		id: "h2-form-purpose-fr-tu",
		rules: FORM,
		expect: {},
		files: {
			"inscription.html": doc(
				`<h2>La lettre du torréfacteur</h2><p>On utilise ton adresse e-mail pour t'envoyer nos nouveautés, deux fois par mois.</p><form action="https://cafe.fr/s" method="post"><input type="email" name="email" aria-label="E-mail"><button>OK</button></form><p><a href="https://cafe.fr/confidentialite">Confidentialité</a></p>`,
				"fr",
			),
		},
	},
	{
		id: "h2-form-newsletter-daily-de",
		rules: FORM,
		expect: {},
		files: {
			"anmelden.html": doc(
				`<h2>Unser Newsletter</h2><p>Täglich ein Kaffeetipp.</p><form action="https://kaffee.de/s" method="post"><input type="email" name="email" aria-label="E-Mail"><button>OK</button></form><p><a href="https://kaffee.de/datenschutz">Datenschutzerklärung</a></p>`,
				"de",
			),
		},
	},
	{
		id: "h2-form-contact-no-purpose-nl",
		rules: FORM,
		expect: { "form-privacy-notice": 1 },
		files: {
			"contact.html": doc(
				`<h2>Contact</h2><form action="https://koffie.nl/contact" method="post"><input type="email" name="email" aria-label="E-mailadres"><textarea name="vraag"></textarea><button>Verstuur</button></form><p><a href="https://koffie.nl/privacy">Privacy</a></p>`,
				"nl",
			),
		},
	},
	{
		id: "h2-prefs-if-en",
		rules: FORM,
		expect: {},
		files: {
			"preferences.html": doc(
				`<p><a href="https://coffee.example.org/privacy">Privacy</a></p><form action="https://coffee.example.org/prefs" method="post"><input type="email" name="email" value="{{ subscriber.email }}"><p>We use your email address only to send you the newsletters you choose.</p><label><input type="checkbox" name="offers" {% if subscriber.offers %}checked{% endif %}> Special offers</label><button>Save</button></form>`,
				"en",
			),
		},
	},
	{
		id: "h2-promo-footnote-fr-hors",
		rules: ["promo-conditions-link"],
		expect: {},
		files: withSidecar(
			doc(
				`<p>Livraison offerte dès 30 €*</p><p>* Offre valable jusqu'au 31/12/2026 en France métropolitaine, hors café en grains 5 kg.</p>`,
				"fr",
			),
			"audience:\n  countries: [FR]",
		),
	},
	{
		id: "h2-promo-contest-no-terms-nl",
		rules: ["promo-conditions-link"],
		expect: { "promo-conditions-link": 1 },
		files: withSidecar(
			doc(`<p>Maak kans op een jaar gratis koffie!</p><p>Doe mee via onze website.</p>`, "nl"),
			"audience:\n  countries: [NL]",
		),
	},
	{
		id: "h2-kvk-number-colon-nl",
		rules: ["require-company-number"],
		expect: {},
		files: withSidecar(
			doc(
				`<p>Je bestelling is onderweg.</p><p>Koffiebranderij Linde B.V. · Handelsregister KvK-nummer: 87654321</p>`,
				"nl",
			),
			"kind: transactional\naudience:\n  countries: [NL]",
		),
	},
	{
		id: "h2-address-boite-postale-fr-de",
		rules: ["require-sender-identity"],
		expect: { "require-sender-identity": 1 },
		files: withSidecar(
			doc(`<p>Neue Röstungen.</p><p>Torréfaction Dupont SAS, BP 123, 69002 Lyon</p>`, "de"),
			"sender:\n  name: Torréfaction Dupont SAS\naudience:\n  countries: [DE, FR]",
		),
	},
	{
		id: "h2-health-hearing-nl",
		rules: ["sensitive-audience-consent"],
		expect: { "sensitive-audience-consent": 1 },
		files: sidecarOnly(`audience:\n  countries: [NL]\n  segments:\n    - name: "Klanten hoortoestellen 2026"`),
	},
	{
		id: "h2-plant-kurdish-seeds-en",
		rules: ["sensitive-audience-consent"],
		expect: {},
		files: sidecarOnly(`audience:\n  countries: [GB]\n  segments:\n    - name: "Kurdish bean seeds buyers"`),
	},
	{
		id: "h2-source-kbo-export-nl",
		rules: ["no-harvested-addresses"],
		expect: { "no-harvested-addresses": 1 },
		files: sidecarOnly(`audience:\n  countries: [BE]\n  name: "KBO-export bakkerijen Gent"`),
	},
];
