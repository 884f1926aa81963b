import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { csvCell, emptyTeam, loadTeam, mergeRecord, removeRecord, type TeamState } from '../../src/lib/supervisor/team';
import { addEntries, decide, emptyRoster, type RosterEntry } from '../../src/lib/supervisor/roster';
import { cellText, editionNote, filterPeople, sortPeople, teamView, type SortKey, type StatusFilter, type ViewCourse } from '../../src/lib/supervisor/team-view';
import { teamCsvLong, teamCsvWide } from '../../src/lib/supervisor/team-csv';
import { mergeTeamFile, openTeamFile, teamFile } from '../../src/lib/supervisor/team-file';
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
const NOW = '2026-11-20T09:00:00.000Z';
const course: ViewCourse = {
  version: 'c1',
  modules: [
    { id: 'orientation', title: 'Orientation', contentHash: 'ed1', lessonsTotal: 3 },
    { id: 'duty-08-crises', title: 'Crises', contentHash: 'ed2', lessonsTotal: 3 },
  ],
  paths: [],
};
const entry = (e: Partial<RosterEntry> & { id: string; modules: string[] }): Omit<RosterEntry, 'savedAt'> => ({ by: 'Ana', created: '2026-11-19', ...e });

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

  // The table tests below pinned teamRows (counts against the columns shown); issue 18 replaced it
  // with teamView, which counts against each person's assignment and starts from the roster.
  test('two people with the same name stay two rows, flagged until the supervisor decides', () => {
    const team = mergeRecord(mergeRecord(emptyTeam(), record({ assignment: undefined })).team, record({ learnerId: 'sam00002', assignment: undefined })).team;
    const view = teamView(emptyRoster(), team, course, '2026-11-28', columns);
    expect(view.people).toHaveLength(2);
    expect(view.duplicates).toEqual([expect.objectContaining({ name: 'Sam', a: expect.objectContaining({ learnerId: 'sam00001' }), b: expect.objectContaining({ learnerId: 'sam00002' }) })]);
    const different = decide(emptyRoster(), 'sam00002', 'sam00001', false, NOW);
    expect(teamView(different, team, course, '2026-11-28', columns)).toMatchObject({ duplicates: [], people: [{}, {}] });
    const same = decide(emptyRoster(), 'sam00001', 'sam00002', true, NOW);
    const merged = teamView(same, team, course, '2026-11-28', columns);
    expect(merged.duplicates).toEqual([]);
    expect(merged.people).toHaveLength(1);
    expect(merged.people[0]!.learnerIds.sort()).toEqual(['sam00001', 'sam00002']);
    expect(removeRecord(team, 'sam00001', '2026-11-28T10:00:00.000Z').records.map((r) => r.learnerId)).toEqual(['sam00002']);
  });

  test('counts against the assignment; past the due date unfinished cells say "in progress · overdue" with days late', () => {
    const roster = addEntries(emptyRoster(), [entry({ id: 'assign01', name: 'Sam', modules: ['duty-08-crises'], due: '2026-12-01' })], NOW);
    const team = mergeRecord(emptyTeam(), record()).team;
    const [before] = teamView(roster, team, course, '2026-11-28', columns).people;
    expect(before).toMatchObject({ complete: 0, counted: ['duty-08-crises'], status: 'in-progress', overdue: false, rosterId: 'assign01' });
    const [after] = teamView(roster, team, course, '2026-12-04', columns).people;
    expect(after).toMatchObject({ overdue: true, daysLate: 3 });
    expect(after!.cells.map(cellText)).toEqual(['Complete', 'In progress · overdue']);
    expect(after!.cells[0]!.assigned).toBe(false);
  });

  test('everyone on the roster is a row; one who never reported is "no record yet · overdue" after the due date', () => {
    const roster = addEntries(emptyRoster(), [entry({ id: 'lee00001', name: 'Lee', modules: columns, due: '2026-12-01' })], NOW);
    const view = teamView(roster, emptyTeam(), course, '2026-12-02', columns);
    expect(view.people).toHaveLength(1);
    expect(view.people[0]!.cells.map(cellText)).toEqual(['No record yet · overdue', 'No record yet · overdue']);
    expect(view.summary).toEqual({ people: 1, assigned: 1, onTrack: 0, overdue: 1, complete: 0, noRecord: 1 });
  });

  test('a complete module counts by this site\'s edition: a changed edition shows "complete, earlier edition", a typo-only site does not', () => {
    const team = mergeRecord(emptyTeam(), record({ course: 'c0', modules: [{ id: 'orientation', status: 'complete', lessonsRead: 3, lessonsTotal: 3, edition: 'ed1' }, { id: 'duty-08-crises', status: 'complete', lessonsRead: 3, lessonsTotal: 3, edition: 'old' }] })).team;
    const [p] = teamView(emptyRoster(), team, course, '2026-11-28', columns).people;
    expect(p!.cells.map((c) => c.state)).toEqual(['complete', 'updated']);
    expect(p).toMatchObject({ complete: 1, earlierEdition: 1, otherEdition: true, status: 'in-progress' });
    expect(editionNote(team.records[0]!, course)).toMatch(/another edition of the course \(c0; this site is c1\)\. 1 of the modules/);
    expect(editionNote({ ...team.records[0]!, course: 'c1' }, course)).toBeUndefined();
  });

  test('a record lands on its roster row by the assignment id, whatever name was typed', () => {
    const roster = addEntries(emptyRoster(), [entry({ id: 'assign01', name: 'Samuel Ortiz', modules: columns })], NOW);
    const team = mergeRecord(emptyTeam(), record({ learner: 'sam' })).team;
    const view = teamView(roster, team, course, '2026-11-28', columns);
    expect(view.people).toHaveLength(1);
    expect(view.people[0]).toMatchObject({ name: 'Samuel Ortiz', rosterId: 'assign01', learnerIds: ['sam00001'], onRoster: true });
  });

  test('filters by status and sorts by name or progress', () => {
    let team = emptyTeam();
    team = mergeRecord(team, record({ learner: 'Zoe', learnerId: 'zoe00001', assignment: { id: 'zoeassign', due: '2026-12-01' } })).team;
    team = mergeRecord(team, record({ learner: 'ana', learnerId: 'ana00001', assignment: undefined, modules: [{ id: 'orientation', status: 'complete', lessonsRead: 3, lessonsTotal: 3 }, { id: 'duty-08-crises', status: 'complete', lessonsRead: 3, lessonsTotal: 3 }] })).team;
    const view = teamView(emptyRoster(), team, course, '2026-12-05', columns);
    const names = (status: StatusFilter, sort: SortKey = 'name', descending = false) => sortPeople(filterPeople(view, status), sort, descending).map((r) => r.name);
    expect(names('all')).toEqual(['ana', 'Zoe']);
    expect(names('complete')).toEqual(['ana']);
    expect(names('in-progress')).toEqual(['Zoe']);
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
  test('wide and long, with a byte-order mark, learner id, roster id, assignment, lessons read and named date columns', () => {
    const roster = addEntries(emptyRoster(), [entry({ id: 'assign01', name: 'José Núñez', modules: columns, due: '2026-12-01' })], NOW);
    const team = mergeRecord(emptyTeam(), record()).team;
    const { people } = teamView(roster, team, course, '2026-12-02', columns);
    const wide = teamCsvWide(people, columns, course);
    expect(wide.startsWith('\uFEFF"Learner","Learner id","Roster id","Assignment","Due","Status","Overdue","Assigned modules complete","Assigned modules","Lessons read","Lessons in assigned modules","Record made","Course edition","Orientation: status","Orientation: lessons read","Orientation: best score (%)","Orientation: passed on","Orientation: completed on"')).toBe(true);
    const [, row] = wide.slice(1).split('\r\n');
    expect(row).toBe('"José Núñez","sam00001","assign01","2 chosen modules","2026-12-01","In progress","1 day late","1","2","4","6","2026-11-20","c1","Complete","3","90","2026-11-19","2026-11-19","In progress · overdue","1","","",""');
    const long = teamCsvLong(people, columns, course).slice(1).split('\r\n');
    expect(long[0]!.endsWith('"Module","Module id","Assigned","Module status","Module lessons read","Best score (%)","Passed on","Completed on"')).toBe(true);
    expect(long.slice(1, 3).map((l) => l.split('","').slice(-8).join('|'))).toEqual(['Orientation|orientation|yes|Complete|3|90|2026-11-19|2026-11-19"', 'Crises|duty-08-crises|yes|In progress · overdue|1|||"']);
  });

  test('names that a spreadsheet would run as formulas are made inert, and quotes are escaped', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvCell('+1')).toBe('"\'+1"');
    expect(csvCell('@SUM(A1)')).toBe('"\'@SUM(A1)"');
    expect(csvCell('Ana "Desk" Ruiz')).toBe('"Ana ""Desk"" Ruiz"');
  });
});

describe('team file', () => {
  test('round-trips roster and records, and importing never replaces a newer record with an older one', () => {
    const roster = addEntries(emptyRoster(), [entry({ id: 'assign01', name: 'Sam', modules: columns })], NOW);
    const older = mergeRecord(emptyTeam(), record(), NOW).team;
    const newer = mergeRecord(emptyTeam(), record({ issued: '2026-11-25T10:00:00.000Z' }), '2026-11-19T00:00:00.000Z').team;
    const opened = openTeamFile(teamFile(roster, older, NOW));
    expect(opened).toMatchObject({ ok: true, dropped: 0 });
    if (!opened.ok) return;
    expect(opened.roster).toEqual(roster);
    const merged = mergeTeamFile(emptyRoster(), newer, opened, '2026-11-26T00:00:00.000Z');
    expect(merged.team.records.map((r) => r.issued)).toEqual(['2026-11-25T10:00:00.000Z']);
    expect(merged.roster.entries.assign01?.name).toBe('Sam');
    expect(openTeamFile('{"format":"crosswalk-record"}')).toMatchObject({ ok: false, message: expect.stringContaining('not a Crosswalk team file') });
    expect(openTeamFile('{')).toMatchObject({ ok: false });
  });
});
