import { describe, expect, it } from 'vitest';
import { checkChair, evaluateDecision, evaluateQuorum } from './meeting-checks';
import type { ProfileId } from './profiles';
import { BUILT_IN_PROFILES } from './profiles';

const BJ = BUILT_IN_PROFILES['beijing-work-group'];
const SZ = BUILT_IN_PROFILES['suzhou-leading-group'];
const QH = BUILT_IN_PROFILES['qinghai-branch'];

describe('evaluateQuorum', () => {
  it.each([
    // Beijing 000: 超过应到会人数的2/3 — exactly 2/3 is NOT enough.
    ['beijing-work-group', 6, 3, false, 5],
    ['beijing-work-group', 6, 4, false, 5], // exactly 2/3
    ['beijing-work-group', 6, 5, true, 5], // just above
    ['beijing-work-group', 9, 6, false, 7], // exactly 2/3
    ['beijing-work-group', 9, 7, true, 7],
    ['beijing-work-group', 3, 2, false, 3], // exactly 2/3
    ['beijing-work-group', 3, 3, true, 3],
    ['beijing-work-group', 7, 4, false, 5],
    ['beijing-work-group', 7, 5, true, 5],
    // Suzhou 002 / Qinghai 001: 半数以上 — exactly half IS enough.
    ['suzhou-leading-group', 6, 2, false, 3],
    ['suzhou-leading-group', 6, 3, true, 3], // exactly half
    ['suzhou-leading-group', 7, 3, false, 4],
    ['suzhou-leading-group', 7, 4, true, 4],
    ['qinghai-branch', 6, 3, true, 3],
    ['qinghai-branch', 5, 2, false, 3],
    ['qinghai-branch', 5, 3, true, 3],
  ] as const)('%s: expected %i, present %i → met %s (needs %i)', (id, expected, present, met, required) => {
    const r = evaluateQuorum({ expected, present, profile: BUILT_IN_PROFILES[id as ProfileId] });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.met).toBe(met);
    expect(r.value.required).toBe(required);
    expect(r.value.message).toContain(met ? '会议有效' : '会议无效');
  });

  it('words the rule as the source does', () => {
    const bj = evaluateQuorum({ expected: 6, present: 4, profile: BJ });
    expect(bj.ok && bj.value.message).toBe(
      '应到6人，实到4人；规则要求超过应到人数的2/3（至少5人），到会人数不足，会议无效，不能作出决定。',
    );
    const sz = evaluateQuorum({ expected: 6, present: 3, profile: SZ });
    expect(sz.ok && sz.value.rule).toBe('应到人数的1/2以上');
  });

  it('refuses more present than expected (列席 are not counted) and an empty body', () => {
    const r = evaluateQuorum({ expected: 5, present: 7, profile: BJ });
    expect(!r.ok && r.error.code).toBe('present-exceeds-expected');
    expect(!r.ok && r.error.message).toContain('列席人员不计入实到人数');
    const empty = evaluateQuorum({ expected: 0, present: 0, profile: BJ });
    expect(!empty.ok && empty.error.code).toBe('no-expected-members');
    const bad = evaluateQuorum({ expected: 5, present: -1, profile: BJ });
    expect(!bad.ok && bad.error.code).toBe('invalid-count');
  });

  it('applies assembly rules only where the profile has them', () => {
    const qh = evaluateQuorum({ expected: 10, present: 5, profile: QH, body: 'assembly' });
    expect(qh.ok && qh.value.met).toBe(true);
    const bj = evaluateQuorum({ expected: 10, present: 5, profile: BJ, body: 'assembly' });
    expect(!bj.ok && bj.error.code).toBe('rule-not-applicable');
  });
});

describe('evaluateDecision', () => {
  it.each([
    // Beijing: 须实到会1/2以上成员通过 — at least half of those present.
    ['beijing-work-group', 6, [3, 3, 0], true, 3], // exactly half passes
    ['beijing-work-group', 6, [2, 1, 3], false, 3],
    ['beijing-work-group', 5, [2, 0, 3], false, 3],
    ['beijing-work-group', 5, [3, 2, 0], true, 3],
    ['beijing-work-group', 7, [3, 0, 4], false, 4], // abstentions count as present, not for
    ['beijing-work-group', 7, [4, 0, 3], true, 4],
    // Suzhou/Qinghai: 少数服从多数 — more than half of those present.
    ['suzhou-leading-group', 6, [3, 3, 0], false, 4], // a tie is no majority
    ['suzhou-leading-group', 6, [3, 0, 3], false, 4],
    ['suzhou-leading-group', 6, [4, 2, 0], true, 4],
    ['suzhou-leading-group', 5, [3, 2, 0], true, 3],
    ['qinghai-branch', 7, [3, 1, 3], false, 4], // more for than against, but abstentions are not for
    ['qinghai-branch', 7, [4, 0, 0], true, 4], // three present did not vote at all
  ] as const)('%s: present %i, votes %o → passed %s (needs %i)', (id, present, [f, a, x], passed, required) => {
    const r = evaluateDecision({
      present,
      votes: { for: f, against: a, abstain: x },
      profile: BUILT_IN_PROFILES[id as ProfileId],
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.passed).toBe(passed);
    expect(r.value.required).toBe(required);
    expect(r.value.notVoting).toBe(present - f - a - x);
    expect(r.value.message).toContain(passed ? '表决通过' : '表决未通过');
  });

  it('refuses more votes than members present, naming the counts', () => {
    const r = evaluateDecision({ present: 5, votes: { for: 4, against: 1, abstain: 1 }, profile: BJ });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('votes-exceed-present');
    expect(!r.ok && r.error.message).toContain('合计6票，多于实到5人');
  });

  it('counts an assembly vote against those expected (支部工作条例 第十一条)', () => {
    const five = evaluateDecision({
      present: 8,
      expected: 10,
      votes: { for: 5, against: 0, abstain: 3 },
      profile: QH,
      body: 'assembly',
    });
    expect(five.ok && five.value.passed).toBe(false);
    expect(five.ok && five.value.required).toBe(6);
    const six = evaluateDecision({
      present: 8,
      expected: 10,
      votes: { for: 6, against: 2, abstain: 0 },
      profile: QH,
      body: 'assembly',
    });
    expect(six.ok && six.value.passed).toBe(true);
    const missing = evaluateDecision({
      present: 8,
      votes: { for: 6, against: 2, abstain: 0 },
      profile: QH,
      body: 'assembly',
    });
    expect(!missing.ok && missing.error.code).toBe('expected-required');
  });

  it('never passes a decision with nobody present', () => {
    const r = evaluateDecision({ present: 0, votes: { for: 0, against: 0, abstain: 0 }, profile: BJ });
    expect(r.ok && r.value.passed).toBe(false);
  });
});

describe('checkChair', () => {
  it.each([
    ['beijing-work-group', 'leader', false, null],
    ['beijing-work-group', 'deputy', true, null],
    ['beijing-work-group', 'deputy', false, 'chair-delegation-missing'],
    ['beijing-work-group', 'member', true, 'chair-not-allowed'],
    ['suzhou-leading-group', 'member', true, null],
    ['qinghai-branch', 'deputy', true, 'chair-not-allowed'],
    ['beijing-work-group', null, false, 'chair-not-allowed'],
  ] as const)('%s: %s chairing (delegated %s) → %s', (id, role, delegated, code) => {
    expect(checkChair(role, BUILT_IN_PROFILES[id as ProfileId], delegated)?.code ?? null).toBe(code);
  });
});
