// lint-staged.config.js: lint the staged e-mail templates and campaign
// sidecars before each commit (with husky: see examples/ci/.husky/pre-commit).
// A template's findings depend on its sidecar, so a staged sidecar also
// re-lints the template beside it. Staged HTML files that are plainly web
// pages (scripts or a site navigation, no mail markers) are skipped by
// mailcomply itself, with a note; `<!-- mailcomply: mail -->` makes one a mail.
import { existsSync } from "node:fs";

const TEMPLATE_EXTENSIONS = [".mjml", ".html", ".htm"];
const quote = (file) => `"${file.replaceAll('"', '\\"')}"`;

export default {
	"*.{mjml,html,htm}": (files) => `mailcomply ${files.map(quote).join(" ")}`,
	"*.campaign.{yaml,yml,json}": (sidecars) => {
		const templates = sidecars.flatMap((sidecar) =>
			TEMPLATE_EXTENSIONS.map((extension) => sidecar.replace(/\.campaign\.(?:ya?ml|json)$/u, extension)).filter((template) => existsSync(template)),
		);
		return `mailcomply ${[...sidecars, ...templates].map(quote).join(" ")}`;
	},
};
