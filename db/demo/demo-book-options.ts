/**
 * The demo book a newcomer opens from the first-run screen: two years of a Beijing work group
 * (the first one shows every kind and every flag once, the second an ordinary year), from a
 * fixed seed, so every newcomer sees the same book.
 */
import type { DemoOptions } from './generate-demo-book';

export const DEMO_BOOK_OPTIONS = { entries: 60, seed: 7, startYear: 2024 } as const satisfies DemoOptions;
