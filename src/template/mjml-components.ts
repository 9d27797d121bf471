/**
 * The components that mjml 5's core preset registers (mjml-preset-core).
 * Kept as a list rather than read from mjml at lint time, because loading
 * mjml costs more than linting a file; test/template/mjml-components.test.ts
 * checks the list against the installed mjml packages.
 */
export const MJML_CORE_COMPONENTS: ReadonlySet<string> = new Set([
	"mjml",
	"mj-head",
	"mj-body",
	"mj-attributes",
	"mj-all",
	"mj-class",
	"mj-breakpoint",
	"mj-font",
	"mj-html-attributes",
	"mj-html-attribute",
	"mj-selector",
	"mj-preview",
	"mj-style",
	"mj-title",
	"mj-include",
	"mj-section",
	"mj-column",
	"mj-group",
	"mj-wrapper",
	"mj-hero",
	"mj-text",
	"mj-button",
	"mj-image",
	"mj-divider",
	"mj-spacer",
	"mj-table",
	"mj-raw",
	"mj-social",
	"mj-social-element",
	"mj-navbar",
	"mj-navbar-link",
	"mj-accordion",
	"mj-accordion-element",
	"mj-accordion-title",
	"mj-accordion-text",
	"mj-carousel",
	"mj-carousel-image",
]);

/** Layout components whose own text mjml drops: text must sit in an ending tag such as mj-text. */
export const MJML_LAYOUT_COMPONENTS: ReadonlySet<string> = new Set([
	"mj-body",
	"mj-section",
	"mj-column",
	"mj-group",
	"mj-wrapper",
	"mj-hero",
	"mj-attributes",
	"mj-head",
	"mjml",
]);
