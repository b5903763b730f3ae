import { describe, expect, it } from 'vitest';
import { compareElectionWithAttendance } from './election-attendance';

describe('election head counts against the attendance', () => {
  it('refuses more voters expected than party members expected (10 typed, 5 on the roster)', () => {
    const r = compareElectionWithAttendance({
      votingExpected: 10,
      votingPresent: 9,
      partyExpected: 5,
      partyPresent: 5,
    });
    expect(r.problems.map((p) => [p.code, p.field])).toEqual([
      ['election-expected-exceeds-roster', 'votingExpected'],
      ['election-present-exceeds-attendance', 'votingPresent'],
    ]);
    expect(r.problems[0]!.message).toContain('应到的党员只有5人');
    expect(r.warnings).toEqual([]);
  });

  it('refuses more voters present than party members recorded present', () => {
    const r = compareElectionWithAttendance({ votingExpected: 5, votingPresent: 5, partyExpected: 5, partyPresent: 4 });
    expect(r.problems.map((p) => p.code)).toEqual(['election-present-exceeds-attendance']);
  });

  it('flags fewer voters than party members (a 预备党员 has no vote), without blocking', () => {
    const r = compareElectionWithAttendance({ votingExpected: 4, votingPresent: 4, partyExpected: 5, partyPresent: 5 });
    expect(r.problems).toEqual([]);
    expect(r.warnings.map((w) => w.code)).toEqual(['election-counts-differ']);
    expect(r.warnings[0]!.message).toContain('请在会议纪要中说明');
  });

  it('agrees when the counts are the attendance', () => {
    const r = compareElectionWithAttendance({ votingExpected: 5, votingPresent: 4, partyExpected: 5, partyPresent: 4 });
    expect(r).toEqual({ problems: [], warnings: [] });
  });
});
