import { describe, expect, it } from 'vitest';
import { createHolidayCalendar } from './holiday-calendar';
import { parseHolidaySchedule } from './holiday-schedule-import';
import { addWorkingDays } from './working-days';

const VALID = {
  year: 2027,
  source: '国办发明电〔2026〕X号（测试用）',
  holidays: [
    ['2027-01-01', '2027-01-03', '元旦'],
    ['2027-02-05', '2027-02-12', '春节'],
  ],
  workdays: ['2027-02-13', '2027-01-31'],
};

function problemsOf(json: unknown): string[] {
  const r = parseHolidaySchedule(typeof json === 'string' ? json : JSON.stringify(json));
  return r.ok ? [] : r.error.problems;
}

describe('parseHolidaySchedule', () => {
  it('parses the documented format into a usable calendar year', () => {
    const r = parseHolidaySchedule(`\uFEFF${JSON.stringify(VALID, null, 2)}`);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.year).toBe(2027);
    const calendar = createHolidayCalendar([r.value]);
    const due = addWorkingDays('2027-02-04', 2, calendar);
    // 2-5..2-12 off, Saturday 2-13 works (1), Sunday 2-14 off, Monday 2-15 (2)
    expect(due).toEqual({ ok: true, value: '2027-02-15' });
  });

  it('defaults workdays to none', () => {
    const r = parseHolidaySchedule(JSON.stringify({ ...VALID, workdays: undefined }));
    expect(r.ok && r.value.workdays).toEqual([]);
  });

  it.each([
    ['not JSON', '{year: 2027', '不是有效的 JSON'],
    ['an array', '[]', '内容应为一个 JSON 对象'],
    ['no source', { ...VALID, source: ' ' }, '请填写来源文件'],
    ['a fractional year', { ...VALID, year: 2027.5 }, '年份应为整数'],
    ['no holidays', { ...VALID, holidays: [] }, '至少需要一项放假安排'],
    ['an invalid date', { ...VALID, holidays: [['2027-02-30', '2027-03-01', '春节']] }, '“2027-02-30”不是有效日期'],
    [
      'a holiday outside the year',
      { ...VALID, holidays: [['2026-12-31', '2027-01-01', '元旦']] },
      '第1项放假安排（元旦）的日期不在2027年内',
    ],
    [
      'a range ending before it starts',
      { ...VALID, holidays: [['2027-01-03', '2027-01-01', '元旦']] },
      '结束日期早于开始日期',
    ],
    [
      'overlapping holidays',
      {
        ...VALID,
        holidays: [
          ['2027-01-01', '2027-01-03', '元旦'],
          ['2027-01-03', '2027-01-04', '补假'],
        ],
      },
      '日期重叠',
    ],
    ['an implausibly long range', { ...VALID, holidays: [['2027-10-01', '2027-11-07', '国庆节']] }, '长达38天'],
    ['a workday outside the year', { ...VALID, workdays: ['2026-12-26'] }, '不在2027年内'],
    ['a workday on a weekday', { ...VALID, workdays: ['2027-02-15'] }, '不是周六或周日'],
    ['a workday inside a holiday', { ...VALID, workdays: ['2027-02-06'] }, '落在放假安排（春节）之内'],
    ['a duplicate workday', { ...VALID, workdays: ['2027-02-13', '2027-02-13'] }, '重复'],
    ['an unknown field (typo)', { ...VALID, workday: ['2027-02-13'] }, '未知的字段：workday'],
    ['a malformed range', { ...VALID, holidays: [['2027-01-01', '元旦']] }, '放假安排第1项'],
  ])('refuses %s', (_what, json, fragment) => {
    const problems = problemsOf(json);
    expect(problems.join('；')).toContain(fragment);
  });

  it('names every problem in one message', () => {
    const r = parseHolidaySchedule(JSON.stringify({ ...VALID, workdays: ['2027-02-15', '2026-12-26'] }));
    expect(!r.ok && r.error.code).toBe('schedule-invalid');
    expect(!r.ok && r.error.problems.length).toBe(2);
    expect(!r.ok && r.error.message.startsWith('节假日安排无法导入：')).toBe(true);
  });
});
