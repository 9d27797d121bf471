import { describe, expect, test } from "vitest";
import { partyNameWords } from "../../src/analyses/party-names.js";

describe("partyNameWords", () => {
	test.each([
		["Bakkerij de Vries B.V.", "bakkerij de vries"],
		["Bakkerij de Vries BV", "bakkerij de vries"],
		["Teehaus Berger GmbH & Co. KG", "teehaus berger"],
		["Förderverein Musterstadt e.V.", "forderverein musterstadt"],
		["Fromagerie Duval SARL", "fromagerie duval"],
		["Contoso Outlet, Inc.", "contoso outlet"],
		["Northwind Goods Ltd", "northwind goods"],
		["Acme Holdings PLC", "acme holdings"],
		["Panadería López S.L.", "panaderia lopez"],
		["Leadpartner B.V.", "leadpartner"],
		// a name that is only a legal form keeps it
		["AG", "ag"],
		// legal forms are dropped only at the end
		["SA Brewing Company", "sa brewing company"],
	])("%s", (name, words) => expect(partyNameWords(name).join(" ")).toBe(words));
});
