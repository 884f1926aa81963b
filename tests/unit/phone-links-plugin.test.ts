/**
 * Lesson prose through Sätteri, Astro 7's Markdown and MDX processor, with the phone-link step
 * (issue 20): 988 and 911 become tap-to-call (and tap-to-text) links, never inside a link, a
 * heading or an interactive component.
 */
import { expect, test } from 'vitest';
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { phoneLinksPlugin } from '../../src/lib/site/phone-links-plugin';

async function render(markdown: string): Promise<string> {
  const processor = await createSatteriMarkdownProcessor({ hastPlugins: [phoneLinksPlugin as never] });
  return (await processor.render(markdown)).code;
}
const links = (html: string) => [...html.matchAll(/<a class="phone phone--(tel|sms)" href="([^"]+)">([^<]+)<\/a>/g)].map((m) => `${m[3]} → ${m[2]}`);

test('prose numbers become links, with the words around them kept', async () => {
  const html = await render('If life is in danger, call 911. For the Lifeline, call or text 988 together.');
  expect(links(html)).toEqual(['911 → tel:911', 'call 988 → tel:988', 'text 988 → sms:988']);
  expect(html.replace(/<[^>]+>/g, '')).toContain('If life is in danger, call 911. For the Lifeline, call 988 or text 988 together.');
});

test('a heading, a link and code are left alone', async () => {
  const html = await render('## When to call 911\n\nSee [988](https://988lifeline.org) and `911`, or call 911.');
  expect(links(html)).toEqual(['911 → tel:911']);
  expect(html).toContain('When to call 911</h2>');
});

test('text with no number is untouched', async () => {
  expect(links(await render('Listen first; then offer the referral list.'))).toEqual([]);
});
