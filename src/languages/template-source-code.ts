import { TextSourceCodeBase } from "@eslint/plugin-kit";
import type { FileProblem, RulesConfig, SourceLocation, VisitTraversalStep } from "@eslint/core";
import type { Directive } from "@eslint/plugin-kit";
import type {
	CommentNode,
	DocumentNode,
	ElementNode,
	MergeTagNode,
	TemplateFormat,
	TemplateNode,
} from "../ast/types.js";
import { templateVisitorKeys } from "../ast/types.js";
import {
	applyInlineConfig,
	getDisableDirectives,
	isInlineConfigText,
	type InlineConfigComment,
} from "./inline-config.js";
import { resolveCampaign, type ResolvedCampaign } from "../campaign/sidecar.js";
import { AnalysisMemo } from "./analysis-memo.js";
import { inferMailKind, type InferredKind } from "../analyses/mail-kind.js";

/** A template's campaign facts, with the kind read from its content where none is declared. */
export interface TemplateCampaign extends ResolvedCampaign {
	/** Set when no `kind` was declared: what the content says, and why (src/analyses/mail-kind.ts). */
	inferredKind?: InferredKind;
}

/** Line breaks as HTML knows them; {@link LineIndex} splits on the same set. */
export const TEMPLATE_LINE_ENDINGS = /\r\n|[\r\n]/u;

/**
 * The source code object of an MJML or HTML template. Besides ESLint's
 * traversal and inline-config hooks it is where rules share work: the
 * resolved campaign and every analysis computed through {@link memo}
 * are computed once per file, whichever rules ask.
 */
export class TemplateSourceCode extends TextSourceCodeBase<{
	LangOptions: Record<string, unknown>;
	RootNode: DocumentNode;
	SyntaxElementWithLoc: TemplateNode | InlineConfigComment;
	ConfigNode: InlineConfigComment;
}> {
	readonly format: TemplateFormat;
	/** The file on disk, used to find the campaign sidecar beside it. */
	readonly physicalPath: string | undefined;
	// A Map, not a WeakMap: it dies with this object anyway, and thousands of weak entries per file cost the garbage collector more than the lookups.
	/** The parents of elements and merge tags, filled by the traversal: the analyses climb from those. */
	readonly #parents = new Map<TemplateNode, TemplateNode>();
	/** The parents of the other nodes (texts, attributes: most of a file), read from the steps when one is first asked for. */
	#otherParents: Map<TemplateNode, TemplateNode> | undefined;
	readonly #memo = new AnalysisMemo<TemplateSourceCode>();
	#steps: VisitTraversalStep[] | undefined;
	readonly #elements: ElementNode[] = [];
	readonly #mergeTags: MergeTagNode[] = [];
	readonly #comments: CommentNode[] = [];
	#inlineConfigComments: InlineConfigComment[] | undefined;
	#campaign: { settings: unknown; resolved: TemplateCampaign } | undefined;

	/** `languageOptions.includeRoot`: the sidecar and folder defaults are read only inside the same root as the includes. */
	readonly #includeRoot: string | undefined;

	constructor({
		text,
		ast,
		physicalPath,
		includeRoot,
	}: {
		text: string;
		ast: DocumentNode;
		physicalPath: string | undefined;
		includeRoot?: string | undefined;
	}) {
		super({ text, ast, lineEndingPattern: TEMPLATE_LINE_ENDINGS });
		this.format = ast.format;
		this.physicalPath = physicalPath;
		this.#includeRoot = includeRoot;
	}

	/**
	 * Lets go of the file's tree and of everything computed from it. The
	 * language calls this when ESLint parses its next file: ESLint lints a
	 * file from parse to report in one synchronous call, so it is done with
	 * this one. ESLint keeps each file's source code reachable from objects
	 * that V8 keeps alive through young-generation collections (the per-file
	 * `FileContext` is the prototype of every rule's context), so without this
	 * each tree was promoted to the old generation and freed only by a full
	 * collection: on the 245 HTML corpus templates a first run took about a
	 * fifth longer (bench/README.md). Reading `ast` afterwards throws, rather
	 * than answering from an empty tree.
	 */
	releaseTree(): void {
		this.#steps = undefined;
		this.#parents.clear();
		this.#otherParents = undefined;
		this.#memo.clear();
		this.#elements.length = 0;
		this.#mergeTags.length = 0;
		this.#comments.length = 0;
		this.#inlineConfigComments = undefined;
		this.#campaign = undefined;
		const file = this.physicalPath;
		Object.defineProperty(this, "ast", {
			get() {
				throw new Error(
					`The tree of ${file ?? "this template"} was released when the next file was parsed; keep what a rule needs from it, not the source code.`,
				);
			},
		});
	}

	override getParent(node: TemplateNode): TemplateNode | undefined {
		const steps = this.traverse();
		if (node.type === "Element" || node.type === "MergeTag") return this.#parents.get(node);
		if (!this.#otherParents) {
			this.#otherParents = new Map();
			for (const step of steps) {
				const [child, parent] = step.args as [TemplateNode, TemplateNode | undefined];
				if (step.phase === 1 && parent && child.type !== "Element" && child.type !== "MergeTag")
					this.#otherParents.set(child, parent);
			}
		}
		return this.#otherParents.get(node);
	}

	/**
	 * The campaign facts for this template: its sidecar merged over its
	 * folders' `defaults.campaign.*` and the organisation defaults in
	 * `settings.mailcomply.campaign`. Where none of them declares `kind`, the
	 * kind is inferred from the content, so every rule that asks "is this
	 * marketing?" gets the same answer.
	 */
	getCampaign(settings: unknown): TemplateCampaign {
		if (this.#campaign?.settings !== settings) {
			const resolved: TemplateCampaign = resolveCampaign(this.physicalPath, settings, this.#includeRoot);
			if (!resolved.declared.has("kind")) {
				resolved.inferredKind = inferMailKind(this, resolved.campaign.language ?? this.statedLanguage());
				resolved.campaign = { ...resolved.campaign, kind: resolved.inferredKind.kind };
			}
			this.#campaign = { settings, resolved };
		}
		return this.#campaign!.resolved;
	}

	/** The language the file states for itself apart from its campaign facts (an `.eml`'s `Content-Language`); a template states none. */
	protected statedLanguage(): string | undefined {
		return undefined;
	}

	/** Computes an analysis of this file once, however many rules ask for it. */
	memo<T>(analysis: (sourceCode: TemplateSourceCode) => T): T {
		return this.#memo.get(this, analysis);
	}

	/**
	 * Every element of the template, in document order (as the traversal
	 * enters them): an analysis that looks for some elements loops over
	 * these instead of over every step of the traversal. Included partials'
	 * elements are among them, as they are among the steps.
	 */
	getElements(): readonly ElementNode[] {
		if (!this.#steps) this.traverse();
		return this.#elements;
	}

	/** Every merge tag, in document order: in text, in attribute values and between attributes. */
	getMergeTags(): readonly MergeTagNode[] {
		if (!this.#steps) this.traverse();
		return this.#mergeTags;
	}

	getInlineConfigNodes(): InlineConfigComment[] {
		if (!this.#inlineConfigComments) {
			if (!this.#steps) this.traverse();
			const comments: InlineConfigComment[] = [];
			for (const node of this.#comments) {
				// Comments in an included partial configure the partial, not this file.
				if (node.origin || !isInlineConfigText(node.value)) continue;
				comments.push({ type: "InlineConfigComment", value: node.value.trim(), range: node.range, loc: node.loc });
			}
			this.#inlineConfigComments = comments;
		}
		return this.#inlineConfigComments;
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

	/**
	 * The steps as an array, read-only by contract: ESLint and the analyses
	 * loop over it many times per file, and a loop over an array allocates
	 * nothing where an iterator allocates a result per step. Each step is a
	 * literal of ESLint's `VisitTraversalStep` shape rather than plugin-kit's
	 * `VisitNodeStep`, whose constructor takes an options object: one
	 * allocation per step instead of two, over thousands of steps a file.
	 * The same walk lists the elements, merge tags and comments, so that the
	 * analyses that want those need not walk every node again.
	 */
	override traverse(): readonly VisitTraversalStep[] {
		if (this.#steps) return this.#steps;
		const steps: VisitTraversalStep[] = [];
		const elements = this.#elements;
		const mergeTags = this.#mergeTags;
		const comments = this.#comments;
		const visit = (node: TemplateNode, parent: TemplateNode | undefined) => {
			if (node.type === "Element") {
				elements.push(node);
				this.#parents.set(node, parent!);
			} else if (node.type === "MergeTag") {
				mergeTags.push(node);
				this.#parents.set(node, parent!);
			} else if (node.type === "Comment") comments.push(node);
			// Listeners receive the arguments spread, never the array: enter and exit can share it.
			const args = [node, parent];
			steps.push({ kind: 1, target: node, phase: 1, args });
			const keys = templateVisitorKeys[node.type];
			for (let key = 0; key < keys.length; key++) {
				const children = (node as unknown as Record<string, TemplateNode[]>)[keys[key]!]!;
				for (let index = 0; index < children.length; index++) visit(children[index]!, node);
			}
			steps.push({ kind: 1, target: node, phase: 2, args });
		};
		visit(this.ast, undefined);
		this.#steps = steps;
		return steps;
	}
}
