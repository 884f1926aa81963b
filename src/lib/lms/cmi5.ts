/**
 * cmi5 (the xAPI profile for launching from an LMS; AICC/ADL cmi5 "Quartz"): what the launch
 * page reads from the launch URL and from LMS.LaunchData, the cmi5-defined statements it sends,
 * and the course structure (cmi5.xml) of a package. Pure: src/lms/cmi5-launch.ts does the
 * requests.
 *
 * One assignable unit (AU) per path, like the one SCO of a SCORM package: the LMS records "the
 * path", completed and passed together when every module of the path is complete.
 */
import { escapeXml } from './scorm-manifest';

export const CMI5_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
export const MOVEON_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
export const SESSION_EXTENSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
export const CMI5_VERBS = {
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
} as const;
export type Cmi5Verb = keyof typeof CMI5_VERBS;

/**
 * The AU's mastery: passed means every module of the path complete, and the one score the AU
 * reports is that share (1 at the end). masteryScore 1 says exactly that to the LMS.
 */
export const CMI5_MASTERY_SCORE = 1;
/** The LMS moves the learner on when the path is both completed and passed (sent together). */
export const CMI5_MOVE_ON = 'CompletedAndPassed';

export interface Cmi5Actor {
  objectType?: 'Agent';
  name?: string;
  account: { homePage: string; name: string };
}

export interface LaunchParams {
  endpoint: string;
  fetch: string;
  actor: Cmi5Actor;
  registration: string;
  activityId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

function absoluteUrl(value: string | null, base: string): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The five launch parameters (cmi5 8.1), or a sentence saying which is missing or wrong. The
 * endpoint is made to end in '/' so resource paths can be appended.
 */
export function readLaunchParams(search: string, pageUrl: string): { ok: true; params: LaunchParams } | { ok: false; reason: string } {
  const query = new URLSearchParams(search);
  const endpointRaw = absoluteUrl(query.get('endpoint'), pageUrl);
  const fetchUrl = absoluteUrl(query.get('fetch'), pageUrl);
  const registration = query.get('registration') ?? '';
  const activityId = query.get('activityId') ?? '';
  if (!endpointRaw) return { ok: false, reason: 'the launch address has no valid "endpoint"' };
  if (!fetchUrl) return { ok: false, reason: 'the launch address has no valid "fetch" address' };
  if (!UUID.test(registration)) return { ok: false, reason: 'the launch address has no valid "registration"' };
  if (!activityId) return { ok: false, reason: 'the launch address has no "activityId"' };
  let actor: Cmi5Actor;
  try {
    actor = JSON.parse(query.get('actor') ?? '');
  } catch {
    return { ok: false, reason: 'the launch address has no readable "actor"' };
  }
  if (typeof actor?.account?.homePage !== 'string' || typeof actor.account.name !== 'string') return { ok: false, reason: 'the "actor" of the launch address has no account' };
  const endpoint = endpointRaw.endsWith('/') ? endpointRaw : `${endpointRaw}/`;
  return { ok: true, params: { endpoint, fetch: fetchUrl, actor, registration, activityId } };
}

export type LaunchMode = 'Normal' | 'Browse' | 'Review';

export interface LaunchData {
  contextTemplate: { contextActivities?: Record<string, unknown>; extensions?: Record<string, unknown> };
  launchMode: LaunchMode;
  returnURL?: string;
  moveOn?: string;
  masteryScore?: number;
  launchParameters?: string;
}

/** LMS.LaunchData (cmi5 10.2.1) as the LMS wrote it, or a sentence saying what is wrong. */
export function readLaunchData(raw: unknown): { ok: true; data: LaunchData } | { ok: false; reason: string } {
  if (typeof raw !== 'object' || raw === null) return { ok: false, reason: 'LMS.LaunchData is not an object' };
  const value = raw as Record<string, unknown>;
  const template = value.contextTemplate;
  if (typeof template !== 'object' || template === null) return { ok: false, reason: 'LMS.LaunchData has no contextTemplate' };
  const mode = value.launchMode;
  if (mode !== 'Normal' && mode !== 'Browse' && mode !== 'Review') return { ok: false, reason: 'LMS.LaunchData has no launchMode of Normal, Browse or Review' };
  const mastery = value.masteryScore;
  return {
    ok: true,
    data: {
      contextTemplate: template as LaunchData['contextTemplate'],
      launchMode: mode,
      ...(typeof value.returnURL === 'string' && value.returnURL ? { returnURL: value.returnURL } : {}),
      ...(typeof value.moveOn === 'string' ? { moveOn: value.moveOn } : {}),
      ...(typeof mastery === 'number' && mastery >= 0 && mastery <= 1 ? { masteryScore: mastery } : {}),
      ...(typeof value.launchParameters === 'string' ? { launchParameters: value.launchParameters } : {}),
    },
  };
}

/** ISO 8601 duration, seconds to the hundredth (xAPI result.duration). */
export function isoDuration(ms: number): string {
  const centis = Math.max(0, Math.round(ms / 10));
  const hours = Math.floor(centis / 360_000);
  const minutes = Math.floor((centis % 360_000) / 6000);
  const seconds = (centis % 6000) / 100;
  return `PT${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${Number.isInteger(seconds) ? seconds : seconds.toFixed(2)}S`;
}

export interface Cmi5Statement {
  id: string;
  actor: Cmi5Actor;
  verb: { id: string; display: Record<string, string> };
  object: { objectType: 'Activity'; id: string };
  result?: { completion?: boolean; success?: boolean; duration?: string; score?: { scaled: number } };
  context: { registration: string; contextActivities: Record<string, unknown>; extensions?: Record<string, unknown> };
  timestamp: string;
}

export interface StatementInput {
  params: LaunchParams;
  launchData: LaunchData;
  id: string;
  timestamp: string;
  /** Since initialized, for result.duration (completed, passed, terminated). */
  sessionMs: number;
}

/**
 * A cmi5-defined statement (cmi5 9): the actor and activity of the launch, the registration,
 * the LMS's context template, and the cmi5 category (with "moveon" for completed and passed).
 */
export function cmi5Statement(verb: Cmi5Verb, input: StatementInput): Cmi5Statement {
  const { params, launchData } = input;
  const template = launchData.contextTemplate;
  const fromTemplate = (template.contextActivities ?? {}) as Record<string, unknown>;
  const category = [...(Array.isArray(fromTemplate.category) ? fromTemplate.category : []), { id: CMI5_CATEGORY, objectType: 'Activity' }];
  if (verb === 'completed' || verb === 'passed') category.push({ id: MOVEON_CATEGORY, objectType: 'Activity' });
  const duration = isoDuration(input.sessionMs);
  const result: Cmi5Statement['result'] | undefined =
    verb === 'completed'
      ? { completion: true, duration }
      : verb === 'passed'
        ? { success: true, duration, score: { scaled: CMI5_MASTERY_SCORE } }
        : verb === 'terminated'
          ? { duration }
          : undefined;
  return {
    id: input.id,
    actor: { objectType: 'Agent', ...params.actor },
    verb: { id: CMI5_VERBS[verb], display: { 'en-US': verb } },
    object: { objectType: 'Activity', id: params.activityId },
    ...(result ? { result } : {}),
    context: {
      ...(template.extensions ? { extensions: template.extensions } : {}),
      registration: params.registration,
      contextActivities: { ...fromTemplate, category },
    },
    timestamp: input.timestamp,
  };
}

/**
 * What to send now that progress changed (cmi5 9.3): in Normal mode only, and once per
 * registration, completed and passed when the path became complete. Browse and Review launches
 * send neither (cmi5 10.2.2).
 */
export function statementsForProgress(launchData: LaunchData, pathComplete: boolean, alreadySent: boolean): Cmi5Verb[] {
  if (launchData.launchMode !== 'Normal' || !pathComplete || alreadySent) return [];
  return ['completed', 'passed'];
}

export interface CourseStructure {
  /** IRIs, unique and stable for this course and path. */
  courseId: string;
  auId: string;
  courseTitle: string;
  pathTitle: string;
  description: string;
  /** The AU's launch file, relative to the package root. */
  url: string;
}

/** cmi5.xml (cmi5 13.1): one course, one AU for the path. */
export function cmi5Xml(course: CourseStructure): string {
  const text = (value: string) => `<langstring lang="en-US">${escapeXml(value)}</langstring>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="${escapeXml(course.courseId)}">
    <title>${text(course.courseTitle)}</title>
    <description>${text(course.description)}</description>
  </course>
  <au id="${escapeXml(course.auId)}" moveOn="${CMI5_MOVE_ON}" masteryScore="${CMI5_MASTERY_SCORE}" launchMethod="AnyWindow">
    <title>${text(course.pathTitle)}</title>
    <description>${text(course.description)}</description>
    <url>${escapeXml(course.url)}</url>
  </au>
</courseStructure>
`;
}
