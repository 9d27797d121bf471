/**
 * `mailcomply/campaign`: the language of campaign sidecars
 * (`NAME.campaign.yaml|yml|json`). YAML or JSON is decided by the file's
 * extension; see src/campaign/parse.ts for how each is read.
 */
import type { File, Language, LanguageContext, OkParseResult, ParseResult } from "@eslint/core";
import { campaignVisitorKeys } from "../campaign/ast.js";
import type { CampaignDocument, CampaignNode } from "../campaign/ast.js";
import { parseSidecar, sidecarFormat, stripBom } from "../campaign/parse.js";
import type { SidecarFormat } from "../campaign/parse.js";
import type { InlineConfigComment } from "./inline-config.js";
import { CampaignSourceCode } from "./campaign-source-code.js";
import { linkedOutside } from "../sandbox/guarded-read.js";
import { readRootFor } from "../sandbox/project-root.js";

export interface CampaignLanguageOptions {
	/**
	 * The directory mailcomply may read from, as for templates: a sidecar
	 * reached through a symbolic link leading outside it is not linted.
	 * Relative to the file's project root; that root when absent.
	 */
	includeRoot?: string;
	[key: string]: unknown;
}

interface CampaignParseExtras {
	comments: InlineConfigComment[];
	format: SidecarFormat;
}

export class CampaignLanguage implements Language<{
	LangOptions: CampaignLanguageOptions;
	Code: CampaignSourceCode;
	RootNode: CampaignDocument;
	Node: CampaignNode;
}> {
	readonly fileType = "text" as const;
	readonly lineStart = 1 as const;
	readonly columnStart = 1 as const;
	readonly nodeTypeKey = "type";
	readonly visitorKeys: Record<string, string[]> = campaignVisitorKeys;
	readonly defaultLanguageOptions: CampaignLanguageOptions = {};

	validateLanguageOptions(languageOptions: CampaignLanguageOptions): void {
		const unknown = Object.keys(languageOptions ?? {}).filter((key) => key !== "includeRoot");
		if (unknown.length > 0) {
			throw new TypeError(
				`The mailcomply/campaign language has no options but "includeRoot"; remove ${unknown.map((key) => `"${key}"`).join(", ")} from languageOptions.`,
			);
		}
		if (languageOptions?.includeRoot !== undefined && typeof languageOptions.includeRoot !== "string") {
			throw new TypeError(`languageOptions.includeRoot must be a directory path (a string).`);
		}
	}

	parse(file: File, context?: LanguageContext<CampaignLanguageOptions>): ParseResult<CampaignDocument> {
		const physicalPath = file.physicalPath ?? file.path;
		// ESLint has read the file already; a link out of the project must still not be parsed, or its errors would quote it.
		const outside = linkedOutside(physicalPath, () => readRootFor(physicalPath, context?.languageOptions.includeRoot));
		if (outside) return { ok: false, errors: [{ message: outside.reason, line: 1, column: 1 }] };
		const text = bodyText(file);
		const format = sidecarFormat(file.path);
		const result = parseSidecar(text, format);
		if (!result.ok) return { ok: false, errors: result.errors };
		return { ok: true, ast: result.ast, comments: result.comments, format };
	}

	createSourceCode(
		file: File,
		input: OkParseResult<CampaignDocument>,
		context?: LanguageContext<CampaignLanguageOptions>,
	): CampaignSourceCode {
		const { comments, format } = input as OkParseResult<CampaignDocument> & CampaignParseExtras;
		return new CampaignSourceCode({
			text: bodyText(file),
			ast: input.ast,
			comments,
			format,
			physicalPath: file.physicalPath ?? file.path,
			includeRoot: context?.languageOptions.includeRoot,
		});
	}
}

function bodyText(file: File): string {
	return stripBom(typeof file.body === "string" ? file.body : new TextDecoder().decode(file.body));
}
