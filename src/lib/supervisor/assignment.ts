/**
 * Assignments: what a supervisor sends a learner ("do these modules by this date"), carried in
 * a link's URL fragment so names never reach a web server's logs. Pure: the assign page packs,
 * the learner's page unpacks and checks against the course it is running.
 *
 * Packed with link-codec as kind `A`, version 1. The wire form uses one-letter keys to keep
 * links short enough for email and QR codes; the rest of the code uses the readable form.
 */
import * as z from 'zod/mini';
import { cleanName, daySchema, nameText, plainText, wellFormed } from '../encoding/fields';
import { pack, unpack, type UnpackProblem } from '../encoding/link-codec';

export const ASSIGNMENT_VERSION = 1;
/** Links longer than this are refused before decoding; a QR code still scans at this size. */
export const MAX_ASSIGNMENT_CHARS = 1800;
export const MAX_NAME = 80;
export const MAX_NOTE = 400;
export const MAX_MODULES = 60;

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const day = daySchema;

/** The wire form (version 1). Strict: unknown keys, including `__proto__`, are refused. */
const wireSchema = z.strictObject({
  i: z.string().check(z.regex(/^[a-z0-9]{6,16}$/)),
  b: nameText(1, MAX_NAME),
  f: z.optional(nameText(0, MAX_NAME)),
  p: z.optional(z.string().check(z.regex(ID))),
  m: z.array(z.string().check(z.regex(ID))).check(z.minLength(1), z.maxLength(MAX_MODULES)),
  d: z.optional(day),
  n: z.optional(plainText(0, MAX_NOTE)),
  c: day,
});

/** The readable form, as the learner's browser stores an accepted assignment. Same limits as the wire. */
export const assignmentSchema = z.strictObject({
  id: wireSchema.shape.i,
  by: wireSchema.shape.b,
  for: wireSchema.shape.f,
  pathId: wireSchema.shape.p,
  modules: wireSchema.shape.m,
  due: wireSchema.shape.d,
  note: wireSchema.shape.n,
  created: wireSchema.shape.c,
});

export interface Assignment {
  /** Random id chosen when the link is made; the same link accepted twice is one assignment. */
  id: string;
  /** Who assigned it, as they typed it ("Ana, circulation supervisor"). */
  by: string;
  /** The learner it was made for, when the supervisor made one link per person. */
  for?: string;
  /** The path it was made from, if any. */
  pathId?: string;
  /** Module ids, in the order to take them. */
  modules: string[];
  /** Due date, YYYY-MM-DD, in the learner's local calendar. */
  due?: string;
  note?: string;
  /** The day the link was made, YYYY-MM-DD. */
  created: string;
}

export function packAssignment(assignment: Assignment): string {
  // Names are cleaned as typed names are everywhere (printable, one line); the note keeps its
  // lines but not half characters, which would not survive the link's UTF-8.
  const wire: z.infer<typeof wireSchema> = {
    i: assignment.id,
    b: cleanName(assignment.by),
    m: assignment.modules,
    c: assignment.created,
  };
  const forName = cleanName(assignment.for ?? '');
  const note = wellFormed(assignment.note ?? '').trim();
  if (forName) wire.f = forName;
  if (assignment.pathId) wire.p = assignment.pathId;
  if (assignment.due) wire.d = assignment.due;
  if (note) wire.n = note;
  const checked = wireSchema.safeParse(wire);
  if (!checked.success) throw new Error(`assignment is not valid: ${checked.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  return pack('A', ASSIGNMENT_VERSION, wire);
}

export type OpenedAssignment =
  | {
      ok: true;
      assignment: Assignment;
      /** Module ids the link names that this course does not have (an older or newer course). */
      unknownModules: string[];
    }
  | { ok: false; problem: UnpackProblem | 'invalid' | 'no-modules'; message: string };

/** Opens a link or code. Never throws: every failure comes back with a message to show. */
export function openAssignment(input: string, knownModules: ReadonlySet<string>): OpenedAssignment {
  const unpacked = unpack(input, { kind: 'A', versions: [ASSIGNMENT_VERSION], maxChars: MAX_ASSIGNMENT_CHARS, maxJsonChars: 20_000 });
  if (!unpacked.ok) return unpacked;
  const parsed = wireSchema.safeParse(unpacked.data);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => FIELD_NAMES[String(i.path[0])] ?? 'its contents'))];
    return { ok: false, problem: 'invalid', message: `This assignment link is not valid: ${fields.join(', ')} could not be read. Ask for it to be sent again.` };
  }
  const wire = parsed.data;
  const modules = [...new Set(wire.m)];
  const known = modules.filter((id) => knownModules.has(id));
  const unknownModules = modules.filter((id) => !knownModules.has(id));
  if (known.length === 0) {
    return { ok: false, problem: 'no-modules', message: 'None of the modules in this assignment are in this course. It may have been made for a different version of the course.' };
  }
  return {
    ok: true,
    unknownModules,
    assignment: {
      id: wire.i,
      by: wire.b,
      ...(wire.f ? { for: wire.f } : {}),
      ...(wire.p ? { pathId: wire.p } : {}),
      modules: known,
      ...(wire.d ? { due: wire.d } : {}),
      ...(wire.n ? { note: wire.n } : {}),
      created: wire.c,
    },
  };
}

const FIELD_NAMES: Record<string, string> = {
  i: 'its id', b: 'who sent it', f: 'who it is for', p: 'the path', m: 'the module list', d: 'the due date', n: 'the note', c: 'the date it was made',
};

export type DueState = 'none' | 'done' | 'overdue' | 'due-today' | 'due-soon' | 'upcoming';

/**
 * Where an assignment stands against its due date. `today` is the learner's local date
 * (YYYY-MM-DD); comparing calendar days, not instants, means "due 15 December" is overdue on
 * the 16th wherever the learner is.
 */
export function dueState(due: string | undefined, today: string, complete: boolean, soonDays = 3): DueState {
  if (complete) return 'done';
  if (!due) return 'none';
  const days = daysBetween(today, due);
  if (days < 0) return 'overdue';
  if (days === 0) return 'due-today';
  return days <= soonDays ? 'due-soon' : 'upcoming';
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A calendar day (YYYY-MM-DD) in words, e.g. "December 15, 2026", the same in every time zone. */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!)).toLocaleDateString('en-US', { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' });
}

/** A Date's calendar day in its local time zone, as YYYY-MM-DD. */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
