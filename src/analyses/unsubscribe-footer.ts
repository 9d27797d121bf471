/**
 * The unsubscribe footer `require-unsubscribe` suggests for a mail that has
 * none: valid MJML (a new `mj-section`) or HTML, in the mail's language,
 * linking to the configured ESP's unsubscribe tag or, without a known ESP,
 * to a `{{unsubscribe_url}}` placeholder with a comment saying to replace it.
 * The footer paints its own background so that it stays readable on a dark
 * mail (and passes `no-hidden-unsubscribe`).
 */
import type { DocumentNode, ElementNode, TemplateFormat } from "../ast/types.js";
import type { Campaign, Esp } from "../campaign/types.js";
import { ESP_CATALOGUE } from "../lexicons/esp-merge-tags/catalogue.js";
import { ownValue } from "../own-value.js";
import { rootLang } from "./page-language.js";

export type FooterLanguage = "nl" | "en" | "de" | "fr";

const WORDING: Readonly<Record<FooterLanguage, { question: string; link: string }>> = {
	nl: { question: "Wil je deze e-mails niet meer ontvangen?", link: "Afmelden" },
	en: { question: "Don't want to receive these e-mails any more?", link: "Unsubscribe" },
	de: { question: "Sie möchten diese E-Mails nicht mehr erhalten?", link: "Abmelden" },
	fr: { question: "Vous ne souhaitez plus recevoir ces e-mails\u00a0?", link: "Se désabonner" },
};

const PLACEHOLDER = "{{unsubscribe_url}}";
const TEXT_COLOR = "#555555";
const BACKGROUND = "#ffffff";

/** The mail's language: the sidecar's `language`, else `<html lang>`/`<mjml lang>`, else English. */
export function footerLanguage(campaign: Campaign, document: DocumentNode): FooterLanguage {
	return declaredLanguage(campaign, document) ?? "en";
}

/** The mail's language as the sidecar (`language`) or the root element's `lang` declares it, if it is one mailcomply writes. */
export function declaredLanguage(campaign: Campaign, document: DocumentNode): FooterLanguage | undefined {
	return languageWritten(campaign.language ?? rootLang(document) ?? "");
}

/** A language tag (`nl`, `en-GB`, `de_DE`) as one of the languages mailcomply writes, if it is one. */
export function languageWritten(tag: string | undefined): FooterLanguage | undefined {
	const primary = (tag ?? "").trim().toLowerCase().split(/[-_]/u)[0] ?? "";
	return ownValue(WORDING, primary) ? (primary as FooterLanguage) : undefined;
}

/** The ESP's unsubscribe tag that fits in an `href` (a bare URL, not a whole link), if it has one. */
export function hrefUnsubscribeTag(esp: Esp | undefined): string | undefined {
	if (!esp || esp === "other") return undefined;
	return ESP_CATALOGUE[esp].tags.find(
		(tag) =>
			tag.role === "unsubscribe" && tag.renders !== "link" && !(tag.text.includes('"') && tag.text.includes("'")),
	)?.text;
}

export function unsubscribeFooter({
	format,
	esp,
	language,
}: {
	format: TemplateFormat;
	esp: Esp | undefined;
	language: FooterLanguage;
}): string {
	const tag = hrefUnsubscribeTag(esp);
	const href = tag ?? PLACEHOLDER;
	const quote = href.includes('"') ? "'" : '"';
	const { question, link } = WORDING[language];
	const anchor = `<a href=${quote}${href}${quote} style="color:${TEXT_COLOR};text-decoration:underline;">${link}</a>`;
	const note = tag ? "" : `<!-- Replace ${PLACEHOLDER} with your ESP's unsubscribe link tag. -->\n`;
	if (format === "mjml") {
		return `${note}<mj-section background-color="${BACKGROUND}"><mj-column><mj-text align="center" font-size="12px" line-height="18px" color="${TEXT_COLOR}">${question} ${anchor}</mj-text></mj-column></mj-section>\n`;
	}
	return `${note}<div style="background-color:${BACKGROUND};color:${TEXT_COLOR};font-size:12px;line-height:18px;text-align:center;padding:16px;">${question} ${anchor}</div>\n`;
}

/**
 * Where and what to insert: the footer just before `</mj-body>` or
 * `</body>` (or `</html>`, or the end of a bare HTML document), indented
 * like the closing tag. Undefined when the page comes from an included file
 * or an MJML file has no `<mj-body>`.
 */
export function footerInsertion(
	text: string,
	page: ElementNode | DocumentNode,
	footer: string,
): { offset: number; text: string } | undefined {
	if (page.type === "Document") return page.format === "html" ? { offset: page.range[1], text: footer } : undefined;
	if (page.origin || (page.name !== "mj-body" && page.name !== "body" && page.name !== "html")) return undefined;
	const source = text.slice(page.range[0], page.range[1]);
	const closing = new RegExp(`</${page.name}\\s*>$`, "iu").exec(source);
	if (!closing) return { offset: page.range[1], text: footer };
	const offset = page.range[0] + closing.index;
	const indent = /(?:^|\n)([ \t]*)$/u.exec(source.slice(0, closing.index))?.[1] ?? "";
	const lines = footer.replace(/\n$/u, "").split("\n");
	return { offset, text: `${lines.join(`\n${indent}`)}\n${indent}` };
}
