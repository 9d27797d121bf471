/**
 * The source code object of a campaign sidecar. Its `#` comments carry
 * inline configuration (`# eslint-disable-next-line mailcomply/valid-campaign`)
 * through the same helpers the template languages use.
 */
import { TextSourceCodeBase, VisitNodeStep } from "@eslint/plugin-kit";
import type { Directive } from "@eslint/plugin-kit";
import type { FileProblem, RulesConfig, SourceLocation } from "@eslint/core";
import { campaignVisitorKeys } from "../campaign/ast.js";
import type { CampaignDocument, CampaignNode } from "../campaign/ast.js";
import { campaignFromDocument } from "../campaign/model.js";
import type { SidecarFormat } from "../campaign/parse.js";
import type { Campaign } from "../campaign/types.js";
import { AnalysisMemo } from "./analysis-memo.js";
import { applyInlineConfig, getDisableDirectives, isInlineConfigText } from "./inline-config.js";
import type { InlineConfigComment } from "./inline-config.js";

export class CampaignSourceCode extends TextSourceCodeBase<{
	// As the template source code: the language options are the language's business (campaign-language.ts), not read here.
	LangOptions: Record<string, unknown>;
	RootNode: CampaignDocument;
	SyntaxElementWithLoc: CampaignNode | InlineConfigComment;
	ConfigNode: InlineConfigComment;
}> {
	override ast: CampaignDocument;
	readonly format: SidecarFormat;
	/** Every `#` comment in the file (none in JSON). */
	readonly comments: readonly InlineConfigComment[];
	#steps: VisitNodeStep[] | undefined;
	readonly #parents = new WeakMap<CampaignNode, CampaignNode>();
	#inlineConfigNodes: InlineConfigComment[] | undefined;
	#campaign: Partial<Campaign> | undefined;
	readonly #memo = new AnalysisMemo<CampaignSourceCode>();

	/** The file on disk, to find the folder defaults that govern it. */
	readonly physicalPath: string | undefined;
	/** No folder-defaults file above this directory is read. */
	readonly includeRoot: string | undefined;

	constructor({
		text,
		ast,
		comments,
		format,
		physicalPath,
		includeRoot,
	}: {
		text: string;
		ast: CampaignDocument;
		comments: readonly InlineConfigComment[];
		format: SidecarFormat;
		physicalPath?: string;
		includeRoot?: string;
	}) {
		// The same line breaks as LineIndex (CRLF, LF, lone CR), so node locations and `lines` agree.
		super({ text, ast, lineEndingPattern: /\r\n|[\r\n]/u });
		this.ast = ast;
		this.comments = comments;
		this.format = format;
		this.physicalPath = physicalPath;
		this.includeRoot = includeRoot;
	}

	/** The normalised campaign facts this file declares (unknown keys and wrong types left out). */
	get campaign(): Partial<Campaign> {
		this.#campaign ??= campaignFromDocument(this.ast);
		return this.#campaign;
	}

	/** Computes an analysis of this file once, however many rules ask for it (as `TemplateSourceCode.memo`). */
	memo<T>(analysis: (sourceCode: CampaignSourceCode) => T): T {
		return this.#memo.get(this, analysis);
	}

	getInlineConfigNodes(): InlineConfigComment[] {
		this.#inlineConfigNodes ??= this.comments.filter((comment) => isInlineConfigText(comment.value));
		return this.#inlineConfigNodes;
	}

	getDisableDirectives(): { problems: FileProblem[]; directives: Directive[] } {
		return getDisableDirectives(this.getInlineConfigNodes());
	}

	applyInlineConfig(): {
		configs: Array<{ config: { rules: RulesConfig }; loc: SourceLocation }>;
		problems: FileProblem[];
	} {
		return applyInlineConfig(this.getInlineConfigNodes());
	}

	override getParent(node: CampaignNode): CampaignNode | undefined {
		if (!this.#steps) this.traverse();
		return this.#parents.get(node);
	}

	override traverse(): Iterable<VisitNodeStep> {
		// The AST never changes, so the steps are computed once.
		if (this.#steps) return this.#steps;
		const steps: VisitNodeStep[] = [];
		const visit = (node: CampaignNode, parent: CampaignNode | undefined): void => {
			if (parent) this.#parents.set(node, parent);
			steps.push(new VisitNodeStep({ target: node, phase: 1, args: [node, parent] }));
			for (const key of campaignVisitorKeys[node.type]) {
				const child = (node as unknown as Record<string, CampaignNode | CampaignNode[] | null>)[key];
				if (Array.isArray(child)) for (const item of child) visit(item, node);
				else if (child) visit(child, node);
			}
			steps.push(new VisitNodeStep({ target: node, phase: 2, args: [node, parent] }));
		};
		visit(this.ast, undefined);
		this.#steps = steps;
		return steps;
	}
}
