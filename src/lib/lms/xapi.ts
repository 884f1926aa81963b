/**
 * xAPI (Experience API 1.0.3) statements for a Learning Record Store, and the schema of the
 * optional `xapi:` block in content/site.yaml. Pure: the outbox and sending live in
 * src/stores/xapi.ts.
 *
 * Statements come from what changed in a learner's progress (src/lib/learner/progress.ts):
 *   a lesson newly read          → experienced  the lesson
 *   a question newly answered    → answered     the question   (result: success, response)
 *   a check attempt              → passed or failed  the module check (result: score)
 *   a module newly complete      → completed    the module
 * The actor is the learner's random id (the one completion records carry) as an account on
 * the course's home page: no name and no email unless the site chooses to send one.
 */
import { z } from 'zod/mini';
import { v5 as uuidV5 } from 'uuid';
import type { ProgressState } from '../learner/progress';

export const XAPI_VERSION = '1.0.3';

export const VERBS = {
  experienced: 'http://adlnet.gov/expapi/verbs/experienced',
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
} as const;
export type VerbName = keyof typeof VERBS;

const ACTIVITY_TYPES = {
  module: 'http://adlnet.gov/expapi/activities/module',
  lesson: 'http://adlnet.gov/expapi/activities/lesson',
  assessment: 'http://adlnet.gov/expapi/activities/assessment',
  question: 'http://adlnet.gov/expapi/activities/cmi.interaction',
} as const;

/** http(s) URL ending in '/'; plain http only for this machine (tests, a local LRS). */
const baseUrl = z.string().check(
  z.refine((value) => {
    try {
      const url = new URL(value);
      const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
      return (url.protocol === 'https:' || (url.protocol === 'http:' && local)) && value.endsWith('/') && !url.search && !url.hash;
    } catch {
      return false;
    }
  }, 'must be an https:// address ending in "/" (http:// only for 127.0.0.1 or localhost)'),
);

/**
 * content/site.yaml `xapi:` (optional; absent means nothing is ever sent). Credentials end up in
 * every learner's browser: use an LRS key that may only write statements.
 */
export const xapiConfigSchema = z.strictObject({
  /** The LRS's xAPI endpoint, e.g. https://lrs.example.org/xapi/ (statements go to <endpoint>statements). */
  endpoint: baseUrl,
  /** Basic authentication: the LRS key and secret. Or `token` instead, sent as given (e.g. "Basic …"). */
  username: z.optional(z.string().check(z.minLength(1))),
  password: z.optional(z.string()),
  token: z.optional(z.string().check(z.minLength(1))),
  /** Activity ids are this plus the module, lesson or question path; usually the course's public address. */
  activityIdBase: baseUrl,
});
export type XapiConfig = z.infer<typeof xapiConfigSchema>;

/** The Authorization header for the configured credentials, or undefined when none. */
export function authorization(config: XapiConfig): string | undefined {
  if (config.token) return config.token;
  if (config.username !== undefined) return `Basic ${btoa(`${config.username}:${config.password ?? ''}`)}`;
  return undefined;
}

export interface Statement {
  id: string;
  actor: { objectType: 'Agent'; account: { homePage: string; name: string } };
  verb: { id: string; display: Record<string, string> };
  object: {
    objectType: 'Activity';
    id: string;
    definition: { type: string; name?: Record<string, string>; interactionType?: 'choice'; correctResponsesPattern?: string[] };
  };
  result?: { success?: boolean; completion?: boolean; response?: string; score?: { scaled: number; raw?: number; min?: number; max?: number } };
  context?: { contextActivities: { parent: { id: string; objectType: 'Activity' }[] } };
  timestamp: string;
}

/** Titles for activity names, and each question's correct options, where the page knows them. */
export interface ActivityTitles {
  modules?: Record<string, string>;
  lessons?: Record<string, string>;
  /** Question id → the ids of its correct options (a, c…): the interaction's correct response. */
  questions?: Record<string, string[]>;
}

export interface StatementContext {
  config: Pick<XapiConfig, 'activityIdBase'>;
  /** The learner's random id (src/stores/assigned.ts). */
  learnerId: string;
  titles?: ActivityTitles;
}

/** The namespace of Crosswalk's statement ids (a random UUID, fixed once: never change it). */
export const STATEMENT_ID_NAMESPACE = '5b0f0b8e-3c2a-4d7e-9a61-2f4c8e7d1a90';

/**
 * A name-based UUID (RFC 4122 version 5, SHA-1; the `uuid` package) from a text: the same
 * learner doing the same thing at the same moment always gives the same statement id, so the
 * outbox and the LRS can drop duplicates (two open tabs report the same change). xAPI 1.0.3
 * asks for an RFC 4122 UUID; version 5 is one it defines.
 */
export function statementUuid(text: string): string {
  return uuidV5(text, STATEMENT_ID_NAMESPACE);
}

const en = (text: string) => ({ 'en-US': text });

/** Activity ids: the module page, a lesson page, the check, one question of the check. */
export const activityIds = {
  module: (base: string, moduleId: string) => `${base}modules/${moduleId}/`,
  lesson: (base: string, lessonId: string) => `${base}modules/${lessonId}/`,
  check: (base: string, moduleId: string) => `${base}modules/${moduleId}/check/`,
  question: (base: string, questionId: string) => {
    const [moduleId, localId] = questionId.split('/') as [string, string];
    return `${base}modules/${moduleId}/check/#q-${localId}`;
  },
};

function statement(ctx: StatementContext, verb: VerbName, object: Statement['object'], timestamp: string, extra: Partial<Statement> = {}): Statement {
  const actor = { objectType: 'Agent' as const, account: { homePage: ctx.config.activityIdBase, name: ctx.learnerId } };
  return {
    id: statementUuid(`${ctx.learnerId}|${verb}|${object.id}|${timestamp}`),
    actor,
    verb: { id: VERBS[verb], display: en(verb) },
    object,
    ...extra,
    timestamp,
  };
}

/**
 * A question as an xAPI interaction: every question is a choice (one or several options, ids a,
 * b, c…), and its correct response pattern is its correct options joined by "[,]", as the
 * response is. A question the page does not know (removed since) is still a choice.
 */
function interaction(correct: string[] | undefined): Statement['object']['definition'] {
  return { type: ACTIVITY_TYPES.question, interactionType: 'choice', ...(correct?.length ? { correctResponsesPattern: [correct.join('[,]')] } : {}) };
}

const parentOf = (base: string, moduleId: string) => ({ contextActivities: { parent: [{ id: activityIds.module(base, moduleId), objectType: 'Activity' as const }] } });

/**
 * The statements for what changed from `before` to `after`, in the order one learner action
 * unfolds: lessons read, then answers, then the check's result, then completions (by time
 * within each). A check saves its result a moment before its answers, yet was answered first.
 */
export function progressStatements(before: ProgressState, after: ProgressState, ctx: StatementContext): Statement[] {
  const base = ctx.config.activityIdBase;
  const out: { rank: number; statement: Statement }[] = [];
  const name = (title: string | undefined) => (title ? { name: en(title) } : {});

  for (const [lessonId, read] of Object.entries(after.lessons)) {
    if (before.lessons[lessonId]) continue;
    const moduleId = lessonId.split('/')[0]!;
    out.push({
      rank: 0,
      statement: statement(ctx, 'experienced', { objectType: 'Activity', id: activityIds.lesson(base, lessonId), definition: { type: ACTIVITY_TYPES.lesson, ...name(ctx.titles?.lessons?.[lessonId]) } }, read.readAt, {
        context: parentOf(base, moduleId),
      }),
    });
  }
  for (const [questionId, answer] of Object.entries(after.answers)) {
    const previous = before.answers[questionId];
    if (previous && previous.at === answer.at) continue;
    const moduleId = questionId.split('/')[0]!;
    out.push({
      rank: 1,
      statement: statement(ctx, 'answered', { objectType: 'Activity', id: activityIds.question(base, questionId), definition: interaction(ctx.titles?.questions?.[questionId]) }, answer.at, {
        result: { success: answer.verdict === 'correct', response: answer.options.join('[,]') },
        context: parentOf(base, moduleId),
      }),
    });
  }
  for (const [moduleId, record] of Object.entries(after.checks)) {
    const seen = new Set((before.checks[moduleId]?.attempts ?? []).map((a) => a.at));
    for (const attempt of record.attempts) {
      if (seen.has(attempt.at)) continue;
      out.push({
        rank: 2,
        statement: statement(
          ctx,
          attempt.passed ? 'passed' : 'failed',
          { objectType: 'Activity', id: activityIds.check(base, moduleId), definition: { type: ACTIVITY_TYPES.assessment, ...name(ctx.titles?.modules?.[moduleId] && `${ctx.titles.modules[moduleId]}: check`) } },
          attempt.at,
          { result: { success: attempt.passed, completion: true, score: { scaled: attempt.ratio, raw: attempt.points, min: 0, max: attempt.max } }, context: parentOf(base, moduleId) },
        ),
      });
    }
  }
  for (const [moduleId, completion] of Object.entries(after.completions)) {
    if (before.completions[moduleId]) continue;
    out.push({
      rank: 3,
      statement: statement(ctx, 'completed', { objectType: 'Activity', id: activityIds.module(base, moduleId), definition: { type: ACTIVITY_TYPES.module, ...name(ctx.titles?.modules?.[moduleId]) } }, completion.at, {
        result: { completion: true },
      }),
    });
  }
  return out.sort((a, b) => a.rank - b.rank || a.statement.timestamp.localeCompare(b.statement.timestamp)).map((o) => o.statement);
}

/** Wait before retry `failures` (1, 2, 3…): 2 s doubling, at most 5 minutes. */
export function retryDelayMs(failures: number): number {
  return Math.min(2_000 * 2 ** Math.max(0, failures - 1), 300_000);
}

/** Statements sent per request; the rest wait for the next. */
export const BATCH_SIZE = 25;
/** Statements the outbox keeps at most (the oldest go first when it overflows: a week offline is fine). */
export const OUTBOX_LIMIT = 2_000;
