/**
 * Working days in the Chinese statutory calendar: Monday–Friday are working days unless a
 * public holiday; Saturday/Sunday are off unless a 调休 working day. For a year the calendar
 * does not cover, nothing is guessed: the result is `calendar-year-missing` naming the year.
 */
import type { CalendarYearMissing, HolidayCalendar } from './holiday-calendar';
import { calendarYearMissing } from './holiday-calendar';
import type { IsoDate } from './iso-date';
import { addDays, isWeekend, toIsoDate, yearOf } from './iso-date';

export { coveredYears } from './holiday-calendar';

export type CalendarOutcome<T> = { ok: true; value: T } | { ok: false; error: CalendarYearMissing };

/** Longest span walked day by day; beyond it the caller has a bug, not a deadline. */
const MAX_SPAN_DAYS = 3_700;

export function isWorkingDay(date: IsoDate, calendar: HolidayCalendar): CalendarOutcome<boolean> {
  const day = toIsoDate(date);
  const year = calendar.years.get(yearOf(day));
  if (!year) return { ok: false, error: calendarYearMissing(yearOf(day)) };
  if (year.workdays.has(day)) return { ok: true, value: true };
  if (year.holidays.has(day)) return { ok: true, value: false };
  return { ok: true, value: !isWeekend(day) };
}

/**
 * The n-th working day after `date` (the day itself never counts, even if a working day):
 * the deadline of a rule like 「形成会议纪要后3个工作日内」. n = 0 returns `date`.
 */
export function addWorkingDays(date: IsoDate, n: number, calendar: HolidayCalendar): CalendarOutcome<IsoDate> {
  if (!Number.isSafeInteger(n) || n < 0 || n > 1_000)
    throw new RangeError(`工作日数必须是0到1000之间的整数，收到 ${n}`);
  let day = toIsoDate(date);
  let left = n;
  while (left > 0) {
    day = addDays(day, 1);
    const working = isWorkingDay(day, calendar);
    if (!working.ok) return working;
    if (working.value) left--;
  }
  return { ok: true, value: day };
}

/**
 * Working days d with from < d ≤ to (so workingDaysBetween(d, addWorkingDays(d, n)) === n).
 * Negative when `to` is before `from`.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate, calendar: HolidayCalendar): CalendarOutcome<number> {
  const start = toIsoDate(from);
  const end = toIsoDate(to);
  if (end < start) {
    const reverse = workingDaysBetween(end, start, calendar);
    return reverse.ok ? { ok: true, value: -reverse.value } : reverse;
  }
  let count = 0;
  let steps = 0;
  for (let day = addDays(start, 1); day <= end; day = addDays(day, 1)) {
    if (++steps > MAX_SPAN_DAYS) throw new RangeError(`日期跨度过大：${from} 至 ${to}`);
    const working = isWorkingDay(day, calendar);
    if (!working.ok) return working;
    if (working.value) count++;
  }
  return { ok: true, value: count };
}
