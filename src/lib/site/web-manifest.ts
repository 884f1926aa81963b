/**
 * The web app manifest (manifest.webmanifest): what a browser needs to install the course as
 * an app (Add to Home Screen, Install). Names come from content/site.yaml; every URL is under
 * the base, so a course hosted in a folder installs as that folder only.
 */

/** The course's accent blue, as in public/favicon.svg and the light theme's --accent. */
export const THEME_COLOUR = '#1f5f8b';
/** The light theme's page background (--bg), shown while the installed app starts. */
export const BACKGROUND_COLOUR = '#fbfaf7';

export interface WebManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose?: 'any' | 'maskable';
}

export interface WebManifest {
  name: string;
  short_name: string;
  description: string;
  id: string;
  start_url: string;
  scope: string;
  display: 'standalone';
  lang: string;
  theme_color: string;
  background_color: string;
  icons: WebManifestIcon[];
}

export interface WebManifestInput {
  libraryName: string;
  shortName: string;
  /** The site's base path, e.g. '/' or '/training/crosswalk/'. */
  base: string;
}

/** Builds the manifest for a course built at `base`. */
export function webManifest({ libraryName, shortName, base }: WebManifestInput): WebManifest {
  const scope = base.endsWith('/') ? base : `${base}/`;
  return {
    name: `${shortName} · ${libraryName}`,
    short_name: shortName,
    description: 'Peer skills for library staff: a self-paced course that works offline once opened.',
    id: scope,
    start_url: scope,
    scope,
    display: 'standalone',
    lang: 'en',
    theme_color: THEME_COLOUR,
    background_color: BACKGROUND_COLOUR,
    icons: [
      { src: `${scope}favicon.svg`, sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
      { src: `${scope}icon-192.png`, sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: `${scope}icon-512.png`, sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: `${scope}icon-maskable-512.png`, sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}
