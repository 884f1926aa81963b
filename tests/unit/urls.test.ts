import { expect, test } from 'vitest';
import { checkHref, lessonHref, withBase } from '../../src/lib/site/urls';

test.each([
  ['/', 'modules/x/', '/modules/x/'],
  ['/training/crosswalk/', 'modules/x/', '/training/crosswalk/modules/x/'],
  ['/training/crosswalk', '/glossary/', '/training/crosswalk/glossary/'],
  ['/training/', '', '/training/'],
])('withBase(%s, %s) → %s', (base, path, expected) => {
  expect(withBase(base, path)).toBe(expected);
});

test('lesson and check links carry section and question anchors', () => {
  expect(lessonHref('orientation/warm-hand-off', 'why-it-matters')).toBe('modules/orientation/warm-hand-off/#why-it-matters');
  expect(checkHref('orientation', 'q1')).toBe('modules/orientation/check/#q-q1');
});
