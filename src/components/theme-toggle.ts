/**
 * The light/dark button (ThemeToggle.astro). It reads the page's current theme (set before
 * first paint by src/lib/site/theme-init.ts) without the store; the theme store, the only code
 * that writes the choice, loads on the first press.
 */
type Theme = 'system' | 'light' | 'dark';

export function bootThemeToggle(): void {
  const buttons = [...document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')];
  if (buttons.length === 0) return;
  const prefersDark = window.matchMedia('(prefers-color-scheme: dark)');
  const current = (): Theme => (document.documentElement.dataset.theme as Theme | undefined) ?? 'system';
  const isDark = () => current() === 'dark' || (current() === 'system' && prefersDark.matches);

  const render = (theme: Theme) => {
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
    for (const button of buttons) {
      button.setAttribute('aria-pressed', String(isDark()));
      // The visible label says the state too, not only the pressed look.
      const state = button.querySelector('[data-theme-state]');
      if (state) state.textContent = isDark() ? ': on' : ': off';
    }
  };

  let store: Promise<typeof import('../stores/theme')> | undefined;
  const openStore = () =>
    (store ??= import('../stores/theme').then((module) => {
      // From now on the store says what the theme is, including choices made in other tabs.
      module.$theme.subscribe(render);
      return module;
    }));

  for (const button of buttons) {
    button.addEventListener('click', () => {
      const next = isDark() ? 'light' : 'dark';
      // Back to following the system when the choice matches it.
      const choice: Theme = (next === 'dark') === prefersDark.matches ? 'system' : next;
      render(choice);
      void openStore().then(({ setTheme }) => setTheme(choice));
    });
  }
  render(current());
  prefersDark.addEventListener('change', () => render(current()));
}
