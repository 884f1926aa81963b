/**
 * Reporting to a Learning Record Store (xAPI), only when content/site.yaml has an `xapi:` block
 * (src/components/XapiReporter.astro starts it; without the block this module is never loaded).
 *
 * Progress changes become statements (src/lib/lms/xapi.ts) that wait in a persistent outbox until
 * the LRS has them, so nothing is lost offline, on reload or when the LRS is down:
 *   Key: crosswalk:xapi-outbox (one per browser; each statement names its learner)
 *     { "version": 1, "statements": [ { "id": "…", "actor": …, "verb": …, … } ],
 *       "failures": 2, "nextAttemptAt": 1764392400000, "reportedUpTo": "2026-11-29T05:01:00.000Z" }
 * Statements go one at a time, oldest first, with PUT statements?statementId=<id>: the id makes
 * a retry harmless (an LRS stores a statement id once). A failure (offline, refused, 5xx) waits
 * retryDelayMs(failures) before the next try, or until the browser says it is back online.
 * A statement the LRS rejects as invalid (400) is set aside in quarantine, not retried forever.
 * 409 Conflict is not "delivered": xAPI 1.0.3 (Statement Resource, PUT) has an LRS answer 204
 * when it already holds the same statement under that id, and 409 when it holds a different one.
 * Ours was then not stored; it is set aside in quarantine (kept, with the reason), not retried
 * (the answer would not change) and not counted as sent. Each set-aside statement has its own
 * key (…:rejected:<id>, …:conflict:<id>), so a second one never overwrites the first.
 * Migration cases: none yet (version 1); an unreadable outbox is quarantined and starts empty.
 */
import { PREFIX, quarantine } from './storage';
import { validatedAtom, type Loaded } from './validated';
import { $progress } from './progress';
import { learnerId } from './assigned';
import { authorization, OUTBOX_LIMIT, progressStatements, retryDelayMs, XAPI_VERSION, type ActivityTitles, type Statement, type XapiConfig } from '../lib/lms/xapi';
import { emptyProgress } from '../lib/learner/progress';

export const OUTBOX_KEY = `${PREFIX}xapi-outbox`;

export interface Outbox {
  version: 1;
  statements: Statement[];
  failures: number;
  nextAttemptAt: number;
  /** The timestamp of the latest progress reported (queued); later progress is news. */
  reportedUpTo?: string;
}

const emptyOutbox = (): Outbox => ({ version: 1, statements: [], failures: 0, nextAttemptAt: 0 });

function loadOutbox(raw: unknown): Loaded<Outbox> {
  if (typeof raw !== 'object' || raw === null || (raw as { version?: unknown }).version !== 1) return { ok: false, reason: 'not an outbox of version 1' };
  const value = raw as Partial<Outbox>;
  if (!Array.isArray(value.statements)) return { ok: false, reason: 'no statement list' };
  const statements = value.statements.filter((s): s is Statement => typeof s === 'object' && s !== null && typeof (s as Statement).id === 'string' && typeof (s as Statement).verb?.id === 'string');
  return {
    ok: true,
    value: {
      version: 1,
      statements,
      failures: Number.isInteger(value.failures) ? value.failures! : 0,
      nextAttemptAt: typeof value.nextAttemptAt === 'number' ? value.nextAttemptAt : 0,
      ...(typeof value.reportedUpTo === 'string' ? { reportedUpTo: value.reportedUpTo } : {}),
    },
    dropped: value.statements.length - statements.length,
  };
}

export const $outbox = validatedAtom<Outbox>(OUTBOX_KEY, { empty: emptyOutbox, load: loadOutbox, what: 'xAPI outbox', items: 'statement(s)' });

/** Adds statements not already waiting; the oldest go when the outbox is full. */
export function enqueue(statements: Statement[]): void {
  if (statements.length === 0) return;
  const current = $outbox.get();
  const waiting = new Set(current.statements.map((s) => s.id));
  const added = statements.filter((s) => !waiting.has(s.id));
  if (added.length === 0) return;
  $outbox.set({ ...current, statements: [...current.statements, ...added].slice(-OUTBOX_LIMIT) });
}

export type FlushResult = 'sent' | 'empty' | 'waiting' | 'failed' | 'busy';

let sending = false;

/**
 * Sends what waits, oldest first, until the outbox is empty or a request fails. Respects the
 * backoff unless `force` (the browser came back online, the page is opened).
 */
export async function flush(config: XapiConfig, { now = Date.now(), force = false, fetchImpl = fetch } = {}): Promise<FlushResult> {
  if (sending) return 'busy';
  if ($outbox.get().statements.length === 0) return 'empty';
  if (!force && $outbox.get().nextAttemptAt > now) return 'waiting';
  sending = true;
  try {
    const auth = authorization(config);
    for (;;) {
      const next = $outbox.get().statements[0];
      if (!next) return 'sent';
      let status: number;
      try {
        const response = await fetchImpl(`${config.endpoint}statements?statementId=${encodeURIComponent(next.id)}`, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json', 'X-Experience-API-Version': XAPI_VERSION, ...(auth ? { Authorization: auth } : {}) },
          body: JSON.stringify(next),
          credentials: 'omit',
          referrerPolicy: 'no-referrer',
        });
        status = response.status;
      } catch {
        status = 0; // Offline, refused, or blocked: try again later.
      }
      const current = $outbox.get();
      // 2xx: stored (204 also when the LRS already held this very statement: another tab sent it).
      if (status >= 200 && status < 300) {
        $outbox.set({ ...current, statements: current.statements.filter((s) => s.id !== next.id), failures: 0, nextAttemptAt: 0 });
        continue;
      }
      if (status === 400 || status === 409) {
        const [kind, reason] =
          status === 400
            ? ['rejected', 'the Learning Record Store rejected a statement as invalid']
            : ['conflict', 'the Learning Record Store holds a different statement under this statement id (409 Conflict)'];
        quarantine(`${OUTBOX_KEY}:${kind}:${next.id}`, JSON.stringify(next), reason);
        $outbox.set({ ...current, statements: current.statements.filter((s) => s.id !== next.id) });
        continue;
      }
      const failures = current.failures + 1;
      $outbox.set({ ...current, failures, nextAttemptAt: Date.now() + retryDelayMs(failures) });
      return 'failed';
    }
  } finally {
    sending = false;
  }
}

/**
 * Watches progress and reports its changes; retries on a timer with backoff and when the
 * browser comes back online. Call once per page.
 */
export function startReporting(config: XapiConfig, titles: ActivityTitles = {}): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    clearTimeout(timer);
    const { statements, nextAttemptAt } = $outbox.get();
    if (statements.length === 0) return;
    timer = setTimeout(run, Math.max(0, nextAttemptAt - Date.now()));
  };
  const run = (force = false) => {
    void flush(config, { force }).then(schedule);
  };
  // What was already there when the page opened is not news: only changes from here on are.
  // (listen() opens the progress store, so get() then holds what storage holds.)
  // What to report: everything in progress dated after the last statement reported (kept in
  // the outbox, so a reload or another tab does not report it twice). The first time, from the
  // moment this page began loading: a lesson marked read before this script ran still counts,
  // and what a learner did before the site reported anywhere is not sent.
  const ctx = () => ({ config, learnerId: learnerId(), titles });
  const report = () => {
    const outbox = $outbox.get();
    const since = outbox.reportedUpTo ?? new Date(performance.timeOrigin).toISOString();
    const fresh = progressStatements(emptyProgress(), $progress.get(), ctx()).filter((s) => s.timestamp > since);
    const upTo = fresh.reduce((latest, s) => (s.timestamp > latest ? s.timestamp : latest), since);
    if (fresh.length > 0 || outbox.reportedUpTo === undefined) {
      enqueue(fresh);
      $outbox.set({ ...$outbox.get(), reportedUpTo: upTo });
    }
    run();
  };
  // One learner action can be several writes (a check saves its result, then each answer):
  // they are reported together once the action's task is over, in the action's order.
  let queued = false;
  const unbind = $progress.listen(() => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      report();
    });
  });
  report();
  const online = () => run(true);
  addEventListener('online', online);
  return () => {
    unbind();
    clearTimeout(timer);
    removeEventListener('online', online);
  };
}
