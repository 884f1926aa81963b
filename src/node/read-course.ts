/**
 * Reads a course from disk into the input src/lib/course.ts expects, the same files
 * Astro's content collections read. Used by the content tests and authoring scripts,
 * which run without Astro.
 */
import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CourseInput, MdxSourceFile, SourceFile } from '../lib/course';
import { readYamlFile, splitFrontmatter } from '../lib/yaml-file';

async function yamlFile(root: string, path: string): Promise<SourceFile> {
  const full = join(root, path);
  return { file: path, data: readYamlFile(path, await readFile(full, 'utf8')) };
}

async function mdxFile(root: string, path: string): Promise<MdxSourceFile> {
  const { data, body } = splitFrontmatter(path, await readFile(join(root, path), 'utf8'));
  return { file: path, data, body };
}

/** Reads `content/` and `modules/` under `root` (the project root by default). */
export async function readCourseFiles(root = process.cwd()): Promise<CourseInput> {
  const frameworkDir = join(root, 'content/frameworks');
  const frameworkFiles = existsSync(frameworkDir)
    ? (await readdir(frameworkDir)).filter((f) => /\.ya?ml$/.test(f)).sort()
    : [];
  const modulesDir = join(root, 'modules');
  const moduleDirs = existsSync(modulesDir)
    ? (await readdir(modulesDir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];

  const modules: MdxSourceFile[] = [];
  const lessons: MdxSourceFile[] = [];
  const checks: SourceFile[] = [];
  const scenarios: SourceFile[] = [];
  for (const dir of moduleDirs) {
    const files = (await readdir(join(modulesDir, dir))).sort();
    for (const name of files) {
      const path = relative(root, join(modulesDir, dir, name)).split('\\').join('/');
      if (name === 'index.mdx') modules.push(await mdxFile(root, path));
      else if (/^\d\d-.*\.mdx$/.test(name)) lessons.push(await mdxFile(root, path));
      else if (/^check\.ya?ml$/.test(name)) checks.push(await yamlFile(root, path));
      else if (/^scenario\.ya?ml$/.test(name)) scenarios.push(await yamlFile(root, path));
    }
  }

  return {
    site: await yamlFile(root, 'content/site.yaml'),
    references: await yamlFile(root, 'content/references.yaml'),
    glossary: await yamlFile(root, 'content/glossary.yaml'),
    resources: await yamlFile(root, 'content/resources.yaml'),
    paths: await yamlFile(root, 'content/paths.yaml'),
    frameworks: await Promise.all(frameworkFiles.map((f) => yamlFile(root, `content/frameworks/${f}`))),
    modules,
    lessons,
    checks,
    scenarios,
  };
}
