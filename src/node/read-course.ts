/**
 * Reads a course from disk into the input src/lib/course/course.ts expects, the same files
 * Astro's content collections read. Used by the content tests and authoring scripts,
 * which run without Astro.
 */
import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CourseInput, MdxSourceFile, SourceFile } from '../lib/course/course';
import { ContentFileError, readYamlFile, splitFrontmatter } from '../lib/course/yaml-file';

/**
 * Where to put files that cannot be parsed (YAML syntax, no frontmatter). Without it the first
 * such file throws; with it, reading goes on so every problem can be listed at once, and the
 * broken file is handed on with no data.
 */
type SyntaxErrors = ContentFileError[] | undefined;

async function parsed<T>(path: string, errors: SyntaxErrors, read: () => Promise<T>, empty: T): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (!(error instanceof ContentFileError) || !errors) throw error;
    errors.push(error);
    return empty;
  }
}

async function yamlFile(root: string, path: string, errors?: SyntaxErrors): Promise<SourceFile> {
  const full = join(root, path);
  if (errors && !existsSync(full)) {
    errors.push(new ContentFileError(path, undefined, 'file is missing'));
    return { file: path, data: undefined };
  }
  return parsed(path, errors, async () => ({ file: path, data: readYamlFile(path, await readFile(full, 'utf8')) }), { file: path, data: undefined });
}

async function mdxFile(root: string, path: string, errors?: SyntaxErrors): Promise<MdxSourceFile> {
  return parsed(
    path,
    errors,
    async () => {
      const { data, body } = splitFrontmatter(path, await readFile(join(root, path), 'utf8'));
      return { file: path, data, body };
    },
    { file: path, data: undefined, body: '' },
  );
}

/** Every file under `dir`, named relative to it with forward slashes. */
async function listFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

/** Reads `content/`, `modules/` and the list of `public/` files under `root` (the project root by default). */
export async function readCourseFiles(root = process.cwd(), syntaxErrors?: ContentFileError[]): Promise<CourseInput> {
  const errors = syntaxErrors;
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
      if (name === 'index.mdx') modules.push(await mdxFile(root, path, errors));
      else if (/^\d\d-.*\.mdx$/.test(name)) lessons.push(await mdxFile(root, path, errors));
      else if (/^check\.ya?ml$/.test(name)) checks.push(await yamlFile(root, path, errors));
      else if (/^scenario\.ya?ml$/.test(name)) scenarios.push(await yamlFile(root, path, errors));
    }
  }

  return {
    site: await yamlFile(root, 'content/site.yaml', errors),
    references: await yamlFile(root, 'content/references.yaml', errors),
    glossary: await yamlFile(root, 'content/glossary.yaml', errors),
    resources: await yamlFile(root, 'content/resources.yaml', errors),
    paths: await yamlFile(root, 'content/paths.yaml', errors),
    frameworks: await Promise.all(frameworkFiles.map((f) => yamlFile(root, `content/frameworks/${f}`, errors))),
    modules,
    lessons,
    checks,
    scenarios,
    publicFiles: new Set(await listFiles(join(root, 'public'))),
  };
}
