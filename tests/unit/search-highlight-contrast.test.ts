/**
 * Search highlights (<mark> in results) keep text readable in both themes: every text colour a
 * result uses (the link-coloured title, muted context and excerpt, body text) is at least 4.5:1
 * on the mark's background. Read from the stylesheets themselves (the palette in global.css,
 * the marks in the search styles), so a palette change is checked.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { contrastRatio } from '../../src/lib/course/contrast';

const css = readFileSync(new URL('../../src/styles/global.css', import.meta.url), 'utf8');
const searchCss = readFileSync(new URL('../../src/components/search/search.css', import.meta.url), 'utf8');

/** The first value of `--name` in the block that starts with `selector`. */
function variable(block: string, name: string): string {
  const value = new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{6})`).exec(block)?.[1];
  if (!value) throw new Error(`--${name} not found`);
  return value;
}

const lightPalette = css.slice(css.indexOf(':root'), css.indexOf('}', css.indexOf(':root')));
const darkStart = css.indexOf(":root[data-theme='dark']");
const darkPalette = css.slice(darkStart, css.indexOf('}', darkStart));
const lightMark = /\.search-hit mark \{[^}]*background: var\(--mark, (#[0-9a-f]{6})\)/.exec(searchCss)![1]!;
const darkMarks = [...searchCss.matchAll(/\.search-hit mark \{\s*background: (#[0-9a-f]{6})/g)].map((m) => m[1]!);

test('the dark mark background is set for the dark theme and for a dark system theme alike', () => {
  expect(darkMarks.length).toBe(2);
  expect(new Set(darkMarks).size).toBe(1);
});

test.each([
  ['light', lightPalette, lightMark],
  ['dark', darkPalette, darkMarks[0]!],
])('%s theme: title, muted and body text on a highlight are at least 4.5:1', (_theme, palette, mark) => {
  for (const name of ['link', 'muted', 'text']) expect(contrastRatio(variable(palette, name), mark), `--${name} on ${mark}`).toBeGreaterThanOrEqual(4.5);
});
