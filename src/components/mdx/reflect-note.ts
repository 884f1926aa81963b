/**
 * A reflection's note box (Reflect.astro): shows the note saved for this prompt and saves
 * the learner's note to their journal.
 */
import { $journal, saveNote } from '../../stores/journal';

export function wireNote(box: HTMLElement): void {
  const journal = box.querySelector<HTMLElement>('[data-reflect-journal]');
  if (!journal) return;
  const id = box.dataset.reflectionId!;
  const note = journal.querySelector<HTMLTextAreaElement>('[data-reflect-note]')!;
  const status = journal.querySelector<HTMLElement>('[data-reflect-status]')!;
  const prompt = box.querySelector<HTMLElement>('[data-reflect-prompt]')!.innerText.trim();
  // Typed before this loaded: that text is the learner's, not to be replaced by the saved note.
  let dirty = note.value !== '';
  if (dirty) status.textContent = 'Not saved yet.';

  $journal.subscribe((value) => {
    const entry = value.entries[id];
    // Another tab's save shows here, unless the learner is typing something new.
    if (!dirty) note.value = entry?.text ?? '';
    if (entry && !dirty) status.textContent = `Saved in your journal on ${new Date(entry.updatedAt).toLocaleDateString()}.`;
  });
  note.addEventListener('input', () => {
    dirty = true;
    status.textContent = 'Not saved yet.';
  });

  const save = () => {
    const result = saveNote(id, {
      text: note.value,
      prompt,
      lesson: box.dataset.lessonTitle!,
      module: box.dataset.moduleTitle!,
      href: box.dataset.href!,
    });
    dirty = false;
    status.textContent = result.ok ? (note.value.trim() ? 'Saved in your journal.' : 'Note removed from your journal.') : result.message;
  };
  journal.querySelector('[data-reflect-save]')!.addEventListener('click', save);
}
