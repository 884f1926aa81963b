/**
 * The learner's side of assignments: the assignments they accepted, and the random id that
 * keeps their completion records apart from anyone else's with the same name. One per profile.
 *
 * Stored as JSON, for example:
 *   { "version": 1, "learnerId": "p4x8k2m9", "items": [ { "assignment": { …Assignment… }, "acceptedAt": "…" } ],
 *     "updated": { "k3v9q1ab": "…" }, "dismissed": { "a7b2c9d4": "…" } }
 * `updated` (when an accepted assignment's details were last replaced) and `dismissed` (which were
 * dismissed, and when) let two tabs merge their copies without a dismissed assignment coming
 * back or a newer due date being lost (src/lib/encoding/id-map.ts).
 * Migration cases: none yet (version 1 is the first; `updated` and `dismissed` are optional, so
 * lists saved before them load unchanged). Items that no longer validate are dropped on load; the
 * learner id is kept whenever it is readable, so records stay one row on the team page.
 */
import * as z from 'zod/mini';
import { assignmentSchema, dueState, type Assignment, type DueState } from '../supervisor/assignment';
import { randomId } from '../encoding/fields';
import { changeTime, mergeIdMaps } from '../encoding/id-map';
import { moduleProgress, type ModuleFacts, type ProgressState } from './progress';

export const ASSIGNED_VERSION = 1;
export const MAX_ASSIGNED = 50;
/** Items a stored list may hold: two tabs accepting at once into a nearly full list merge to more, and a reload keeps them. */
const MAX_STORED = 2 * MAX_ASSIGNED;
const LEARNER_ID = /^[a-z0-9]{6,16}$/;
const ASSIGNMENT_ID = /^[a-z0-9]{6,16}$/;

const itemSchema = z.strictObject({ assignment: assignmentSchema, acceptedAt: z.string().check(z.minLength(1), z.maxLength(40)) });

export interface AssignedItem {
  assignment: Assignment;
  acceptedAt: string;
}

export interface AssignedState {
  version: typeof ASSIGNED_VERSION;
  learnerId: string;
  items: AssignedItem[];
  /** Assignment id → when its details were last replaced by accepting it again (acceptedAt stays the first). */
  updated?: Record<string, string>;
  /** Assignment id → when it was dismissed. */
  dismissed?: Record<string, string>;
  /**
   * True while the learner id is only this tab's default, never saved: another tab's saved id
   * wins over it in a merge. Never stored (see savedAssigned).
   */
  unsaved?: true;
}

const timeMap = z.optional(z.record(z.string(), z.string().check(z.maxLength(40))));

/** A random learner id: 10 characters of base 36. */
export const newLearnerId = () => randomId(10);

/** A fresh list around an id not yet saved (the store saves it when it is first used). */
export function emptyAssigned(learnerId: string): AssignedState {
  return { version: ASSIGNED_VERSION, learnerId, items: [], unsaved: true };
}

/** The state as it is written: its learner id is saved from now on. */
export function savedAssigned(state: AssignedState): AssignedState {
  if (!state.unsaved) return state;
  const { unsaved: _unsaved, ...saved } = state;
  return saved;
}

export function loadAssigned(raw: unknown, fallbackId: string): { ok: true; state: AssignedState; dropped: number } | { ok: false; reason: string } {
  const parsed = z.object({ version: z.literal(ASSIGNED_VERSION), learnerId: z.string(), items: z.array(z.unknown()), updated: timeMap, dismissed: timeMap }).safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'saved assignments are not in a form this course can read' };
  const readable = LEARNER_ID.test(parsed.data.learnerId);
  const items: AssignedItem[] = [];
  let dropped = 0;
  for (const item of parsed.data.items) {
    const checked = itemSchema.safeParse(item);
    if (checked.success && !items.some((i) => i.assignment.id === checked.data.assignment.id) && items.length < MAX_STORED) items.push(checked.data);
    else dropped++;
  }
  const state: AssignedState = { version: ASSIGNED_VERSION, learnerId: readable ? parsed.data.learnerId : fallbackId, items };
  // An unreadable stored id is replaced by the fallback, which is then no more saved than a tab's default.
  if (!readable) state.unsaved = true;
  for (const field of ['updated', 'dismissed'] as const) {
    const times = parsed.data[field];
    if (times) state[field] = Object.fromEntries(Object.entries(times).filter(([id]) => ASSIGNMENT_ID.test(id)).slice(0, MAX_STORED));
  }
  // Merged with itself: an assignment both kept and dismissed shows as the merge would.
  return { ok: true, state: mergeAssigned(state, state), dropped };
}

export type AcceptOutcome = 'accepted' | 'updated' | 'full';

/** Accepting the same link again replaces the earlier copy (the supervisor may have changed the due date). */
export function acceptAssignment(state: AssignedState, assignment: Assignment, now: string): { state: AssignedState; outcome: AcceptOutcome } {
  const id = assignment.id;
  const existing = state.items.find((i) => i.assignment.id === id);
  // Later than this assignment's last change here, so the merge keeps this one.
  const at = changeTime(now, [existing ? itemTime(state, existing) : undefined, state.dismissed?.[id]].filter((t) => t !== undefined));
  if (!existing) {
    if (state.items.length >= MAX_ASSIGNED) return { state, outcome: 'full' };
    return { state: mergeAssigned(state, { ...emptyAssigned(state.learnerId), items: [{ assignment, acceptedAt: at }] }), outcome: 'accepted' };
  }
  return { state: mergeAssigned(state, { ...emptyAssigned(state.learnerId), items: [{ assignment, acceptedAt: existing.acceptedAt }], updated: { [id]: at } }), outcome: 'updated' };
}

export function removeAssignment(state: AssignedState, assignmentId: string, now: string): AssignedState {
  const existing = state.items.find((i) => i.assignment.id === assignmentId);
  if (!existing) return state;
  return mergeAssigned(state, { ...emptyAssigned(state.learnerId), dismissed: { [assignmentId]: changeTime(now, [itemTime(state, existing)]) } });
}

/** When an item last changed: accepted, or accepted again with new details. */
const itemTime = (state: AssignedState, item: AssignedItem) => state.updated?.[item.assignment.id] ?? item.acceptedAt;

/**
 * Merges two copies of one profile's list (this tab's and another tab's): for each assignment,
 * its latest acceptance or dismissal wins (src/lib/encoding/id-map.ts); the learner id is the saved
 * one (an unsaved default never replaces it), and of two saved ids the smaller, so every tab keeps
 * the same. Commutative, associative and idempotent.
 */
export function mergeAssigned(a: AssignedState, b: AssignedState): AssignedState {
  const asMap = (s: AssignedState) => ({
    saved: Object.fromEntries(s.items.map((item) => [item.assignment.id, { item, at: itemTime(s, item) }])),
    deleted: s.dismissed ?? {},
  });
  const merged = mergeIdMaps(asMap(a), asMap(b), (v) => v.at);
  const kept = Object.values(merged.saved).sort((x, y) => (x.item.acceptedAt < y.item.acceptedAt ? -1 : x.item.acceptedAt > y.item.acceptedAt ? 1 : x.item.assignment.id < y.item.assignment.id ? -1 : 1));
  const id = a.unsaved !== b.unsaved ? (a.unsaved ? b : a).learnerId : a.learnerId <= b.learnerId ? a.learnerId : b.learnerId;
  const state: AssignedState = { version: ASSIGNED_VERSION, learnerId: id, items: kept.map((v) => v.item) };
  const updated = Object.fromEntries(kept.filter((v) => v.at !== v.item.acceptedAt).map((v) => [v.item.assignment.id, v.at]));
  if (Object.keys(updated).length > 0) state.updated = updated;
  if (Object.keys(merged.deleted).length > 0) state.dismissed = merged.deleted;
  if (a.unsaved && b.unsaved) state.unsaved = true;
  return state;
}

export interface AssignmentStanding {
  item: AssignedItem;
  complete: number;
  total: number;
  due: DueState;
}

/** How each accepted assignment stands today, most urgent first. */
export function assignmentStandings(state: AssignedState, progress: ProgressState, modules: ReadonlyMap<string, ModuleFacts>, today: string): AssignmentStanding[] {
  const standings = state.items.map((item) => {
    const facts = item.assignment.modules.map((id) => modules.get(id)).filter((m): m is ModuleFacts => Boolean(m));
    const complete = facts.filter((m) => {
      const status = moduleProgress(progress, m).status;
      return status === 'complete' || status === 'updated';
    }).length;
    return { item, complete, total: facts.length, due: dueState(item.assignment.due, today, facts.length > 0 && complete === facts.length) };
  });
  const rank: Record<DueState, number> = { overdue: 0, 'due-today': 1, 'due-soon': 2, upcoming: 3, none: 4, done: 5 };
  return standings.sort((a, b) => rank[a.due] - rank[b.due] || (a.item.assignment.due ?? '').localeCompare(b.item.assignment.due ?? ''));
}

export const DUE_LABELS: Record<DueState, string> = {
  overdue: 'Overdue',
  'due-today': 'Due today',
  'due-soon': 'Due soon',
  upcoming: 'Upcoming',
  none: 'No due date',
  done: 'Done',
};
