import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { contrastRatio } from '../../src/lib/course/contrast';
import {
  PALETTE,
  accentPasses,
  checkAccentColors,
  checkSiteTailoring,
  findPlaceholders,
  isPlaceholderResource,
  looksLikePlaceholder,
  themeStylesheet,
  unsetSafetyFields,
} from '../../src/lib/course/tailoring';
import type { Resource } from '../../src/lib/course/schemas';
import { miniCourseInput, problemsOf, record } from './fixture';


describe('the palette the accent is checked against', () => {
  const css = readFileSync(new URL('../../src/styles/global.css', import.meta.url), 'utf8');
  const block = (selector: string) => css.slice(css.indexOf(selector), css.indexOf('}', css.indexOf(selector)));
  const token = (text: string, name: string) => new RegExp(`--${name}:\\s*(#[0-9a-f]{6})`, 'i').exec(text)?.[1]?.toLowerCase();

  test.each([
    ['light', ':root {'],
    ['dark', ":root[data-theme='dark'] {"],
  ] as const)('matches global.css for the %s theme', (theme, selector) => {
    const tokens = block(selector);
    for (const [name, colour] of Object.entries(PALETTE[theme].backgrounds)) expect(token(tokens, name), `--${name}`).toBe(colour);
    expect(token(tokens, 'accent-text')).toBe(PALETTE[theme].accentText);
    expect(token(tokens, 'accent')).toBe(PALETTE[theme].accent);
  });

  test("Crosswalk's own accents pass the rule a library's must meet", () => {
    expect(accentPasses(PALETTE.light.accent, 'light')).toBe(true);
    expect(accentPasses(PALETTE.dark.accent, 'dark')).toBe(true);
  });
});

describe('accent colours', () => {
  test('a pair that reads well in both themes passes', () => {
    expect(checkAccentColors({ accentColor: '#6b2d5c', accentColorDark: '#e0a9d2' })).toEqual([]);
    expect(checkAccentColors({})).toEqual([]);
  });

  test('a light-theme colour with too little contrast is refused with the measured ratio, the required ratio and a darker colour that passes', () => {
    const [problem, ...rest] = checkAccentColors({ accentColor: '#3ba0e0', accentColorDark: '#8cc4ea' });
    expect(rest).toEqual([]);
    expect(problem!.field).toBe('accentColor');
    expect(problem!.message).toMatch(/"#3ba0e0" against .* measures \d\.\d\d:1; .* at least 4\.5:1/);
    const suggested = /"(#[0-9a-f]{6})"/.exec(problem!.hint!)![1]!;
    expect(accentPasses(suggested, 'light')).toBe(true);
    expect(problem!.hint).toContain('darker');
  });

  test('a dark-theme colour that is too dark is refused with a lighter suggestion', () => {
    const [problem] = checkAccentColors({ accentColor: '#1f5f8b', accentColorDark: '#1f5f8b' });
    expect(problem!.field).toBe('accentColorDark');
    const suggested = /"(#[0-9a-f]{6})"/.exec(problem!.hint!)![1]!;
    expect(accentPasses(suggested, 'dark')).toBe(true);
    expect(contrastRatio(suggested, PALETTE.dark.backgrounds.bg)).toBeGreaterThanOrEqual(4.5);
  });

  test('the colour is measured against every background text sits on, not only white', () => {
    // #767676 reads at 4.54:1 on white, but links also sit on cards, callouts and notices.
    expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThan(4.5);
    const [problem] = checkAccentColors({ accentColor: '#767676', accentColorDark: '#8cc4ea' });
    expect(problem!.message).toContain("the light theme's --bad-bg background #fbe9e8 measures 3.");
  });

  test('one colour for both themes is refused, naming the missing field and suggesting one', () => {
    const problems = checkAccentColors({ accentColor: '#6b2d5c' });
    expect(problems).toEqual([expect.objectContaining({ field: 'accentColorDark', message: expect.stringContaining('required when accentColor is set') })]);
    const suggested = /"(#[0-9a-f]{6})"/.exec(problems[0]!.hint!)![1]!;
    expect(accentPasses(suggested, 'dark')).toBe(true);
  });
});

describe('logo', () => {
  const publicFiles = new Set(['favicon.svg', 'library-logo.svg']);

  test('a file in public/ with alt text passes', () => {
    expect(checkSiteTailoring({ logo: 'library-logo.svg', logoAlt: 'Riverside Public Library' }, publicFiles)).toEqual([]);
    expect(checkSiteTailoring({ logo: 'library-logo.svg', logoAlt: '' }, publicFiles)).toEqual([]);
  });

  test.each(['https://example.org/logo.png', 'http://example.org/logo.png', '//cdn.example.org/logo.svg', 'data:image/svg+xml,<svg/>'])('a web address (%s) is refused: it would be a request to another site', (logo) => {
    const [problem] = checkSiteTailoring({ logo, logoAlt: 'x' }, publicFiles);
    expect(problem).toEqual(expect.objectContaining({ field: 'logo', message: expect.stringContaining('file of the course') }));
    expect(problem!.hint).toContain('public/');
  });

  test('a missing file names public/ and the images that are there', () => {
    const [problem] = checkSiteTailoring({ logo: 'libary-logo.svg', logoAlt: 'x' }, publicFiles);
    expect(problem).toEqual({ field: 'logo', message: 'no file public/libary-logo.svg', hint: expect.stringContaining('favicon.svg, library-logo.svg') });
  });

  test.each([
    ['/library-logo.svg', 'write logo: "library-logo.svg"'],
    ['public/library-logo.svg', 'write logo: "library-logo.svg"'],
    ['../secret/logo.svg', 'move the image into public/'],
  ])('%s is refused with how to write it', (logo, hint) => {
    expect(checkSiteTailoring({ logo, logoAlt: 'x' }, publicFiles)[0]!.hint).toContain(hint);
  });

  test('a logo needs logoAlt; logoAlt needs a logo; an image type is required', () => {
    expect(checkSiteTailoring({ logo: 'library-logo.svg' }, publicFiles)).toEqual([expect.objectContaining({ field: 'logoAlt' })]);
    expect(checkSiteTailoring({ logoAlt: 'x' }, publicFiles)).toEqual([expect.objectContaining({ field: 'logoAlt', message: 'there is no logo to describe' })]);
    expect(checkSiteTailoring({ logo: 'logo.gif', logoAlt: 'x' }, publicFiles)[0]!.message).toContain('not an image type');
  });
});

describe('site.yaml tailoring errors in the build name the file and the field', () => {
  test.each([
    ['bad accent contrast', (site: Record<string, any>) => Object.assign(site, { accentColor: '#99c2e0', accentColorDark: '#8cc4ea' }), 'accentColor', /measures .* at least 4\.5:1/],
    ['missing libraryName', (site: Record<string, any>) => delete site.libraryName, 'libraryName', /required field is missing/],
    ['remote logo URL', (site: Record<string, any>) => Object.assign(site, { logo: 'https://example.org/logo.png', logoAlt: 'Logo' }), 'logo', /web address/],
    ['missing logo file', (site: Record<string, any>) => Object.assign(site, { logo: 'nowhere.svg', logoAlt: 'Logo' }), 'logo', /no file public\/nowhere\.svg/],
    ['colour not written #RRGGBB', (site: Record<string, any>) => Object.assign(site, { accentColor: 'purple', accentColorDark: '#8cc4ea' }), 'accentColor', /#RRGGBB|six hex digits/],
  ] as const)('%s', async (_name, mutate, field, message) => {
    const input = await miniCourseInput();
    mutate(record(input.site.data));
    expect(problemsOf(input)).toContainEqual(expect.objectContaining({ file: 'content/site.yaml', field, message: expect.stringMatching(message) }));
  });

  test('several site problems are reported together, even when the schema fails', async () => {
    const input = await miniCourseInput();
    const site = record(input.site.data);
    delete site.libraryName;
    delete site.logoAlt;
    delete site.accentColorDark;
    Object.assign(site, { logo: 'https://example.org/x.png', accentColor: '#dddddd' });
    const fields = problemsOf(input).map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['libraryName', 'logo', 'logoAlt', 'accentColor', 'accentColorDark']));
  });
});

describe('placeholders', () => {
  test.each([
    ['Placeholder: replace this paragraph', true],
    ['Replace with phone, email or desk location', true],
    ['[Your library]', true],
    ['[Local] legal aid', true],
    ['Call 911 in immediate danger.', false],
    ['Riverside Public Library', false],
    ['Ask at the reference desk; we replace lost cards there.', false],
  ])('%s → %s', (text, expected) => {
    expect(looksLikePlaceholder(text)).toBe(expected);
  });

  const resource = (over: Partial<Resource>): Resource => ({ id: 'x', name: 'County social services', helpsWith: 'Housing.', contact: '555-0100', hours: '9–5', scope: 'local', placeholder: false, ...over });

  test('every placeholder is listed with file and field; an entry marked placeholder: false that still has placeholder text is listed too', async () => {
    const site = { libraryName: '[Your library]', shortName: 'Crosswalk', contact: { name: 'Sam', how: 'Replace with an email address' }, emergencyProcedure: 'Placeholder: replace.', parts: [] };
    const notices = findPlaceholders(site, [resource({}), resource({ id: 'y', placeholder: true }), resource({ id: 'z', hours: 'Replace with hours' })]);
    expect(notices.map((n) => `${n.file} ${n.field}`)).toEqual([
      'content/site.yaml libraryName',
      'content/site.yaml contact',
      'content/site.yaml emergencyProcedure',
      'content/site.yaml personInCharge',
      'content/site.yaml safetyContact',
      'content/site.yaml behaviorPolicy',
      'content/resources.yaml [1]',
      'content/resources.yaml [2]',
    ]);
    expect(isPlaceholderResource(resource({ id: 'z', hours: 'Replace with hours' }))).toBe(true);
  });

  test('a tailored site has no placeholders', () => {
    const site = {
      libraryName: 'Riverside Public Library', shortName: 'Crosswalk', contact: { name: 'Sam Lee', how: 'training@riverside.example' }, emergencyProcedure: 'Call 911, then the duty manager on 4410.', parts: [],
      personInCharge: 'The duty manager, on extension 4410 or radio channel 2.', safetyContact: 'Building security, extension 4999.', behaviorPolicy: 'The code of conduct is in the staff handbook; incidents go in the incident log at the main desk.',
    };
    expect(findPlaceholders(site, [resource({})])).toEqual([]);
  });

  test('the safety fields lessons send staff to are listed when missing or still placeholder text, saying which', () => {
    const site = {
      libraryName: 'Riverside Public Library', shortName: 'Crosswalk', contact: { name: 'Sam Lee', how: 'training@riverside.example' }, emergencyProcedure: 'Call 911, then the duty manager on 4410.', parts: [],
      personInCharge: 'Placeholder: replace with who is in charge.', behaviorPolicy: 'The code of conduct is in the staff handbook.',
    };
    expect(unsetSafetyFields(site)).toEqual(['personInCharge', 'safetyContact']);
    const notices = findPlaceholders(site, []);
    expect(notices.map((n) => [n.field, n.what])).toEqual([
      ['personInCharge', 'who is in charge on each shift and how to reach them'],
      ['safetyContact', 'who handles security or safety and how to reach them (not set)'],
    ]);
  });
});

describe('theme stylesheet', () => {
  test('sets the accent and link colours per theme, outranking global.css whatever the load order', () => {
    const css = themeStylesheet({ accentColor: '#6b2d5c', accentColorDark: '#e0a9d2' });
    expect(css).toContain(':root:root { --accent: #6b2d5c; --link: #6b2d5c; }');
    expect(css).toContain(":root:root[data-theme='dark'] { --accent: #e0a9d2; --link: #e0a9d2; }");
    expect(css).toMatch(/@media \(prefers-color-scheme: dark\) \{ :root:root:not\(\[data-theme='light'\]\) \{ --accent: #e0a9d2;/);
  });

  test('is only a comment when no colour is set', () => {
    expect(themeStylesheet({}).trim()).toMatch(/^\/\*.*\*\/$/);
  });
});
