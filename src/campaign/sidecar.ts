/**
 * Finds and reads the campaign facts of a template, for template rules:
 * `resolveCampaign(context.physicalFilename, context.settings, includeRoot)`.
 *
 * Facts come from, nearest winning key by key:
 * 1. `NAME.campaign.yaml|yml|json` beside the template (its sidecar);
 * 2. `defaults.campaign.yaml|yml|json` in the template's folder, then in each
 *    folder above it up to the template's read root (folder defaults);
 * 3. ESLint `settings.mailcomply.campaign`.
 *
 * Each file is read only when it is a regular file inside the template's
 * read root (the same root and symlink rule as `mj-include`: src/sandbox/);
 * nothing in it is followed (no includes, no `$ref`). Problems never throw:
 * they come back as `sidecarError`, and the file gets its located error when
 * it is linted itself as a `mailcomply/campaign` file.
 */
import { statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { readInsideRoot } from "../sandbox/guarded-read.js";
import { ENGINE_FILE_EXTENSIONS, ENGINE_TEMPLATE_ENDINGS } from "../template/engines.js";
import { readRootFor, realPathOr } from "../sandbox/project-root.js";
import { foldersUpTo } from "../sandbox/within.js";
import { campaignFromDocument, declaredPaths, mergeCampaign, normaliseCampaign } from "./model.js";
import { MAX_SIDECAR_BYTES, parseSidecar, sidecarFormat } from "./parse.js";
import type { Campaign } from "./types.js";

export interface ResolvedCampaign {
	/** Defaults < `settings.mailcomply.campaign` < sidecar; `kind` and `channel` always set. */
	campaign: Campaign;
	/** The sidecar that was read, if there is one. */
	sidecarPath?: string;
	/** The folder-defaults files that were read, farthest first. */
	folderDefaultsPaths: string[];
	/** Why the sidecar or a folder-defaults file could not be used (it is then ignored, the other facts still apply). */
	sidecarError?: string;
	/** Dotted paths the user declared (settings or sidecar), e.g. `audience.source`: tells "unknown" from "defaulted". */
	declared: Set<string>;
}

/**
 * Templates of every channel: e-mail (`.mjml`, `.html`, `.htm`, and HTML
 * written for a template engine), SMS (`.sms.txt`) and WhatsApp
 * (`.whatsapp.json`). An engine file's sidecar drops a `.html` before the
 * engine's ending too (`welcome.html.twig` and `welcome.hbs` take
 * `welcome.campaign.yaml`).
 *
 * `TEMPLATE_EXTENSION` also takes an e-mail template's plain-text part
 * (`NAME.txt`, `NAME.text`), which shares `NAME.campaign.yaml` with
 * `NAME.mjml` (src/text-message/text-part-file.ts decides which `.txt`
 * files are one).
 */
export const TEMPLATE_EXTENSIONS: readonly string[] = [
	".mjml",
	".html",
	".htm",
	".sms.txt",
	".whatsapp.json",
	".eml",
	...ENGINE_TEMPLATE_ENDINGS,
];
export const TEMPLATE_EXTENSION = new RegExp(
	String.raw`(?:\.(?:mjml|html|htm|sms\.txt|whatsapp\.json|txt|text|eml)|(?:\.html?)?\.(?:${ENGINE_FILE_EXTENSIONS.map((ending) => ending.replace(".", "\\.")).join("|")}))$`,
	"iu",
);
export const SIDECAR_EXTENSIONS = [".campaign.yaml", ".campaign.yml", ".campaign.json"] as const;
export const SIDECAR_NAME = /\.campaign\.(?:yaml|yml|json)$/u;

/** The channel a template's format implies: `sms` for `.sms.txt`, `whatsapp` for `.whatsapp.json`, else `undefined` (e-mail unless declared). */
export function channelOfTemplate(templatePath: string): Campaign["channel"] | undefined {
	if (/\.sms\.txt$/iu.test(templatePath)) return "sms";
	if (/\.whatsapp\.json$/iu.test(templatePath)) return "whatsapp";
	return undefined;
}

/** A folder's campaign defaults, for every template in that folder and below. */
export const FOLDER_DEFAULTS_FILES = [
	"defaults.campaign.yaml",
	"defaults.campaign.yml",
	"defaults.campaign.json",
] as const;
export const FOLDER_DEFAULTS_NAME = /(?:^|[\\/])defaults\.campaign\.(?:yaml|yml|json)$/u;

/**
 * The kind assumed where none is declared and none can be inferred (a
 * sidecar linted on its own; a template's kind is inferred from its content,
 * see src/analyses/mail-kind.ts): marketing, whose duties a wrong guess must
 * not drop.
 */
export const DEFAULT_KIND: Campaign["kind"] = "marketing";
const DEFAULT_CHANNEL: Campaign["channel"] = "email";

/** `NAME.campaign.yaml`, `.yml` or `.json` beside `NAME.mjml|html|htm|sms.txt|whatsapp.json`, first found in that order. */
export function findSidecarFor(templatePath: string): string | undefined {
	if (!TEMPLATE_EXTENSION.test(templatePath)) return undefined;
	const stem = templatePath.replace(TEMPLATE_EXTENSION, "");
	for (const extension of SIDECAR_EXTENSIONS) {
		const candidate = stem + extension;
		if (isFile(candidate)) return candidate;
	}
	return undefined;
}

/** The template a sidecar belongs to (`NAME.mjml`, `.html` or `.htm` beside it), if there is one. */
export function findTemplateFor(sidecarPath: string): string | undefined {
	if (!SIDECAR_NAME.test(sidecarPath) || FOLDER_DEFAULTS_NAME.test(sidecarPath)) return undefined;
	const stem = sidecarPath.replace(SIDECAR_NAME, "");
	for (const extension of TEMPLATE_EXTENSIONS) {
		const candidate = stem + extension;
		if (isFile(candidate)) return candidate;
	}
	return undefined;
}

function isFile(path: string): boolean {
	try {
		// Most templates have no sidecar: a missing file answers undefined instead of building an error with its stack, three times per template.
		return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
	} catch {
		return false;
	}
}

interface SidecarEntry {
	mtimeMs: number;
	size: number;
	campaign: Partial<Campaign>;
	error?: string;
}

const sidecarCache = new Map<string, SidecarEntry>();
const settingsCache = new WeakMap<object, Partial<Campaign>>();

/**
 * The campaign facts of a file (a template, or a sidecar linted itself):
 * `settings.mailcomply.campaign`, then the folder defaults from its read root
 * down to its folder, then (for a template) its sidecar. `includeRoot` is the
 * template language's option of that name: every file read must lie inside
 * the same root as the template's includes.
 */
export function resolveCampaign(
	filePath: string | undefined,
	settings: unknown,
	includeRoot?: string,
): ResolvedCampaign {
	let merged = campaignFromSettings(settings);
	const errors: string[] = [];
	const root = filePath ? readRootFor(filePath, includeRoot) : undefined;
	const folderDefaultsPaths = filePath && root ? findFolderDefaults(filePath, root) : [];
	for (const path of folderDefaultsPaths) {
		const entry = readSidecar(path, root!);
		if (entry.error) errors.push(entry.error);
		merged = mergeCampaign(merged, entry.campaign);
	}
	const sidecarPath = filePath ? findSidecarFor(filePath) : undefined;
	const sidecar = sidecarPath ? readSidecar(sidecarPath, root!) : undefined;
	if (sidecar) merged = mergeCampaign(merged, sidecar.campaign);
	if (sidecar?.error) errors.push(sidecar.error);
	const resolved: ResolvedCampaign = {
		campaign: { ...merged, kind: merged.kind ?? DEFAULT_KIND, channel: merged.channel ?? DEFAULT_CHANNEL },
		declared: declaredPaths(merged),
		folderDefaultsPaths,
	};
	if (sidecarPath) resolved.sidecarPath = sidecarPath;
	if (errors.length > 0) resolved.sidecarError = errors.join(" ");
	return resolved;
}

/**
 * The folder-defaults files that govern `filePath`, farthest first: in each
 * folder from `root` down to the file's own, the first of
 * `defaults.campaign.yaml`, `.yml`, `.json` that exists. A file outside
 * `root` gets none. Whether each may be read (a symbolic link out of the
 * root may not) is decided when it is read, by the sandbox. A folder-defaults
 * file does not govern itself, only the files below the folders above it.
 */
export function findFolderDefaults(filePath: string, root: string): string[] {
	const file = realPathOr(filePath);
	const found: string[] = [];
	// Walking up from a real path meets only real folders: one realpath call per file, not per level.
	for (const directory of foldersUpTo(dirname(file), root)) {
		for (const name of FOLDER_DEFAULTS_FILES) {
			const candidate = join(directory, name);
			if (candidate === file || !isFile(candidate)) continue;
			found.push(candidate);
			break;
		}
	}
	return found.reverse();
}

function campaignFromSettings(settings: unknown): Partial<Campaign> {
	if (typeof settings !== "object" || settings === null) return {};
	let cached = settingsCache.get(settings);
	if (!cached) {
		const mailcomply = (settings as { mailcomply?: unknown }).mailcomply;
		const campaign =
			typeof mailcomply === "object" && mailcomply !== null
				? (mailcomply as { campaign?: unknown }).campaign
				: undefined;
		cached = deepFreeze(normaliseCampaign(campaign));
		settingsCache.set(settings, cached);
	}
	return cached;
}

/**
 * Reads and models a sidecar, cached by root, path, mtime and size so many
 * templates sharing settings do not re-read it. A refused file's content is
 * never read, so no message can quote it.
 */
function readSidecar(path: string, root: string): SidecarEntry {
	let stats;
	try {
		stats = statSync(path);
	} catch (error) {
		return { mtimeMs: 0, size: 0, campaign: {}, error: `${basename(path)}: cannot be read (${describe(error)}).` };
	}
	const key = `${root}\0${path}`;
	const cached = sidecarCache.get(key);
	if (cached && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size) return cached;
	const entry: SidecarEntry = { mtimeMs: stats.mtimeMs, size: stats.size, campaign: {} };
	const read = readInsideRoot(path, root, MAX_SIDECAR_BYTES);
	if (!read.ok) {
		entry.error = `${basename(path)}: ${read.reason}`;
	} else {
		try {
			const result = parseSidecar(read.text, sidecarFormat(path));
			if (!result.ok) {
				const first = result.errors[0]!;
				entry.error = `${basename(path)}:${first.line}:${first.column}: ${first.message}`;
			} else if (result.ast.body && result.ast.body.type !== "CampaignMapping") {
				entry.error = `${basename(path)}: the top level must be a mapping of campaign facts; it was ignored.`;
			} else {
				entry.campaign = deepFreeze(campaignFromDocument(result.ast));
			}
		} catch (error) {
			entry.error = `${basename(path)}: cannot be read (${describe(error)}).`;
		}
	}
	sidecarCache.set(key, entry);
	return entry;
}

/** Cached models are shared by every template that reads them; freezing keeps one rule from changing what another sees. */
function deepFreeze<T>(value: T): T {
	if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const child of Object.values(value)) deepFreeze(child);
	}
	return value;
}

function describe(error: unknown): string {
	if (error && typeof error === "object" && "code" in error && typeof error.code === "string") return error.code;
	return error instanceof Error ? error.message : String(error);
}

/** For tests and long-running hosts (an editor server): forget every cached sidecar. */
export function clearSidecarCache(): void {
	sidecarCache.clear();
}
