import { describe, expect, it } from 'vitest';
import type { Candidate, ElectionInput } from './election-checks';
import { evaluateElection } from './election-checks';
import { BUILT_IN_PROFILES, resolveProfile } from './profiles';

const QH = BUILT_IN_PROFILES['qinghai-branch'];

function candidates(votes: number[]): Candidate[] {
  return votes.map((v, i) => ({ id: `c${i + 1}`, name: `候选人${String.fromCharCode(65 + i)}`, votes: v }));
}

function run(over: Partial<ElectionInput>) {
  const r = evaluateElection({
    votingExpected: 10,
    votingPresent: 10,
    seats: 3,
    candidates: candidates([9, 8, 7, 2]),
    competitive: true,
    profile: QH,
    ...over,
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('present threshold (001: 必须超过…80% / 五分之四以上)', () => {
  it.each([
    [10, 8, false, 9], // exactly 4/5 is not "more than"
    [10, 9, true, 9],
    [10, 7, false, 9],
    [5, 4, false, 5], // exactly 4/5
    [5, 5, true, 5],
    [11, 9, true, 9], // 8.8 → 9
    [11, 8, false, 9],
  ])('expected %i, present %i → %s (needs %i)', (votingExpected, votingPresent, met, required) => {
    const v = run({
      votingExpected,
      votingPresent,
      candidates: candidates([votingPresent, votingPresent, votingPresent, 0]),
    });
    expect(v.thresholdMet).toBe(met);
    expect(v.presentRequired).toBe(required);
    if (!met) {
      expect(v.elected).toEqual([]);
      expect(v.valid).toBe(false);
      expect(v.message).toContain('不能进行选举');
    }
  });

  it('is inclusive when the profile says 五分之四以上', () => {
    const r = resolveProfile('qinghai-branch', { 'election.presentThreshold.strict': false });
    if (!r.ok) throw new Error(r.errors.join());
    const v = run({ votingPresent: 8, candidates: candidates([8, 7, 6, 1]), profile: r.profile });
    expect([v.thresholdMet, v.presentRequired]).toEqual([true, 8]);
  });
});

describe('competitive margin (001 模板4: 差额不少于应选人数的20%)', () => {
  it.each([
    // seats, candidates, met, required = seats + ceil(seats/5) = ceil(seats·1.2)
    [5, 6, true, 6], // 5 × 1.2 = 6 exactly: margin 1 = 20%
    [5, 5, false, 6],
    [3, 4, true, 4], // 3.6 → 4
    [3, 3, false, 4],
    [4, 5, true, 5], // 4.8 → 5
    [7, 8, false, 9], // 8.4 → 9: margin 1 is only 14%
    [7, 9, true, 9],
    [10, 11, false, 12],
    [10, 12, true, 12],
    [1, 2, true, 2],
  ])('%i seats with %i candidates → %s (needs %i)', (seats, n, met, required) => {
    const v = run({ seats, votingPresent: 10, candidates: candidates(Array.from({ length: n }, () => 1)) });
    expect(v.marginMet).toBe(met);
    expect(v.candidatesRequired).toBe(required);
  });

  it('refuses an uncontested (等额) regular election but allows an uncontested by-election', () => {
    const general = run({ seats: 2, competitive: false, candidates: candidates([9, 9]) });
    expect(general.marginMet).toBe(false);
    expect(general.message).toContain('换届选举委员应实行差额选举');
    const by = run({ seats: 2, competitive: false, kind: 'by-election', candidates: candidates([9, 9]) });
    expect(by.marginMet).toBe(true);
    expect(by.valid).toBe(true);
    expect(by.elected.map((c) => c.name)).toEqual(['候选人A', '候选人B']);
  });

  it('says an uncontested ballot needs as many candidates as seats', () => {
    const v = run({ seats: 2, competitive: false, kind: 'by-election', candidates: candidates([9, 9, 1]) });
    expect(v.marginMet).toBe(false);
  });
});

describe('who is elected (超过实到会有选举权的人数的一半)', () => {
  it('elects those with more than half of those present, most votes first', () => {
    const v = run({ votingPresent: 9, votingExpected: 10, seats: 3, candidates: candidates([5, 9, 4, 7]) });
    expect(v.votesRequired).toBe(5);
    expect(v.elected.map((c) => c.votes)).toEqual([9, 7, 5]);
    expect([v.shortfall, v.unresolved]).toEqual([0, []]);
  });

  it('does not elect with exactly half of those present', () => {
    const v = run({ seats: 3, candidates: candidates([6, 6, 5, 3]) });
    expect(v.votesRequired).toBe(6);
    expect(v.elected.map((c) => c.name)).toEqual(['候选人A', '候选人B']);
    expect(v.shortfall).toBe(1);
    expect(v.message).toContain('尚缺1名');
  });

  it('reports a tie at the last seat as unresolved', () => {
    const v = run({ votingPresent: 9, seats: 2, candidates: candidates([8, 5, 5, 0]) });
    expect(v.elected.map((c) => c.name)).toEqual(['候选人A']);
    expect(v.unresolved.map((c) => c.name)).toEqual(['候选人B', '候选人C']);
    expect(v.shortfall).toBe(0);
    expect(v.message).toContain('应就票数相等的被选举人再次投票');
  });

  it('elects both when tied candidates fit in the seats', () => {
    const v = run({ seats: 3, candidates: candidates([8, 6, 6, 2]) });
    expect(v.elected.map((c) => c.name)).toEqual(['候选人A', '候选人B', '候选人C']);
    expect(v.unresolved).toEqual([]);
  });

  it('counts the majority against voters present even when fewer ballots come back', () => {
    const v = run({ votingPresent: 10, ballotsCast: 8, seats: 1, candidates: candidates([5, 3]) });
    expect(v.votesRequired).toBe(6);
    expect(v.elected).toEqual([]);
  });
});

describe('invalid counts', () => {
  const base: ElectionInput = {
    votingExpected: 10,
    votingPresent: 9,
    seats: 2,
    candidates: candidates([5, 5, 5]),
    competitive: true,
    profile: QH,
  };
  it.each([
    [{ candidates: candidates([10, 2, 1]) }, 'votes-exceed-ballots'],
    [{ ballotsCast: 5, candidates: candidates([5, 4, 3]) }, 'votes-exceed-ballot-capacity'],
    [{ ballotsCast: 10 }, 'ballots-exceed-issued'],
    [{ votingPresent: 11 }, 'present-exceeds-expected'],
    [{ seats: 0 }, 'no-seats'],
    [{ candidates: [] }, 'no-candidates'],
    [
      {
        candidates: [
          { name: '甲', votes: 1 },
          { name: '甲', votes: 2 },
        ],
      },
      'duplicate-candidate',
    ],
    [{ candidates: [{ name: '甲', votes: -1 }] }, 'invalid-count'],
    [{ profile: BUILT_IN_PROFILES['beijing-work-group'] }, 'rule-not-applicable'],
  ] as const)('%o → %s', (over, code) => {
    const r = evaluateElection({ ...base, ...over });
    expect(!r.ok && r.error.code).toBe(code);
  });

  it('names the candidate whose votes exceed the ballots', () => {
    const r = evaluateElection({ ...base, candidates: candidates([10, 2]) });
    expect(!r.ok && r.error.message).toContain('候选人“候选人A”得10票，多于收回的选票9张');
  });
});
