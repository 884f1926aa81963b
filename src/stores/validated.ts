/**
 * A persistent atom whose stored value is validated on every read, for stores whose value is one
 * JSON document (assignments, review deck, journal, team). Unreadable JSON or a wrong shape is
 * quarantined and replaced by a clean default; single bad items dropped by the loader are
 * quarantined too (the whole raw value is kept aside), with a notice either way.
 */
import type { WritableAtom } from 'nanostores';
import { persistentAtom } from '@nanostores/persistent';
import { quarantine } from './storage';

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

export function validatedAtom<T>(key: string, { empty, load, what, items, encode = JSON.stringify }: ValidatedOptions<T>): WritableAtom<T> {
  const decode = (raw: string): T => {
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
    return empty();
  };
  return persistentAtom<T>(key, empty(), { encode, decode });
}

/** One atom per profile id, made on first use. */
export function perProfile<T>(make: (profileId: string) => WritableAtom<T>): (profileId: string) => WritableAtom<T> {
  const atoms = new Map<string, WritableAtom<T>>();
  return (profileId) => {
    let atom = atoms.get(profileId);
    if (!atom) atoms.set(profileId, (atom = make(profileId)));
    return atom;
  };
}
