import { describe, expect, test } from "vitest";
import { matchAdLabel, matchNotMarketingClaim } from "../../src/lexicons/ad-label-wording.js";
import { matchOffer } from "../../src/lexicons/offers.js";

describe("matchAdLabel", () => {
	test.each([
		"Advertisement",
		"This is an advertisement from Contoso",
		"[Ad] Spring sale starts today",
		"(Ad) New arrivals",
		"Ad: 3 deals for you",
		"Ad – 3 deals for you",
		"AD",
		"Reclame",
		"Anzeige",
		"Werbung",
		"Publicité",
		"This is a promotional e-mail from Contoso",
	])("%s", (text) => {
		expect(matchAdLabel(text)).toBeDefined();
	});

	test.each([
		"Ad hoc meeting notes",
		"Add to cart",
		"Our advertising partners may use cookies",
		"Keine Werbung mehr? Hier abmelden",
		"Wil je geen reclame meer ontvangen?",
		"This is not a commercial e-mail",
		"Reclamecode",
		"Read the ad-free edition",
		"Ad-free for members",
		"Adidas sale",
		"",
	])("not a label: %s", (text) => {
		expect(matchAdLabel(text)).toBeUndefined();
	});
});

describe("matchNotMarketingClaim", () => {
	test.each([
		"This is not a marketing email – you're receiving this message to notify you of a recent change to your account.",
		"This email was sent because it contains important information about your account.",
		"This is not a promotional e-mail.",
		"This is a service message.",
		"Dit is geen reclame, maar een servicebericht.",
		"Dit is een servicebericht van Bakkerij de Vries.",
		"Dies ist keine Werbung.",
		"Dies ist eine Servicemitteilung.",
		"Ceci n'est pas un e-mail promotionnel.",
		"Ceci n’est pas une publicité.",
		"Ceci est un message de service.",
	])("%s", (text) => {
		expect(matchNotMarketingClaim(text)).toBeDefined();
	});

	test.each([
		"This is a marketing email from Contoso.",
		"Wil je geen reclame meer? Meld je af.",
		"Keine Werbung mehr? Abmelden",
		"Customer service: call us",
	])("not a claim: %s", (text) => {
		expect(matchNotMarketingClaim(text)).toBeUndefined();
	});
});

test("the Experian footer and promotion are recognised together", () => {
	expect(matchNotMarketingClaim("This is not a marketing email")).toBe("not a marketing email");
	expect(matchOffer("Get 25% off your FICO® Score upgrade")).toEqual({ kind: "discount", text: "25% off" });
});
