/**
 * A library's own settings in content/site.yaml and content/resources.yaml, checked the way a
 * trainer needs: an accent colour that keeps links and buttons readable in both themes, a logo
 * that is a file of the course (never a request to another website), and a list of everything
 * still at its placeholder text so nobody relies on a referral that does not exist.
 *
 * Pure: the build (src/lib/course/course.ts), `npm run check:content` and the theme stylesheet
 * (src/pages/theme.css.ts) all use these functions, so there is one copy of each rule.
 */
import { adjustUntil, contrastRatio, formatRatio } from './contrast';
import type { Resource, SiteData } from './schemas';

/** WCAG 2.2 AA for normal-size text (success criterion 1.4.3). */
export const TEXT_CONTRAST = 4.5;

/**
 * The parts of src/styles/global.css's palette the accent colour meets: every background text
 * can sit on (links appear on pages, cards, callouts and notices), and the text colour of
 * buttons drawn in the accent. tests/unit/tailoring.test.ts reads global.css to keep these in step.
 */
export const PALETTE = {
  light: {
    backgrounds: { bg: '#fbfaf7', surface: '#ffffff', 'surface-2': '#f1efe9', 'ok-bg': '#e6f3e9', 'warn-bg': '#fff3dc', 'bad-bg': '#fbe9e8' },
    accentText: '#ffffff',
    accent: '#1f5f8b',
  },
  dark: {
    backgrounds: { bg: '#151614', surface: '#1e201d', 'surface-2': '#272a26', 'ok-bg': '#1d3324', 'warn-bg': '#3a2d14', 'bad-bg': '#3d1f1d' },
    accentText: '#0d1b26',
    accent: '#8cc4ea',
  },
} as const;

export type Theme = keyof typeof PALETTE;

const ACCENT_FIELD = { light: 'accentColor', dark: 'accentColorDark' } as const;

export interface TailoringProblem {
  field: string;
  message: string;
  /** What to write instead, when there is something concrete to suggest. */
  hint?: string;
}

/** The pair an accent colour reads worst in, within one theme. */
export function weakestPair(accent: string, theme: Theme): { against: string; what: string; ratio: number } {
  const palette = PALETTE[theme];
  const pairs = [
    ...Object.entries(palette.backgrounds).map(([name, colour]) => ({ against: colour, what: `the ${theme} theme's --${name} background ${colour}` })),
    { against: palette.accentText, what: `button text ${palette.accentText} drawn on it` },
  ];
  return pairs
    .map((pair) => ({ ...pair, ratio: contrastRatio(accent, pair.against) }))
    .reduce((worst, pair) => (pair.ratio < worst.ratio ? pair : worst));
}

/** True when `accent` reads at 4.5:1 or more on every background of `theme` and under its button text. */
export function accentPasses(accent: string, theme: Theme): boolean {
  return weakestPair(accent, theme).ratio >= TEXT_CONTRAST;
}

/**
 * A colour near `accent` that passes in `theme`: darker for the light theme (its backgrounds and
 * button text are light), lighter for the dark theme.
 */
export function suggestAccent(accent: string, theme: Theme): string | undefined {
  return adjustUntil(accent, theme === 'light' ? 'darker' : 'lighter', (candidate) => accentPasses(candidate, theme));
}

/** Problems with `accentColor` / `accentColorDark`; empty when they are unset or readable. */
export function checkAccentColors(site: Pick<SiteData, 'accentColor' | 'accentColorDark'>): TailoringProblem[] {
  const problems: TailoringProblem[] = [];
  for (const theme of ['light', 'dark'] as const) {
    const field = ACCENT_FIELD[theme];
    const accent = site[field];
    if (!accent) continue;
    const worst = weakestPair(accent, theme);
    if (worst.ratio >= TEXT_CONTRAST) continue;
    const better = suggestAccent(accent, theme);
    problems.push({
      field,
      message: `"${accent}" against ${worst.what} measures ${formatRatio(worst.ratio)}; links and button labels need at least ${TEXT_CONTRAST}:1 (WCAG 2.2 AA)`,
      hint: better ? `try ${field}: "${better}", a ${theme === 'light' ? 'darker' : 'lighter'} shade of the same colour that passes` : undefined,
    });
  }
  // One colour cannot serve both themes: 4.5:1 on a near-white page needs a dark colour, 4.5:1
  // on a near-black page a light one. So both are given, or neither; nothing is made up silently.
  for (const [given, missing] of [['light', 'dark'], ['dark', 'light']] as const) {
    const accent = site[ACCENT_FIELD[given]];
    if (!accent || site[ACCENT_FIELD[missing]]) continue;
    const suggestion = suggestAccent(accent, missing);
    problems.push({
      field: ACCENT_FIELD[missing],
      message: `required when ${ACCENT_FIELD[given]} is set: the ${missing} theme needs its own ${missing === 'dark' ? 'light' : 'dark'} accent, because no single colour reaches ${TEXT_CONTRAST}:1 on both the light and the dark backgrounds`,
      hint: suggestion
        ? `try ${ACCENT_FIELD[missing]}: "${suggestion}" (${suggestion === accent ? `your colour reads well in the ${missing} theme` : `your colour made ${missing === 'dark' ? 'lighter' : 'darker'} until it passes`})`
        : undefined,
    });
  }
  return problems;
}

/** Image types a logo may be: ones every browser shows and that carry no script when used as <img>. */
export const LOGO_EXTENSIONS = ['svg', 'png', 'webp', 'jpg', 'jpeg'] as const;

/** Why `logo` cannot be used as written, or undefined when its form is fine (existence is checked separately). */
export function logoPathProblem(logo: string): TailoringProblem | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(logo) || logo.startsWith('//')) {
    return {
      field: 'logo',
      message: `"${logo}" is a web address; the logo must be a file of the course, because an image from another website would make every learner's browser contact that site`,
      hint: 'save the image into public/ (for example public/library-logo.svg) and write logo: "library-logo.svg"',
    };
  }
  if (logo.startsWith('/') || logo.startsWith('public/') || logo.includes('\\') || logo.split('/').includes('..')) {
    const fromPublic = logo.replace(/\\/g, '/').replace(/^\/+/, '').replace(/^public\//, '');
    return {
      field: 'logo',
      message: `"${logo}" must be a path inside public/, written from there with forward slashes`,
      hint: fromPublic.split('/').includes('..') ? 'move the image into public/ and name it from there' : `write logo: "${fromPublic}" for the file public/${fromPublic}`,
    };
  }
  const extension = /\.([a-z0-9]+)$/i.exec(logo)?.[1]?.toLowerCase();
  if (!extension || !(LOGO_EXTENSIONS as readonly string[]).includes(extension)) {
    return { field: 'logo', message: `"${logo}" is not an image type the course shows as a logo`, hint: `use a ${LOGO_EXTENSIONS.join(', ')} file` };
  }
  return undefined;
}

/**
 * Checks the logo and accent fields of site.yaml. `publicFiles`, when given, lists the files
 * under public/ (paths relative to it); without it the logo's existence is not checked.
 */
export function checkSiteTailoring(site: Pick<SiteData, 'logo' | 'logoAlt' | 'accentColor' | 'accentColorDark'>, publicFiles?: ReadonlySet<string>): TailoringProblem[] {
  const problems = checkAccentColors(site);
  if (site.logo !== undefined) {
    const pathProblem = logoPathProblem(site.logo);
    if (pathProblem) problems.push(pathProblem);
    else if (publicFiles && !publicFiles.has(site.logo)) {
      const images = [...publicFiles].filter((f) => (LOGO_EXTENSIONS as readonly string[]).includes(f.split('.').pop()?.toLowerCase() ?? ''));
      problems.push({
        field: 'logo',
        message: `no file public/${site.logo}`,
        hint: images.length ? `put the image there, or name one of the images in public/: ${images.join(', ')}` : `put the image file in public/ under that name`,
      });
    }
    if (site.logoAlt === undefined) {
      problems.push({
        field: 'logoAlt',
        message: 'required when logo is set: the text a screen reader says for the logo',
        hint: 'describe what the logo says or shows, for example logoAlt: "Riverside Public Library"; or write logoAlt: "" if the logo only repeats the library name shown beside it',
      });
    }
  } else if (site.logoAlt !== undefined) {
    problems.push({ field: 'logoAlt', message: 'there is no logo to describe', hint: 'add logo: "<file in public/>" or remove logoAlt' });
  }
  return problems;
}

// ---------------------------------------------------------------------------
// Placeholders: text a library must replace before staff rely on the course

/**
 * Marks that shipped placeholder text carries: "Placeholder: …" at the start, "Replace with …",
 * or a bracketed blank such as "[Your library]" or "[Local]".
 */
const PLACEHOLDER_MARKS = [/^\s*placeholder\b/i, /\breplace (?:this|with)\b/i, /\[(?:your|local)\b[^\]]*\]/i];

/** True when `text` still reads like the shipped placeholder rather than the library's own words. */
export function looksLikePlaceholder(text: string | undefined): boolean {
  return text !== undefined && PLACEHOLDER_MARKS.some((mark) => mark.test(text));
}

export interface PlaceholderNotice {
  file: string;
  field: string;
  /** What is still to replace, for the build's warning. */
  what: string;
  line?: number;
}

/** Which parts of the site settings still read like placeholders (shown flagged on the pages). */
export function sitePlaceholders(site: Pick<SiteData, 'libraryName' | 'contact' | 'emergencyProcedure'>) {
  return {
    libraryName: looksLikePlaceholder(site.libraryName),
    contact: looksLikePlaceholder(site.contact.name) || looksLikePlaceholder(site.contact.how),
    emergencyProcedure: looksLikePlaceholder(site.emergencyProcedure),
  };
}

/**
 * The safety fields crisis and staff-safety lessons rely on, with what each names for the
 * build's warning. Absent counts as unreplaced: a lesson still tells staff to call the person
 * in charge, so the library has to say who that is.
 */
export const SAFETY_FIELDS = {
  personInCharge: 'who is in charge on each shift and how to reach them',
  safetyContact: 'who handles security or safety and how to reach them',
  behaviorPolicy: 'where the behavior policy is and how incidents, threats and bans are recorded',
} as const satisfies Partial<Record<keyof SiteData, string>>;

export type SafetyField = keyof typeof SAFETY_FIELDS;

/** The safety fields still missing or at placeholder text. */
export function unsetSafetyFields(site: Partial<Pick<SiteData, SafetyField>>): SafetyField[] {
  return (Object.keys(SAFETY_FIELDS) as SafetyField[]).filter((field) => site[field] === undefined || looksLikePlaceholder(site[field]));
}

/** True when a referral entry is flagged `placeholder: true` or still reads like one. */
export function isPlaceholderResource(resource: Resource): boolean {
  return resource.placeholder || [resource.name, resource.contact, resource.hours, resource.helpsWith].some(looksLikePlaceholder);
}

/** Everything still at placeholder text, for the build's warning and `npm run check:content`. */
export function findPlaceholders(site: SiteData, resources: Resource[], files = { site: 'content/site.yaml', resources: 'content/resources.yaml' }): PlaceholderNotice[] {
  const notices: PlaceholderNotice[] = [];
  const flags = sitePlaceholders(site);
  if (flags.libraryName) notices.push({ file: files.site, field: 'libraryName', what: `the library's name ("${site.libraryName}")` });
  if (flags.contact) notices.push({ file: files.site, field: 'contact', what: 'who to ask about the course' });
  if (flags.emergencyProcedure) notices.push({ file: files.site, field: 'emergencyProcedure', what: "the library's emergency procedure" });
  for (const field of unsetSafetyFields(site)) {
    notices.push({ file: files.site, field, what: site[field] === undefined ? `${SAFETY_FIELDS[field]} (not set)` : SAFETY_FIELDS[field] });
  }
  resources.forEach((resource, index) => {
    if (resource.placeholder) notices.push({ file: files.resources, field: `[${index}]`, what: `referral "${resource.id}" (placeholder: true)` });
    else if (isPlaceholderResource(resource)) {
      notices.push({ file: files.resources, field: `[${index}]`, what: `referral "${resource.id}" says placeholder: false but still has placeholder text; it is shown as a placeholder until that text is replaced` });
    }
  });
  return notices;
}

// ---------------------------------------------------------------------------
// The theme stylesheet

/**
 * The stylesheet that applies a library's accent colours (served as /theme.css, linked from
 * every page when site.yaml sets them). Selectors repeat :root so they outrank global.css's
 * tokens whatever order the two stylesheets load in.
 */
export function themeStylesheet(site: Pick<SiteData, 'accentColor' | 'accentColorDark'>): string {
  const lines = ['/* Accent colours from content/site.yaml, checked for contrast when the course was built. */'];
  if (site.accentColor) {
    lines.push(`:root:root { --accent: ${site.accentColor}; --link: ${site.accentColor}; }`);
  }
  if (site.accentColorDark) {
    const dark = `--accent: ${site.accentColorDark}; --link: ${site.accentColorDark};`;
    lines.push(`:root:root[data-theme='dark'] { ${dark} }`);
    lines.push(`@media (prefers-color-scheme: dark) { :root:root:not([data-theme='light']) { ${dark} } }`);
  }
  return `${lines.join('\n')}\n`;
}
