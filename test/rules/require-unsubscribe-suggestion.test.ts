import * as cheerio from "cheerio";
import { describe, expect, test } from "vitest";
import type { TemplateFormat } from "../../src/ast/types.js";
import { applySuggestion, lint, mjmlErrors, mjmlHtml, parseProblems } from "./fix-check.js";

const RULES = { "mailcomply/require-unsubscribe": "error" } as const;
const settings = (campaign: Record<string, unknown>) => ({ mailcomply: { campaign } });

const html = (lang = "", body = "<p>Voorjaarsactie: 20% korting op alle fietsen.</p>") =>
	`<!DOCTYPE html>\n<html${lang ? ` lang="${lang}"` : ""}>\n<head><title>Mail</title></head>\n<body style="background:#000000;color:#ffffff">\n${body}\n</body>\n</html>\n`;
const mjml = (lang = "") =>
	`<mjml${lang ? ` lang="${lang}"` : ""}>\n  <mj-body background-color="#111111">\n    <mj-section>\n      <mj-column>\n        <mj-text color="#ffffff">Nieuwe e-bikes binnen!</mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n`;

async function applyAndCheck(code: string, format: TemplateFormat, campaign: Record<string, unknown>): Promise<string> {
	const [missing] = lint(code, format, RULES, settings(campaign));
	expect(missing?.messageId).toBe("missing");
	expect(missing?.fix).toBeUndefined();
	const fixed = applySuggestion(code, missing!);
	expect(parseProblems(fixed, format)).toEqual([]);
	if (format === "mjml") expect(await mjmlErrors(fixed)).toEqual([]);
	// the mail now has an opt-out, and the footer is readable on a dark mail
	expect(lint(fixed, format, { ...RULES, "mailcomply/no-hidden-unsubscribe": "error" }, settings(campaign))).toEqual(
		[],
	);
	return fixed;
}

describe("require-unsubscribe suggestion", () => {
	test.each([
		["sidecar language nl", html(), { language: "nl" }, "Wil je deze e-mails niet meer ontvangen?", "Afmelden"],
		["<html lang=de-DE>", html("de-DE"), {}, "Sie möchten diese E-Mails nicht mehr erhalten?", "Abmelden"],
		["<html lang=fr>", html("fr"), {}, "Vous ne souhaitez plus recevoir ces e-mails", "Se désabonner"],
		["no language: English", html(), {}, "Don't want to receive these e-mails any more?", "Unsubscribe"],
		["unsupported language: English", html("ja"), {}, "Don't want to receive these e-mails any more?", "Unsubscribe"],
		[
			"the sidecar beats <html lang>",
			html("en"),
			{ language: "nl-BE" },
			"Wil je deze e-mails niet meer ontvangen?",
			"Afmelden",
		],
		// A language is text from the file: names that Object.prototype answers for are unsupported languages, not its members.
		[
			"<html lang=constructor>: English",
			html("constructor"),
			{},
			"Don't want to receive these e-mails any more?",
			"Unsubscribe",
		],
		[
			"<html lang=__proto__>: English",
			html("__proto__"),
			{},
			"Don't want to receive these e-mails any more?",
			"Unsubscribe",
		],
		[
			"<html lang=toString-NL>: English",
			html("toString-NL"),
			{},
			"Don't want to receive these e-mails any more?",
			"Unsubscribe",
		],
	])("HTML, %s", async (_name, code, campaign, question, link) => {
		const fixed = await applyAndCheck(code, "html", campaign);
		expect(fixed).toContain(question);
		expect(fixed).toContain(`>${link}</a>`);
		// inserted just before </body>
		expect(fixed.indexOf(link)).toBeLessThan(fixed.indexOf("</body>"));
		expect(fixed.indexOf(link)).toBeGreaterThan(fixed.indexOf("Voorjaarsactie"));
	});

	test.each([
		["mjml lang=nl", mjml("nl"), {}, "Afmelden"],
		["sidecar de", mjml(), { language: "de" }, "Abmelden"],
		["mjml lang=fr", mjml("fr"), {}, "Se désabonner"],
		["default en", mjml(), {}, "Unsubscribe"],
		["mjml lang=hasOwnProperty: English", mjml("hasOwnProperty"), {}, "Unsubscribe"],
	])("MJML, %s: a new mj-section that mjml compiles", async (_name, code, campaign, link) => {
		const fixed = await applyAndCheck(code, "mjml", campaign);
		expect(fixed).toMatch(
			new RegExp(`<mj-section[^>]*>.*${link}</a></mj-text></mj-column></mj-section>\\n  </mj-body>`, "u"),
		);
	});

	test.each([
		["mailchimp", 'href="*|UNSUB|*"'],
		["sendgrid", 'href="<%asm_group_unsubscribe_raw_url%>"'],
		["mailgun", 'href="%unsubscribe_url%"'],
		["brevo", 'href="{{ unsubscribe }}"'],
		["sfmc", 'href="%%unsub_center_url%%"'],
		["mailjet", 'href="[[UNSUB_LINK_EN]]"'],
		["klaviyo", 'href="{% unsubscribe_link %}"'],
	])("the configured ESP's tag (%s), with no placeholder comment", async (esp, href) => {
		for (const [code, format] of [
			[html(), "html"],
			[mjml(), "mjml"],
		] as const) {
			const fixed = await applyAndCheck(code, format, { esp, espAppendsFooter: false });
			expect(fixed).toContain(href);
			expect(fixed).not.toContain("{{unsubscribe_url}}");
		}
	});

	test("no ESP: a {{unsubscribe_url}} placeholder and a comment saying to replace it", async () => {
		const fixed = await applyAndCheck(html(), "html", { esp: "other" });
		expect(fixed).toContain('href="{{unsubscribe_url}}"');
		expect(fixed).toContain("<!-- Replace {{unsubscribe_url}} with your ESP's unsubscribe link tag. -->");
	});

	test.each(["constructor", "toString", "__proto__"])(
		"an ESP named like a JavaScript property (%s) is no known ESP: the placeholder",
		async (esp) => {
			const fixed = await applyAndCheck(html(), "html", { esp });
			expect(fixed).toContain('href="{{unsubscribe_url}}"');
			expect(fixed).not.toContain("undefined");
		},
	);

	test("HTML without <body>: before </html>; without </body>: at the end", async () => {
		const noBody = `<!DOCTYPE html>\n<html>\n<p>Sale</p>\n</html>\n`;
		const fixed = await applyAndCheck(noBody, "html", {});
		expect(fixed.indexOf("Unsubscribe</a>")).toBeLessThan(fixed.indexOf("</html>"));
		const unclosed = `<!DOCTYPE html>\n<html><body>\n<p>Sale</p>\n`;
		expect((await applyAndCheck(unclosed, "html", {})).startsWith(unclosed.trimEnd())).toBe(true);
	});
});

describe("require-unsubscribe suggestion, as mjml compiles it", () => {
	// The footer is checked in the HTML a recipient gets: queried with cheerio, not matched as text.
	test("the compiled footer has the ESP's opt-out link with its words, on its own white background", async () => {
		const code = mjml("nl");
		const campaign = { esp: "mailchimp", espAppendsFooter: false };
		const [missing] = lint(code, "mjml", RULES, settings(campaign));
		const $ = cheerio.load(await mjmlHtml(applySuggestion(code, missing!)));
		const links = $('a[href="*|UNSUB|*"]');
		expect(links).toHaveLength(1);
		expect(links.text().trim()).toBe("Afmelden");
		const painted = links
			.parents()
			.toArray()
			.map((element) => `${$(element).attr("style") ?? ""} ${$(element).attr("bgcolor") ?? ""}`.toLowerCase());
		expect(painted.some((style) => /#fff(?:fff)?\b|white/u.test(style))).toBe(true);
		// The mail's own text is still there, before the footer.
		const text = $("body").text();
		expect(text.indexOf("Nieuwe e-bikes binnen!")).toBeLessThan(text.indexOf("Afmelden"));
	});
});
