/**
 * Thresholds as exact fractions. Chinese rule texts phrase them two ways and the difference
 * decides real cases (DOMAIN.md, "Meeting rules by profile"):
 * - 超过 … 的 2/3  → strictly more than (strict = true)
 * - … 的 1/2 以上  → at least, the number itself included (strict = false); the drafting
 *   convention, e.g. Civil Code art. 1259: 「以上」「以下」「以内」「届满」包括本数.
 * All comparisons are integer cross-multiplications (count·den vs base·num): no floats, so
 * "exactly 2/3 of 6" is 4 and never 3.9999.
 */
import { z } from 'zod';

export interface Threshold {
  num: number;
  den: number;
  /** true: 超过 (strictly more than); false: 以上 (at least). */
  strict: boolean;
}

export const thresholdSchema = z
  .object({
    num: z.int({ error: '分子必须是整数' }).min(0, { error: '分子不能为负数' }),
    den: z.int({ error: '分母必须是整数' }).min(1, { error: '分母必须大于0' }),
    strict: z.boolean({ error: '必须说明是“超过”还是“以上”' }),
  })
  .refine((t) => t.num <= t.den, { error: '比例不能大于1（分子不能大于分母）' });

function assertCount(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${what}必须是非负整数，收到 ${value}`);
  }
}

/** Does `count` satisfy the threshold measured against `base`? */
export function meetsThreshold(count: number, base: number, t: Threshold): boolean {
  assertCount(count, '人数');
  assertCount(base, '基数');
  const lhs = count * t.den;
  const rhs = base * t.num;
  return t.strict ? lhs > rhs : lhs >= rhs;
}

/**
 * The smallest count that satisfies the threshold against `base`.
 * at least:   ceil(base·num/den);   strictly more: floor(base·num/den) + 1.
 * May exceed `base` (e.g. strictly more than 100%): then the threshold cannot be met.
 */
export function minimumToMeet(base: number, t: Threshold): number {
  assertCount(base, '基数');
  const product = base * t.num;
  const floor = Math.floor(product / t.den);
  if (t.strict) return floor + 1;
  return floor * t.den === product ? floor : floor + 1;
}

/**
 * Chinese wording of a threshold, e.g. `超过应到人数的2/3` or `实到人数的1/2以上`.
 * `baseLabel` names what the fraction is taken of.
 */
export function describeThreshold(t: Threshold, baseLabel: string): string {
  if (t.num === t.den) return t.strict ? `超过${baseLabel}` : `${baseLabel}全部`;
  const fraction = `${t.num}/${t.den}`;
  return t.strict ? `超过${baseLabel}的${fraction}` : `${baseLabel}的${fraction}以上`;
}

/**
 * A threshold as a requirement after 须/应, without doubling a word: `差额须达到应选人数的1/5以上`,
 * `到会须超过应到人数的2/3` (never 不少于…以上 or 须…以上 with no verb).
 */
export function describeRequirement(t: Threshold, baseLabel: string): string {
  const rule = describeThreshold(t, baseLabel);
  return t.strict ? rule : `达到${rule}`;
}
