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
  expect(await player.locator('.scenario__maps a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).hash))).toEqual(['#copeland-01']);
  expect(await player.locator('.scenario__transcript li').count()).toBe(2);
  expect(await axe(page)).toEqual([]);

  // Step back one choice, then restart and take the other branch.
  await page.getByRole('button', { name: 'Step back' }).press('Enter');
  await expect.poll(() => player.getAttribute('data-scenario-node')).toBe('listens');
  // Stepping back moves focus to the conversation's current line (on the next frame): wait for
  // it, or that move can land between focusing Restart and pressing Enter on a busy machine.
  await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('scenario__current'))).toBe(true);
  await page.getByRole('button', { name: 'Restart' }).press('Enter');
  await expect.poll(() => player.getAttribute('data-scenario-node')).toBe('opening');
  await page.getByRole('button', { name: "We're closing, come back tomorrow." }).press('Enter');
  await expect.poll(() => player.getAttribute('data-scenario-node')).toBe('sent-away');
  expect(await player.innerText()).toContain('Ending: A cold send-off');
  expect(await player.innerText()).toContain('Quick, and it leaves the patron to start again tomorrow.');

  expect(watch.problems()).toEqual([]);
  await page.context().close();
});
