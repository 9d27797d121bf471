import type { CustomRuleDefinitionType, CustomRuleTypeDefinitions, RuleVisitor } from "@eslint/core";
import type {
	AttributeNode,
	CommentNode,
	ConditionalNode,
	DoctypeNode,
	DocumentNode,
	ElementNode,
	MergeTagNode,
	TemplateNode,
	TextNode,
} from "./ast/types.js";
import type { TemplateSourceCode } from "./languages/template-source-code.js";
import type { TemplateLanguageOptions } from "./languages/template-language.js";
import type { CampaignSourceCode } from "./languages/campaign-source-code.js";
import type { CampaignLanguageOptions } from "./languages/campaign-language.js";
import type { CampaignNode, CampaignNodeVisitor } from "./campaign/ast.js";
import type {
	MessageUrlNode,
	MessageVariableNode,
	TextMessageAstNode,
	TextMessageNode,
	TextPartNode,
} from "./text-message/ast.js";
import type { TextMessageSourceCode } from "./languages/text-message-source-code.js";
import type { TextMessageLanguageOptions } from "./languages/text-message-language.js";
import type { MailcomplyDocs } from "./rule-docs.js";

/**
 * What a rule may say about its options and messages; its `meta.docs` is
 * always {@link MailcomplyDocs}, so `jurisdictions: ["xx"]` or an unknown
 * citation id is a compile error in every rule.
 */
export type RuleTypeOptions = Partial<Omit<CustomRuleTypeDefinitions, "ExtRuleDocs">>;
type WithMailcomplyDocs<Options extends RuleTypeOptions> = Options & { ExtRuleDocs: MailcomplyDocs };

type WithExit<Visitors> = Visitors & {
	[K in keyof Visitors as K extends string ? `${K}:exit` : never]: Visitors[K];
};

interface TemplateNodeVisitors {
	Document?: (node: DocumentNode) => void;
	Element?: (node: ElementNode, parent: TemplateNode | undefined) => void;
	Attribute?: (node: AttributeNode, parent: TemplateNode | undefined) => void;
	Text?: (node: TextNode, parent: TemplateNode | undefined) => void;
	Comment?: (node: CommentNode, parent: TemplateNode | undefined) => void;
	Doctype?: (node: DoctypeNode, parent: TemplateNode | undefined) => void;
	Conditional?: (node: ConditionalNode, parent: TemplateNode | undefined) => void;
	MergeTag?: (node: MergeTagNode, parent: TemplateNode | undefined) => void;
}

export type TemplateRuleVisitor = RuleVisitor & WithExit<TemplateNodeVisitors>;

/** The type every template rule (`mailcomply/mjml`, `mailcomply/html`) is written against. */
// `{}` is the "no overrides" default that @eslint/core's CustomRuleDefinitionType expects.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type TemplateRuleDefinition<Options extends RuleTypeOptions = {}> = CustomRuleDefinitionType<
	{
		LangOptions: TemplateLanguageOptions;
		Code: TemplateSourceCode;
		Visitor: TemplateRuleVisitor;
		Node: TemplateNode;
	},
	WithMailcomplyDocs<Options>
>;

export type CampaignRuleVisitor = RuleVisitor & WithExit<CampaignNodeVisitor>;

/**
 * A rule that reads both templates and sidecars (e.g. a subject line lives
 * in either). ESLint calls only the visitors for the root node the file's
 * language produces, so the rule branches on `Document` vs `CampaignDocument`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type TemplateOrCampaignRuleDefinition<Options extends RuleTypeOptions = {}> = CustomRuleDefinitionType<
	{
		LangOptions: TemplateLanguageOptions | CampaignLanguageOptions;
		Code: TemplateSourceCode | CampaignSourceCode;
		Visitor: TemplateRuleVisitor & CampaignRuleVisitor;
		Node: TemplateNode | CampaignNode;
	},
	WithMailcomplyDocs<Options>
>;

/** The type every sidecar rule (`mailcomply/campaign`) is written against. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type CampaignRuleDefinition<Options extends RuleTypeOptions = {}> = CustomRuleDefinitionType<
	{
		LangOptions: CampaignLanguageOptions;
		Code: CampaignSourceCode;
		Visitor: CampaignRuleVisitor;
		Node: CampaignNode;
	},
	WithMailcomplyDocs<Options>
>;

interface TextMessageNodeVisitors {
	TextMessage?: (node: TextMessageNode) => void;
	TextPart?: (node: TextPartNode, parent: TextMessageAstNode | undefined) => void;
	MessageUrl?: (node: MessageUrlNode, parent: TextMessageAstNode | undefined) => void;
	MessageVariable?: (node: MessageVariableNode, parent: TextMessageAstNode | undefined) => void;
}

export type TextMessageRuleVisitor = RuleVisitor & WithExit<TextMessageNodeVisitors>;

/** The type every rule written only for text messages (`mailcomply/sms`, `mailcomply/whatsapp`) is written against. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type TextMessageRuleDefinition<Options extends RuleTypeOptions = {}> = CustomRuleDefinitionType<
	{
		LangOptions: TextMessageLanguageOptions;
		Code: TextMessageSourceCode;
		Visitor: TextMessageRuleVisitor;
		Node: TextMessageAstNode;
	},
	WithMailcomplyDocs<Options>
>;

/**
 * A rule for one duty across channels: e-mail templates and text messages.
 * ESLint calls only the visitors of the file's language, so the rule's
 * `Document` visitors see a `TemplateSourceCode` and its `TextMessage`
 * visitors a `TextMessageSourceCode` (narrow `context.sourceCode` in each).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type MessageRuleDefinition<Options extends RuleTypeOptions = {}> = CustomRuleDefinitionType<
	{
		LangOptions: TemplateLanguageOptions | TextMessageLanguageOptions;
		Code: TemplateSourceCode | TextMessageSourceCode;
		Visitor: TemplateRuleVisitor & TextMessageRuleVisitor;
		Node: TemplateNode | TextMessageAstNode;
	},
	WithMailcomplyDocs<Options>
>;
