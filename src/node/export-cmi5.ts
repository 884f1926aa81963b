/**
 * `npm run export:cmi5 -- --path <path-id> [--out file.zip]`
 *
 * The same package as export:scorm (src/node/export-scorm.ts: one build with relative links,
 * launched at lms/index.html), described by a cmi5.xml instead of an imsmanifest.xml: one
 * assignable unit for the path. Its launch page talks to the LMS the cmi5 way
 * (src/lms/cmi5-launch.ts).
 */
import { exportScorm, type ExportOptions, type ExportResult } from './export-scorm';

export type Cmi5ExportOptions = Omit<ExportOptions, 'version' | 'lms'>;

export function exportCmi5(options: Cmi5ExportOptions): Promise<ExportResult> {
  // The SCORM version is not used by a cmi5 build; one is named so the build settings are whole.
  return exportScorm({ ...options, version: '2004', lms: 'cmi5' });
}

/** Reads `--path x --out z` (and `--path=x` forms). */
export function parseCmi5Args(argv: string[]): { pathId: string; out?: string } {
  const values: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const match = /^--(path|out)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`Unknown argument "${arg}". Usage: npm run export:cmi5 -- --path <path-id> [--out file.zip]`);
    values[match[1]!] = match[2] ?? argv[++i] ?? '';
  }
  if (!values.path) throw new Error('Say which path to package: --path <path-id> (see content/paths.yaml).');
  return { pathId: values.path, ...(values.out ? { out: values.out } : {}) };
}
