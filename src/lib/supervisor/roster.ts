/**
 * The supervisor's roster: every assignment the Assign page made, one entry per person (or one
 * for "anyone with the link"), kept in the supervisor's browser like team data. The Team page
 * starts from it, so someone assigned who never sent a record is still a row ("no record yet").
 *
 * Identity: a roster entry's id is the id of the assignment link made for it. The learner's
 * browser keeps that id with the accepted assignment and puts it in their completion record
 * (`record.assignment.id`), so a record lands on its roster row whatever name was typed. An entry
 * also remembers the learner id of the first record that landed on it, so later records of that
 * learner (say, a record of "every module started") land there too.
 *
 * Decisions about two records with one name and different learner ids are kept here as well:
 * "same person" (the rows are shown as one) or "different people" (the warning goes away).
 *
 * Stored as JSON:
 *   { "version": 1, "entries": { "<id>": { …RosterEntry… } }, "removed": { "<id>": "<when>" },
 *     "clearedAt": "…", "decisions": { "<learnerId>|<learnerId>": { "same": true, "at": "…" } } }
 * Two tabs (or a co-supervisor's team file) merge per id, the latest save or removal winning
 * (src/lib/encoding/id-map.ts): commutative, associative, idempotent. Pure: no DOM, no storage.
 */
import * as z from 'zod/mini';
import { assignmentSchema } from './assignment';
import { instantSchema } from '../encoding/fields';
import { changeTime, compareInstants, mergeIdMaps } from '../encoding/id-map';
import { canonicalJson } from '../encoding/canonical-json';

export const ROSTER_VERSION = 1;
export const MAX_ROSTER = 500;

const ID = /^[a-z0-9]{6,16}$/;
const rosterId = z.string().check(z.regex(ID));

export const rosterEntrySchema = z.strictObject({
  /** The assignment link's id: the learner's record carries it back. */
  id: rosterId,
  /** The person, as the supervisor typed them; absent for a link anyone can use. */
  name: assignmentSchema.shape.for,
  by: assignmentSchema.shape.by,
  pathId: assignmentSchema.shape.pathId,
  modules: assignmentSchema.shape.modules,
  due: assignmentSchema.shape.due,
  note: assignmentSchema.shape.note,
  created: assignmentSchema.shape.created,
  /** When this entry was last saved: the later save wins a merge. */
  savedAt: instantSchema,
  /** The learner id of records that landed on this entry. */
  learnerId: z.optional(rosterId),
});
export type RosterEntry = z.infer<typeof rosterEntrySchema>;

const decisionSchema = z.strictObject({ same: z.boolean(), at: instantSchema });
export type Decision = z.infer<typeof decisionSchema>;

export interface RosterState {
  version: typeof ROSTER_VERSION;
  entries: Record<string, RosterEntry>;
  removed: Record<string, string>;
  clearedAt?: string;
  /** "<learnerId>|<learnerId>" (sorted) → the supervisor's choice about two same-name records. */
  decisions: Record<string, Decision>;
}

export const emptyRoster = (): RosterState => ({ version: ROSTER_VERSION, entries: {}, removed: {}, decisions: {} });

const storedSchema = z.object({
  version: z.literal(ROSTER_VERSION),
  entries: z.record(z.string(), z.unknown()),
  removed: z.optional(z.record(z.string(), z.string().check(z.maxLength(40)))),
  clearedAt: z.optional(z.string().check(z.maxLength(40))),
  decisions: z.optional(z.record(z.string(), z.unknown())),
});

const PAIR = /^[a-z0-9]{6,16}\|[a-z0-9]{6,16}$/;

/** Reads a stored roster; entries or decisions that no longer validate are dropped and counted. */
export function loadRoster(raw: unknown): { ok: true; roster: RosterState; dropped: number } | { ok: false; reason: string } {
  const parsed = storedSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'The saved roster is not in a form this course can read.' };
  const roster = emptyRoster();
  let dropped = 0;
  for (const [id, value] of Object.entries(parsed.data.entries).slice(0, 2 * MAX_ROSTER)) {
    const entry = rosterEntrySchema.safeParse(value);
    if (entry.success && entry.data.id === id) Object.defineProperty(roster.entries, id, { value: entry.data, enumerable: true, writable: true, configurable: true });
    else dropped++;
  }
  for (const [pair, value] of Object.entries(parsed.data.decisions ?? {})) {
    const decision = decisionSchema.safeParse(value);
    if (decision.success && PAIR.test(pair)) roster.decisions[pair] = decision.data;
    else dropped++;
  }
  for (const [id, at] of Object.entries(parsed.data.removed ?? {})) if (ID.test(id)) roster.removed[id] = at;
  if (parsed.data.clearedAt !== undefined) roster.clearedAt = parsed.data.clearedAt;
  return { ok: true, roster: mergeRosters(roster, roster), dropped };
}

/** Merges two copies: per entry the latest save or removal wins; per pair the latest decision. */
export function mergeRosters(a: RosterState, b: RosterState): RosterState {
  const entries = mergeIdMaps(
    { saved: a.entries, deleted: a.removed, ...(a.clearedAt !== undefined ? { clearedAt: a.clearedAt } : {}) },
    { saved: b.entries, deleted: b.removed, ...(b.clearedAt !== undefined ? { clearedAt: b.clearedAt } : {}) },
    (e) => e.savedAt,
  );
  const decisions: Record<string, Decision> = {};
  for (const pair of [...new Set([...Object.keys(a.decisions), ...Object.keys(b.decisions)])].sort()) {
    const x = a.decisions[pair];
    const y = b.decisions[pair];
    const order = x && y ? compareInstants(x.at, y.at) || (canonicalJson(x) >= canonicalJson(y) ? 1 : -1) : 0;
    decisions[pair] = (x && y ? (order > 0 ? x : y) : (x ?? y))!;
  }
  return {
    version: ROSTER_VERSION,
    entries: entries.saved,
    removed: entries.deleted,
    ...(entries.clearedAt !== undefined ? { clearedAt: entries.clearedAt } : {}),
    decisions,
  };
}

const timesOf = (roster: RosterState, id: string) => [roster.entries[id]?.savedAt, roster.removed[id], roster.clearedAt].filter((t): t is string => t !== undefined);

/** Adds or replaces entries (a batch of links just made), saved at `now`. */
export function addEntries(roster: RosterState, entries: Omit<RosterEntry, 'savedAt'>[], now: string): RosterState {
  const room = Math.max(0, MAX_ROSTER - Object.keys(roster.entries).length);
  const incoming = emptyRoster();
  for (const entry of entries.slice(0, room)) {
    const checked = rosterEntrySchema.safeParse({ ...entry, savedAt: changeTime(now, timesOf(roster, entry.id)) });
    if (checked.success) incoming.entries[entry.id] = checked.data;
  }
  return mergeRosters(roster, incoming);
}

/** Links a learner id to an entry, so their later records land on it too. */
export function linkLearner(roster: RosterState, entryId: string, learnerId: string, now: string): RosterState {
  const entry = roster.entries[entryId];
  if (!entry || entry.learnerId === learnerId || !ID.test(learnerId)) return roster;
  return addEntries(roster, [{ ...withoutSavedAt(entry), learnerId }], now);
}

export function removeEntry(roster: RosterState, entryId: string, now: string): RosterState {
  if (!roster.entries[entryId]) return roster;
  return mergeRosters(roster, { ...emptyRoster(), removed: { [entryId]: changeTime(now, timesOf(roster, entryId)) } });
}

export function clearRoster(roster: RosterState, now: string): RosterState {
  const times = Object.keys(roster.entries).flatMap((id) => timesOf(roster, id));
  return { ...emptyRoster(), clearedAt: changeTime(now, times) };
}

export const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** The supervisor's answer to "are these the same person?" for two learner ids. */
export function decide(roster: RosterState, a: string, b: string, same: boolean, now: string): RosterState {
  const key = pairKey(a, b);
  if (!PAIR.test(key)) return roster;
  const before = roster.decisions[key];
  const at = changeTime(now, before ? [before.at] : []);
  return mergeRosters(roster, { ...emptyRoster(), decisions: { [key]: { same, at } } });
}

function withoutSavedAt(entry: RosterEntry): Omit<RosterEntry, 'savedAt'> {
  const { savedAt: _, ...rest } = entry;
  return rest;
}
