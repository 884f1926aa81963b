/**
 * Builds one module's check from its check.yaml, for buildCourse (course.ts): the question bank,
 * its scenario sets and the practice questions, each `teaches` resolved to a lesson section.
 */
import { checkSchema } from './schemas';
import type { CheckItem, CourseCheck, CourseLesson, CourseQuestion, ProblemCollector, SourceFile, TeachingLink } from './course';

/** Builds a module's check: resolves each `teaches` to a lesson section and checks question ids, correct options, sources and draw. */
export function buildCheck(moduleId: string, source: SourceFile, lessons: CourseLesson[], problems: ProblemCollector): CourseCheck | undefined {
  const data = problems.parse(checkSchema, source);
  if (!data) return undefined;
  const lessonsByStem = new Map(lessons.map((l) => [l.stem, l]));

  const resolveTeaches = (value: string, field: string): TeachingLink => {
    const [stem = '', anchor = ''] = value.split('#');
    const lesson = lessonsByStem.get(stem);
    const fallback = { lessonId: `${moduleId}/${stem}`, anchor, sectionTitle: '' };
    if (!lesson) {
      problems.report(source.file, field, `"${value}" names no lesson in modules/${moduleId}/`, problems.hintFor(stem, lessonsByStem.keys(), 'write it as <lesson file name>#<section anchor>'));
      return fallback;
    }
    if (!anchor) {
      problems.report(source.file, field, `"${value}" names no section`, `write it as ${stem}#<section anchor>`);
      return { ...fallback, lessonId: lesson.id };
    }
    const section = lesson.sections.find((s) => s.slug === anchor);
    if (!section) {
      const known = lesson.sections.map((s) => s.slug);
      problems.report(source.file, field, `no section "#${anchor}" in ${lesson.file}`, problems.hintFor(anchor, known, `its sections are: ${known.join(', ') || 'none (add a ## heading)'}`));
      return { ...fallback, lessonId: lesson.id };
    }
    return { lessonId: lesson.id, anchor, sectionTitle: section.title };
  };

  const seen = new Set<string>();
  const toQuestion = (q: (typeof data.items)[number] & { type: 'single' | 'multiple' }, field: string, scenario?: CourseQuestion['scenario']): CourseQuestion => {
    if (seen.has(q.id) || (scenario && scenario.id === q.id)) problems.report(source.file, `${field}.id`, `duplicate question id "${q.id}"`);
    seen.add(q.id);
    const correct = q.options.filter((o) => o.correct).length;
    if (correct === 0) problems.report(source.file, `${field}.options`, `question "${q.id}" has no correct option`, 'mark one with correct: true');
    if (q.type === 'single' && correct > 1) problems.report(source.file, `${field}.options`, `single-choice question "${q.id}" has ${correct} correct options`, 'use type: multiple, or mark only one correct');
    q.sources.forEach((key, i) => problems.requireReference(source.file, `${field}.sources[${i}]`, key));
    const teaches = resolveTeaches(q.teaches, `${field}.teaches`);
    return {
      id: `${moduleId}/${q.id}`,
      localId: q.id,
      moduleId,
      type: q.type,
      prompt: q.prompt,
      teaches,
      sources: q.sources,
      scenario,
      options: q.options.map((o, i) => ({
        id: String.fromCharCode(97 + i),
        text: o.text,
        correct: o.correct,
        feedback: o.feedback,
        teaches: o.teaches ? resolveTeaches(o.teaches, `${field}.options[${i}].teaches`) : teaches,
        ...(o.discloses ? { discloses: true } : {}),
      })),
    };
  };

  const items: CheckItem[] = data.items.map((item, index) => {
    const field = `items[${index}]`;
    if (item.type === 'scenario') {
      if (seen.has(item.id)) problems.report(source.file, `${field}.id`, `duplicate id "${item.id}"`);
      seen.add(item.id);
      const scenario = { id: item.id, title: item.title, case: item.case };
      return {
        kind: 'scenario',
        ...scenario,
        questions: item.questions.map((q, qi) => toQuestion(q, `${field}.questions[${qi}]`, scenario)),
      };
    }
    return { kind: 'question', question: toQuestion(item, field) };
  });
  const questions = items.flatMap((item) => (item.kind === 'scenario' ? item.questions : [item.question]));
  const practice = data.practice.map((q, i) => toQuestion(q, `practice[${i}]`));
  if (data.draw !== undefined && data.draw > items.length) problems.report(source.file, 'draw', `draw is ${data.draw} but the bank has ${items.length} item${items.length === 1 ? '' : 's'}`, 'draw at most as many items as the bank holds, or add items');
  return { file: source.file, passMark: data.passMark, draw: Math.min(data.draw ?? items.length, items.length), items, questions, practice };
}
