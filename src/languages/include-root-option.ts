/**
 * The one language option of mailcomply's template languages (`mjml`,
 * `html`, `eml`, `sms`, `whatsapp`, `text`): `includeRoot`, the directory
 * mailcomply may read from on a file's behalf. ESLint calls
 * `validateLanguageOptions` with whatever a config set, so anything else is
 * refused by name.
 */
export function validateIncludeRootOption(options: { includeRoot?: unknown } | undefined, languageName: string): void {
	for (const key of Object.keys(options ?? {})) {
		if (key !== "includeRoot") {
			throw new TypeError(
				`Unknown language option "${key}" for mailcomply/${languageName}; the only option is "includeRoot".`,
			);
		}
	}
	if (options?.includeRoot !== undefined && typeof options.includeRoot !== "string") {
		throw new TypeError(`languageOptions.includeRoot must be a directory path (a string).`);
	}
}
