/**
 * Campaign facts for rules that lint a sidecar itself (`mailcomply/campaign`).
 *
 * A sidecar states what is special about one mailing; the organisation's
 * defaults live in `settings.mailcomply.campaign` and in the folders'
 * `defaults.campaign.*` files, exactly as for template rules
 * (`TemplateSourceCode.getCampaign`). A sidecar rule that read the file alone
 * would call `lawfulBasis` missing when the organisation declares it once
 * for every mailing, so sidecar rules read the merge of all of them.
 */
import { getPair, getPath, keyName, locatePath } from "../campaign/ast.js";
import type { CampaignDocument, CampaignNode, CampaignPair, CampaignValue } from "../campaign/ast.js";
import { declaredPaths, mergeCampaign } from "../campaign/model.js";
import { channelOfTemplate, findTemplateFor, resolveCampaign } from "../campaign/sidecar.js";
import type { Campaign } from "../campaign/types.js";
import type { CampaignSourceCode } from "../languages/campaign-source-code.js";

export interface SidecarFacts {
	/** Defaults < `settings.mailcomply.campaign` < folder defaults < this sidecar; `kind` and `channel` always set. */
	campaign: Campaign;
	/** Dotted paths the user declared, in the settings or in this sidecar. */
	declared: Set<string>;
}

/** The facts last computed for a file, with the settings they were computed under (ESLint lints a file under one settings object). */
function lastFacts(): { settings?: unknown; facts?: SidecarFacts } {
	return {};
}

/** The campaign a sidecar describes once the organisation defaults are filled in; computed once per file and settings object. */
export function sidecarFacts(sourceCode: CampaignSourceCode, settings: unknown): SidecarFacts {
	const cached = sourceCode.memo(lastFacts);
	if (cached.facts && cached.settings === settings) return cached.facts;
	// A sidecar path is no template path: resolveCampaign reads the folder defaults above it, and no sidecar.
	const organisation = resolveCampaign(sourceCode.physicalPath, settings, sourceCode.includeRoot);
	const own = sourceCode.campaign;
	const merged = mergeCampaign(organisation.campaign, own) as Campaign;
	const declared = new Set([...organisation.declared, ...declaredPaths(own)]);
	// The sidecar of an SMS or WhatsApp template describes a text message, whatever the defaults say: the template's format is its channel.
	const template = sourceCode.physicalPath ? findTemplateFor(sourceCode.physicalPath) : undefined;
	const channel = template ? channelOfTemplate(template) : undefined;
	if (channel) merged.channel = channel;
	const facts: SidecarFacts = { campaign: merged, declared };
	cached.settings = settings;
	cached.facts = facts;
	return facts;
}

/**
 * Where to report a finding about `path`: the value written there, else the
 * key of the nearest written ancestor, else the top-level mapping (the first
 * fact in the file), else the document.
 */
export function reportNode(doc: CampaignDocument, path: ReadonlyArray<string | number>): CampaignNode {
	for (let length = path.length; length > 0; length--) {
		const located = locatePath(doc, path.slice(0, length));
		if (!located) continue;
		if (located.viaAlias) return located.viaAlias;
		if (length === path.length && located.node) return located.node;
		if (located.pair) return located.pair.key;
		if (located.node) return located.node;
	}
	return doc.body ?? doc;
}

/** The pair for a header, whatever the case its name is written in (header names are case-insensitive, RFC 5322 §1.2.2). */
export function headerPair(doc: CampaignDocument, name: string): CampaignPair | undefined {
	const headers = getPath(doc, ["headers"]);
	if (headers?.type !== "CampaignMapping") return undefined;
	return getPair(headers, name) ?? headers.pairs.find((pair) => keyName(pair.key).toLowerCase() === name.toLowerCase());
}

/** A string scalar written in the sidecar at `path` (behind aliases), with its node. */
export function stringAt(
	doc: CampaignDocument,
	path: ReadonlyArray<string | number>,
): { node: CampaignValue; value: string } | undefined {
	const node = getPath(doc, path);
	if (node?.type !== "CampaignScalar" || typeof node.value !== "string") return undefined;
	return { node, value: node.value };
}
