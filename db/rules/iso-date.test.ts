import { describe, expect, it } from 'vitest';
import { addDays, chinaDateOf, daysBetween, formatChineseDate, isIsoDate, toIsoDate, weekdayOf } from './iso-date';

describe('iso-date', () => {
  it.each([
    ['2025-01-24', true],
    ['2024-02-29', true], // leap year
    ['2025-02-29', false],
    ['2025-02-30', false],
    ['2025-1-24', false],
    ['2025-01-24T09:30', false],
  ])('isIsoDate(%s) → %s', (text, ok) => {
    expect(isIsoDate(text)).toBe(ok);
  });

  it('computes weekdays and spans without the local time zone', () => {
    expect(weekdayOf('2025-01-26')).toBe(0); // Sunday
    expect(weekdayOf('2025-02-08')).toBe(6); // Saturday
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(daysBetween('2025-02-28', '2025-03-01')).toBe(1);
    expect(toIsoDate('2025-01-24T09:30')).toBe('2025-01-24');
    expect(() => toIsoDate('2025-01-24junk')).toThrow(RangeError);
    expect(formatChineseDate('2025-01-05')).toBe('2025年1月5日');
  });

  it('takes the Beijing date of an instant', () => {
    expect(chinaDateOf('2025-12-31T16:00:00.000Z')).toBe('2026-01-01');
    expect(chinaDateOf('2025-12-31T15:59:59Z')).toBe('2025-12-31');
    expect(chinaDateOf('2025-12-31T09:00')).toBe('2025-12-31'); // zone-less: already local
  });
});
