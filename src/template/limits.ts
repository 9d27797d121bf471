/**
 * How large a template mailcomply lints. Real newsletters are far below
 * each bound (Gmail clips a message over 102 KB; the largest of about 300
 * public templates has under 5,000 nodes); the bounds keep one runaway or
 * hostile file, or a mail that includes a partial over and over, from
 * taking the time and memory the rest of the run needs. They hold for the
 * mail as composed, with every `mj-include` in place.
 */

/**
 * Bytes of UTF-8 template text (as on disk), the file's own and every
 * included file's, once per inclusion. Counted in bytes, not characters:
 * 51 MB of CJK text is only 19 M characters. The CLI checks the same bound
 * on disk before ESLint reads a file (src/cli/file-guard.ts).
 */
export const MAX_TEMPLATE_BYTES = 20 * 1024 * 1024;

/**
 * Nodes of the template AST (elements, attributes, texts, merge tags,
 * comments), included ones counted at each place they are included. Each
 * costs about 1 KB while it is linted, so this bounds memory where the
 * character bound alone would not: 20 MB of `<br>` is five million elements.
 */
export const MAX_TEMPLATE_NODES = 500_000;

/**
 * How deep elements may nest. Chromium's HTML parser stops at 512 as well
 * and places deeper elements beside each other; the bound keeps every
 * recursive walk over the tree (traversal, styles, text) within the stack.
 */
export const MAX_NESTING_DEPTH = 512;

/** Thrown by the parser when a template has more than MAX_TEMPLATE_NODES nodes: it stops there instead of building the rest. */
export class NodeLimitExceeded extends Error {
	constructor() {
		super(`The template has more than ${MAX_TEMPLATE_NODES.toLocaleString("en")} nodes.`);
	}
}
