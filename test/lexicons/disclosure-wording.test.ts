import { describe, expect, test } from "vitest";
import {
	matchImprintWording,
	matchOnBehalfWording,
	matchReasonWording,
} from "../../src/lexicons/disclosure-wording.js";

describe("matchOnBehalfWording", () => {
	test.each([
		["Deze e-mail wordt namens Bakkerij de Vries verstuurd door Mailhuis.", "nl"],
		["Verzonden in opdracht van Drukkerij Smit", "nl"],
		["Sent by Mailhouse on behalf of Contoso Outlet", "en"],
		["Versand im Auftrag von Teehaus Berger GmbH", "de"],
		["Envoyé au nom de Fromagerie Duval", "fr"],
		["Message envoyé pour le compte d'Acme", "fr"],
	])("%s", (text, lang) => expect(matchOnBehalfWording(text)?.lang).toBe(lang));

	test.each(["Naam: Jansen", "Behalf", "Im Namensverzeichnis", "Au nominal", "On behalf"])("not: %s", (text) => {
		expect(matchOnBehalfWording(text)).toBeUndefined();
	});
});

describe("matchReasonWording", () => {
	test.each([
		["U ontvangt deze e-mail omdat u zich bij Leadpartner heeft aangemeld.", "nl"],
		["Je ontvangt deze mail, omdat je klant bent.", "nl"],
		["Wij hebben uw e-mailadres ontvangen van Leadpartner B.V.", "nl"],
		["Wij ontvingen uw adres van Leadpartner B.V.", "nl"],
		["You are receiving this email because you signed up at Partner Co.", "en"],
		["You're receiving this because you agreed to partner offers.", "en"],
		["We received your email address from Leadpartner.", "en"],
		["Sie erhalten diese E-Mail, weil Sie eingewilligt haben.", "de"],
		["Du erhältst diesen Newsletter weil du Kunde bist.", "de"],
		["Vous recevez cet e-mail car vous êtes inscrit.", "fr"],
		["Vous recevez ce message parce que vous avez accepté.", "fr"],
	])("%s", (text, lang) => expect(matchReasonWording(text)?.lang).toBe(lang));

	test.each([
		"U ontvangt 15% korting op deze e-mail actie",
		"You are receiving a free gift!",
		"Sie erhalten 10% Rabatt",
		"Vous recevez un cadeau",
		"Omdat je het waard bent",
	])("not: %s", (text) => expect(matchReasonWording(text)).toBeUndefined());
});

test("matchImprintWording", () => {
	expect(matchImprintWording("Impressum")?.lang).toBe("de");
	expect(matchImprintWording("Mentions légales")?.lang).toBe("fr");
	expect(matchImprintWording("Imprint")?.lang).toBe("en");
	expect(matchImprintWording("Imprinted tote bags")).toBeUndefined();
});
