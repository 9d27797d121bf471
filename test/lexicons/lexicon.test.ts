import { describe, expect, it } from "vitest";
import { compileLexicon, foldText, originalSpelling, type LexiconEntry } from "../../src/lexicons/lexicon.js";

const entry = (phrase: string, lang = "en"): LexiconEntry<string, string> => ({ lang, kind: "k", phrase });
const find = (phrases: Array<LexiconEntry<string, string>>, text: string, notPrecededBy: string[] = []) =>
	compileLexicon(phrases, notPrecededBy).search(foldText(text))?.phrase;

describe("compileLexicon: which entry a match is", () => {
	it("where phrases branch, the first listed path that matches wins, as in the alternation", () => {
		// "opt-out" reads "opt out" too, and is listed first: it wins where both could match.
		expect(find([entry("opt-out"), entry("opt out of emails")], "Click to opt out of emails today")).toBe("opt-out");
		expect(find([entry("opt out of emails"), entry("opt-out")], "Click to opt out of emails today")).toBe(
			"opt out of emails",
		);
		expect(find([entry("opt out of emails"), entry("opt-out")], "Click to opt out today")).toBe("opt-out");
		expect(find([entry("opt out of emails"), entry("opt-out")], "Click to optout")).toBe("opt-out");
		// A stem listed first takes the whole word; a longer phrase listed first takes its words.
		expect(find([entry("afmeld*", "nl"), entry("afmelden voor alles", "nl")], "afmelden voor alles")).toBe("afmeld*");
		expect(find([entry("afmelden voor alles", "nl"), entry("afmeld*", "nl")], "afmelden voor alles")).toBe(
			"afmelden voor alles",
		);
		expect(find([entry("afmelden voor alles", "nl"), entry("afmeld*", "nl")], "afmelden voor niets")).toBe("afmeld*");
	});

	it("on one path, a longer phrase comes before one that ends earlier, whatever the list order", () => {
		for (const list of [
			[entry("opt out"), entry("opt out of emails")],
			[entry("opt out of emails"), entry("opt out")],
		]) {
			expect(find(list, "opt out of emails")).toBe("opt out of emails");
			expect(find(list, "opt out of it")).toBe("opt out");
		}
	});

	it("keeps the first entry for a phrase written twice", () => {
		expect(find([entry("afmeld*", "nl"), entry("afmeld*", "da")], "Afmelding")).toBe("afmeld*");
		expect(compileLexicon([entry("afmeld*", "nl"), entry("afmeld*", "da")]).search("afmelding")?.lang).toBe("nl");
	});

	it("reads an apostrophe as an apostrophe, a space or nothing", () => {
		const list = [entry("l'iscrizione", "it")];
		for (const text of [
			"annulla l'iscrizione",
			"annulla l' iscrizione",
			"annulla l iscrizione",
			"annulla liscrizione",
			"annulla l’iscrizione",
		]) {
			expect(find(list, text), text).toBe("l'iscrizione");
		}
	});

	it("matches on word boundaries only, and honours notPrecededBy", () => {
		const list = [entry("einstellungen verwalten", "de"), entry("afmeld*", "nl")];
		expect(find(list, "aanmelden")).toBeUndefined();
		expect(find(list, "Cookie-Einstellungen verwalten", ["cookie-"])).toBeUndefined();
		expect(find(list, "Einstellungen verwalten", ["cookie-"])).toBe("einstellungen verwalten");
		// A rejected position does not hide a later match.
		expect(find(list, "Cookie-Einstellungen verwalten of afmelden", ["cookie-"])).toBe("afmeld*");
	});

	it("finds the leftmost phrase, whatever the list order", () => {
		expect(find([entry("preferences"), entry("unsubscribe")], "Unsubscribe or manage preferences")).toBe("unsubscribe");
	});

	it("matches whole-text-only phrases through whole(), never inside a sentence", () => {
		const lexicon = compileLexicon([entry("=baja", "es")]);
		expect(lexicon.whole("baja")?.phrase).toBe("=baja");
		expect(lexicon.search("la marea baja hoy")).toBeUndefined();
	});
});

describe("originalSpelling: the phrase as the text spells it", () => {
	it.each([
		["nl, found in the first line", "Bakkerij: 15% KORTING op taarten\n".repeat(3), "15% korting", "15% KORTING"],
		["fr, accents kept", "Offre : 20% de Réduction sur les robes", "20% de reduction", "20% de Réduction"],
		["de, ß folded to ss", "Große Aktion: 20 % Rabatt", "grosse aktion", "Große Aktion"],
		["en, spaces collapsed", "Save\u00a0\n 20%   today", "save 20%", "Save\u00a0\n 20%"],
		[
			"past the first looks",
			`${"Bestel taart bij ons, vers en ambachtelijk. ".repeat(200)}Nú 30% Korting!`,
			"nu 30% korting",
			"Nú 30% Korting",
		],
		["absent", "Nothing to see here", "korting", "korting"],
		// Offsets are UTF-16 code units: an emoji or a mathematical letter before the phrase is two of them.
		["en, emoji before it", "🎉🎉 Spring sale: 20% off all teas", "20% off", "20% off"],
		["nl, emoji and a ligature before it", "🌷 ﬁjne lente 🎉 Nú 15% KORTING", "nu 15% korting", "Nú 15% KORTING"],
		["fr, astral letters before it", "𝐒𝐨𝐥𝐝𝐞𝐬 : 20% de Réduction", "20% de reduction", "20% de Réduction"],
		[
			"de, an emoji in the phrase",
			`${"🎁 Geschenk ".repeat(100)}Große 🎉 Aktion`,
			"grosse 🎉 aktion",
			"Große 🎉 Aktion",
		],
	])("%s", (_name, text, phrase, spelled) => {
		expect(originalSpelling(text, phrase)).toBe(spelled);
	});

	it("folds only as far as the phrase: a 1 MB SMS whose first line has it takes milliseconds", () => {
		const line = "Bakkerij de Vries: hoi {{ first_name }}, lenteactie! 15% korting op alle taarten t/m zondag.\n";
		const text = line.repeat(Math.ceil(1_000_000 / line.length));
		const started = performance.now();
		expect(originalSpelling(text, "15% korting")).toBe("15% korting");
		// Folding all of it one character at a time took seconds.
		expect(performance.now() - started).toBeLessThan(500);
	});
});
