/**
 * Findings `--fix` could have fixed had a rule option allowed it. The HTTPS
 * rules change `http:` to `https:` automatically only for hosts the user
 * listed in `safeHosts` (a host may not serve the page over https:), and
 * offer the change as a suggestion elsewhere. Without this note, `--fix`
 * would leave those URLs and say nothing about why.
 */
import type { ESLint, Linter } from "eslint";
import { plural } from "../formatters/counts.js";

/** The rules whose `upgrade` suggestion becomes an automatic fix once the host is in their `safeHosts` option. */
const SAFE_HOSTS_RULES = new Set(["mailcomply/prefer-https", "mailcomply/require-https"]);

export class FixHints {
	#urls = 0;
	readonly #hosts = new Set<string>();

	/** Records the findings a `--fix` run left in one batch of results. */
	add(results: readonly ESLint.LintResult[]): void {
		for (const result of results) {
			for (const message of result.messages) {
				const host = unlistedHost(message);
				if (host === undefined) continue;
				this.#urls++;
				this.#hosts.add(host);
			}
		}
	}

	/** One line for stderr, or undefined when `--fix` left nothing for want of an option. */
	summary(): string | undefined {
		if (this.#urls === 0) return undefined;
		const hosts = [...this.#hosts].sort();
		const shown = hosts.length > 3 ? `${hosts.slice(0, 3).join(", ")}…` : hosts.join(", ");
		return (
			`mailcomply: --fix left ${plural(this.#urls, "http: URL")} on ${plural(hosts.length, "host")} (${shown}): ` +
			"prefer-https and require-https fix only hosts listed in their safeHosts option, because a host may not serve the page over https:. " +
			'Check that it does, then list it: see "Setting a rule option" in the README.\n'
		);
	}
}

/** The host of an http: URL the rule would fix if it were listed in `safeHosts`. */
function unlistedHost(message: Linter.LintMessage): string | undefined {
	if (message.ruleId === null || !SAFE_HOSTS_RULES.has(message.ruleId) || message.fix) return undefined;
	const upgrade = message.suggestions?.find((suggestion) => suggestion.messageId === "upgrade");
	const host = (upgrade as { data?: { host?: unknown } } | undefined)?.data?.host;
	return typeof host === "string" ? host : undefined;
}
