/**
 * Every referral a lesson or check item points to exists: a mention of 988, the person in
 * charge, the school counselor, the behavior policy… has its entry in content/resources.yaml
 * or its field in content/site.yaml. A failure names the lesson line and the entry to restore.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REFERRAL_PHRASES, describeTarget, referralExists, referralsMentioned } from '../../src/lib/course/referrals';
import { ROOT, modulePieces } from './prose-pieces';

const resources = parse(readFileSync(join(ROOT, 'content/resources.yaml'), 'utf8')) as { id: string }[];
const site = parse(readFileSync(join(ROOT, 'content/site.yaml'), 'utf8')) as Record<string, unknown>;
const resourceIds = new Set(resources.map((r) => r.id));
const siteFields = new Set(Object.keys(site).filter((key) => typeof site[key] === 'string'));

/** Each line of the course that names a referral, with what it names. */
function mentions() {
  return modulePieces().flatMap(({ file, pieces }) =>
    pieces.flatMap((piece) => piece.text.split('\n').flatMap((line, i) =>
      referralsMentioned(line).map((phrase) => ({ at: `${file}:${piece.line + i}`, phrase })))));
}

// Reading the whole course takes a second alone and longer on a busy machine.
describe('referrals named in lessons exist', { timeout: 60_000 }, () => {
  test('the lessons do name referrals, of most kinds the directory holds', () => {
    const named = new Set(mentions().map((m) => m.phrase.what));
    expect(named.size).toBeGreaterThanOrEqual(REFERRAL_PHRASES.length - 2);
  });

  test('every referral a lesson or item points to has its entry in resources.yaml or site.yaml', () => {
    const missing = mentions()
      .filter(({ phrase }) => !referralExists(phrase.target, resourceIds, siteFields))
      .map(({ at, phrase }) => `${at} names ${phrase.what}, but there is no ${describeTarget(phrase.target)}`);
    expect(missing, missing.join('\n')).toEqual([]);
  });

  test('a missing entry is caught: without "person-in-charge" the lessons that name it are listed', () => {
    const without = new Set([...resourceIds].filter((id) => id !== 'person-in-charge'));
    const caught = mentions().filter(({ phrase }) => !referralExists(phrase.target, without, siteFields));
    expect(caught.length).toBeGreaterThan(0);
    expect(caught.every(({ phrase }) => phrase.what === 'the person in charge')).toBe(true);
  });
});
