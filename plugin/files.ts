/**
 * Which files each mailcomply language lints. HTML is the careful one: a web
 * project is full of `.html` pages that are not e-mails, so the ESLint
 * configs only take HTML from folders and names that say "e-mail", while
 * the CLI, which users point at their templates on purpose, takes every
 * `.html` and `.htm` file it is given.
 */
export const MJML_FILES = ["**/*.mjml"];

export const CAMPAIGN_FILES = ["**/*.campaign.yaml", "**/*.campaign.yml", "**/*.campaign.json"];

const EMAIL_FOLDERS = ["email", "emails", "mail", "mails", "e-mail", "e-mails", "newsletter", "newsletters", "mailings"];

export const HTML_TEMPLATE_FILES = [
	...EMAIL_FOLDERS.map(folder => `**/${folder}/**/*.{html,htm}`),
	"**/*.email.{html,htm}",
	"**/*.mail.{html,htm}",
	"**/*.newsletter.{html,htm}",
];

export const ALL_HTML_FILES = ["**/*.html", "**/*.htm"];
