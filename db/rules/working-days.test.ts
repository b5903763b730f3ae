import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { createHolidayCalendar, describeCalendarCoverage, withImportedSchedule } from './holiday-calendar';
import { FICTIONAL_2027 } from './test-fixtures';
import { addWorkingDays, coveredYears, isWorkingDay, workingDaysBetween } from './working-days';

const calendar = createHolidayCalendar();

function value<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('why coverage is decided here: chinese-days guesses beyond its data', () => {
  it('treats 2027-01-01 (New Year) as a plain Friday working day', () => {
    // If this fails, chinese-days now covers 2027: move the "beyond the data" tests to the next year.
    expect(chineseDays.isWorkday('2027-01-01')).toBe(true);
    expect(coveredYears(calendar)).not.toContain(2027);
  });
});

describe('built-in coverage', () => {
  it('covers 2004 to 2026 from chinese-days', () => {
    const years = coveredYears(calendar);
    expect(years[0]).toBe(2004);
    expect(years).toContain(2025);
    expect(years).toContain(2026);
    expect(describeCalendarCoverage(calendar).importedYears).toEqual([]);
  });
});

describe('isWorkingDay', () => {
  it.each([
    // 2025 (国办发明电〔2024〕12号)
    ['2025-01-24', true], // Friday before Spring Festival
    ['2025-01-25', false], // Saturday
    ['2025-01-26', true], // Sunday, 调休上班
    ['2025-01-28', false], // 除夕
    ['2025-02-04', false], // last day off
    ['2025-02-05', true],
    ['2025-02-08', true], // Saturday, 调休上班
    ['2025-09-28', true], // Sunday, 调休上班
    ['2025-10-01', false],
    ['2025-10-06', false], // 中秋 inside the National Day block
    ['2025-10-08', false],
    ['2025-10-09', true],
    ['2025-10-11', true], // Saturday, 调休上班
    ['2025-10-12', false], // Sunday
    // 2026 (gov.cn 202511/content_7047091): 元旦 1.1–3 (1.4 上班); 春节 2.15–23 (2.14, 2.28 上班);
    // 国庆 10.1–7 (9.20, 10.10 上班)
    ['2026-01-02', false],
    ['2026-01-04', true], // Sunday, 调休上班
    ['2026-02-14', true], // Saturday, 调休上班
    ['2026-02-15', false],
    ['2026-02-23', false], // Monday, last day off
    ['2026-02-24', true],
    ['2026-02-28', true], // Saturday, 调休上班
    ['2026-09-20', true], // Sunday, 调休上班
    ['2026-10-01', false],
    ['2026-10-07', false], // Wednesday, still off
    ['2026-10-08', true],
    ['2026-10-10', true], // Saturday, 调休上班
  ])('%s → %s', (date, working) => {
    expect(value(isWorkingDay(date, calendar))).toBe(working);
  });
});

describe('addWorkingDays (the day itself does not count)', () => {
  it.each([
    ['2025-01-24', 3, '2025-02-05'], // Sat off, Sun 1-26 works (1), Mon (2), 1-28..2-4 off, Wed 2-5 (3)
    ['2025-01-24', 1, '2025-01-26'], // the 调休 Sunday
    ['2025-01-27', 1, '2025-02-05'],
    ['2025-09-30', 3, '2025-10-11'], // 10-1..10-8 off, 10-9 (1), 10-10 (2), Saturday 10-11 (3)
    ['2025-09-26', 1, '2025-09-28'], // Friday → the 调休 Sunday
    ['2026-02-13', 3, '2026-02-25'], // Sat 2-14 works (1), 2-15..2-23 off, 2-24 (2), 2-25 (3)
    ['2026-09-30', 3, '2026-10-10'], // 10-8 (1), 10-9 (2), Saturday 10-10 (3)
    ['2026-09-18', 1, '2026-09-20'], // Friday → the 调休 Sunday
    ['2025-03-18', 0, '2025-03-18'],
    ['2025-03-21', 3, '2025-03-26'], // ordinary weekend
  ] as const)('%s + %i working days → %s', (date, n, expected) => {
    expect(value(addWorkingDays(date, n, calendar))).toBe(expected);
  });

  it('accepts a meeting date-time and counts from its date', () => {
    expect(value(addWorkingDays('2025-01-24T16:30', 3, calendar))).toBe('2025-02-05');
  });

  it('refuses a negative count', () => {
    expect(() => addWorkingDays('2025-01-24', -1, calendar)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it.each([
    ['2025-01-24', '2025-02-05', 3],
    ['2025-02-05', '2025-01-24', -3],
    ['2025-09-30', '2025-10-11', 3],
    ['2025-01-24', '2025-01-24', 0],
    ['2026-02-13', '2026-02-28', 6], // 2-14, 2-24, 2-25, 2-26, 2-27, 2-28
  ] as const)('%s → %s: %i', (from, to, n) => {
    expect(value(workingDaysBetween(from, to, calendar))).toBe(n);
  });

  it('agrees with addWorkingDays over a whole covered year', () => {
    for (let n = 1; n <= 240; n += 7) {
      const due = value(addWorkingDays('2025-01-02', n, calendar));
      expect(value(workingDaysBetween('2025-01-02', due, calendar))).toBe(n);
    }
  });
});

describe('a year beyond the data (2027)', () => {
  const missing = {
    code: 'calendar-year-missing',
    year: 2027,
    message: '缺少2027年的法定节假日安排，请导入国务院办公厅发布的该年度放假安排',
  };

  it('does not guess before a schedule is imported', () => {
    expect(isWorkingDay('2027-01-01', calendar)).toEqual({ ok: false, error: missing });
    expect(addWorkingDays('2026-12-30', 3, calendar)).toEqual({ ok: false, error: missing });
    expect(workingDaysBetween('2026-12-01', '2027-01-05', calendar)).toEqual({ ok: false, error: missing });
    // Within 2026 the same meeting has an answer: 12-31 is its first working day.
    expect(value(addWorkingDays('2026-12-30', 1, calendar))).toBe('2026-12-31');
  });

  it('answers after importing the year', () => {
    const withYear = withImportedSchedule(calendar, FICTIONAL_2027);
    expect(coveredYears(withYear)).toContain(2027);
    expect(describeCalendarCoverage(withYear).importedYears).toEqual([2027]);
    expect(value(isWorkingDay('2027-01-01', withYear))).toBe(false);
    expect(value(isWorkingDay('2027-02-06', withYear))).toBe(true); // imported 调休 Saturday
    // 12-31 (1), 1-1..1-3 off, 1-4 Mon (2), 1-5 (3)
    expect(value(addWorkingDays('2026-12-30', 3, withYear))).toBe('2027-01-05');
    // the original calendar is unchanged
    expect(isWorkingDay('2027-01-01', calendar).ok).toBe(false);
    expect(createHolidayCalendar([FICTIONAL_2027]).years.get(2027)?.origin).toBe('imported');
  });
});
