import { describe, expect, it } from 'vitest';
import type { FilingInput } from './filing';
import { evaluateFiling, recordingDelay } from './filing';
import { createHolidayCalendar } from './holiday-calendar';
import { BUILT_IN_PROFILES } from './profiles';
import { FICTIONAL_2027 } from './test-fixtures';

const calendar = createHolidayCalendar();
const BJ = BUILT_IN_PROFILES['beijing-work-group'];

function filing(over: Partial<FilingInput>) {
  return evaluateFiling({ meetingDate: '2025-01-24T14:00', today: '2025-03-01', profile: BJ, calendar, ...over });
}

describe('evaluateFiling (000: 形成会议纪要后3个工作日内报送党建委办公室备案)', () => {
  it.each([
    // meeting, filed, today, status, deadline
    ['2025-01-24', '2025-02-05', '2025-03-01', 'on-time', '2025-02-05'], // on the deadline, across Spring Festival
    ['2025-01-24', '2025-01-26', '2025-03-01', 'on-time', '2025-02-05'], // on the 调休 Sunday
    ['2025-01-24', '2025-02-06', '2025-03-01', 'late', '2025-02-05'],
    ['2025-01-24', undefined, '2025-02-05', 'pending', '2025-02-05'],
    ['2025-01-24', undefined, '2025-02-06', 'overdue', '2025-02-05'],
    ['2025-09-30', '2025-10-11', '2025-11-01', 'on-time', '2025-10-11'], // the 调休 Saturday
    ['2025-09-30', '2025-10-13', '2025-11-01', 'late', '2025-10-11'],
    ['2026-09-30', '2026-10-10', '2026-11-01', 'on-time', '2026-10-10'],
    ['2026-02-13', undefined, '2026-02-26', 'overdue', '2026-02-25'],
  ] as const)(
    'meeting %s, filed %s, today %s → %s (deadline %s)',
    (meetingDate, filedDate, today, status, deadline) => {
      const r = filing({ meetingDate, filedDate, today });
      expect(r.status).toBe(status);
      expect(r.deadline).toBe(deadline);
    },
  );

  it('words the rule and the deadline in Chinese', () => {
    expect(filing({ filedDate: '2025-02-06' }).message).toBe(
      '会议纪要应在形成后3个工作日内报送党建委办公室备案（截止日期为2025年2月5日）；2025年2月6日才备案，已逾期。',
    );
  });

  it('starts the clock when the minutes are formed, if later than the meeting', () => {
    const r = filing({ meetingDate: '2025-01-20', minutesDate: '2025-01-24', filedDate: '2025-02-05' });
    expect([r.status, r.deadline]).toEqual(['on-time', '2025-02-05']);
  });

  it('is not required where the profile sets no deadline', () => {
    for (const id of ['suzhou-leading-group', 'qinghai-branch'] as const) {
      const r = filing({ profile: BUILT_IN_PROFILES[id] });
      expect([r.status, r.deadline]).toEqual(['not-required', null]);
    }
  });

  it('refuses a filing or minutes date before the meeting', () => {
    expect(filing({ filedDate: '2025-01-23' }).status).toBe('invalid');
    expect(filing({ minutesDate: '2025-01-23' }).status).toBe('invalid');
  });

  describe('when the deadline falls in a year without a schedule (2027)', () => {
    const december = { meetingDate: '2026-12-30' };
    it('does not guess a deadline', () => {
      const r = filing({ ...december, today: '2027-01-10' });
      expect(r).toMatchObject({ status: 'calendar-missing', deadline: null, missingYear: 2027 });
      expect(r.message).toContain('缺少2027年的法定节假日安排');
    });
    it('still decides what cannot depend on the calendar (within 3 calendar days)', () => {
      expect(filing({ ...december, filedDate: '2027-01-02', today: '2027-01-10' }).status).toBe('on-time');
      expect(filing({ ...december, today: '2027-01-02' }).status).toBe('pending');
      expect(filing({ ...december, filedDate: '2027-01-05', today: '2027-01-10' }).status).toBe('calendar-missing');
    });
    it('decides after the year is imported', () => {
      const withYear = createHolidayCalendar([FICTIONAL_2027]);
      expect(filing({ ...december, calendar: withYear, filedDate: '2027-01-05' })).toMatchObject({
        status: 'on-time',
        deadline: '2027-01-05',
      });
      expect(filing({ ...december, calendar: withYear, filedDate: '2027-01-06' }).status).toBe('late');
    });
  });
});

describe('recordingDelay', () => {
  it.each([
    ['2025-03-18T09:30', '2025-03-18T02:00:00.000Z', 0, false],
    ['2025-03-18T09:30', '2025-03-21T15:59:00.000Z', 3, false], // 23:59 Beijing time on day 3
    ['2025-03-18T09:30', '2025-03-21T16:00:00.000Z', 4, true], // 00:00 Beijing time on day 4
    ['2025-03-18', '2025-03-25T10:00:00+08:00', 7, true],
    ['2025-03-18', '2025-03-17T10:00:00+08:00', -1, true], // recorded before the event: flagged
  ] as const)('event %s recorded %s → %i days, flagged %s', (eventDate, recordedAt, days, flagged) => {
    const r = recordingDelay({ eventDate, recordedAt });
    expect([r.days, r.flagged]).toEqual([days, flagged]);
  });

  it('takes another threshold and explains the flag', () => {
    const r = recordingDelay({ eventDate: '2025-03-18', recordedAt: '2025-03-20T10:00:00+08:00', flagAfterDays: 1 });
    expect(r.flagged).toBe(true);
    expect(r.message).toBe('事项发生于2025年3月18日，2天后（2025年3月20日）才记录，超过1天。');
  });
});
