/**
 * Rules whose law depends on the recipients' country check nothing until the
 * countries are declared (src/analyses/jurisdiction.ts). Their tests were
 * written for one audience; this declares it for every case that does not
 * declare its own (in settings, or in the rule's `countries` option), so
 * each case keeps testing what it was written for. The "nothing declared"
 * behaviour has its own cases, written without this helper.
 */
type Case = string | { code: string; settings?: Record<string, unknown>; options?: unknown[]; [key: string]: unknown };
type Cases<T extends Case> = { valid: Array<Case>; invalid: T[] };

export function withAudience<T extends Case>(countries: string[], cases: Cases<T>): Cases<T> {
	return {
		valid: cases.valid.map((item) => declare(item, countries)),
		invalid: cases.invalid.map((item) => declare(item, countries) as T),
	};
}

function declare(item: Case, countries: string[]): Case {
	const testCase = typeof item === "string" ? { code: item } : item;
	const optionCountries = (testCase.options?.[0] as { countries?: unknown } | undefined)?.countries;
	if (optionCountries !== undefined) return item;
	const mailcomply = (testCase.settings?.["mailcomply"] ?? {}) as { campaign?: { audience?: { countries?: unknown } } };
	if (mailcomply.campaign?.audience?.countries !== undefined) return item;
	const campaign = { ...mailcomply.campaign, audience: { ...mailcomply.campaign?.audience, countries } };
	return { ...testCase, settings: { ...testCase.settings, mailcomply: { ...mailcomply, campaign } } };
}
