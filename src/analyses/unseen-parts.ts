/**
 * Whether part of the mail is out of mailcomply's sight: an `mj-include`,
 * layout or partial it could not read (missing, outside the root, a cycle),
 * one chosen at send time (`{% include template_var %}`), or a custom mjml
 * component (`<mj-bw-footer>`) whose markup lives in JavaScript registered
 * with mjml. A rule that reports something as *absent from the whole mail*
 * (no opt-out, no sender named anywhere) must not do so when the missing
 * part may hold it; `valid-template` reports what could not be read where
 * it is.
 */
import type { DocumentNode, SourceLocation, TemplateNode } from "../ast/types.js";
import type { TemplateSourceCode } from "../languages/template-source-code.js";
import { MJML_CORE_COMPONENTS } from "../template/mjml-components.js";
import { findPageRoot } from "./document.js";
import { isSignupPage } from "./signup-form.js";

/** Any part out of sight, custom mjml components included. */
export function hasUnseenParts(sourceCode: TemplateSourceCode): boolean {
	return sourceCode.memo(findUnseenParts);
}

/** The first layout, partial or include of a mail that mailcomply could not read, where the file brings it in. */
export interface UnreadPart {
	/** The tag that brings the part in, as written. */
	tag: string;
	/** Why it is out of sight, briefly. */
	why: string;
	loc: SourceLocation;
}

/**
 * Where a *mail* is partly out of sight because a layout, partial or
 * `mj-include` could not be read or is chosen at send time: the one place a
 * mail-level rule reports that it could not check the whole mail, instead
 * of a duty unmet. Undefined for a file that is not a mail of its own (a
 * partial or layout, checked where it is used; a sign-up page), and for
 * custom mjml components, which the user registers on purpose.
 */
export function unreadPartOfMail(sourceCode: TemplateSourceCode): UnreadPart | undefined {
	return sourceCode.memo(findUnreadPart);
}

function findUnreadPart(sourceCode: TemplateSourceCode): UnreadPart | undefined {
	const document = sourceCode.ast as DocumentNode;
	if (document.role || isSignupPage(sourceCode)) return undefined;
	const engineFile = document.unseen?.[0];
	if (engineFile)
		return engineFile.layout || findPageRoot(sourceCode)
			? { tag: engineFile.tag, why: engineFile.why, loc: engineFile.loc }
			: undefined;
	// An mj-include that could not be read; not a markup problem inside one that was (those say "in footer.mjml line 3: …").
	const include = document.problems.find(
		(problem) => problem.kind === "include" && problem.message.startsWith("mj-include"),
	);
	if (!include || !findPageRoot(sourceCode)) return undefined;
	return {
		tag: /^mj-include "[^"]*"/u.exec(include.message)?.[0] ?? "mj-include",
		why: "it could not be read",
		loc: include.loc,
	};
}

function findUnseenParts(sourceCode: TemplateSourceCode): boolean {
	const document = sourceCode.ast as DocumentNode;
	if ((document.unseen?.length ?? 0) > 0) return true;
	if (document.problems.some((problem) => problem.kind === "include")) return true;
	if (document.format !== "mjml") return false;
	const stack: TemplateNode[] = [...document.children];
	while (stack.length > 0) {
		const node = stack.pop()!;
		if (node.type !== "Element") continue;
		if (node.name.startsWith("mj-") && !MJML_CORE_COMPONENTS.has(node.name)) return true;
		for (const child of node.children) stack.push(child);
	}
	return false;
}

/**
 * The words every mail-level rule uses to say it could not check the whole
 * mail: `duty` names what it looked for ("an unsubscribe link"); `tag` and
 * `why` come from {@link UnreadPart}.
 */
export const UNREAD_PART_MESSAGE =
	"Could not check for {{duty}}: part of the mail, {{tag}}, is out of sight ({{why}}); check the sent mail by hand.";
