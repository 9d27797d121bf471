import { afterEach, describe, expect, test } from "vitest";
import { TextMessageLanguage, MAX_TEXT_MESSAGE_BYTES } from "../../src/languages/text-message-language.js";
import type { TextMessageNode, TextPartNode } from "../../src/text-message/ast.js";
import { lintWithRules, tempProject } from "../helpers/lint.js";

const sms = new TextMessageLanguage({ channel: "sms" });
const whatsapp = new TextMessageLanguage({ channel: "whatsapp" });

function parse(language: TextMessageLanguage, body: string, path = "/nowhere/t") {
	return language.parse({ body, path, physicalPath: path, bom: false } as never, { languageOptions: {} } as never);
}

function ast(language: TextMessageLanguage, body: string): TextMessageNode {
	const result = parse(language, body);
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
	return result.ast;
}

const template = (components: unknown[], extra: Record<string, unknown> = {}) =>
	JSON.stringify({ name: "spring_sale", language: "nl", category: "MARKETING", components, ...extra }, null, 2);

describe("mailcomply/whatsapp", () => {
	test("each component's text is a part located inside its JSON string, escapes mapped back", () => {
		const text =
			'{"name":"a","language":"nl","category":"MARKETING","components":[{"type":"BODY","text":"Hoi {{1}},\\nzie www.example.nl/x"}]}';
		const root = ast(whatsapp, text);
		const body = root.children[0]!;
		expect(body.role).toBe("body");
		expect(body.text).toBe("Hoi {{1}},\nzie www.example.nl/x");
		const [variable, url] = body.children;
		expect(variable!.type).toBe("MessageVariable");
		expect(text.slice(...variable!.range)).toBe("{{1}}");
		expect(url!.type).toBe("MessageUrl");
		// After the two-character escape \n the offsets still land on the URL as written.
		expect(text.slice(...url!.range)).toBe("www.example.nl/x");
		expect(root.problems).toEqual([]);
	});

	test("buttons are parts with their type and url", () => {
		const root = ast(
			whatsapp,
			template([
				{ type: "BODY", text: "x" },
				{
					type: "buttons",
					buttons: [
						{ type: "quick_reply", text: "Afmelden" },
						{ type: "URL", text: "Shop", url: "https://e.nl/{{1}}" },
					],
				},
			]),
		);
		const buttons = root.children.filter((part): part is TextPartNode => part.role === "button");
		expect(buttons.map((button) => [button.buttonType, button.text, button.url])).toEqual([
			["QUICK_REPLY", "Afmelden", undefined],
			["URL", "Shop", "https://e.nl/{{1}}"],
		]);
	});

	test("invalid JSON is a located parse error, not a crash", () => {
		const result = parse(whatsapp, '{\n  "name": "x",\n  "language" "nl"\n}');
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors[0]).toMatchObject({ line: 3, column: 14 });
		expect(result.errors[0]!.message).toMatch(/not valid JSON: Expected a colon/u);
	});

	test.each([
		["an unclosed string", '{"name": "x'],
		["a trailing comma", '{"name": "x",}'],
		["nothing", ""],
		["deep nesting", "[".repeat(100_000)],
		["a bad escape", '{"name": "\\q"}'],
	])("%s gets a clear message", (_, body) => {
		const result = parse(whatsapp, body);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.errors[0]!.message).toMatch(/^This WhatsApp template is not valid JSON: /u);
	});

	test("a template that is not of Meta's form gets one problem per missing field", () => {
		const root = ast(whatsapp, JSON.stringify({ components: [{ type: "TITLE" }, 3] }));
		expect(root.problems.map((problem) => problem.message)).toEqual([
			expect.stringMatching(/no `name`/u),
			expect.stringMatching(/no `language`/u),
			expect.stringMatching(/no `category`/u),
			expect.stringMatching(/Unknown component type "TITLE"/u),
			expect.stringMatching(/Each component is a JSON object/u),
			expect.stringMatching(/no BODY component/u),
		]);
	});

	test("10,000 components: read up to the bound, reported once, quickly", () => {
		const components = Array.from({ length: 10_000 }, () => ({ type: "BODY", text: "Hoi {{1}}" }));
		const started = performance.now();
		const root = ast(whatsapp, template(components));
		expect(performance.now() - started).toBeLessThan(2000);
		expect(root.problems).toHaveLength(1);
		expect(root.problems[0]!.message).toMatch(/has 10,000 components.*only the first 20 were read/u);
		expect(root.children).toHaveLength(20);
	});
});

describe("mailcomply/sms", () => {
	test("the file is the message, with its merge tags and URLs", () => {
		const root = ast(sms, "Hoi {{ first_name }}, {first_name} %FIRSTNAME%: kijk op example.nl/actie.\n");
		const part = root.children[0]!;
		expect(part.text.endsWith("actie.")).toBe(true);
		expect(part.children.map((child) => (child.type === "MessageUrl" ? child.value : child.name))).toEqual([
			"first_name",
			"first_name",
			"FIRSTNAME",
			"example.nl/actie",
		]);
	});

	test("a 5 MB SMS is refused with a clear message", () => {
		const result = parse(sms, "a".repeat(5 * 1024 * 1024));
		expect(result.ok).toBe(false);
		if (!result.ok)
			expect(result.errors[0]!.message).toBe(
				"This SMS template is 5.0 MB; mailcomply lints text messages up to 1 MB (an SMS is at most a few hundred characters), so it was not linted.",
			);
		expect(MAX_TEXT_MESSAGE_BYTES).toBe(1024 * 1024);
	});

	test("a binary file is refused", () => {
		const result = parse(sms, "abc\0def");
		expect(result.ok).toBe(false);
	});
});

describe("through ESLint", () => {
	let cleanup = () => {};
	afterEach(() => cleanup());

	test("valid-template reports a WhatsApp template's format problems at their value; the channel comes from the file", async () => {
		const project = tempProject({
			"wa/spring.whatsapp.json":
				'{\n  "name": "spring",\n  "language": "nl",\n  "category": "PROMO",\n  "components": [{ "type": "BODY", "text": "Hoi" }]\n}\n',
			"sms/hello.sms.txt": "Hoi!\n",
		});
		cleanup = project.cleanup;
		const results = await lintWithRules(project.dir, { "mailcomply/valid-template": "error" });
		const byFile = Object.fromEntries(
			results.map((result) => [
				result.filePath.slice(project.dir.length + 1),
				result.messages.map((message) => `${message.line}:${message.column} ${message.message}`),
			]),
		);
		expect(byFile).toEqual({
			"sms/hello.sms.txt": [],
			"wa/spring.whatsapp.json": [
				'4:15 Unknown template category "PROMO": Meta\'s categories are MARKETING, UTILITY and AUTHENTICATION.',
			],
		});
	});
});
