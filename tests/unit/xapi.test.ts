/**
 * xAPI: statements built from progress changes (shape, verbs, ids, order), the site.yaml block,
 * and the outbox's sending rules (order, retry with backoff, duplicates, rejected statements).
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { activityIds, authorization, progressStatements, retryDelayMs, statementUuid, VERBS, xapiConfigSchema, type Statement } from '../../src/lib/lms/xapi';
import { emptyProgress, markLessonRead, recordAnswer, recordAttempt, type ModuleFacts } from '../../src/lib/learner/progress';
import { $outbox, enqueue, flush, OUTBOX_KEY } from '../../src/stores/xapi';
import { quarantinedValues } from '../../src/stores/storage';
import learningLockerValidation from '@learninglocker/xapi-validation';

/** Learning Locker's statement validator (conformance-tested): its warnings, as readable lines. */
const validateStatement = (statement: unknown): string[] => {
  const validate = ((learningLockerValidation as unknown as { default?: unknown }).default ?? learningLockerValidation) as (data: unknown) => { path: string[]; message?: string }[];
  return validate(statement).map((w) => `${w.path.join('.')}: ${w.message ?? JSON.stringify(w)}`);
};

const BASE = 'https://library.example.org/crosswalk/';
const ctx = { config: { activityIdBase: BASE }, learnerId: 'p4x8k2m9q1', titles: { modules: { beta: 'Beta module' }, lessons: { 'beta/only': 'Only lesson' }, questions: { 'beta/only': ['a', 'c'] } } };
/** RFC 4122 version 5 (name-based, SHA-1), variant 10. */
const UUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const beta: ModuleFacts = { id: 'beta', lessonIds: ['beta/only'], contentHash: 'hb' };

describe('progressStatements', () => {
  test('reading the last lesson and passing the check: experienced, answered, passed, completed, in that order', () => {
    const before = emptyProgress();
    let after = markLessonRead(before, 'beta/only', '2026-11-29T05:00:00.000Z', beta);
    after = recordAttempt(after, 'beta', { at: '2026-11-29T05:01:00.000Z', ratio: 1, points: 1, max: 1, passed: true, contentHash: 'hb' }, beta);
    after = recordAnswer(after, 'beta/only', ['a'], 'correct', '2026-11-29T05:01:00.000Z');
    const statements = progressStatements(before, after, ctx);
    expect(statements.map((s) => [s.verb.id, s.object.id])).toEqual([
      [VERBS.experienced, `${BASE}modules/beta/only/`],
      [VERBS.answered, `${BASE}modules/beta/check/#q-only`],
      [VERBS.passed, `${BASE}modules/beta/check/`],
      [VERBS.completed, `${BASE}modules/beta/`],
    ]);
    const [experienced, answered, passed, completed] = statements as [Statement, Statement, Statement, Statement];
    // The learner is their random id, never a name or an email.
    for (const s of statements) expect(s.actor).toEqual({ objectType: 'Agent', account: { homePage: BASE, name: 'p4x8k2m9q1' } });
    expect(experienced.object.definition).toEqual({ type: 'http://adlnet.gov/expapi/activities/lesson', name: { 'en-US': 'Only lesson' } });
    expect(experienced.context?.contextActivities.parent).toEqual([{ id: `${BASE}modules/beta/`, objectType: 'Activity' }]);
    expect(answered.result).toEqual({ success: true, response: 'a' });
    // An interaction: a choice, with its correct options as the pattern (the response's syntax).
    expect(answered.object.definition).toEqual({ type: 'http://adlnet.gov/expapi/activities/cmi.interaction', interactionType: 'choice', correctResponsesPattern: ['a[,]c'] });
    expect(passed.result).toEqual({ success: true, completion: true, score: { scaled: 1, raw: 1, min: 0, max: 1 } });
    expect(completed.result).toEqual({ completion: true });
    expect(completed.timestamp).toBe('2026-11-29T05:01:00.000Z');
    for (const s of statements) expect(s.id).toMatch(UUID_V5);
    for (const s of statements) expect(validateStatement(s), s.verb.id).toEqual([]);
    // Control: the validator does object to a broken statement.
    expect(validateStatement({ ...answered, object: { ...answered.object, definition: { ...answered.object.definition, interactionType: 'pick-one' } } })).not.toEqual([]);
  });

  test('a failed attempt is "failed" with its score; nothing that was already there is reported again', () => {
    const before = markLessonRead(emptyProgress(), 'beta/only', '2026-11-29T05:00:00.000Z', beta);
    const after = recordAttempt(before, 'beta', { at: '2026-11-29T05:02:00.000Z', ratio: 0.5, points: 1, max: 2, passed: false, contentHash: 'hb' }, beta);
    const statements = progressStatements(before, after, ctx);
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatchObject({ verb: { id: VERBS.failed }, result: { success: false, score: { scaled: 0.5, raw: 1, max: 2 } } });
    expect(progressStatements(after, after, ctx)).toEqual([]);
  });

  test('the same change gives the same statement id (two tabs report it once); another moment, another id', () => {
    const after = markLessonRead(emptyProgress(), 'beta/only', '2026-11-29T05:00:00.000Z');
    const later = markLessonRead(emptyProgress(), 'beta/only', '2026-11-29T05:00:01.000Z');
    expect(progressStatements(emptyProgress(), after, ctx)[0]!.id).toBe(progressStatements(emptyProgress(), after, ctx)[0]!.id);
    expect(progressStatements(emptyProgress(), later, ctx)[0]!.id).not.toBe(progressStatements(emptyProgress(), after, ctx)[0]!.id);
    expect(statementUuid('a')).not.toBe(statementUuid('b'));
    expect(statementUuid('a')).toMatch(UUID_V5);
  });

  test('a question the page does not know is still a choice, without a pattern', () => {
    const after = recordAnswer(emptyProgress(), 'beta/gone', ['b'], 'incorrect', '2026-11-29T05:00:00.000Z');
    expect(progressStatements(emptyProgress(), after, ctx)[0]!.object.definition).toEqual({ type: 'http://adlnet.gov/expapi/activities/cmi.interaction', interactionType: 'choice' });
  });

  test('activity ids are the course address plus the page', () => {
    expect(activityIds.question(BASE, 'duty-01/q-two')).toBe(`${BASE}modules/duty-01/check/#q-q-two`);
  });
});

describe('site.yaml xapi block', () => {
  test.each([
    [{ endpoint: 'https://lrs.example.org/xapi/', activityIdBase: BASE, username: 'key', password: 'secret' }, true],
    [{ endpoint: 'http://127.0.0.1:8080/xapi/', activityIdBase: BASE }, true],
    [{ endpoint: 'http://lrs.example.org/xapi/', activityIdBase: BASE }, false],
    [{ endpoint: 'https://lrs.example.org/xapi', activityIdBase: BASE }, false],
    [{ endpoint: 'https://lrs.example.org/xapi/', activityIdBase: BASE, extra: 1 }, false],
    [{ endpoint: 'https://lrs.example.org/xapi/' }, false],
  ])('%j is valid: %s', (value, valid) => {
    expect(xapiConfigSchema.safeParse(value).success).toBe(valid);
  });

  test('credentials become one Authorization header', () => {
    expect(authorization({ endpoint: BASE, activityIdBase: BASE, username: 'key', password: 'secret' })).toBe(`Basic ${btoa('key:secret')}`);
    expect(authorization({ endpoint: BASE, activityIdBase: BASE, token: 'Basic abc' })).toBe('Basic abc');
    expect(authorization({ endpoint: BASE, activityIdBase: BASE })).toBeUndefined();
  });
});

test('retries wait 2 s, then twice as long each time, at most 5 minutes', () => {
  expect([1, 2, 3, 4, 10, 20].map(retryDelayMs)).toEqual([2_000, 4_000, 8_000, 16_000, 300_000, 300_000]);
});

describe('outbox', () => {
  const config = { endpoint: 'http://127.0.0.1:9/xapi/', activityIdBase: BASE, username: 'k', password: 's' };
  const statements = progressStatements(
    emptyProgress(),
    recordAttempt(markLessonRead(emptyProgress(), 'beta/only', '2026-11-29T05:00:00.000Z', beta), 'beta', { at: '2026-11-29T05:01:00.000Z', ratio: 1, points: 1, max: 1, passed: true, contentHash: 'hb' }, beta),
    ctx,
  );

  beforeEach(() => {
    $outbox.set({ version: 1, statements: [], failures: 0, nextAttemptAt: 0 });
  });

  function fakeLrs(statuses: number[]) {
    const seen: { url: string; init: RequestInit }[] = [];
    const fetchImpl = (async (url: string, init: RequestInit) => {
      seen.push({ url, init });
      const status = statuses.shift() ?? 204;
      if (status === 0) throw new TypeError('Failed to fetch');
      return new Response(null, { status });
    }) as unknown as typeof fetch;
    return { seen, fetchImpl };
  }

  test('sends oldest first, one PUT per statement id, with the xAPI version and Basic auth; empties the outbox', async () => {
    enqueue(statements);
    const lrs = fakeLrs([]);
    expect(await flush(config, { fetchImpl: lrs.fetchImpl })).toBe('sent');
    expect(lrs.seen.map((r) => r.url)).toEqual(statements.map((s) => `http://127.0.0.1:9/xapi/statements?statementId=${s.id}`));
    expect(lrs.seen[0]!.init).toMatchObject({ method: 'PUT', credentials: 'omit', headers: { 'X-Experience-API-Version': '1.0.3', Authorization: `Basic ${btoa('k:s')}` } });
    expect(JSON.parse(String(lrs.seen[0]!.init.body))).toEqual(statements[0]);
    expect($outbox.get().statements).toEqual([]);
  });

  test('a refused request keeps everything, backs off, and the retry sends in the same order', async () => {
    enqueue(statements);
    const lrs = fakeLrs([503]);
    const t0 = Date.now();
    expect(await flush(config, { fetchImpl: lrs.fetchImpl, now: t0 })).toBe('failed');
    expect($outbox.get().statements).toHaveLength(statements.length);
    expect($outbox.get().failures).toBe(1);
    expect($outbox.get().nextAttemptAt).toBeGreaterThanOrEqual(t0 + 2_000);
    // Before the wait is over nothing is sent; when it is (or the browser is back online), all is.
    expect(await flush(config, { fetchImpl: lrs.fetchImpl, now: t0 + 1_000 })).toBe('waiting');
    expect(await flush(config, { fetchImpl: lrs.fetchImpl, now: t0 + 10_000 })).toBe('sent');
    expect(lrs.seen.map((r) => r.url)).toEqual([statements[0], ...statements].map((s) => `http://127.0.0.1:9/xapi/statements?statementId=${s!.id}`));
    expect($outbox.get()).toMatchObject({ statements: [], failures: 0 });
  });

  test('offline (fetch throws) counts as a failure; failures add up to longer waits', async () => {
    enqueue(statements);
    const lrs = fakeLrs([0, 0]);
    await flush(config, { fetchImpl: lrs.fetchImpl });
    await flush(config, { fetchImpl: lrs.fetchImpl, force: true });
    expect($outbox.get().failures).toBe(2);
    expect($outbox.get().nextAttemptAt - Date.now()).toBeGreaterThan(3_000);
  });

  test('409 (a different statement under that id) and 400 (invalid) are not delivered: each is set aside with its reason, not retried forever', async () => {
    enqueue(statements);
    const lrs = fakeLrs([409, 400]);
    expect(await flush(config, { fetchImpl: lrs.fetchImpl })).toBe('sent');
    expect($outbox.get().statements).toEqual([]);
    const kept = quarantinedValues();
    expect(JSON.parse((kept[`${OUTBOX_KEY}:conflict:${statements[0]!.id}`] as { raw: string }).raw)).toEqual(statements[0]);
    expect(kept[`${OUTBOX_KEY}:conflict:${statements[0]!.id}`]).toMatchObject({ reason: expect.stringContaining('409') });
    expect(JSON.parse((kept[`${OUTBOX_KEY}:rejected:${statements[1]!.id}`] as { raw: string }).raw)).toEqual(statements[1]);
    // The rest went through, once each.
    expect(lrs.seen).toHaveLength(statements.length);
  });

  test('the same statement is queued once', () => {
    enqueue(statements);
    enqueue(statements);
    expect($outbox.get().statements).toHaveLength(statements.length);
  });
});
