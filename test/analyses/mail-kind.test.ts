import { describe, expect, test } from "vitest";
import type { TemplateSourceCode } from "../../src/languages/template-source-code.js";
import { inferKindOfTexts, inferMailKind, marketingShown } from "../../src/analyses/mail-kind.js";
import { templateSource } from "../helpers/template.js";

function sourceOf(body: string, format: "html" | "mjml" = "html"): TemplateSourceCode {
	const text =
		format === "html"
			? `<!DOCTYPE html>\n<html><body>\n${body}\n</body></html>`
			: `<mjml><mj-body><mj-section><mj-column>${body}</mj-column></mj-section></mj-body></mjml>`;
	return templateSource(text, format);
}
const kindOf = (body: string, format: "html" | "mjml" = "html") => inferMailKind(sourceOf(body, format)).kind;

describe("inferMailKind: transactional mail, in nl, en, de and fr", () => {
	test.each([
		// password resets and sign-in codes
		"<p>You recently requested to reset your password. Use the button below.</p>",
		"<p>Klik hier om je wachtwoord opnieuw in te stellen.</p><p>Wachtwoord vergeten? Geen probleem.</p>",
		"<p>Passwort zurücksetzen: Klicken Sie auf den Link.</p>",
		"<p>Cliquez ici pour réinitialiser votre mot de passe.</p>",
		"<p>Your verification code is {{ code }}.</p>",
		"<p>Je inlogcode is 123456.</p>",
		"<p>Ihr Bestätigungscode lautet 4711.</p>",
		"<p>Votre code de vérification : 123456</p>",
		// verification
		"<p>Please confirm your email address by clicking the link below.</p>",
		"<p>Bevestig je e-mailadres om je account te activeren.</p>",
		// receipts, invoices, orders, shipping
		"<h1>Receipt</h1><p>Total $20.00</p>",
		"<p>Invoice #12345</p><p>Amount due: €40</p>",
		"<p>Bedankt voor je bestelling. Bestelnummer: 10423.</p>",
		"<p>Vielen Dank für Ihre Bestellung. Bestellnummer 4711-22.</p>",
		"<p>Votre commande a été expédiée. Numéro de suivi : 1Z999.</p>",
		"<p>Je bestelling is verzonden! Volg hem met track & trace.</p>",
		// account and security notices
		"<p>New sign-in to your account from Chrome on Windows. If you did not sign in, change your password.</p>",
		"<p>Anna has invited you to join the Marketing workspace.</p>",
		// a variable only a transaction fills in
		"<p>Hi {{name}}, here is {{receipt_id}}.</p>",
		'<p><a href="{{reset_password_url}}">Continue</a></p>',
	])("%s", (body) => expect(kindOf(body)).toBe("transactional"));

	test("in MJML too", () =>
		expect(kindOf("<mj-text>Your order number is 10423. Track your package below.</mj-text>", "mjml")).toBe(
			"transactional",
		));
});

describe("inferMailKind: a mail that promotes is marketing whatever else it says", () => {
	test.each([
		// a receipt with a sale banner, a discount code, a shop call, recommendations
		"<p>Your receipt, order #12345. Total: €20.</p><p>Summer sale: 20% off everything!</p>",
		"<p>Invoice #12345</p><p>Use code SAVE10 for 10% off your next order.</p>",
		"<p>Your order has shipped.</p><p>You might also like: our new tea mugs.</p>",
		"<p>Je bestelling is verzonden.</p><p>Shop nu de uitverkoop!</p>",
		"<p>Ihre Bestellung wurde versandt.</p><p>Jetzt shoppen: neue Kollektion.</p>",
		"<p>Votre commande a été expédiée.</p><p>Soldes : -30 % sur tout.</p>",
		"<p>Verify your email and get a free gift.</p>",
	])("%s", (body) => expect(kindOf(body)).toBe("marketing"));
});

describe("inferMailKind: weak signals stay marketing", () => {
	test.each([
		// newsletter wording that borrows transactional words
		"<p>Thanks for your order of adventure: here are this month's trails.</p>",
		"<p>Your account of the week: meet @lena and her garden.</p>",
		"<p>Our spring newsletter: what the team did this season.</p>",
		"<p>Log in to read more stories.</p>",
		// nothing at all
		"",
	])("%s", (body) => expect(kindOf(body)).toBe("marketing"));

	test("names its evidence for messages", () => {
		expect(inferMailKind(sourceOf("<p>Reset your password here.</p>"))).toEqual({
			kind: "transactional",
			evidence: '"reset your password"',
		});
		expect(inferMailKind(sourceOf("<p>Summer sale: 20% off.</p>"))).toEqual({
			kind: "marketing",
			evidence: '"20% off"',
		});
		expect(inferMailKind(sourceOf("<p>Hello.</p>"))).toEqual({ kind: "marketing" });
	});
});

describe("inferMailKind: account notices and their traps", () => {
	test.each([
		"<p>Your trial ends in 3 days. Reply if you need more time.</p>",
		"<p>Warning: you're approaching your limit of 100 reports.</p>",
		"<p>We changed the password on your account, as you asked.</p>",
	])("transactional: %s", (body) => expect(kindOf(body)).toBe("transactional"));

	test("a friend's invitation to join a shop that says 'come check us out' is marketing", () => {
		expect(
			kindOf(
				"<p>@JaneDoe has invited you to join Awesome Inc!</p><p><a href='https://awesome.example/signup'>Sign up</a></p><p>Come check us out!</p>",
			),
		).toBe("marketing");
	});

	test.each([
		"<p>@JaneDoe has invited you to join the Acme workspace.</p><p>Check us out on Twitter.</p>",
		"<p>Reset your password with the link below.</p><p>Come check us out on Facebook.</p>",
	])("a footer's 'check us out on' a social network promotes nothing: %s", (body) =>
		expect(kindOf(body)).toBe("transactional"),
	);

	test("an account notice followed by the newest deals is marketing", () => {
		expect(
			kindOf(
				"<p>We changed the password on your account.</p><p>Have you seen the newest deals? Pink shoes, $29.99.</p>",
			),
		).toBe("marketing");
	});
});

describe("inferMailKind: service mail that promotes nothing (account and organisation notices, surveys, onboarding)", () => {
	test.each([
		// account and organisation notices
		"<p>Update Complete! Your account has successfully been updated! Click below to review or update changes.</p>",
		"<p>Your account setting have been updated.</p><p>If you did not update your settings, please contact support.</p>",
		"<p>The following emergency contacts have been removed from your account.</p>",
		"<p>An administrator from {{ OrganizationName }} will need to confirm you before you can share passwords.</p>",
		"<p>A new policy is available for your organization. It lets an admin confirm new users. Log in to turn on the policy.</p>",
		"<p>Je account is bijgewerkt. Heb je dit niet zelf gedaan? Neem contact met ons op.</p>",
		"<p>Ihr Konto wurde aktualisiert. Wenn Sie diese Änderung nicht vorgenommen haben, melden Sie sich bei uns.</p>",
		"<p>Votre compte a été mis à jour. Si vous n'êtes pas à l'origine de cette modification, contactez-nous.</p>",
		// surveys and feedback requests about a service the reader uses
		"<p>Your opinion matters! Please let us know how satisfied you are with our services.</p>",
		"<p>How likely are you to recommend us to a friend? 0 being not likely and 10 being very likely.</p>",
		"<p>Click below to rate our services from 0-10.</p>",
		"<p>Hoe tevreden ben je over onze service? Geef een cijfer van 1 tot 10.</p>",
		"<p>Wie zufrieden sind Sie mit unserem Service? Bewerten Sie uns mit einem Klick.</p>",
		"<p>Êtes-vous satisfait de notre service ? Répondez à notre enquête de satisfaction.</p>",
		// onboarding progress
		"<p>You're almost there! 3 of 4 steps completed.</p>",
		"<p>You've completed 3 out of 4 steps. We just need to update your contact information.</p>",
		"<p>There's one last step until your account is 100% ready. We need you to update your account details.</p>",
		"<p>Nog één stap: je hebt 2 van 3 stappen voltooid. Vul je profiel aan.</p>",
		"<p>Fast geschafft: 2 von 3 Schritten erledigt. Vervollständigen Sie Ihr Profil.</p>",
		"<p>Plus qu'une étape : finalisez votre inscription.</p>",
	])("transactional: %s", (body) => expect(kindOf(body)).toBe("transactional"));

	test.each([
		// the traps of issue #13 stay marketing
		"<p>Thanks for your order of adventure: here are this month's trails.</p>",
		"<p>Your account of the week: meet @lena and her garden.</p>",
		"<p>Your receipt, order #12345. Total: €20.</p><p>Summer sale: 20% off everything!</p>",
		// a service mail that also promotes is marketing
		"<p>Your account has successfully been updated!</p><p>Check out some of our newest products! Buy now!</p>",
		"<p>Your opinion matters! Let us know how satisfied you are.</p><p>Shop now: new arrivals.</p>",
		"<p>Hoe tevreden ben je over onze service?</p><p>Bekijk ook onze aanbiedingen.</p>",
		"<p>3 of 4 steps completed.</p><p>Use code WELCOME10 for 10% off.</p>",
		// a newsletter that only mentions opinions or steps
		"<p>Your opinion matters: vote for the book of the month.</p>",
		"<p>Five steps to a greener garden, from our spring newsletter.</p>",
	])("marketing: %s", (body) => expect(kindOf(body)).toBe("marketing"));

	test("a custom mjml component's text attributes are read (its markup is not in the template)", () => {
		const body = `<mj-bw-hero title="You can now share passwords with &lt;b&gt;{{OrganizationName}}&lt;/b&gt;" text="Your account is owned by {{OrganizationName}} and is subject to their policies." />`;
		expect(kindOf(`<mj-text>As a member of {{ OrganizationName }}:</mj-text>${body}`, "mjml")).toBe("transactional");
		expect(
			kindOf(
				`<mj-text>As a member of {{ OrganizationName }}:</mj-text><mj-bw-hero title="Your account is owned by your team" text="Shop now: new arrivals" />`,
				"mjml",
			),
		).toBe("marketing");
	});

	test("a receipt that says it is processing the order now does not call to buy", () => {
		expect(
			kindOf(
				"<h1>Order Confirmation</h1><p>Thanks! We have received your payment. We are processing your order now.</p>",
			),
		).toBe("transactional");
	});

	test("a strong phrase counts as strong even when a merge-tag condition wrote the same word earlier", () => {
		expect(kindOf("<p>{{#if receipt}}{{/if}}</p><h2>Receipt</h2><p>Total {{total}}</p>")).toBe("transactional");
	});
});

describe("inferMailKind: a short new-arrivals announcement is evidence of marketing", () => {
	test.each([
		['<p>Neue Stauden. <a href="#">Abmelden</a></p>', '"neue stauden. abmelden"'],
		["<p>New bikes are in.</p>", '"new bikes are in"'],
		["<p>Nieuwe tulpen in de winkel.</p>", '"nieuwe tulpen in de winkel"'],
		["<p>Nouvelle saison.</p>", '"nouvelle saison"'],
	])("%s", (body, evidence) => expect(inferMailKind(sourceOf(body))).toEqual({ kind: "marketing", evidence }));

	test.each([
		// transactional wording wins over the weaker announcement
		"<p>New sign-in to your account from Chrome on Windows.</p>",
		"<p>New comment on your post.</p><p>Anna replied to your question.</p>",
	])("transactional: %s", (body) => expect(kindOf(body)).toBe("transactional"));

	test("a long paragraph that starts with 'New' is no announcement, and silence gives no evidence", () => {
		expect(
			inferMailKind(
				sourceOf(
					"<p>New research from our team shows how long it takes a garden to recover after a dry summer and a cold winter.</p>",
				),
			),
		).toEqual({ kind: "marketing" });
		expect(inferMailKind(sourceOf("<p>Almost there! Just one more step to go.</p>"))).toEqual({ kind: "marketing" });
		expect(inferMailKind(sourceOf("<p>Lorem ipsum.</p><p>New York, NY 10001</p>"))).toEqual({ kind: "marketing" });
	});
});

describe("marketingShown: declared, or read from what the mail says", () => {
	test.each([
		[{ kind: "marketing" }, undefined, true],
		[{ kind: "marketing" }, { kind: "marketing", evidence: '"20% off"' }, true],
		[{ kind: "marketing" }, { kind: "marketing" }, false],
		[{ kind: "transactional" }, { kind: "transactional", evidence: '"receipt"' }, false],
	] as const)("%j %j -> %s", (campaign, inferred, shown) => expect(marketingShown(campaign, inferred)).toBe(shown));
});

describe("inferMailKind: a mail in a language the wording lists do not read is not read", () => {
	// A password reset, a discount and an order confirmation in Greek, Polish and Japanese: none has wording the nl/en/de/fr lists weigh.
	const GREEK_RESET = "<p>Επαναφέρετε τον κωδικό πρόσβασής σας πατώντας το κουμπί παρακάτω.</p>";
	const GREEK_SALE = "<p>Έκπτωση -20% σε όλα τα προϊόντα!</p>";
	const POLISH_ORDER = "<p>Dziękujemy za zamówienie. Kliknij poniższy przycisk, aby zobaczyć szczegóły płatności.</p>";
	const POLISH_SALE = "<p>Rabat -20% na wszystko! Wyprzedaż trwa do niedzieli.</p>";
	const JAPANESE_RESET = "<p>パスワードをリセットするには、以下のボタンをクリックしてください。</p>";

	test.each([
		[GREEK_RESET, "Greek"],
		[GREEK_SALE, "Greek"],
		[POLISH_ORDER, "its language"],
		[JAPANESE_RESET, "Japanese"],
		["<p>感谢您的订购。您的订单已发货。</p>", "Chinese"],
	])("assumed marketing without evidence, by its letters: %s", (body, language) =>
		expect(inferMailKind(sourceOf(body))).toEqual({ kind: "marketing", unreadLanguage: language }),
	);

	test("a discount in an unread language is not read either: no evidence, so no marketing-only duty is invented", () => {
		// "-20%" would be evidence in a mail the lists read (see above); here nothing is weighed.
		expect(inferMailKind(templateSource(`<html lang="pl"><body>${POLISH_SALE}</body></html>`))).toEqual({
			kind: "marketing",
			unreadLanguage: "Polish",
		});
	});

	test("the root element's lang names the language, in HTML and MJML", () => {
		const polish = "<p>Dziekujemy za zamowienie.</p>"; // no letters foreign to nl/en/de/fr
		expect(inferMailKind(templateSource(`<html lang="pl"><body>${polish}</body></html>`)).unreadLanguage).toBe(
			"Polish",
		);
		expect(
			inferMailKind(
				templateSource(
					`<mjml lang="pl-PL"><mj-body><mj-section><mj-column><mj-text>Dziekujemy</mj-text></mj-column></mj-section></mj-body></mjml>`,
					"mjml",
				),
			).unreadLanguage,
		).toBe("Polish");
	});

	test("the declared language comes first, and a read one lets the wording be read", () => {
		const source = sourceOf("<p>Zresetuj haslo.</p>");
		expect(inferMailKind(source, "pl").unreadLanguage).toBe("Polish");
		expect(inferMailKind(source, "el-GR").unreadLanguage).toBe("Greek");
		expect(inferMailKind(sourceOf("<p>You asked to reset your password.</p>"), "en-GB")).toEqual({
			kind: "transactional",
			evidence: '"reset your password"',
		});
	});

	test("letters of another script overrule a boilerplate lang", () => {
		expect(inferMailKind(templateSource(`<html lang="en"><body>${JAPANESE_RESET}</body></html>`)).unreadLanguage).toBe(
			"Japanese",
		);
	});

	test("a variable only a transaction fills in still makes it transactional", () => {
		expect(inferMailKind(sourceOf(`${JAPANESE_RESET}<a href="{{reset_password_url}}">リセット</a>`))).toEqual({
			kind: "transactional",
			evidence: "{{reset_password_url}}",
			unreadLanguage: "Japanese",
		});
	});

	test.each([
		// names and places with letters foreign to the four languages, in a mail the lists read
		"<p>Your order has shipped. Questions? Ask Łukasz or José Muñoz at the Kraków desk.</p>",
		"<p>Je bestelling is vóór 12 uur verzonden. Bestelnummer: 10423.</p>",
		"<p>Vielen Dank für Ihre Bestellung. Bestellnummer 4711-22. Grüße aus Köln.</p>",
		"<p>Votre commande a été expédiée. Numéro de suivi : 1Z999. À bientôt, Hélène.</p>",
		// a Greek word or two in an English mail
		"<p>Your receipt for the Ωmega subscription (Δ plan). Order number 1234.</p>",
	])("read as usual: %s", (body) => expect(inferMailKind(sourceOf(body)).unreadLanguage).toBeUndefined());

	test.each(['lang="und"', 'lang="{{ locale }}"', 'lang=""', 'lang="x-default"'])(
		"a lang that names no language is ignored: %s",
		(attribute) =>
			expect(
				inferMailKind(templateSource(`<html ${attribute}><body><p>Reset your password below.</p></body></html>`)),
			).toEqual({ kind: "transactional", evidence: '"reset your password"' }),
	);

	test("an SMS or WhatsApp template too, by its letters or its declared language", () => {
		expect(inferKindOfTexts(["Ο κωδικός επαλήθευσής σας είναι 483920."], [])).toEqual({
			kind: "marketing",
			unreadLanguage: "Greek",
		});
		expect(inferKindOfTexts(["Twoje zamowienie {{1}} zostalo wyslane."], ["1"], "pl")).toEqual({
			kind: "marketing",
			unreadLanguage: "Polish",
		});
		expect(inferKindOfTexts(["Your verification code is 483920."], [], "en_US").unreadLanguage).toBeUndefined();
	});
});
