import type { Clock } from '../ledger/types';

/**
 * A controllable clock: every call advances by `stepMs` from the current time; `set()`
 * moves it anywhere, including backwards (the "clock set back" case).
 */
export function makeTestClock(start = '2025-03-01T08:00:00.000Z', stepMs = 1000): Clock & { set(iso: string): void } {
  let now = Date.parse(start);
  const clock = (() => {
    const date = new Date(now);
    now += stepMs;
    return date;
  }) as Clock & { set(iso: string): void };
  clock.set = (iso: string) => {
    now = Date.parse(iso);
  };
  return clock;
}
