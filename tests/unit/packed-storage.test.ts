/**
 * The packed forms of progress and review decks (src/lib/learner/packed-storage.ts): packing changes
 * the spelling, never the data, for any state; damaged packed values are refused with a reason
 * (never a throw); values stored in the readable form before packing still load.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { canonicalJson } from '../../src/lib/encoding/canonical-json';
import { emptyProgress, loadProgress, markLessonRead } from '../../src/lib/learner/progress';
import { emptyDeck, rateCard } from '../../src/lib/learner/review';
import { loadStoredDeck, packDeck } from '../../src/lib/learner/packed-deck';
import {
  loadStoredProgress,
  packInstant,
  packProgress,
  unpackInstant,
  unpackProgress,
} from '../../src/lib/learner/packed-storage';
import { isoDateArb, mutate, progressArb } from './progress-arbitraries';

describe('instants', () => {
  test('a canonical ISO instant packs to base 36 and back', () => {
    expect(packInstant('2026-11-29T10:00:00.000Z')).toMatch(/^[0-9a-z]{8}$/);
    fc.assert(fc.property(isoDateArb, (iso) => {
      expect(unpackInstant(packInstant(iso))).toBe(iso);
    }));
  });

  test('any other string keeps its exact text', () => {
    fc.assert(fc.property(fc.string(), (text) => {
      expect(unpackInstant(packInstant(text))).toBe(text);
    }));
    expect(packInstant('2026-11-29')).toBe('=2026-11-29');
  });
});

describe('progress', () => {
  test('unpack(pack(state)) is the state, for any state', () => {
    fc.assert(
      fc.property(progressArb(fc.string({ minLength: 1 }), fc.oneof(isoDateArb, fc.string({ minLength: 1 }))), (state) => {
        const packed = packProgress(state);
        expect(canonicalJson(unpackProgress(JSON.parse(packed)))).toBe(canonicalJson(state));
        // Dates that are not real instants are refused on load; every other state loads as it was.
        const loaded = loadStoredProgress(JSON.parse(packed));
        expect(loaded.ok && canonicalJson(loaded.state)).toBe(loadProgress(state).ok && canonicalJson(state));
      }),
    );
  });

  test('ids with no module part, or with several slashes, survive grouping', () => {
    let state = emptyProgress('e1');
    for (const id of ['loose', 'm1/a/b', 'm1/a', '/odd', 'm2/']) state = markLessonRead(state, id, '2026-11-29T10:00:00.000Z');
    expect(Object.keys(unpackProgress(JSON.parse(packProgress(state))).lessons).sort()).toEqual(Object.keys(state.lessons).sort());
  });

  test('the same state always packs to the same string', () => {
    fc.assert(fc.property(progressArb(), (state) => {
      expect(packProgress(JSON.parse(JSON.stringify(state)))).toBe(packProgress(state));
    }));
  });

  test('packed is much shorter than readable', () => {
    fc.assert(
      fc.property(progressArb(), (state) => {
        if (Object.keys(state.checks).length + Object.keys(state.answers).length < 3) return;
        expect(packProgress(state).length).toBeLessThan(canonicalJson(state).length * 0.75);
      }),
    );
  });

  test('progress stored readable (before packing) still loads', () => {
    const readable = markLessonRead(emptyProgress('e1'), 'orientation/a', '2026-11-29T10:00:00.000Z');
    const loaded = loadStoredProgress(JSON.parse(canonicalJson(readable)));
    expect(loaded.ok && loaded.state).toEqual(readable);
  });

  test('a damaged packed value is refused with a reason, never a throw', () => {
    fc.assert(
      fc.property(progressArb(), fc.nat(), fc.jsonValue(), fc.boolean(), (state, pick, replacement, remove) => {
        const damaged = mutate(JSON.parse(packProgress(state)), pick, replacement as never, remove);
        const loaded = loadStoredProgress(damaged);
        if (!loaded.ok) expect(loaded.reason.length).toBeGreaterThan(0);
      }),
    );
    const loaded = loadStoredProgress({ v: 3, e: 'e1', l: { m: { a: 'not base36!' } }, c: {}, k: {}, a: {} });
    expect(loaded).toEqual({ ok: false, reason: expect.stringContaining('not a packed instant') });
  });
});

describe('review deck', () => {
  const deckArb = fc
    .array(fc.tuple(fc.constantFrom('m1/q1', 'm1/q2', 'm2/q1', 'orientation/long-question-id'), fc.constantFrom('again', 'hard', 'good', 'easy' as const), isoDateArb), { maxLength: 12 })
    .map((ratings) => [...ratings].sort((x, y) => x[2].localeCompare(y[2])).reduce((deck, [id, rating, at]) => rateCard(deck, id, rating, new Date(at)), emptyDeck()));

  test('unpack(pack(deck)) is the deck', () => {
    fc.assert(
      fc.property(deckArb, (deck) => {
        const loaded = loadStoredDeck(JSON.parse(packDeck(deck)));
        expect(loaded.ok && loaded.dropped).toBe(0);
        expect(loaded.ok && loaded.deck).toEqual(deck);
      }),
    );
  });

  test('a damaged card is dropped and counted; the rest of the deck stays', () => {
    const deck = rateCard(rateCard(emptyDeck(), 'm1/q1', 'good', new Date('2026-11-29T10:00:00.000Z')), 'm1/q2', 'again', new Date('2026-11-29T10:00:00.000Z'));
    const packed = JSON.parse(packDeck(deck));
    packed.m.m1.q2 = 'garbage';
    const loaded = loadStoredDeck(packed);
    expect(loaded.ok && loaded.dropped).toBe(1);
    expect(loaded.ok && Object.keys(loaded.deck.cards)).toEqual(['m1/q1']);
  });

  test('a deck stored readable (before packing) still loads', () => {
    const deck = rateCard(emptyDeck(), 'm1/q1', 'good', new Date('2026-11-29T10:00:00.000Z'));
    const loaded = loadStoredDeck(JSON.parse(JSON.stringify(deck)));
    expect(loaded.ok && loaded.deck).toEqual(deck);
  });
});
