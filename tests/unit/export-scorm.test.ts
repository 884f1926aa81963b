/**
 * The package rewrite: a page built at the sentinel base works from any folder an LMS unpacks it
 * into, with folder links naming their index.html; and the command line says what is wrong.
 */
import { describe, expect, test } from 'vitest';
import { belongsInPackage, linkToLeftOut, parseArgs, rewriteCss, rewriteHtml, rewriteJson, rewriteScript, SENTINEL_BASE } from '../../src/node/export-scorm';
import { parseCmi5Args } from '../../src/node/export-cmi5';

const S = SENTINEL_BASE;

describe('rewriteHtml', () => {
  const page = `<!DOCTYPE html><html><head><meta charset="utf-8"><link rel="stylesheet" href="${S}_astro/a.css"></head><body>
<a href="#main">Skip</a><a href="${S}">Home</a><a href="${S}modules/x/">X</a><a href="${S}modules/x/y/#sec">Y</a>
<script type="module" src="${S}_astro/b.js"></script>
<astro-island component-url="${S}_astro/C.js" props="{&quot;base&quot;:[0,&quot;${S}&quot;]}"></astro-island>
<p data-progress-href="${S}progress/"></p></body></html>`;
  const out = rewriteHtml(page, 'modules/x/index.html');

  test('every page points <base> at the package root, before anything that has a URL', () => {
    expect(out).toContain('<head><base href="../../">');
    expect(rewriteHtml(page, 'index.html')).toContain('<base href="./">');
    expect(rewriteHtml(page, 'lms/index.html')).toContain('<base href="../">');
  });

  test('links to folders name their index.html; files and fragments stay as they are', () => {
    expect(out).toContain('href="./index.html"');
    expect(out).toContain('href="./modules/x/index.html"');
    expect(out).toContain('href="./modules/x/y/index.html#sec"');
    expect(out).toContain('href="./_astro/a.css"');
    expect(out).toContain('src="./_astro/b.js"');
    expect(out).toContain('href="#main"');
  });

  test('URLs in island props and data attributes become relative to the root, for scripts to build on', () => {
    expect(out).toContain('component-url="./_astro/C.js"');
    expect(out).toContain('&quot;./&quot;');
    expect(out).toContain('data-progress-href="./progress/"');
    expect(out).not.toContain(S);
  });

  test('the link fixer is loaded by every page, from the package', () => {
    expect(out).toContain('<script type="module" src="./lms/links.js"></script></head>');
  });
});

test('JSON hrefs name pages; scripts keep the root for <base>; stylesheets go relative to themselves', () => {
  expect(rewriteJson(`{"href":"${S}modules/a/b/#x","u":"${S}references/"}`)).toBe('{"href":"./modules/a/b/index.html#x","u":"./references/index.html"}');
  expect(rewriteScript(`const t=function(e){return\`${S}\`+e};fetch("${S}search-index.json")`)).toBe('const t=function(e){return`./`+e};fetch("./search-index.json")');
  expect(rewriteCss(`a{background:url(${S}img/x.svg)}`, '_astro/a.css')).toBe('a{background:url(../img/x.svg)}');
});

describe('parseArgs', () => {
  test('reads --path and --version, in either spelling', () => {
    expect(parseArgs(['--path', 'new-hire', '--version', '2004'])).toEqual({ pathId: 'new-hire', version: '2004' });
    expect(parseArgs(['--path=full', '--version=1.2', '--out', 'x.zip'])).toEqual({ pathId: 'full', version: '1.2', out: 'x.zip' });
  });

  test.each([
    [['--version', '1.2'], /which path/],
    [['--path', 'full'], /which SCORM version/],
    [['--path', 'full', '--version', '1.3'], /which SCORM version/],
    [['--path', 'full', '--version', '1.2', '--zip'], /Unknown argument "--zip"/],
  ])('%j is refused: %s', (args, message) => {
    expect(() => parseArgs(args)).toThrow(message);
  });
});

describe('pages left out of LMS packages', () => {
  test('the Assign and Team pages are not packaged; every other page is', () => {
    expect(['assign/index.html', 'assign/open/index.html', 'team/index.html'].filter(belongsInPackage)).toEqual([]);
    expect(['index.html', 'teams-of-two/index.html', 'modules/assign-x/index.html'].every(belongsInPackage)).toBe(true);
  });

  test('a link to a left-out page is found; others are not', () => {
    expect(linkToLeftOut('<a href="./team/index.html">Team</a>')).toBe('href="./team/index.html"');
    expect(linkToLeftOut('<a href="./assign/">x</a>')).toBe('href="./assign/"');
    expect(linkToLeftOut('<a href="./desk-cards/index.html">x</a><a href="./teams/index.html">y</a>')).toBeUndefined();
  });
});

describe('parseCmi5Args', () => {
  test('reads --path and --out; refuses what it does not know', () => {
    expect(parseCmi5Args(['--path', 'new-hire'])).toEqual({ pathId: 'new-hire' });
    expect(parseCmi5Args(['--path=full', '--out', 'x.zip'])).toEqual({ pathId: 'full', out: 'x.zip' });
    expect(() => parseCmi5Args([])).toThrow(/which path/);
    expect(() => parseCmi5Args(['--path', 'full', '--version', '1.2'])).toThrow(/Unknown argument "--version"/);
  });
});
