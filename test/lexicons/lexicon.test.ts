import { describe, expect, it } from "vitest";
import { compileLexicon, foldText, type LexiconEntry } from "../../src/lexicons/lexicon.js";

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
