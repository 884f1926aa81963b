/**
 * Where the learner was in each lesson: the last section (h2 id) they reached, so Continue
 * reopens a half-read lesson there instead of at the top. Kept by src/stores/reading-places.ts.
 *
 * Stored as JSON, key crosswalk:places:<profile-id>:
 *   { "version": 1, "places": { "orientation/what-a-peer-specialist-is": { "section": "why-it-matters", "at": "2026-11-29T10:00:00.000Z" } } }
 *
 * Migration cases: none yet (version 1). Ghost state: a lesson or section renamed away leaves
 * an entry nobody reads; a section id that no longer exists opens the lesson at its top (the
 * browser ignores an unknown fragment). Entries are capped at MAX_PLACES, the most recent kept.
 */
import * as z from 'zod/mini';
import { instantSchema } from '../encoding/fields';

export const PLACES_VERSION = 1;
/** Enough for every lesson of a large course; older places drop off first. */
export const MAX_PLACES = 300;

/** A section id as the build writes it (a heading slug): plain and short, safe in a fragment. */
const sectionId = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,120}$/));
const placeSchema = z.object({ section: sectionId, at: instantSchema });

export type Place = z.infer<typeof placeSchema>;
export interface ReadingPlaces {
  version: typeof PLACES_VERSION;
  places: Record<string, Place>;
}

export const emptyPlaces = (): ReadingPlaces => ({ version: PLACES_VERSION, places: {} });

/** Reads a stored value; single unreadable entries are dropped (and counted), never the rest. */
export function loadPlaces(raw: unknown): { ok: true; value: ReadingPlaces; dropped: number } | { ok: false; reason: string } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, reason: 'not an object' };
  const { version, places } = raw as { version?: unknown; places?: unknown };
  if (version !== PLACES_VERSION) return { ok: false, reason: `unknown format ${String(version)}` };
  if (typeof places !== 'object' || places === null || Array.isArray(places)) return { ok: false, reason: 'places: not an object' };
  const value = emptyPlaces();
  let dropped = 0;
  for (const [lessonId, place] of Object.entries(places)) {
    const parsed = placeSchema.safeParse(place);
    if (parsed.success) define(value.places, lessonId, parsed.data);
    else dropped++;
  }
  return { ok: true, value, dropped };
}

/** Ids are data: "__proto__" is an ordinary key here. */
function define(record: Record<string, Place>, key: string, place: Place): void {
  Object.defineProperty(record, key, { value: place, enumerable: true, writable: true, configurable: true });
}

/** The later of two places; equal times: the greater section id (the same answer in every tab). */
function later(a: Place, b: Place): Place {
  if (a.at !== b.at) return a.at > b.at ? a : b;
  return a.section >= b.section ? a : b;
}

/** The most recent MAX_PLACES, in a fixed order (time, then lesson id): the same in every tab. */
function capped(places: Record<string, Place>): Record<string, Place> {
  const entries = Object.entries(places).sort(([ia, a], [ib, b]) => (a.at !== b.at ? (a.at < b.at ? 1 : -1) : ia < ib ? -1 : ia > ib ? 1 : 0));
  const out: Record<string, Place> = {};
  for (const [id, place] of entries.slice(0, MAX_PLACES).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) define(out, id, place);
  return out;
}

/** Two tabs' copies: per lesson the later place. Commutative, associative and idempotent. */
export function mergePlaces(a: ReadingPlaces, b: ReadingPlaces): ReadingPlaces {
  const all: Record<string, Place> = {};
  for (const source of [a.places, b.places]) {
    for (const [id, place] of Object.entries(source)) {
      const seen = Object.prototype.hasOwnProperty.call(all, id) ? all[id] : undefined;
      define(all, id, seen ? later(seen, place) : place);
    }
  }
  return { version: PLACES_VERSION, places: capped(all) };
}

/** The learner reached `section` of `lessonId` at `at`; an id that is not a plain slug is ignored. */
export function recordPlace(state: ReadingPlaces, lessonId: string, section: string, at: string): ReadingPlaces {
  if (!sectionId.safeParse(section).success) return state;
  return mergePlaces(state, { version: PLACES_VERSION, places: { [lessonId]: { section, at } } });
}
