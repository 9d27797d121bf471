// lint-staged.config.js: lint the staged templates and campaign sidecars
// before each commit (with husky: see examples/ci/.husky/pre-commit).
// A template's findings depend on its sidecar, so a staged sidecar also
// re-lints the template beside it. Staged HTML files that are plainly web
// pages (scripts or a site navigation, no mail markers) are skipped by
// mailcomply itself, with a note; `<!-- mailcomply: mail -->` makes one a mail.
import { existsSync } from "node:fs";

// HTML written for a template engine (welcome.hbs, base.html.twig) takes the sidecar named without the engine ending.
const ENGINE_ENDINGS = ["hbs", "handlebars", "mustache", "liquid", "njk", "nunjucks", "jinja", "jinja2", "j2", "twig", "tpl", "gohtml", "tmpl"];
const TEMPLATE_EXTENSIONS = [
	".mjml",
	".html",
	".htm",
	".sms.txt",
	".txt",
	".text",
	".whatsapp.json",
	".eml",
	".html.erb",
	...ENGINE_ENDINGS.flatMap((ending) => [`.${ending}`, `.html.${ending}`]),
];
const quote = (file) => `"${file.replaceAll('"', '\\"')}"`;
const mailcomply = (files) => `mailcomply ${files.map(quote).join(" ")}`;

export default {
	[`*.{mjml,html,htm,${ENGINE_ENDINGS.join(",")}}`]: mailcomply,
	// A template's plain-text part (welcome.txt beside welcome.html) and an SMS (welcome.sms.txt): mailcomply skips any other .txt.
	"*.{html.erb,eml,txt,text,whatsapp.json}": mailcomply,
	"*.campaign.{yaml,yml,json}": (sidecars) => {
		const templates = sidecars.flatMap((sidecar) =>
			TEMPLATE_EXTENSIONS.map((extension) => sidecar.replace(/\.campaign\.(?:ya?ml|json)$/u, extension)).filter((template) => existsSync(template)),
		);
		return mailcomply([...sidecars, ...templates]);
	},
};
