/**
 * /manifest.webmanifest: lets browsers install the course as an app. Linked from every page
 * (src/layouts/Base.astro); built from content/site.yaml so a library's names show on the
 * home screen.
 */
import type { APIRoute } from 'astro';
import { getCourse } from '../data/course';
import { webManifest } from '../lib/site/web-manifest';

export const GET: APIRoute = async () => {
  const { site } = await getCourse();
  const manifest = webManifest({ libraryName: site.libraryName, shortName: site.shortName, base: import.meta.env.BASE_URL });
  return new Response(JSON.stringify(manifest, null, 2), { headers: { 'content-type': 'application/manifest+json' } });
};
