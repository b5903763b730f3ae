import { describe, expect, it } from 'vitest';
import type { Threshold } from './thresholds';
import { describeThreshold, meetsThreshold, minimumToMeet, thresholdSchema } from './thresholds';

const MORE_THAN_TWO_THIRDS: Threshold = { num: 2, den: 3, strict: true };
const HALF_OR_MORE: Threshold = { num: 1, den: 2, strict: false };
const MORE_THAN_HALF: Threshold = { num: 1, den: 2, strict: true };
const MORE_THAN_FOUR_FIFTHS: Threshold = { num: 4, den: 5, strict: true };

describe('meetsThreshold', () => {
  it.each([
    // [count, base, threshold, expected]
    [4, 6, MORE_THAN_TWO_THIRDS, false], // exactly 2/3 is not "more than"
    [5, 6, MORE_THAN_TWO_THIRDS, true],
    [6, 9, MORE_THAN_TWO_THIRDS, false],
    [7, 9, MORE_THAN_TWO_THIRDS, true],
    [3, 6, HALF_OR_MORE, true], // exactly half is "half or more" (以上 includes)
    [2, 6, HALF_OR_MORE, false],
    [3, 6, MORE_THAN_HALF, false],
    [4, 6, MORE_THAN_HALF, true],
    [8, 10, MORE_THAN_FOUR_FIFTHS, false],
    [9, 10, MORE_THAN_FOUR_FIFTHS, true],
    [1, 3, { num: 1, den: 3, strict: false }, true], // 1/3 of 3 is exactly 1, no float drift
    [0, 0, HALF_OR_MORE, true],
    [0, 0, MORE_THAN_HALF, false],
  ] as const)('%i of %i against %o → %s', (count, base, t, expected) => {
    expect(meetsThreshold(count, base, t)).toBe(expected);
  });

  it('refuses non-integer and negative counts (programming errors)', () => {
    expect(() => meetsThreshold(2.5, 6, HALF_OR_MORE)).toThrow(RangeError);
    expect(() => meetsThreshold(-1, 6, HALF_OR_MORE)).toThrow(RangeError);
  });
});

describe('minimumToMeet', () => {
  it.each([
    [6, MORE_THAN_TWO_THIRDS, 5],
    [9, MORE_THAN_TWO_THIRDS, 7],
    [7, MORE_THAN_TWO_THIRDS, 5],
    [3, MORE_THAN_TWO_THIRDS, 3],
    [6, HALF_OR_MORE, 3],
    [7, HALF_OR_MORE, 4],
    [6, MORE_THAN_HALF, 4],
    [7, MORE_THAN_HALF, 4],
    [10, MORE_THAN_FOUR_FIFTHS, 9],
    [5, MORE_THAN_FOUR_FIFTHS, 5],
  ] as const)('base %i with %o needs %i', (base, t, expected) => {
    expect(minimumToMeet(base, t)).toBe(expected);
  });

  it('is exactly the boundary of meetsThreshold for every base and fraction', () => {
    const fractions: Threshold[] = [];
    for (let den = 1; den <= 7; den++) {
      for (let num = 0; num <= den; num++) {
        fractions.push({ num, den, strict: true }, { num, den, strict: false });
      }
    }
    for (const t of fractions) {
      for (let base = 0; base <= 40; base++) {
        const min = minimumToMeet(base, t);
        expect(meetsThreshold(min, base, t)).toBe(true);
        if (min > 0) expect(meetsThreshold(min - 1, base, t)).toBe(false);
      }
    }
  });
});

describe('describeThreshold', () => {
  it('words 超过 and 以上 as the rule texts do', () => {
    expect(describeThreshold(MORE_THAN_TWO_THIRDS, '应到人数')).toBe('超过应到人数的2/3');
    expect(describeThreshold(HALF_OR_MORE, '应到人数')).toBe('应到人数的1/2以上');
    expect(describeThreshold({ num: 1, den: 1, strict: false }, '应到人数')).toBe('应到人数全部');
  });
});

describe('thresholdSchema', () => {
  it('rejects fractions above one and zero denominators with Chinese messages', () => {
    const r = thresholdSchema.safeParse({ num: 3, den: 2, strict: true });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toContain('比例不能大于1');
    expect(thresholdSchema.safeParse({ num: 1, den: 0, strict: true }).error?.issues[0]?.message).toBe('分母必须大于0');
  });
});
