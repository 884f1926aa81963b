/**
 * Opening the search dialog (SearchDialog.astro): the button, Ctrl/Cmd+K and "/". Only this
 * loads with the page; the dialog is built, and the search (./search-dialog.ts and the index it
 * fetches) loaded, the first time it opens.
 */
export function bootSearchDialog(): void {
  const opener = document.querySelector<HTMLButtonElement>('[data-search-open]');
  if (!opener) return;
  let returnTo: HTMLElement | null = null;
  let ready: Promise<HTMLDialogElement> | undefined;

  const open = () => {
    if (document.querySelector<HTMLDialogElement>('dialog[data-search-dialog]')?.open) return;
    returnTo = document.activeElement as HTMLElement | null;
    ready ??= import('./search-dialog')
      .then(({ createSearchDialog }) => createSearchDialog(opener.dataset.base ?? '/', { leaving: () => (returnTo = null) }))
      .then((dialog) => {
        dialog.addEventListener('close', () => returnTo?.focus());
        return dialog;
      });
    ready.then(
      (dialog) => {
        if (dialog.open) return;
        dialog.showModal();
        const input = dialog.querySelector<HTMLInputElement>('[data-search-input]')!;
        input.focus();
        input.select();
      },
      () => {
        ready = undefined;
        // Without the dialog there is still the search page, which says what went wrong.
        location.href = `${opener.dataset.base ?? '/'}search/`;
      },
    );
  };

  opener.addEventListener('click', open);
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement | null;
    const typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if ((event.key === 'k' || event.key === 'K') && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      open();
    } else if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      open();
    }
  });
}
