import fs from "node:fs";

/**
 * What an ESLint-style JSON report says about the run itself: how many files
 * it covered and whether any were skipped or failed to parse. A fast run
 * that silently linted nothing must not count as fast.
 */
export function summariseEslintJson(file) {
	let results;
	try {
		results = JSON.parse(fs.readFileSync(file, "utf8"));
	} catch (error) {
		return { ok: false, error: `no JSON report (${error.message.split("\n")[0]})` };
	}
	const ignored = results.filter((result) =>
		result.messages.some((message) => /File ignored/u.test(message.message)),
	).length;
	const fatal = results.filter((result) => result.messages.some((message) => message.fatal)).length;
	const byRule = {};
	for (const result of results)
		for (const message of result.messages)
			byRule[message.ruleId ?? "(none)"] = (byRule[message.ruleId ?? "(none)"] ?? 0) + 1;
	return {
		ok: ignored === 0,
		results: results.length,
		ignored,
		fatal,
		messages: results.reduce((sum, result) => sum + result.messages.length, 0),
		filesWithFindings: results.filter((result) => result.messages.length > 0).length,
		byRule,
	};
}
