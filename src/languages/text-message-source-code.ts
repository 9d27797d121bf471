/**
 * The source code object of a text message (SMS or WhatsApp template): the
 * traversal, the campaign facts with the channel and kind the file itself
 * implies, and {@link memo} for analyses shared between rules.
 */
import { TextSourceCodeBase } from "@eslint/plugin-kit";
import type { FileProblem, RulesConfig, SourceLocation, VisitTraversalStep } from "@eslint/core";
import type { Directive } from "@eslint/plugin-kit";
import type { TextMessageAstNode, TextMessageChannel, TextMessageNode } from "../text-message/ast.js";
import { textMessageVisitorKeys } from "../text-message/ast.js";
import { resolveCampaign } from "../campaign/sidecar.js";
import { AnalysisMemo } from "./analysis-memo.js";
import { inferKindOfTexts } from "../analyses/mail-kind.js";
import type { TemplateCampaign } from "./template-source-code.js";

export class TextMessageSourceCode extends TextSourceCodeBase<{
	LangOptions: Record<string, unknown>;
	RootNode: TextMessageNode;
	SyntaxElementWithLoc: TextMessageAstNode;
	ConfigNode: never;
}> {
	readonly channel: TextMessageChannel;
	readonly physicalPath: string | undefined;
	readonly #includeRoot: string | undefined;
	readonly #parents = new Map<TextMessageAstNode, TextMessageAstNode>();
	readonly #memo = new AnalysisMemo<TextMessageSourceCode>();
	#steps: VisitTraversalStep[] | undefined;
	#campaign: { settings: unknown; resolved: TemplateCampaign } | undefined;

	constructor({
		text,
		ast,
		physicalPath,
		includeRoot,
	}: {
		text: string;
		ast: TextMessageNode;
		physicalPath: string | undefined;
		includeRoot?: string | undefined;
	}) {
		super({ text, ast, lineEndingPattern: /\r\n|[\r\n]/u });
		this.channel = ast.channel;
		this.physicalPath = physicalPath;
		this.#includeRoot = includeRoot;
	}

	/**
	 * The campaign facts, as for a template (sidecar, folder defaults,
	 * settings), with what the file says for itself: the channel is the
	 * file's, and where no `kind` is declared a WhatsApp MARKETING template
	 * is marketing, and any other message is marketing when it promotes
	 * (src/analyses/mail-kind.ts), else transactional for a UTILITY or
	 * AUTHENTICATION template and inferred for an SMS.
	 */
	getCampaign(settings: unknown): TemplateCampaign {
		if (this.#campaign?.settings !== settings) {
			const resolved: TemplateCampaign = resolveCampaign(this.physicalPath, settings, this.#includeRoot);
			resolved.campaign = { ...resolved.campaign, channel: this.channel };
			if (!resolved.declared.has("kind")) {
				const category = this.ast.whatsapp?.category;
				const inferred =
					category === "MARKETING"
						? undefined
						: this.#inferKind(resolved.campaign.language ?? this.ast.whatsapp?.language);
				const promotes = inferred?.kind === "marketing" && inferred.evidence !== undefined;
				if (category === "MARKETING" || ((category === "UTILITY" || category === "AUTHENTICATION") && !promotes)) {
					// The template's category declares its kind, unless a UTILITY template promotes: then it is marketing in law (and Meta re-categorises it).
					resolved.campaign.kind = category === "MARKETING" ? "marketing" : "transactional";
					resolved.declared.add("kind");
				} else {
					resolved.campaign.kind = inferred!.kind;
					resolved.inferredKind = inferred!;
				}
			}
			this.#campaign = { settings, resolved };
		}
		return this.#campaign!.resolved;
	}

	#inferKind(language: string | undefined) {
		const texts = this.ast.children.filter((part) => part.role !== "button").map((part) => part.text);
		const variables = this.ast.children.flatMap((part) =>
			part.children.flatMap((child) => (child.type === "MessageVariable" ? [child.name] : [])),
		);
		return inferKindOfTexts(texts, variables, language);
	}

	/** Computes an analysis of this file once, however many rules ask for it. */
	memo<T>(analysis: (sourceCode: TextMessageSourceCode) => T): T {
		return this.#memo.get(this, analysis);
	}

	override getParent(node: TextMessageAstNode): TextMessageAstNode | undefined {
		if (!this.#steps) this.traverse();
		return this.#parents.get(node);
	}

	/** Neither an SMS nor JSON has comments: no inline configuration (see text-message-language.ts). */
	getInlineConfigNodes(): never[] {
		return [];
	}

	getDisableDirectives(): { problems: FileProblem[]; directives: Directive[] } {
		return { problems: [], directives: [] };
	}

	applyInlineConfig(): {
		configs: Array<{ config: { rules: RulesConfig }; loc: SourceLocation }>;
		problems: FileProblem[];
	} {
		return { configs: [], problems: [] };
	}

	override traverse(): readonly VisitTraversalStep[] {
		if (this.#steps) return this.#steps;
		const steps: VisitTraversalStep[] = [];
		const visit = (node: TextMessageAstNode, parent: TextMessageAstNode | undefined) => {
			if (parent) this.#parents.set(node, parent);
			const args = [node, parent];
			steps.push({ kind: 1, target: node, phase: 1, args });
			for (const key of textMessageVisitorKeys[node.type]) {
				for (const child of (node as unknown as Record<string, TextMessageAstNode[]>)[key]!) visit(child, node);
			}
			steps.push({ kind: 1, target: node, phase: 2, args });
		};
		visit(this.ast, undefined);
		this.#steps = steps;
		return steps;
	}
}
