/**
 * Codes in circulation: assignment links and record codes made on 2026-12 by the course as it was
 * then, pasted here as literals. They must keep opening, to the same data, whatever fflate (or the
 * codec) does later: the link codec verifies the checksum of the content it inflates, never the
 * compressor's exact output (src/lib/encoding/link-codec.ts).
 */
import { readFileSync } from 'node:fs';
import { deflateRawSync, constants } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { hashText } from '../../src/lib/encoding/hash';
import { unpack } from '../../src/lib/encoding/link-codec';
import { openAssignment } from '../../src/lib/supervisor/assignment';
import { openRecord, recordChecksum, type CompletionRecord } from '../../src/lib/supervisor/record';

const known = new Set(['orientation', 'duty-01-caring-relationship', 'duty-06-linking-to-resources']);

/** Made by packAssignment, fflate 0.8.3. */
const ASSIGNMENT_LINK = 'https://library.example/training/crosswalk/assign/open/#A1.PY5BTsNADEWvYnmdQZ0gKuiOE4DoDsRiMnWIlWQmeGaKAkLiECw5ABLH4CY9Sd1W6tLv-_n7AxlX2F9ub16ta7DCRsfb4OCh8HsFnsWXwWWOAVKZSLacoujaiKsnjMIU8jFVtCl5NgtrvBMOL0bo5KWOp3O6NAOH_hDnqBspFvGU8LlCr731ol4aa019rUKrYO1GuOtde6ycFAR6Mx0LHQ6ehdrYKwVBwf1ALhG0HDh10JCaBLO2KJKUYe1ykY2bQb9qM-x-fmH39Q0jiecKHuP_3wV-7gE.20m2mb9o9t7';
const SHORT_ASSIGNMENT = 'A1.q1bKVLJSKrQoN0o1LTIvsVTSUUoCCvikpgJZuUpW0Ur5RZmpeSWJJZn5eUqxOkrJQFkjAyMzXUNDXWMDpVoA.0u1va1wnol4';
/** Made by recordCode(buildRecord(…)), fflate 0.8.3. */
const RECORD_CODE = 'R1.ZZBBb4QgEIX_SsNZNqDupvUf9LRJu6c2PaDMWiKCZaBJs_G_dzTaWPcG7z3mfcyNWVDBQWAVe1X9w7lTVx9YtsrPmgxVNzIvNFxLMgxigknNRX7iMueiuMhjVYhKiIMQ4o0yjU8BYckcpCRJIZrW9eAiq27MTAO64vvpS6qaXJ3W9DRRHtmYsd7rZAFZ9b7kfTD0XEXjHT1BOiVyqawfLESYoRG9wxdQlC_-7hcflZ2FGpD6H0XGBgICfXbbj0yc67Q7a8wWDJ3iDwm8UcG4lgewMxJ-mmGLZRwfgm8DIezJ5J6sXMlKsas5cWtcN_VET1VIi21oJ5se5yOnSyDkfQ99839PPn6Mvw.1xi1s18306b';
/** Made by recordFile(buildRecord(…)): the same record as a file. */
const RECORD_FILE = "{\n  \"format\": \"crosswalk-record\",\n  \"version\": 1,\n  \"record\": {\n    \"learner\": \"Sam Okafor\",\n    \"learnerId\": \"abc123def4\",\n    \"issued\": \"2026-12-03T15:30:00.000Z\",\n    \"course\": \"2026.11\",\n    \"assignment\": {\n      \"id\": \"k3v9q1ab\",\n      \"due\": \"2026-12-15\"\n    },\n    \"modules\": [\n      {\n        \"id\": \"orientation\",\n        \"status\": \"complete\",\n        \"lessonsRead\": 3,\n        \"lessonsTotal\": 3,\n        \"best\": 80,\n        \"passedOn\": \"2026-12-01\",\n        \"completedOn\": \"2026-12-01\"\n      },\n      {\n        \"id\": \"duty-01-caring-relationship\",\n        \"status\": \"in-progress\",\n        \"lessonsRead\": 1,\n        \"lessonsTotal\": 4,\n        \"best\": 40\n      },\n      {\n        \"id\": \"duty-06-linking-to-resources\",\n        \"status\": \"not-started\",\n        \"lessonsRead\": 0,\n        \"lessonsTotal\": 2\n      }\n    ]\n  },\n  \"checksum\": \"0taszztjofk\"\n}";
const RECORD: CompletionRecord = {"learner": "Sam Okafor", "learnerId": "abc123def4", "issued": "2026-12-03T15:30:00.000Z", "course": "2026.11", "assignment": {"id": "k3v9q1ab", "due": "2026-12-15"}, "modules": [{"id": "orientation", "status": "complete", "lessonsRead": 3, "lessonsTotal": 3, "best": 80, "passedOn": "2026-12-01", "completedOn": "2026-12-01"}, {"id": "duty-01-caring-relationship", "status": "in-progress", "lessonsRead": 1, "lessonsTotal": 4, "best": 40}, {"id": "duty-06-linking-to-resources", "status": "not-started", "lessonsRead": 0, "lessonsTotal": 2}]};

describe('links and record codes made today still open', () => {
  test('an assignment link with every field, and a short one', () => {
    expect(openAssignment(ASSIGNMENT_LINK, known)).toEqual({
      ok: true,
      unknownModules: [],
      assignment: {
        id: 'k3v9q1ab',
        by: 'Ana Ruiz, circulation supervisor',
        for: 'Sam Okafor',
        pathId: 'new-hire',
        modules: ['orientation', 'duty-01-caring-relationship', 'duty-06-linking-to-resources'],
        due: '2026-12-15',
        note: 'Please finish before your first Saturday shift ✨ — merci, Zoë.',
        created: '2026-11-28',
      },
    });
    expect(openAssignment(SHORT_ASSIGNMENT, known)).toEqual({ ok: true, unknownModules: [], assignment: { id: 'q8w2e5r7t9', by: 'Lee', modules: ['orientation'], created: '2026-11-30' } });
  });

  test('a record code and a record file', () => {
    expect(openRecord(RECORD_CODE)).toEqual({ ok: true, record: RECORD });
    expect(openRecord(RECORD_FILE)).toEqual({ ok: true, record: RECORD });
    expect(recordChecksum(RECORD)).toBe('0taszztjofk');
  });
});

describe('what is verified is the content, not the compressor', () => {
  // The same JSON deflated by another compressor (zlib, at other settings) stands in for a
  // future fflate whose output differs: such a code carries the same data and must open.
  const reDeflated = (code: string, options: Parameters<typeof deflateRawSync>[1]) => {
    const [head, , check] = code.split('.') as [string, string, string];
    // The record's JSON as pack() wrote it (same key order): its checksum is the code's.
    const json = JSON.stringify(RECORD);
    const body = Buffer.from(deflateRawSync(Buffer.from(json, 'utf8'), options)).toString('base64url');
    return { head, body, check, json };
  };

  test.each([
    ['zlib level 1', { level: 1 }],
    ['zlib level 9, fixed Huffman codes only', { level: 9, strategy: constants.Z_FIXED }],
    ['zlib stored (no compression)', { level: 0 }],
  ])('a record code deflated by %s opens to the same record', (_, options) => {
    const { head, body, check, json } = reDeflated(RECORD_CODE, options);
    expect(hashText(json)).toBe(check);
    expect(body).not.toBe(RECORD_CODE.split('.')[1]);
    expect(openRecord(`${head}.${body}.${check}`)).toEqual({ ok: true, record: RECORD });
  });

  test('other content under the same checksum is still refused as damaged', () => {
    const { head, check } = reDeflated(RECORD_CODE, { level: 6 });
    const other = JSON.stringify({ ...RECORD, learner: 'Someone else' });
    const body = Buffer.from(deflateRawSync(Buffer.from(other, 'utf8'))).toString('base64url');
    const result = unpack(`${head}.${body}.${check}`, { kind: 'R', versions: [1], maxChars: 12_000 });
    expect(result).toMatchObject({ ok: false, problem: 'damaged' });
  });

  test('fflate is pinned to the exact version the lock file installs', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> };
    const lock = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8')) as { packages: Record<string, { version: string }> };
    expect(manifest.dependencies.fflate).toMatch(/^\d+\.\d+\.\d+$/);
    expect(manifest.dependencies.fflate).toBe(lock.packages['node_modules/fflate']!.version);
  });
});
