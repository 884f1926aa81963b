/**
 * A library's own settings, as the mini-course fixture sets them (content/site.yaml: logo,
 * logoAlt, accentColor, accentColorDark; a placeholder referral), built under a sub-path:
 * the header shows the logo and the library's name, the accent colours apply in both themes
 * through /theme.css (no inline styles, under the Content-Security-Policy), hand-off lessons
 * list the library's own referrals, and placeholders say so in words. Axe-clean in both themes.
 */
import { describe, expect, inject, test } from 'vitest';
import { axe, openPage, report, settle, useBrowser, watchPage } from './browser';

const siteUrl = inject('e2e.urls').subpath;
const origin = new URL(siteUrl).origin;
const browser = useBrowser();

describe.each(['light', 'dark'] as const)('%s theme', (colorScheme) => {
  const accent = colorScheme === 'light' ? 'rgb(107, 45, 92)' : 'rgb(224, 169, 210)';

  test('the header shows the library logo and name; buttons and links take the accent colour', async () => {
    const page = await openPage(browser(), { colorScheme });
    try {
      const watch = await watchPage(page, origin);
      await page.goto(new URL('modules/alpha/next/', siteUrl).href, { waitUntil: 'load' });
      // Under the site's Content-Security-Policy: a blocked stylesheet or image would show here.
      const problems = [...(await settle(page)), ...watch.problems()];
      if (problems.length) expect.fail(report(`modules/alpha/next/ (${colorScheme})`, problems));

      const logo = page.locator('header .brand img.brand__logo');
      await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
      expect(await logo.getAttribute('alt')).toBe('Fixture Library logo');
      expect(new URL((await logo.evaluate((img: HTMLImageElement) => img.src))).pathname).toBe('/training/crosswalk/fixture-logo.svg');
      expect(await logo.isVisible()).toBe(true);
      expect(await page.locator('header .brand').innerText()).toContain('Fixture Library');

      const button = page.getByRole('button', { name: 'Check my answer' });
      expect(await button.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(accent);
      // The list's own link (its phone numbers are links too, since issue 20).
      const link = page.locator('main .referrals').getByRole('link', { name: 'Help and referrals' });
      expect(await link.evaluate((el) => getComputedStyle(el).color)).toBe(accent);
      // Applied by a stylesheet, never by a style attribute (the CSP would block one).
      expect(await page.locator('header [style], main .referrals [style]').count()).toBe(0);
    } finally {
      await page.context().close();
    }
  });

  test.each(['', 'modules/alpha/next/', 'resources/'])('axe finds no WCAG A/AA violation on /%s with the logo, accent and placeholder flags', async (route) => {
    const page = await openPage(browser(), { colorScheme });
    try {
      await page.goto(new URL(route, siteUrl).href, { waitUntil: 'load' });
      await settle(page);
      const violations = await axe(page);
      if (violations.length) expect.fail(report(`/${route} (${colorScheme})`, violations));
    } finally {
      await page.context().close();
    }
  });
});

test("a hand-off lesson lists the library's own referrals, placeholders marked in words", async () => {
  const page = await openPage(browser());
  try {
    await page.goto(new URL('modules/alpha/next/', siteUrl).href, { waitUntil: 'load' });
    const list = page.getByRole('complementary', { name: 'Fixture Library: referral list' });
    await expect.poll(() => list.isVisible()).toBe(true);
    const text = await list.innerText();
    expect(text).toContain('[Your library] social worker');
    expect(text).toContain('Replace before use');
    // Local services only, by default: the national line is on the Resources page.
    expect(text).not.toContain('988');
    expect(await list.getByRole('link', { name: 'Help and referrals' }).getAttribute('href')).toBe('/training/crosswalk/resources/');
  } finally {
    await page.context().close();
  }
});

test('the Resources page marks each placeholder in words', async () => {
  const page = await openPage(browser());
  try {
    await page.goto(new URL('resources/', siteUrl).href, { waitUntil: 'load' });
    const card = page.locator('#local-social-worker');
    expect(await card.innerText()).toContain('Replace before use');
    expect(await page.locator('#lifeline-988').innerText()).not.toContain('Replace before use');
  } finally {
    await page.context().close();
  }
});
