import { RuleTester } from "eslint";
import plugin from "../../plugin/index.js";
import rule from "../../rules/one-click-unsubscribe.js";

/** one-click-unsubscribe on a captured message: the headers that were sent, and the DKIM signature over them (RFC 8058 §4). */
const tester = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/eml" });

const BODY =
	'Content-Type: text/html; charset=utf-8\n\n<html><body><p>Lenteactie: 20% korting.</p><p>Theehuis B.V., Dam 1, Amsterdam. <a href="https://theehuis.example/afmelden">Afmelden</a></p></body></html>\n';
const message = (headers: string) =>
	`From: Theehuis B.V. <nieuws@theehuis.example>\nSubject: Lenteactie\n${headers}MIME-Version: 1.0\n${BODY}`;
const ONE_CLICK =
	"List-Unsubscribe: <https://theehuis.example/u/8f3a2c>, <mailto:afmelden@theehuis.example>\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\n";
const dkim = (signed: string) =>
	`DKIM-Signature: v=1; a=rsa-sha256; d=theehuis.example; s=s1;\n h=${signed};\n bh=abc=; b=def=\n`;

const declaring = (headers: Record<string, string>, facts: Record<string, unknown> = {}) => ({
	mailcomply: { campaign: { kind: "marketing", headers, ...facts } },
});

tester.run("one-click-unsubscribe (eml)", rule as never, {
	valid: [
		message(ONE_CLICK),
		// signed in any case, folded over lines
		message(ONE_CLICK + dkim("From:Subject:List-Unsubscribe:\n List-Unsubscribe-Post")),
		message(ONE_CLICK + dkim("from:subject:list-unsubscribe:list-unsubscribe-post")),
		// one of two signatures covers them (an ESP signs twice)
		message(ONE_CLICK + dkim("from:subject") + dkim("from:list-unsubscribe:list-unsubscribe-post")),
		// a capture taken before the ESP adds its headers, declared so
		{ code: message(""), settings: { mailcomply: { campaign: { espAddsHeaders: true } } } },
		// a transactional message needs none
		{ code: message(""), settings: { mailcomply: { campaign: { kind: "transactional" } } } },
		// the declared headers are the ones sent: folding, spacing and case aside, a merge tag standing for its value
		{
			code: message(ONE_CLICK),
			settings: declaring({
				"List-Unsubscribe": "<https://theehuis.example/u/*|UNIQID|*>,   <mailto:afmelden@theehuis.example>",
				"List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
			}),
		},
		// declared, and the capture was taken before the ESP adds them (declared so)
		{
			code: message(""),
			settings: declaring({ "List-Unsubscribe": "<https://theehuis.example/u/1>" }, { espAddsHeaders: true }),
		},
	],
	invalid: [
		{ code: message(""), errors: [{ messageId: "missingSent", line: 1, column: 1 }] },
		// the sidecar declares another URI than the one sent
		{
			code: message(ONE_CLICK),
			settings: declaring({ "List-Unsubscribe": "<https://theehuis.example/afmelden?id={{ id }}>" }),
			errors: [{ messageId: "declaredDiffers", line: 3 }],
		},
		// declared, and not sent at all: the declaration and the missing header are both reported
		{
			code: message(""),
			settings: declaring({
				"List-Unsubscribe": "<https://theehuis.example/u/1>",
				"List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
			}),
			errors: [
				{ messageId: "declaredDiffers", line: 1 },
				{ messageId: "declaredDiffers", line: 1 },
				{ messageId: "missingSent", line: 1 },
			],
		},
		// a transactional message is compared too: a stale declaration is wrong whatever the kind
		{
			code: message(ONE_CLICK),
			settings: declaring({ "List-Id": "Nieuws <nieuws.theehuis.example>" }, { kind: "transactional" }),
			errors: [{ messageId: "declaredDiffers", line: 1 }],
		},
		{
			code: message("List-Unsubscribe: <https://theehuis.example/u/8f3a2c>\n"),
			errors: [{ messageId: "missingPostSent", line: 3 }],
		},
		{
			code: message("List-Unsubscribe: <mailto:afmelden@theehuis.example>\n"),
			errors: [{ messageId: "mailtoOnly", line: 3 }],
		},
		{
			code: message("List-Unsubscribe: <https://theehuis.example/u/1>\nList-Unsubscribe-Post: One-Click\n"),
			errors: [{ messageId: "badPost", line: 4 }],
		},
		{
			code: message(
				"List-Unsubscribe: <https://theehuis.example/u?email=jan@example.com>\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\n",
			),
			errors: [{ messageId: "recipientInUri", line: 3 }],
		},
		{
			code: message(ONE_CLICK + dkim("from:subject:list-unsubscribe")),
			errors: [
				{
					messageId: "notSigned",
					data: { headers: "`List-Unsubscribe-Post`", signed: "`from:subject:list-unsubscribe`" },
					line: 5,
				},
			],
		},
	],
});
