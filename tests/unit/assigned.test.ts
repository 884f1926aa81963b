import { describe, expect, test } from 'vitest';
import { acceptAssignment, assignmentStandings, emptyAssigned, loadAssigned, newLearnerId, removeAssignment } from '../../src/lib/learner/assigned';
import type { Assignment } from '../../src/lib/supervisor/assignment';
import { emptyProgress, markLessonRead, recordAttempt, type ModuleFacts } from '../../src/lib/learner/progress';
import { qrGrid, qrPath } from '../../src/lib/supervisor/qr';

const assignment: Assignment = { id: 'k3v9q1ab', by: 'Ana', modules: ['m1', 'm2'], due: '2026-12-15', created: '2026-11-28' };
const modules = new Map<string, ModuleFacts>([
  ['m1', { id: 'm1', lessonIds: ['m1/a'], contentHash: 'h1' }],
  ['m2', { id: 'm2', lessonIds: ['m2/a'], contentHash: 'h2' }],
]);

describe('accepted assignments', () => {
  test('accepting the same link twice keeps one copy, with the newer details', () => {
    let { state, outcome } = acceptAssignment(emptyAssigned('learner01'), assignment, '2026-11-28T10:00:00Z');
    expect(outcome).toBe('accepted');
    ({ state, outcome } = acceptAssignment(state, { ...assignment, due: '2026-12-20' }, '2026-11-29T10:00:00Z'));
    expect(outcome).toBe('updated');
    expect(state.items).toEqual([{ assignment: { ...assignment, due: '2026-12-20' }, acceptedAt: '2026-11-28T10:00:00Z' }]);
    expect(removeAssignment(state, assignment.id, '2026-11-30T10:00:00Z').items).toEqual([]);
  });

  test('standing counts completed modules and marks overdue, most urgent first', () => {
    let state = acceptAssignment(emptyAssigned('learner01'), assignment, 'x').state;
    state = acceptAssignment(state, { ...assignment, id: 'later0001', due: '2027-01-30' }, 'x').state;
    let progress = markLessonRead(emptyProgress('e'), 'm1/a', '2026-11-28T10:00:00Z', modules.get('m1'));
    progress = recordAttempt(progress, 'm1', { at: '2026-11-28T11:00:00Z', ratio: 1, points: 1, max: 1, passed: true, answers: {}, contentHash: 'h1' }, modules.get('m1'));
    const standings = assignmentStandings(state, progress, modules, '2026-12-16');
    expect(standings.map((s) => [s.item.assignment.id, s.complete, s.total, s.due])).toEqual([
      ['k3v9q1ab', 1, 2, 'overdue'],
      ['later0001', 1, 2, 'upcoming'],
    ]);
  });

  test('stored data is re-validated: bad items are dropped, a bad learner id is replaced', () => {
    const good = { assignment, acceptedAt: 'x' };
    expect(loadAssigned({ version: 1, learnerId: 'learner01', items: [good, { assignment: { ...assignment, by: '' } }, good] }, 'fallback1')).toEqual({
      ok: true,
      state: { version: 1, learnerId: 'learner01', items: [good] },
      dropped: 2,
    });
    expect(loadAssigned({ version: 1, learnerId: '<x>', items: [] }, 'fallback1')).toMatchObject({ ok: true, state: { learnerId: 'fallback1' } });
    expect(loadAssigned({ version: 2 }, 'fallback1').ok).toBe(false);
  });

  test('learner ids are 10 base-36 characters and differ between calls', () => {
    const a = newLearnerId();
    expect(a).toMatch(/^[a-z0-9]{10}$/);
    expect(newLearnerId()).not.toBe(a);
  });
});

describe('QR codes', () => {
  test('a typical assignment link encodes to a square grid with finder patterns', () => {
    const grid = qrGrid(`https://library.example/course/assign/open/#A1.${'x'.repeat(300)}.abcdefghijk`);
    expect(grid.dark).toHaveLength(grid.size * grid.size);
    // The top-left finder pattern: a dark 7×7 ring around a light ring.
    for (let i = 0; i < 7; i++) expect(grid.dark[i]).toBe(true);
    expect(grid.dark[grid.size + 1]).toBe(false);
    expect(qrPath(grid)).toMatch(/^M0 0h1v1h-1z/);
  });

  test('text too long for any QR code throws, so callers must check length first', () => {
    expect(() => qrGrid('x'.repeat(5000))).toThrow();
  });
});
