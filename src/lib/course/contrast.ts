/**
 * Colour contrast as WCAG 2.x measures it: relative luminance of sRGB colours and the ratio
 * between two of them. Used by the build to refuse a library's accent colour that would make
 * links or buttons hard to read, and to suggest one that would not.
 */

/** A colour written `#RRGGBB` (the form site.yaml accepts). */
export const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

export type Rgb = readonly [number, number, number];

/** `#1f5f8b` → [31, 95, 139]. Throws on anything but `#RRGGBB`. */
export function parseHex(hex: string): Rgb {
  if (!HEX_COLOR.test(hex)) throw new Error(`not a #RRGGBB colour: ${hex}`);
  return [0, 2, 4].map((i) => Number.parseInt(hex.slice(1 + i, 3 + i), 16)) as unknown as Rgb;
}

/** [31, 95, 139] → `#1f5f8b`. Channels are rounded and clamped to 0–255. */
export function toHex(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, '0')).join('')}`;
}

/** Relative luminance (WCAG 2.x definition): 0 for black, 1 for white. */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = parseHex(hex).map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as unknown as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast ratio between two colours, from 1 (none) to 21 (black on white); order does not matter. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** A ratio for people: 4.49… is shown as 4.49, never rounded up to a pass. */
export function formatRatio(ratio: number): string {
  return `${(Math.floor(ratio * 100) / 100).toFixed(2)}:1`;
}

/**
 * Mixes `hex` step by step towards black (`darker`) or white (`lighter`) and returns the first
 * colour for which `passes` holds, keeping the hue as far as mixing allows. Undefined when even
 * black or white would not pass.
 */
export function adjustUntil(hex: string, direction: 'darker' | 'lighter', passes: (candidate: string) => boolean): string | undefined {
  const start = parseHex(hex);
  const target = direction === 'darker' ? 0 : 255;
  for (let step = 0; step <= 100; step++) {
    const t = step / 100;
    const candidate = toHex(start.map((c) => c + (target - c) * t) as unknown as Rgb);
    if (passes(candidate)) return candidate;
  }
  return undefined;
}
