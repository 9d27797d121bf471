import { describe, expect, test } from "vitest";
import {
	matchConditionsWording,
	matchOffer,
	startsWithConditionsLabel,
	urlLooksLikeConditions,
} from "../../src/lexicons/offers.js";

describe("matchOffer", () => {
	test.each([
		// nl
		["Deze week 20% korting op alle taarten", "discount", "20% korting", "nl"],
		["Ontvang korting op je volgende bestelling", "discount", "korting", "nl"],
		["Gebruik kortingscode LENTE25", "discount", "kortingscode", "nl"],
		["2e halve prijs op alle broden", "discount", "2e halve prijs", "nl"],
		["Gratis taartschep bij elke taart", "gift", "Gratis", "nl"],
		["Win een e-bike!", "contest", "Win", "nl"],
		["Doe mee aan onze prijsvraag", "contest", "prijsvraag", "nl"],
		["Doe mee met de winactie", "contest", "winactie", "nl"],
		["Maak kans op een weekendje weg", "contest", "Maak kans", "nl"],
		["€10 korting bij besteding vanaf €50", "discount", "€10 korting", "nl"],
		// en
		["Black Friday: 40% off everything", "discount", "40% off", undefined],
		["Save 20% this weekend", "discount", "Save 20%", undefined],
		["Up to 50% on winter coats", "discount", "Up to 50%", undefined],
		["Use promo code SPRING", "discount", "promo code", "en"],
		["A free gift with every order", "gift", "free gift", "en"],
		["Enter our giveaway", "contest", "giveaway", "en"],
		["Official sweepstakes: enter to win", "contest", "sweepstake", "en"],
		// de
		["Jetzt 20 % Rabatt sichern", "discount", "20 % Rabatt", "de"],
		["Mach mit beim Gewinnspiel", "contest", "Gewinnspiel", "de"],
		["Gutscheincode: SOMMER", "discount", "Gutscheincode", "de"],
		// fr
		["-20% sur toute la boutique", "discount", "-20%", undefined],
		["20% de réduction sur les robes", "discount", "20% de réduction", undefined],
		["Participez à notre jeu-concours", "contest", "jeu-concours", "fr"],
		["Un cadeau gratuit pour vous", "gift", "gratuit", "fr"],
		["Grand concours d'été", "contest", "concours", "fr"],
	])("%s", (text, kind, matched, lang) => {
		// The text as the mail writes it (case and accents kept, for quoting), and the language of the phrase.
		expect(matchOffer(text)).toEqual(lang ? { kind, text: matched, lang } : { kind, text: matched });
	});

	test.each([
		// "win" inside other words
		"Bekijk onze nieuwe winkel",
		"Open the window to the winter collection",
		"Winterjassen nu binnen",
		// free shipping and returns are a delivery term, not an offer
		"Gratis verzending vanaf €50",
		"Free shipping on all orders",
		"Kostenloser Versand ab 30 €",
		"Livraison gratuite dès 50 €",
		"Gratis retourneren binnen 30 dagen",
		// legal and service sentences
		"Feel free to reply to this e-mail",
		"Call our toll-free number",
		"Unsubscribing is free of charge",
		"Afmelden is gratis",
		"Désinscription gratuite à tout moment",
		// percentages that are no discount
		"Our customers rate us 98% satisfied",
		"Rente 2,5% per jaar",
		"10-20% of users saw this",
		"Price: €25,00 incl. 21% BTW",
		// plurals that talk about offers in general
		"Je ontvangt nieuws en kortingen van ons",
		// business prose
		"How to win more deals in 2025",
		"A win-win for both teams",
		"",
	])("not an offer: %s", (text) => {
		expect(matchOffer(text)).toBeUndefined();
	});
});

describe("conditions", () => {
	test.each([
		"Actievoorwaarden",
		"Voorwaarden",
		"Bekijk de spelregels",
		"Terms & conditions",
		"T&Cs apply",
		"T&C's",
		"Official rules",
		"Teilnahmebedingungen",
		"AGB",
		"Règlement du jeu",
		"Conditions générales",
	])("link text %s", (text) => {
		expect(matchConditionsWording(text)).toBe(true);
	});

	test.each(["Bekijk de taarten", "Terminal", "Unsubscribe", "Privacy policy", "Conditioner 20% off"])(
		"not conditions: %s",
		(text) => {
			expect(matchConditionsWording(text)).toBe(false);
		},
	);

	test.each([
		["https://shop.nl/actievoorwaarden", true],
		["https://shop.com/legal/terms-and-conditions?promo=spring", true],
		["https://shop.de/teilnahmebedingungen", true],
		["https://shop.fr/reglement-jeu", true],
		["https://terms.shop.com/", false],
		["mailto:terms@shop.com", false],
		["https://shop.com/sale", false],
	])("url %s", (url, expected) => {
		expect(urlLooksLikeConditions(url)).toBe(expected);
	});

	test.each([
		["Actievoorwaarden: geldig t/m 31 mei, niet in combinatie met andere acties.", true],
		["*Voorwaarden: één code per klant.", true],
		["Conditions : offre valable jusqu'au 30 juin.", true],
		["Terms: one entry per person.", true],
		["Bestel vóór 12:00 en morgen in huis", false],
		["Lees de voorwaarden op onze site", false],
	])("label %s", (text, expected) => {
		expect(startsWithConditionsLabel(text)).toBe(expected);
	});
});
