/**
 * Whether part of the mail is out of mailcomply's sight: an `mj-include` it
 * could not read, or a custom mjml component (`<mj-bw-footer>`) whose markup
 * lives in JavaScript registered with mjml. A rule that reports something as
 * *absent from the whole mail* (no sender named anywhere) must not do so when
 * the missing part may hold it; `valid-template` reports the unread include
 * or the unknown component where it is.
 */
import type { DocumentNode, TemplateNode } from "../ast/types.js";
import type { TemplateSourceCode } from "../languages/template-source-code.js";
import { MJML_CORE_COMPONENTS } from "../template/mjml-components.js";

export function hasUnseenParts(sourceCode: TemplateSourceCode): boolean {
	return sourceCode.memo(findUnseenParts);
}

function findUnseenParts(sourceCode: TemplateSourceCode): boolean {
	const document = sourceCode.ast as DocumentNode;
	if (document.problems.some(problem => problem.kind === "include")) return true;
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
