/**
 * Calendar arithmetic on the contract's own strings: dates `YYYY-MM-DD` and Beijing local
 * times `YYYY-MM-DDTHH:mm`. Everything is done in UTC on purpose, so the generator gives the
 * same book whatever time zone the machine runs in.
 */

export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** The date itself when it is Monday–Friday, else the following Monday. */
export function onWeekday(date: string): string {
  const w = weekday(date);
  return w === 6 ? addDays(date, 2) : w === 0 ? addDays(date, 1) : date;
}

/** The `n`-th (1-based) given weekday of a month, e.g. the third Saturday of September. */
export function nthWeekdayOf(year: number, month: number, day: number, n: number): string {
  const first = isoDate(year, month, 1);
  const offset = (day - weekday(first) + 7) % 7;
  return addDays(first, offset + 7 * (n - 1));
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

/** `date` at `minutes` after midnight, as a local time string. */
export function at(date: string, minutes: number): string {
  if (minutes < 0 || minutes >= 24 * 60) throw new RangeError(`时间超出一天：${minutes} 分钟`);
  return `${date}T${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

export function minutesOf(local: string): number {
  return Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16));
}

/** 2025年3月18日 */
export function chineseDate(date: string): string {
  return `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
