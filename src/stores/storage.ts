/**
 * The only door to the browser's storage. Every persistent store goes through the
 * guarded engine installed here, because @nanostores/persistent on its own:
 *   - falls back to memory silently when localStorage throws SecurityError,
 *   - lets QuotaExceededError escape set() without updating the in-memory value,
 *   - (persistentJSON) swallows malformed JSON, and the next write overwrites it,
 *   - passes valid JSON of the wrong shape straight through.
 * Here: writes that fail keep the value in memory (so the page shows it) and flip
 * $storageHealth to "not saving"; reads are validated by each store's decoder, and a
 * value that fails is copied to a quarantine key before anything can overwrite it.
 *
 * Keys (all prefixed "crosswalk:"):
 *   crosswalk:profiles                 named profiles (src/stores/profiles.ts)
 *   crosswalk:progress:<profile-id>    one profile's progress (src/stores/progress.ts)
 *   crosswalk:theme                    light/dark choice (src/stores/theme.ts)
 *   crosswalk:assigned:<profile-id>    accepted assignments and learner id (src/stores/assigned.ts)
 *   crosswalk:team                     a supervisor's imported records (src/stores/team.ts)
 *   crosswalk:review:<profile-id>      spaced-review deck (src/stores/review.ts)
 *   crosswalk:journal:<profile-id>     reflection notes (src/stores/journal.ts)
 *   crosswalk:xapi-outbox              statements waiting for the Learning Record Store, only when
 *                                      site.yaml configures one (src/stores/xapi.ts)
 *   crosswalk:quarantine:<key>         the last unreadable value found under <key>
 *   crosswalk:shared-computer          in sessionStorage: "1" while shared-computer mode is on
 *
 * Inside an LMS (a SCORM package, src/lms/launch.ts), the launch page frames the course and
 * offers it a storage of its own (window.crosswalkLms): progress then lives in the LMS, and this
 * is the one place that chooses it. Without an LMS, localStorage as ever.
 */
import { atom } from 'nanostores';
import { setPersistentEngine, windowPersistentEvents } from '@nanostores/persistent';

export const PREFIX = 'crosswalk:';
export const SHARED_FLAG = `${PREFIX}shared-computer`;
export const QUARANTINE_PREFIX = `${PREFIX}quarantine:`;
const MAX_QUARANTINE_CHARS = 200_000;

export type StorageMode = 'local' | 'session' | 'memory' | 'lms';

/**
 * What the SCORM launch page offers the course pages it frames (window.crosswalkLms): a Storage
 * that keeps progress in the LMS for this launch and passes other keys to localStorage. Its
 * setItem throws when the LMS refused the value, so the page says progress is not being saved.
 */
export interface LmsBridge {
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;
}

/** The launch page's bridge when this page is framed by one (same origin), else undefined. */
function lmsBridge(): LmsBridge | undefined {
  try {
    if (window.parent === window) return undefined;
    const bridge = (window.parent as Window & { crosswalkLms?: LmsBridge }).crosswalkLms;
    return bridge && typeof bridge.storage?.getItem === 'function' ? bridge : undefined;
  } catch {
    // The parent is another site's page (an LMS frame from another origin): no bridge here.
    return undefined;
  }
}

export interface QuarantineNotice {
  key: string;
  reason: string;
  at: string;
}

export interface StorageHealth {
  /** Where data is kept: this browser (local), this tab only (session), or nowhere (memory). */
  mode: StorageMode;
  /** False once a write failed; the page keeps working from memory. */
  saving: boolean;
  problem?: 'unavailable' | 'quota' | 'write-failed';
  quarantined: QuarantineNotice[];
}

function probe(storage: () => Storage): Storage | undefined {
  try {
    const s = storage();
    const key = `${PREFIX}probe`;
    s.setItem(key, '1');
    s.removeItem(key);
    return s;
  } catch {
    // Private mode, disabled cookies or a sandboxed frame: SecurityError or a missing object.
    return undefined;
  }
}

function sharedComputerMode(): boolean {
  try {
    return typeof sessionStorage !== 'undefined' && sessionStorage.getItem(SHARED_FLAG) === '1';
  } catch {
    return false;
  }
}

type Backend = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

function chooseBackend(): { backend: Backend | undefined; mode: StorageMode } {
  if (typeof window === 'undefined') return { backend: undefined, mode: 'memory' };
  const lms = lmsBridge();
  if (lms) return { backend: lms.storage, mode: 'lms' };
  if (sharedComputerMode()) {
    const session = probe(() => sessionStorage);
    return { backend: session, mode: session ? 'session' : 'memory' };
  }
  const local = probe(() => localStorage);
  return { backend: local, mode: local ? 'local' : 'memory' };
}

const { backend, mode } = chooseBackend();

export const $storageHealth = atom<StorageHealth>({
  mode,
  saving: mode !== 'memory' || typeof window === 'undefined',
  ...(mode === 'memory' && typeof window !== 'undefined' ? { problem: 'unavailable' as const } : {}),
  quarantined: [],
});

/** Values written while storage refused them; reads prefer these so the page shows the latest state. */
const memory = new Map<string, string>();
/** For each key in memory, what storage held when it last refused: to tell, later, whether another tab has written since. */
const refusedOver = new Map<string, string | null>();

function markNotSaving(problem: StorageHealth['problem']) {
  const health = $storageHealth.get();
  if (!health.saving && health.problem === problem) return;
  $storageHealth.set({ ...health, saving: false, problem });
}

function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22);
}

export function readKey(key: string): string | undefined {
  if (memory.has(key)) return memory.get(key);
  if (!backend) return undefined;
  try {
    return backend.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Stores one value and reads it back; throws when storage refuses it. Writes nothing when storage already holds it. */
function putChecked(key: string, value: string): void {
  if (backend!.getItem(key) === value) return;
  backend!.setItem(key, value);
  if (backend!.getItem(key) !== value) throw new Error('read-back mismatch');
}

/**
 * After a write succeeds (space was freed, say): saves what storage refused before, and once
 * nothing is held only in memory, the page stops saying that progress is not being saved. A
 * value another tab has overwritten since it was refused is not written over theirs: this tab's
 * stores have already taken the other tab's write in (merged, or adopted), so it is stale.
 */
function retryRefused(): void {
  for (const [key, value] of memory) {
    try {
      if (backend!.getItem(key) === refusedOver.get(key)) putChecked(key, value);
    } catch {
      return; // Still refused: keep it, and the notice.
    }
    memory.delete(key);
    refusedOver.delete(key);
  }
  const health = $storageHealth.get();
  if (!health.saving && (health.problem === 'quota' || health.problem === 'write-failed')) {
    const { problem: _problem, ...rest } = health;
    $storageHealth.set({ ...rest, saving: true });
  }
}

/** Writes, then reads back; any failure keeps the value in memory and says so. */
/** Keys that say nothing of a learner's or a supervisor's: the theme, the shared-computer flag. */
const NOT_RECORDS = new Set([`${PREFIX}theme`, SHARED_FLAG, `${PREFIX}probe`]);
const isRecordKey = (key: string) => key.startsWith(PREFIX) && !NOT_RECORDS.has(key);

/** Loaders waiting for the first record (whenStoredRecords): run once, by this tab's first write of one or another tab's. */
const waitingForRecords = new Set<() => void>();

function recordWritten(key: string): void {
  if (waitingForRecords.size === 0 || !isRecordKey(key)) return;
  for (const load of [...waitingForRecords]) load();
}

/**
 * Whether the storage in use holds anything of a learner's or a supervisor's (a profile,
 * progress, a deck, an assignment, a set-aside value…). Parts of a page that only show stored
 * state (a badge, "Continue where you left off", "due for review") load their code when it does,
 * so a first visit downloads none of it.
 */
export function hasStoredRecords(): boolean {
  return listKeys().some(isRecordKey);
}

/**
 * Runs `load` once: now, if anything is stored; otherwise when something first is, by this page
 * (a scenario ending played on a module page) or by another tab.
 */
export function whenStoredRecords(load: () => void): void {
  if (hasStoredRecords()) return load();
  const once = () => {
    waitingForRecords.delete(once);
    window.removeEventListener('storage', onStorage);
    load();
  };
  const onStorage = (event: StorageEvent) => {
    if (event.key !== null && isRecordKey(event.key) && event.newValue !== null) once();
  };
  waitingForRecords.add(once);
  // sessionStorage and an LMS announce nothing to other tabs.
  if (mode === 'local') window.addEventListener('storage', onStorage);
}

export function writeKey(key: string, value: string): boolean {
  const saved = put(key, value);
  // Saved or kept in memory, the page shows it from now on: parts waiting for a record may load.
  recordWritten(key);
  return saved;
}

function put(key: string, value: string): boolean {
  if (!backend) {
    memory.set(key, value);
    return false;
  }
  try {
    putChecked(key, value);
    memory.delete(key);
    refusedOver.delete(key);
    retryRefused();
    return true;
  } catch (error) {
    refusedOver.set(key, readBackend(key));
    memory.set(key, value);
    markNotSaving(isQuotaError(error) ? 'quota' : 'write-failed');
    return false;
  }
}

function readBackend(key: string): string | null {
  try {
    return backend?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function removeKey(key: string): void {
  memory.delete(key);
  refusedOver.delete(key);
  try {
    backend?.removeItem(key);
  } catch {
    // Nothing to do: the value is gone from memory and storage refused us anyway.
  }
}

export function listKeys(): string[] {
  const keys = new Set(memory.keys());
  try {
    if (backend) for (let i = 0; i < backend.length; i++) keys.add(backend.key(i)!);
  } catch {
    // Storage went away mid-list; memory keys are still valid.
  }
  return [...keys].filter((k) => k.startsWith(PREFIX));
}

/**
 * Keeps an unreadable value aside before a clean default can overwrite it, and tells
 * the learner. Only the latest bad value per key is kept, and only up to a size cap.
 */
export function quarantine(key: string, raw: string, reason: string): void {
  const at = new Date().toISOString();
  const copy = raw.length > MAX_QUARANTINE_CHARS ? raw.slice(0, MAX_QUARANTINE_CHARS) : raw;
  writeKey(`${QUARANTINE_PREFIX}${key}`, JSON.stringify({ at, reason, raw: copy }));
  const health = $storageHealth.get();
  if (health.quarantined.some((n) => n.key === key && n.reason === reason)) return;
  $storageHealth.set({ ...health, quarantined: [...health.quarantined, { key, reason, at }] });
}

export function dismissQuarantineNotices(): void {
  $storageHealth.set({ ...$storageHealth.get(), quarantined: [] });
}

/** What was set aside, for "download the damaged data". */
export function quarantinedValues(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of listKeys().filter((k) => k.startsWith(QUARANTINE_PREFIX))) {
    try {
      out[key.slice(QUARANTINE_PREFIX.length)] = JSON.parse(readKey(key) ?? 'null');
    } catch {
      out[key.slice(QUARANTINE_PREFIX.length)] = readKey(key);
    }
  }
  return out;
}

/**
 * The engine @nanostores/persistent reads and writes through: property access on this
 * object goes to readKey/writeKey/removeKey above.
 */
const engine = new Proxy({} as Record<string, string>, {
  get: (_target, key) => (typeof key === 'string' ? readKey(key) : undefined),
  set: (_target, key, value) => {
    if (typeof key === 'string') writeKey(key, String(value));
    return true; // never throw into the store: failure is reported through $storageHealth
  },
  deleteProperty: (_target, key) => {
    if (typeof key === 'string') removeKey(key);
    return true;
  },
  has: (_target, key) => typeof key === 'string' && readKey(key) !== undefined,
  ownKeys: () => listKeys(),
  getOwnPropertyDescriptor: (_target, key) =>
    typeof key === 'string' && readKey(key) !== undefined ? { enumerable: true, configurable: true, value: readKey(key) } : undefined,
});

// sessionStorage does not announce changes to other tabs, so only local mode listens (in LMS
// mode the launch page holds progress for this one frame).
setPersistentEngine(engine, mode === 'local' ? windowPersistentEvents : { addEventListener() {}, removeEventListener() {} });

// ---------------------------------------------------------------------------
// Shared-computer mode and clearing

/** Switches to (or out of) shared-computer mode. The page reloads so every store re-opens on the right storage. */
export function setSharedComputerMode(on: boolean): void {
  try {
    if (on) sessionStorage.setItem(SHARED_FLAG, '1');
    else {
      clearAllData();
      sessionStorage.removeItem(SHARED_FLAG);
    }
  } catch {
    markNotSaving('unavailable');
  }
}

export function isSharedComputerMode(): boolean {
  return mode === 'session';
}

/** Removes every Crosswalk key from the storage in use (and memory). */
export function clearAllData(): void {
  // The shared-computer flag stays: clearing data must not end shared-computer mode.
  for (const key of listKeys()) if (key !== SHARED_FLAG) removeKey(key);
  memory.clear();
  refusedOver.clear();
}

/**
 * "Erase my data": removes every Crosswalk key from localStorage and sessionStorage alike,
 * whichever one this page runs on, and from memory. Ends shared-computer mode too: nothing of
 * ours is left in this browser. Returns the keys storage refused to remove (normally none).
 * Call location.reload() (or navigate) afterwards, so no store writes its old value back.
 */
export function eraseAllData(): string[] {
  memory.clear();
  refusedOver.clear();
  const refused: string[] = [];
  for (const storage of [() => localStorage, () => sessionStorage]) {
    let area: Storage;
    try {
      area = storage();
    } catch {
      continue; // Storage is blocked: nothing of ours can be in it.
    }
    try {
      const ours: string[] = [];
      for (let i = 0; i < area.length; i++) {
        const key = area.key(i);
        if (key?.startsWith(PREFIX)) ours.push(key);
      }
      for (const key of ours) {
        area.removeItem(key);
        if (area.getItem(key) !== null) refused.push(key);
      }
    } catch {
      refused.push('(storage stopped answering)');
    }
  }
  return refused;
}

/** Asks the browser not to evict our storage under pressure. Resolves to whether it agreed. */
export async function requestPersistentStorage(): Promise<boolean | undefined> {
  try {
    if (mode !== 'local' || !navigator.storage?.persist) return undefined;
    if (await navigator.storage.persisted()) return true;
    return await navigator.storage.persist();
  } catch {
    return undefined;
  }
}
