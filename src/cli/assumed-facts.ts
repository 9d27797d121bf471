/**
 * Counts, over a run, the templates whose campaign facts leave `kind` or the
 * audience's countries undeclared, and says once at the end what mailcomply
 * assumed for them and how to declare the truth once per folder. Each
 * finding that rests on an inferred kind says so itself
 * (plugin/assumption-notes.ts); undeclared countries switch checks off
 * rather than on, so only this summary can mention them.
 */
import { resolveCampaign, TEMPLATE_EXTENSION } from "../campaign/sidecar.js";
import { countriesDeclared } from "../analyses/jurisdiction.js";

interface FileConfig {
	settings?: unknown;
	languageOptions?: { includeRoot?: unknown };
	rules?: Record<string, unknown>;
}

export class AssumedFacts {
	templates = 0;
	kindUndeclared = 0;
	countriesUndeclared = 0;

	/** Records one linted file (sidecars and other files are skipped) with the config ESLint used for it. */
	add(filePath: string, config: FileConfig | undefined): void {
		if (!TEMPLATE_EXTENSION.test(filePath)) return;
		this.templates++;
		const includeRoot =
			typeof config?.languageOptions?.includeRoot === "string" ? config.languageOptions.includeRoot : process.cwd();
		const { campaign, declared } = resolveCampaign(filePath, config?.settings, includeRoot);
		if (!declared.has("kind")) this.kindUndeclared++;
		if (!countriesDeclared(campaign) && !configuresCountries(config?.rules)) this.countriesUndeclared++;
	}

	/**
	 * One paragraph for the end of a human-readable report, or undefined when
	 * every template declared both facts. Three lines at 80 columns: what was
	 * assumed and where to declare it; docs/zero-config.md says the rest.
	 */
	summary(): string | undefined {
		const parts: string[] = [];
		if (this.kindUndeclared > 0) {
			parts.push(`${this.kindUndeclared} of ${this.templates} templates had \`kind\` read from content`);
		}
		if (this.countriesUndeclared > 0) {
			const of = parts.length > 0 ? "" : ` of ${this.templates} templates`;
			parts.push(`${this.countriesUndeclared}${of} had no countries: only duties common to all jurisdictions checked`);
		}
		if (parts.length === 0) return undefined;
		return `mailcomply assumed: ${parts.join("; ")}. Declare ${parts.length > 1 ? "both" : "it"} once per folder in defaults.campaign.yaml (\`npx mailcomply --init\`).\n`;
	}
}

/** Whether a rule in the config is given a `countries` option (the jurisdiction configs' older way, or the user's own). */
function configuresCountries(rules: Record<string, unknown> | undefined): boolean {
	if (!rules) return false;
	return Object.values(rules).some((entry) => {
		if (!Array.isArray(entry)) return false;
		const options = entry[1] as { countries?: unknown } | undefined;
		return Array.isArray(options?.countries) && options.countries.length > 0;
	});
}
