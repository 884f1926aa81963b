/**
 * What a page costs to open, as Chromium actually requests it: every response body the page
 * fetched, sorted into HTML, CSS, JS and other, raw and gzipped (zlib's default level 6, as a
 * typical web server compresses). Shared by the budget test (budgets.test.ts) and `npm run bench`.
 *
 *  - at load: what a visitor downloads just by opening the page (until the load event and the
 *    network going quiet), without scrolling or touching anything;
 *  - after hydration: once every island has been brought into view and has hydrated.
 */
import { gzipSync } from 'node:zlib';
import type { Browser, Page, Response } from 'playwright-core';
import { openPage, settle } from './browser';

export type AssetKind = 'html' | 'css' | 'js' | 'json' | 'other';

export interface Transfer {
  url: string;
  kind: AssetKind;
  raw: number;
  gzip: number;
}

export interface Totals {
  requests: number;
  raw: number;
  gzip: number;
  byKind: Record<AssetKind, { raw: number; gzip: number }>;
}

export interface PageWeight {
  url: string;
  atLoad: Totals;
  afterHydration: Totals;
  /** Every response, in the order they arrived, marked with the phase that fetched it. */
  transfers: (Transfer & { phase: 'load' | 'hydration' })[];
}

function kindOf(response: Response): AssetKind {
  const type = (response.headers()['content-type'] ?? '').split(';')[0]!.trim();
  const path = new URL(response.url()).pathname;
  if (type === 'text/html' || response.request().resourceType() === 'document') return 'html';
  if (type === 'text/css' || path.endsWith('.css')) return 'css';
  if (type.includes('javascript') || /\.m?js$/.test(path)) return 'js';
  if (type.includes('json') || path.endsWith('.json')) return 'json';
  return 'other';
}

export function total(transfers: Transfer[]): Totals {
  const byKind = Object.fromEntries((['html', 'css', 'js', 'json', 'other'] as const).map((k) => [k, { raw: 0, gzip: 0 }])) as Totals['byKind'];
  for (const t of transfers) {
    byKind[t.kind].raw += t.raw;
    byKind[t.kind].gzip += t.gzip;
  }
  return {
    requests: transfers.length,
    raw: transfers.reduce((n, t) => n + t.raw, 0),
    gzip: transfers.reduce((n, t) => n + t.gzip, 0),
    byKind,
  };
}

/** Opens `url` in a fresh context (empty cache and storage) and weighs it. */
export async function weighPage(browser: Browser, url: string, prepare?: (page: Page) => Promise<void>): Promise<PageWeight> {
  const page = await openPage(browser, { serviceWorkers: 'block' });
  const transfers: PageWeight['transfers'] = [];
  const pending: Promise<void>[] = [];
  let phase: 'load' | 'hydration' = 'load';
  page.on('response', (response) => {
    const at = phase;
    pending.push(
      response
        .body()
        .then((body) => {
          transfers.push({ url: response.url(), kind: kindOf(response), raw: body.length, gzip: gzipSync(body).length, phase: at });
        })
        .catch(() => {
          // A redirect or an aborted request has no body: nothing was transferred to weigh.
        }),
    );
  });
  try {
    await prepare?.(page);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
    await Promise.all(pending.splice(0));
    phase = 'hydration';
    const problems = await settle(page);
    if (problems.length) throw new Error(`${url}: ${problems.join('; ')}`);
    await Promise.all(pending.splice(0));
  } finally {
    await page.context().close();
  }
  const loadOnly = transfers.filter((t) => t.phase === 'load');
  return { url, atLoad: total(loadOnly), afterHydration: total(transfers), transfers };
}
