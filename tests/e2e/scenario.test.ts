/**
 * A branching practice conversation in real Chromium (mini-course module beta): play it to two
 * different endings by keyboard, step back, restart; the debrief names what was in play.
 */
import { expect, inject, test } from 'vitest';
import { axe, openPage, watchPage, useBrowser } from './browser';

const base = inject('e2e.urls').subpath;
const browser = useBrowser();

test('play to two endings, with step back and restart, by keyboard', async () => {
  const page = await openPage(browser());
  const watch = await watchPage(page, new URL(base).origin);
  await page.goto(new URL('modules/beta/', base).href);
  const player = page.locator('.scenario');
  await player.scrollIntoViewIfNeeded();
  await expect.poll(() => page.locator('astro-island:not([ssr]) .scenario').count(), { timeout: 10_000 }).toBe(1);
  expect(await player.getAttribute('data-scenario-node')).toBe('opening');

  // Keyboard: focus the first choice and press Enter.
  await page.getByRole('button', { name: 'Of course. What do you need?' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => player.getAttribute('data-scenario-node')).toBe('listens');
  expect(await page.evaluate(() => document.activeElement?.classList.contains('scenario__current'))).toBe(true);
  await page.getByRole('button', { name: "Let's find it now; I can print it before we close." }).press('Enter');
  await expect.poll(() => player.getAttribute('data-scenario-ending')).toBe('yes');
  expect(await player.innerText()).toContain('Ending: Help in the time there was');
  expect(await player.innerText()).toContain('The best outcome: this is what the lessons teach.');
  await expect.poll(() => player.locator('.scenario__found').innerText()).toBe('1 of 2 endings found, including the best one.');
  expect(await player.locator('.scenario__maps a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).hash))).toEqual(['#copeland-01']);
  expect(await player.locator('.scenario__transcript li').count()).toBe(2);
  expect(await axe(page)).toEqual([]);

  // Step back one choice, then restart and take the other branch.
  await page.getByRole('button', { name: 'Step back' }).press('Enter');
  await expect.poll(() => player.getAttribute('data-scenario-node')).toBe('listens');
  // Stepping back moves focus to the conversation's current line in the same render.
  expect(await page.evaluate(() => document.activeElement?.classList.contains('scenario__current'))).toBe(true);
  await page.getByRole('button', { name: 'Restart' }).press('Enter');
  await expect.poll(() => player.getAttribute('data-scenario-node')).toBe('opening');
  await page.getByRole('button', { name: "We're closing, come back tomorrow." }).press('Enter');
  await expect.poll(() => player.getAttribute('data-scenario-node')).toBe('sent-away');
  expect(await player.innerText()).toContain('Ending: A cold send-off');
  expect(await player.innerText()).toContain('Quick, and it leaves the patron to start again tomorrow.');

  expect(watch.problems()).toEqual([]);
  await page.context().close();
});

test('endings found are kept with progress, and the choices are not always in the order written', async () => {
  const page = await openPage(browser());
  await page.goto(new URL('modules/beta/', base).href);
  const player = page.locator('.scenario');
  await player.scrollIntoViewIfNeeded();
  await expect.poll(() => page.locator('astro-island:not([ssr]) .scenario').count(), { timeout: 10_000 }).toBe(1);
  await expect.poll(() => player.locator('.scenario__found').innerText()).toBe('This conversation has 2 endings. None found yet.');
  await page.getByRole('button', { name: "We're closing, come back tomorrow." }).click();
  await expect.poll(() => player.locator('.scenario__found').innerText()).toBe('1 of 2 endings found, not yet the best one.');
  expect(await player.innerText()).toContain('A missed chance');

  // A new visit remembers the ending found (it is kept with progress, so backups carry it).
  await page.reload();
  await player.scrollIntoViewIfNeeded();
  await expect.poll(() => player.locator('.scenario__found').innerText(), { timeout: 10_000 }).toBe('1 of 2 endings found, not yet the best one.');

  // Over a few visits the two opening choices appear in both orders: no fixed place gives the best one away.
  const firsts = new Set<string>();
  for (let visit = 0; visit < 12 && firsts.size < 2; visit++) {
    await page.reload();
    await player.scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator('astro-island:not([ssr]) .scenario').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => player.locator('.scenario__found').innerText()).toContain('1 of 2');
    firsts.add(await player.locator('.scenario__choices button').first().innerText());
  }
  expect(firsts.size).toBe(2);
  await page.context().close();
});
