/**
 * The generator's only source of chance: mulberry32 (the same PRNG the tests and the
 * benchmark use), so one seed always gives the same book, call for call.
 */
import { seededRandom } from './seeded-random';

export class DemoRandom {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = seededRandom(seed);
  }
  /** [0, 1) */
  float(): number {
    return this.next();
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    if (list.length === 0) throw new RangeError('不能从空列表中选取');
    return list[Math.floor(this.next() * list.length)]!;
  }
  /** `n` distinct items, in the list's order. */
  sample<T>(list: readonly T[], n: number): T[] {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(n, list.length)) chosen.add(Math.floor(this.next() * list.length));
    return [...chosen].sort((a, b) => a - b).map((i) => list[i]!);
  }
}
