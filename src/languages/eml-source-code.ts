/**
 * The source code of a captured message (`.eml`): a template source code
 * over its HTML part (so every template rule and analysis runs on it
 * unchanged), plus the message's located headers and its plain-text part
 * as a text-message AST (src/text-message/ast.ts).
 */
import type { DocumentNode } from "../ast/types.js";
import type { EmlMessage, HeaderNode } from "../eml/read-message.js";
import type { TextMessageNode } from "../text-message/ast.js";
import type { DecodedLines } from "../eml/decoded-lines.js";
import { contentLanguages } from "../eml/content-language.js";
import { TemplateSourceCode, type TemplateCampaign } from "./template-source-code.js";

/** The headers a sidecar may declare (schema/campaign.schema.json `headers`). */
export const DECLARABLE_HEADERS = ["List-Unsubscribe", "List-Unsubscribe-Post", "List-Id"] as const;

export class EmlSourceCode extends TemplateSourceCode {
	readonly message: EmlMessage;
	/** The `text/plain` part, if the message has one. */
	readonly textPart: TextMessageNode | undefined;
	readonly #decoded: readonly DecodedLines[];
	#campaign:
		{ settings: unknown; resolved: TemplateCampaign; declaredHeaders: Record<string, string> | undefined } | undefined;

	constructor(options: {
		text: string;
		ast: DocumentNode;
		physicalPath: string | undefined;
		includeRoot?: string | undefined;
		message: EmlMessage;
		textPart: TextMessageNode | undefined;
		decoded?: readonly DecodedLines[];
	}) {
		super(options);
		this.message = options.message;
		this.textPart = options.textPart;
		this.#decoded = options.decoded ?? [];
	}

	/**
	 * For a node or location of a quoted-printable or base64 part (placed on
	 * the part's header), the decoded line it is on, for the finding to quote:
	 * ` [base64 HTML part, decoded line 7: "…"]`; undefined elsewhere.
	 */
	decodedQuote(target: object | undefined): string | undefined {
		for (const decoded of this.#decoded) {
			const quote = decoded.quote(target);
			if (quote !== undefined) return quote;
		}
		return undefined;
	}

	/** The message's header fields of that name (case-insensitive), in file order. */
	headers(name: string): HeaderNode[] {
		const key = name.toLowerCase();
		return this.message.headers.filter((header) => header.key === key);
	}

	/**
	 * The campaign facts, with what the message itself says where the
	 * sidecar, folder defaults and settings do not: the sender's name and
	 * address from `From`, the language from `Content-Language`. The
	 * headers the message carries replace declared ones: they are what was
	 * sent (the `headers` a sidecar declares are for templates, whose
	 * headers the ESP adds).
	 */
	override getCampaign(settings: unknown): TemplateCampaign {
		if (this.#campaign && this.#campaign.settings === settings) return this.#campaign.resolved;
		const base = super.getCampaign(settings);
		const campaign = { ...base.campaign };
		const from = this.headers("from")[0];
		const mailbox = from?.addresses?.[0];
		if (mailbox && !base.declared.has("sender.name") && !base.declared.has("sender.email")) {
			campaign.sender = { ...campaign.sender, ...(mailbox.name ? { name: mailbox.name } : {}), email: mailbox.address };
		}
		const language = this.statedLanguage();
		if (language && !base.declared.has("language")) campaign.language = language;
		const sent: Record<string, string> = {};
		for (const name of DECLARABLE_HEADERS) {
			const header = this.headers(name)[0];
			if (header) sent[name] = header.value;
		}
		// What was sent is the message's headers, present or not; what the campaign facts declare is compared with them (declaredHeaders).
		const declaredHeaders = base.declared.has("headers") ? base.campaign.headers : undefined;
		if (Object.keys(sent).length > 0) campaign.headers = sent;
		else delete campaign.headers;
		const resolved: TemplateCampaign = { ...base, campaign };
		this.#campaign = { settings, resolved, declaredHeaders };
		return resolved;
	}

	protected override statedLanguage(): string | undefined {
		const header = this.headers("content-language")[0];
		return header ? contentLanguages(header.decoded)[0] : undefined;
	}

	/** The `headers` the sidecar, folder defaults or settings declare for this message, to compare with the ones it carries. */
	declaredHeaders(settings: unknown): Record<string, string> | undefined {
		this.getCampaign(settings);
		return this.#campaign?.declaredHeaders;
	}
}
