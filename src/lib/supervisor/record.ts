/**
 * Completion records: what a learner sends their supervisor to show what they finished.
 * Two forms carry the same record:
 *   - a file (JSON, readable):
 *       { "format": "crosswalk-record", "version": 1, "record": { … }, "checksum": "k3x9f0a2b1c" }
 *   - a code for email or chat: link-codec kind `R`, version 1, e.g. `R1.eNpt….k3x9f0a2b1c`.
 *
 * What a record proves, honestly: it is self-reported. The checksum catches a record damaged in
 * copying or edited by hand by accident; anyone determined can still make a false one. Verified
 * tracking is the LMS route (SCORM/xAPI), not this.
 *
 * Pure: no DOM, no storage. Every way in (`openRecord`) returns a result with a sentence to
 * show, never throws, and never returns text that was not validated as plain text.
 */
import * as z from 'zod/mini';
import { canonicalJson } from '../encoding/canonical-json';
import { cleanName, daySchema, instantSchema, isRealDay, nameText, plainText } from '../encoding/fields';
import { hashText } from '../encoding/hash';
import { pack, unpack } from '../encoding/link-codec';
import { moduleProgress, type ModuleFacts, type ModuleStatus, type ProgressState } from '../learner/progress';

export const RECORD_FORMAT = 'crosswalk-record';
export const RECORD_VERSION = 1;
/** Files larger than this are refused before they are read: a real record is a few kilobytes. */
export const MAX_RECORD_FILE_BYTES = 200_000;
/** A record code for every module of a much larger course still fits well inside this. */
export const MAX_RECORD_CODE_CHARS = 12_000;
export const MAX_LEARNER_NAME = 80;
export const MAX_RECORD_MODULES = 200;

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const day = daySchema;
/** As toISOString writes it, and a real moment: no 30 February, no year 0. */
const instant = instantSchema;

const moduleEntrySchema = z.strictObject({
  id: z.string().check(z.regex(ID), z.maxLength(80)),
  status: z.enum(['not-started', 'in-progress', 'complete', 'updated']),
  lessonsRead: z.int().check(z.gte(0), z.lte(50)),
  lessonsTotal: z.int().check(z.gte(0), z.lte(50)),
  /** Best check score, in whole percent. */
  best: z.optional(z.int().check(z.gte(0), z.lte(100))),
  passedOn: z.optional(day),
  completedOn: z.optional(day),
  /**
   * The module edition the learner completed (src/lib/course/edition.ts), so the Team page can
   * tell "complete" from "complete in an earlier edition" by its own course, not the learner's.
   */
  edition: z.optional(z.string().check(z.regex(/^[0-9a-z]{1,16}$/))),
});

/** Strict at every level: unknown keys, including `__proto__` and `constructor`, are refused. */
export const recordSchema = z
  .strictObject({
    learner: nameText(1, MAX_LEARNER_NAME),
    /** Random, made once per learner profile: two people called Sam stay two rows. */
    learnerId: z.string().check(z.regex(/^[a-z0-9]{6,16}$/)),
    issued: instant,
    /** The course's content version, so a supervisor can tell records of different editions apart. */
    course: plainText(1, 60),
    assignment: z.optional(z.strictObject({ id: z.string().check(z.regex(/^[a-z0-9]{6,16}$/)), due: z.optional(day) })),
    modules: z.array(moduleEntrySchema).check(z.minLength(1), z.maxLength(MAX_RECORD_MODULES)),
  })
  .check(
    z.refine((r) => new Set(r.modules.map((m) => m.id)).size === r.modules.length, { message: 'lists a module twice', path: ['modules'] }),
    z.refine((r) => r.modules.every((m) => m.lessonsRead <= m.lessonsTotal), { message: 'reads more lessons than a module has', path: ['modules'] }),
  );

export type CompletionRecord = z.infer<typeof recordSchema>;
export type RecordModule = z.infer<typeof moduleEntrySchema>;

const fileSchema = z.strictObject({
  format: z.literal(RECORD_FORMAT),
  version: z.int(),
  record: z.unknown(),
  checksum: z.string(),
});

export interface RecordInput {
  learner: string;
  learnerId: string;
  issued: string;
  course: string;
  progress: ProgressState;
  /** The modules the record reports on, in order (an assignment's, or every module started). */
  modules: ModuleFacts[];
  assignment?: { id: string; due?: string };
}

/**
 * Builds a record from the learner's progress. Total for anything a learner can type or import:
 * the name is cleaned to printable text (see cleanName), and a date that is not a real day is
 * left out. Throws only on a programming error (a bad learner id, module list or issue time).
 */
export function buildRecord(input: RecordInput): CompletionRecord {
  const dayOf = (at: string | undefined) => (at && isRealDay(at.slice(0, 10)) ? at.slice(0, 10) : undefined);
  const record: CompletionRecord = {
    learner: recordName(input.learner),
    learnerId: input.learnerId,
    issued: input.issued,
    course: input.course,
    ...(input.assignment ? { assignment: { id: input.assignment.id, ...(input.assignment.due && isRealDay(input.assignment.due) ? { due: input.assignment.due } : {}) } } : {}),
    modules: input.modules.map((module) => {
      const p = moduleProgress(input.progress, module);
      const passedOn = dayOf(input.progress.checks[module.id]?.passedAt);
      const completedOn = dayOf(p.completedAt);
      const saved = input.progress.completions[module.id]?.contentHash;
      // A completion of the current edition (or saved before editions, text unchanged) is named by the current edition.
      const edition = p.status === 'complete' ? module.contentHash : p.status === 'updated' ? saved : undefined;
      return {
        id: module.id,
        status: p.status,
        lessonsRead: p.lessonsRead,
        lessonsTotal: p.lessonsTotal,
        ...(p.bestRatio !== null ? { best: Math.round(p.bestRatio * 100) } : {}),
        ...(passedOn ? { passedOn } : {}),
        ...(completedOn ? { completedOn } : {}),
        ...(edition && /^[0-9a-z]{1,16}$/.test(edition) ? { edition } : {}),
      };
    }),
  };
  const checked = recordSchema.safeParse(record);
  if (!checked.success) throw new Error(`record is not valid: ${describeIssues(checked.error.issues)}`);
  return checked.data;
}

/**
 * The name as a record carries it: printable, one line, at most MAX_LEARNER_NAME characters
 * (never cutting a character in half). A name with nothing printable in it becomes "Learner",
 * so making a record never fails on what was typed.
 */
export function recordName(name: string): string {
  let text = cleanName(name);
  if (text.length > MAX_LEARNER_NAME) {
    const end = /[\ud800-\udbff]/.test(text[MAX_LEARNER_NAME - 1]!) ? MAX_LEARNER_NAME - 1 : MAX_LEARNER_NAME;
    text = text.slice(0, end).trim();
  }
  return text || 'Learner';
}

export function recordChecksum(record: CompletionRecord): string {
  return hashText(canonicalJson(record));
}

export function recordFile(record: CompletionRecord): string {
  return JSON.stringify({ format: RECORD_FORMAT, version: RECORD_VERSION, record, checksum: recordChecksum(record) }, null, 2);
}

/**
 * The record as a code. Packed in canonical key order, so the check at the end of the code is
 * the record's checksum (recordChecksum): the one verification code the certificate, the file
 * and the code all show. Codes made before in another key order still open (unpack checks the
 * JSON as sent).
 */
export function recordCode(record: CompletionRecord): string {
  return pack('R', RECORD_VERSION, JSON.parse(canonicalJson(record)));
}

/** A file name that says whose record it is, without characters file systems dislike. */
export function recordFileName(record: CompletionRecord): string {
  const name = record.learner.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/\s+/g, '-').toLowerCase().slice(0, 40) || 'learner';
  return `crosswalk-record-${name}-${record.issued.slice(0, 10)}.json`;
}

export type OpenedRecord = { ok: true; record: CompletionRecord } | { ok: false; message: string };

/**
 * Opens a record from a file's text or a pasted code (or a link carrying one). Never throws.
 * What was wrong is said in words a supervisor can act on.
 */
export function openRecord(input: string): OpenedRecord {
  const text = input.trim();
  if (!text) return { ok: false, message: 'There is nothing to read: the record is empty.' };
  if (text.startsWith('{')) return openRecordFile(text);
  const unpacked = unpack(text, { kind: 'R', versions: [RECORD_VERSION], maxChars: MAX_RECORD_CODE_CHARS, maxJsonChars: MAX_RECORD_FILE_BYTES });
  if (!unpacked.ok) return { ok: false, message: unpacked.message };
  return validated(unpacked.data);
}

function openRecordFile(text: string): OpenedRecord {
  if (text.length > MAX_RECORD_FILE_BYTES) {
    return { ok: false, message: `This file is too large to be a completion record (the most is ${MAX_RECORD_FILE_BYTES / 1000} kB).` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: 'This file is not a completion record: it is not readable JSON. It may have been cut short when it was copied.' };
  }
  const file = fileSchema.safeParse(json);
  if (!file.success) {
    return { ok: false, message: 'This file is not a Crosswalk completion record. Ask the learner to export it again from My progress.' };
  }
  if (file.data.version !== RECORD_VERSION) {
    return {
      ok: false,
      message:
        file.data.version > RECORD_VERSION
          ? `This record was made by a newer version of the course (format ${file.data.version}). Open it on the course site it came from.`
          : `This record uses format ${file.data.version}, which this course no longer reads. Ask for a new one.`,
    };
  }
  const opened = validated(file.data.record);
  if (!opened.ok) return opened;
  if (recordChecksum(opened.record) !== file.data.checksum) {
    return { ok: false, message: 'This record has been changed since it was exported: its checksum does not match. Ask the learner to export it again.' };
  }
  return opened;
}

function validated(data: unknown): OpenedRecord {
  const parsed = recordSchema.safeParse(data);
  if (parsed.success) return { ok: true, record: parsed.data };
  return { ok: false, message: `This completion record is not valid: ${describeIssues(parsed.error.issues)}. Ask the learner to export it again.` };
}

const FIELD_NAMES: Record<string, string> = {
  learner: 'the name',
  learnerId: 'the learner id',
  issued: 'the date it was made',
  course: 'the course version',
  assignment: 'the assignment',
  modules: 'the module list',
};

function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const fields = [...new Set(issues.map((i) => FIELD_NAMES[String(i.path[0])] ?? 'an unexpected field'))];
  return `${fields.join(', ')} could not be read`;
}

export type { ModuleStatus };
