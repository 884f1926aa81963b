/**
 * The library's accent colours as a stylesheet (/theme.css), generated from content/site.yaml at
 * build time. A file rather than inline CSS: the Content-Security-Policy allows stylesheets from
 * this site and hashed <style> elements only, never style attributes.
 */
import type { APIRoute } from 'astro';
import { getCourse } from '../data/course';
import { themeStylesheet } from '../lib/course/tailoring';

export const GET: APIRoute = async () => {
  const { site } = await getCourse();
  return new Response(themeStylesheet(site), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
};
