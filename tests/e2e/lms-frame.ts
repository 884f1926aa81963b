/**
 * Walking the course inside an LMS launch page's frame (SCORM and cmi5 browser tests): find the
 * course frame by its address, follow a link in it, and finish module alpha of the mini-course
 * (both lessons read, its check passed with every answer right).
 */
import { expect } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { CHECK_READY, markLessonRead } from './browser';

const WAIT = { timeout: 15_000 };

/** `pkg`: the package's folder in the test server's addresses, as a regular expression source ("/pkg/", "/pkg-[^/]+/"). */
export function lmsFrames(pkg: string) {
  async function courseFrame(page: Page, urlPart: RegExp): Promise<Frame> {
    await expect.poll(() => page.frames().some((f) => urlPart.test(f.url())), WAIT).toBe(true);
    return page.frames().find((f) => urlPart.test(f.url()))!;
  }

  /** Clicks the first link in the course frame to `target` (a page of the package) and waits for it. */
  async function follow(frame: Frame, page: Page, target: string): Promise<Frame> {
    await frame.locator(`a[href$="${target}"]`).first().click();
    return courseFrame(page, new RegExp(`${pkg}${target.replace(/[.]/g, '\\.')}$`));
  }

  /** From a page that links to module alpha: reads both its lessons and passes its check. */
  async function passAlpha(frame: Frame, page: Page): Promise<Frame> {
    frame = await follow(frame, page, 'modules/alpha/index.html');
    frame = await follow(frame, page, 'modules/alpha/first-steps/index.html');
    await markLessonRead(frame, WAIT.timeout);
    frame = await follow(frame, page, 'modules/alpha/next/index.html');
    await markLessonRead(frame, WAIT.timeout);
    frame = await follow(frame, page, 'modules/alpha/check/index.html');
    await frame.waitForSelector(CHECK_READY, WAIT);
    await frame.getByLabel('Walk them over and introduce them.', { exact: true }).check();
    await frame.getByLabel('Listen', { exact: true }).check();
    await frame.getByLabel('Paraphrase', { exact: true }).check();
    await frame.getByLabel('How can I help?', { exact: true }).check();
    await frame.getByRole('button', { name: 'Submit my answers' }).click();
    await expect.poll(() => frame.getByText('Passed: you scored 100%').count(), WAIT).toBe(1);
    return frame;
  }

  return { courseFrame, follow, passAlpha };
}
