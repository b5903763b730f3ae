/**
 * A spot check's random sample (issue: 不定期抽查), drawn so that anyone can re-draw it: the
 * seed (32 bytes from the platform's CSPRNG) and the method are recorded with the check, and
 * the same seed over the same population gives the same entries, on any machine.
 *
 * Method `hmac-sha256-fisher-yates/v1`:
 * - the population is the book's seqs that qualify (all, one kind, one year), ascending;
 * - the k-th random integer below `bound` is taken from HMAC-SHA256(seed, "k") read as a
 *   48-bit big-endian number, rejected and redrawn (next k) when it falls in the last partial
 *   range, so every value is equally likely (no modulo bias);
 * - a partial Fisher–Yates shuffle picks `count` positions; the sample is those seqs sorted.
 * Written out so the check can be reproduced with a few lines of any language.
 */
import crypto from 'node:crypto';

export const SAMPLE_METHOD = 'hmac-sha256-fisher-yates/v1';
const SPAN = 2 ** 48;

export interface SampleRecord {
  method: typeof SAMPLE_METHOD;
  /** 64 hex characters. */
  seed: string;
  /** How many entries were asked for (fewer when the population is smaller). */
  count: number;
  /** The qualifying seqs' count at the time of the draw. */
  populationSize: number;
  seqs: number[];
}

export function newSeed(): string {
  return crypto.randomBytes(32).toString('hex');
}

function assertSeed(seed: string): Buffer {
  if (!/^[0-9a-f]{64}$/.test(seed)) throw new Error('抽样种子应为 64 位十六进制数');
  return Buffer.from(seed, 'hex');
}

/** Uniform integers in [0, bound), from the seed, in order. */
function uniformInts(seed: Buffer): (bound: number) => number {
  let k = 0;
  return (bound) => {
    if (!Number.isSafeInteger(bound) || bound < 1 || bound > SPAN) throw new Error(`抽样范围无效：${bound}`);
    const limit = SPAN - (SPAN % bound);
    for (;;) {
      const mac = crypto.createHmac('sha256', seed).update(String(k++)).digest();
      const x = mac.readUIntBE(0, 6);
      if (x < limit) return x % bound;
    }
  };
}

/** Draws `count` of the population's seqs (ascending in the record). */
export function drawSample(seed: string, population: readonly number[], count: number): SampleRecord {
  if (!Number.isInteger(count) || count < 1) throw new Error('抽样数量应为正整数');
  const pool = [...population];
  for (let i = 1; i < pool.length; i++) {
    if (!(pool[i]! > pool[i - 1]!)) throw new Error('抽样总体应为递增的条目序号');
  }
  const next = uniformInts(assertSeed(seed));
  const take = Math.min(count, pool.length);
  for (let i = 0; i < take; i++) {
    const j = i + next(pool.length - i);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return {
    method: SAMPLE_METHOD,
    seed,
    count,
    populationSize: population.length,
    seqs: pool.slice(0, take).sort((a, b) => a - b),
  };
}

/** Re-draws a recorded sample from its seed over the same population: true when it is the same. */
export function redrawMatches(record: SampleRecord, population: readonly number[]): boolean {
  if (record.method !== SAMPLE_METHOD || population.length !== record.populationSize) return false;
  const again = drawSample(record.seed, population, record.count);
  return again.seqs.length === record.seqs.length && again.seqs.every((s, i) => s === record.seqs[i]);
}
