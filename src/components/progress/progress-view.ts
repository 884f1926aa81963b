/**
 * What "My progress" shows, worked out from the manifest and a profile's progress.
 * Pure (no DOM, no storage) so it can be tested with plain objects; the React
 * sections beside this file only render what these functions return.
 */
import type { CourseManifest, ManifestModule } from '../../lib/site/manifest';
import { moduleProgress, pathProgress, STATUS_LABELS, type ModuleStatus, type ProgressState } from '../../lib/learner/progress';
import type { ImportPlan } from '../../lib/learner/backup';
import type { StorageHealth } from '../../stores/storage';

export interface ModuleRow {
  id: string;
  title: string;
  status: ModuleStatus;
  /** The status in words: status is never shown by colour alone. */
  statusText: string;
  /** "2 of 3". */
  lessonsText: string;
  /** "83%", or "—" before any attempt at the check. */
  bestScoreText: string;
  /** ISO date the module was completed, if it was. */
  completedAt?: string;
}

export interface ProgressGroup {
  /** Path id, or OTHER_GROUP_ID for modules in no path. */
  id: string;
  title: string;
  complete: number;
  total: number;
  /** 0–1, counting lessons read and checks passed, for the progress bar. */
  fraction: number;
  modules: ModuleRow[];
}

export const OTHER_GROUP_ID = 'other-modules';

/** "83%" for a best ratio, "—" when there is none. */
export const percentText = (ratio: number | null) => (ratio === null ? '—' : `${Math.round(ratio * 100)}%`);

/** "1 of 3 modules complete". */
export const completeText = (complete: number, total: number) => `${complete} of ${total} module${total === 1 ? '' : 's'} complete`;

function moduleRow(state: ProgressState, module: ManifestModule): ModuleRow {
  const p = moduleProgress(state, module);
  return {
    id: module.id,
    title: module.title,
    status: p.status,
    statusText: STATUS_LABELS[p.status],
    lessonsText: `${p.lessonsRead} of ${p.lessonsTotal}`,
    bestScoreText: percentText(p.bestRatio),
    ...(p.completedAt ? { completedAt: p.completedAt } : {}),
  };
}

function group(state: ProgressState, id: string, title: string, modules: ManifestModule[]): ProgressGroup {
  const summary = pathProgress(state, modules);
  return { id, title, complete: summary.complete, total: summary.total, fraction: summary.fraction, modules: modules.map((m) => moduleRow(state, m)) };
}

/**
 * One group per path, in the manifest's order, then "Other modules" for modules no
 * path names (left out when every module is in a path). A path naming a module the
 * manifest lacks cannot happen (the build checks it), but is skipped rather than crash.
 */
export function progressGroups(manifest: CourseManifest, state: ProgressState): ProgressGroup[] {
  const byId = new Map(manifest.modules.map((m) => [m.id, m]));
  const groups = manifest.paths.map((path) =>
    group(state, path.id, path.title, path.modules.map((id) => byId.get(id)).filter((m): m is ManifestModule => Boolean(m))),
  );
  const inAPath = new Set(manifest.paths.flatMap((p) => p.modules));
  const others = manifest.modules.filter((m) => !inAPath.has(m.id));
  if (others.length > 0) groups.push(group(state, OTHER_GROUP_ID, 'Other modules', others));
  return groups;
}

/** "crosswalk-backup-2026-11-28.json", in the learner's own calendar day. */
export function backupFileName(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `crosswalk-backup-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.json`;
}

/** A date a learner reads: "28 November 2026" (in their locale's order). */
export const dateText = (iso: string) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' });
};

/** One sentence per profile an import will touch. */
export function importSummaryLines(plan: Pick<ImportPlan, 'summary'>): string[] {
  return plan.summary.map(({ name, action }) =>
    action === 'merged' ? `“${name}”: merged into the profile of the same name on this browser.` : `“${name}”: added as a new profile.`,
  );
}

/**
 * For applying an import without a "replace all profiles" action in the store:
 * which planned profile ids already exist here (merge into them) and which are new
 * (create them by name first, then write their progress).
 */
export function splitImport(plan: Pick<ImportPlan, 'profiles' | 'progress'>, existingIds: readonly string[]) {
  const existing = new Set(existingIds);
  const merge: { id: string; state: ProgressState }[] = [];
  /** planId: the id the plan gave the new profile; the store gives it its own when it is created. */
  const add: { planId: string; name: string; state: ProgressState }[] = [];
  for (const [id, state] of Object.entries(plan.progress)) {
    if (existing.has(id)) {
      merge.push({ id, state });
      continue;
    }
    const profile = plan.profiles.profiles.find((p) => p.id === id);
    if (profile) add.push({ planId: id, name: profile.name, state });
  }
  return { merge, add };
}

export type StorageWhere = 'browser' | 'tab' | 'lms' | 'nowhere';

/** Where progress is kept, in the learner's terms. */
export function storageWhere(health: Pick<StorageHealth, 'mode'>): StorageWhere {
  if (health.mode === 'local') return 'browser';
  if (health.mode === 'session') return 'tab';
  if (health.mode === 'lms') return 'lms';
  return 'nowhere';
}

/** A module once, with the paths it belongs to (My progress lists each module once). */
export interface ModuleWithPaths extends ModuleRow {
  /** Titles of the paths that hold this module, in the manifest's order. */
  paths: string[];
}

/** Every module once, in course order, each with its paths. */
export function modulesOnce(manifest: CourseManifest, state: ProgressState): ModuleWithPaths[] {
  return manifest.modules.map((m) => ({ ...moduleRow(state, m), paths: manifest.paths.filter((p) => p.modules.includes(m.id)).map((p) => p.title) }));
}

/** A path's line in the summary: its share done, and whether its certificate is earned. */
export interface PathSummary {
  id: string;
  title: string;
  complete: number;
  total: number;
  fraction: number;
  /** Every module complete: the certificate is offered. */
  done: boolean;
}

/** One line per path, in the manifest's order (the summary at the top of My progress). */
export function pathSummaries(manifest: CourseManifest, state: ProgressState): PathSummary[] {
  return progressGroups(manifest, state)
    .filter((g) => g.id !== OTHER_GROUP_ID)
    .map(({ id, title, complete, total, fraction }) => ({ id, title, complete, total, fraction, done: total > 0 && complete === total }));
}
