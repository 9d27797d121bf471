/**
 * Open tracking in a template: images whose loading tells the sender (or a
 * third party) that this recipient opened the mail, and ESP tags that the
 * ESP replaces with such an image at send time.
 *
 * An image counts when the client loads it with a recipient identifier in
 * its URL (`?u={{ subscriber.id }}`, `*|UNIQID|*`, a hashed address), when
 * it is served by a known open-tracking endpoint, or when its whole URL is
 * a variable named for tracking. A tiny or hidden image without any of
 * these is a spacer, not a tracker: the same request goes out for every
 * recipient and tells nobody who opened.
 */
import type { AttributeNode, ElementNode, MergeTagNode } from "../ast/types.js";
import type { TemplateSourceCode } from "../languages/template-source-code.js";
import { LITERAL_EMAIL, personalDataOf } from "../lexicons/personal-data-fields.js";
import {
	isOpenPixelTag,
	isOpenTrackingVariable,
	isRecipientIdentifier,
	trackerOf,
	type TrackerEndpoint,
} from "../lexicons/tracking.js";
import { getStyles } from "../styles/computed-style.js";
import { parseDeclarations } from "../styles/css.js";
import { resolveLength } from "../styles/lengths.js";
import { getResourceUrls } from "./resource-urls.js";
import { getAttribute } from "../ast/attributes.js";

export interface TrackingImage {
	kind: "image";
	element: ElementNode;
	attribute: AttributeNode;
	/** How the image hides, e.g. `1×1 px` or `display:none`; undefined when it is shown at a visible size (or we cannot tell). */
	invisible: string | undefined;
	/** The recipient identifier in the URL, as written. */
	recipientId: string | undefined;
	/** The open-tracking endpoint the URL points at. */
	tracker: TrackerEndpoint | undefined;
	/** The whole URL is a variable named for tracking (`{{ open_pixel_url }}`). */
	trackingVariable: string | undefined;
}

export interface TrackingTag {
	kind: "tag";
	/** A merge tag in the text that the ESP replaces with its open pixel (`%open-track%`). */
	tag: MergeTagNode;
}

export type OpenTracking = TrackingImage | TrackingTag;

/** Images the client loads when the mail opens (not backgrounds: no ESP or tracker serves a pixel that way). */
const IMAGE_ELEMENTS: ReadonlySet<string> = new Set(["img", "mj-image"]);

/** The largest side, in px, that no reader notices. */
const TINY = 2;

export function getOpenTracking(sourceCode: TemplateSourceCode): OpenTracking[] {
	return sourceCode.memo(findOpenTracking);
}

function findOpenTracking(sourceCode: TemplateSourceCode): OpenTracking[] {
	const found: OpenTracking[] = [];
	const styles = getStyles(sourceCode);
	for (const resource of getResourceUrls(sourceCode)) {
		if (resource.kind !== "image" || !IMAGE_ELEMENTS.has(resource.element.name) || resource.element.clients === "none")
			continue;
		const { element, attribute, target } = resource;
		const recipientId = recipientIdIn(attribute);
		let tracker: TrackerEndpoint | undefined;
		let trackingVariable: string | undefined;
		if (target.kind === "url" && target.host !== "") {
			tracker = trackerOf(target.host, target.url.replace(/^\s*(?:https?:)?\/\/[^/?#]*/iu, "").split("#")[0] ?? "");
		} else if (target.kind === "merge-tag") {
			trackingVariable = target.tags.find((tag) => isOpenTrackingVariable(tag.expression))?.raw;
		}
		if (!recipientId && !tracker && !trackingVariable) continue;
		const hidden = styles.styleOf(element).hidden;
		found.push({
			kind: "image",
			element,
			attribute,
			invisible: hidden ? hidden.reason : tinySize(element),
			recipientId,
			tracker,
			trackingVariable,
		});
	}
	// A tag in the text, not in an attribute: the ESP puts its pixel where the tag stands.
	for (const node of sourceCode.getElements()) {
		for (const child of node.children) {
			if (child.type === "MergeTag" && child.clients !== "none" && isOpenPixelTag(child.expression)) {
				found.push({ kind: "tag", tag: child });
			}
		}
	}
	return found;
}

/** A recipient identifier or personal datum after the host (never in the `#fragment`, which is not sent). */
function recipientIdIn(attribute: AttributeNode): string | undefined {
	let written = "";
	let afterHost = false;
	for (const part of attribute.parts) {
		if (part.type === "Text") {
			written += part.value;
			if (!afterHost) afterHost = /^\s*(?:https?:)?\/\/[^/?#]*[/?#]/iu.test(written);
			continue;
		}
		const inFragment = written.includes("#");
		written += part.raw;
		if (!afterHost || inFragment) continue;
		if (isRecipientIdentifier(part.expression) || personalDataOf(part.expression) === "email") return part.raw;
	}
	// A relative path never loads from a mail, and says nothing about the recipient.
	if (!afterHost) return undefined;
	const literal = (written.split("#")[0] ?? "").replace(/^\s*(?:https?:)?\/\/[^/?#]*/iu, "");
	return literal.split(/[/?&=;]/u).find((segment) => LITERAL_EMAIL.test(segment));
}

/** `1×1 px` when the image's own width and height (attributes or inline style) are both tiny, or either is 0. */
function tinySize(element: ElementNode): string | undefined {
	const width = sizeOf(element, "width");
	const height = sizeOf(element, "height");
	if (width === 0 || height === 0) return `${width ?? "?"}×${height ?? "?"} px`;
	if (width !== undefined && height !== undefined && width <= TINY && height <= TINY) return `${width}×${height} px`;
	return undefined;
}

function sizeOf(element: ElementNode, property: "width" | "height"): number | undefined {
	const style = getAttribute(element, "style")?.value;
	const declared = style
		? parseDeclarations(style).findLast((declaration) => declaration.property === property)?.value
		: undefined;
	const attribute = getAttribute(element, property)?.value ?? undefined;
	for (const value of [declared, attribute]) {
		if (value === undefined || value.trim() === "" || /auto|%/u.test(value)) continue;
		const length = resolveLength(value, undefined, undefined);
		if (length !== undefined) return length;
	}
	return undefined;
}
