import { describe, expect, it } from "vitest";
import { PRIVACY_LEXICON, matchPrivacyWording, urlLooksLikePrivacy } from "../../src/lexicons/privacy-wording.js";
import type { WordingLanguage } from "../../src/lexicons/unsubscribe-wording.js";

describe("matchPrivacyWording", () => {
	const positives: Array<[string, WordingLanguage]> = [
		["Privacy", "en"],
		["Privacy policy", "en"],
		["Privacy Notice", "en"],
		["Data protection", "en"],
		["Privacyverklaring", "nl"],
		["Lees ons privacybeleid", "nl"],
		["privacystatement", "nl"],
		["Datenschutz", "de"],
		["Datenschutzerklärung", "de"],
		["datenschutzerklarung", "de"],
		["Datenschutzhinweise", "de"],
		["Politique de confidentialité", "fr"],
		["politique de confidentialite", "fr"],
		["Confidentialité", "fr"],
		["Vie privée", "fr"],
		["Política de privacidad", "es"],
		["Aviso de privacidad", "es"],
		["Informativa sulla privacy", "it"],
		["Protezione dei dati", "it"],
		["Política de privacidade", "pt"],
		["Proteção de dados", "pt"],
		["Polityka prywatności", "pl"],
		["prywatnosc", "pl"],
		["Integritetspolicy", "sv"],
		["Personuppgiftspolicy", "sv"],
		["Privatlivspolitik", "da"],
		["Persondatapolitik", "da"],
	];
	it.each(positives)("%s → %s", (text, lang) => {
		expect(matchPrivacyWording(text)).toMatchObject({ lang });
	});

	it.each([
		"Private sale",
		"Privat",
		"Privatkunden",
		"Confidential",
		"Integritet",
		"Terms and conditions",
		"Algemene voorwaarden",
		"AGB",
		"Impressum",
		"Unsubscribe",
		"",
	])("%j is not privacy wording", (text) => {
		expect(matchPrivacyWording(text)).toBeUndefined();
	});

	it("covers every supported language", () => {
		for (const lang of ["nl", "en", "de", "fr", "es", "it", "pt", "pl", "sv", "da"] as const) {
			expect(
				PRIVACY_LEXICON.phrases.some((entry) => entry.lang === lang),
				lang,
			).toBe(true);
		}
	});
});

describe("urlLooksLikePrivacy", () => {
	it.each([
		"https://example.com/privacy",
		"https://example.com/privacy-policy",
		"https://example.com/nl/privacyverklaring",
		"https://example.com/datenschutz",
		"https://example.com/de/datenschutzerklaerung",
		"https://example.com/fr/confidentialite",
		"https://example.com/fr/politique-de-confidentialit%C3%A9",
		"https://example.com/es/politica-de-privacidad",
		"https://example.com/pl/polityka-prywatnosci",
		"https://example.com/sv/integritetspolicy",
		"https://example.com/da/privatlivspolitik",
		"https://example.com/legal?page=privacy",
		"https://example.com/gdpr",
		"/privacy.html",
	])("%s looks like a privacy statement", (url) => {
		expect(urlLooksLikePrivacy(url)).toBe(true);
	});

	it.each([
		"https://privacy.example.com/",
		"https://datenschutz.example.de",
		"https://example.com/#privacy",
		"https://example.com/private-sale",
		"https://example.com/terms",
		"mailto:privacy@example.com",
		"",
	])("%s does not", (url) => {
		expect(urlLooksLikePrivacy(url)).toBe(false);
	});
});

describe("linear time on 1 MB adversarial inputs", () => {
	it("matchPrivacyWording and urlLooksLikePrivacy return", () => {
		for (const input of [
			"a".repeat(1_000_000),
			"privac".repeat(170_000),
			" ".repeat(1_000_000),
			"datenschutz".repeat(90_000),
			"politique de ".repeat(80_000),
		]) {
			matchPrivacyWording(input);
			urlLooksLikePrivacy(input);
			urlLooksLikePrivacy(`https://example.com/${input}`);
		}
		expect(matchPrivacyWording(`${"x ".repeat(500_000)}privacy`)).toMatchObject({ lang: "en" });
	});
});
