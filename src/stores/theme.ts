/**
 * The reader's colour theme. Stored as a plain string:
 *   localStorage["crosswalk:theme"] = "dark"   // or "light"; absent = follow the system
 * Any other stored value is treated as "system". The inline script in
 * src/lib/site/theme-init.ts reads the same key before first paint (to avoid a
 * flash of the wrong theme); this store is the only code that writes it.
 */
import { persistentAtom } from '@nanostores/persistent';
import { THEME_KEY } from '../lib/site/theme-init';
// Installs the guarded storage engine before this store first reads.
import './storage';

export { THEME_KEY };

export type Theme = 'system' | 'light' | 'dark';

export const $theme = persistentAtom<Theme>(THEME_KEY, 'system', {
  decode: (value) => (value === 'light' || value === 'dark' ? value : 'system'),
  encode: (value) => value,
});

export function setTheme(theme: Theme): void {
  $theme.set(theme);
}
