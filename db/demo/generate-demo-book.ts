/**
 * The demo book: a Beijing 党建工作小组 (profile `beijing-work-group`) year after year, as the
 * service calls its recorder makes. Pure and deterministic: the same options give the same
 * steps, and nothing here touches a database (see run-demo.ts for that).
 */
import { DemoBookState } from './demo-book-state';
import { at as localTime, minutesOf } from './demo-dates';
import type { DemoStep } from './demo-step';
import { planYear } from './demo-year';

export interface DemoOptions {
  /** Keep adding whole years until the book holds at least this many entries (default 60). */
  entries?: number;
  seed?: number;
  /** The year the group is set up (default 2023, so that the holiday calendar covers the first years). */
  startYear?: number;
}

export const DEFAULT_ENTRIES = 60;
/** About 80 calls a working day in a ten-year book: more would no longer fit in office hours. */
export const MAX_ENTRIES = 200_000;
/**
 * A group's first two terms. A book needing more than its natural ~30 entries a year gets busier
 * years within this span rather than centuries of them (the contract's dates end in 2100).
 */
export const SPAN_YEARS = 10;

export function demoDefaults(options: DemoOptions = {}): Required<DemoOptions> {
  const entries = options.entries ?? DEFAULT_ENTRIES;
  const seed = options.seed ?? 1;
  const startYear = options.startYear ?? 2023;
  if (!Number.isInteger(entries) || entries < 1 || entries > MAX_ENTRIES)
    throw new RangeError(`条目数应为 1–${MAX_ENTRIES} 之间的整数`);
  if (!Number.isInteger(seed)) throw new RangeError('随机种子应为整数');
  if (!Number.isInteger(startYear) || startYear < 1990 || startYear > 2090)
    throw new RangeError('起始年份应在 1990–2090 之间');
  return { entries, seed, startYear };
}

export function* generateDemoBook(options: DemoOptions = {}): Generator<DemoStep> {
  const { entries, seed, startYear } = demoDefaults(options);
  const book = new DemoBookState(seed);
  let last = '';
  for (let year = startYear; book.size < entries; year++) {
    // Spread what is still missing over the years left of the span; past it, each year is a natural one.
    const yearsLeft = startYear + SPAN_YEARS - year;
    const want = yearsLeft > 0 ? Math.ceil((entries - book.size) / yearsLeft) : 0;
    book.startYear();
    book.roster.forgetLeftBefore(`${year - 1}-01-01`);
    const events = planYear(book, year, year === startYear, want);
    // Stable: events planned for the same minute keep their planned order.
    events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    for (const event of events) {
      for (const step of event.build()) {
        if (step.at <= last) step.at = nextMinuteSameDay(last, step.at);
        last = step.at;
        yield step;
      }
    }
  }
}

/** Calls never go back in time (the ledger flags a clock that does); a same-minute call moves one minute on. */
function nextMinuteSameDay(previous: string, planned: string): string {
  const moved = localTime(previous.slice(0, 10), minutesOf(previous) + 1);
  if (moved.slice(0, 10) !== planned.slice(0, 10)) {
    throw new Error(`演示数据的时间顺序有误：${planned} 早于 ${previous}`);
  }
  return moved;
}
