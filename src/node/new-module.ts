/**
 * `npm run new:module -- <id>`: creates modules/<id>/ with an overview, a first lesson and a
 * check that the build accepts as they are (src/lib/course/scaffold.ts), and prints the next steps.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { moduleIdProblem, nextSteps, scaffoldModule, type ScaffoldContext, type ScaffoldFile } from '../lib/course/scaffold';
import { splitFrontmatter } from '../lib/course/yaml-file';

const asList = (data: unknown): Record<string, unknown>[] => (Array.isArray(data) ? data : []);

/** What the scaffold needs to know about the course under `root`, read leniently: a course with problems elsewhere can still get a new module. */
export async function scaffoldContext(root: string): Promise<ScaffoldContext> {
  const modulesDir = join(root, 'modules');
  const folders = existsSync(modulesDir) ? (await readdir(modulesDir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name) : [];
  const ordersByPart = new Map<string, number[]>();
  for (const folder of folders) {
    const file = join(modulesDir, folder, 'index.mdx');
    if (!existsSync(file)) continue;
    try {
      const data = splitFrontmatter(file, await readFile(file, 'utf8')).data as { part?: unknown; order?: unknown };
      if (typeof data.part === 'string' && typeof data.order === 'number') ordersByPart.set(data.part, [...(ordersByPart.get(data.part) ?? []), data.order]);
    } catch {
      // A module with broken frontmatter says nothing about order; check:content reports it.
    }
  }
  const yaml = async (path: string) => (existsSync(join(root, path)) ? parse(await readFile(join(root, path), 'utf8')) : undefined);
  const site = (await yaml('content/site.yaml')) as { parts?: unknown } | undefined;
  return {
    existing: new Set(folders),
    parts: asList(site?.parts).map((p) => p.id).filter((id): id is string => typeof id === 'string'),
    ordersByPart,
    referenceKeys: asList(await yaml('content/references.yaml')).map((r) => r.key).filter((key): key is string => typeof key === 'string'),
  };
}

/** Writes the new module's files under `root`; never overwrites anything. */
export async function newModule(root: string, id: string): Promise<ScaffoldFile[]> {
  const files = scaffoldModule(id, await scaffoldContext(root));
  for (const file of files) {
    await mkdir(dirname(join(root, file.path)), { recursive: true });
    await writeFile(join(root, file.path), file.text, { flag: 'wx' });
  }
  return files;
}

export async function main(args: string[]): Promise<number> {
  const root = process.env.CROSSWALK_COURSE_DIR ?? '.';
  const id = args[0];
  const problem = moduleIdProblem(id, (await scaffoldContext(root)).existing);
  if (problem || !id) {
    console.error(`✗ ${problem}`);
    return 1;
  }
  try {
    const files = await newModule(root, id);
    console.log(`✓ Created modules/${id}/:\n${files.map((f) => `  ${f.path}`).join('\n')}\n\n${nextSteps(id)}`);
    return 0;
  } catch (error) {
    console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
