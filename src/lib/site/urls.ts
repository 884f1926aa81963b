/**
 * Site-relative links that keep working when the course is hosted in a folder
 * (Astro `base`, e.g. `/training/crosswalk/`).
 */

/** Joins the site base and a path inside the site: ('/training/', 'modules/x/') → '/training/modules/x/'. */
export function withBase(base: string, path: string): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  return `${root}${path.replace(/^\/+/, '')}`;
}

export const moduleHref = (moduleId: string) => `modules/${moduleId}/`;
export const lessonHref = (lessonId: string, anchor?: string) => `modules/${lessonId}/${anchor ? `#${anchor}` : ''}`;
export const checkHref = (moduleId: string, questionLocalId?: string) => `modules/${moduleId}/check/${questionLocalId ? `#q-${questionLocalId}` : ''}`;
export const pathHref = (pathId: string) => `paths/${pathId}/`;
