/**
 * Calendar dates as ISO strings (`YYYY-MM-DD`), with arithmetic done on UTC day numbers.
 *
 * Why strings and not Date: a meeting date is a civil date in China, not an instant.
 * Doing arithmetic on UTC midnights keeps it independent of the machine's time zone
 * (an office PC may be set to anything) and of DST.
 */

/** A civil date `YYYY-MM-DD`. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
/** China Standard Time has been UTC+8 without DST since 1991. */
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** True when `text` is a real calendar date in `YYYY-MM-DD` form (rejects 2025-02-30). */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/**
 * The date part of a date or local date-time (`2025-01-24`, `2025-01-24T09:30`,
 * `2025-01-24 09:30`). Meetings are recorded "to the minute" in local time; rules count days.
 * Throws RangeError on anything else: callers validate user input before calling rules.
 */
export function toIsoDate(dateOrDateTime: string): IsoDate {
  const date = dateOrDateTime.slice(0, 10);
  const rest = dateOrDateTime.slice(10);
  if (!isIsoDate(date) || (rest !== '' && !/^[T ]\d{2}:\d{2}/.test(rest))) {
    throw new RangeError(`不是有效的日期：${dateOrDateTime}`);
  }
  return date;
}

/** Days since 1970-01-01 for a valid ISO date. */
export function toDayNumber(date: IsoDate): number {
  const d = toIsoDate(date);
  return Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / MS_PER_DAY;
}

/** The ISO date of a day number (inverse of toDayNumber). */
export function fromDayNumber(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

export function isWeekend(date: IsoDate): boolean {
  const w = weekdayOf(date);
  return w === 0 || w === 6;
}

export function yearOf(date: IsoDate): number {
  return Number(toIsoDate(date).slice(0, 4));
}

/**
 * The civil date in China of an instant (ISO timestamp with zone, e.g. the ledger's
 * `recordedAt`). A plain date or zone-less date-time is taken as already being Chinese local time.
 */
export function chinaDateOf(timestampOrDate: string): IsoDate {
  if (!/T.*(Z|[+-]\d{2}:?\d{2})$/.test(timestampOrDate)) return toIsoDate(timestampOrDate);
  const ms = Date.parse(timestampOrDate);
  if (Number.isNaN(ms)) throw new RangeError(`不是有效的时间：${timestampOrDate}`);
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** `2025年1月24日` for messages. */
export function formatChineseDate(date: IsoDate): string {
  const d = toIsoDate(date);
  return `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
}
