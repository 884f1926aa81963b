/**
 * Astro content collections: where the course's files come from and the zod schema
 * each must satisfy. Cross-references between files (a module mapping to a duty, a
 * lesson citing a reference, a path naming a module) are checked afterwards by
 * src/lib/course/course.ts, which names the file, the field and the bad value.
 */
import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { z } from 'zod';
import { readYamlFile } from './lib/course/yaml-file';
import { scenarioSchema } from './lib/course/scenario';
import {
  checkSchema,
  frameworkSchema,
  glossaryTermSchema,
  lessonSchema,
  moduleSchema,
  pathSchema,
  referenceSchema,
  resourceSchema,
  siteSchema,
} from './lib/course/schemas';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/**
 * Loads one course-wide YAML file as a single entry, so the whole file is validated
 * together and a syntax error stops the build with the file name and line
 * (Astro's own file() loader only logs a parse error and carries on with nothing).
 */
function courseFile(path: string): Loader {
  return {
    name: 'crosswalk-course-file',
    load: async ({ config, store, parseData, watcher }) => {
      const url = new URL(at(path), config.root);
      const sync = async () => {
        const data = readYamlFile(path, await readFile(url, 'utf8'));
        store.clear();
        store.set({ id: path, data: await parseData({ id: path, data: { file: path, data } }), filePath: path });
      };
      await sync();
      watcher?.add(fileURLToPath(url));
      watcher?.on('change', async (changed) => {
        if (changed === fileURLToPath(url)) await sync();
      });
    },
  };
}

/**
 * Where the course lives. Normally the project root (content/ and modules/); tests and
 * the benchmark point CROSSWALK_COURSE_DIR at a generated course instead.
 */
const courseDir = (process.env.CROSSWALK_COURSE_DIR ?? '.').replace(/\/$/, '');
const at = (path: string) => `${courseDir}/${path}`;

const wrapped = <S extends z.ZodType>(schema: S) => z.object({ file: z.string(), data: schema });

/** `modules/<id>/index.mdx` → id `<id>`. */
const moduleFolder = ({ entry }: { entry: string }) => entry.split('/')[0]!;

export const collections = {
  site: defineCollection({ loader: courseFile('content/site.yaml'), schema: wrapped(siteSchema) }),
  references: defineCollection({ loader: courseFile('content/references.yaml'), schema: wrapped(z.array(referenceSchema)) }),
  glossary: defineCollection({ loader: courseFile('content/glossary.yaml'), schema: wrapped(z.array(glossaryTermSchema)) }),
  resources: defineCollection({ loader: courseFile('content/resources.yaml'), schema: wrapped(z.array(resourceSchema)) }),
  paths: defineCollection({ loader: courseFile('content/paths.yaml'), schema: wrapped(z.array(pathSchema)) }),
  frameworks: defineCollection({
    loader: glob({ pattern: '*.{yaml,yml}', base: at('content/frameworks') }),
    schema: frameworkSchema,
  }),
  modules: defineCollection({
    loader: glob({ pattern: '*/index.mdx', base: at('modules'), generateId: moduleFolder }),
    schema: moduleSchema,
  }),
  lessons: defineCollection({
    loader: glob({ pattern: '*/[0-9][0-9]-*.mdx', base: at('modules'), generateId: ({ entry }) => entry.replace(/\.mdx$/, '') }),
    schema: lessonSchema,
  }),
  checks: defineCollection({
    loader: glob({ pattern: '*/check.{yaml,yml}', base: at('modules'), generateId: moduleFolder }),
    schema: checkSchema,
  }),
  // Structure (no dangling choice, every path ends) is checked by src/lib/course/course.ts.
  scenarios: defineCollection({
    loader: glob({ pattern: '*/scenario.{yaml,yml}', base: at('modules'), generateId: moduleFolder }),
    schema: scenarioSchema,
  }),
};
