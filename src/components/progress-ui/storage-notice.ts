/**
 * The storage notice's content (StorageNotice.astro): says plainly when progress is not being
 * kept, when shared-computer mode is on, or when saved data was damaged and set aside.
 */
import { $storageHealth, dismissQuarantineNotices, quarantinedValues, clearAllData, setSharedComputerMode } from '../../stores/storage';

export function showStorageNotice(box: HTMLElement): void {
  const progressHref = box.dataset.progressHref ?? '/progress/';

  function paragraph(text: string, strong?: string) {
    const p = document.createElement('p');
    if (strong) {
      const b = document.createElement('strong');
      b.textContent = strong;
      p.append(b, ' ');
    }
    p.append(text);
    return p;
  }

  function button(label: string, onClick: () => void, quiet = true) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    if (quiet) b.className = 'button--quiet';
    b.addEventListener('click', onClick);
    return b;
  }

  function link(label: string, href: string) {
    const a = document.createElement('a');
    a.href = href;
    a.textContent = label;
    return a;
  }

  function render() {
    const health = $storageHealth.get();
    const parts: HTMLElement[] = [];
    if (health.mode === 'memory') {
      parts.push(paragraph('This browser is not letting the course save anything, so your progress will be lost when you close this page. You can still read every lesson and take every check.', 'Progress is not being saved.'));
    } else if (!health.saving) {
      const why =
        health.mode === 'lms'
          ? 'Your learning system (LMS) did not accept your latest progress.'
          : health.problem === 'quota'
            ? 'This browser’s storage for the course is full.'
            : 'The browser refused to save your latest progress.';
      const p = paragraph(`${why} What you do now is kept only until you close this page. Export a backup from `, 'Progress is not being saved.');
      p.append(link('My progress', progressHref), '.');
      parts.push(p);
    }
    if (health.mode === 'session') {
      const p = paragraph('Nothing you do here is kept after you close this tab.', 'Shared-computer mode.');
      const actions = document.createElement('p');
      actions.className = 'storage-notice__actions';
      actions.append(
        button('Clear my data now', () => {
          clearAllData();
          location.reload();
        }),
        button('Leave shared-computer mode', () => {
          setSharedComputerMode(false);
          location.reload();
        }),
      );
      parts.push(p, actions);
    }
    if (health.quarantined.length > 0) {
      const p = paragraph(
        'Some saved course data in this browser was damaged and could not be read. It has been set aside, not deleted, and the course started that part afresh. Your other progress is safe.',
        'Some saved data could not be read.',
      );
      const actions = document.createElement('p');
      actions.className = 'storage-notice__actions';
      actions.append(
        button('Download the damaged data', () => {
          const blob = new Blob([JSON.stringify(quarantinedValues(), null, 2)], { type: 'application/json' });
          const a = document.createElement('a');
          a.href = URL.createObjectURL(blob);
          a.download = 'crosswalk-damaged-data.json';
          a.click();
          setTimeout(() => URL.revokeObjectURL(a.href), 1000);
        }),
        button('Dismiss', () => dismissQuarantineNotices()),
      );
      parts.push(p, actions);
    }
    box.replaceChildren(...parts);
    box.classList.toggle('storage-notice--visible', parts.length > 0);
  }

  $storageHealth.subscribe(render);
}
