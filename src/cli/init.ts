import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PACKAGE_NAME } from "../package-info.js";
import { CONFIG_FILES } from "../sandbox/project-root.js";
import { UsageError } from "./usage-error.js";

/** The folder defaults --init writes: facts for every template in this folder and below, so nothing has to be renamed before the next run. */
export const DEFAULTS_TEMPLATE_NAME = "defaults.campaign.yaml";

const ESLINT_CONFIG = `// ESLint flat config written by \`mailcomply --init\`.
// Lint with \`npx eslint .\` (or \`npx mailcomply --config CONFIG_NAME\`).
import { defineConfig } from "eslint/config";
import mailcomply from "${PACKAGE_NAME}";

export default defineConfig([
	// MJML templates, campaign sidecars, and HTML under email/, emails/, mail/,
	// newsletters/ … folders or named *.email.html.
	mailcomply.configs.recommended,
	// HTML e-mail templates elsewhere: opt them in by folder.
	// { files: ["templates/mail/**/*.html"], extends: [mailcomply.configs.html] },
	// Facts that hold for every campaign of your organisation; a sidecar overrides them.
	// { settings: { mailcomply: { campaign: { sender: { name: "Example B.V." } } } } },
]);
`;

const DEFAULTS_TEMPLATE = `# yaml-language-server: $schema=./node_modules/${PACKAGE_NAME}/schema/campaign.schema.json
# Campaign facts for every template in this folder and the folders below it,
# written by \`mailcomply --init\`. A defaults.campaign.yaml nearer to a
# template wins key by key, and a template's own NAME.campaign.yaml (beside
# NAME.mjml or NAME.html) wins over all of them.
#
# Every key is optional. Without them, mailcomply reads each template's kind
# from its content and assumes no country's law (only the duties that hold
# everywhere are checked); the summary under its findings says so.
# Uncomment what holds for your templates:

# kind: marketing              # marketing | transactional (receipts, password resets) | opt-in-confirmation

# audience:
#   countries: [NL]            # ISO 3166-1 alpha-2 (EU for the whole EU): decides which laws apply

# esp: mailchimp               # the service that sends it: decides which merge tags work
# espAppendsFooter: true       # the ESP adds its own unsubscribe footer to every mail

# sender:                      # who the mail is sent for: recipients must be able to identify them
#   name: Example Shop B.V.
#   address: Kerkstraat 12, 3511 AB Utrecht
#   companyNumber: "12345678"  # a Dutch KvK number, in quotes so leading zeros survive
`;

export interface InitResult {
	written: string[];
}

/**
 * \`mailcomply --init\`: a starter ESLint config and commented folder defaults in
 * \`cwd\`. Writes nothing when any of them, or any other ESLint flat config,
 * is already there.
 */
export function initProject(cwd: string): InitResult {
	const configName = configFileName(cwd);
	const existing = [...CONFIG_FILES, DEFAULTS_TEMPLATE_NAME].filter((name) => existsSync(path.join(cwd, name)));
	if (existing.length > 0) {
		throw new UsageError(
			`${existing.join(" and ")} already exist${existing.length === 1 ? "s" : ""}; --init never overwrites a file (add mailcomply to your config by hand, see the README)`,
		);
	}
	writeFileSync(path.join(cwd, configName), ESLINT_CONFIG.replace("CONFIG_NAME", configName), { flag: "wx" });
	writeFileSync(path.join(cwd, DEFAULTS_TEMPLATE_NAME), DEFAULTS_TEMPLATE, { flag: "wx" });
	return { written: [configName, DEFAULTS_TEMPLATE_NAME] };
}

/**
 * \`eslint.config.js\` is an ES module; in a package that is CommonJS by
 * default (a package.json without \`"type": "module"\`), \`.mjs\` says so
 * without relying on Node's syntax detection.
 */
function configFileName(cwd: string): string {
	const manifestPath = path.join(cwd, "package.json");
	if (!existsSync(manifestPath)) return "eslint.config.js";
	try {
		const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { type?: unknown };
		return manifest.type === "module" ? "eslint.config.js" : "eslint.config.mjs";
	} catch {
		return "eslint.config.js";
	}
}

export function initSummary({ written }: InitResult): string {
	return `Wrote ${written.join(" and ")}.
Next:
  npm install --save-dev eslint ${PACKAGE_NAME}
  uncomment in ${DEFAULTS_TEMPLATE_NAME} the facts that hold for the templates in this folder (a template's own NAME.campaign.yaml wins)
  npx eslint .            (or: npx mailcomply)
`;
}
