/**
 * Runs one of the package exports (export:scorm, export:cmi5) on the mini-course, as a trainer
 * would from the command line, for the LMS browser tests. Rejects with the command's output.
 */
import { spawn } from 'node:child_process';
import { PROJECT_ROOT } from './site';

const FIXTURE = 'tests/fixtures/mini-course';

export function exportPackage(script: 'src/node/export-scorm-cli.mjs' | 'src/node/export-cmi5-cli.mjs', args: string[], label: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, CROSSWALK_COURSE_DIR: FIXTURE },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${label} failed (exit ${code}):\n${output}`))));
  });
}
