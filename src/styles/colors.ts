/**
 * Colours through colord (CSS colour syntax, named colours, WCAG 2 contrast),
 * plus the alpha compositing CSS does when a translucent colour sits on another.
 */
import { colord, extend, type RgbaColor } from "colord";
import namesPlugin from "colord/plugins/names";
import a11yPlugin from "colord/plugins/a11y";

extend([namesPlugin, a11yPlugin]);

export type Rgba = RgbaColor;

export const WHITE: Rgba = { r: 255, g: 255, b: 255, a: 1 };
export const BLACK: Rgba = { r: 0, g: 0, b: 0, a: 1 };

/**
 * A CSS colour, or undefined when the text is not one we can evaluate
 * (`var(--x)`, a merge tag, a system colour). HTML attributes such as
 * `bgcolor="fff"` are often written without `#`; browsers accept that,
 * so `legacy` does too.
 */
export function parseColor(text: string, { legacy = false }: { legacy?: boolean } = {}): Rgba | undefined {
	const value = text.trim().toLowerCase();
	if (value === "") return undefined;
	const parsed = colord(value);
	if (parsed.isValid()) return parsed.toRgb();
	if (legacy && /^[0-9a-f]{3}(?:[0-9a-f]{3})?$/u.test(value)) return colord(`#${value}`).toRgb();
	return undefined;
}

/** `top` painted over an opaque `bottom`. */
export function composite(top: Rgba, bottom: Rgba): Rgba {
	const alpha = top.a;
	const mix = (front: number, back: number) => Math.round(front * alpha + back * (1 - alpha));
	return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a: 1 };
}

/** WCAG 2 contrast ratio, floored to two decimals (so a value shown as below a threshold is below it). */
export function contrastRatio(foreground: Rgba, background: Rgba): number {
	return colord(foreground).contrast(background);
}

export function toHex(color: Rgba): string {
	return colord({ ...color, a: 1 }).toHex();
}
