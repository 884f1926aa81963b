/**
 * What the search index holds, taken from the course graph: every lesson section (linked to its
 * anchor), each lesson's opening, each module, glossary term, reference and referral resource.
 * Check questions are left out: they repeat what the sections teach, and the answer to "where is
 * this taught" is the section.
 */
import type { Course } from '../course/course';
import { lessonHref, moduleHref } from './urls';
import { buildSearchIndex, type SearchIndexFile, type SearchSource } from './search';
import { searchSynonyms } from './search-synonyms';

export function searchSources(course: Course): SearchSource[] {
  const sources: SearchSource[] = [];
  for (const module of course.modules) {
    sources.push({
      kind: 'module',
      title: module.title,
      context: course.parts.find((p) => p.id === module.part)?.title ?? 'Module',
      href: moduleHref(module.id),
      lead: module.summary,
      body: [...module.objectives, ...(module.recap ? [...module.recap.say, ...module.recap.avoid, module.recap.handOff] : [])].join(' '),
    });
    for (const lesson of module.lessons) {
      sources.push({ kind: 'lesson', title: lesson.title, context: module.title, href: lessonHref(lesson.id), body: `${lesson.summary ?? ''} ${lesson.intro}` });
      for (const section of lesson.sections) {
        sources.push({ kind: 'section', title: section.title, context: `${lesson.title} · ${module.title}`, href: lessonHref(lesson.id, section.slug), body: section.text, topic: `${lesson.title} ${module.title}` });
      }
    }
  }
  for (const term of course.glossary) {
    sources.push({ kind: 'glossary', title: term.term, context: 'Glossary', href: `glossary/#${term.id}`, lead: (term.aka ?? []).join(' '), body: term.definition });
  }
  for (const ref of course.references.values()) {
    sources.push({ kind: 'reference', title: ref.short, context: 'References', href: `references/#ref-${ref.key}`, body: ref.apa.replace(/\*/g, '') });
  }
  for (const resource of course.resources) {
    // "Call or text 988" is a phone number even though it never says so: staff ask for "the number".
    const phone = /\d{3}/.test(resource.contact) ? ' phone number' : '';
    sources.push({ kind: 'resource', title: resource.name, context: 'Help and referrals', href: `resources/#${resource.id}`, lead: `${resource.helpsWith} ${resource.contact}${phone}`, body: [resource.hours, resource.note ?? ''].join(' ') });
  }
  return sources;
}

/** The course's search index: its documents, and the glossary's and the file's synonym groups. */
export function courseSearchIndex(course: Course, synonymsFromFile: readonly string[][] = []): SearchIndexFile {
  return buildSearchIndex(searchSources(course), searchSynonyms(course.glossary, synonymsFromFile));
}
