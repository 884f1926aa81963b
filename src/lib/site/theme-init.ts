/**
 * The one inline script of the site: it applies a stored light/dark choice before first
 * paint, so a dark-theme reader never sees a white flash. It is inline because an external
 * file would arrive too late; the Content-Security-Policy allows it by its SHA-256 hash,
 * which astro.config.mjs computes from this same string (so editing it cannot break the page).
 * Read-only: the theme store (src/stores/theme.ts) owns writing the key.
 */
/** Where the reader's theme choice is kept (src/stores/theme.ts). */
export const THEME_KEY = 'crosswalk:theme';

export const THEME_INIT_SCRIPT = `try{var t=localStorage.getItem(${JSON.stringify(THEME_KEY)});if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}`;
