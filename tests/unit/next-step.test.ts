import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { moduleNextStep, pathNextStep, type StepModule } from '../../src/lib/learner/next-step';
import { emptyProgress, markLessonRead, recordAttempt, recordVisit, type ProgressState } from '../../src/lib/learner/progress';
import { emptyPlaces, loadPlaces, mergePlaces, recordPlace, MAX_PLACES, type ReadingPlaces } from '../../src/lib/learner/reading-places';

const at = '2026-11-20T10:00:00.000Z';
const mod = (id: string, lessons: string[]): StepModule => ({
  facts: { id, lessonIds: lessons.map((l) => `${id}/${l}`), contentHash: 'h' },
  title: `Module ${id}`,
  href: `/modules/${id}/`,
  checkHref: `/modules/${id}/check/`,
  lessons: lessons.map((l) => ({ id: `${id}/${l}`, title: `Lesson ${l}`, href: `/modules/${id}/${l}/` })),
});
const a = mod('a', ['one', 'two']);
const b = mod('b', ['one']);
const pass = (s: ProgressState, m: StepModule) => recordAttempt(s, m.facts.id, { at, ratio: 1, points: 1, max: 1, passed: true, contentHash: 'h' }, m.facts);
const readAll = (s: ProgressState, m: StepModule) => m.facts.lessonIds.reduce((x, id) => markLessonRead(x, id, at, m.facts), s);
const none = emptyPlaces();

describe('the main button of a module page', () => {
  test('nothing read: start with the first lesson', () => {
    expect(moduleNextStep(a, emptyProgress(), none)).toEqual({ kind: 'start', href: '/modules/a/one/', label: 'Start with “Lesson one”' });
  });

  test('half read: continue with the first unread lesson, at the section left', () => {
    const progress = markLessonRead(emptyProgress(), 'a/one', at);
    const places = recordPlace(none, 'a/two', 'why-it-matters', at);
    expect(moduleNextStep(a, progress, places)).toEqual({ kind: 'continue', href: '/modules/a/two/#why-it-matters', label: 'Continue with “Lesson two”' });
  });

  test('the lesson last visited, when it is unread, is the one to continue', () => {
    const progress = recordVisit(markLessonRead(emptyProgress(), 'a/one', at), { lessonId: 'a/two', title: 'Lesson two', moduleTitle: 'Module a', at });
    expect(moduleNextStep(mod('a', ['one', 'zero', 'two']), progress, none).href).toBe('/modules/a/two/');
  });

  test('a lesson opened but not finished counts as begun', () => {
    expect(moduleNextStep(a, emptyProgress(), recordPlace(none, 'a/one', 'second', at))).toMatchObject({ kind: 'continue', href: '/modules/a/one/#second' });
  });

  test('all read, check not passed: the check', () => {
    expect(moduleNextStep(a, readAll(emptyProgress(), a), none)).toMatchObject({ kind: 'check', href: '/modules/a/check/' });
  });

  test('complete: the next module of the path, or else the certificate', () => {
    const done = pass(readAll(emptyProgress(), a), a);
    expect(moduleNextStep(a, done, none, { title: 'Module b', href: '/modules/b/' })).toEqual({ kind: 'next-module', href: '/modules/b/', label: 'Next module: Module b' });
    expect(moduleNextStep(a, done, none, undefined, '/certificate/?module=a')).toMatchObject({ kind: 'certificate', href: '/certificate/?module=a' });
  });
});

describe('the main button of a path page', () => {
  test('goes through the path: start, continue, next module, certificate', () => {
    const cert = '/certificate/?path=p';
    expect(pathNextStep([a, b], emptyProgress(), none, cert)).toMatchObject({ kind: 'start', href: '/modules/a/' });
    const half = markLessonRead(emptyProgress(), 'a/one', at);
    expect(pathNextStep([a, b], half, none, cert)).toMatchObject({ kind: 'continue', href: '/modules/a/two/', label: 'Continue with “Lesson two” (Module a)' });
    const first = pass(readAll(emptyProgress(), a), a);
    expect(pathNextStep([a, b], first, none, cert)).toMatchObject({ kind: 'next-module', href: '/modules/b/', label: 'Next module: Module b' });
    expect(pathNextStep([a, b], pass(readAll(first, b), b), none, cert)).toMatchObject({ kind: 'certificate', href: cert });
  });
});

describe('reading places', () => {
  const arbPlaces = fc
    .array(fc.tuple(fc.constantFrom('m/a', 'm/b', 'n/c', '__proto__'), fc.constantFrom('one', 'two-x', 's3'), fc.integer({ min: 0, max: 5 })), { maxLength: 6 })
    .map((entries) => entries.reduce<ReadingPlaces>((s, [id, section, t]) => recordPlace(s, id, section, new Date(Date.UTC(2026, 0, 1 + t)).toISOString()), emptyPlaces()));

  test('merging is commutative, associative and idempotent (two tabs settle)', () => {
    fc.assert(
      fc.property(arbPlaces, arbPlaces, arbPlaces, (x, y, z) => {
        expect(JSON.stringify(mergePlaces(x, y))).toBe(JSON.stringify(mergePlaces(y, x)));
        expect(JSON.stringify(mergePlaces(mergePlaces(x, y), z))).toBe(JSON.stringify(mergePlaces(x, mergePlaces(y, z))));
        expect(JSON.stringify(mergePlaces(x, x))).toBe(JSON.stringify(mergePlaces(x, emptyPlaces())));
      }),
    );
  });

  test('the later place of a lesson wins, whichever tab wrote it', () => {
    const early = recordPlace(emptyPlaces(), 'm/a', 'one', '2026-01-01T00:00:00.000Z');
    const late = recordPlace(emptyPlaces(), 'm/a', 'two', '2026-01-02T00:00:00.000Z');
    expect(mergePlaces(early, late).places['m/a']!.section).toBe('two');
    expect(mergePlaces(late, early).places['m/a']!.section).toBe('two');
  });

  test('a section id that is not a plain slug is not kept', () => {
    expect(recordPlace(emptyPlaces(), 'm/a', 'x" onclick="', at)).toEqual(emptyPlaces());
  });

  test('a stored value round-trips; a damaged entry is dropped and counted, the rest kept', () => {
    const places = recordPlace(recordPlace(emptyPlaces(), 'm/a', 'one', at), 'm/b', 'two', at);
    expect(loadPlaces(JSON.parse(JSON.stringify(places)))).toEqual({ ok: true, value: places, dropped: 0 });
    const damaged = { version: 1, places: { ...places.places, 'm/c': { section: 'Bad Id', at } } };
    expect(loadPlaces(damaged)).toEqual({ ok: true, value: places, dropped: 1 });
    expect(loadPlaces({ version: 9, places: {} })).toMatchObject({ ok: false });
    expect(loadPlaces('nope')).toMatchObject({ ok: false });
  });

  test('at most MAX_PLACES are kept, the most recent', () => {
    let places = emptyPlaces();
    for (let i = 0; i < MAX_PLACES + 5; i++) places = recordPlace(places, `m/l${i}`, 'one', new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString());
    expect(Object.keys(places.places)).toHaveLength(MAX_PLACES);
    expect(places.places['m/l0']).toBeUndefined();
    expect(places.places[`m/l${MAX_PLACES + 4}`]).toBeDefined();
  });
});
