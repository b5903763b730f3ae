/**
 * Dates and times as the record book writes them. Sealed dates are Beijing-local strings;
 * the ledger's `recordedAt` is UTC and is shown in Beijing time (UTC+8, no daylight saving),
 * whatever the computer's time zone, so every reader sees the page the same.
 */

/** `2025-03-18` → 2025年3月18日 (anything else is returned as it is). */
export function chineseDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : date;
}

/** `2025-03-18T09:30` (Beijing time) → 2025年3月18日 09:30. */
export function chineseDateTime(dateTime: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(dateTime);
  return m ? `${chineseDate(m[1]!)} ${m[2]}` : dateTime;
}

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** An ISO instant (the ledger's UTC `recordedAt`) → Beijing time to the minute, 2025年3月18日 11:10. */
export function beijingTime(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const local = new Date(t + BEIJING_OFFSET_MS).toISOString();
  return chineseDateTime(local.slice(0, 16));
}
