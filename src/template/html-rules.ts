/**
 * The few HTML tree-construction rules a template needs so that ancestry
 * (and so style inheritance) matches what a browser builds: void elements,
 * and the start tags that implicitly close an open element.
 */
export const VOID_ELEMENTS: ReadonlySet<string> = new Set([
	"area",
	"base",
	"basefont",
	"br",
	"col",
	"embed",
	"frame",
	"hr",
	"img",
	"input",
	"keygen",
	"link",
	"meta",
	"param",
	"source",
	"track",
	"wbr",
]);

const closesParagraph = [
	"address",
	"article",
	"aside",
	"blockquote",
	"center",
	"div",
	"dl",
	"fieldset",
	"footer",
	"form",
	"h1",
	"h2",
	"h3",
	"h4",
	"h5",
	"h6",
	"header",
	"hr",
	"main",
	"nav",
	"ol",
	"p",
	"pre",
	"section",
	"table",
	"ul",
];

const implied = new Map<string, ReadonlySet<string>>([
	["tr", new Set(["tr", "th", "td"])],
	["th", new Set(["th", "td"])],
	["td", new Set(["th", "td"])],
	["thead", new Set(["tbody", "tfoot"])],
	["tbody", new Set(["thead", "tbody"])],
	["tfoot", new Set(["thead", "tbody"])],
	["li", new Set(["li"])],
	["dt", new Set(["dt", "dd"])],
	["dd", new Set(["dt", "dd"])],
	["option", new Set(["option"])],
	["optgroup", new Set(["optgroup", "option"])],
	["body", new Set(["head", "link", "script"])],
]);
for (const name of closesParagraph) {
	const existing = implied.get(name);
	implied.set(name, new Set([...(existing ?? []), "p"]));
}

/** Open elements that a start tag named `name` closes, if they are the current element. */
export function impliedClosers(name: string): ReadonlySet<string> | undefined {
	return implied.get(name);
}

/** Elements whose content the tokenizer treats as raw text; merge tags in them are left alone. */
export const RAW_TEXT_ELEMENTS: ReadonlySet<string> = new Set(["style", "script", "mj-style"]);
