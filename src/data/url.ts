import { withBase } from '../lib/site/urls';

/** A link inside the site, under whatever base the course was built with. */
export const url = (path = '') => withBase(import.meta.env.BASE_URL, path);
