/** What the launch page (Launch.astro) tells its script (launch.ts) about the course and path. */
import type { ModuleFacts } from '../lib/learner/progress';
import type { ScormVersion } from '../lib/lms/scorm';
import type { SuspendModule } from '../lib/lms/suspend-data';

export interface LaunchConfig {
  /** How the package talks to the LMS: SCORM's API in a parent frame, or cmi5 (xAPI, launch parameters). */
  lms: 'scorm' | 'cmi5';
  /** The SCORM version the package was made for; the API of the other version is used if it is all there is. */
  version: ScormVersion;
  pathId: string;
  /** The path's modules, in order: what the LMS's status and score are about. */
  pathModules: ModuleFacts[];
  /** Every module of the course, in course order: what suspend_data can hold. */
  modules: SuspendModule[];
  /** The first page of a first launch, relative to the package root. */
  start: string;
}
