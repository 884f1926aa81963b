/**
 * A synthetic course ten times the size of the real one, for build-time figures: content/ as it
 * is, and every module folder copied nine more times under new ids (`<id>-x2` … `<id>-x10`).
 * Everything inside a module (lessons, question and reflection ids) is scoped to it, so a copy
 * needs no other change to build.
 */
import { cp, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';

export async function writeScaledCourse(root: string, dest: string, times = 10): Promise<{ modules: number }> {
  await mkdir(dest, { recursive: true });
  await cp(path.join(root, 'content'), path.join(dest, 'content'), { recursive: true });
  const modules = (await readdir(path.join(root, 'modules'), { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
  for (const id of modules) {
    for (let copy = 1; copy <= times; copy++) {
      await cp(path.join(root, 'modules', id), path.join(dest, 'modules', copy === 1 ? id : `${id}-x${copy}`), { recursive: true });
    }
  }
  return { modules: modules.length * times };
}
