/**
 * The cmi5 launch page's script (a package from `npm run export:cmi5`): one cmi5 session for
 * the whole launch, as the SCORM launch has one SCORM session (src/lms/launch.ts).
 *
 *   1. Read endpoint, fetch, actor, registration and activityId from the launch address.
 *   2. POST to the fetch address, once: the LMS's answer holds the authorization token for
 *      every later request of this session (the fetch address works only once).
 *   3. Read LMS.LaunchData from the State API (context template, launchMode, returnURL,
 *      masteryScore), the learner's progress (state "crosswalk-progress") and the page they
 *      were on ("crosswalk-location").
 *   4. Send `initialized`. When the path becomes complete in a Normal launch: `completed` and
 *      `passed` (cmi5-defined, with the context template and the moveon category), once per
 *      registration. Every progress change is PUT to the State API.
 *   5. When the page goes away or the learner chooses to return: `terminated`, then returnURL.
 *
 * Statements wait in an outbox per registration (localStorage crosswalk:cmi5-outbox:<registration>)
 * until the LRS has them; a statement left by an earlier session of the same registration is
 * sent first. Nothing else is sent to anyone: no statements of the site's own xAPI reporter.
 */
import { loadStoredProgress, packProgress } from '../lib/learner/packed-storage';
import { emptyProgress, type ProgressState } from '../lib/learner/progress';
import { pathOutcome, safeLocation } from '../lib/lms/scorm';
import { cmi5Statement, readLaunchData, readLaunchParams, statementsForProgress, type Cmi5Statement, type Cmi5Verb, type LaunchData, type LaunchParams } from '../lib/lms/cmi5';
import { bridgeStorage, onFramePage, PROGRESS_KEY } from './launch';
import type { LaunchConfig } from './launch-config';
import type { LmsBridge } from '../stores/storage';

const XAPI_VERSION = '1.0.3';
const PROGRESS_STATE_ID = 'crosswalk-progress';
/** The State API document that says completed/passed went for this registration. */
const SENT_STATE_ID = 'crosswalk-moveon-sent';
/** The page the learner was on, so the next launch resumes there. */
const LOCATION_STATE_ID = 'crosswalk-location';

const outboxKey = (registration: string) => `crosswalk:cmi5-outbox:${registration}`;

function readOutbox(registration: string): Cmi5Statement[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(outboxKey(registration)) ?? '[]');
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

function writeOutbox(registration: string, statements: Cmi5Statement[]): void {
  try {
    if (statements.length) localStorage.setItem(outboxKey(registration), JSON.stringify(statements));
    else localStorage.removeItem(outboxKey(registration));
  } catch {
    // Storage blocked: the statements still wait in this page.
  }
}

class Lrs {
  constructor(
    private readonly params: LaunchParams,
    private readonly auth: string,
  ) {}
  private headers(json: boolean): Record<string, string> {
    return { Authorization: this.auth, 'X-Experience-API-Version': XAPI_VERSION, ...(json ? { 'Content-Type': 'application/json' } : {}) };
  }
  private stateUrl(stateId: string): string {
    const query = new URLSearchParams({ activityId: this.params.activityId, agent: JSON.stringify(this.params.actor), registration: this.params.registration, stateId });
    return `${this.params.endpoint}activities/state?${query}`;
  }
  async getState(stateId: string): Promise<unknown> {
    const response = await fetch(this.stateUrl(stateId), { headers: this.headers(false), credentials: 'omit' });
    if (response.status === 404) return undefined;
    if (!response.ok) throw new Error(`the State API answered ${response.status}`);
    return response.json();
  }
  async putState(stateId: string, value: unknown, keepalive = false): Promise<boolean> {
    try {
      const response = await fetch(this.stateUrl(stateId), { method: 'PUT', headers: this.headers(true), body: JSON.stringify(value), credentials: 'omit', keepalive });
      return response.ok;
    } catch {
      return false;
    }
  }
  /** 2xx: stored. Anything else (offline, refused, 409): not delivered, stays in the outbox. */
  async putStatement(statement: Cmi5Statement, keepalive = false): Promise<boolean> {
    try {
      const response = await fetch(`${this.params.endpoint}statements?statementId=${encodeURIComponent(statement.id)}`, {
        method: 'PUT',
        headers: this.headers(true),
        body: JSON.stringify(statement),
        credentials: 'omit',
        keepalive,
      });
      return response.ok;
    } catch {
      return false;
    }
  }
}

/** The token, from one POST to the fetch address (cmi5 8.2). */
async function fetchToken(fetchUrl: string): Promise<string> {
  const response = await fetch(fetchUrl, { method: 'POST', credentials: 'omit' });
  const body = (await response.json().catch(() => ({}))) as { 'auth-token'?: string; 'error-text'?: string };
  if (!response.ok || !body['auth-token']) throw new Error(body['error-text'] ?? `the fetch address answered ${response.status}`);
  return `Basic ${body['auth-token']}`;
}

export async function launchCmi5(config: LaunchConfig, ui: { say: (text: string, problem?: boolean) => void; show: (page: string) => void; returnButton: HTMLButtonElement }): Promise<void> {
  const { say, show } = ui;
  const read = readLaunchParams(location.search, location.href);
  if (!read.ok) {
    say(`This course was not launched by a learning system (${read.reason}): your progress is kept in this browser only.`, true);
    show(config.start);
    return;
  }
  const params = read.params;
  let lrs: Lrs;
  let launchData: LaunchData;
  let state: ProgressState | undefined;
  let moveOnSent = false;
  let position = '';
  try {
    lrs = new Lrs(params, await fetchToken(params.fetch));
    const data = readLaunchData(await lrs.getState('LMS.LaunchData'));
    if (!data.ok) throw new Error(data.reason);
    launchData = data.data;
    const saved = await lrs.getState(PROGRESS_STATE_ID);
    if (saved !== undefined) {
      const loaded = loadStoredProgress(saved);
      if (loaded.ok) state = loaded.state;
    }
    moveOnSent = (await lrs.getState(SENT_STATE_ID)) !== undefined;
    const where = await lrs.getState(LOCATION_STATE_ID);
    position = (typeof where === 'string' && safeLocation(where)) || '';
  } catch (error) {
    say(`The learning system did not start the session (${error instanceof Error ? error.message : String(error)}): your progress is kept in this browser only for now.`, true);
    show(config.start);
    return;
  }

  const started = Date.now();
  let outbox = readOutbox(params.registration);
  let sending: Promise<void> = Promise.resolve();
  let terminated = false;

  const queue = (verb: Cmi5Verb) => {
    outbox = [...outbox, cmi5Statement(verb, { params, launchData, id: crypto.randomUUID(), timestamp: new Date().toISOString(), sessionMs: Date.now() - started })];
    writeOutbox(params.registration, outbox);
  };
  /** Sends what waits, oldest first; stops at the first failure (the rest keep their order). */
  const flush = (keepalive = false) => {
    sending = sending.then(async () => {
      while (outbox.length) {
        const next = outbox[0]!;
        if (!(await lrs.putStatement(next, keepalive))) {
          say('The learning record store did not take the latest record: it waits in this browser and goes on the next try.', true);
          return;
        }
        outbox = outbox.slice(1);
        writeOutbox(params.registration, outbox);
      }
    });
    return sending;
  };

  const progressChanged = () => {
    const outcome = pathOutcome(state ?? emptyProgress(), config.pathModules);
    const verbs = statementsForProgress(launchData, outcome.completed, moveOnSent);
    if (verbs.length) {
      for (const verb of verbs) queue(verb);
      moveOnSent = true;
      void lrs.putState(SENT_STATE_ID, { at: new Date().toISOString() });
    }
    void flush();
  };

  const hasProgress = state && (Object.keys(state.lessons).length || Object.keys(state.checks).length || Object.keys(state.answers).length);
  // Browse and Review launches show the learner's progress but record nothing new.
  const recording = launchData.launchMode === 'Normal';
  const storage = bridgeStorage(hasProgress ? { [PROGRESS_KEY]: packProgress(state!) } : {}, (json) => {
    try {
      const loaded = loadStoredProgress(JSON.parse(json));
      if (!loaded.ok) return false;
      if (!recording) return true;
      state = loaded.state;
      void lrs.putState(PROGRESS_STATE_ID, JSON.parse(json));
      progressChanged();
      return true;
    } catch {
      return false;
    }
  });
  (window as Window & { crosswalkLms?: LmsBridge }).crosswalkLms = { storage };

  queue('initialized');
  void flush();
  // A path already complete before this launch (completed/passed lost on the way) is sent now.
  if (recording) progressChanged();

  const terminate = (keepalive: boolean) => {
    if (terminated) return sending;
    terminated = true;
    queue('terminated');
    return flush(keepalive);
  };
  addEventListener('pagehide', () => void terminate(true));
  if (launchData.returnURL) {
    const returnUrl = new URL(launchData.returnURL, location.href).href;
    ui.returnButton.hidden = false;
    ui.returnButton.addEventListener('click', async () => {
      ui.returnButton.disabled = true;
      await terminate(false);
      // cmi5 8.1.1: the AU leaves for returnURL; in a frame, the whole window does.
      try {
        window.top!.location.href = returnUrl;
      } catch {
        location.href = returnUrl;
      }
    });
  }

  // Where the learner is, so the next launch resumes there (as SCORM's location does).
  const frame = document.querySelector<HTMLIFrameElement>('[data-lms-frame]')!;
  const root = new URL('../', location.href);
  onFramePage(frame, root, (page) => {
    if (page === position || !recording) return;
    position = page;
    void lrs.putState(LOCATION_STATE_ID, page);
  });

  say(
    recording
      ? 'Connected to your learning system: your progress is saved there.'
      : `Connected to your learning system in ${launchData.launchMode.toLowerCase()} mode: you can look through the course; nothing new is recorded.`,
  );
  show(position || config.start);
}
