/**
 * The SCORM launch page's script: one LMS session for the whole launch.
 *
 *   1. Find the API (API for 1.2, API_1484_11 for 2004) up the frames and the opener.
 *      None: say so, and show the course, which then keeps progress in this browser as ever.
 *   2. Initialize, read suspend_data and the saved position, and offer the course pages a
 *      storage (window.crosswalkLms, read by src/stores/storage.ts) whose progress key is
 *      backed by the LMS; other keys (theme, journal, review deck) go to localStorage.
 *   3. Each time a page saves progress (a lesson read, a check submitted, a page visited):
 *      set status, score, suspend_data and location, and Commit when anything changed.
 *   4. When the launch page goes away (the LMS closes it, the learner leaves): set session
 *      time and exit, Commit, Terminate. Once.
 */
import { loadStoredProgress, packProgress } from '../lib/learner/packed-storage';
import { emptyProgress, type ProgressState } from '../lib/learner/progress';
import { cmiValues, findScormApi, pathOutcome, safeLocation, type FoundApi, type FrameLike } from '../lib/lms/scorm';
import { decodeSuspendData, encodeSuspendData, SUSPEND_DATA_LIMITS } from '../lib/lms/suspend-data';
import type { LmsBridge } from '../stores/storage';
import type { LaunchConfig } from './launch-config';

const PREFIX = 'crosswalk:';
/** The LMS learner is the course's one profile (src/lib/learner/profiles.ts DEFAULT_PROFILE_ID). */
export const PROGRESS_KEY = `${PREFIX}progress:default`;
/** Kept in the launch page, not in this browser: they belong to the LMS learner. */
const LMS_KEYS = /^crosswalk:(progress:|profiles$)/;
/** Where unreadable suspend_data is set aside (in localStorage) rather than overwritten. */
const QUARANTINE_KEY = `${PREFIX}quarantine:lms-suspend-data`;

/** The two APIs' calls under one set of names. True/false come back as strings in SCORM. */
class Connection {
  constructor(private readonly found: FoundApi) {}
  get version() {
    return this.found.version;
  }
  private ok = (result: string | boolean) => String(result) === 'true';
  initialize = () => this.ok(this.found.version === '1.2' ? this.found.api.LMSInitialize('') : this.found.api.Initialize(''));
  terminate = () => this.ok(this.found.version === '1.2' ? this.found.api.LMSFinish('') : this.found.api.Terminate(''));
  commit = () => this.ok(this.found.version === '1.2' ? this.found.api.LMSCommit('') : this.found.api.Commit(''));
  get = (element: string) => String((this.found.version === '1.2' ? this.found.api.LMSGetValue(element) : this.found.api.GetValue(element)) ?? '');
  set = (element: string, value: string) => this.ok(this.found.version === '1.2' ? this.found.api.LMSSetValue(element, value) : this.found.api.SetValue(element, value));
  lastError(): string {
    const code = this.found.version === '1.2' ? this.found.api.LMSGetLastError() : this.found.api.GetLastError();
    const text = this.found.version === '1.2' ? this.found.api.LMSGetErrorString(code) : this.found.api.GetErrorString(code);
    return `error ${code}${text ? `: ${text}` : ''}`;
  }
}

function localStore(): Storage | undefined {
  try {
    return localStorage;
  } catch {
    return undefined; // Blocked: keys that would go there live in the launch page only.
  }
}

/** A Storage whose LMS keys live here (and so in the LMS), and whose other keys go to localStorage. */
export function bridgeStorage(seed: Record<string, string>, onProgress: (json: string) => boolean): LmsBridge['storage'] {
  const held = new Map<string, string>(Object.entries(seed));
  const local = localStore();
  const fallback = new Map<string, string>();
  const keys = () => {
    const out = new Set([...held.keys(), ...fallback.keys()]);
    try {
      if (local) for (let i = 0; i < local.length; i++) out.add(local.key(i)!);
    } catch {
      // localStorage stopped answering: the keys held here are still right.
    }
    return [...out];
  };
  return {
    getItem(key) {
      if (LMS_KEYS.test(key)) return held.get(key) ?? null;
      try {
        if (local) return local.getItem(key);
      } catch {
        // Fall through to the launch page's copy.
      }
      return fallback.get(key) ?? null;
    },
    setItem(key, value) {
      if (LMS_KEYS.test(key)) {
        held.set(key, value);
        if (key === PROGRESS_KEY && !onProgress(value)) throw new Error('The learning system did not accept the progress.');
        return;
      }
      if (local) local.setItem(key, value); // Throws like localStorage would: the page reports it.
      else fallback.set(key, value);
    },
    removeItem(key) {
      held.delete(key);
      fallback.delete(key);
      try {
        local?.removeItem(key);
      } catch {
        // Nothing more to do.
      }
    },
    key: (index) => keys()[index] ?? null,
    get length() {
      return keys().length;
    },
  };
}

export function launch(): void {
  const status = document.querySelector<HTMLElement>('[data-lms-status]')!;
  const frame = document.querySelector<HTMLIFrameElement>('[data-lms-frame]')!;
  const config = JSON.parse(document.querySelector<HTMLElement>('[data-lms-config]')!.dataset.lmsConfig!) as LaunchConfig;
  const root = new URL('../', location.href);
  const say = (text: string, problem = false) => {
    status.textContent = text;
    if (problem) status.dataset.state = 'problem';
    else delete status.dataset.state;
  };
  const show = (page: string) => {
    frame.src = new URL(page, root).href;
  };

  // The frame's page gives the launch page its title, so the browser tab and screen readers
  // name where the learner is.
  frame.addEventListener('load', () => {
    try {
      const title = frame.contentDocument?.title;
      if (title) {
        document.title = title;
        frame.title = title;
      }
    } catch {
      // Not our page (cannot happen inside the package): keep the launch title.
    }
  });

  if (config.lms === 'cmi5') {
    // A cmi5 package (npm run export:cmi5): the same page and frame, another way to the LMS.
    const returnButton = document.querySelector<HTMLButtonElement>('[data-lms-return]')!;
    void import('./cmi5-launch').then(({ launchCmi5 }) => launchCmi5(config, { say, show, returnButton }));
    return;
  }
  const found = findScormApi(window as unknown as FrameLike, config.version);
  if (!found) {
    say('No learning system (LMS) found: your progress is kept in this browser only.', true);
    show(config.start);
    return;
  }
  const lms = new Connection(found);
  if (!lms.initialize()) {
    say(`The learning system did not start the session (${lms.lastError()}): your progress is kept in this browser only for now.`, true);
    show(config.start);
    return;
  }

  const started = Date.now();
  const limit = SUSPEND_DATA_LIMITS[lms.version];
  const locationElement = lms.version === '1.2' ? 'cmi.core.lesson_location' : 'cmi.location';
  let position = safeLocation(lms.get(locationElement)) ?? '';
  let state: ProgressState | undefined;
  let lastSent = '';
  let finished = false;
  let keepSuspendData = false;

  const saved = lms.get('cmi.suspend_data');
  const decoded = decodeSuspendData(saved, config.modules);
  if (decoded.ok) state = decoded.state;
  else {
    // Never overwrite what we cannot read (a newer package version wrote it, say): keep a copy
    // and leave the LMS's value alone until the learner makes progress here.
    keepSuspendData = true;
    try {
      localStore()?.setItem(QUARANTINE_KEY, JSON.stringify({ at: new Date().toISOString(), reason: decoded.reason, raw: saved }));
    } catch {
      // Storage blocked: the LMS still holds the original.
    }
  }

  /** Sets every value that changed since the last commit; commits when `commit` and something did. */
  const send = (commit: boolean): boolean => {
    if (finished) return false;
    const progress = state ?? emptyProgress();
    const suspendData = keepSuspendData ? saved : encodeSuspendData(progress, config.modules);
    if (suspendData.length > limit) {
      say(`Your progress is too large for this learning system (${suspendData.length} of ${limit} characters) and was not saved there.`, true);
      return false;
    }
    const values = cmiValues(lms.version, {
      outcome: pathOutcome(progress, config.pathModules),
      suspendData,
      location: position,
      sessionMs: Date.now() - started,
    });
    // Session time always changes and the position changes on every page: compare the rest, so
    // a commit happens when progress changed (a lesson read, a check submitted), not per page.
    const signature = JSON.stringify(values.filter(([element]) => !/session_time$|location$/.test(element)));
    if (commit && signature === lastSent) return true;
    for (const [element, value] of values) {
      if (!lms.set(element, value)) {
        say(`The learning system refused ${element} (${lms.lastError()}): your latest progress may not be saved there.`, true);
        return false;
      }
    }
    lastSent = signature;
    if (commit) commitSoon();
    return true;
  };

  // One commit for the writes of one action (a check saves its attempt, then each answer):
  // the values are set at once, the Commit waits for the end of the current task.
  let commitQueued = false;
  const commitSoon = () => {
    if (commitQueued) return;
    commitQueued = true;
    queueMicrotask(() => {
      commitQueued = false;
      if (!finished && !lms.commit()) say(`The learning system did not save your progress (${lms.lastError()}). Keep this window open and try again.`, true);
    });
  };

  const hasProgress = state && (Object.keys(state.lessons).length || Object.keys(state.checks).length || Object.keys(state.answers).length);
  const storage = bridgeStorage(hasProgress ? { [PROGRESS_KEY]: packProgress(state!) } : {}, (json) => {
    try {
      const loaded = loadStoredProgress(JSON.parse(json));
      if (!loaded.ok) return false;
      state = loaded.state;
      keepSuspendData = false;
      return send(true);
    } catch {
      return false;
    }
  });
  (window as Window & { crosswalkLms?: LmsBridge }).crosswalkLms = { storage };

  // Where the learner is, so the next launch resumes there.
  onFramePage(frame, root, (page) => {
    if (page === position) return;
    position = page;
    lms.set(locationElement, page);
  });

  const finish = () => {
    if (finished) return;
    send(false);
    lms.commit();
    finished = true;
    lms.terminate();
  };
  addEventListener('pagehide', finish);

  say(
    decoded.ok
      ? 'Connected to your learning system: your progress is saved there.'
      : `Connected to your learning system, but the progress it holds could not be read (${decoded.reason}). It is kept as it was; what you do now starts afresh.`,
    !decoded.ok,
  );
  show(position || config.start);
}

/**
 * Calls `onPage` with the package-relative location of every course page the frame loads
 * ("modules/x/index.html#section"), for the next launch to resume there. Pages outside the
 * package, and locations safeLocation refuses, are passed over. Shared by the SCORM and cmi5
 * launches.
 */
export function onFramePage(frame: HTMLIFrameElement, root: URL, onPage: (page: string) => void): void {
  frame.addEventListener('load', () => {
    try {
      const here = new URL(frame.contentWindow!.location.href);
      if (here.origin !== root.origin || !here.pathname.startsWith(root.pathname)) return;
      let relative = here.pathname.slice(root.pathname.length);
      if (relative === '' || relative.endsWith('/')) relative += 'index.html';
      const page = safeLocation(relative + here.hash);
      if (page) onPage(page);
    } catch {
      // A page outside the package (another origin): nothing to record.
    }
  });
}
