import { describe, expect, test } from "vitest";
import { findPostalAddress } from "../../src/lexicons/postal-address.js";

describe("findPostalAddress: addresses", () => {
	test.each([
		// NL
		["Bakkerij de Vries B.V. · Kerkstraat 12, 3511 AB Utrecht", "nl"],
		["Prinsengracht 101-H | 1015 DT Amsterdam", "nl"],
		["Molenweg 4 3771AB BARNEVELD", "nl"],
		["Postbus 1234, 1000 AB Amsterdam", "nl"],
		["Van Baerlestraat 12a, 1071 AZ Amsterdam", "nl"],
		// BE
		["Rue de la Loi 16, 1000 Bruxelles", "continental"],
		["Meir 1 · 2000 Antwerpen", "continental"],
		// DE, AT
		["Teehaus Berger GmbH, Lindenstraße 5, 10969 Berlin", "continental"],
		["Unter den Linden 77 | D-10117 Berlin", "continental"],
		["Postfach 10 20 30, 10115 Berlin", "continental"],
		["Mariahilfer Straße 12, 1070 Wien", "continental"],
		// FR
		["Fromagerie Duval SARL – 8 rue du Marché, 69002 Lyon", "continental"],
		["12 bis, avenue Foch 75116 Paris", "continental"],
		["BP 123, 75001 Paris Cedex", "continental"],
		// GB
		["Northwind Goods Ltd, 12 Harbour Street, Bristol BS1 4DJ", "gb"],
		["10 Downing Street, London SW1A 2AA", "gb"],
		// IE
		["Main Street, Dublin 2, D02 X285", "ie"],
		["4 Grand Canal Square, Dublin D02 X285, Ireland", "ie"],
		// US
		["Contoso Outlet Inc., 500 Market Street, San Francisco, CA 94105", "us"],
		["1 N. Main St, Suite 200 | Springfield, IL 62701-1234", "us"],
		["P.O. Box 1234, Austin, TX 78701", "us"],
		// CA
		["111 Wellington Street, Ottawa ON K1A 0A9", "ca"],
		["PO Box 500, Station A, Toronto ON M5W 1E6", "ca"],
	])("%s", (text, format) => {
		expect(findPostalAddress(text)?.format).toBe(format);
	});
});

describe("findPostalAddress: near misses", () => {
	test.each([
		// postcodes without a street line or box
		"Bezorging in 3511 AB Utrecht en omgeving",
		"Deliveries to BS1 4DJ and nearby",
		"Shipping from Austin, TX 78701",
		// phone numbers
		"Bel ons op 030 123 4567 of +31 20 123 4567",
		"Call 1-800-555-0199, Mon–Fri 9 AM – 5 PM",
		"Tel. 020 123 4567 Maandag tot vrijdag",
		// order numbers, tracking codes
		"Je bestelling 1042 is verzonden. Bestelnummer 12345 Verzonden",
		"Track your parcel: 1Z999AA10123456784",
		"Order #40012, 10969 Items shipped",
		// prices, points
		"Nu €1299 Euro in plaats van €1499",
		"Artikel 12, 1299 Euro",
		"Sammle 2500 Punkte – Kapitel 3, 5000 Punkte",
		// dates, times, years
		"Aktion gültig bis 31. Januar 2025 Jetzt kaufen",
		"Join us at 10 AM on 12 March 2025 Online",
		"Since 1998, 2500 Stores worldwide",
		"Invoice: 12345 June 2, 2014 Bob Erlicious 123 Bobby Drive",
		"Date Shipped January 12, 2015 Order Total",
		"Geliefert am 3. März 2025, Mai 12 2025 Berlin",
		"Geöffnet Mo 9 - 1700 Uhr",
		"© 2025 Bakkerij de Vries. Alle rechten voorbehouden.",
		// codes that look like postcodes
		"Use code SAVE20 at checkout. Model A4 3PK",
		"Top 10 Deals for 2025",
	])("%s", (text) => {
		expect(findPostalAddress(text)).toBeUndefined();
	});

	test("stays linear on long adversarial input", () => {
		const text = `${"Aaaa ".repeat(20000)}1 ${"Bbbb 12, ".repeat(5000)}`;
		const start = performance.now();
		findPostalAddress(text);
		expect(performance.now() - start).toBeLessThan(1000);
	});
});

test("a US street line may run into the town without a separator", () => {
	expect(findPostalAddress("Contoso Outlet · 500 Market Street San Francisco, CA 94105")?.format).toBe("us");
});

test("a comma between the state and the ZIP code", () => {
	expect(findPostalAddress("Company Name 123 Fake Street, SpringField, OR, 97477 US")?.format).toBe("us");
});

describe("findPostalAddress: post-office boxes are told from streets", () => {
	test.each([
		["Postbus 1234, 1000 AB Amsterdam", true],
		["Postfach 10 20 30, 10115 Berlin", true],
		["BP 123, 69002 Lyon", true],
		["P.O. Box 1234, Austin, TX 78701", true],
		["PO Box 500, Station A, Toronto ON M5W 1E6", true],
		["Kerkstraat 12, 3511 AB Utrecht", false],
		["Lindenstraße 5, 10969 Berlin", false],
		["500 Market Street, San Francisco, CA 94105", false],
	])("%s (box: %s)", (text, box) => {
		expect(findPostalAddress(text)?.box).toBe(box);
	});

	test("streetOnly skips a box and finds the street address after it", () => {
		const text = "Postfach 10 11 12, 10115 Berlin | Lindenstraße 5, 10969 Berlin";
		expect(findPostalAddress(text, { streetOnly: true })?.postcode).toBe("10969 Berlin");
		expect(findPostalAddress("Postfach 10 11 12, 10115 Berlin", { streetOnly: true })).toBeUndefined();
	});
});
