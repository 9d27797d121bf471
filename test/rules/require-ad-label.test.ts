import { RuleTester } from "eslint";
import plugin from "../../plugin/index.js";
import rule from "../../rules/require-ad-label.js";

const html = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/html" });
const mjml = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/mjml" });

const page = (body: string) => `<!DOCTYPE html>\n<html><body>\n${body}\n</body></html>`;
const mail = (text: string) =>
	`<mjml>\n<mj-body>\n<mj-section><mj-column>\n<mj-text>${text}</mj-text>\n</mj-column></mj-section>\n</mj-body>\n</mjml>`;
const us = (facts: Record<string, unknown> = {}) => ({
	mailcomply: { campaign: { audience: { countries: ["US"] }, ...facts } },
});
const SALE = `<p>Spring sale: new arrivals.</p>`;
const EXPERIAN = `<p>Get 25% off your FICO® Score upgrade.</p>\n<p>This is not a marketing email – you're receiving this message to notify you of a recent change to your account.</p>`;

html.run("require-ad-label (html)", rule as never, {
	valid: [
		// labelled in the subject, the preheader or the body
		{ code: page(SALE), settings: us({ subject: "[Ad] Spring sale" }) },
		{ code: page(SALE), settings: us({ subject: "Advertisement: spring sale" }) },
		{ code: page(SALE), settings: us({ preheader: "Advertisement from Contoso" }) },
		{ code: page(`<p>Advertisement</p>\n${SALE}`), settings: us() },
		{ code: page(`<p>This is an advertisement from Contoso Outlet.</p>\n${SALE}`), settings: us() },
		// prior affirmative consent: no label needed
		{ code: page(SALE), settings: us({ lawfulBasis: "consent" }) },
		// transactional mail is not commercial
		{ code: page(`<p>Your order has shipped.</p>`), settings: us({ kind: "transactional" }) },
		// not a US audience (the default is NL)
		page(SALE),
		{ code: page(SALE), settings: us({ audience: { countries: ["CA"] } }) },
		// the option gives the countries when the sidecar does not
		{ code: page(SALE), options: [{ countries: ["GB"] }] },
		// a service claim without any promotion is fine
		{
			code: page(`<p>Your password was changed.</p>\n<p>This is a service message.</p>`),
			settings: us({ kind: "transactional" }),
		},
		// traps: "Ad hoc", "advertising partners" do not label, but consent makes the label unnecessary
		{ code: page(`<p>Our advertising partners</p>`), settings: us({ lawfulBasis: "consent" }) },
		// partial
		{ code: `<table><tr><td>Sale</td></tr></table>`, settings: us() },
		// no kind declared and nothing that promotes or reports a transaction: marketing by default for the opt-out,
		// but not shown to be an advertisement (docs/precision.md: such findings were right less than half the time)
		{ code: page(`<p>Almost there! Just one more step to go.</p>\n<p>Click le Button</p>`), settings: us() },
		{ code: page(`<p>Welcome to Lume, Alex. Here are three quick things to do first.</p>`), settings: us() },
		// no kind declared: a receipt whose coupon comes after the receipt is transactional by CAN-SPAM's primary purpose (16 CFR 316.3(a)(2))
		{
			code: page(
				`<p>This is a receipt for your purchase. Invoice #10423.</p>\n<p>Total: $20.00</p>\n<p>10% off your next purchase!</p>`,
			),
			settings: us(),
		},
	],
	invalid: [
		// … unless the coupon comes first, or the subject line promotes, or the user declared the mail marketing
		{
			code: page(`<p>10% off your next purchase!</p>\n<p>This is a receipt for your purchase. Invoice #10423.</p>`),
			settings: us(),
			errors: [{ messageId: "missing" }],
		},
		{
			code: page(`<p>This is a receipt for your purchase. Invoice #10423.</p>\n<p>10% off your next purchase!</p>`),
			settings: us({ subject: "Get 10% off your next order" }),
			errors: [{ messageId: "missing" }],
		},
		{
			code: page(`<p>This is a receipt for your purchase. Invoice #10423.</p>\n<p>10% off your next purchase!</p>`),
			settings: us({ kind: "marketing" }),
			errors: [{ messageId: "missing" }],
		},
		{
			code: page(SALE),
			settings: us(),
			errors: [{ messageId: "missing", data: { basis: "no lawfulBasis declared" }, line: 2, column: 7 }],
		},
		{
			code: page(SALE),
			settings: us({ lawfulBasis: "legitimate-interest" }),
			errors: [{ messageId: "missing", data: { basis: "lawfulBasis: legitimate-interest" } }],
		},
		{ code: page(SALE), options: [{ countries: ["US"] }], errors: [{ messageId: "missing" }] },
		// NL + US campaign: the US rule applies too
		{ code: page(SALE), settings: us({ audience: { countries: ["NL", "US"] } }), errors: [{ messageId: "missing" }] },
		// words that are not a label
		{
			code: page(`<p>Ad hoc update</p>\n<p>Our advertising partners</p>`),
			settings: us({ kind: "marketing" }),
			errors: [{ messageId: "missing" }],
		},
		{ code: page(SALE), settings: us({ subject: "Add these to your cart" }), errors: [{ messageId: "missing" }] },
		// FTC v. Experian: promotion under a "not marketing" claim, even when declared transactional
		{
			code: page(EXPERIAN),
			settings: us({ kind: "transactional" }),
			errors: [
				{ messageId: "falseClaim", data: { claim: "not a marketing email", offer: "25% off" }, line: 4, column: 1 },
			],
		},
		// both findings when marketing without consent
		{
			code: page(EXPERIAN),
			settings: us(),
			errors: [
				{ messageId: "missing", line: 2 },
				{ messageId: "falseClaim", line: 4 },
			],
		},
		// consent does not excuse a false claim
		{ code: page(EXPERIAN), settings: us({ lawfulBasis: "consent" }), errors: [{ messageId: "falseClaim" }] },
		// nl / de / fr claims, promotion in the subject
		{
			code: page(`<p>Dit is een servicebericht.</p>`),
			settings: us({ kind: "transactional", subject: "Win een iPad" }),
			errors: [{ messageId: "falseClaim", data: { claim: "dit is een servicebericht", offer: "Win" } }],
		},
		{
			code: page(`<p>Mach mit beim Gewinnspiel!</p><p>Dies ist keine Werbung.</p>`),
			settings: us({ lawfulBasis: "consent" }),
			errors: [{ messageId: "falseClaim", data: { claim: "dies ist keine werbung", offer: "Gewinnspiel" } }],
		},
		{
			code: page(`<p>-20% sur tout</p><p>Ceci n'est pas un e-mail promotionnel.</p>`),
			settings: us({ lawfulBasis: "consent" }),
			errors: [{ messageId: "falseClaim", data: { claim: "ceci n'est pas un e-mail promotionnel", offer: "-20%" } }],
		},
	],
});

mjml.run("require-ad-label (mjml)", rule as never, {
	valid: [{ code: mail(`Advertisement · New bikes are in.`), settings: us() }],
	invalid: [
		{ code: mail(`New bikes are in.`), settings: us(), errors: [{ messageId: "missing", line: 2, column: 1 }] },
	],
});
