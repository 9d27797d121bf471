/**
 * Reads a WhatsApp message template in the form Meta's template-creation
 * API takes it (https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/components):
 *
 * ```json
 * { "name": "spring_sale", "language": "nl", "category": "MARKETING",
 *   "components": [
 *     { "type": "HEADER", "format": "TEXT", "text": "Lenteactie" },
 *     { "type": "BODY", "text": "Hoi {{1}}, …", "example": { "body_text": [["Sanne"]] } },
 *     { "type": "FOOTER", "text": "Geen berichten meer? Tik op Afmelden" },
 *     { "type": "BUTTONS", "buttons": [{ "type": "QUICK_REPLY", "text": "Afmelden" }] } ] }
 * ```
 *
 * Every text becomes a `TextPart`; what is not of that form becomes a
 * problem for `valid-template`, located at the value, and the rest of the
 * template is still read.
 */
import type { LineIndex } from "../ast/line-index.js";
import type { Range } from "../ast/types.js";
import type {
	TextMessageNode,
	TextMessageProblem,
	TextPartNode,
	TextPartRole,
	WhatsAppComponent,
	WhatsAppTemplate,
} from "./ast.js";
import { member, type LocatedJson } from "./located-json.js";
import { textPart } from "./text-part.js";

export const WHATSAPP_CATEGORIES = ["MARKETING", "UTILITY", "AUTHENTICATION"] as const;
const COMPONENT_TYPES = ["HEADER", "BODY", "FOOTER", "BUTTONS"];
/**
 * Components read from one template. Meta's template has at most one of
 * each type (carousels and limited-time offers add a few); past this many
 * the file is not a template anyone wrote by hand, and reading on only
 * costs time.
 */
export const MAX_WHATSAPP_COMPONENTS = 20;

export function whatsAppMessage(root: LocatedJson, text: string, lines: LineIndex): TextMessageNode {
	const problems: TextMessageProblem[] = [];
	const problem = (range: Range, message: string) => problems.push({ message, range, loc: lines.loc(range) });
	const whole: Range = [0, text.length];
	const message: TextMessageNode = {
		type: "TextMessage",
		channel: "whatsapp",
		children: [],
		problems,
		range: whole,
		loc: lines.loc(whole),
	};
	if (root.kind !== "object") {
		problem(
			root.range,
			"A WhatsApp template is a JSON object with `name`, `language`, `category` and `components` (Meta's template-creation format).",
		);
		return message;
	}
	const template: WhatsAppTemplate = { components: [] };
	message.whatsapp = template;

	const name = member(root, "name");
	if (name?.kind === "string") template.name = name.value;
	else
		problem(
			name?.range ?? keyless(root),
			'The template has no `name` (a string such as "spring_sale"); Meta requires one.',
		);
	const language = member(root, "language");
	if (language?.kind === "string") template.language = language.value;
	else
		problem(
			language?.range ?? keyless(root),
			'The template has no `language` (a string such as "nl" or "en_US"); Meta requires one.',
		);
	const category = member(root, "category");
	if (category?.kind === "string") {
		template.category = category.value.toUpperCase();
		template.categoryLoc = lines.loc(category.range);
		if (!(WHATSAPP_CATEGORIES as readonly string[]).includes(template.category)) {
			problem(
				category.range,
				`Unknown template category "${category.value}": Meta's categories are MARKETING, UTILITY and AUTHENTICATION.`,
			);
		}
	} else {
		problem(
			category?.range ?? keyless(root),
			"The template has no `category` (MARKETING, UTILITY or AUTHENTICATION); Meta requires one, and the law's duties depend on it.",
		);
	}

	const components = member(root, "components");
	if (components?.kind !== "array") {
		problem(
			components?.range ?? keyless(root),
			"The template has no `components` array; Meta requires at least a BODY component.",
		);
		return message;
	}
	if (components.items.length > MAX_WHATSAPP_COMPONENTS) {
		problem(
			components.range,
			`This template has ${components.items.length.toLocaleString("en")} components; a WhatsApp template has at most one HEADER, BODY, FOOTER and BUTTONS each, so only the first ${MAX_WHATSAPP_COMPONENTS} were read.`,
		);
	}
	for (const item of components.items.slice(0, MAX_WHATSAPP_COMPONENTS)) {
		const component = readComponent(item, lines, problem);
		if (!component) continue;
		template.components.push(component);
		if (component.text) message.children.push(component.text);
		message.children.push(...component.buttons);
	}
	if (!template.components.some((component) => component.type === "BODY")) {
		problem(
			components.range,
			"The template has no BODY component; Meta requires one, and it is what the recipient reads.",
		);
	}
	return message;
}

/** Where to report a missing key: the object's opening brace. */
function keyless(object: LocatedJson): Range {
	return [object.range[0], object.range[0] + 1];
}

function readComponent(
	item: LocatedJson,
	lines: LineIndex,
	problem: (range: Range, message: string) => void,
): WhatsAppComponent | undefined {
	if (item.kind !== "object") {
		problem(item.range, "Each component is a JSON object with a `type` (HEADER, BODY, FOOTER or BUTTONS).");
		return undefined;
	}
	const type = member(item, "type");
	const typeName = type?.kind === "string" ? type.value.toUpperCase() : undefined;
	if (typeName === undefined || !COMPONENT_TYPES.includes(typeName)) {
		problem(
			type?.range ?? keyless(item),
			`${typeName === undefined ? "A component has no `type`" : `Unknown component type "${typeName}"`}: WhatsApp templates have HEADER, BODY, FOOTER and BUTTONS components.`,
		);
		return undefined;
	}
	const format = member(item, "format");
	const component: WhatsAppComponent = {
		type: typeName,
		examples: exampleNames(member(item, "example")),
		hasMediaSample: false,
		buttons: [],
		loc: lines.loc(item.range),
	};
	if (format?.kind === "string") component.format = format.value.toUpperCase();
	const example = member(item, "example");
	const handle = member(example, "header_handle");
	component.hasMediaSample =
		handle?.kind === "array" && handle.items.some((value) => value.kind === "string" && value.value.trim() !== "");
	const role = typeName.toLowerCase() as TextPartRole;
	const value = member(item, "text");
	if (value?.kind === "string") component.text = textPart(role, value.value, 0, lines, value.offsets);
	else if (value !== undefined) problem(value.range, `The ${typeName} component's \`text\` must be a string.`);
	else if (
		typeName === "BODY" ||
		typeName === "FOOTER" ||
		(typeName === "HEADER" && (component.format ?? "TEXT") === "TEXT")
	) {
		problem(keyless(item), `The ${typeName} component has no \`text\`.`);
	}
	if (typeName === "BUTTONS") {
		const buttons = member(item, "buttons");
		if (buttons?.kind !== "array")
			problem(buttons?.range ?? keyless(item), "The BUTTONS component needs a `buttons` array.");
		else
			for (const button of buttons.items) {
				const part = readButton(button, lines, problem);
				if (part) component.buttons.push(part);
			}
	}
	return component;
}

function readButton(
	button: LocatedJson,
	lines: LineIndex,
	problem: (range: Range, message: string) => void,
): TextPartNode | undefined {
	const label = member(button, "text");
	if (button.kind !== "object" || label?.kind !== "string") {
		problem(label?.range ?? button.range, "Each button is a JSON object with a `type` and a `text` (its label).");
		return undefined;
	}
	const part = textPart("button", label.value, 0, lines, label.offsets);
	const type = member(button, "type");
	if (type?.kind === "string") part.buttonType = type.value.toUpperCase();
	const url = member(button, "url");
	if (url?.kind === "string") {
		part.url = url.value;
		part.urlLoc = lines.loc(url.range);
		// Meta takes the sample of a URL's variable as a one-item array; a plain string is read too.
		const example = member(button, "example");
		part.hasUrlExample =
			(example?.kind === "string" && example.value.trim() !== "") ||
			(example?.kind === "array" && example.items.some((item) => item.kind === "string" && item.value.trim() !== ""));
	}
	return part;
}

/**
 * The variables a component gives examples for: positional `{{1}}`… from
 * `example.body_text[0]` / `example.header_text`, named ones from
 * `body_text_named_params` / `header_text_named_params`.
 */
function exampleNames(example: LocatedJson | undefined): Set<string> {
	const names = new Set<string>();
	if (example?.kind !== "object") return names;
	const positional = (values: LocatedJson | undefined) => {
		if (values?.kind !== "array") return;
		values.items.forEach((value, index) => {
			if (value.kind === "string" && value.value.trim() !== "") names.add(String(index + 1));
		});
	};
	positional(member(example, "header_text"));
	const body = member(example, "body_text");
	if (body?.kind === "array") positional(body.items[0]);
	for (const key of ["header_text_named_params", "body_text_named_params"]) {
		const params = member(example, key);
		if (params?.kind !== "array") continue;
		for (const param of params.items) {
			const name = member(param, "param_name");
			const value = member(param, "example");
			if (name?.kind === "string" && value?.kind === "string" && value.value.trim() !== "") names.add(name.value);
		}
	}
	return names;
}
