/**
 * How old a list's last clean-up is, in calendar terms, against a "today"
 * the caller passes in: rules take it from an option so that tests and
 * reproducible CI runs can pin it, and fall back to {@link today}.
 */

/** A calendar date (UTC), from `YYYY-MM-DD`; `undefined` for text that is not one (2026-02-30). */
export function parseIsoDate(text: string): Date | undefined {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(text);
	if (!match) return undefined;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
		? date
		: undefined;
}

/** Today's date at UTC midnight: the one place the clock is read. */
export function today(): Date {
	const now = new Date();
	return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** `date` plus whole calendar months; the 31st becomes the last day of a shorter month. */
export function addMonths(date: Date, months: number): Date {
	const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
	const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
	target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
	return target;
}

export type ListAge = { kind: "fresh" } | { kind: "stale"; months: number } | { kind: "future" };

/** Whether a clean-up on `cleaned` is within `maxMonths` of `now` (both UTC dates). */
export function judgeListAge(cleaned: Date, now: Date, maxMonths: number): ListAge {
	if (cleaned.getTime() > now.getTime()) return { kind: "future" };
	if (addMonths(cleaned, maxMonths).getTime() >= now.getTime()) return { kind: "fresh" };
	let months = maxMonths;
	while (addMonths(cleaned, months + 1).getTime() <= now.getTime()) months++;
	return { kind: "stale", months };
}
