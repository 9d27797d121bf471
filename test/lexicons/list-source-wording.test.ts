import { describe, expect, it } from "vitest";
import { matchListSource } from "../../src/lexicons/list-source-wording.js";

describe("list-source wording", () => {
	it.each([
		["Gekocht bestand 2024", "purchased", "nl"],
		["adressenbestand gekocht", "purchased", "nl"],
		["Gehuurde lijst", "purchased", "nl"],
		["purchased list", "purchased", "en"],
		["Rented e-mail addresses", "purchased", "en"],
		["gekaufte Adressen", "purchased", "de"],
		["Adresskauf 2025", "purchased", "de"],
		["fichier acheté", "purchased", "fr"],
		["Location de fichiers B2B", "purchased", "fr"],
		["Google Maps export", "scraped", "en"],
		["LinkedIn export", "scraped", "en"],
		["gescrapete leads", "scraped", "nl"],
		["KvK-bestand Utrecht", "scraped", "nl"],
		// exports and extracts of trade and company registers
		["KvK-export bouwbedrijven Utrecht", "scraped", "en"],
		["KvK export 2026", "scraped", "en"],
		["Handelsregister-Auszug Maschinenbau NRW", "scraped", "en"],
		["Handelsregisterauszug Köln", "scraped", "en"],
		["Companies House export London", "scraped", "en"],
		["Extraction registre du commerce Lyon", "scraped", "en"],
		["Extrait Kbis prospects", "scraped", "en"],
		["Lead list", "ambiguous", "en"],
		["liste de prospects", "ambiguous", "fr"],
	])("%s → %s", (text, kind, lang) => {
		expect(matchListSource(text)).toMatchObject({ kind, lang });
	});

	it.each([
		// a register number or the register's name is not a list source
		"Zakelijke klanten met KvK-nummer",
		"Kunden mit Handelsregistereintrag",
		"leads from our webinar sign-up",
		"Webinar leads",
		"Purchased in the last 90 days",
		"Klanten die gekocht hebben",
		"Kunden, die gekauft haben",
		"Clients ayant acheté",
		"Google Maps reviewers",
		"LinkedIn Lead Gen Form",
		"Website export",
		"Broker list",
		"Rental customers",
		"Paid members",
		"Aspire members",
		"Kerkstraat bewoners",
		"",
	])("%s is no finding", (text) => {
		expect(matchListSource(text)).toBeUndefined();
	});
});
