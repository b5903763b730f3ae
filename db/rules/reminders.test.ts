import { describe, expect, it } from 'vitest';
import { createHolidayCalendar } from './holiday-calendar';
import { computeReminders, type RemindersInput } from './reminders';
import { BUILT_IN_PROFILES } from './profiles';

const beijing = BUILT_IN_PROFILES['beijing-work-group'];
const suzhou = BUILT_IN_PROFILES['suzhou-leading-group'];
const calendar = createHolidayCalendar();

function at(today: string, over: Partial<RemindersInput> = {}) {
  return computeReminders({
    today,
    profile: beijing,
    calendar,
    meetings: [],
    leaderReportYears: [],
    calendarYears: [2025, 2026],
    ...over,
  });
}

describe('reminders (frozen clock)', () => {
  it('counts the filing deadline in working days across National Day', () => {
    const meetings: RemindersInput['meetings'] = [{ seq: 7, startAt: '2025-09-30T09:30', quorate: true }];
    // Deadline 2025-10-11 (调休 Saturday); on 10-08 (a holiday) three working days remain.
    const filing = (today: string, m = meetings) =>
      at(today, { meetings: m, leaderReportYears: [2025] }).filter((r) => r.code.startsWith('filing'));
    expect(filing('2025-10-08').map((r) => [r.code, r.message.match(/还剩 \d 个工作日/)?.[0]])).toEqual([
      ['filing-due', '还剩 3 个工作日'],
    ]);
    // On 10-02 there are still 3 working days (9, 10, 11): in the window too.
    expect(filing('2025-10-02')[0]!.message).toContain('还剩 3 个工作日');
    expect(filing('2025-10-11')[0]!.message).toContain('最后一天');
    expect(filing('2025-10-13')[0]).toMatchObject({ code: 'filing-overdue', level: 'urgent', seqs: [7] });
    expect(filing('2025-10-13', [{ ...meetings[0]!, filedDate: '2025-10-10' }])).toEqual([]);
  });

  it('reminds from the meeting day: the whole 3-working-day window, and not for a meeting not yet held', () => {
    const r = at('2025-03-18', {
      meetings: [{ seq: 3, startAt: '2025-03-18T09:00', quorate: true }],
      leaderReportYears: [2024],
    });
    expect(r.map((x) => x.code)).toEqual(['filing-due']);
    expect(
      at('2025-03-17', {
        meetings: [{ seq: 3, startAt: '2025-03-18T09:00', quorate: true }],
        leaderReportYears: [2024],
      }),
    ).toEqual([]);
    // A minutes deadline of 5 working days: quiet until 3 remain.
    const five = { ...beijing, filing: { ...beijing.filing, workingDays: 5 } };
    const m = [{ seq: 3, startAt: '2025-03-18T09:00', quorate: true }];
    expect(
      computeReminders({
        today: '2025-03-19',
        profile: five,
        calendar,
        meetings: m,
        leaderReportYears: [2024],
        calendarYears: [2025],
      }),
    ).toEqual([]);
    expect(
      computeReminders({
        today: '2025-03-20',
        profile: five,
        calendar,
        meetings: m,
        leaderReportYears: [2024],
        calendarYears: [2025],
      })[0]!.message,
    ).toContain('还剩 3 个工作日');
    expect(r[0]!.message).toContain('还剩 3 个工作日');
  });

  it('warns of a half-year with no valid meeting where the profile asks for one each half', () => {
    const inquorate = [{ seq: 4, startAt: '2026-07-20T09:00', quorate: false, filedDate: '2026-07-21' }];
    const r = computeReminders({
      today: '2026-09-01',
      profile: suzhou,
      calendar,
      meetings: inquorate,
      leaderReportYears: [],
      calendarYears: [2026],
    });
    expect(r.map((x) => [x.id, x.level])).toEqual([['half-year:2026-2', 'warning']]);
    expect(r[0]!.action.target).toEqual({ page: 'new-meeting' });
    const held = [{ seq: 5, startAt: '2026-07-20T09:00', quorate: true, filedDate: '2026-07-21' }];
    expect(
      computeReminders({
        today: '2026-09-01',
        profile: suzhou,
        calendar,
        meetings: held,
        leaderReportYears: [],
        calendarYears: [2026],
      }),
    ).toEqual([]);
  });

  it('asks for the yearly count in the second half where no half-year rule applies', () => {
    const one = [{ seq: 5, startAt: '2026-03-20T09:00', quorate: true, filedDate: '2026-03-20' }];
    expect(at('2026-05-01', { meetings: one }).map((x) => x.code)).toEqual([]);
    expect(at('2026-08-01', { meetings: one }).map((x) => x.title)).toEqual(['2026年党建工作小组会还差 1 次']);
  });

  it('asks for the 述职 from the fourth quarter, and for last year’s until March', () => {
    expect(at('2026-09-30', { meetings: [] }).filter((r) => r.code === 'leader-report-due')).toEqual([]);
    expect(
      at('2026-10-01')
        .filter((r) => r.code === 'leader-report-due')
        .map((r) => r.id),
    ).toEqual(['leader-report:2026']);
    expect(at('2026-10-01', { leaderReportYears: [2026] }).filter((r) => r.code === 'leader-report-due')).toEqual([]);
    expect(
      at('2026-02-01', { leaderReportYears: [] })
        .filter((r) => r.code === 'leader-report-due')
        .map((r) => r.id),
    ).toEqual(['leader-report:2025']);
  });

  it('asks for next year’s holiday schedule from November, and this year’s at once', () => {
    expect(at('2026-10-31', { leaderReportYears: [2026] }).filter((r) => r.code === 'holidays-missing')).toEqual([]);
    const nov = at('2026-11-02', { leaderReportYears: [2026] }).filter((r) => r.code === 'holidays-missing');
    expect(nov.map((r) => [r.id, r.level])).toEqual([['holidays:2027', 'warning']]);
    expect(at('2026-12-01', { leaderReportYears: [2026] }).find((r) => r.code === 'holidays-missing')!.level).toBe(
      'urgent',
    );
    const missing = at('2027-01-05', { calendarYears: [2026], leaderReportYears: [2026] }).filter(
      (r) => r.code === 'holidays-missing',
    );
    expect(missing.map((r) => r.id)).toEqual(['holidays:2027']);
    expect(missing[0]!.action.target).toEqual({ page: 'holidays' });
  });

  it('puts urgent ones first', () => {
    const r = at('2026-12-01', { meetings: [{ seq: 9, startAt: '2026-11-30T09:00', quorate: true }] });
    expect(r.map((x) => x.level)).toEqual(
      [...r.map((x) => x.level)].sort((a, b) => (a === b ? 0 : a === 'urgent' ? -1 : 1)),
    );
    expect(r.map((x) => x.code).sort()).toEqual([
      'filing-due',
      'half-year-no-meeting',
      'holidays-missing',
      'leader-report-due',
    ]);
  });
});
