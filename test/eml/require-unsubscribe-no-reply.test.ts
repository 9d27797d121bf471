import { RuleTester } from "eslint";
import plugin from "../../plugin/index.js";

/** require-unsubscribe: "reply to unsubscribe" from a no-reply address is no opt-out (ePrivacy art. 13(4), CAN-SPAM 7704(a)(3)). */
const rule = plugin.rules["require-unsubscribe"];
const eml = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/eml" });
const html = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/html" });
const marketing = (extra: Record<string, unknown> = {}) => ({
	mailcomply: { campaign: { kind: "marketing", ...extra } },
});

const message = (headers: string, body: string) =>
	`${headers}Subject: Lente\nContent-Type: text/html; charset=utf-8\n\n<html><body><p>20% korting.</p>${body}</body></html>\n`;
const REPLY_NL = "<p>Afmelden? Beantwoord deze e-mail met STOP.</p>";
const REPLY_EN = "<p>To unsubscribe, reply to this e-mail with STOP.</p>";
const REPLY_DE = "<p>Abmelden? Antworten Sie auf diese E-Mail mit STOP.</p>";
const REPLY_FR = "<p>Pour vous désabonner, répondez à cet e-mail avec STOP.</p>";
const LINK = '<p><a href="https://www.theehuisjansen.nl/afmelden/8f3a">Afmelden</a></p>';

eml.run("require-unsubscribe (reply to a no-reply address, eml)", rule as never, {
	valid: [
		// replies reach a mailbox
		{ code: message("From: Theehuis <nieuws@theehuis.example>\n", REPLY_NL), settings: marketing() },
		// Reply-To takes the replies away from the no-reply From
		{
			code: message("From: Theehuis <noreply@theehuis.example>\nReply-To: afmelden@theehuis.example\n", REPLY_NL),
			settings: marketing(),
		},
		// a link beside the reply instruction: the link is the opt-out (a no-reply address is advice then)
		{ code: message("From: Theehuis <noreply@theehuis.example>\n", REPLY_NL + LINK), settings: marketing() },
		// "noreplyfan" is a name, not a no-reply address
		{ code: message("From: Fan <noreplyfan@theehuis.example>\n", REPLY_EN), settings: marketing() },
		// a transactional message owes no opt-out
		{ code: message("From: Shop <no-reply@shop.example>\n", REPLY_EN), settings: marketing({ kind: "transactional" }) },
	],
	invalid: [
		...[
			["noreply@theehuis.example", REPLY_NL],
			["no-reply@shop.example", REPLY_EN],
			["do-not-reply+news@teehaus.example", REPLY_DE],
			["ne-pas-repondre@boutique.example", REPLY_FR],
			["NoReply@shop.example", REPLY_EN],
		].map(([address, body]) => ({
			code: message(`From: Afzender <${address}>\n`, body!),
			settings: marketing(),
			errors: [{ messageId: "replyToNoReply" as const, line: 5 }],
		})),
		// the Reply-To is the no-reply one
		{
			code: message("From: Theehuis <nieuws@theehuis.example>\nReply-To: noreply@theehuis.example\n", REPLY_NL),
			settings: marketing(),
			errors: [{ messageId: "replyToNoReply", line: 6 }],
		},
	],
});

const page = (body: string) => `<!DOCTYPE html>\n<html><body>\n<p>20% korting.</p>\n${body}\n</body></html>`;

html.run("require-unsubscribe (reply to a no-reply address, template)", rule as never, {
	valid: [
		{ code: page(REPLY_NL), settings: marketing({ sender: { email: "nieuws@theehuis.example" } }) },
		// nothing declared: where replies go is not known
		{ code: page(REPLY_NL), settings: marketing() },
	],
	invalid: [
		{
			code: page(REPLY_NL),
			settings: marketing({ sender: { email: "noreply@theehuis.example" } }),
			errors: [{ messageId: "replyToNoReply", line: 4 }],
		},
	],
});
