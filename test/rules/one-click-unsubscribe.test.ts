import { RuleTester } from "eslint";
import plugin from "../../plugin/index.js";
import rule from "../../rules/one-click-unsubscribe.js";

const tester = new RuleTester({ plugins: { mailcomply: plugin }, language: "mailcomply/campaign" });

const headers = (listUnsubscribe: string, post = "List-Unsubscribe=One-Click") =>
	`kind: marketing\nheaders:\n  List-Unsubscribe: ${JSON.stringify(listUnsubscribe)}\n${post === "" ? "" : `  List-Unsubscribe-Post: ${post}\n`}`;

tester.run("one-click-unsubscribe", rule as never, {
	valid: [
		headers("<https://www.bakkerij.example/afmelden?id=*|UNIQID|*>, <mailto:afmelden@bakkerij.example>"),
		headers("<mailto:unsubscribe@example.com?subject=unsubscribe>, <https://example.com/u/8f3a2c>"),
		// RFC 5322 comments and line-folded whitespace
		headers("(one-click) <https://example.com/u/8f3a2c> ,\n <mailto:u@example.com>"),
		// a URI that is one merge tag: the ESP decides the scheme
		headers("<{{ unsubscribe_url }}>"),
		headers("<%asm_group_unsubscribe_raw_url%>".replace(/^/u, "<").concat(">")),
		// hashed addresses are not clear text
		headers("<https://example.com/u?h={{ email | sha256 }}>"),
		// header names in another case
		'headers:\n  list-unsubscribe: "<https://example.com/u/1>"\n  list-unsubscribe-post: List-Unsubscribe=One-Click\n',
		// the ESP adds them: declared, or known from the catalogue
		"esp: sendgrid\nespAddsHeaders: true\n",
		"esp: klaviyo\n",
		// not marketing e-mail
		"kind: transactional\n",
		"channel: sms\n",
		// headers from the organisation's settings
		{
			code: "esp: ses\n",
			settings: {
				mailcomply: {
					campaign: {
						headers: {
							"List-Unsubscribe": "<https://example.com/u/{{ token }}>",
							"List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
						},
					},
				},
			},
		},
		"",
	],
	invalid: [
		{
			code: "kind: marketing\nesp: ses\n",
			errors: [{ messageId: "missing", data: { esp: "Amazon SES" }, line: 2, column: 6 }],
		},
		{ code: "kind: marketing\n", errors: [{ messageId: "missing", data: { esp: "your ESP" }, line: 1, column: 1 }] },
		// declaring false overrides the catalogue
		{ code: "esp: klaviyo\nespAddsHeaders: false\n", errors: [{ messageId: "missing" }] },
		{
			code: headers("https://example.com/u/8f3a2c"),
			errors: [{ messageId: "malformed", data: { reason: "the URI is not in angle brackets" }, line: 3, column: 21 }],
		},
		{
			code: headers("<https://example.com/u/1> <mailto:u@example.com>"),
			errors: [{ messageId: "malformed", data: { reason: 'URIs must be separated by commas, found "<"' } }],
		},
		{
			code: headers("<https://example.com/u/1>,"),
			errors: [{ messageId: "malformed", data: { reason: "it ends with a comma" } }],
		},
		{
			code: headers("<https://example.com/u/1"),
			errors: [{ messageId: "malformed", data: { reason: 'a "<" is not closed by ">"' } }],
		},
		{ code: headers("<>"), errors: [{ messageId: "malformed", data: { reason: "it contains an empty <>" } }] },
		{
			code: headers("<http://example.com/u/1>"),
			errors: [{ messageId: "httpOnly", data: { uri: "http://example.com/u/1" }, line: 3, column: 21 }],
		},
		{ code: headers("<mailto:u@example.com>"), errors: [{ messageId: "mailtoOnly", line: 3 }] },
		{ code: headers("<https://example.com/u/1>", ""), errors: [{ messageId: "missingPost", line: 3 }] },
		{
			code: headers("<https://example.com/u/1>", "One-Click"),
			errors: [{ messageId: "badPost", data: { value: "One-Click" }, line: 4, column: 26 }],
		},
		{
			code: "headers:\n  List-Unsubscribe-Post: List-Unsubscribe=One-Click\n",
			errors: [{ messageId: "postWithoutHttps", line: 2, column: 26 }],
		},
		// recipient's address: merge tags of several ESPs and literal addresses
		{
			code: headers("<https://example.com/u?email={{ email }}>"),
			errors: [
				{
					messageId: "recipientInUri",
					data: { uri: "https://example.com/u?email={{ email }}", evidence: "{{ email }}" },
				},
			],
		},
		{
			code: headers("<https://example.com/u?e=*|EMAIL|*>"),
			errors: [
				{ messageId: "recipientInUri", data: { uri: "https://example.com/u?e=*|EMAIL|*", evidence: "*|EMAIL|*" } },
			],
		},
		{ code: headers("<https://example.com/u?e=%%emailaddr%%>"), errors: [{ messageId: "recipientInUri" }] },
		{
			code: headers("<https://example.com/u?e={{ contact.email | url_encode }}>"),
			errors: [{ messageId: "recipientInUri" }],
		},
		{
			code: headers("<https://example.com/u?e=jan.jansen%40example.nl>"),
			errors: [
				{
					messageId: "recipientInUri",
					data: { uri: "https://example.com/u?e=jan.jansen%40example.nl", evidence: "jan.jansen@example.nl" },
				},
			],
		},
		// several problems at once
		{
			code: headers("<http://example.com/u?email={{email}}>", ""),
			errors: [{ messageId: "httpOnly" }, { messageId: "recipientInUri" }],
		},
	],
});
