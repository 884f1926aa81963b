/**
 * How the stores that keep one value per id (journal notes, accepted assignments, a supervisor's
 * team records) merge two copies: the copy this tab holds and the one another tab has just
 * written. Each id is a small register: its latest save or deletion wins. Deletions are kept as
 * tombstones (id → when), and "delete all" as one instant, so a merge with a tab that still holds
 * the old values cannot bring them back; a value saved after the deletion survives it.
 *
 * Every choice is made on the values alone (time, then kind, then canonical JSON), never on
 * which copy came first, so the merge is commutative, associative and idempotent: tabs that
 * merge each other's writes in any order reach the same state. Pure: no DOM, no storage.
 */
import { canonicalJson } from './canonical-json';

export interface IdMap<T> {
  /** Values kept: id → value. */
  saved: Record<string, T>;
  /** Ids deleted one by one: id → when. */
  deleted: Record<string, string>;
  /** When everything was last deleted at once: saves and deletions until then are gone. */
  clearedAt?: string;
}

const MISSING = Number.NEGATIVE_INFINITY;

/**
 * A total order on instants: real dates by time (so "…T10:00:00Z" and "…T10:00:00.000Z" compare
 * as the same moment), then by text; text that is no date sorts before every real date.
 */
export function compareInstants(a: string, b: string): number {
  const x = Date.parse(a);
  const y = Date.parse(b);
  const tx = Number.isFinite(x) ? x : MISSING;
  const ty = Number.isFinite(y) ? y : MISSING;
  if (tx !== ty) return tx < ty ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export const laterInstant = (a: string, b: string) => (compareInstants(a, b) >= 0 ? a : b);

/**
 * The time to give a change made now, so that it wins over what it was made on top of: `now`,
 * unless one of `times` is not earlier (a clock set back, or two changes in one millisecond);
 * then one millisecond after the latest of them.
 */
export function changeTime(now: string, times: readonly string[]): string {
  const latest = Math.max(...times.map((t) => Date.parse(t)).filter(Number.isFinite));
  return Number.isFinite(latest) && !(Date.parse(now) > latest) ? new Date(latest + 1).toISOString() : now;
}

/** Sets a key as plain data: an id such as "__proto__" must not change the object's prototype. */
export function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

const own = <T>(record: Record<string, T>, key: string): T | undefined => (Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined);

type Slot<T> = { at: string; deleted: true } | { at: string; deleted: false; value: T };

/** The later of two states of one id; a deletion wins a tie with a save, two saves at one instant go by canonical JSON. */
function laterSlot<T>(a: Slot<T>, b: Slot<T>): Slot<T> {
  const order = compareInstants(a.at, b.at);
  if (order !== 0) return order > 0 ? a : b;
  if (a.deleted || b.deleted) return a.deleted ? a : b;
  return canonicalJson(a.value) >= canonicalJson(b.value) ? a : b;
}

/** Merges two copies; `savedAt` says when a value was saved. */
export function mergeIdMaps<T>(a: IdMap<T>, b: IdMap<T>, savedAt: (value: T) => string): IdMap<T> {
  const clearedAt = a.clearedAt === undefined ? b.clearedAt : b.clearedAt === undefined ? a.clearedAt : laterInstant(a.clearedAt, b.clearedAt);
  const out: IdMap<T> = { saved: {}, deleted: {}, ...(clearedAt !== undefined ? { clearedAt } : {}) };
  const ids = new Set([...Object.keys(a.saved), ...Object.keys(a.deleted), ...Object.keys(b.saved), ...Object.keys(b.deleted)]);
  for (const id of [...ids].sort()) {
    let winner: Slot<T> | undefined;
    for (const copy of [a, b]) {
      const value = own(copy.saved, id);
      const deletedAt = own(copy.deleted, id);
      if (value !== undefined) winner = winner ? laterSlot(winner, { at: savedAt(value), deleted: false, value }) : { at: savedAt(value), deleted: false, value };
      if (deletedAt !== undefined) winner = winner ? laterSlot(winner, { at: deletedAt, deleted: true }) : { at: deletedAt, deleted: true };
    }
    if (!winner || (clearedAt !== undefined && compareInstants(winner.at, clearedAt) <= 0)) continue;
    if (winner.deleted) setOwn(out.deleted, id, winner.at);
    else setOwn(out.saved, id, winner.value);
  }
  return out;
}
