import path from "node:path";
import { Minimatch } from "minimatch";
import { ENGINE_FILE_EXTENSIONS } from "../src/template/engines.js";

/**
 * Which files each mailcomply language lints. HTML is the careful one: a web
 * project is full of `.html` pages that are not e-mails, so the ESLint
 * configs only take HTML from folders and names that say "e-mail", while
 * the CLI, which users point at their templates on purpose, takes every
 * `.html` and `.htm` file it is given. HTML written for a template engine
 * (`.hbs`, `.liquid`, `.njk`, `.twig`, `.tpl`, `.html.erb`…, listed in
 * src/template/engines.ts) is HTML too, under the same conventions.
 */
import { isTextPartFile } from "../src/text-message/text-part-file.js";

export const MJML_FILES = ["**/*.mjml"];

/** Text messages: an SMS template, and a WhatsApp template in Meta's template-creation JSON. */
export const SMS_FILES = ["**/*.sms.txt"];
export const WHATSAPP_FILES = ["**/*.whatsapp.json"];

/**
 * An e-mail template's plain-text part: `NAME.txt` or `NAME.text` beside
 * `NAME.mjml`, `NAME.html` or `NAME.htm` (src/text-message/text-part-file.ts).
 * No glob can say "beside", so this is a function, which ESLint's flat
 * config accepts in `files` (its published type lists only strings).
 */
/** Captured messages (RFC 5322 / MIME), as a capture server, a test send or an ESP export saves them. */
export const EML_FILES = ["**/*.eml"];

export const TEXT_PART_FILES = [isTextPartFile] as unknown as string[];

export const CAMPAIGN_FILES = ["**/*.campaign.yaml", "**/*.campaign.yml", "**/*.campaign.json"];

const EMAIL_FOLDERS = [
	"email",
	"emails",
	"mail",
	"mails",
	"e-mail",
	"e-mails",
	"newsletter",
	"newsletters",
	"mailings",
];

/** The endings of HTML files, plain or written for a template engine, as one glob group: `{html,htm,hbs,…}`. */
const HTML_ENDINGS = `{${["html", "htm", ...ENGINE_FILE_EXTENSIONS].join(",")}}`;

export const HTML_TEMPLATE_FILES = [
	...EMAIL_FOLDERS.map((folder) => `**/${folder}/**/*.${HTML_ENDINGS}`),
	`**/*.email.${HTML_ENDINGS}`,
	`**/*.mail.${HTML_ENDINGS}`,
	`**/*.newsletter.${HTML_ENDINGS}`,
];

let mailTemplateMatchers: Minimatch[] | undefined;

/**
 * Whether a path (the platform's separators) follows the convention of
 * {@link HTML_TEMPLATE_FILES} (a mail folder above it, a `*.email.html`
 * name): the one test the CLI's web-page check and `isPlainlyWebPage` share.
 * The patterns are compiled once, on first use; they read `/`.
 */
export function isMailTemplatePath(file: string): boolean {
	mailTemplateMatchers ??= HTML_TEMPLATE_FILES.map((glob) => new Minimatch(glob, { dot: true }));
	const posix = file.split(path.sep).join("/");
	return mailTemplateMatchers.some((matcher) => matcher.match(posix));
}

export const ALL_HTML_FILES = ["**/*.html", "**/*.htm", ...ENGINE_FILE_EXTENSIONS.map((ending) => `**/*.${ending}`)];

const SIGNUP_FOLDERS = [
	"signup",
	"sign-up",
	"subscribe",
	"newsletter-signup",
	"aanmelden",
	"inschrijven",
	"anmelden",
	"inscription",
];

/**
 * Sign-up pages (a form that collects e-mail addresses), which the `forms`
 * config checks with the form rules only. Like e-mail HTML, only folders
 * and names that say so: a web project has many other pages.
 */
export const SIGNUP_PAGE_FILES = [
	...SIGNUP_FOLDERS.map((folder) => `**/${folder}/**/*.{html,htm}`),
	"**/*.signup.{html,htm}",
	"**/*.subscribe.{html,htm}",
	"**/nieuwsbrief-aanmelden*.{html,htm}",
	"**/newsletter-signup*.{html,htm}",
	"**/newsletter-anmeldung*.{html,htm}",
];
