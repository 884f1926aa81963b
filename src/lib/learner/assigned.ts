/**
 * The learner's side of assignments: the assignments they accepted, and the random id that
 * keeps their completion records apart from anyone else's with the same name. One per profile.
 *
 * Stored as JSON, for example:
 *   { "version": 1, "learnerId": "p4x8k2m9", "items": [ { "assignment": { …Assignment… }, "acceptedAt": "…" } ] }
 * Migration cases: none yet (version 1 is the first). Items that no longer validate are dropped
 * on load; the learner id is kept whenever it is readable, so records stay one row on the team page.
 */
import * as z from 'zod/mini';
import { assignmentSchema, dueState, type Assignment, type DueState } from '../supervisor/assignment';
import { randomId } from '../encoding/fields';
import { moduleProgress, type ModuleFacts, type ProgressState } from './progress';

export const ASSIGNED_VERSION = 1;
export const MAX_ASSIGNED = 50;
const LEARNER_ID = /^[a-z0-9]{6,16}$/;

const itemSchema = z.strictObject({ assignment: assignmentSchema, acceptedAt: z.string().check(z.minLength(1), z.maxLength(40)) });

export interface AssignedItem {
  assignment: Assignment;
  acceptedAt: string;
}

export interface AssignedState {
  version: typeof ASSIGNED_VERSION;
  learnerId: string;
  items: AssignedItem[];
}

/** A random learner id: 10 characters of base 36. */
export const newLearnerId = () => randomId(10);

export function emptyAssigned(learnerId: string): AssignedState {
  return { version: ASSIGNED_VERSION, learnerId, items: [] };
}

export function loadAssigned(raw: unknown, fallbackId: string): { ok: true; state: AssignedState; dropped: number } | { ok: false; reason: string } {
  const parsed = z.object({ version: z.literal(ASSIGNED_VERSION), learnerId: z.string(), items: z.array(z.unknown()) }).safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'saved assignments are not in a form this course can read' };
  const learnerId = LEARNER_ID.test(parsed.data.learnerId) ? parsed.data.learnerId : fallbackId;
  const items: AssignedItem[] = [];
  let dropped = 0;
  for (const item of parsed.data.items) {
    const checked = itemSchema.safeParse(item);
    if (checked.success && !items.some((i) => i.assignment.id === checked.data.assignment.id) && items.length < MAX_ASSIGNED) items.push(checked.data);
    else dropped++;
  }
  return { ok: true, state: { version: ASSIGNED_VERSION, learnerId, items }, dropped };
}

export type AcceptOutcome = 'accepted' | 'updated' | 'full';

/** Accepting the same link again replaces the earlier copy (the supervisor may have changed the due date). */
export function acceptAssignment(state: AssignedState, assignment: Assignment, now: string): { state: AssignedState; outcome: AcceptOutcome } {
  const index = state.items.findIndex((i) => i.assignment.id === assignment.id);
  if (index === -1) {
    if (state.items.length >= MAX_ASSIGNED) return { state, outcome: 'full' };
    return { state: { ...state, items: [...state.items, { assignment, acceptedAt: now }] }, outcome: 'accepted' };
  }
  const items = state.items.slice();
  items[index] = { assignment, acceptedAt: state.items[index]!.acceptedAt };
  return { state: { ...state, items }, outcome: 'updated' };
}

export function removeAssignment(state: AssignedState, assignmentId: string): AssignedState {
  return { ...state, items: state.items.filter((i) => i.assignment.id !== assignmentId) };
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
