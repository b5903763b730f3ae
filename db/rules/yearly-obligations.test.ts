import { describe, expect, it } from 'vitest';
import { BUILT_IN_PROFILES } from './profiles';
import type { MeetingSummary, YearInput } from './yearly-obligations';
import { computeYearlyObligations } from './yearly-obligations';

const BJ = BUILT_IN_PROFILES['beijing-work-group'];
const SZ = BUILT_IN_PROFILES['suzhou-leading-group'];
const QH = BUILT_IN_PROFILES['qinghai-branch'];

let seq = 0;
function meeting(date: string, over: Partial<MeetingSummary> = {}): MeetingSummary {
  seq += 1;
  return { entryId: `e${seq}`, date, quorate: true, filing: 'on-time', heldSeparately: true, ...over };
}

function run(over: Partial<YearInput>) {
  const result = computeYearlyObligations({
    profile: BJ,
    year: 2025,
    meetings: [],
    workItems: [],
    today: '2026-04-15',
    ...over,
  });
  const byCode = Object.fromEntries(result.items.map((i) => [i.code, i]));
  return { result, byCode };
}

describe('computeYearlyObligations', () => {
  it('is satisfied by two valid, filed, separate meetings and the leader report (Beijing)', () => {
    const { result } = run({
      meetings: [meeting('2025-03-18T09:30'), meeting('2025-11-20')],
      workItems: [{ entryId: 'w1', kind: 'leader-report', date: '2026-01-15', coversYear: 2025 }],
    });
    expect(result.items.every((i) => i.ok)).toBe(true);
    expect(result.items.map((i) => i.code)).toEqual(['meetings-count', 'leader-report']);
    expect([result.meetingsHeld, result.meetingsRequired]).toEqual([2, 2]);
  });

  it('does not count an inquorate meeting, and says so', () => {
    const bad = meeting('2025-06-01', { quorate: false });
    const { result, byCode } = run({ meetings: [meeting('2025-03-18'), bad] });
    expect(result.meetingsHeld).toBe(1);
    expect(byCode['meetings-count']).toMatchObject({ ok: false, status: 'missed' });
    expect(byCode['meetings-count']?.message).toBe('2025年已召开有效的党建工作小组会1次，每年至少2次，缺1次。');
    expect(byCode['inquorate-meetings']).toMatchObject({ status: 'warning', entryIds: [bad.entryId] });
  });

  it('says "still due" while the year is open', () => {
    const { byCode } = run({ meetings: [meeting('2025-03-18')], today: '2025-07-01' });
    expect(byCode['meetings-count']?.status).toBe('due');
    expect(byCode['meetings-count']?.message).toContain('还需1次');
    expect(byCode['leader-report']?.status).toBe('due');
  });

  it('reports late, overdue and pending filings and merged meetings', () => {
    const { byCode } = run({
      meetings: [
        meeting('2025-03-18', { filing: 'late' }),
        meeting('2025-05-18', { filing: 'overdue' }),
        meeting('2025-12-30', { filing: 'pending', heldSeparately: false }),
      ],
    });
    expect(byCode['late-filings']?.message).toBe('1次会议纪要逾期备案：2025年3月18日。');
    expect(byCode['overdue-filings']?.status).toBe('missed');
    expect(byCode['pending-filings']?.status).toBe('due');
    expect(byCode['merged-meetings']?.message).toContain('规则要求单独召开');
  });

  it('misses the leader report when none covers the year', () => {
    const { byCode } = run({
      meetings: [meeting('2025-03-18'), meeting('2025-11-20')],
      workItems: [{ entryId: 'w0', kind: 'leader-report', date: '2025-01-10', coversYear: 2024 }],
    });
    expect(byCode['leader-report']).toMatchObject({ ok: false, status: 'missed' });
    expect(byCode['leader-report']?.message).toContain('2025年度组长述职缺失');
  });

  it.each([
    // Suzhou / Qinghai: 原则上每半年召开一次 — two meetings in one half are not enough.
    ['suzhou-leading-group', ['2025-02-10', '2025-05-10'], 'met', 'missed'],
    ['suzhou-leading-group', ['2025-02-10', '2025-09-10'], 'met', 'met'],
    ['qinghai-branch', ['2025-06-30', '2025-07-01'], 'met', 'met'], // boundary days
    ['qinghai-branch', ['2025-08-10', '2025-09-10'], 'missed', 'met'],
  ] as const)('%s: meetings %o → first half %s, second half %s', (id, dates, first, second) => {
    const { byCode } = run({
      profile: BUILT_IN_PROFILES[id],
      meetings: dates.map((d) => meeting(d, { filing: null })),
    });
    expect(byCode['meetings-first-half']?.status).toBe(first);
    expect(byCode['meetings-second-half']?.status).toBe(second);
    expect(byCode['meetings-count']?.status).toBe('met');
  });

  it('asks Qinghai for both the secretary report and the written summary, Suzhou for the summary only', () => {
    const qh = run({ profile: QH }).result.items.map((i) => i.code);
    expect(qh).toEqual(expect.arrayContaining(['leader-report', 'annual-summary']));
    const sz = run({ profile: SZ }).result.items.map((i) => i.code);
    expect(sz).toContain('annual-summary');
    expect(sz).not.toContain('leader-report');
    expect(run({ profile: QH }).byCode['leader-report']?.message).toContain('书记述职');
  });

  it('ignores meetings of other years', () => {
    const { result } = run({ meetings: [meeting('2024-12-30'), meeting('2026-01-02')] });
    expect(result.meetingsHeld).toBe(0);
  });
});
