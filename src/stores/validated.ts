/**
 * A persistent atom whose stored value is validated on every read, for stores whose value is one
 * JSON document (assignments, review deck, journal, team). Unreadable JSON or a wrong shape is
 * quarantined and replaced by a clean default; single bad items dropped by the loader are
 * quarantined too (the whole raw value is kept aside), with a notice either way.
 */
import type { WritableAtom } from 'nanostores';
import { persistentAtom } from '@nanostores/persistent';
import { quarantine, readKey } from './storage';

export type Loaded<T> = { ok: true; value: T; dropped: number } | { ok: false; reason: string };

export interface ValidatedOptions<T> {
  /** A fresh default, used when nothing is stored or the stored value cannot be read. */
  empty: () => T;
  load: (raw: unknown) => Loaded<T>;
  /** What the value is, for notices: "review deck". */
  what: string;
  /** What its items are, for notices: "review card(s)". */
  items: string;
  /** How the value is written; JSON unless the store keeps a packed form (src/lib/learner/packed-storage.ts). */
  encode?: (value: T) => string;
}

/** What storage text holds, validated; undefined (quarantined, with a notice) when it cannot be read. */
function readValidated<T>(key: string, raw: string, { load, what, items }: Pick<ValidatedOptions<T>, 'load' | 'what' | 'items'>): T | undefined {
  try {
    const loaded = load(JSON.parse(raw));
    if (loaded.ok) {
      if (loaded.dropped > 0) quarantine(key, raw, `${loaded.dropped} ${items} could not be read`);
      return loaded.value;
    }
    quarantine(key, raw, `${what} could not be read (${loaded.reason})`);
  } catch {
    quarantine(key, raw, `${what} is not readable JSON`);
  }
  return undefined;
}

export function validatedAtom<T>(key: string, options: ValidatedOptions<T>): WritableAtom<T> {
  const { empty, encode = JSON.stringify } = options;
  return persistentAtom<T>(key, empty(), { encode, decode: (raw) => readValidated(key, raw, options) ?? empty() });
}

/**
 * Writes `get()` back to `key` once per microtask at most, and not at all when storage already
 * holds exactly that: with a merge that gives one answer in any order, two tabs then settle after
 * one exchange instead of rewriting storage for ever.
 */
export function coalescedWriteBack<T>(key: string, encode: (value: T) => string, get: () => T | undefined, set: (value: T) => void): () => void {
  let queued = false;
  return () => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      const value = get();
      if (value !== undefined && readKey(key) !== encode(value)) set(value);
    });
  };
}

/** One atom per profile id, made on first use. */
export function perProfile<A extends WritableAtom<unknown>>(make: (profileId: string) => A): (profileId: string) => A {
  const atoms = new Map<string, A>();
  return (profileId) => {
    let atom = atoms.get(profileId);
    if (!atom) atoms.set(profileId, (atom = make(profileId)));
    return atom;
  };
}

/** A validated atom whose every change merges with what storage holds now (see mergedAtom). */
export interface MergedAtom<T> extends WritableAtom<T> {
  /** Applies a change to the freshest copy: this tab's value merged with what storage holds now. */
  update(change: (value: T) => T): T;
}

export interface MergedOptions<T> extends ValidatedOptions<T> {
  /** Merges two copies; must be commutative, associative and idempotent (two tabs then settle). */
  merge: (a: T, b: T) => T;
}

/**
 * A validated atom shared by tabs without losing a write, as progress is (src/stores/progress.ts):
 * every change is read-modify-write against what storage holds now, and another tab's write is
 * merged with this tab's value, not adopted. When the merge holds something the other tab's copy
 * lacked, it is written back so that tab gets it too, but only when storage does not already hold
 * exactly that: with a merge that gives one answer whatever the order, two tabs then stop after
 * one exchange instead of answering each other for ever.
 */
export function mergedAtom<T>(key: string, options: MergedOptions<T>): MergedAtom<T> {
  const { empty, merge, encode = JSON.stringify } = options;
  let store: MergedAtom<T> | undefined;

  const read = (raw: string) => readValidated(key, raw, options);
  const writeBack = coalescedWriteBack(key, encode, () => store?.get(), (value) => store!.set(value));

  const decode = (raw: string): T => {
    const incoming = read(raw);
    const mine = store?.get();
    if (mine === undefined) return incoming ?? empty();
    const result = incoming === undefined ? mine : merge(mine, incoming);
    if (encode(result) !== raw) writeBack();
    return result;
  };

  store = persistentAtom<T>(key, empty(), { encode, decode }) as MergedAtom<T>;
  store.update = (change) => {
    const raw = readKey(key);
    const stored = raw === undefined ? undefined : read(raw);
    const next = change(stored === undefined ? store!.get() : merge(store!.get(), stored));
    store!.set(next);
    return next;
  };
  return store;
}
