import { RuleTester } from "eslint";
import plugin from "../../plugin/index.js";

/** bulk-sender-headers: what Gmail, Yahoo and Outlook.com ask of a message's own headers. */
const tester = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/eml" });
const rule = plugin.rules["bulk-sender-headers"];

const BODY = "Content-Type: text/plain; charset=utf-8\n\n20% korting op groene thee.\n";
const DATE = "Date: Tue, 1 Dec 2026 09:00:00 +0100\n";
const ID = "Message-ID: <20261201090000.1@theehuisjansen.nl>\n";
const FROM = "From: Theehuis Jansen <nieuwsbrief@theehuisjansen.nl>\n";
const message = (headers: string) => `${headers}Subject: Lenteactie\n${BODY}`;

tester.run("bulk-sender-headers", rule as never, {
	valid: [
		message(FROM + DATE + ID),
		// a display name in quotes, an encoded word, a subdomain
		message(`From: =?UTF-8?Q?Caf=C3=A9_de_Vries?= <nieuws@mail.cafedevries.nl>\n${DATE}${ID}`),
		// English, German and French senders
		message(`From: "Contoso Outlet" <deals@contoso-outlet.com>\n${DATE}${ID}`),
		message(`From: Teehaus Berger <news@teehaus-berger.de>\n${DATE}${ID}`),
		message(`From: Maison Dupont <infos@maison-dupont.fr>\n${DATE}${ID}`),
		// a free-mail address in Reply-To is not the From
		message(`${FROM}Reply-To: theehuis@gmail.com\n${DATE}${ID}`),
		// a look-alike of a free-mail domain is somebody's own domain
		message(`From: Nieuws <nieuws@gmail.com.theehuis.nl>\n${DATE}${ID}`),
		// a capture taken before the ESP adds Message-ID and Date, declared so
		{ code: message(FROM), settings: { mailcomply: { campaign: { espAddsHeaders: true } } } },
	],
	invalid: [
		{ code: message(DATE + ID), errors: [{ messageId: "missingFrom", line: 1 }] },
		{ code: message(`From: Theehuis Jansen\n${DATE}${ID}`), errors: [{ messageId: "fromWithoutAddress", line: 1 }] },
		...["theehuis.jansen@gmail.com", "Theehuis@Hotmail.NL", "theehuis@yahoo.co.uk", "theehuis@gmx.de"].map(
			(address) => ({
				code: message(`From: Theehuis Jansen <${address}>\n${DATE}${ID}`),
				errors: [{ messageId: "freeMailFrom" as const, line: 1 }],
			}),
		),
		{ code: message(FROM + DATE), errors: [{ messageId: "missingMessageId", line: 1 }] },
		{
			code: message(`${FROM}${DATE}Message-ID: 20261201.1@theehuisjansen.nl\n`),
			errors: [{ messageId: "missingMessageId", line: 3 }],
		},
		{ code: message(FROM + ID), errors: [{ messageId: "missingDate", line: 1 }] },
		{
			code: message(`${FROM}${DATE}${ID}From: Iemand Anders <x@elders.example>\n`),
			errors: [{ messageId: "repeated", line: 4 }],
		},
		// declaring the ESP adds its headers does not excuse a missing From
		{
			code: message(DATE),
			settings: { mailcomply: { campaign: { espAddsHeaders: true } } },
			errors: [{ messageId: "missingFrom", line: 1 }],
		},
	],
});
