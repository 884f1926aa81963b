/**
 * Opening the search dialog (SearchDialog.astro): the button, Ctrl/Cmd+K and "/". Only this
 * loads with the page; the search itself (./search-dialog.ts and the index it fetches) loads
 * the first time the dialog opens.
 */
export function bootSearchDialog(): void {
  const dialog = document.querySelector<HTMLDialogElement>('[data-search-dialog]');
  const opener = document.querySelector<HTMLButtonElement>('[data-search-open]');
  if (!dialog || !opener) return;
  const input = dialog.querySelector<HTMLInputElement>('[data-search-input]')!;
  const status = dialog.querySelector<HTMLElement>('[data-search-status]')!;
  let returnTo: HTMLElement | null = null;
  let wired: Promise<void> | undefined;

  const open = () => {
    if (dialog.open) return;
    returnTo = document.activeElement as HTMLElement | null;
    dialog.showModal();
    input.focus();
    input.select();
    wired ??= import('./search-dialog')
      .then(({ wireSearchDialog }) => wireSearchDialog(dialog, { leaving: () => (returnTo = null) }))
      .catch(() => {
        wired = undefined;
        status.textContent = 'Search could not load. Check your connection and try again, or browse the modules.';
      });
  };

  opener.addEventListener('click', open);
  dialog.addEventListener('close', () => returnTo?.focus());
  // A click on the backdrop (outside the inner box) closes, as people expect of a dialog.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
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
