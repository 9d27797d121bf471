import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PACKAGE_NAME } from "../package-info.js";
import { UsageError } from "./usage-error.js";

const CONFIG_NAMES = ["eslint.config.js", "eslint.config.mjs", "eslint.config.cjs", "eslint.config.ts", "eslint.config.mts", "eslint.config.cts"];
export const SIDECAR_TEMPLATE_NAME = "example.campaign.yaml";

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

const SIDECAR_TEMPLATE = `# yaml-language-server: $schema=./node_modules/${PACKAGE_NAME}/schema/campaign.schema.json
# Campaign facts for one template, written by \`mailcomply --init\`.
# Rename this file after the template it describes: NAME.mjml (or NAME.html)
# takes its facts from NAME.campaign.yaml beside it. Every key is optional;
# what you leave out is unknown, and the rules treat it as unknown.

kind: marketing                # marketing | transactional (receipts, password resets)
channel: email                 # email | sms | whatsapp
esp: mailchimp                 # the service that sends it: decides which merge tags work
# espAppendsFooter: true       # the ESP adds its own unsubscribe footer to every mail
# espAddsHeaders: true         # the ESP adds List-Unsubscribe headers itself
# espTracking: opens           # the ESP adds an open pixel at send time (opens | clicks | opens-and-clicks | aggregate | none)
language: en                   # BCP 47; else taken from <html lang> or <mjml lang>
subject: "Our spring collection is here"

sender:                        # who the mail is sent for: recipients must be able to identify them
  name: Example Shop Ltd
  address: 1 High Street, London EC1A 1AA, United Kingdom
  email: news@example-shop.co.uk
  companyNumber: "01234567"    # in quotes, so leading zeros survive

audience:
  countries: [GB, NL]          # ISO 3166-1 alpha-2: decides which laws apply
  source: signup-form          # own-customers | signup-form | third-party | purchased | scraped
  lastCleaned: 2026-01-31

lawfulBasis: consent           # consent | soft-opt-in | legitimate-interest | contract
consent:
  explicit: true
  record: "ESP sign-up form log, double opt-in"   # where the proof of consent is kept
  # tracking: true             # recipients also agreed to open/click tracking (needed for an open pixel in the EU/UK)
`;

export interface InitResult {
	written: string[];
}

/**
 * \`mailcomply --init\`: a starter ESLint config and a commented sidecar in
 * \`cwd\`. Writes nothing when any of them, or any other ESLint flat config,
 * is already there.
 */
export function initProject(cwd: string): InitResult {
	const configName = configFileName(cwd);
	const existing = [...CONFIG_NAMES, SIDECAR_TEMPLATE_NAME].filter((name) => existsSync(path.join(cwd, name)));
	if (existing.length > 0) {
		throw new UsageError(
			`${existing.join(" and ")} already exist${existing.length === 1 ? "s" : ""}; --init never overwrites a file (add mailcomply to your config by hand, see the README)`,
		);
	}
	writeFileSync(path.join(cwd, configName), ESLINT_CONFIG.replace("CONFIG_NAME", configName), { flag: "wx" });
	writeFileSync(path.join(cwd, SIDECAR_TEMPLATE_NAME), SIDECAR_TEMPLATE, { flag: "wx" });
	return { written: [configName, SIDECAR_TEMPLATE_NAME] };
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
  rename ${SIDECAR_TEMPLATE_NAME} to NAME.campaign.yaml beside your template NAME.mjml, and fill in the facts
  npx eslint .            (or: npx mailcomply)
`;
}
