/**
 * The statutory calendar: which years we KNOW (from chinese-days or a schedule the user
 * imported from the State Council's notice), and for those years the public holidays and the
 * weekend days turned into working days (调休上班).
 *
 * Why our own tables instead of calling chinese-days directly: for a year outside its data
 * (it covers 2004–2026 in 1.5.7) chinese-days silently answers as if the year had no holidays
 * (e.g. isWorkday('2027-01-01') === true). A filing deadline computed that way would be wrong
 * without anyone noticing, so coverage is decided here from the library's own tables: a year is
 * built in only when the library lists at least one public holiday dated in it.
 */
import chineseDays from 'chinese-days';
import type { IsoDate } from './iso-date';
import { addDays, fromDayNumber, toDayNumber } from './iso-date';

/** A year's schedule as imported (see holiday-schedule-import.ts for the text format). */
export interface HolidaySchedule {
  year: number;
  /** The notice it was copied from, e.g. 国办发明电〔2026〕X号. */
  source: string;
  /** Inclusive ranges [first day, last day, name]. */
  holidays: readonly (readonly [IsoDate, IsoDate, string])[];
  /** Weekend days that are working days (调休上班). */
  workdays: readonly IsoDate[];
}

export interface YearSchedule {
  year: number;
  source: string;
  origin: 'built-in' | 'imported';
  /** Day → holiday name (放假). */
  holidays: ReadonlyMap<IsoDate, string>;
  /** Day → name of the holiday it makes up for (调休上班). */
  workdays: ReadonlyMap<IsoDate, string>;
}

export interface HolidayCalendar {
  readonly years: ReadonlyMap<number, YearSchedule>;
}

export interface CalendarYearMissing {
  code: 'calendar-year-missing';
  year: number;
  message: string;
}

export function calendarYearMissing(year: number): CalendarYearMissing {
  return {
    code: 'calendar-year-missing',
    year,
    message: `缺少${year}年的法定节假日安排，请导入国务院办公厅发布的该年度放假安排`,
  };
}

/** Range scanned for built-in data; the library has nothing before 2004. */
const SCAN_FROM = '2000-01-01';
const SCAN_TO = '2099-12-31';
const BUILT_IN_SOURCE = 'chinese-days 内置数据（依据国务院办公厅历年发布的部分节假日安排）';

/** chinese-days names days "Spring Festival,春节,4": keep the Chinese name. */
function chineseName(detailName: string): string {
  return detailName.split(',')[1] ?? detailName;
}

function scanBuiltInYear(year: number): YearSchedule {
  const holidays = new Map<IsoDate, string>();
  const workdays = new Map<IsoDate, string>();
  const first = toDayNumber(`${year}-01-01`);
  const last = toDayNumber(`${year}-12-31`);
  for (let day = first; day <= last; day++) {
    const date = fromDayNumber(day);
    const detail = chineseDays.getDayDetail(date);
    // Only table entries carry the "English,中文,n" name; plain days are named by weekday.
    if (!detail.name.includes(',')) continue;
    (detail.work ? workdays : holidays).set(date, chineseName(detail.name));
  }
  return { year, source: BUILT_IN_SOURCE, origin: 'built-in', holidays, workdays };
}

let builtInCache: readonly YearSchedule[] | null = null;

/** The years chinese-days has data for, scanned once (~70 ms) and cached. */
export function builtInYearSchedules(): readonly YearSchedule[] {
  if (builtInCache === null) {
    const listed = chineseDays.getHolidaysInRange(SCAN_FROM, SCAN_TO, false);
    const years = [...new Set(listed.map((d) => Number(d.slice(0, 4))))].sort((a, b) => a - b);
    builtInCache = years.map(scanBuiltInYear);
  }
  return builtInCache;
}

/** Expands an imported schedule into day tables. Assumes it passed parseHolidaySchedule. */
export function toYearSchedule(schedule: HolidaySchedule): YearSchedule {
  const holidays = new Map<IsoDate, string>();
  for (const [from, to, name] of schedule.holidays) {
    for (let d = from; d <= to; d = addDays(d, 1)) holidays.set(d, name);
  }
  const workdays = new Map<IsoDate, string>(schedule.workdays.map((d) => [d, '调休上班']));
  return { year: schedule.year, source: schedule.source, origin: 'imported', holidays, workdays };
}

/**
 * Built-in years plus imported schedules. An imported year replaces the built-in one: the
 * user imported it on purpose from the official notice, and `origin` keeps that visible.
 */
export function createHolidayCalendar(imported: readonly HolidaySchedule[] = []): HolidayCalendar {
  const years = new Map<number, YearSchedule>();
  for (const y of builtInYearSchedules()) years.set(y.year, y);
  for (const s of imported) years.set(s.year, toYearSchedule(s));
  return { years };
}

/** A new calendar with one more imported year (calendars are immutable values). */
export function withImportedSchedule(calendar: HolidayCalendar, schedule: HolidaySchedule): HolidayCalendar {
  const years = new Map(calendar.years);
  years.set(schedule.year, toYearSchedule(schedule));
  return { years };
}

/** Sorted years the calendar knows. */
export function coveredYears(calendar: HolidayCalendar): number[] {
  return [...calendar.years.keys()].sort((a, b) => a - b);
}

/** Coverage split by origin, as the contract's CalendarView wants it. */
export function describeCalendarCoverage(calendar: HolidayCalendar): {
  builtInYears: number[];
  importedYears: number[];
} {
  const years = coveredYears(calendar);
  return {
    builtInYears: years.filter((y) => calendar.years.get(y)?.origin === 'built-in'),
    importedYears: years.filter((y) => calendar.years.get(y)?.origin === 'imported'),
  };
}
