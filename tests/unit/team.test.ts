import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { csvCell, emptyTeam, loadTeam, mergeRecord, removeRecord, teamCsv, teamRows, type TeamState } from '../../src/lib/supervisor/team';
import type { CompletionRecord } from '../../src/lib/supervisor/record';

function record(overrides: Partial<CompletionRecord> = {}): CompletionRecord {
  return {
    learner: 'Sam',
    learnerId: 'sam00001',
    issued: '2026-11-20T10:00:00.000Z',
    course: 'c1',
    assignment: { id: 'assign01', due: '2026-12-01' },
    modules: [
      { id: 'orientation', status: 'complete', lessonsRead: 3, lessonsTotal: 3, best: 90, passedOn: '2026-11-19', completedOn: '2026-11-19' },
      { id: 'duty-08-crises', status: 'in-progress', lessonsRead: 1, lessonsTotal: 3 },
    ],
    ...overrides,
  };
}

const columns = ['orientation', 'duty-08-crises'];

describe('team records', () => {
  test('the same record twice is one row; a newer one replaces it; an older one is ignored', () => {
    let team: TeamState = emptyTeam();
    let result = mergeRecord(team, record());
    expect(result.outcome).toBe('added');
    team = result.team;
    result = mergeRecord(team, record());
    expect(result).toEqual({ team, outcome: 'unchanged' });
    const newer = record({ issued: '2026-11-25T10:00:00.000Z', modules: [{ ...record().modules[0]! }, { id: 'duty-08-crises', status: 'complete', lessonsRead: 3, lessonsTotal: 3, best: 100 }] });
    result = mergeRecord(team, newer);
    expect(result.outcome).toBe('updated');
    expect(result.team.records).toEqual([newer]);
    expect(mergeRecord(result.team, record()).outcome).toBe('older');
  });

  test('importing any sequence of records keeps one row per learner, holding their newest record', () => {
    const recordArb = fc.record({
      learnerId: fc.constantFrom('aaaaaa', 'bbbbbb', 'cccccc'),
      issued: fc.integer({ min: 0, max: 20 }).map((h) => new Date(Date.UTC(2026, 10, 1, h)).toISOString()),
    }).map(({ learnerId, issued }) => record({ learnerId, issued }));
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 30 }), (records) => {
        const team = records.reduce((t, r) => mergeRecord(t, r).team, emptyTeam());
        const ids = team.records.map((r) => r.learnerId);
        expect(new Set(ids).size).toBe(ids.length);
        for (const kept of team.records) {
          const newest = Math.max(...records.filter((r) => r.learnerId === kept.learnerId).map((r) => Date.parse(r.issued)));
          expect(Date.parse(kept.issued)).toBe(newest);
        }
      }),
    );
  });

  test('two people with the same name stay two rows', () => {
    const team = mergeRecord(mergeRecord(emptyTeam(), record()).team, record({ learnerId: 'sam00002' })).team;
    expect(teamRows(team, { moduleIds: columns, today: '2026-11-28' })).toHaveLength(2);
    expect(removeRecord(team, 'sam00001', '2026-11-28T10:00:00.000Z').records.map((r) => r.learnerId)).toEqual(['sam00002']);
  });

  test('unfinished assigned modules past their due date show as overdue; finished ones do not', () => {
    const team = mergeRecord(emptyTeam(), record()).team;
    const [before] = teamRows(team, { moduleIds: columns, today: '2026-11-28' });
    expect(before!.cells.map((c) => c.state)).toEqual(['complete', 'in-progress']);
    expect(before!.overdue).toBe(false);
    const [after] = teamRows(team, { moduleIds: columns, today: '2026-12-02' });
    expect(after!.cells.map((c) => c.state)).toEqual(['complete', 'overdue']);
    expect(after!.overdue).toBe(true);
  });

  test('a module the record does not mention is shown as not reported', () => {
    const team = mergeRecord(emptyTeam(), record()).team;
    const [row] = teamRows(team, { moduleIds: [...columns, 'value-01-voluntary'], today: '2026-11-28' });
    expect(row!.cells[2]).toEqual({ moduleId: 'value-01-voluntary', state: 'not-reported' });
  });

  test('filters by status and sorts by name or progress', () => {
    let team = emptyTeam();
    team = mergeRecord(team, record({ learner: 'Zoe', learnerId: 'zoe00001' })).team;
    team = mergeRecord(team, record({ learner: 'ana', learnerId: 'ana00001', assignment: undefined, modules: [{ id: 'orientation', status: 'complete', lessonsRead: 3, lessonsTotal: 3 }, { id: 'duty-08-crises', status: 'complete', lessonsRead: 3, lessonsTotal: 3 }] })).team;
    const names = (status: 'all' | 'complete' | 'incomplete' | 'overdue', sort: 'name' | 'progress' = 'name', descending = false) =>
      teamRows(team, { moduleIds: columns, today: '2026-12-05', status, sort, descending }).map((r) => r.learner);
    expect(names('all')).toEqual(['ana', 'Zoe']);
    expect(names('complete')).toEqual(['ana']);
    expect(names('incomplete')).toEqual(['Zoe']);
    expect(names('overdue')).toEqual(['Zoe']);
    expect(names('all', 'progress', true)).toEqual(['ana', 'Zoe']);
  });

  test('stored team data is re-validated: bad records are dropped and counted', () => {
    const good = record();
    expect(loadTeam({ version: 1, records: [good, { learner: '<b>x</b>' }, null] })).toEqual({ ok: true, team: { version: 1, records: [good] }, dropped: 2 });
    expect(loadTeam('nonsense')).toMatchObject({ ok: false });
    expect(loadTeam({ version: 9, records: [] })).toMatchObject({ ok: false });
  });
});

describe('team CSV', () => {
  test('one line per person and module, with titles, status, score and dates', () => {
    const team = mergeRecord(emptyTeam(), record()).team;
    const rows = teamRows(team, { moduleIds: columns, today: '2026-12-02' });
    const csv = teamCsv(rows, new Map([['orientation', 'Orientation: two professions, one core'], ['duty-08-crises', 'Duty 8: crises']]));
    expect(csv.split('\r\n')).toEqual([
      '"Learner","Module","Module id","Status","Best score (%)","Date","Due","Record made","Course version"',
      '"Sam","Orientation: two professions, one core","orientation","Complete","90","2026-11-19","2026-12-01","2026-11-20","c1"',
      '"Sam","Duty 8: crises","duty-08-crises","Overdue","","","2026-12-01","2026-11-20","c1"',
      '',
    ]);
  });

  test('names that a spreadsheet would run as formulas are made inert, and quotes are escaped', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvCell('+1')).toBe('"\'+1"');
    expect(csvCell('@SUM(A1)')).toBe('"\'@SUM(A1)"');
    expect(csvCell('Ana "Desk" Ruiz')).toBe('"Ana ""Desk"" Ruiz"');
  });
});
