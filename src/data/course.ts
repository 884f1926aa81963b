/**
 * The course graph for pages, read once per build from Astro's content collections.
 * All joining and checking happens in src/lib/course/course.ts; this file only adapts
 * collection entries to its input.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildCourse, type Course, type CourseInput, type MdxSourceFile, type SourceFile } from '../lib/course/course';

let cached: Promise<Course> | undefined;

type Wrapped = { data: { file: string; data: unknown } };

async function one(name: 'site' | 'references' | 'glossary' | 'resources' | 'paths'): Promise<SourceFile> {
  const [entry] = (await getCollection(name)) as Wrapped[];
  if (!entry) throw new Error(`content/${name}.yaml is missing`);
  return { file: entry.data.file, data: entry.data.data };
}

function mdx(entry: CollectionEntry<'modules'> | CollectionEntry<'lessons'>): MdxSourceFile {
  return { file: entry.filePath ?? `modules/${entry.id}`, data: entry.data, body: entry.body ?? '' };
}

async function load(): Promise<Course> {
  const input: CourseInput = {
    site: await one('site'),
    references: await one('references'),
    glossary: await one('glossary'),
    resources: await one('resources'),
    paths: await one('paths'),
    frameworks: (await getCollection('frameworks')).map((e) => ({ file: e.filePath ?? e.id, data: e.data })),
    modules: (await getCollection('modules')).map(mdx),
    lessons: (await getCollection('lessons')).map(mdx),
    checks: (await getCollection('checks')).map((e) => ({ file: e.filePath ?? e.id, data: e.data })),
    scenarios: (await getCollection('scenarios')).map((e) => ({ file: e.filePath ?? e.id, data: e.data })),
  };
  return buildCourse(input);
}

/** The validated course. Throws CourseValidationError (failing the build) on any broken reference. */
export function getCourse(): Promise<Course> {
  cached ??= load();
  return cached;
}
