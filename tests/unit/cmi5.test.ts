/**
 * cmi5's pure part: the launch parameters and LMS.LaunchData read (or refused with a sentence),
 * the cmi5-defined statements (context template, categories, results), when completed and
 * passed go, and cmi5.xml. Every statement is checked by Learning Locker's xAPI validator.
 */
import { describe, expect, test } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import learningLockerValidation from '@learninglocker/xapi-validation';
import {
  CMI5_CATEGORY,
  CMI5_VERBS,
  MOVEON_CATEGORY,
  SESSION_EXTENSION,
  cmi5Statement,
  cmi5Xml,
  isoDuration,
  readLaunchData,
  readLaunchParams,
  statementsForProgress,
  type LaunchData,
} from '../../src/lib/lms/cmi5';

const validate = (statement: unknown): unknown[] =>
  (((learningLockerValidation as unknown as { default?: unknown }).default ?? learningLockerValidation) as (data: unknown) => unknown[])(statement);

const PAGE = 'https://lms.example.org/content/pkg/lms/index.html';
const actor = { objectType: 'Agent', account: { homePage: 'https://lms.example.org', name: 'u1' } };
const good = {
  endpoint: 'https://lrs.example.org/xapi',
  fetch: 'https://lms.example.org/fetch/abc',
  actor: JSON.stringify(actor),
  registration: '6f1c2b7a-9d3e-4c5b-8a1f-0e2d3c4b5a69',
  activityId: 'https://crosswalk.invalid/c/new-hire/au',
};
const search = (values: Record<string, string>) => `?${new URLSearchParams(values)}`;

describe('readLaunchParams', () => {
  test('reads the five parameters; the endpoint gets its trailing slash', () => {
    const read = readLaunchParams(search(good), PAGE);
    expect(read).toEqual({ ok: true, params: { endpoint: 'https://lrs.example.org/xapi/', fetch: good.fetch, actor, registration: good.registration, activityId: good.activityId } });
  });

  test.each([
    ['endpoint', { ...good, endpoint: 'javascript:alert(1)' }, /endpoint/],
    ['fetch', { ...good, fetch: '' }, /fetch/],
    ['registration', { ...good, registration: 'not-a-uuid' }, /registration/],
    ['actor', { ...good, actor: '{"name":"x"}' }, /actor/],
    ['actor JSON', { ...good, actor: '{' }, /actor/],
    ['activityId', { ...good, activityId: '' }, /activityId/],
  ])('a bad %s is refused with a sentence', (_what, values, reason) => {
    const read = readLaunchParams(search(values), PAGE);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.reason).toMatch(reason);
  });
});

describe('readLaunchData', () => {
  test('keeps what the AU uses; refuses a document without contextTemplate or launchMode', () => {
    expect(readLaunchData({ contextTemplate: {}, launchMode: 'Review', returnURL: 'https://lms/x', masteryScore: 1, moveOn: 'Passed' })).toEqual({
      ok: true,
      data: { contextTemplate: {}, launchMode: 'Review', returnURL: 'https://lms/x', masteryScore: 1, moveOn: 'Passed' },
    });
    expect(readLaunchData({ launchMode: 'Normal' }).ok).toBe(false);
    expect(readLaunchData({ contextTemplate: {}, launchMode: 'normal' }).ok).toBe(false);
    expect(readLaunchData(null).ok).toBe(false);
  });
});

describe('cmi5Statement', () => {
  const read = readLaunchParams(search(good), PAGE);
  if (!read.ok) throw new Error(read.reason);
  const launchData: LaunchData = {
    contextTemplate: { contextActivities: { grouping: [{ id: good.activityId, objectType: 'Activity' }] }, extensions: { [SESSION_EXTENSION]: 'a1b2c3d4-0000-4000-8000-000000000000' } },
    launchMode: 'Normal',
  };
  const make = (verb: 'initialized' | 'completed' | 'passed' | 'terminated') =>
    cmi5Statement(verb, { params: read.params, launchData, id: '0d8f7c3e-1b2a-4c5d-9e8f-7a6b5c4d3e2f', timestamp: '2026-12-02T10:00:00.000Z', sessionMs: 61_500 });

  test.each(['initialized', 'completed', 'passed', 'terminated'] as const)('%s: the launch actor and AU, the registration, the context template, the cmi5 category; valid xAPI', (verb) => {
    const s = make(verb);
    expect(s.verb.id).toBe(CMI5_VERBS[verb]);
    expect(s.object).toEqual({ objectType: 'Activity', id: good.activityId });
    expect(s.context.registration).toBe(good.registration);
    expect(s.context.extensions).toEqual(launchData.contextTemplate.extensions);
    expect(s.context.contextActivities.grouping).toEqual([{ id: good.activityId, objectType: 'Activity' }]);
    const categories = (s.context.contextActivities.category as { id: string }[]).map((c) => c.id);
    expect(categories).toContain(CMI5_CATEGORY);
    expect(categories.includes(MOVEON_CATEGORY)).toBe(verb === 'completed' || verb === 'passed');
    expect(validate(s)).toEqual([]);
    // Control: the validator objects to a statement without a verb IRI.
    expect(validate({ ...s, verb: { id: 'initialized' } })).not.toEqual([]);
  });

  test('results: completion, success with the mastery score, durations', () => {
    expect(make('initialized').result).toBeUndefined();
    expect(make('completed').result).toEqual({ completion: true, duration: 'PT1M1.50S' });
    expect(make('passed').result).toEqual({ success: true, duration: 'PT1M1.50S', score: { scaled: 1 } });
    expect(make('terminated').result).toEqual({ duration: 'PT1M1.50S' });
    expect(isoDuration(3_600_000)).toBe('PT1H0S');
  });
});

test('completed and passed go once, in a Normal launch, when the path is complete', () => {
  const normal = { contextTemplate: {}, launchMode: 'Normal' } as const;
  expect(statementsForProgress(normal, true, false)).toEqual(['completed', 'passed']);
  expect(statementsForProgress(normal, true, true)).toEqual([]);
  expect(statementsForProgress(normal, false, false)).toEqual([]);
  expect(statementsForProgress({ ...normal, launchMode: 'Browse' }, true, false)).toEqual([]);
  expect(statementsForProgress({ ...normal, launchMode: 'Review' }, true, false)).toEqual([]);
});

test('cmi5.xml: one course, one AU with moveOn, masteryScore and the launch file; text escaped', () => {
  const xml = cmi5Xml({ courseId: 'https://x.invalid/c', auId: 'https://x.invalid/c/au', courseTitle: 'A & B', pathTitle: 'P <1>', description: 'D', url: 'lms/index.html' });
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml).courseStructure;
  expect(parsed.course['@id']).toBe('https://x.invalid/c');
  expect(parsed.course.title.langstring['#text']).toBe('A & B');
  expect(parsed.au).toMatchObject({ '@id': 'https://x.invalid/c/au', '@moveOn': 'CompletedAndPassed', '@masteryScore': '1', url: 'lms/index.html' });
  expect(parsed.au.title.langstring['#text']).toBe('P <1>');
});
