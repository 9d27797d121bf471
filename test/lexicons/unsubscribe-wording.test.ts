import { describe, expect, it } from "vitest";
import { combine, foldText, trimToWords } from "../../src/lexicons/lexicon.js";
import {
	UNSUBSCRIBE_LEXICON,
	isDeicticLinkText,
	matchUnsubscribeInvitation,
	matchUnsubscribeWording,
	unsubscribeUrlKind,
	urlLooksLikeUnsubscribe,
	type WordingLanguage,
} from "../../src/lexicons/unsubscribe-wording.js";

describe("foldText", () => {
	it("case-folds, strips diacritics, transliterates and collapses whitespace", () => {
		expect(foldText("  Se  DÉSABONNER\u00a0ici ")).toBe("se desabonner ici");
		expect(foldText("Ønsker Præferencer Straße Wyłącz")).toBe("onsker praeferencer strasse wylacz");
		expect(foldText("don\u2019t")).toBe("don't");
		expect(foldText("Ab\u00admel\u200bden")).toBe("abmelden");
		expect(foldText("opt\u2011out")).toBe("opt-out");
	});

	it("trims non-word characters at both ends only", () => {
		expect(trimToWords("»here!«")).toBe("here");
		expect(trimToWords("!!!")).toBe("");
		expect(trimToWords("a-b")).toBe("a-b");
	});
});

describe("combine", () => {
	it("joins every combination and drops empty parts", () => {
		expect(combine(["meld"], ["je", "u"], ["", "hier"], ["af"])).toEqual([
			"meld je af",
			"meld je hier af",
			"meld u af",
			"meld u hier af",
		]);
	});
});

describe("matchUnsubscribeWording: link text that says unsubscribe", () => {
	const positives: Array<[string, WordingLanguage, "unsubscribe" | "preferences"]> = [
		["Afmelden", "nl", "unsubscribe"],
		["Klik hier om je af te melden", "nl", "unsubscribe"],
		["Uitschrijven", "nl", "unsubscribe"],
		["uitschrijving", "nl", "unsubscribe"],
		["Meld je af voor deze nieuwsbrief", "nl", "unsubscribe"],
		["Schrijf u hier uit", "nl", "unsubscribe"],
		["Nieuwsbrief opzeggen", "nl", "unsubscribe"],
		["Voorkeuren beheren", "nl", "preferences"],
		["Wijzig je voorkeuren", "nl", "preferences"],
		["Unsubscribe", "en", "unsubscribe"],
		["UNSUBSCRIBE FROM THIS LIST", "en", "unsubscribe"],
		["You have unsubscribed successfully", "en", "unsubscribe"],
		["Opt out", "en", "unsubscribe"],
		["opt-out", "en", "unsubscribe"],
		["Remove me from this list", "en", "unsubscribe"],
		["Manage preferences", "en", "preferences"],
		["Update your email preferences", "en", "preferences"],
		["Preference centre", "en", "preferences"],
		["Preferences", "en", "preferences"],
		["Abmelden", "de", "unsubscribe"],
		["Newsletterabmeldung", "de", "unsubscribe"],
		["Newsletter-Abmeldung", "de", "unsubscribe"],
		["Nieuwsbriefafmelding", "nl", "unsubscribe"],
		["Newsletter abbestellen", "de", "unsubscribe"],
		["Hier vom Newsletter abmelden", "de", "unsubscribe"],
		["Melden Sie sich hier ab", "de", "unsubscribe"],
		["Einstellungen verwalten", "de", "preferences"],
		["E-Mail-Einstellungen", "de", "preferences"],
		["Se désabonner", "fr", "unsubscribe"],
		["se desabonner", "fr", "unsubscribe"],
		["Désinscription", "fr", "unsubscribe"],
		["Gérer mes préférences", "fr", "preferences"],
		["gerer mes preferences", "fr", "preferences"],
		["Darse de baja", "es", "unsubscribe"],
		["Date de baja aquí", "es", "unsubscribe"],
		["Baja", "es", "unsubscribe"],
		["Cancelar suscripción", "es", "unsubscribe"],
		["Desuscribirse", "es", "unsubscribe"],
		["Gestionar preferencias", "es", "preferences"],
		["Annulla iscrizione", "it", "unsubscribe"],
		["Annulla l'iscrizione", "it", "unsubscribe"],
		["Annulla l\u2019iscrizione", "it", "unsubscribe"],
		["Disiscriviti", "it", "unsubscribe"],
		["Gestisci le tue preferenze", "it", "preferences"],
		["Cancelar inscrição", "pt", "unsubscribe"],
		["cancelar inscricao", "pt", "unsubscribe"],
		["Descadastre-se", "pt", "unsubscribe"],
		["Gerir preferências", "pt", "preferences"],
		["Wypisz się", "pl", "unsubscribe"],
		["wypisz sie", "pl", "unsubscribe"],
		["Zrezygnuj z subskrypcji", "pl", "unsubscribe"],
		["Zarządzaj preferencjami", "pl", "preferences"],
		["Avregistrera", "sv", "unsubscribe"],
		["Avsluta prenumeration", "sv", "unsubscribe"],
		["Avanmäl dig", "sv", "unsubscribe"],
		["Hantera dina inställningar", "sv", "preferences"],
		["Frameld", "da", "unsubscribe"],
		["Opsig nyhedsbrevet", "da", "unsubscribe"],
		["Administrer dine præferencer", "da", "preferences"],
		["administrer dine praeferencer", "da", "preferences"],
	];
	it.each(positives)("%s → %s %s", (text, lang, kind) => {
		expect(matchUnsubscribeWording(text)).toMatchObject({ lang, kind });
	});

	it("matches Danish afmeld (shared spelling with Dutch) as unsubscribe", () => {
		expect(matchUnsubscribeWording("Afmeld")).toMatchObject({ kind: "unsubscribe" });
		expect(matchUnsubscribeWording("Afmeld nyhedsbrev")).toMatchObject({ kind: "unsubscribe" });
	});

	it("prefers unsubscribe wording over preference wording", () => {
		expect(matchUnsubscribeWording("Manage preferences or unsubscribe")).toMatchObject({
			kind: "unsubscribe",
			lang: "en",
		});
	});

	it("reports the lexicon phrase", () => {
		expect(matchUnsubscribeWording("Afmelden")?.phrase).toBe("afmeld*");
	});

	const nearMisses = [
		"Subscribe",
		"Subscribe now",
		"Resubscribe",
		"Aanmelden",
		"Meld je aan",
		"Meld je hier aan voor de nieuwsbrief",
		"Inschrijven",
		"Schrijf je in",
		"Anmelden",
		"Melden Sie sich an",
		"Jetzt abonnieren",
		"S'abonner",
		"Abonnez-vous",
		"Inscription",
		"Suscribirse",
		"Suscríbete",
		"Precio más baja",
		"Iscriviti",
		"Iscrizione",
		"Inscrever-se",
		"Assinar",
		"Zapisz się",
		"Subskrybuj",
		"Prenumerera",
		"Anmäl dig",
		"Tilmeld",
		"Tilmeld dig nyhedsbrevet",
		"Cookie-Einstellungen verwalten",
		"Read more",
		"Shop now",
		"Contact us",
		"nounsubscribeable",
		"",
		"   ",
	];
	it.each(nearMisses)("%j does not match", (text) => {
		expect(matchUnsubscribeWording(text)).toBeUndefined();
	});

	it("does not read a whole-text-only word inside a sentence", () => {
		expect(matchUnsubscribeWording("Baja California trip")).toBeUndefined();
		expect(matchUnsubscribeWording("Cancellati i voli")).toBeUndefined();
		expect(matchUnsubscribeWording("Baja.")).toMatchObject({ lang: "es" });
	});
});

describe("isDeicticLinkText", () => {
	it.each([
		"hier",
		"Here",
		"click here",
		"Click here!",
		"klik hier",
		"Klicken Sie hier",
		"ici",
		"cliquez ici",
		"aquí",
		"aqui",
		"haz clic aquí",
		"qui",
		"clicca qui",
		"clique aqui",
		"tutaj",
		"klicka här",
		"klik her",
		"this link",
		"»hier«",
	])("%j is deictic", (text) => {
		expect(isDeicticLinkText(text)).toBe(true);
	});
	it.each(["here is our offer", "Unsubscribe", "Afmelden", "hierbij", "where", "", "Click here to unsubscribe"])(
		"%j is not deictic",
		(text) => {
			expect(isDeicticLinkText(text)).toBe(false);
		},
	);
});

describe("matchUnsubscribeInvitation", () => {
	const invitations: Array<[string, WordingLanguage]> = [
		["Geen nieuwsbrief meer? Meld je hier af", "nl"],
		["Geen e-mails meer ontvangen?", "nl"],
		["Wil je deze mails niet meer ontvangen? Klik hier", "nl"],
		["Don't want these e-mails? Click here", "en"],
		["Don\u2019t want these e-mails? Click here", "en"],
		["If you no longer wish to receive our newsletter, click here", "en"],
		["Wenn Sie keine E-Mails mehr erhalten möchten, klicken Sie hier", "de"],
		["Sie möchten keinen Newsletter? Keine Newsletter mehr: hier", "de"],
		["Pour ne plus recevoir nos e-mails, cliquez ici", "fr"],
		["Vous ne souhaitez plus recevoir nos offres ? Cliquez ici", "fr"],
		["Si no deseas recibir más correos, haz clic aquí", "es"],
		["Se non desideri più ricevere le nostre email, clicca qui", "it"],
		["Se não deseja mais receber os nossos e-mails, clique aqui", "pt"],
		["Jeśli nie chcesz otrzymywać wiadomości, kliknij tutaj", "pl"],
		["Om du inte längre vill få våra mejl, klicka här", "sv"],
		["Hvis du ikke længere ønsker at modtage nyhedsbrevet, klik her", "da"],
		["Hvis du ikke laengere onsker at modtage nyhedsbrevet, klik her", "da"],
	];
	it.each(invitations)("%j invites unsubscribing (%s)", (sentence, lang) => {
		expect(matchUnsubscribeInvitation(sentence)).toMatchObject({ lang, kind: "unsubscribe" });
	});

	it("counts a preference invitation", () => {
		expect(matchUnsubscribeInvitation("To manage your preferences, click here")).toMatchObject({ kind: "preferences" });
	});

	it.each([
		"Don't want to miss out? Subscribe here",
		"Wil je onze nieuwsbrief ontvangen? Meld je hier aan",
		"Schrijf je hier in voor onze nieuwsbrief",
		"Möchten Sie unseren Newsletter erhalten? Klicken Sie hier",
		"Pour recevoir nos offres, cliquez ici",
		"Si deseas recibir nuestras ofertas, haz clic aquí",
		"Iscriviti qui",
		"Read the full story here",
		"View this e-mail in your browser: click here",
	])("%j is no invitation", (sentence) => {
		expect(matchUnsubscribeInvitation(sentence)).toBeUndefined();
	});
});

describe("urlLooksLikeUnsubscribe", () => {
	it.each([
		"https://example.com/unsubscribe",
		"https://example.com/unsubscribe?id=42",
		"https://example.com/newsletter/afmelden",
		"https://example.com/a?unsub=1&u=2",
		"https://example.com/optout",
		"https://example.com/opt-out",
		"https://example.com/email/opt_out",
		"https://example.com/de/newsletter-abmeldung",
		"https://example.com/fr/desabonnement",
		"https://example.com/fr/d%C3%A9sabonnement",
		"https://example.com/preferences",
		"https://example.com/manage-subscription",
		"https://example.com/u?action=unsubscribeUser",
		"/unsubscribe.html",
		"unsubscribe.php?e=x",
		"www.example.com/uitschrijven",
		"mailto:unsubscribe@example.com",
		"mailto:news@example.com?subject=Unsubscribe",
		"https://example.com/unsubscribe/{{token}}",
		"https://example.com/unsubscribe?id=%",
	])("%s looks like unsubscribe", (url) => {
		expect(urlLooksLikeUnsubscribe(url)).toBe(true);
	});

	it.each([
		"https://unsubscribe.example.com/",
		"https://unsubscribe.example.com/news?id=4",
		"https://afmelden.example.nl",
		"www.unsubscribe.com",
		"https://example.com/subscribe",
		"https://example.com/aanmelden",
		"https://example.com/anmelden",
		"https://example.com/s-abonner",
		"https://example.com/#unsubscribe",
		"https://example.com/unsubmitted",
		"https://example.com/products/12",
		"mailto:news@example.com",
		"https://example.com/x?id=%",
		"",
	])("%s does not", (url) => {
		expect(urlLooksLikeUnsubscribe(url)).toBe(false);
	});

	it("tells unsubscribe pages from preference centres", () => {
		expect(unsubscribeUrlKind("https://example.com/unsubscribe")).toBe("unsubscribe");
		expect(unsubscribeUrlKind("https://example.com/email-preferences")).toBe("preferences");
		expect(unsubscribeUrlKind("https://example.com/")).toBeUndefined();
	});
});

describe("lexicon data", () => {
	it("covers every supported language for unsubscribe and preference wording", () => {
		const languages: WordingLanguage[] = ["nl", "en", "de", "fr", "es", "it", "pt", "pl", "sv", "da"];
		for (const lang of languages) {
			expect(
				UNSUBSCRIBE_LEXICON.unsubscribe.some((entry) => entry.lang === lang),
				lang,
			).toBe(true);
			expect(
				UNSUBSCRIBE_LEXICON.preferences.some((entry) => entry.lang === lang),
				lang,
			).toBe(true);
			expect(
				UNSUBSCRIBE_LEXICON.invitations.some((entry) => entry.lang === lang),
				lang,
			).toBe(true);
		}
	});
});

describe("linear time on 1 MB adversarial inputs", () => {
	const inputs = [
		"a".repeat(1_000_000),
		"afmeld".repeat(170_000),
		"aanmeld ".repeat(125_000),
		" ".repeat(1_000_000),
		"meld je hier ".repeat(80_000),
		"unsubscri".repeat(110_000),
		"opt-".repeat(250_000),
		"l'".repeat(500_000),
		`${"!".repeat(500_000)}a${"!".repeat(500_000)}`,
		"don't want ".repeat(90_000),
	];
	it("matchUnsubscribeWording, isDeicticLinkText, matchUnsubscribeInvitation and urlLooksLikeUnsubscribe return", () => {
		for (const input of inputs) {
			matchUnsubscribeWording(input);
			isDeicticLinkText(input);
			matchUnsubscribeInvitation(input);
			urlLooksLikeUnsubscribe(`https://example.com/${input}`);
			urlLooksLikeUnsubscribe(input);
		}
		expect(matchUnsubscribeWording(`${"x ".repeat(500_000)}afmelden`)).toMatchObject({ lang: "nl" });
	});
});
